"""Important news: readers confirm they have read it; editors see who has not yet."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kring.accounts.models import User
from kring.accounts.services.activity import activity_record
from kring.common import clock
from kring.common.audit import audit_record
from kring.content import permissions
from kring.content.models import Post, ReadConfirmation
from kring.content.targets import POST
from kring.spaces import permissions as space_permissions


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


REMIND_AGAIN_AFTER = timedelta(hours=24)


@transaction.atomic
def read_remind(*, actor: User, post_id: int) -> Post:
    """Ask the readers who have not confirmed yet again, by e-mail; at most once a day."""
    post = Post.objects.select_for_update().select_related("space").filter(pk=post_id).first()
    if post is None:
        raise ValidationError(_("This post is no longer there."))
    permissions.check_see_confirmations(actor, post)
    now = clock.now()
    if post.reminded_at is not None and now - post.reminded_at < REMIND_AGAIN_AFTER:
        raise ValidationError(_("A reminder went out less than a day ago."))
    post.reminded_at = now
    post.save(update_fields=["reminded_at"])
    audit_record(actor=actor, action="news.remind", obj=post, changes={})
    transaction.on_commit(lambda: _enqueue_reminder(post.pk, now))
    return post


def _enqueue_reminder(post_id: int, at: datetime) -> None:
    from kring.content.tasks import send_read_reminders

    send_read_reminders.enqueue(post_id, at.isoformat())


def read_reminders_send(*, post_id: int, requested_at: datetime) -> int:
    """Mail everyone who may read the post and has not confirmed; once per request."""
    claimed = (
        Post.objects.filter(pk=post_id, reminded_at=requested_at)
        .exclude(reminder_sent_at=requested_at)
        .update(reminder_sent_at=requested_at)
    )
    if not claimed:
        return 0
    post = Post.objects.select_related("space").get(pk=post_id)
    confirmed = ReadConfirmation.objects.filter(post=post).values("user_id")
    people = (
        User.objects.filter(
            pk__in=space_permissions.current_memberships_of(post.space).values("user_id"),
            is_active=True,
        )
        .exclude(pk__in=confirmed)
        .exclude(pk=post.author_id)
    )
    link = settings.KRING["BASE_URL"] + reverse("content:detail", args=[post.pk])
    messages = []
    for person in people.iterator():
        if not permissions.can_confirm_read(person, post):  # the one filter, per recipient
            continue
        with translation.override(person.language or settings.LANGUAGE_CODE):
            context = {"person": person, "post": post, "link": link}
            subject = render_to_string("content/email/remind_subject.txt", context)
            body = render_to_string("content/email/remind_message.txt", context)
        messages.append(
            EmailMessage(subject=" ".join(subject.split()), body=body, to=[person.email])
        )
    with get_connection() as connection:
        return connection.send_messages(messages) or 0
