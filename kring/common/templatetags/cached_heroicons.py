"""`{% load heroicons %}` with memoised icons (settings.TEMPLATES maps the name here).

django-heroicons parses, copies and serialises an SVG on every call; a directory page draws over a
hundred icons, about 11 ms of CPU per request (bench/README.md, spaces_directory). The same name,
style, size and attributes always give the same markup, so each combination is rendered once.
"""

from functools import lru_cache

import heroicons
from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@lru_cache(maxsize=2048)
def _icon(
    style: str, name: str, size: int | None, attrs: tuple[tuple[str, str], ...]
) -> SafeString:
    return mark_safe(heroicons._render_icon(style, name, size, dict(attrs)))


def _render(style: str, name: str, size: int | None, attrs: dict[str, object]) -> SafeString:
    # Template strings arrive as SafeString; the icon escapes its attributes itself, so plain str.
    return _icon(style, str(name), size, tuple(sorted((k, str(v)) for k, v in attrs.items())))


@register.simple_tag
def heroicon_micro(name: str, *, size: int | None = 16, **attrs: object) -> SafeString:
    return _render("micro", name, size, attrs)


@register.simple_tag
def heroicon_mini(name: str, *, size: int | None = 20, **attrs: object) -> SafeString:
    return _render("mini", name, size, attrs)


@register.simple_tag
def heroicon_outline(name: str, *, size: int | None = 24, **attrs: object) -> SafeString:
    return _render("outline", name, size, attrs)


@register.simple_tag
def heroicon_solid(name: str, *, size: int | None = 24, **attrs: object) -> SafeString:
    return _render("solid", name, size, attrs)
