"""Uploaded images, made safe: the bytes must be a real raster image; we re-encode it, which drops
EXIF (location, camera), comments, XMP and anything hidden after the image data, and shrink it to
a sane size."""

import io
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# What each accepted format is written back as: (Pillow format, MIME type, extension). A GIF
# becomes a PNG (its first frame): lossless, and without the GIF's palette limits.
SAVED_AS = {
    "JPEG": ("JPEG", "image/jpeg", "jpg"),
    "PNG": ("PNG", "image/png", "png"),
    "WEBP": ("WEBP", "image/webp", "webp"),
    "GIF": ("PNG", "image/png", "png"),
}
# A stored picture's type, by the extension it was saved under.
MIME_BY_EXTENSION = {extension: mime for _format, mime, extension in SAVED_AS.values()}
_SAVE_OPTIONS: dict[str, dict[str, object]] = {
    "JPEG": {"quality": 85, "optimize": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 85},
}
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
# Decompression bombs: a tiny file that unpacks to gigapixels.
Image.MAX_IMAGE_PIXELS = 40_000_000


@dataclass(frozen=True, slots=True)
class CleanImage:
    data: bytes
    mime: str
    extension: str
    width: int
    height: int


def image_clean(
    upload: UploadedFile[bytes], *, max_width: int, max_height: int
) -> ContentFile[bytes]:
    """Check, strip and resize an uploaded image; raise a translated ValidationError if it is not
    one we accept."""
    limit = settings.KRING["UPLOAD_MAX_BYTES"]
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("This file is too large (at most %(limit)s).") % {"limit": filesizeformat(limit)}
        )
    clean = image_reencode(upload.read(), max_width=max_width, max_height=max_height)
    return ContentFile(clean.data, name=f"{secrets.token_hex(8)}.{clean.extension}")


def image_reencode(data: bytes, *, max_width: int, max_height: int) -> CleanImage:
    """The picture upright (EXIF orientation applied), in sRGB, shrunk to fit the box and
    written again from its pixels alone; an animation keeps its first frame."""
    try:
        with Image.open(io.BytesIO(data), formats=list(SAVED_AS)) as probe:
            source_format = probe.format or ""
            probe.verify()
        with Image.open(io.BytesIO(data), formats=[source_format]) as opened:
            opened.load()
            image = _upright(opened)
        image.thumbnail((max_width, max_height))
        image = _in_srgb(image, image.info.get("icc_profile"))
        # Nothing of the original but its pixels is written back: no EXIF, XMP or comments.
        image.info = {}
        pillow_format, mime, extension = SAVED_AS[source_format]
        out = io.BytesIO()
        image.save(out, format=pillow_format, **_SAVE_OPTIONS[pillow_format])
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("This is not an image we can use. Upload a JPEG, PNG, WebP or GIF picture.")
        ) from error
    return CleanImage(out.getvalue(), mime, extension, image.width, image.height)


def _upright(opened: Image.Image) -> Image.Image:
    image = ImageOps.exif_transpose(opened)
    mode = "RGBA" if image.has_transparency_data else "RGB"
    return image if image.mode == mode else image.convert(mode)


def _in_srgb(image: Image.Image, icc_profile: object) -> Image.Image:
    """Pixels described by an embedded colour profile (a phone's Display P3) converted to sRGB,
    so they look the same once the profile is gone. A profile we cannot use is ignored."""
    if not isinstance(icc_profile, bytes) or not icc_profile:
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        converted = ImageCms.profileToProfile(image, source, _SRGB, outputMode=image.mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image
    return converted if converted is not None else image


def image_response(stored: FieldFile, *, filename: str) -> FileResponse:
    """A picture this module stored (a cover), inline, for someone the caller has checked.

    Private caching only: a shared cache must not hand a secret space's picture to another.
    """
    extension = (stored.name or "").rsplit(".", 1)[-1].lower()
    content_type = MIME_BY_EXTENSION.get(extension)
    if content_type is None:
        raise Http404
    try:
        handle = stored.open("rb")
    except OSError as error:
        raise Http404 from error
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{filename}.{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response
