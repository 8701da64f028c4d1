"""Following people, spaces, topics and threads, and saving things for later (bookmarks)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from kring.accounts import permissions as account_permissions
from kring.accounts.models import User
from kring.engagement.models import Bookmark, Follow, Topic
from kring.engagement.targets import target_get
from kring.spaces import permissions as space_permissions
from kring.spaces.models import Space

# A thread is followed through the target it lives on (a post today).
THREAD_TARGET = "post"


def _check_followable(actor: User, kind: str, target_id: int) -> None:
    """404 unless the actor may know the thing they follow."""
    if kind == Follow.Kind.PERSON:
        person = User.objects.filter(pk=target_id, is_active=True).first()
        if person is None or not account_permissions.can_see_directory(actor):
            raise Http404
        if person.pk == actor.pk:
            raise ValidationError(_("You cannot follow yourself."))
    elif kind == Follow.Kind.SPACE:
        space = Space.objects.filter(pk=target_id).first()
        if space is None:
            raise Http404
        space_permissions.check_see(actor, space)
    elif kind == Follow.Kind.TOPIC:
        if not Topic.objects.filter(pk=target_id).exists():
            raise Http404
    elif kind == Follow.Kind.THREAD:
        target_get(actor, THREAD_TARGET, target_id)
    else:
        raise Http404


@transaction.atomic
def follow_set(*, actor: User, kind: str, target_id: int, on: bool) -> bool:
    """Follow (on) or unfollow; idempotent. Returns whether the actor follows it now."""
    if on:
        _check_followable(actor, kind, target_id)
        Follow.objects.get_or_create(user=actor, target_type=kind, target_id=target_id)
    else:
        Follow.objects.filter(user=actor, target_type=kind, target_id=target_id).delete()
    return on


@transaction.atomic
def bookmark_set(*, actor: User, target: str, target_id: int, on: bool) -> bool:
    """Save (on) or unsave something the actor can see; idempotent."""
    if on:
        target_get(actor, target, target_id)
        Bookmark.objects.get_or_create(user=actor, target_type=target, target_id=target_id)
    else:
        Bookmark.objects.filter(user=actor, target_type=target, target_id=target_id).delete()
    return on
