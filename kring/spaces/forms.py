"""Forms of the spaces pages: they parse input; the services decide and write."""

from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from kring.accounts.models import User
from kring.accounts.permissions import can_see_directory
from kring.common import clock
from kring.common.widgets import LongSelect
from kring.org import selectors as org_selectors
from kring.spaces.models import Membership, Space, SpaceTag
from kring.spaces.selectors import DirectoryFilter

GUEST_DEFAULT_DAYS = 90
IMAGE_ACCEPT = "image/jpeg,image/png,image/webp,image/gif"

ACCESS_HELP: dict[str, StrOrPromise] = {
    Space.Access.OPEN: _("Everyone can find it, read along and join straight away."),
    Space.Access.REQUEST: _(
        "Everyone can find it and read what it is about; managers let people in."
    ),
    Space.Access.SECRET: _(
        "Invisible to everyone but its members. People join only when a manager invites them."
    ),
}


class SpaceForm(forms.Form):
    """Labels without a trailing colon, as the rest of Kring writes them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def apply_service_errors(
    form: forms.Form, error: ValidationError, *, default_field: str | None = None
) -> None:
    """Show a service's ValidationError beside the matching fields (or at the top of the form)."""
    if not hasattr(error, "error_dict"):
        form.add_error(default_field, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def end_of_day(day: date) -> datetime:
    """Access "until" a date lasts to the end of that day, in the organisation's time zone."""
    return timezone.make_aware(datetime.combine(day, time(23, 59, 59)))


def local_date(moment: datetime | None) -> date | None:
    return timezone.localtime(moment).date() if moment is not None else None


# --- The directory


class DirectoryFilterForm(SpaceForm):
    q = forms.CharField(
        label=_("Search spaces"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Name or description"), "autocomplete": "off"}
        ),
    )
    access = forms.ChoiceField(
        label=_("Access"),
        required=False,
        choices=[("", _("Any access")), *Space.Access.choices],
        widget=LongSelect,  # the directory draws its filters on every visit: the fast select
    )
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Every type")), *Space.Kind.choices],
        widget=LongSelect,
    )
    tag = forms.ChoiceField(label=_("Tag"), required=False, widget=LongSelect)
    # Every unit of the organisation, hundreds at a large one: plain (id, name) choices, no models.
    unit = forms.TypedChoiceField(
        label=_("Unit"), required=False, coerce=int, empty_value=None, widget=LongSelect
    )
    mine = forms.BooleanField(label=_("Only my spaces"), required=False)

    def __init__(self, *args: Any, actor: object, tags: list[SpaceTag], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tag"].choices = [("", _("Every tag")), *((t.slug, t.name) for t in tags)]  # type: ignore[attr-defined]
        if can_see_directory(actor):
            units = org_selectors.unit_list(actor=actor).values_list("pk", "name")
            self.fields["unit"].choices = [("", _("Every unit")), *units]  # type: ignore[attr-defined]
        else:
            # An external guest sees their own space only: nothing of the organisation's tree.
            for name in ("access", "kind", "tag", "unit"):
                del self.fields[name]

    def filters(self) -> DirectoryFilter:
        """The valid filters only: a bad value is reported beside its field and ignored."""
        data = self.cleaned_data if self.is_bound else {}
        return DirectoryFilter(
            q=(data.get("q") or "").strip(),
            access=data.get("access") or "",
            kind=data.get("kind") or "",
            tag=data.get("tag") or "",
            unit=data.get("unit"),
            mine=bool(data.get("mine")),
        )

    @property
    def extra_filters_active(self) -> bool:
        """Whether a filter inside the folded "More filters" panel is set or wrong (it opens
        then, so nothing that narrows the list or needs fixing is hidden)."""
        names = ("access", "kind", "tag", "unit")
        if self.is_bound and any(name in self.errors for name in names):
            return True
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        return any(data.get(name) for name in names)


# --- Creating and editing a space


def _tag_names(raw: str) -> list[str]:
    return [name.strip() for name in raw.split(",") if name.strip()]


class _SpaceFieldsForm(SpaceForm):
    """The fields a community is created with and its managers later change."""

    name = forms.CharField(label=_("Name"), max_length=80)
    access = forms.ChoiceField(
        label=_("Who can join"),
        choices=Space.Access.choices,
        initial=Space.Access.OPEN,
        widget=forms.RadioSelect,
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=1000,
        help_text=_("One or two sentences: what is this space for, and who is it for?"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    guidelines = forms.CharField(
        label=_("Guidelines"),
        required=False,
        max_length=4000,
        help_text=_("Optional: how members treat each other and what belongs here."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    icon = forms.ChoiceField(
        label=_("Icon"),
        choices=Space.Icon.choices,
        initial=Space.Icon.GROUP,
        widget=forms.RadioSelect,
    )
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=400,
        help_text=_("Separate tags with commas, for example: group 2, reading, maths."),
    )
    cover = forms.FileField(
        label=_("Cover image"),
        required=False,
        help_text=_("A wide picture (JPEG, PNG or WebP), shown at the top of the space."),
        widget=forms.ClearableFileInput(attrs={"accept": IMAGE_ACCEPT}),
    )

    def clean_tags(self) -> list[str]:
        names = _tag_names(self.cleaned_data.get("tags") or "")
        if len(names) > 8:
            raise ValidationError(_("Give at most 8 tags."))
        return names

    def access_choices(self) -> list[tuple[Any, StrOrPromise]]:
        """Each access radio with the sentence that explains it."""
        if "access" not in self.fields:
            return []
        return [(radio, ACCESS_HELP.get(radio.data["value"], "")) for radio in self["access"]]

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        values: dict[str, Any] = {
            name: data[name]
            for name in ("name", "access", "description", "guidelines", "icon")
            if name in self.fields
        }
        values["tags"] = data["tags"]
        return values

    def cover_upload(self) -> UploadedFile[bytes] | None:
        upload = self.cleaned_data.get("cover")
        return upload or None


class CommunityCreateForm(_SpaceFieldsForm):
    pass


class SpaceSettingsForm(_SpaceFieldsForm):
    cover_remove = forms.BooleanField(label=_("Remove the cover image"), required=False)

    def __init__(self, *args: Any, space: Space, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "name": space.name,
                "access": space.access,
                "description": space.description,
                "guidelines": space.guidelines,
                "icon": space.icon,
                "tags": ", ".join(tag.name for tag in space.tags.all()),
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["cover"].widget = forms.FileInput(attrs={"accept": IMAGE_ACCEPT})
        if not space.is_community:
            # The news and unit spaces take their name and access from the organisation.
            del self.fields["name"]
            del self.fields["access"]
        if not space.cover:
            del self.fields["cover_remove"]
        self.order_fields(
            ["name", "access", "description", "guidelines", "icon", "tags", "cover", "cover_remove"]
        )

    def cover_value(self) -> UploadedFile[bytes] | bool | None:
        """The service's cover argument: a new upload, False to remove it, None to keep it."""
        upload = self.cover_upload()
        if upload is not None:
            return upload
        if self.cleaned_data.get("cover_remove"):
            return False
        return None


class DeleteForm(SpaceForm):
    confirm_name = forms.CharField(label=_("Name of the space"), max_length=200)


# --- Membership


class RequestForm(SpaceForm):
    message = forms.CharField(
        label=_("Message to the managers (optional)"),
        required=False,
        max_length=1000,
        help_text=_("Say who you are or why you would like to join."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DecideForm(SpaceForm):
    decision = forms.ChoiceField(
        choices=[("accept", _("Accept")), ("decline", _("Decline"))], widget=forms.HiddenInput
    )
    message = forms.CharField(
        label=_("Message (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


MANAGEABLE_ROLES = [
    (Membership.Role.MANAGER.value, Membership.Role.MANAGER.label),
    (Membership.Role.MODERATOR.value, Membership.Role.MODERATOR.label),
    (Membership.Role.MEMBER.value, Membership.Role.MEMBER.label),
]


class MemberRoleForm(SpaceForm):
    role = forms.ChoiceField(label=_("Role"), choices=MANAGEABLE_ROLES)


class MemberFilterForm(SpaceForm):
    q = forms.CharField(
        label=_("Search members"),
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Name or job title"), "autocomplete": "off"}
        ),
    )
    role = forms.ChoiceField(
        label=_("Role"), required=False, choices=[("", _("Every role")), *Membership.Role.choices]
    )

    def filters(self) -> dict[str, str]:
        data = self.cleaned_data if self.is_bound else {}
        return {"q": (data.get("q") or "").strip(), "role": data.get("role") or ""}


def invitable_people(actor: object) -> QuerySet[User]:
    """Colleagues a manager may name in an invitation; the service says why one cannot come."""
    if not can_see_directory(actor):
        return User.objects.none()
    return User.objects.exclude(role=User.Role.GUEST).select_related("primary_unit")


class InviteForm(SpaceForm):
    people = forms.ModelMultipleChoiceField[User](
        label=_("People to invite"),
        queryset=User.objects.none(),
        error_messages={
            "required": _("Choose at least one person to invite."),
            "invalid_choice": _("Choose people from the search results."),
            "invalid_pk_value": _("Choose people from the search results."),
        },
    )

    def __init__(self, *args: Any, actor: object, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = invitable_people(actor)  # type: ignore[attr-defined]


def chosen_people(actor: object, raw_ids: list[str]) -> list[User]:
    """The people already ticked in the invitation form, so a new search keeps them."""
    ids = [int(value) for value in raw_ids if value.isdigit()][:50]
    if not ids:
        return []
    return list(invitable_people(actor).filter(pk__in=ids).order_by("display_name", "pk"))


def _default_until() -> date:
    return timezone.localdate(clock.now()) + timedelta(days=GUEST_DEFAULT_DAYS)


class _UntilField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Access until"))
        kwargs.setdefault("input_formats", ["%Y-%m-%d"])
        super().__init__(**kwargs)


class GuestInviteForm(SpaceForm):
    email = forms.EmailField(label=_("E-mail address"))
    name = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=150,
        help_text=_("How members will see this guest. Leave empty to use the e-mail address."),
    )
    expires_on = _UntilField(
        help_text=_("The guest can no longer log in to this space after this day.")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"expires_on": _default_until()})
        super().__init__(*args, **kwargs)

    def expires_at(self) -> datetime:
        return end_of_day(self.cleaned_data["expires_on"])


class GuestAccessForm(SpaceForm):
    expires_on = _UntilField()

    def expires_at(self) -> datetime:
        return end_of_day(self.cleaned_data["expires_on"])


class TransferForm(SpaceForm):
    """The new owner, by user id: the page offers the members as radio buttons."""

    new_owner = forms.IntegerField(
        label=_("New owner"),
        min_value=1,
        error_messages={"required": _("Choose the member who will own the space.")},
    )
