"""A post's own page, and writing, editing, moving and deleting posts."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kring.accounts.actor import actor_of
from kring.accounts.models import User
from kring.content import permissions, selectors
from kring.content.forms import BlogForm, MoveForm, PostForm, QuickPostForm
from kring.content.models import Post
from kring.content.services import blogs as blog_services
from kring.content.services import posts as post_services
from kring.content.services.attachments import needs_alt_text
from kring.content.services.compose import Draft, post_revise, post_write
from kring.content.targets import POST
from kring.engagement.models import Follow
from kring.engagement.selectors import (
    comment_thread,
    follows,
    mention_warning,
    unseen_mentions,
)
from kring.spaces import permissions as space_permissions
from kring.spaces.models import Space
from kring.spaces.selectors import space_get

SECTION = "content"


def form_errors(form: Any, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: on its field when it has one."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


@login_required
@require_http_methods(["GET"])
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of(request)
    post = selectors.post_get(actor, pk)
    if post.shared_post_id:
        return redirect("content:detail", post.shared_post_id)
    request.activity_space_id = post.space_id  # type: ignore[attr-defined]
    request.activity_obj_type, request.activity_obj_id = POST, post.pk  # type: ignore[attr-defined]
    (card,) = selectors.post_cards(actor, [post])
    context = {
        "card": card,
        "post": post,
        "thread": comment_thread(actor, POST, post, accepted_id=post.accepted_answer_id),
        "following": follows(actor, Follow.Kind.THREAD, post.pk),
        "can": permissions.capabilities(actor, post),
        "undescribed": [a for a in card.images if needs_alt_text(a)]
        if post.author_id == actor.pk
        else [],
    }
    return render(request, "content/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def compose(request: HttpRequest, slug: str) -> HttpResponse:
    """Write a post, question, news item, blog post or poll in a space (?soort=kind)."""
    actor = actor_of(request)
    space = space_get(actor=actor, slug=slug)
    kind = request.GET.get("soort", Post.Kind.POST)
    if kind not in Post.Kind.values:
        kind = Post.Kind.POST
    permissions.check_post(actor, space, kind)
    blogs = selectors.writable_blogs(actor, space) if kind == Post.Kind.BLOG else []
    form = PostForm(request.POST or None, request.FILES or None, kind=kind, blogs=blogs)
    if "body" in form.fields:
        form.fields["body"].widget.attrs.update(
            {
                "data-mentions": reverse("engagement:mentions", args=["space", space.pk]),
                "aria-autocomplete": "list",
            }
        )
    if request.method == "POST" and form.is_valid():
        try:
            post = post_write(
                actor=actor,
                space=space,
                draft=_draft(kind, form.cleaned_data),
                files=form.cleaned_data.get("attachments") or [],
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            return _written(request, post)
    status = 400 if request.method == "POST" else 200
    context = {
        "space": space,
        "form": form,
        "kind": kind,
        "kinds": selectors.compose_kinds(actor, space),
        "blogs": blogs,
    }
    return render(request, "content/compose.html", context, status=status)


def _draft(kind: str, data: dict[str, Any]) -> Draft:
    options = [line for line in (data.get("options") or "").splitlines() if line.strip()]
    return Draft(
        kind=kind,
        title=data.get("title") or "",
        lead=data.get("lead") or "",
        body=data.get("body") or "",
        link_url=data.get("link_url") or "",
        important=bool(data.get("important")),
        pinned_until=data.get("pinned_until"),
        publish_at=data.get("publish_at"),
        blog=data.get("blog"),
        options=options,
        multiple=bool(data.get("multiple")),
        closes_at=data.get("closes_at"),
        results=data.get("results") or "after_vote",
        cover=data.get("cover"),
        cover_alt=data.get("cover_alt") or "",
    )


def _written(request: HttpRequest, post: Post) -> HttpResponseRedirect:
    unseen = unseen_mentions(actor_of(request), POST, post.pk)
    if unseen:
        messages.warning(request, mention_warning(unseen))
    if post.state == Post.State.SCHEDULED:
        messages.success(request, _("Scheduled: it will be published at the moment you chose."))
    else:
        messages.success(request, _("Posted."))
    return redirect("content:detail", post.pk)


@login_required
@require_POST
def quick_post(request: HttpRequest) -> HttpResponse:
    """The composer on the home page: a few words in one of your spaces."""
    actor = actor_of(request)
    form = QuickPostForm(request.POST, spaces=selectors.compose_spaces(actor))
    if form.is_valid():
        try:
            post_write(
                actor=actor,
                space=form.cleaned_data["space"],
                draft=Draft(body=form.cleaned_data["body"]),
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Posted."))
            return redirect("feed:home")
    for problems in form.errors.values():
        messages.error(request, " ".join(str(p) for p in problems))
    return redirect("feed:home")


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of(request)
    post = selectors.post_get(actor, pk)
    permissions.check_edit(actor, post)
    initial = {
        "title": post.title,
        "lead": post.lead,
        "body": post.body,
        "cover_alt": post.cover_alt,
    }
    form = PostForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        kind=post.kind,
        blogs=[],
        has_cover=bool(post.cover),
    )
    for name in ("attachments", "link_url", "important", "pinned_until", "publish_at", "blog",
                 "options", "multiple", "closes_at", "results"):  # fmt: skip
        form.fields.pop(name, None)
    if request.method == "POST" and form.is_valid():
        try:
            data = form.cleaned_data
            post_revise(
                actor=actor,
                post=post,
                title=data.get("title") or "",
                lead=data.get("lead") or "",
                body=data.get("body") or "",
                cover=data.get("cover"),
                cover_alt=data.get("cover_alt") or "",
                remove_cover=bool(data.get("remove_cover")),
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("content:detail", post.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "content/edit.html", {"post": post, "form": form}, status=status)


@login_required
@require_http_methods(["GET"])
def history(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of(request)
    post = selectors.post_get(actor, pk)
    revisions = post.revisions.select_related("editor")
    return render(request, "content/history.html", {"post": post, "revisions": revisions})


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of(request)
    post = selectors.post_get(actor, pk)
    permissions.check_delete(actor, post)
    if request.method == "POST":
        post_services.post_delete(actor=actor, post_id=post.pk)
        messages.success(request, _("Deleted."))
        return redirect("feed:space", post.space.slug)
    return render(request, "content/delete.html", {"post": post})


def _move_targets(actor: User, post: Post) -> list[Space]:
    spaces = Space.objects.filter(
        pk__in=space_permissions.current_memberships(actor).values("space_id"),
        archived_at__isnull=True,
        deleted_at__isnull=True,
    ).order_by("name")
    return [s for s in spaces if permissions.can_move(actor, post, s)]


@login_required
@require_http_methods(["GET", "POST"])
def move(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of(request)
    post = selectors.post_get(actor, pk)
    if not (permissions.can_edit(actor, post) or permissions.can_moderate(actor, post)):
        raise PermissionDenied
    form = MoveForm(request.POST or None, spaces=_move_targets(actor, post))
    if request.method == "POST" and form.is_valid():
        try:
            post_services.post_move(actor=actor, post_id=post.pk, to=form.cleaned_data["space"])
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Moved. Only the members of the new space see it now."))
            return redirect("content:detail", post.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "content/move.html", {"post": post, "form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def blog_create(request: HttpRequest, slug: str) -> HttpResponse:
    actor = actor_of(request)
    space = space_get(actor=actor, slug=slug)
    form = BlogForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            blog_services.blog_create(
                actor=actor,
                space=space,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                personal=not form.cleaned_data["for_space"],
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("Your blog is ready: write its first post."))
            return redirect(f"{reverse('content:compose', args=[space.slug])}?soort=blog")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "content/blog_create.html", {"space": space, "form": form}, status=status
    )
