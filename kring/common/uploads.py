"""Uploaded attachments: what a file is comes from its bytes, never from its name or the browser.

`classify_upload` accepts pictures, audio, video, PDF, Office/OpenDocument files and plain text,
and refuses everything a browser, a server or an operating system could run (HTML, SVG, XML,
scripts, programs), archives, and files whose name claims another kind of content than they
hold. The extension we store with is chosen from the sniffed type.

What this does not do, and the serving side must: send the stored file with `UploadInfo.mime`
and `X-Content-Type-Options: nosniff` (Django's SecurityMiddleware default), documents as
`Content-Disposition: attachment`, and pictures re-encoded (`common.images`). A GIF that is also
valid JavaScript (a "GIFAR" polyglot) is accepted as a picture for that reason: served as
image/gif with nosniff and re-encoded, it never runs. CSV formula injection (`=HYPERLINK(…)`) is
a problem of spreadsheet exports, handled where Kring writes CSV, not of uploads.
"""

import io
import re
import unicodedata
import warnings
import zipfile
import zlib
from dataclasses import dataclass
from typing import Literal

import filetype  # type: ignore[import-untyped]
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

Kind = Literal["image", "audio", "video", "document"]

ORIGINAL_NAME_MAX_LENGTH = 150

# Zip containers (Office files): a legitimate document has at most a few thousand parts, and its
# XML packs at most ~100:1. We never unpack the parts, but whatever previews or indexes the file
# later would.
ZIP_MAX_ENTRIES = 10_000
ZIP_MAX_RATIO = 100
ZIP_MAX_UNPACKED = 1024 * 1024 * 1024
# PDF object streams we unpack to look for scripts hidden inside them.
PDF_MAX_UNPACKED = 64 * 1024 * 1024

_READ_CHUNK = 64 * 1024
_SNIFF_BYTES = 8192


@dataclass(frozen=True, slots=True)
class UploadInfo:
    kind: Kind
    mime: str
    extension: str
    size: int
    original_name: str


@dataclass(frozen=True, slots=True)
class _Format:
    kind: Kind
    family: str  # what a client extension must agree with: image, media, pdf, office, text
    mime: str
    extension: str


_ACCEPTED: dict[str, _Format] = {
    "image/jpeg": _Format("image", "image", "image/jpeg", "jpg"),
    "image/png": _Format("image", "image", "image/png", "png"),
    "image/apng": _Format("image", "image", "image/png", "png"),
    "image/webp": _Format("image", "image", "image/webp", "webp"),
    "image/gif": _Format("image", "image", "image/gif", "gif"),
    "audio/mpeg": _Format("audio", "media", "audio/mpeg", "mp3"),
    "audio/mp4": _Format("audio", "media", "audio/mp4", "m4a"),
    "audio/aac": _Format("audio", "media", "audio/aac", "aac"),
    "audio/ogg": _Format("audio", "media", "audio/ogg", "ogg"),
    "audio/x-wav": _Format("audio", "media", "audio/wav", "wav"),
    "video/mp4": _Format("video", "media", "video/mp4", "mp4"),
    "video/x-m4v": _Format("video", "media", "video/mp4", "mp4"),
    "video/webm": _Format("video", "media", "video/webm", "webm"),
    "video/quicktime": _Format("video", "media", "video/quicktime", "mov"),
}
_PILLOW_FORMATS = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/webp": "WEBP",
    "image/gif": "GIF",
}
_PDF = _Format("document", "pdf", "application/pdf", "pdf")
_OPUS = _Format("audio", "media", "audio/ogg", "opus")
_OOXML = {
    "word/": _Format(
        "document",
        "office",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
    ),
    "xl/": _Format(
        "document",
        "office",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    ),
    "ppt/": _Format(
        "document",
        "office",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "pptx",
    ),
}
_OOXML_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "word/",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xl/",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "ppt/",
}
_ODF = {
    "application/vnd.oasis.opendocument.text": _Format(
        "document", "office", "application/vnd.oasis.opendocument.text", "odt"
    ),
    "application/vnd.oasis.opendocument.spreadsheet": _Format(
        "document", "office", "application/vnd.oasis.opendocument.spreadsheet", "ods"
    ),
    "application/vnd.oasis.opendocument.presentation": _Format(
        "document", "office", "application/vnd.oasis.opendocument.presentation", "odp"
    ),
}

# What a client's extension claims. Unknown extensions claim nothing (we store with our own).


def _words(text: str) -> list[str]:
    return text.split()


_EXTENSION_FAMILY = {
    **dict.fromkeys(
        _words("jpg jpeg jpe jfif pjpeg pjp png apng gif webp heic heif avif bmp tif tiff ico"),
        "image",
    ),
    **dict.fromkeys(
        _words("mp3 m4a aac ogg oga opus wav wave flac mp4 m4v webm mov qt mkv avi 3gp"), "media"
    ),
    "pdf": "pdf",
    **dict.fromkeys(_words("docx xlsx pptx odt ods odp doc xls ppt rtf"), "office"),
    **dict.fromkeys(_words("txt text csv tsv md log"), "text"),
}
# Extensions that name something a browser, server or operating system would run or unpack:
# refused whatever the bytes are.
_REFUSED_EXTENSIONS = frozenset(
    _words(
        "html htm xhtml xht shtml mht mhtml svg svgz xml xsl xslt js mjs cjs jsx vbs vbe wsf "
        "wsh hta php phtml php3 php4 php5 php7 phar asp aspx jsp jspx cgi exe dll com scr msi "
        "msp bat cmd ps1 psm1 sh bash zsh csh ksh app dmg pkg deb rpm apk jar elf bin run so "
        "dylib lnk url desktop reg inf swf zip rar 7z gz tgz tar bz2 xz zst cab iso docm xlsm "
        "pptm dotm xltm potm ppsm"
    )
)
_ARCHIVE_MIMES = frozenset(
    {
        "application/zip",
        "application/epub+zip",
        "application/x-tar",
        "application/x-rar-compressed",
        "application/gzip",
        "application/x-bzip2",
        "application/x-7z-compressed",
        "application/x-xz",
        "application/zstd",
        "application/x-lzip",
        "application/x-lz4",
        "application/x-lzop",
        "application/x-compress",
        "application/x-brotli",
        "application/vnd.ms-cab-compressed",
        "application/x-unix-archive",
    }
)
_PROGRAM_MIMES = frozenset(
    {
        "application/x-msdownload",
        "application/x-executable",
        "application/x-deb",
        "application/x-rpm",
        "application/x-google-chrome-extension",
        "application/wasm",
        "application/x-shockwave-flash",
    }
)
_MACHO_MAGIC = (b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe")
_FAT_BINARY_MAGIC = b"\xca\xfe\xba\xbe"  # Mach-O universal binaries and Java classes
# Microsoft's compound file: legacy .doc/.xls/.ppt, and password-protected .docx/.xlsx/.pptx.
_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CFB_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_TEXT_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_EXTENSION_RE = re.compile(r"\.([a-z0-9]*[a-z][a-z0-9]*)$")


def _pdf_name_pattern(*names: str) -> re.Pattern[bytes]:
    """A PDF name like `/JavaScript`, in any of its spellings: each character may be written as
    `#xx` (`/J#61vaScript`), and the name ends at a delimiter."""

    def spellings(char: str) -> str:
        code = f"{ord(char):02x}"
        return f"(?:{re.escape(char)}|#(?i:{code}))"

    alternatives = "|".join("".join(spellings(c) for c in name) for name in names)
    return re.compile(rf"/(?:{alternatives})(?![^\s/<>\[\]()%{{}}])".encode())


_PDF_SCRIPT_NAMES = _pdf_name_pattern("JavaScript", "JS", "Launch")
_PDF_OBJECT_STREAM = _pdf_name_pattern("ObjStm")
_PDF_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_PDF_DICT_START = re.compile(rb"\d+\s+\d+\s+obj\b")


def _not_accepted() -> ValidationError:
    return ValidationError(
        _(
            "This type of file is not accepted. You can upload pictures (JPEG, PNG, WebP, GIF), "
            "audio (MP3, M4A, Ogg, WAV), video (MP4, WebM, MOV), PDF, Word, Excel, PowerPoint "
            "and OpenDocument files, and plain text (TXT, CSV)."
        ),
        code="not_accepted",
    )


def _damaged() -> ValidationError:
    return ValidationError(_("This file is damaged or incomplete."), code="damaged")


def _archive() -> ValidationError:
    return ValidationError(
        _("Archives (zip, rar, 7z, tar, gz) are not accepted. Upload the files themselves."),
        code="archive",
    )


def _program() -> ValidationError:
    return ValidationError(_("Programs are not accepted."), code="program")


def clean_original_name(name: str) -> str:
    """The client's file name made safe to show and store: the last path part only, without
    control or direction-override characters, at most 150 characters (extension kept)."""
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp"))
    name = unicodedata.normalize("NFC", name).strip().lstrip(".").strip()
    if len(name) > ORIGINAL_NAME_MAX_LENGTH:
        stem, dot, extension = name.rpartition(".")
        if dot and stem and len(extension) <= 10:
            keep = ORIGINAL_NAME_MAX_LENGTH - len(extension) - 1
            name = f"{stem[:keep].rstrip()}.{extension}"
        else:
            name = name[:ORIGINAL_NAME_MAX_LENGTH].rstrip()
    return name or "file"


def _client_extension(name: str) -> str:
    match = _EXTENSION_RE.search(name.lower())
    return match.group(1) if match else ""


def _read_capped(upload: UploadedFile[bytes], limit: int) -> bytes:
    """At most `limit + 1` bytes: enough to know the file is too large without reading it all."""
    upload.seek(0)
    data = bytearray()
    while len(data) <= limit:
        chunk = upload.read(min(_READ_CHUNK, limit + 1 - len(data)))
        if not chunk:
            break
        data += chunk
    return bytes(data)


def _too_large(limit: int) -> ValidationError:
    return ValidationError(
        _("This file is too large (at most %(limit)s).") % {"limit": filesizeformat(limit)},
        code="too_large",
    )


def classify_upload(upload: UploadedFile[bytes]) -> UploadInfo:
    """What the uploaded file really is, or a translated ValidationError saying why it is refused.

    Reads at most the size limit plus one byte and leaves the file at position 0 for saving.
    """
    limit: int = settings.KRING["UPLOAD_MAX_BYTES"]
    if upload.size is not None and upload.size > limit:
        raise _too_large(limit)
    original_name = clean_original_name(upload.name or "")
    try:
        data = _read_capped(upload, limit)
    finally:
        upload.seek(0)
    if len(data) > limit:
        # The client said it was smaller.
        raise _too_large(limit)
    if not data:
        raise ValidationError(_("This file is empty."), code="empty")

    extension = _client_extension(original_name)
    fmt = _sniff_binary(data)
    if fmt is not None:
        _check_extension(extension, fmt)
    else:
        decoded = _decode_text(data)
        if decoded is None:
            if data.startswith((b"\xff\xfe", b"\xfe\xff")):
                raise ValidationError(
                    _("This text file is not in UTF-8. Save it as UTF-8 text and upload it again."),
                    code="text_encoding",
                )
            raise _not_accepted()
        text, charset = decoded
        fmt = _text_format(charset, extension)
        _check_extension(extension, fmt)
        _check_text(text)
    return UploadInfo(
        kind=fmt.kind,
        mime=fmt.mime,
        extension=fmt.extension,
        size=len(data),
        original_name=original_name,
    )


def _check_extension(extension: str, fmt: _Format) -> None:
    if extension in _REFUSED_EXTENSIONS:
        raise ValidationError(
            _("Files of this type (.%(extension)s) are not accepted.") % {"extension": extension},
            code="refused_extension",
        )
    claimed = _EXTENSION_FAMILY.get(extension)
    if claimed is not None and claimed != fmt.family:
        raise ValidationError(
            _(
                "The file's content does not match its name (.%(extension)s). "
                "Upload the original file."
            )
            % {"extension": extension},
            code="mismatch",
        )


def _sniff_binary(data: bytes) -> _Format | None:
    """The accepted format the bytes are, None if they have no binary signature (maybe text);
    raises for what we recognise and refuse."""
    head = data[:_SNIFF_BYTES]
    if _is_program(head):
        raise _program()
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(data)
    if head.startswith(_CFB_MAGIC):
        raise _old_office(data)
    if head.removeprefix(b"\xef\xbb\xbf").startswith(b"%PDF-"):
        _check_pdf(data)
        return _PDF
    guess = filetype.guess(head)
    mime: str | None = guess.mime if guess is not None else None
    if mime is None:
        return _ACCEPTED["audio/mpeg"] if _is_mp3_frame(head) else None
    textual = _decode_text(head) is not None
    fmt = _ACCEPTED.get(mime)
    if fmt is not None:
        if _valid_media(mime, data):
            if mime == "audio/ogg" and b"OpusHead" in head[:128]:
                return _OPUS
            return fmt
        # Text that happens to start like a signature ("BM", "ID3", "GIF8") is judged as text.
        if textual:
            return None
        raise _damaged()
    if textual:
        return None
    if mime in _ARCHIVE_MIMES:
        raise _archive()
    if mime in _PROGRAM_MIMES:
        raise _program()
    raise _not_accepted()


def _old_office(data: bytes) -> ValidationError:
    if _CFB_ENCRYPTED in data:
        return ValidationError(
            _("Password-protected files are not accepted. Remove the password and upload again."),
            code="encrypted",
        )
    return ValidationError(
        _(
            "Old Office files (.doc, .xls, .ppt) are not accepted. Save the file as .docx, .xlsx "
            "or .pptx and upload it again."
        ),
        code="old_office",
    )


def _is_program(head: bytes) -> bool:
    if head.startswith(b"\x7fELF") or head.startswith(_MACHO_MAGIC):
        return True
    if head.startswith(_FAT_BINARY_MAGIC):
        return True
    # "MZ" starts DOS and Windows executables, whose headers are full of NUL bytes; a text file
    # that starts with the letters MZ is not one.
    return head.startswith(b"MZ") and b"\x00" in head[:64]


def _valid_media(mime: str, data: bytes) -> bool:
    if mime in _PILLOW_FORMATS:
        return _valid_image(data, _PILLOW_FORMATS[mime])
    if mime == "audio/mpeg":
        return _is_id3(data) or _is_mp3_frame(data)
    return True


def _valid_image(data: bytes, pillow_format: str) -> bool:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=[pillow_format]) as probe:
                probe.verify()
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
            raise ValidationError(
                _("This picture has too many pixels. Make it smaller and upload it again."),
                code="too_many_pixels",
            ) from error
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
            return False
    return True


def _is_id3(data: bytes) -> bool:
    # "ID3", version 2-4, a revision, flags, and a 4-byte size whose bytes are all below 0x80.
    return (
        len(data) >= 10
        and data.startswith(b"ID3")
        and data[3] in (2, 3, 4)
        and data[4] != 0xFF
        and all(byte < 0x80 for byte in data[6:10])
    )


def _is_mp3_frame(data: bytes) -> bool:
    """An MPEG audio layer III frame header: sync bits, a valid version, bitrate and rate."""
    if len(data) < 4 or data[0] != 0xFF or data[1] & 0xE0 != 0xE0:
        return False
    version = (data[1] >> 3) & 0b11
    layer = (data[1] >> 1) & 0b11
    bitrate = data[2] >> 4
    sample_rate = (data[2] >> 2) & 0b11
    return version != 0b01 and layer == 0b01 and bitrate not in (0, 15) and sample_rate != 0b11


def _decode_text(data: bytes) -> tuple[str, str] | None:
    """The text and its charset, if the bytes are UTF-8 or single-byte (Windows-1252) text."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    if b"\x00" in data:
        return None
    try:
        text, charset = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Latin-1 decodes any byte; Windows-1252 is what such files really are (€ is 0x80).
        text, charset = data.decode("latin-1"), "windows-1252"
    return None if _TEXT_CONTROLS.search(text) else (text, charset)


def _text_format(charset: str, extension: str) -> _Format:
    """Text is text/plain unless the client called it .csv; the charset is part of the type,
    so that the file shows as written when it is served."""
    if extension == "csv":
        return _Format("document", "text", f"text/csv; charset={charset}", "csv")
    return _Format("document", "text", f"text/plain; charset={charset}", "txt")


def _check_text(text: str) -> None:
    start = text.lstrip("\ufeff \t\r\n\f")
    if start.startswith("#!"):
        raise ValidationError(_("Scripts are not accepted."), code="script")
    if start.startswith("<"):
        raise ValidationError(_("HTML, XML and SVG files are not accepted."), code="markup")


def _zip_format(data: bytes) -> _Format:
    """Which Office or OpenDocument file a zip is; refuses other zips, bombs and macros."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise _damaged() from error
    with archive:
        if not entries:
            raise _archive()
        if len(entries) > ZIP_MAX_ENTRIES:
            raise _unsafe_archive()
        unpacked = sum(entry.file_size for entry in entries)
        if unpacked > ZIP_MAX_UNPACKED or unpacked > ZIP_MAX_RATIO * len(data):
            raise _unsafe_archive()
        for entry in entries:
            if entry.file_size > ZIP_MAX_RATIO * max(entry.compress_size, 1024):
                raise _unsafe_archive()
        names = {entry.filename for entry in entries}
        if "mimetype" in names:
            return _odf_format(archive, names)
        if "[Content_Types].xml" in names:
            return _ooxml_format(archive, names)
    raise _archive()


def _unsafe_archive() -> ValidationError:
    return ValidationError(
        _("This file would unpack to an unreasonable size and is not accepted."),
        code="unsafe_archive",
    )


def _macros() -> ValidationError:
    return ValidationError(
        _("Office files with macros are not accepted. Save the file without macros."),
        code="macros",
    )


def _read_member(archive: zipfile.ZipFile, name: str, cap: int) -> bytes:
    try:
        with archive.open(name) as member:
            return member.read(cap)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
        raise _damaged() from error


def _odf_format(archive: zipfile.ZipFile, names: set[str]) -> _Format:
    mime = _read_member(archive, "mimetype", 200).decode("ascii", "replace").strip()
    fmt = _ODF.get(mime)
    if fmt is None:
        raise _not_accepted() if mime != "application/epub+zip" else _archive()
    if "content.xml" not in names:
        raise _damaged()
    if any(name.startswith(("Basic/", "Scripts/")) for name in names):
        raise _macros()
    return fmt


def _ooxml_format(archive: zipfile.ZipFile, names: set[str]) -> _Format:
    types = _read_member(archive, "[Content_Types].xml", 1024 * 1024).decode("utf-8", "replace")
    if "macroEnabled" in types or any(name.endswith("vbaProject.bin") for name in names):
        raise _macros()
    for override in re.findall(r"<Override\b[^>]*>", types):
        attributes = dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', override))
        prefix = _OOXML_MAIN_TYPES.get(attributes.get("ContentType", ""))
        part = attributes.get("PartName", "").lstrip("/")
        if prefix is not None and part.startswith(prefix) and part in names:
            return _OOXML[prefix]
    # Office's package index without its main document: broken, or not an Office file at all.
    raise _damaged()


def _check_pdf(data: bytes) -> None:
    """Refuse PDFs with JavaScript or launch actions, also when hidden in object streams."""
    if _PDF_SCRIPT_NAMES.search(data):
        raise _pdf_script()
    budget = PDF_MAX_UNPACKED
    for stream in _PDF_STREAM.finditer(data):
        # The stream's dictionary sits between the object's `obj` keyword and `stream`.
        window = data[max(0, stream.start() - 2048) : stream.start()]
        openers = list(_PDF_DICT_START.finditer(window))
        dictionary = window[openers[-1].end() :] if openers else window
        if not _PDF_OBJECT_STREAM.search(dictionary) or budget <= 0:
            continue
        inflater = zlib.decompressobj()
        try:
            unpacked = inflater.decompress(memoryview(data)[stream.end() :], budget)
        except zlib.error:
            continue
        budget -= len(unpacked)
        if _PDF_SCRIPT_NAMES.search(unpacked):
            raise _pdf_script()


def _pdf_script() -> ValidationError:
    return ValidationError(_("PDF files with scripts are not accepted."), code="pdf_script")
