"""Phone videos and voice memos (MP4, MOV, M4A) without their metadata: where they were recorded,
on which phone, by whom.

A phone writes that into `udta` and `meta` boxes (the QuickTime `©xyz` location, Apple's
`com.apple.quicktime.location.ISO6709` key, iTunes-style tags) and sometimes an XMP `uuid` box.
Each of those, at the top level, in the movie and in each track, becomes a `free` box of the same
size filled with zeros: nothing of it is left in the file, and since no box moves, the offsets of
the media samples stay right and the file plays as before. No re-encoding, no ffmpeg.
"""

import struct

_PRIVATE = {b"udta", b"meta"}
_XMP_UUID = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")
_CONTAINERS = {b"moov", b"trak"}  # where the private boxes live


def _boxes(data: bytearray, start: int, end: int) -> list[tuple[bytes, int, int, int]]:
    """(type, box start, payload start, box end) of each box in data[start:end]; stops at the
    first box whose size does not fit (what follows is not walked, and not trusted)."""
    found = []
    at = start
    while at + 8 <= end:
        size, kind = struct.unpack_from(">I4s", data, at)
        header = 8
        if size == 1:
            if at + 16 > end:
                break
            (size,) = struct.unpack_from(">Q", data, at + 8)
            header = 16
        elif size == 0:
            size = end - at
        if size < header or at + size > end:
            break
        found.append((bytes(kind), at, at + header, at + size))
        at += size
    return found


def _blank(data: bytearray, box_start: int, payload_start: int, box_end: int) -> None:
    data[box_start + 4 : box_start + 8] = b"free"
    data[payload_start:box_end] = bytes(box_end - payload_start)


def _strip(data: bytearray, start: int, end: int, top: bool) -> None:
    for kind, box_start, payload, box_end in _boxes(data, start, end):
        xmp = top and kind == b"uuid" and data[payload : payload + 16] == _XMP_UUID
        if kind in _PRIVATE or xmp:
            _blank(data, box_start, payload, box_end)
        elif kind in _CONTAINERS:
            _strip(data, payload, box_end, top=False)


def strip_metadata(data: bytes) -> bytes:
    """The same file without its metadata boxes (see the module's description)."""
    out = bytearray(data)
    _strip(out, 0, len(out), top=True)
    return bytes(out)
