"""Comments are targets too: people react to them and report them, under their target's rules."""

from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Q, QuerySet

from kring.engagement import targets
from kring.engagement.models import Comment, Reaction

COMMENT = "comment"


def _on(comment: Any) -> Any:
    """The visible object the comment was written on (cached on the comment)."""
    if not hasattr(comment, "_kring_target"):
        kind = targets.target_type(comment.target_type)
        comment._kring_target = kind.model._default_manager.get(pk=comment.target_id)
    return comment._kring_target


def _visible(actor: object, qs: QuerySet[Any]) -> QuerySet[Any]:
    uid = getattr(actor, "pk", None)
    on_visible = Q(pk__in=[])
    for kind in targets.registered():
        if kind.name == COMMENT:
            continue
        seen = kind.visible_to(actor, kind.model._default_manager.all()).values("pk")
        on_visible |= Q(target_type=kind.name, target_id__in=seen)
    return qs.filter(
        on_visible, Q(hidden_at__isnull=True) | Q(author_id=uid), deleted_at__isnull=True
    )


def _can_see(actor: object, comment: Any) -> bool:
    """Not deleted; hidden only to its author and moderators; and on something visible."""
    if comment.deleted_at is not None:
        return False
    kind = targets.target_type(comment.target_type)
    try:
        on = _on(comment)
    except ObjectDoesNotExist:
        return False
    if not kind.can_see(actor, on):
        return False
    mine = comment.author_id == getattr(actor, "pk", None)
    return comment.hidden_at is None or mine or kind.can_moderate(actor, on)


def _rule(name: str) -> Any:
    def ask(actor: object, comment: Any) -> bool:
        kind = targets.target_type(comment.target_type)
        return bool(getattr(kind, name)(actor, _on(comment)))

    return ask


def _space_id(comment: Any) -> int | None:
    return targets.target_type(comment.target_type).space_id_of(_on(comment))


def _counts(comment_id: int) -> None:
    n = Reaction.objects.filter(target_type=COMMENT, target_id=comment_id).aggregate(n=Count("pk"))
    Comment.objects.filter(pk=comment_id).update(reaction_count=n["n"])


def _moderated_ids(actor: object) -> QuerySet[Any]:
    """Comments on targets the actor moderates."""
    on = Q(pk__in=[])
    for kind in targets.registered():
        if kind.name != COMMENT:
            on |= Q(target_type=kind.name, target_id__in=kind.moderated_ids(actor))
    return Comment.objects.filter(on, deleted_at__isnull=True).values("pk")


def register_comment() -> None:
    targets.register(
        targets.TargetType(
            name=COMMENT,
            model=Comment,
            visible_to=_visible,
            can_see=_can_see,
            can_comment=lambda actor, comment: False,  # replies go under the parent, not here
            can_react=_rule("can_react"),
            can_moderate=_rule("can_moderate"),
            space_id_of=_space_id,
            author_id_of=lambda comment: int(comment.author_id),
            counts_changed=_counts,
            moderated_ids=_moderated_ids,
        )
    )
