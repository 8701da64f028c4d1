"""The organisation's name and brand, set by the administrator as on the settings page."""

from kring.accounts.services.organisation import organisation_update
from kring.demo import timeline, words
from kring.demo.builders.context import DemoContext


def build_organisation(ctx: DemoContext) -> None:
    ctx.pin(timeline.at(timeline.SET_UP, 9, 30))
    organisation_update(
        actor=ctx.administrator,
        name=words.ORGANISATION_NAME,
        brand_colour=words.BRAND_COLOUR,
        require_admin_mfa=False,  # the demo administrator logs in with a password only
        invitation_valid_days=14,
    )
