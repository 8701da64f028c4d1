"""What the tests of stored files share."""

from pathlib import Path

# A photo's location, as a phone writes it into EXIF.
GPS = {1: "N", 2: (52.0, 22.0, 12.5), 3: "E", 4: (4.0, 53.0, 2.0)}


def stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]
