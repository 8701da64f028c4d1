from pathlib import Path

import pytest

from kring.spaces.tests import factories as sf


@pytest.fixture
def coffee(member, other_member, space_owner, space_moderator):
    """An open community: member and other_member in it, space_moderator moderating."""
    return sf.community(
        "Koffiehoek",
        owner=space_owner,
        members={"member": [member, other_member], "moderator": [space_moderator]},
    )


@pytest.fixture
def media(settings, tmp_path) -> Path:
    """Files on a real disk in a fresh folder (the test settings keep them in memory)."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path
