"""Files for the upload tests, built in memory: good files of every accepted kind, and malicious
or malformed ones with the refusal each must get. No binary fixtures in the repository.

Each `Case` names the outcome: `kind` (and `mime`, `extension`) when accepted, or `error`, the
ValidationError code, when refused.
"""

import io
import struct
import wave
import zipfile
import zlib
from dataclasses import dataclass

from PIL import Image


@dataclass(frozen=True)
class Case:
    id: str
    name: str
    data: bytes
    kind: str | None = None
    mime: str | None = None
    extension: str | None = None
    error: str | None = None
    original_name: str | None = None
    max_bytes: int | None = None  # UPLOAD_MAX_BYTES for this case, when not the default
    why: str = ""


# --- pictures -------------------------------------------------------------------------------


def picture(fmt: str, size: tuple[int, int] = (8, 6), **options: object) -> bytes:
    out = io.BytesIO()
    mode = "P" if fmt == "GIF" else "RGB"
    Image.new(mode, size, color=3 if mode == "P" else (200, 40, 90)).save(
        out, format=fmt, **options
    )
    return out.getvalue()


def gif_polyglot() -> bytes:
    """A real GIF that also carries a script: a comment block with `<script>` and JavaScript
    after the trailer (the GIFAR idea). Browsers only run it if served as HTML or JS."""
    gif = picture("GIF")
    assert gif.endswith(b";")
    comment = b"<script>alert(1)</script>"
    block = b"\x21\xfe" + bytes([len(comment)]) + comment + b"\x00"
    return gif[:-1] + block + b";" + b"*/=1;alert(document.cookie);//<script>alert(2)</script>"


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_pixel_bomb() -> bytes:
    """A few hundred bytes that claim 100,000 x 100,000 pixels."""
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + png_chunk(b"IEND", b"")
    )


def jpeg_with_php() -> bytes:
    """A real JPEG with PHP in a comment segment: harmless to us, we never execute uploads."""
    jpeg = picture("JPEG")
    php = b"<?php system($_GET['c']); ?>"
    segment = b"\xff\xfe" + struct.pack(">H", len(php) + 2) + php
    return jpeg[:2] + segment + jpeg[2:]


# --- audio and video --------------------------------------------------------------------------


def mp3_frames(count: int = 3) -> bytes:
    # MPEG-1 layer III, 128 kbit/s, 44.1 kHz: 417-byte frames.
    return (b"\xff\xfb\x90\x64" + b"\x00" * 413) * count


def mp3_id3() -> bytes:
    return b"ID3\x04\x00\x00\x00\x00\x00\x00" + mp3_frames(2)


def wav() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(8000)
        writer.writeframes(b"\x00\x00" * 800)
    return out.getvalue()


def isobmff(major: bytes, *compatible: bytes) -> bytes:
    """A minimal ISO base media file: an `ftyp` box and an empty `mdat`."""
    body = major + struct.pack(">I", 0x200) + b"".join(compatible)
    return struct.pack(">I", 8 + len(body)) + b"ftyp" + body + struct.pack(">I", 8) + b"mdat"


def ebml(doctype: bytes) -> bytes:
    """An EBML header (as WebM and Matroska start) and the start of a segment."""
    children = (
        b"\x42\x86\x81\x01"  # EBMLVersion 1
        b"\x42\xf7\x81\x01"  # EBMLReadVersion 1
        b"\x42\xf2\x81\x04"  # EBMLMaxIDLength 4
        b"\x42\xf3\x81\x08"  # EBMLMaxSizeLength 8
        + b"\x42\x82"
        + bytes([0x80 | len(doctype)])
        + doctype
        + b"\x42\x87\x81\x02"  # DocTypeVersion 2
        b"\x42\x85\x81\x02"  # DocTypeReadVersion 2
    )
    header = b"\x1a\x45\xdf\xa3" + bytes([0x80 | len(children)]) + children
    return header + b"\x18\x53\x80\x67\x01\xff\xff\xff\xff\xff\xff\xff" + b"\x00" * 32


def ogg(head: bytes) -> bytes:
    """The first page of an Ogg stream, carrying a codec's identification header."""
    page = (
        b"OggS\x00\x02"
        + b"\x00" * 8  # granule position
        + b"\x01\x00\x00\x00"  # serial
        + b"\x00" * 4  # page sequence
        + b"\x00" * 4  # checksum (not checked by the sniffer)
        + bytes([1, len(head)])
    )
    return page + head


OPUS_HEAD = b"OpusHead\x01\x01\x38\x01\x80\xbb\x00\x00\x00\x00\x00"
VORBIS_HEAD = b"\x01vorbis\x00\x00\x00\x00\x02\x44\xac\x00\x00" + b"\x00" * 13 + b"\xb8\x01"
# An ADTS frame header (MPEG-4 AAC-LC, 44.1 kHz, stereo) and its payload.
AAC_ADTS = (b"\xff\xf1\x50\x80\x02\x1f\xfc" + b"\x00" * 9) * 4


# --- documents --------------------------------------------------------------------------------


def pdf(extra_catalog: bytes = b"", extra_objects: tuple[bytes, ...] = ()) -> bytes:
    """A minimal, well-formed PDF with one empty page and a correct cross-reference table."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + extra_catalog + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        *extra_objects,
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pdf_object_stream_with_script() -> bytes:
    """JavaScript hidden inside a compressed object stream, where a plain byte search misses it."""
    hidden = b"<< /S /JavaScript /JS (app.alert(1)) >>"
    packed = zlib.compress(b"5 0 " + hidden)
    stream = (
        b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length "
        + str(len(packed)).encode()
        + b" >>\nstream\n"
        + packed
        + b"\nendstream"
    )
    data = pdf(b"/OpenAction 5 0 R ", (stream,))
    assert b"JavaScript" not in data
    return data


def zip_of(files: dict[str, bytes], *, stored: tuple[str, ...] = ()) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in files.items():
            method = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            archive.writestr(name, body, compress_type=method)
    return out.getvalue()


CT_MAIN = {
    "word/document.xml": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    ),
    "xl/workbook.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "ppt/presentation.xml": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
    ),
}


def content_types(part: str, content_type: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override ContentType="{content_type}" PartName="/{part}"/>'
        "</Types>"
    ).encode()


def ooxml(part: str, *, content_type: str | None = None, extra: dict[str, bytes] | None = None):
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        f'Target="{part}"/></Relationships>'
    ).encode()
    files = {
        "[Content_Types].xml": content_types(part, content_type or CT_MAIN[part]),
        "_rels/.rels": rels,
        part: b'<?xml version="1.0"?><document><body>Hallo</body></document>',
        **(extra or {}),
    }
    return zip_of(files)


def opendocument(mime: str, extra: dict[str, bytes] | None = None) -> bytes:
    files = {
        "mimetype": mime.encode(),
        "content.xml": b'<?xml version="1.0"?><office:document-content/>',
        "META-INF/manifest.xml": b'<?xml version="1.0"?><manifest:manifest/>',
        **(extra or {}),
    }
    return zip_of(files, stored=("mimetype",))


def zip_bomb() -> bytes:
    """An "Office file" of 20 KB whose one part unpacks to 20 MB of zeros."""
    return zip_of(
        {
            "[Content_Types].xml": content_types("word/document.xml", CT_MAIN["word/document.xml"]),
            "word/document.xml": b"\x00" * (20 * 1024 * 1024),
        }
    )


def zip_many_entries() -> bytes:
    files = {
        "[Content_Types].xml": content_types("word/document.xml", CT_MAIN["word/document.xml"])
    }
    files.update({f"word/media/{n}.xml": b"" for n in range(10_001)})
    files["word/document.xml"] = b"<document/>"
    return zip_of(files)


# --- programs and archives --------------------------------------------------------------------


def compound_file(*streams: str) -> bytes:
    """The start of a Microsoft compound file (legacy Office), naming its streams."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff"
    names = b"".join(name.encode("utf-16-le").ljust(64, b"\x00") for name in streams)
    return header.ljust(512, b"\x00") + names.ljust(1024, b"\x00")


def windows_exe() -> bytes:
    dos = bytearray(b"MZ" + b"\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 50)
    dos[0x3C:0x40] = struct.pack("<I", 0x40)
    return bytes(dos) + b"PE\x00\x00" + b"\x4c\x01" + b"\x00" * 200


def elf() -> bytes:
    return b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 100


def gzip_archive() -> bytes:
    import gzip

    return gzip.compress(b"some file\n" * 10)


def tar_archive() -> bytes:
    import tarfile

    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w") as archive:
        body = b"hello\n"
        info = tarfile.TarInfo("hello.txt")
        info.size = len(body)
        archive.addfile(info, io.BytesIO(body))
    return out.getvalue()


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(document.domain)</script></svg>"
)
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
PHP_SHELL = b"<?php system($_GET['cmd']); ?>"


def build_corpus() -> list[Case]:
    png = picture("PNG")
    docx = ooxml("word/document.xml")
    a_pdf = pdf()
    return [
        # Accepted, one of each kind.
        Case("png", "foto.png", png, kind="image", mime="image/png", extension="png"),
        Case("jpeg", "foto.JPG", picture("JPEG"), kind="image", mime="image/jpeg", extension="jpg"),
        Case(
            "webp", "foto.webp", picture("WEBP"), kind="image", mime="image/webp", extension="webp"
        ),
        Case("gif", "anim.gif", picture("GIF"), kind="image", mime="image/gif", extension="gif"),
        Case(
            "png-named-jpg",
            "foto.jpg",
            png,
            kind="image",
            mime="image/png",
            extension="png",
            why="same family: stored under the extension of what it really is",
        ),
        Case(
            "gif-js-polyglot",
            "lach.gif",
            gif_polyglot(),
            kind="image",
            mime="image/gif",
            extension="gif",
            why="a valid GIF; served as image/gif with nosniff and re-encoded, no script runs",
        ),
        Case(
            "gif-header-then-script",
            "lach.gif",
            b"GIF89a<script>alert(1)</script>",
            error="mismatch",
            why="only the signature, no picture: judged as the text it is, which a .gif is not",
        ),
        Case(
            "jpeg-with-php-comment",
            "foto.jpg",
            jpeg_with_php(),
            kind="image",
            mime="image/jpeg",
            extension="jpg",
            why="a valid JPEG; we never execute uploads and re-encode pictures",
        ),
        Case(
            "mp3-frames", "lied.mp3", mp3_frames(), kind="audio", mime="audio/mpeg", extension="mp3"
        ),
        Case("mp3-id3", "lied.mp3", mp3_id3(), kind="audio", mime="audio/mpeg", extension="mp3"),
        Case("wav", "opname.wav", wav(), kind="audio", mime="audio/wav", extension="wav"),
        Case("m4a", "memo.m4a", isobmff(b"M4A ", b"M4A ", b"isom"), kind="audio", extension="m4a"),
        Case("opus", "memo.opus", ogg(OPUS_HEAD), kind="audio", mime="audio/ogg", extension="opus"),
        Case(
            "vorbis", "lied.ogg", ogg(VORBIS_HEAD), kind="audio", mime="audio/ogg", extension="ogg"
        ),
        Case("aac", "memo.aac", AAC_ADTS, kind="audio", mime="audio/aac", extension="aac"),
        Case("mp4", "film.mp4", isobmff(b"isom", b"isom", b"mp41"), kind="video", extension="mp4"),
        Case("mov", "IMG_0001.MOV", isobmff(b"qt  ", b"qt  "), kind="video", extension="mov"),
        Case("webm", "clip.webm", ebml(b"webm"), kind="video", mime="video/webm", extension="webm"),
        Case(
            "mp4-named-m4a",
            "geluid.m4a",
            isobmff(b"isom", b"isom"),
            kind="video",
            extension="mp4",
            why="audio and video names are one family: containers hold either",
        ),
        Case("pdf", "verslag.pdf", a_pdf, kind="document", mime="application/pdf", extension="pdf"),
        Case("docx", "brief.docx", docx, kind="document", extension="docx"),
        Case("xlsx", "rooster.xlsx", ooxml("xl/workbook.xml"), kind="document", extension="xlsx"),
        Case(
            "pptx",
            "ouderavond.pptx",
            ooxml("ppt/presentation.xml"),
            kind="document",
            extension="pptx",
        ),
        Case(
            "odt",
            "notulen.odt",
            opendocument("application/vnd.oasis.opendocument.text"),
            kind="document",
            mime="application/vnd.oasis.opendocument.text",
            extension="odt",
        ),
        Case(
            "ods",
            "cijfers.ods",
            opendocument("application/vnd.oasis.opendocument.spreadsheet"),
            kind="document",
            extension="ods",
        ),
        Case(
            "odp",
            "presentatie.odp",
            opendocument("application/vnd.oasis.opendocument.presentation"),
            kind="document",
            extension="odp",
        ),
        Case(
            "txt",
            "notitie.txt",
            "Boodschappen: melk, brood, kaas — en één appel.\n".encode(),
            kind="document",
            mime="text/plain; charset=utf-8",
            extension="txt",
        ),
        Case(
            "csv-with-formulas",
            "lijst.csv",
            b'naam,bedrag\nJan,=SUM(A1:A9)\nPiet,"=HYPERLINK(""http://x.nl"",""klik"")"\n',
            kind="document",
            mime="text/csv; charset=utf-8",
            extension="csv",
            why="CSV injection is handled where Kring exports CSV, not at upload",
        ),
        Case(
            "csv-windows-1252",
            "export.csv",
            "naam;plaats\nRen\u00e9;Li\u00e8ge \u20ac5\n".encode("cp1252"),
            kind="document",
            mime="text/csv; charset=windows-1252",
            extension="csv",
        ),
        Case(
            "text-that-starts-like-bmp",
            "bmi.csv",
            b"BMI,leeftijd\n21.5,40\n",
            kind="document",
            extension="csv",
            why="'BM' is a BMP signature; the rest says text",
        ),
        Case("text-starting-with-mz", "codes.txt", b"MZ-12 is de code\n", kind="document"),
        Case(
            "path-traversal-name",
            "../../etc/passwd.txt",
            b"root:x:0:0:root:/root:/bin/bash\n",
            kind="document",
            original_name="passwd.txt",
        ),
        Case(
            "control-chars-in-name",
            "ver\x07sl\x1bag\u200b juni.txt",
            b"Notulen\n",
            kind="document",
            original_name="verslag juni.txt",
        ),
        Case(
            "no-extension",
            "LEESMIJ",
            b"Lees mij eerst.\n",
            kind="document",
            extension="txt",
            original_name="LEESMIJ",
        ),
        # Refused: names that lie about the content.
        Case("png-named-pdf", "report.pdf", png, error="mismatch"),
        Case("pdf-named-jpg", "photo.jpg", a_pdf, error="mismatch"),
        Case("pdf-named-png", "scan.png", a_pdf, error="mismatch"),
        Case("html-named-jpg", "photo.jpg", HTML_PAGE, error="mismatch"),
        Case("php-named-jpg", "avatar.jpg", PHP_SHELL, error="mismatch"),
        Case("svg-named-png", "logo.png", SVG_WITH_SCRIPT, error="mismatch"),
        Case("one-byte", "x.png", b"\x89", error="mismatch"),
        Case(
            "rtl-override-name",
            "invoice\u202efdp.exe",
            a_pdf,
            error="refused_extension",
            why="shown as invoiceexe.pdf; without the override the name ends in .exe",
        ),
        # Refused: markup and scripts, whatever they are called.
        Case("svg-with-script", "logo.svg", SVG_WITH_SCRIPT, error="refused_extension"),
        Case("svg-named-txt", "logo.txt", SVG_WITH_SCRIPT, error="markup"),
        Case("html-no-extension", "index", b"\xef\xbb\xbf \n" + HTML_PAGE, error="markup"),
        Case("xml-named-txt", "data.txt", b'<?xml version="1.0"?><a/>', error="markup"),
        Case("javascript", "app.js", b"alert(document.cookie)\n", error="refused_extension"),
        Case("php-named-txt", "shell.txt", PHP_SHELL, error="markup"),
        Case("shell-script-txt", "install.txt", b"#!/bin/sh\nrm -rf ~\n", error="script"),
        # Refused: programs and archives.
        Case("exe-named-docx", "brief.docx", windows_exe(), error="program"),
        Case("elf", "tool", elf(), error="program"),
        Case(
            "mach-o",
            "tool.pdf",
            b"\xcf\xfa\xed\xfe\x07\x00\x00\x01" + b"\x00" * 64,
            error="program",
        ),
        Case("flash", "game.jpg", b"FWS\x0a\x00\x10\x00\x00" + b"\x00" * 40, error="program"),
        Case(
            "plain-zip-named-docx",
            "brief.docx",
            zip_of({"brief.txt": b"hallo"}),
            error="archive",
        ),
        Case("zip", "fotos.zip", zip_of({"a.jpg": png}), error="archive"),
        Case("rar", "fotos.jpg", b"Rar!\x1a\x07\x01\x00" + b"\x00" * 40, error="archive"),
        Case("7z", "fotos.pdf", b"7z\xbc\xaf\x27\x1c\x00\x04" + b"\x00" * 40, error="archive"),
        Case(
            "epub",
            "boek.pdf",
            opendocument("application/epub+zip"),
            error="archive",
        ),
        Case("gzip", "data.csv", gzip_archive(), error="archive"),
        Case("tar", "data.txt", tar_archive(), error="archive"),
        Case("zip-bomb-named-docx", "brief.docx", zip_bomb(), error="unsafe_archive"),
        Case("zip-too-many-entries", "brief.docx", zip_many_entries(), error="unsafe_archive"),
        Case(
            "ooxml-without-main-part",
            "brief.docx",
            zip_of(
                {
                    "[Content_Types].xml": content_types(
                        "word/document.xml", CT_MAIN["word/document.xml"]
                    )
                }
            ),
            error="damaged",
        ),
        Case(
            "docx-with-macros",
            "brief.docx",
            ooxml("word/document.xml", extra={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"}),
            error="macros",
        ),
        Case(
            "docm",
            "brief.docx",
            ooxml(
                "word/document.xml",
                content_type="application/vnd.ms-word.document.macroEnabled.main+xml",
            ),
            error="macros",
        ),
        Case(
            "odt-with-basic-macros",
            "notulen.odt",
            opendocument(
                "application/vnd.oasis.opendocument.text",
                {"Basic/Standard/Module1.xml": b"<script:module/>"},
            ),
            error="macros",
        ),
        Case(
            "old-word", "brief.doc", compound_file("Root Entry", "WordDocument"), error="old_office"
        ),
        Case(
            "password-protected-docx",
            "geheim.docx",
            compound_file("Root Entry", "EncryptionInfo", "EncryptedPackage"),
            error="encrypted",
        ),
        # Refused: scripts inside PDFs.
        Case(
            "pdf-javascript",
            "factuur.pdf",
            pdf(b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >> "),
            error="pdf_script",
        ),
        Case(
            "pdf-javascript-hex-escaped-name",
            "factuur.pdf",
            pdf(b"/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> "),
            error="pdf_script",
        ),
        Case(
            "pdf-launch",
            "factuur.pdf",
            pdf(b"/OpenAction << /S /Launch /F (cmd.exe) >> "),
            error="pdf_script",
        ),
        Case(
            "pdf-script-in-object-stream",
            "factuur.pdf",
            pdf_object_stream_with_script(),
            error="pdf_script",
        ),
        # Refused: broken, empty, binary or not a kind we take.
        Case("empty", "leeg.txt", b"", error="empty"),
        Case(
            "truncated-jpeg", "foto.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", error="damaged"
        ),
        Case("pixel-bomb-png", "groot.png", png_pixel_bomb(), error="too_many_pixels"),
        Case("null-bytes-txt", "notitie.txt", b"hallo\x00wereld\n", error="not_accepted"),
        Case(
            "utf16-text",
            "notitie.txt",
            "Hallo wereld\n".encode("utf-16"),
            error="text_encoding",
            why="Kring takes UTF-8 or single-byte text; UTF-16 is full of NUL bytes",
        ),
        Case("bmp", "foto.bmp", picture("BMP"), error="not_accepted"),
        Case("matroska", "film.mkv", ebml(b"matroska"), error="not_accepted"),
        Case(
            "oversized",
            "groot.txt",
            b"a" * 2000,
            error="too_large",
            max_bytes=1000,
        ),
    ]


CORPUS = build_corpus()
