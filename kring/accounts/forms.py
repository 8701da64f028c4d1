"""Forms for invitations and rollout waves. They parse input; the services validate and write."""

from typing import Any

from django import forms
from django.utils.functional import lazy
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from kring.accounts.models import RolloutWave, User
from kring.org.models import OrgUnit


class Form(forms.Form):
    """Labels without a trailing colon, as everywhere in Kring."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class InvitationAcceptForm(Form):
    password1 = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not a common password and not only digits."),
    )
    password2 = forms.CharField(
        label=_("Type the password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are not the same."))
        return data


class UnitChoiceField(forms.ModelChoiceField[OrgUnit]):
    """Units in tree order, indented by depth, so a school's teams sit under the school."""

    def label_from_instance(self, obj: OrgUnit) -> str:
        return "\u2014 " * (obj.depth - 1) + obj.name


def _unit_field(*, required: bool) -> UnitChoiceField:
    return UnitChoiceField(
        queryset=OrgUnit.objects.order_by("path"),
        label=_("Unit"),
        required=required,
        empty_label=_("No unit") if not required else "---------",
    )


def _wave_field() -> forms.ModelChoiceField[RolloutWave]:
    return forms.ModelChoiceField(
        queryset=RolloutWave.objects.order_by("starts_at", "pk"),
        label=_("Rollout wave"),
        required=False,
        empty_label=_("No wave: invite now"),
        help_text=_("People in a wave that has not started yet are invited on its date."),
    )


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class WaveForm(Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    starts_at = forms.DateTimeField(
        label=_("Starts at"),
        widget=DateTimeLocalInput(),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
        help_text=_("On this date everyone in the wave receives their invitation e-mail."),
    )


class InviteOneForm(Form):
    display_name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    unit = _unit_field(required=False)
    job_title = forms.CharField(label=_("Job title"), max_length=150, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=User.Role.choices, initial=User.Role.MEMBER)
    wave = _wave_field()


class InviteManyForm(Form):
    lines = forms.CharField(
        label=_("People, one per line"),
        widget=forms.Textarea(attrs={"rows": 8}),
        # Django renders help text as HTML; the example's angle brackets must stay visible.
        help_text=lazy(escape, str)(
            _("Write “Name <e-mail>” or just the e-mail address on each line.")
        ),
    )
    unit = _unit_field(required=True)
    wave = _wave_field()
