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
