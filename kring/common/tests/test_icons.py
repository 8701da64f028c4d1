"""`{% load heroicons %}` renders through the memoised library, with the same markup."""

import heroicons
from django.template import Context, Template

from kring.common.templatetags import cached_heroicons


def render(source: str, **context: object) -> str:
    return Template("{% load heroicons %}" + source).render(Context(context))


def test_the_same_markup_as_django_heroicons():
    html = render('{% heroicon_mini "clock" aria_hidden="true" class="x" %}')
    assert html == heroicons._render_icon(
        "mini", "clock", 20, {"aria-hidden": "true", "class": "x"}
    )


def test_rendered_once_per_combination():
    cached_heroicons._icon.cache_clear()
    for _ in range(3):
        render('{% heroicon_outline icon aria_hidden="true" %}', icon="heart")
    render("{% heroicon_outline icon size=32 %}", icon="heart")
    info = cached_heroicons._icon.cache_info()
    assert (info.misses, info.hits) == (2, 2)


def test_attribute_values_are_escaped():
    html = render("{% heroicon_solid 'star' title=title %}", title='"><script>alert(1)</script>')
    assert "<script>" not in html
    assert "&quot;&gt;&lt;script&gt;" in html
