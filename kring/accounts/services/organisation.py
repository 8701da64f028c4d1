from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from kring.accounts import permissions
from kring.accounts.models import ORGANISATION_CACHE_KEY, Organisation, User
from kring.common.audit import audit_record
from kring.common.colours import AA_NORMAL_TEXT, HEX, contrast_ratio, text_colour_on


def _policy(org: Organisation) -> dict[str, object]:
    fields = (
        "name",
        "brand_colour",
        "require_admin_mfa",
        "invitation_valid_days",
        "community_creators",
    )
    return {field: getattr(org, field) for field in fields}


@transaction.atomic
def organisation_update(
    *,
    actor: User,
    name: str,
    brand_colour: str,
    require_admin_mfa: bool,
    invitation_valid_days: int,
    logo: UploadedFile[bytes] | None = None,
    remove_logo: bool = False,
    community_creators: str | None = None,
) -> Organisation:
    """Save name, brand and policies. The brand colour must read as link text on white (AA).

    `community_creators` (who may create communities) stays as it is when not given.
    """
    permissions.check_administer(actor)
    org = Organisation.objects.select_for_update().order_by("pk").first() or Organisation()
    errors: dict[str, str] = {}
    name = name.strip()
    if not name:
        errors["name"] = _("The organisation needs a name.")
    brand_colour = brand_colour.strip().lower()
    if not HEX.match(brand_colour):
        errors["brand_colour"] = _("Give a colour as #rrggbb, for example #1f5f8b.")
    elif (ratio := contrast_ratio(brand_colour, "#ffffff")) < AA_NORMAL_TEXT:
        errors["brand_colour"] = _(
            "This colour is too light: its contrast with white is %(ratio).1f:1, "
            "it needs at least 4.5:1 to be readable. Choose a darker shade."
        ) % {"ratio": ratio}
    if not 1 <= invitation_valid_days <= 90:
        errors["invitation_valid_days"] = _("Choose between 1 and 90 days.")
    if (
        community_creators is not None
        and community_creators not in Organisation.CommunityCreators.values
    ):
        errors["community_creators"] = _("Choose who may create communities.")
    if errors:
        raise ValidationError(errors)
    before = _policy(org)
    org.name = name
    org.brand_colour = brand_colour
    org.brand_text_colour = text_colour_on(brand_colour)
    org.require_admin_mfa = require_admin_mfa
    org.invitation_valid_days = invitation_valid_days
    if community_creators is not None:
        org.community_creators = community_creators
    if remove_logo:
        org.logo = None
    if logo is not None:
        org.logo = logo
    org.full_clean()
    org.save()
    after = _policy(org)
    changes = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
    if logo is not None or remove_logo:
        changes["logo"] = ["", "changed"]
    audit_record(actor=actor, action="organisation.update", obj=org, changes=changes)
    transaction.on_commit(lambda: cache.delete(ORGANISATION_CACHE_KEY))
    return org
