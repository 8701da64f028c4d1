from typing import Any

from django import template
from django.urls import reverse

from kring.admin_console.nav import SECTIONS

register = template.Library()


@register.inclusion_tag("admin_console/partials/nav.html", takes_context=True)
def console_nav(context: template.Context) -> dict[str, Any]:
    request = context["request"]
    current = request.resolver_match.view_name if request.resolver_match else ""
    items = []
    for name, label in SECTIONS:
        url = reverse(name)
        active = current == name or (name != "admin_console:index" and request.path.startswith(url))
        items.append({"url": url, "label": label, "current": active})
    return {"items": items}
