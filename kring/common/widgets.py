"""Form widgets that stay fast when they are long."""

from collections.abc import Iterable
from typing import Any

from django.forms import widgets
from django.forms.renderers import BaseRenderer
from django.forms.utils import flatatt
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe


class LongSelect(widgets.Select):
    """A select of hundreds of options (every unit of a large organisation).

    Django renders each option through a template include and builds a dict per option first; at
    200 units that is most of the cost of a filter form (bench/README.md, spaces_directory). Here
    the options are written straight from the choices, escaped the same way, with the same
    attributes (id, aria-describedby, required, selected: only the first match in a single select).
    """

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: BaseRenderer | None = None,
    ) -> SafeString:
        chosen = set(self.format_value(value))
        found = False

        def options(choices: Iterable[tuple[Any, Any]]) -> str:
            nonlocal found
            rendered = []
            for option_value, label in choices:
                selected = str(option_value) in chosen and (
                    self.allow_multiple_selected or not found
                )
                found = found or selected
                rendered.append(
                    f'<option value="{conditional_escape(option_value)}"'
                    f"{' selected' if selected else ''}>{conditional_escape(label)}</option>"
                )
            return "".join(rendered)

        parts = []
        for group_value, group_label in self.choices:
            if isinstance(group_label, (list, tuple)):
                parts.append(
                    f'<optgroup label="{conditional_escape(group_value)}">'
                    f"{options(group_label)}</optgroup>"
                )
            else:
                parts.append(options([(group_value, group_label)]))
        select_attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            select_attrs["multiple"] = True
        # Every value and label is escaped above; flatatt escapes the attributes.
        return mark_safe(
            f'<select name="{conditional_escape(name)}"{flatatt(select_attrs)}>'
            f"{''.join(parts)}</select>"
        )
