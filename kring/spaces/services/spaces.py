"""Creating, editing, archiving, deleting and restoring spaces."""

from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kring.accounts.models import User
from kring.common import clock
from kring.common.audit import audit_record
from kring.spaces import permissions
from kring.spaces.images import cover_clean
from kring.spaces.models import DELETED_RESTORABLE_DAYS, Membership, Space, SpaceTag
from kring.spaces.services.counts import member_count_refresh
from kring.spaces.services.structure import unique_slug

EDITABLE = ("name", "description", "guidelines", "icon", "access")


def _tags(names: list[str]) -> list[SpaceTag]:
    tags = []
    for raw in names:
        name = " ".join(raw.split())[:40]
        slug = slugify(name)[:50]
        if not slug:
            continue
        tag = SpaceTag.objects.filter(slug=slug).first() or SpaceTag.objects.create(
            name=name, slug=slug
        )
        tags.append(tag)
    if len(tags) > 8:
        raise ValidationError({"tags": _("Give at most 8 tags.")})
    return tags


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Give the space a name.")})
    return name


@transaction.atomic
def community_create(
    *,
    actor: User,
    name: str,
    access: str,
    description: str = "",
    guidelines: str = "",
    icon: str = Space.Icon.GROUP,
    tags: list[str] | None = None,
    cover: UploadedFile[bytes] | None = None,
) -> Space:
    """A new community; its creator is its first owner."""
    permissions.check_create_community(actor)
    name = _clean_name(name)
    if Space.objects.alive().filter(kind=Space.Kind.COMMUNITY, name__iexact=name).exists():
        raise ValidationError({"name": _("There is already a community with this name.")})
    space = Space(
        kind=Space.Kind.COMMUNITY,
        access=access,
        name=name,
        slug=unique_slug(name),
        description=description.strip(),
        guidelines=guidelines.strip(),
        icon=icon,
        created_by=actor,
    )
    if cover is not None:
        space.cover = cover_clean(cover)
    space.full_clean()
    space.save()
    space.tags.set(_tags(tags or []))
    now = clock.now()
    Membership.objects.create(
        space=space, user=actor, role=Membership.Role.OWNER, joined_at=now, created_at=now
    )
    member_count_refresh([space.pk])
    space.refresh_from_db()
    return space


@transaction.atomic
def space_update(
    *,
    actor: User,
    space: Space,
    tags: list[str] | None = None,
    cover: UploadedFile[bytes] | bool | None = None,
    **values: Any,
) -> Space:
    """Change what managers may change; `cover=False` removes the cover image."""
    permissions.check_edit(actor, space)
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise TypeError(f"space_update does not change {sorted(unknown)}")
    if space.kind != Space.Kind.COMMUNITY and {"name", "access"} & set(values):
        # The news and unit spaces take their name and access from the organisation.
        values = {k: v for k, v in values.items() if k not in ("name", "access")}
    if "name" in values:
        values["name"] = _clean_name(values["name"])
        clash = Space.objects.alive().filter(kind=Space.Kind.COMMUNITY, name__iexact=values["name"])
        if clash.exclude(pk=space.pk).exists():
            raise ValidationError({"name": _("There is already a community with this name.")})
    before = {f: getattr(space, f) for f in values}
    for field, value in values.items():
        setattr(space, field, value.strip() if isinstance(value, str) else value)
    if cover is False:
        space.cover = ""
    elif cover is not None and cover is not True:
        space.cover = cover_clean(cover)
    space.full_clean()
    space.save()
    if tags is not None:
        space.tags.set(_tags(tags))
    changes = {f: [before[f], getattr(space, f)] for f in values if before[f] != getattr(space, f)}
    if changes:
        audit_record(actor=actor, action="space.update", obj=space, changes=changes)
    return space


@transaction.atomic
def space_archive(*, actor: User, space: Space, archived: bool = True) -> Space:
    """Archived spaces stay readable but take no new posts, comments or members."""
    permissions.check_archive(actor, space)
    if space.is_archived == archived:
        return space
    space.archived_at = clock.now() if archived else None
    space.save(update_fields=["archived_at", "updated_at"])
    audit_record(actor=actor, action="space.archive" if archived else "space.unarchive", obj=space)
    return space


@transaction.atomic
def space_delete(*, actor: User, space: Space, confirm_name: str) -> Space:
    """Soft delete, after the name is typed again; administrators can restore it for 30 days."""
    permissions.check_delete(actor, space)
    if " ".join(confirm_name.split()).casefold() != space.name.casefold():
        raise ValidationError({"confirm_name": _("Type the name of the space exactly to confirm.")})
    space.deleted_at, space.deleted_by = clock.now(), actor
    space.save(update_fields=["deleted_at", "deleted_by", "updated_at"])
    audit_record(actor=actor, action="space.delete", obj=space)
    return space


@transaction.atomic
def space_restore(*, actor: User, space: Space) -> Space:
    permissions.check_administer_spaces(actor)
    if space.deleted_at is None:
        raise ValidationError(_("This space has not been deleted."))
    if clock.now() > space.deleted_at + timedelta(days=DELETED_RESTORABLE_DAYS):
        raise ValidationError(_("This space was deleted more than 30 days ago."))
    space.deleted_at, space.deleted_by = None, None
    space.save(update_fields=["deleted_at", "deleted_by", "updated_at"])
    audit_record(actor=actor, action="space.restore", obj=space)
    return space


@transaction.atomic
def spaces_purge() -> int:
    """Remove for good the spaces deleted more than 30 days ago."""
    cutoff = clock.now() - timedelta(days=DELETED_RESTORABLE_DAYS)
    doomed = list(Space.objects.filter(deleted_at__lt=cutoff))
    for space in doomed:
        audit_record(actor=None, action="space.purge", obj=space)
        space.delete()
    return len(doomed)


def space_touch(space_id: int, at: datetime | None = None) -> None:
    """Content apps call this when something happens in a space (directory: last activity)."""
    Space.objects.filter(pk=space_id).update(last_activity_at=at or clock.now())
