from functools import cache

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from kring.engagement.models import REACTION_EMOJI, Reaction
from kring.engagement.selectors import reaction_choices

register = template.Library()


@register.simple_tag
def reaction_emoji(kind: str) -> str:
    return REACTION_EMOJI.get(Reaction.Kind(kind), "") if kind in Reaction.Kind.values else ""


@register.simple_tag
def reaction_buttons(mine: str | None) -> SafeString:
    """The picker's buttons, the same on every card but for the one pressed: drawn once per
    language and choice, not once per card."""
    return _buttons(get_language(), mine or "")


@cache
def _buttons(language: str | None, mine: str) -> SafeString:
    context = {"kinds": reaction_choices(), "mine": mine}
    return mark_safe(render_to_string("engagement/partials/reaction_buttons.html", context))
