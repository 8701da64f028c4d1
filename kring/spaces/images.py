from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile

from kring.common.images import image_clean


def cover_clean(upload: UploadedFile[bytes]) -> ContentFile[bytes]:
    """A space's cover: wide, at most 1600 by 600."""
    return image_clean(upload, max_width=1600, max_height=600)
