"""Who may do what with comments and reactions; the target's own permissions decide the rest."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from kring.engagement.models import Comment
from kring.engagement.targets import target_type


def filter_visible_comments(actor: object, qs: QuerySet[Comment], target: str) -> QuerySet[Comment]:
    """Comments on visible targets of one type: not deleted; hidden ones only to their author."""
    kind = target_type(target)
    visible = kind.visible_to(actor, kind.model._default_manager.all()).values("pk")
    uid = getattr(actor, "pk", None)
    return qs.filter(
        Q(hidden_at__isnull=True) | Q(author_id=uid),
        target_type=target,
        target_id__in=visible,
        deleted_at__isnull=True,
    )


def can_edit_comment(actor: object, comment: Comment, target: object) -> bool:
    kind = target_type(comment.target_type)
    return (
        comment.author_id == getattr(actor, "pk", None)
        and not comment.is_deleted
        and kind.can_comment(actor, target)
    )


def can_delete_comment(actor: object, comment: Comment, target: object) -> bool:
    return can_edit_comment(actor, comment, target) or can_moderate_comment(actor, comment, target)


def can_moderate_comment(actor: object, comment: Comment, target: object) -> bool:
    return target_type(comment.target_type).can_moderate(actor, target)


def check_comment_on(actor: object, target_name: str, target: object) -> None:
    if not target_type(target_name).can_comment(actor, target):
        raise PermissionDenied


def check_react_on(actor: object, target_name: str, target: object) -> None:
    if not target_type(target_name).can_react(actor, target):
        raise PermissionDenied


def check_edit_comment(actor: object, comment: Comment, target: object) -> None:
    if comment.is_deleted:
        raise Http404
    if not can_edit_comment(actor, comment, target):
        raise PermissionDenied


def check_delete_comment(actor: object, comment: Comment, target: object) -> None:
    if comment.is_deleted:
        raise Http404
    if not can_delete_comment(actor, comment, target):
        raise PermissionDenied


def check_moderate_comment(actor: object, comment: Comment, target: object) -> None:
    if not can_moderate_comment(actor, comment, target):
        raise PermissionDenied
