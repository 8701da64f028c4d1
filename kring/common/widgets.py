"""Form widgets that stay fast when they are long."""

from typing import Any

from django.forms import widgets
from django.forms.renderers import BaseRenderer
from django.forms.utils import flatatt
from django.utils.html import conditional_escape
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
        parts: list[str] = []
        for group, options, _index in widget["optgroups"]:
            rendered = "".join(
                f'<option value="{conditional_escape(option["value"])}"{flatatt(option["attrs"])}>'
                f"{conditional_escape(option['label'])}</option>"
                for option in options
            )
            parts.append(
                f'<optgroup label="{conditional_escape(group)}">{rendered}</optgroup>'
                if group
                else rendered
            )
        # Every value and label is escaped above; flatatt escapes the attributes.
        return mark_safe(
            f'<select name="{conditional_escape(widget["name"])}"{flatatt(widget["attrs"])}>'
            f"{''.join(parts)}</select>"
        )
