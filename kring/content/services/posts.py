"""Writing posts of every kind, editing them (with history), deleting, moving and moderating."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kring.accounts.models import User
from kring.accounts.services.activity import activity_record
from kring.common import clock
from kring.common.audit import audit_record
from kring.content import permissions
from kring.content.models import Blog, Post, PostRevision
from kring.content.selectors import spotlight_forget
from kring.content.targets import POST
from kring.engagement.models import Report
from kring.engagement.services.reports import reports_close
from kring.engagement.services.text import mentions_record, text_render, topics_record
from kring.spaces.models import Space
from kring.spaces.services.spaces import space_touch

TITLED = (Post.Kind.NEWS, Post.Kind.BLOG, Post.Kind.QUESTION, Post.Kind.POLL)
CREATED_VERB: dict[str, str] = {Post.Kind.QUESTION: "question_asked"}


def _clean(kind: str, title: str, body: str) -> tuple[str, str]:
    title, body = (title or "").strip(), (body or "").strip()
    errors: dict[str, str] = {}
    if kind in TITLED and not title:
        errors["title"] = (
            _("Write your question in one line.")
            if kind == Post.Kind.QUESTION
            else _("Give it a title.")
        )
    if len(title) > 150:
        errors["title"] = _("A title can be at most 150 characters long.")
    if kind in (Post.Kind.POST, Post.Kind.BLOG, Post.Kind.NEWS) and not body:
        errors["body"] = _("Write something first.")
    if len(body) > 20_000:
        errors["body"] = _("A post can be at most 20,000 characters long.")
    if errors:
        raise ValidationError(errors)
    return title, body


def _after_write(actor: User, post: Post) -> None:
    mentions_record(actor=actor, target=POST, target_id=post.pk, body=post.body)
    topics_record(target=POST, target_id=post.pk, body=post.body, extra=post.title)


@transaction.atomic
def post_create(
    *,
    actor: User,
    space: Space,
    kind: str = Post.Kind.POST,
    title: str = "",
    lead: str = "",
    body: str = "",
    important: bool = False,
    pinned_until: datetime | None = None,
    publish_at: datetime | None = None,
    blog: Blog | None = None,
) -> Post:
    if kind not in Post.Kind.values:
        raise ValidationError({"kind": _("Choose what you are writing.")})
    permissions.check_post(actor, space, kind)
    if (kind == Post.Kind.BLOG) != (blog is not None):
        raise ValidationError({"blog": _("A blog post belongs to a blog.")})
    if blog is not None and not permissions.can_write_in_blog(actor, blog, space):
        raise ValidationError({"blog": _("You cannot write in this blog.")})
    title, body = _clean(kind, title, body)
    now = clock.now()
    if kind != Post.Kind.NEWS and (important or pinned_until or publish_at):
        raise ValidationError(_("Only news can be important, pinned or scheduled."))
    if publish_at is not None and publish_at <= now:
        publish_at = None  # "now" or a moment just passed: publish at once
    if pinned_until is not None and pinned_until <= now:
        raise ValidationError({"pinned_until": _("Pin it until a moment in the future.")})
    post = Post(
        kind=kind,
        space=space,
        author=actor,
        blog=blog,
        title=title,
        lead=(lead or "").strip()[:300],
        body=body,
        body_html=text_render(body),
        important=important,
        pinned_until=pinned_until,
        state=Post.State.SCHEDULED if publish_at else Post.State.PUBLISHED,
        publish_at=publish_at,
        published_at=publish_at or now,
        last_activity_at=publish_at or now,
    )
    post.full_clean()
    post.save()
    _after_write(actor, post)
    if post.is_published:
        _published(post)
    else:
        _schedule(post)
    return post


def _schedule(post: Post) -> None:
    """After commit, queue the publication for its moment (the task checks the moment again)."""
    post_id, at = post.pk, post.publish_at

    def enqueue() -> None:
        # Imported here: the tasks module imports this one to do its work.
        from kring.content.tasks import publish_scheduled_post

        task = publish_scheduled_post
        if at is not None and task.get_backend().supports_defer:
            task = task.using(run_after=at)
        task.enqueue(post_id)

    transaction.on_commit(enqueue)


def _published(post: Post) -> None:
    """What happens once a post is out: the space comes alive, the event is recorded."""
    space_touch(post.space_id, post.published_at)
    activity_record(
        actor=post.author,
        verb=CREATED_VERB.get(post.kind, "post_created"),
        obj_type=POST,
        obj_id=post.pk,
        space_id=post.space_id,
        meta={"kind": post.kind},
        occurred_at=post.published_at,
    )


@transaction.atomic
def post_publish_due(*, post_id: int) -> bool:
    """Publish a scheduled post whose moment has come: exactly once, whoever calls it."""
    claimed = Post.objects.filter(
        pk=post_id, state=Post.State.SCHEDULED, publish_at__lte=clock.now(), deleted_at__isnull=True
    ).update(state=Post.State.PUBLISHED)
    if not claimed:
        return False
    _published(Post.objects.select_related("author").get(pk=post_id))
    return True


def posts_publish_due() -> int:
    """Publish every scheduled post whose moment has passed; returns how many."""
    due = Post.objects.filter(
        state=Post.State.SCHEDULED, publish_at__lte=clock.now(), deleted_at__isnull=True
    ).values_list("pk", flat=True)
    return sum(post_publish_due(post_id=pk) for pk in list(due))


def _locked(post_id: int) -> Post:
    post = Post.objects.select_for_update().select_related("space", "author").filter(pk=post_id)
    found = post.first()
    if found is None:
        raise ValidationError(_("This post is no longer there."))
    return found


@transaction.atomic
def post_edit(
    *, actor: User, post_id: int, title: str = "", lead: str = "", body: str = ""
) -> Post:
    post = _locked(post_id)
    permissions.check_edit(actor, post)
    title, body = _clean(post.kind, title, body)
    if (title, body, lead.strip()) == (post.title, post.body, post.lead):
        return post
    PostRevision.objects.create(post=post, editor=actor, title=post.title, body=post.body)
    post.title, post.lead, post.body = title, lead.strip()[:300], body
    post.body_html = text_render(body)
    post.edited_at = clock.now()
    post.full_clean()
    post.save()
    _after_write(actor, post)
    return post


@transaction.atomic
def post_delete(*, actor: User, post_id: int) -> Post:
    post = _locked(post_id)
    permissions.check_delete(actor, post)
    post.deleted_at = clock.now()
    post.deleted_by = actor
    post.save(update_fields=["deleted_at", "deleted_by"])
    if post.author_id != actor.pk:
        audit_record(actor=actor, action="post.delete", obj=post, changes={})
    return post


@transaction.atomic
def post_move(*, actor: User, post_id: int, to: Space) -> Post:
    """Move a post to another space: who may read it changes with the very next request."""
    post = _locked(post_id)
    permissions.check_read(actor, post)
    if not permissions.can_move(actor, post, to):
        raise ValidationError(_("You cannot move this post to that space."))
    before = post.space
    post.space = to
    post.save(update_fields=["space"])
    space_touch(to.pk)
    audit_record(
        actor=actor, action="post.move", obj=post, changes={"space": [before.name, to.name]}
    )
    return post


@transaction.atomic
def post_hide(*, actor: User, post_id: int, reason: str, hidden: bool = True) -> Post:
    """Moderators hide a post; its author still sees it, with the reason. Audited."""
    post = _locked(post_id)
    permissions.check_moderate(actor, post)
    reason = (reason or "").strip()
    if hidden and not reason:
        raise ValidationError({"reason": _("Say why, so the author understands.")})
    post.hidden_at = clock.now() if hidden else None
    post.hidden_by = actor if hidden else None
    post.hidden_reason = reason[:300] if hidden else ""
    post.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
    if hidden:
        reports_close(actor=actor, target=POST, target_id=post.pk, state=Report.State.HIDDEN)
    audit_record(
        actor=actor,
        action="post.hide" if hidden else "post.unhide",
        obj=post,
        changes={"reason": reason} if hidden else {},
    )
    return post


@transaction.atomic
def post_pin(*, actor: User, post_id: int, until: datetime | None) -> Post:
    post = _locked(post_id)
    permissions.check_moderate(actor, post)
    if until is not None and until <= clock.now():
        raise ValidationError({"pinned_until": _("Pin it until a moment in the future.")})
    post.pinned_until = until
    post.save(update_fields=["pinned_until"])
    return post


@transaction.atomic
def post_share(*, actor: User, post_id: int, to: Space, body: str = "") -> Post:
    """Share a post into another space where the actor may post; shows only to who sees both."""
    original = Post.objects.select_related("space").filter(pk=post_id).first()
    if original is None:
        raise ValidationError(_("This post is no longer there."))
    permissions.check_read(actor, original)
    original = original.shared_post or original  # share the original, not a share of it
    permissions.check_post(actor, to)
    if to.pk == original.space_id:
        raise ValidationError({"space": _("It is already in that space.")})
    body = (body or "").strip()
    if len(body) > 2000:
        raise ValidationError({"body": _("Keep it under 2,000 characters.")})
    now = clock.now()
    share = Post.objects.create(
        kind=Post.Kind.POST,
        space=to,
        author=actor,
        shared_post=original,
        body=body,
        body_html=text_render(body) if body else "",
        published_at=now,
        last_activity_at=now,
    )
    space_touch(to.pk, now)
    activity_record(
        actor=actor,
        verb="share",
        obj_type=POST,
        obj_id=share.pk,
        root_type=POST,
        root_id=original.pk,
        space_id=to.pk,
        target_user_id=original.author_id if original.author_id != actor.pk else None,
    )
    return share


@transaction.atomic
def post_spotlight(*, actor: User, post_id: int, on: bool) -> Post:
    """The community manager puts a good example in the spotlight on the home page. Audited."""
    post = _locked(post_id)
    permissions.check_spotlight(actor, post)
    post.spotlight_at = clock.now() if on else None
    post.save(update_fields=["spotlight_at"])
    transaction.on_commit(spotlight_forget)
    audit_record(
        actor=actor, action="post.spotlight" if on else "post.unspotlight", obj=post, changes={}
    )
    return post
