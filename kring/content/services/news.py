"""Important news: readers confirm they have read it; editors see who has not yet."""

from django.db import IntegrityError, transaction

from kring.accounts.models import User
from kring.accounts.services.activity import activity_record
from kring.content import permissions
from kring.content.models import Post, ReadConfirmation
from kring.content.targets import POST


def read_confirm(*, actor: User, post: Post) -> ReadConfirmation:
    """Confirm once; confirming again changes nothing (a double click, a second tab)."""
    permissions.check_confirm_read(actor, post)
    existing = ReadConfirmation.objects.filter(post=post, user=actor).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            confirmation = ReadConfirmation.objects.create(post=post, user=actor)
            activity_record(
                actor=actor,
                verb="news_read_confirmed",
                obj_type=POST,
                obj_id=post.pk,
                space_id=post.space_id,
            )
    except IntegrityError:  # the other tab won the race
        return ReadConfirmation.objects.get(post=post, user=actor)
    return confirmation
