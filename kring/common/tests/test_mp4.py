"""Phone videos lose where they were recorded, and still play: no box moves."""

import struct

from kring.common.mp4 import strip_metadata

LOCATION = b"+52.0907+005.1214/"
XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")


def box(kind: bytes, *children: bytes, payload: bytes = b"") -> bytes:
    body = payload + b"".join(children)
    return struct.pack(">I4s", 8 + len(body), kind) + body


def phone_video() -> bytes:
    """ftyp, an XMP box, moov (mvhd, udta with ©xyz, meta with the Apple location key, a track
    with its own udta) and mdat, the way phones write them."""
    return b"".join(
        [
            box(b"ftyp", payload=b"qt  \x00\x00\x00\x00qt  "),
            box(b"uuid", payload=XMP_UUID + b"<x:xmpmeta>GPSLatitude 52,5.4N</x:xmpmeta>"),
            box(
                b"moov",
                box(b"mvhd", payload=bytes(100)),
                box(b"udta", box(b"\xa9xyz", payload=b"\x00\x12\x15\xc7" + LOCATION)),
                box(
                    b"meta",
                    box(b"keys", payload=b"com.apple.quicktime.location.ISO6709"),
                    box(b"ilst", payload=LOCATION + b"iPhone 15 van Mila"),
                ),
                box(b"trak", box(b"tkhd", payload=bytes(84)), box(b"udta", payload=b"Mila")),
            ),
            box(b"mdat", payload=b"\x00\x00\x00\x10frames of video data"),
        ]
    )


def test_location_phone_and_owner_are_gone_and_nothing_moves():
    original = phone_video()
    clean = strip_metadata(original)
    assert len(clean) == len(original)
    for secret in (LOCATION, b"ISO6709", b"iPhone 15", b"GPSLatitude", b"Mila", b"\xa9xyz"):
        assert secret in original and secret not in clean
    for kept in (b"ftyp", b"mvhd", b"tkhd", b"mdat", b"frames of video data"):
        assert original.index(kept) == clean.index(kept)  # every sample stays where it was
    assert b"udta" not in clean and clean.count(b"free") == 4


def test_a_large_box_and_a_box_running_to_the_end():
    large = struct.pack(">I4sQ", 1, b"udta", 16 + len(LOCATION)) + LOCATION
    to_end = struct.pack(">I4s", 0, b"mdat") + b"data till the end"
    clean = strip_metadata(box(b"ftyp", payload=b"isom") + large + to_end)
    assert LOCATION not in clean and clean.endswith(b"data till the end")


def test_a_damaged_file_is_left_as_it_is_from_where_it_breaks():
    broken = box(b"ftyp", payload=b"isom") + struct.pack(">I4s", 9999, b"moov") + b"short"
    assert strip_metadata(broken) == broken
    assert strip_metadata(b"") == b""
