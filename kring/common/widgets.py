"""Form widgets that stay fast when they are long."""

from typing import Any

from django.forms import widgets
from django.forms.renderers import BaseRenderer
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


class LongSelect(widgets.Select):
    """A select of hundreds of options (every unit of a large organisation).

    Django renders each option through a template include; at 200 units that is most of the cost
    of a filter form (bench/README.md, spaces_directory). Here the options are written in Python,
    escaped the same way, with the same attributes (id, aria-describedby, required, selected).
    """

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: BaseRenderer | None = None,
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = []
        for group, options, _index in widget["optgroups"]:
            rendered = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (option["value"], flatatt(option["attrs"]), option["label"])
                    for option in options
                ),
            )
            parts.append(
                format_html('<optgroup label="{}">{}</optgroup>', group, rendered)
                if group
                else rendered
            )
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            mark_safe("".join(parts)),  # every part was built by format_html
        )
