from django import template

from kring.engagement.models import REACTION_EMOJI, Reaction
from kring.engagement.selectors import reaction_choices

register = template.Library()


@register.simple_tag
def reaction_emoji(kind: str) -> str:
    return REACTION_EMOJI.get(Reaction.Kind(kind), "") if kind in Reaction.Kind.values else ""


@register.simple_tag
def reaction_kinds() -> list[tuple[str, str, str]]:
    return reaction_choices()
