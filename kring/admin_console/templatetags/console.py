from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse

from kring.admin_console.nav import SECTIONS

register = template.Library()


@register.inclusion_tag("admin_console/partials/nav.html", takes_context=True)
def console_nav(context: template.Context) -> dict[str, Any]:
    request = context["request"]
    current = request.resolver_match.view_name if request.resolver_match else ""
    items = []
    for name, label in SECTIONS:
        try:  # INTEGRATION: areas are being built in parallel; removed once all exist.
            url = reverse(name)
        except NoReverseMatch:
            continue
        active = current == name or (name != "admin_console:index" and request.path.startswith(url))
        items.append({"url": url, "label": label, "current": active})
    return {"items": items}
