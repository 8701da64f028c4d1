"""Posts as engagement targets: comments and reactions ask the post's own permissions."""

from typing import Any

from django.db.models import Count

from kring.content import permissions
from kring.content.models import Post
from kring.engagement import targets
from kring.engagement.models import Comment, Reaction
from kring.spaces.models import Space
from kring.spaces.permissions import filter_moderated_spaces

POST = "post"


def post_counts_refresh(post_id: int) -> None:
    """Recount a post's comments and reactions (visible ones) from the rows themselves."""
    comments = Comment.objects.filter(
        target_type=POST, target_id=post_id, deleted_at__isnull=True, hidden_at__isnull=True
    ).aggregate(n=Count("pk"))["n"]
    reactions = Reaction.objects.filter(target_type=POST, target_id=post_id).count()
    Post.objects.filter(pk=post_id).update(comment_count=comments, reaction_count=reactions)


def _space_id(post: Any) -> int | None:
    return int(post.space_id)


def _author_id(post: Any) -> int | None:
    return int(post.author_id)


def _moderated_ids(actor: object) -> Any:
    spaces = filter_moderated_spaces(actor, Space.objects.all()).values("pk")
    return permissions.filter_visible_posts(actor, Post.objects.filter(space__in=spaces)).values(
        "pk"
    )


def register_post() -> None:
    targets.register(
        targets.TargetType(
            name=POST,
            model=Post,
            visible_to=lambda actor, qs: permissions.filter_visible_posts(actor, qs),
            can_see=permissions.can_read,
            can_comment=permissions.can_comment,
            can_react=permissions.can_react,
            can_moderate=permissions.can_moderate,
            space_id_of=_space_id,
            author_id_of=_author_id,
            counts_changed=post_counts_refresh,
            moderated_ids=_moderated_ids,
        )
    )
