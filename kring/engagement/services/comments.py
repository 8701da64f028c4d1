"""Writing, editing, deleting and hiding comments (and answers: a question's comments)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kring.accounts.models import User
from kring.accounts.services.activity import activity_record
from kring.common import clock
from kring.common.audit import audit_record
from kring.engagement import permissions
from kring.engagement.comment_target import COMMENT
from kring.engagement.models import Comment, Report
from kring.engagement.services.reports import reports_close
from kring.engagement.services.text import mentions_record, text_render, topics_record
from kring.engagement.targets import target_get, target_type

MAX_LENGTH = 10_000


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write something first.")})
    if len(body) > MAX_LENGTH:
        raise ValidationError(
            {"body": _("A comment can be at most %(n)s characters long.") % {"n": MAX_LENGTH}}
        )
    return body


@transaction.atomic
def comment_create(
    *, actor: User, target: str, target_id: int, body: str, parent_id: int | None = None
) -> Comment:
    obj = target_get(actor, target, target_id)
    permissions.check_comment_on(actor, target, obj)
    body = _clean_body(body)
    parent = None
    if parent_id is not None:
        parent = Comment.objects.filter(
            pk=parent_id, target_type=target, target_id=target_id, deleted_at__isnull=True
        ).first()
        if parent is None:
            raise ValidationError({"body": _("The comment you replied to is no longer there.")})
        parent = parent.parent or parent  # replies stay one level deep
    comment = Comment(
        target_type=target,
        target_id=target_id,
        parent=parent,
        author=actor,
        body=body,
        body_html=text_render(body),
    )
    comment.full_clean()
    comment.save()
    kind = target_type(target)
    kind.counts_changed(target_id)
    responded_to = parent.author_id if parent is not None else kind.author_id_of(obj)
    activity_record(
        actor=actor,
        verb="comment_created",
        obj_type=COMMENT,
        obj_id=comment.pk,
        root_type=target,
        root_id=target_id,
        space_id=kind.space_id_of(obj),
        target_user_id=responded_to if responded_to != actor.pk else None,
    )
    mentions_record(actor=actor, target=COMMENT, target_id=comment.pk, body=body)
    topics_record(target=COMMENT, target_id=comment.pk, body=body)
    return comment


def _comment_and_target(actor: User, comment_id: int) -> tuple[Comment, object]:
    comment = Comment.objects.select_for_update().filter(pk=comment_id).first()
    if comment is None:
        raise ValidationError(_("This comment is no longer there."))
    return comment, target_get(actor, comment.target_type, comment.target_id)


@transaction.atomic
def comment_edit(*, actor: User, comment_id: int, body: str) -> Comment:
    comment, obj = _comment_and_target(actor, comment_id)
    permissions.check_edit_comment(actor, comment, obj)
    comment.body = _clean_body(body)
    comment.body_html = text_render(comment.body)
    comment.edited_at = clock.now()
    comment.save(update_fields=["body", "body_html", "edited_at"])
    mentions_record(actor=actor, target=COMMENT, target_id=comment.pk, body=comment.body)
    topics_record(target=COMMENT, target_id=comment.pk, body=comment.body)
    return comment


@transaction.atomic
def comment_delete(*, actor: User, comment_id: int) -> Comment:
    comment, obj = _comment_and_target(actor, comment_id)
    permissions.check_delete_comment(actor, comment, obj)
    comment.deleted_at = clock.now()
    comment.save(update_fields=["deleted_at"])
    target_type(comment.target_type).counts_changed(comment.target_id)
    if comment.author_id != actor.pk:
        audit_record(actor=actor, action="comment.delete", obj=comment, changes={})
    return comment


@transaction.atomic
def comment_hide(*, actor: User, comment_id: int, reason: str, hidden: bool = True) -> Comment:
    """Moderators hide a comment with a reason the author sees; audited."""
    comment, obj = _comment_and_target(actor, comment_id)
    permissions.check_moderate_comment(actor, comment, obj)
    reason = (reason or "").strip()
    if hidden and not reason:
        raise ValidationError({"reason": _("Say why, so the author understands.")})
    comment.hidden_at = clock.now() if hidden else None
    comment.hidden_by = actor if hidden else None
    comment.hidden_reason = reason[:300] if hidden else ""
    comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    if hidden:
        reports_close(actor=actor, target=COMMENT, target_id=comment.pk, state=Report.State.HIDDEN)
    target_type(comment.target_type).counts_changed(comment.target_id)
    audit_record(
        actor=actor,
        action="comment.hide" if hidden else "comment.unhide",
        obj=comment,
        changes={"reason": reason} if hidden else {},
    )
    return comment
