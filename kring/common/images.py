"""Uploaded images, made safe: the bytes must be a real raster image; we re-encode it, which drops
EXIF (location, camera) and anything hidden after the image data, and shrink it to a sane size."""

import io
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "png"}
# Decompression bombs: a tiny file that unpacks to gigapixels.
Image.MAX_IMAGE_PIXELS = 40_000_000


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
    data = upload.read()
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format or ""
            probe.verify()
        if kind not in ACCEPTED:
            raise UnidentifiedImageError(kind)
        with Image.open(io.BytesIO(data)) as opened:
            opened.load()
            image: Image.Image = ImageOps.exif_transpose(opened)
            if image.mode not in ("RGB", "RGBA"):
                image = image.convert("RGBA" if "transparency" in image.info else "RGB")
            image.thumbnail((max_width, max_height))
            out = io.BytesIO()
            fmt = "PNG" if kind == "GIF" else kind
            if fmt == "JPEG" and image.mode == "RGBA":
                image = image.convert("RGB")
            image.save(out, format=fmt, optimize=True)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("This is not an image we can use. Upload a JPEG, PNG, WebP or GIF picture.")
        ) from error
    name = f"{secrets.token_hex(8)}.{ACCEPTED[kind]}"
    return ContentFile(out.getvalue(), name=name)
