"""Forms of the admin console: they parse input; the services decide and write."""

import warnings
from datetime import date
from io import BytesIO
from typing import Any

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from PIL import Image, UnidentifiedImageError

from kring.accounts import selectors as account_selectors
from kring.accounts.models import Organisation, RolloutWave, User
from kring.common.colours import HEX
from kring.common.widgets import LongSelect
from kring.org import selectors as org_selectors
from kring.org.models import OrgUnit
from kring.spaces.models import Space

# --- Shared pieces


class ConsoleForm(forms.Form):
    """Labels without a trailing colon, as the rest of Kring writes them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def apply_service_errors(
    form: forms.Form,
    error: ValidationError,
    field_map: dict[str, str] | None = None,
    *,
    default_field: str | None = None,
) -> None:
    """Show a service's ValidationError next to the matching fields (or at the top of the form)."""
    field_map = field_map or {}
    if not hasattr(error, "error_dict"):
        form.add_error(default_field, error)
        return
    for name, errors in error.error_dict.items():
        target = field_map.get(name, name)
        form.add_error(target if target in form.fields else None, errors)


class UnitChoiceField(forms.ModelChoiceField[OrgUnit]):
    """Units in tree order, indented by depth so the select reads like the tree."""

    widget = LongSelect  # every unit of the organisation: hundreds at a large one

    def label_from_instance(self, obj: OrgUnit) -> str:
        return f"{'— ' * (obj.depth - 1)}{obj.name}"


class UnitMultipleChoiceField(forms.ModelMultipleChoiceField[OrgUnit]):
    def label_from_instance(self, obj: OrgUnit) -> str:
        return f"{'— ' * (obj.depth - 1)}{obj.name}"


class PersonByEmailField(forms.EmailField):
    """Names a person by e-mail address: a select of thousands of people would not be usable."""

    def __init__(self, *, actor: object, **kwargs: Any) -> None:
        self.actor = actor
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, value: Any) -> User | None:
        email = super().clean(value)
        if not email:
            return None
        person = account_selectors.person_by_email(actor=self.actor, email=email)
        if person is None:
            raise ValidationError(
                gettext("Nobody with the e-mail address %(email)s works here.") % {"email": email}
            )
        return person


def _choices_with_all(label: StrOrPromise, choices: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [("", label), *choices]


# --- People


class PeopleFilterForm(ConsoleForm):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Name, e-mail or job title")}
        ),
    )
    unit = UnitChoiceField(
        label=_("Unit"), queryset=OrgUnit.objects.none(), required=False, empty_label=_("All units")
    )
    role = forms.ChoiceField(
        label=_("Role"),
        required=False,
        choices=_choices_with_all(_("All roles"), User.Role.choices),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=_choices_with_all(_("Every status"), User.Status.choices),
    )
    wave = forms.ChoiceField(label=_("Rollout wave"), required=False)

    def __init__(self, *args: Any, actor: object, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = org_selectors.unit_list(actor=actor)  # type: ignore[attr-defined]
        self.waves = {str(w.pk): w for w in account_selectors.wave_list(actor=actor)}
        self.fields["wave"].choices = [  # type: ignore[attr-defined]
            ("", _("Every wave")),
            (account_selectors.NO_WAVE, _("No wave")),
            *((pk, w.name) for pk, w in self.waves.items()),
        ]

    def filters(self) -> dict[str, Any]:
        """The valid filters only: a bad value is reported beside its field and ignored."""
        data = self.cleaned_data if self.is_bound else {}
        wave_value = data.get("wave", "")
        return {
            "q": data.get("q", ""),
            "unit": data.get("unit"),
            "role": data.get("role", ""),
            "status": data.get("status", ""),
            "wave": self.waves.get(wave_value, wave_value or None),
        }


# --- Spaces


class SpaceFilterForm(ConsoleForm):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Name or description")}),
    )
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=_choices_with_all(_("Every type"), Space.Kind.choices),
    )
    access = forms.ChoiceField(
        label=_("Access"),
        required=False,
        choices=_choices_with_all(_("Every access"), Space.Access.choices),
    )
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[
            ("", _("Every state")),
            ("active", _("In use")),
            ("archived", _("Archived")),
            ("deleted", _("Deleted")),
        ],
    )

    def filters(self) -> dict[str, str]:
        """The valid filters only: a bad value is reported beside its field and ignored."""
        data = self.cleaned_data if self.is_bound else {}
        return {name: data.get(name) or "" for name in ("q", "kind", "access", "state")}


class PersonForm(ConsoleForm):
    display_name = forms.CharField(label=_("Name"), max_length=150)
    job_title = forms.CharField(label=_("Job title"), max_length=150, required=False)
    primary_unit = UnitChoiceField(
        label=_("Unit"), queryset=OrgUnit.objects.none(), required=False, empty_label=_("No unit")
    )
    extra_units = UnitMultipleChoiceField(
        label=_("Extra units"),
        queryset=OrgUnit.objects.none(),
        required=False,
        help_text=_("Other units this person also works for. Hold Ctrl (or Cmd) to pick several."),
    )
    wave = forms.ModelChoiceField(
        label=_("Rollout wave"),
        queryset=RolloutWave.objects.none(),
        required=False,
        empty_label=_("No wave"),
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=User._meta.get_field("language").choices or []
    )

    def __init__(
        self, *args: Any, actor: object, person: User | None = None, **kwargs: Any
    ) -> None:
        if person is not None:
            kwargs.setdefault(
                "initial",
                {
                    "display_name": person.display_name,
                    "job_title": person.job_title,
                    "primary_unit": person.primary_unit_id,
                    "extra_units": [u.pk for u in person.extra_units.all()],
                    "line_manager": person.line_manager.email if person.line_manager else "",
                    "wave": person.wave_id,
                    "language": person.language,
                },
            )
        super().__init__(*args, **kwargs)
        units = org_selectors.unit_list(actor=actor)
        self.fields["primary_unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["extra_units"].queryset = units  # type: ignore[attr-defined]
        self.fields["extra_units"].widget.attrs["size"] = 6
        self.fields["wave"].queryset = account_selectors.wave_list(actor=actor)  # type: ignore[attr-defined]
        self.fields["line_manager"] = PersonByEmailField(
            actor=actor,
            label=_("Line manager (e-mail address)"),
            help_text=_("Leave empty when this person has no manager in Kring."),
        )
        # Keep the order of the page: manager after the units.
        self.order_fields(
            ["display_name", "job_title", "primary_unit", "extra_units", "line_manager", "wave"]
        )

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "display_name": data["display_name"],
            "job_title": data["job_title"],
            "primary_unit": data["primary_unit"],
            "extra_units": list(data["extra_units"]),
            "line_manager": data["line_manager"],
            "wave": data["wave"],
            "language": data["language"],
        }


class RoleForm(ConsoleForm):
    role = forms.ChoiceField(label=_("Role"), choices=User.Role.choices)


# --- Units


class UnitForm(ConsoleForm):
    name = forms.CharField(label=_("Name"), max_length=150)
    kind = forms.ChoiceField(label=_("Type"), choices=OrgUnit.Kind.choices)
    location = forms.CharField(
        label=_("Location"),
        max_length=200,
        required=False,
        help_text=_("For example the street and town of a school."),
    )

    def __init__(
        self, *args: Any, actor: object, unit: OrgUnit | None = None, with_parent: bool = False,
        **kwargs: Any,
    ) -> None:  # fmt: skip
        if unit is not None:
            kwargs.setdefault(
                "initial",
                {
                    "name": unit.name,
                    "kind": unit.kind,
                    "location": unit.location,
                    "manager": unit.manager.email if unit.manager else "",
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["manager"] = PersonByEmailField(
            actor=actor,
            label=_("Manager (e-mail address)"),
            help_text=_("Optional: the person who leads this unit."),
        )
        if with_parent:
            self.fields["parent"] = UnitChoiceField(
                label=_("Part of"),
                queryset=org_selectors.unit_list(actor=actor),
                required=False,
                empty_label=_("Nothing (a top-level unit)"),
            )
            self.order_fields(["parent", "name", "kind", "location", "manager"])

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        manager: User | None = data["manager"]
        return {
            "name": data["name"],
            "kind": data["kind"],
            "location": data["location"],
            "manager_id": manager.pk if manager else None,
        }


class UnitMoveForm(ConsoleForm):
    parent = UnitChoiceField(label=_("Move under"), queryset=OrgUnit.objects.none())

    def __init__(self, *args: Any, actor: object, unit: OrgUnit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = org_selectors.unit_move_targets(actor=actor, unit=unit)  # type: ignore[attr-defined]
        self.fields["parent"].error_messages["invalid_choice"] = _(
            "Choose another unit: a unit cannot move under itself or one of its sub-units."
        )


# --- Audit log


def object_type_label(label: str) -> str:
    try:
        return str(apps.get_model(label)._meta.verbose_name).capitalize()
    except (LookupError, ValueError):
        return label


# Readable names for the actions Kring writes; an action not listed shows its code.
ACTION_LABELS: dict[str, Any] = {
    "person.create": _("Person added"),
    "person.update": _("Person changed"),
    "person.role": _("Role changed"),
    "person.deactivate": _("Person deactivated"),
    "person.reactivate": _("Person reactivated"),
    "unit.create": _("Unit added"),
    "unit.update": _("Unit changed"),
    "unit.move": _("Unit moved"),
    "unit.delete": _("Unit deleted"),
    "wave.create": _("Rollout wave added"),
    "wave.update": _("Rollout wave changed"),
    "wave.delete": _("Rollout wave deleted"),
    "invitation.create": _("Invitation sent"),
    "invitation.request_new": _("New invitation link requested"),
    "invitation.revoke": _("Invitation revoked"),
    "import.upload": _("Import file checked"),
    "import.apply": _("Import applied"),
    "organisation.update": _("Settings changed"),
    "space.update": _("Space changed"),
    "space.archive": _("Space archived"),
    "space.unarchive": _("Space taken out of the archive"),
    "space.delete": _("Space deleted"),
    "space.restore": _("Space restored"),
    "space.purge": _("Deleted space removed for good"),
    "space.request_accept": _("Request to join accepted"),
    "space.request_decline": _("Request to join declined"),
    "space.member_remove": _("Member removed from a space"),
    "space.role": _("Role in a space changed"),
    "space.transfer": _("Space ownership handed over"),
    "space.guest_invite": _("External guest invited"),
    "space.guest_access": _("Guest access changed"),
    "post.delete": _("Someone else's post deleted"),
    "post.move": _("Post moved to another space"),
    "post.hide": _("Post hidden by a moderator"),
    "post.unhide": _("Hidden post shown again"),
    "post.spotlight": _("Post put in the spotlight"),
    "attachment.delete": _("Someone else's attachment removed"),
    "post.unspotlight": _("Post taken out of the spotlight"),
    "news.remind": _("Reminder sent about important news"),
    "comment.delete": _("Someone else's comment deleted"),
    "comment.hide": _("Comment hidden by a moderator"),
    "comment.unhide": _("Hidden comment shown again"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


class AuditFilterForm(ConsoleForm):
    action = forms.ChoiceField(label=_("Action"), required=False)
    actor = forms.CharField(
        label=_("Done by"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Name or e-mail")}),
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    object_type = forms.ChoiceField(label=_("About"), required=False)
    # Set by "everything in the audit log" links from a person's or unit's page.
    object_id = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args: Any, actor: object, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        actions = {*account_selectors.audit_actions(actor=actor), *ACTION_LABELS}
        self.fields["action"].choices = [  # type: ignore[attr-defined]
            ("", _("Every action")),
            *sorted(((a, action_label(a)) for a in actions), key=lambda c: c[1].lower()),
        ]
        types = account_selectors.audit_object_types(actor=actor)
        self.fields["object_type"].choices = [  # type: ignore[attr-defined]
            ("", _("Everything")),
            *((t, object_type_label(t)) for t in types),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start: date | None = data.get("date_from")
        end: date | None = data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date comes before the start date."))
        return data

    def filters(self) -> dict[str, Any]:
        data = self.cleaned_data if self.is_bound else {}
        return {
            "action": data.get("action", ""),
            "actor_q": data.get("actor", ""),
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to") if "date_to" not in self.errors else None,
            "object_type": data.get("object_type", ""),
            "object_id": data.get("object_id", ""),
        }


# --- Settings

MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_LOGO_PIXELS = 25_000_000  # refuse before decoding: a small file can unpack into a huge image
LOGO_MAX_SIDE = 1024
LOGO_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}


def sanitise_logo(upload: UploadedFile[bytes]) -> ContentFile[bytes]:
    """Accept a real PNG, JPEG or WebP by its bytes, and re-encode it without its metadata."""
    if upload.size is not None and upload.size > MAX_LOGO_BYTES:
        raise ValidationError(_("The logo is larger than 2 MB. Choose a smaller image."))
    data = upload.read(MAX_LOGO_BYTES + 1)
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(_("The logo is larger than 2 MB. Choose a smaller image."))
    not_an_image = ValidationError(
        _("This file is not a PNG, JPEG or WebP image. Choose another file.")
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as probe:
                fmt = probe.format or ""
                width, height = probe.size
                if fmt not in LOGO_FORMATS:
                    raise not_an_image
                if width * height > MAX_LOGO_PIXELS:
                    raise ValidationError(
                        _("The logo has too many pixels. Choose a smaller image.")
                    )
                probe.verify()
            with Image.open(BytesIO(data)) as image:
                image.load()
                clean = _without_metadata(image, fmt)
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise not_an_image from None
    except (OSError, SyntaxError, ValueError, EOFError):
        # Pillow reports truncated or corrupt files with these.
        raise not_an_image from None
    clean.thumbnail((LOGO_MAX_SIDE, LOGO_MAX_SIDE))
    out = BytesIO()
    if fmt == "JPEG":
        clean.save(out, format="JPEG", quality=90, optimize=True)
    elif fmt == "WEBP":
        clean.save(out, format="WEBP", quality=90)
    else:
        clean.save(out, format="PNG", optimize=True)
    return ContentFile(out.getvalue(), name=f"logo.{LOGO_FORMATS[fmt]}")


def _without_metadata(image: Image.Image, fmt: str) -> Image.Image:
    """A copy with pixels only: no EXIF, ICC, XMP or text chunks; the first frame only."""
    target = "RGB" if fmt == "JPEG" else ("RGBA" if image.mode not in ("RGB", "L") else image.mode)
    pixels = image.convert(target)
    clean = Image.new(pixels.mode, pixels.size)
    clean.paste(pixels)
    return clean


class OrganisationForm(ConsoleForm):
    name = forms.CharField(label=_("Organisation name"), max_length=150)
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("A PNG, JPEG or WebP image of at most 2 MB. It is shown in the top bar."),
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)
    brand_colour_picker = forms.CharField(
        label=_("Colour picker"),
        required=False,
        widget=forms.TextInput(attrs={"type": "color"}),
    )
    brand_colour = forms.CharField(
        label=_("Colour code (#rrggbb)"),
        max_length=7,
        required=False,
        widget=forms.TextInput(attrs={"pattern": "#[0-9a-fA-F]{6}", "spellcheck": "false"}),
    )
    require_admin_mfa = forms.BooleanField(
        label=_("Administrators must use two-factor authentication"),
        required=False,
        help_text=_(
            "Administrators without an authenticator app are asked to set one up before they can "
            "continue."
        ),
    )
    invitation_valid_days = forms.IntegerField(
        label=_("Invitation links are valid for (days)"),
        widget=forms.NumberInput(attrs={"min": 1, "max": 90}),
    )
    community_creators = forms.ChoiceField(
        label=_("Who may create communities"),
        choices=Organisation.CommunityCreators.choices,
        required=False,  # left out of a post: unchanged
        widget=forms.RadioSelect,
        help_text=_(
            "Everyone may join the open communities and ask to join the others; this decides who "
            "may start a new one. Existing communities stay as they are."
        ),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        self.organisation = organisation
        kwargs.setdefault(
            "initial",
            {
                "name": organisation.name,
                "brand_colour": organisation.brand_colour,
                "brand_colour_picker": organisation.brand_colour,
                "require_admin_mfa": organisation.require_admin_mfa,
                "invitation_valid_days": organisation.invitation_valid_days,
                "community_creators": organisation.community_creators,
            },
        )
        super().__init__(*args, **kwargs)

    def clean_logo(self) -> ContentFile[bytes] | None:
        upload = self.cleaned_data.get("logo")
        if not upload:
            return None
        return sanitise_logo(upload)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        # Without JavaScript the picker and the text field cannot follow each other: whichever
        # the administrator changed wins, the typed value first.
        saved = self.organisation.brand_colour.lower()
        typed = (data.get("brand_colour") or "").strip().lower()
        picked = (data.get("brand_colour_picker") or "").strip().lower()
        if typed and typed != saved:
            data["brand_colour"] = typed
        elif HEX.match(picked) and picked != saved:
            data["brand_colour"] = picked
        elif typed:
            data["brand_colour"] = typed
        elif "brand_colour" not in self.errors:
            self.add_error("brand_colour", _("Give a colour as #rrggbb, for example #1f5f8b."))
        chosen = data.get("brand_colour") or ""
        if HEX.match(chosen) and self.data.get("brand_colour_picker") != chosen:
            # Shown again after an error, the picker shows the colour that was chosen.
            self.data = {**self.data, "brand_colour_picker": chosen}
        return data

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "brand_colour": data["brand_colour"],
            "require_admin_mfa": data["require_admin_mfa"],
            "invitation_valid_days": data["invitation_valid_days"],
            "logo": data.get("logo"),
            "remove_logo": data["remove_logo"] and not data.get("logo"),
            "community_creators": data.get("community_creators") or None,
        }
