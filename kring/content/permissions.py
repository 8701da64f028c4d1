"""Who may see and do what with posts: the only place that decides (ARCHITECTURE.md §5).

A post is visible when its space is readable (spaces' permissions), it is published (or the
reader wrote it), not deleted, not hidden (except to its author, who sees why, and the space's
moderators, who may undo it), and — for a share —
when the shared original is visible too.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from kring.accounts import permissions as account_permissions
from kring.accounts.models import User
from kring.common.sql import compiled_once
from kring.content.models import Blog, Post
from kring.spaces import permissions as space_permissions
from kring.spaces.models import Space


def _is_user(actor: object) -> bool:
    return isinstance(actor, User) and actor.is_active


def _visible_q(actor: object) -> Q:
    uid = actor.pk  # type: ignore[attr-defined]
    readable = compiled_once(
        actor, "readable_spaces", lambda: Space.objects.readable_by(actor).order_by().values("pk")
    )
    # A hidden post stays visible to its author (who sees why) and its moderators (who may undo).
    moderated = space_permissions.moderated_q(actor, "space__")
    return Q(
        Q(state=Post.State.PUBLISHED) | Q(author_id=uid),
        Q(hidden_at__isnull=True) | Q(author_id=uid) | moderated,
        space_id__in=readable,
        deleted_at__isnull=True,
    )


def filter_visible_posts(actor: object, qs: QuerySet[Post]) -> QuerySet[Post]:
    """The posts the actor may read: the one filter of every stream, page, search and export."""
    if not _is_user(actor):
        return qs.none()
    visible = _visible_q(actor)  # built once, for the post and for a share's original
    # Correlated, so it is asked for shares only (not a set of every visible post to hash).
    original = Post.objects.filter(visible, pk=OuterRef("shared_post_id"))
    return qs.filter(visible).filter(Q(shared_post__isnull=True) | Q(Exists(original)))


def can_read(actor: object, post: Post) -> bool:
    if not _is_user(actor) or post.is_deleted:
        return False
    mine = post.author_id == actor.pk  # type: ignore[attr-defined]
    if not (post.is_published or mine):
        return False
    if not space_permissions.can_read(actor, post.space):
        return False
    if post.is_hidden and not mine and not space_permissions.can_moderate(actor, post.space):
        return False
    return post.shared_post is None or can_read(actor, post.shared_post)


def can_post(actor: object, space: Space, kind: str = Post.Kind.POST) -> bool:
    if not space_permissions.can_post(actor, space):
        return False
    if kind == Post.Kind.NEWS:
        # News goes to everyone at once: the news space, by the communications team.
        return space.kind == Space.Kind.NEWS
    return True


def can_write_in_blog(actor: object, blog: Blog, space: Space) -> bool:
    """A person's blog is theirs alone; a space's blog is written by its managers."""
    if blog.space_id != space.pk or not can_post(actor, space, Post.Kind.BLOG):
        return False
    if blog.owner_id is not None:
        return blog.owner_id == actor.pk  # type: ignore[attr-defined]
    return space_permissions.can_manage_members(actor, space)


def can_keep_blog(actor: object, space: Space, personal: bool = True) -> bool:
    if personal:
        return can_post(actor, space, Post.Kind.BLOG)
    return space_permissions.can_manage_members(actor, space)


def can_edit(actor: object, post: Post) -> bool:
    return (
        can_read(actor, post)
        and post.author_id == actor.pk  # type: ignore[attr-defined]
        and not post.space.is_archived
    )


def can_moderate(actor: object, post: Post) -> bool:
    """Hide, pin, accept an answer on someone's behalf."""
    return can_read(actor, post) and space_permissions.can_moderate(actor, post.space)


def can_delete(actor: object, post: Post) -> bool:
    return can_edit(actor, post) or can_moderate(actor, post)


def can_move(actor: object, post: Post, to: Space) -> bool:
    return (
        to.pk != post.space_id
        and (can_edit(actor, post) or can_moderate(actor, post))
        and can_post(actor, to, post.kind)
    )


def can_comment(actor: object, post: Post) -> bool:
    return (
        can_read(actor, post)
        and post.is_published
        and not post.is_hidden
        and space_permissions.can_comment(actor, post.space)
    )


def can_react(actor: object, post: Post) -> bool:
    return can_comment(actor, post)


def can_accept_answer(actor: object, post: Post) -> bool:
    """The asker chooses the answer that helped; a space's managers may do it for them."""
    if post.kind != Post.Kind.QUESTION or not can_read(actor, post):
        return False
    return (
        post.author_id == actor.pk  # type: ignore[attr-defined]
        or space_permissions.can_manage_members(actor, post.space)
        or can_moderate(actor, post)
    )


def can_confirm_read(actor: object, post: Post) -> bool:
    return post.important and can_read(actor, post) and post.is_published


def can_see_confirmations(actor: object, post: Post) -> bool:
    """Editors follow up on important news: who confirmed, who has not yet."""
    return post.important and (
        post.author_id == actor.pk  # type: ignore[attr-defined]
        or can_moderate(actor, post)
    )


# -- checks: 404 when the post may not be known, 403 when it may be seen but not acted on ---------


def check_read(actor: object, post: Post) -> None:
    if not can_read(actor, post):
        raise Http404


def _check(allowed: bool, actor: object, post: Post) -> None:
    check_read(actor, post)
    if not allowed:
        raise PermissionDenied


def check_post(actor: object, space: Space, kind: str = Post.Kind.POST) -> None:
    space_permissions.check_read(actor, space)
    if not can_post(actor, space, kind):
        raise PermissionDenied


def check_edit(actor: object, post: Post) -> None:
    _check(can_edit(actor, post), actor, post)


def check_delete(actor: object, post: Post) -> None:
    _check(can_delete(actor, post), actor, post)


def check_moderate(actor: object, post: Post) -> None:
    _check(can_moderate(actor, post), actor, post)


def check_comment(actor: object, post: Post) -> None:
    _check(can_comment(actor, post), actor, post)


def check_accept_answer(actor: object, post: Post) -> None:
    _check(can_accept_answer(actor, post), actor, post)


def check_confirm_read(actor: object, post: Post) -> None:
    _check(can_confirm_read(actor, post), actor, post)


def check_see_confirmations(actor: object, post: Post) -> None:
    _check(can_see_confirmations(actor, post), actor, post)


def can_spotlight(actor: object, post: Post) -> bool:
    """The community manager (and administrators) choose the good examples; public posts only,
    so the spotlight on everyone's home page never points at something most cannot open."""
    return (
        can_read(actor, post)
        and account_permissions.can_manage_community(actor)
        and post.is_published
        and post.space.access != Space.Access.SECRET
    )


def check_spotlight(actor: object, post: Post) -> None:
    _check(can_spotlight(actor, post), actor, post)


def capabilities(actor: object, post: Post) -> dict[str, bool]:
    """Every answer for one post, for templates that show or hide buttons."""
    return {
        "edit": can_edit(actor, post),
        "delete": can_delete(actor, post),
        "moderate": can_moderate(actor, post),
        "comment": can_comment(actor, post),
        "react": can_react(actor, post),
        "accept": can_accept_answer(actor, post),
        "confirmations": can_see_confirmations(actor, post),
        "spotlight": can_spotlight(actor, post),
        "move": can_edit(actor, post) or can_moderate(actor, post),
        "share": can_read(actor, post) and post.is_published and not post.is_hidden,
    }
