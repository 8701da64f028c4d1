"""Reacting, commenting, saving, following and reporting: on any registered target.

Each answers htmx with the fragment it changed and everyone else with a redirect back, so every
button works without JavaScript too.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kring.accounts.actor import actor_of
from kring.common.redirects import safe_next
from kring.engagement import selectors
from kring.engagement.comment_target import COMMENT
from kring.engagement.models import Comment, Follow, Reaction, Report
from kring.engagement.services import comments as comment_services
from kring.engagement.services.follows import bookmark_set, follow_set
from kring.engagement.services.reactions import reaction_set
from kring.engagement.services.reports import report_create, report_decide
from kring.engagement.targets import target_get, target_type
from kring.spaces import permissions as space_permissions
from kring.spaces.models import Space


def _back(request: HttpRequest, fallback: str = "/") -> HttpResponse:
    """Back to `next`, or the page the button was on (same site only)."""
    return redirect(safe_next(request, referer=True) or fallback)


def _pk(value: str) -> int:
    if not value.isdigit():
        raise Http404
    return int(value)


@login_required
@require_POST
def react(request: HttpRequest, target: str, pk: int) -> HttpResponse:
    actor = actor_of(request)
    try:
        reaction_set(actor=actor, target=target, target_id=pk, kind=request.POST.get("kind", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    if request.htmx:  # type: ignore[attr-defined]
        summary, mine = selectors.reaction_summary(actor, target, [pk])
        context = {
            "target": target,
            "target_id": pk,
            "reactions": summary.get(pk, []),
            "mine": mine.get(pk),
            "can_react": True,
        }
        return render(request, "engagement/partials/reactions.html", context)
    return _back(request)


@login_required
@require_GET
def reactors(request: HttpRequest, target: str, pk: int) -> HttpResponse:
    """Who reacted, and how (to people who can see the target)."""
    actor = actor_of(request)
    obj = target_get(actor, target, pk)
    rows = (
        Reaction.objects.filter(target_type=target, target_id=pk)
        .select_related("user")
        .order_by("kind", "user__display_name")
    )
    return render(
        request, "engagement/reactors.html", {"rows": rows, "target": obj, "target_name": target}
    )


@login_required
@require_POST
def comment(request: HttpRequest, target: str, pk: int) -> HttpResponse:
    actor = actor_of(request)
    parent = request.POST.get("parent", "")
    try:
        created = comment_services.comment_create(
            actor=actor,
            target=target,
            target_id=pk,
            body=request.POST.get("body", ""),
            parent_id=_pk(parent) if parent else None,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back(request)
    unseen = selectors.unseen_mentions(actor, COMMENT, created.pk)
    if unseen:
        messages.warning(request, selectors.mention_warning(unseen))
    response = _back(request)
    response["Location"] = f"{response['Location'].split('#')[0]}#comment-{created.pk}"
    return response


def _own_comment(request: HttpRequest, pk: int) -> tuple[Comment, object]:
    """A comment on something the actor can see: 404 alike for missing and invisible."""
    found = Comment.objects.filter(pk=pk, deleted_at__isnull=True).first()
    if found is None:
        raise Http404
    obj = target_get(actor_of(request), found.target_type, found.target_id)
    return found, obj


@login_required
@require_http_methods(["GET", "POST"])
def comment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of(request)
    found, _target = _own_comment(request, pk)
    error = None
    if request.method == "POST":
        try:
            comment_services.comment_edit(
                actor=actor, comment_id=pk, body=request.POST.get("body", "")
            )
        except ValidationError as e:
            error = " ".join(e.messages)
        else:
            messages.success(request, _("Saved."))
            return _back(request)
    context = {"comment": found, "error": error, "next": request.GET.get("next", "")}
    return render(request, "engagement/comment_edit.html", context, status=400 if error else 200)


@login_required
@require_POST
def comment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of(request)
    _own_comment(request, pk)
    comment_services.comment_delete(actor=actor, comment_id=pk)
    messages.success(request, _("Comment deleted."))
    return _back(request)


@login_required
@require_POST
def comment_hide(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of(request)
    _own_comment(request, pk)
    hidden = request.POST.get("hidden", "1") == "1"
    try:
        comment_services.comment_hide(
            actor=actor, comment_id=pk, reason=request.POST.get("reason", ""), hidden=hidden
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Hidden. The author sees why.") if hidden else _("Shown again.")
        )
    return _back(request)


@login_required
@require_POST
def bookmark(request: HttpRequest, target: str, pk: int) -> HttpResponse:
    actor = actor_of(request)
    on = bookmark_set(actor=actor, target=target, target_id=pk, on=request.POST.get("on") == "1")
    if request.htmx:  # type: ignore[attr-defined]
        return render(
            request, "engagement/partials/bookmark.html", {"target": target, "pk": pk, "saved": on}
        )
    messages.success(request, _("Saved.") if on else _("Removed from your saved items."))
    return _back(request)


@login_required
@require_POST
def follow(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    actor = actor_of(request)
    if kind not in Follow.Kind.values:
        raise Http404
    try:
        on = follow_set(actor=actor, kind=kind, target_id=pk, on=request.POST.get("on") == "1")
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back(request)
    if request.htmx:  # type: ignore[attr-defined]
        context = {"kind": kind, "target_id": pk, "following": on}
        return render(request, "engagement/partials/follow.html", context)
    return _back(request)


@login_required
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, target: str, pk: int) -> HttpResponse:
    actor = actor_of(request)
    target_type(target)
    obj = target_get(actor, target, pk)
    error = None
    if request.method == "POST":
        try:
            report_create(
                actor=actor, target=target, target_id=pk, reason=request.POST.get("reason", "")
            )
        except ValidationError as e:
            error = " ".join(e.messages)
        else:
            messages.success(request, _("Thank you. The moderators will look at it."))
            return _back(request)
    context = {
        "obj": obj,
        "target": target,
        "pk": pk,
        "error": error,
        "next": request.POST.get("next") or request.GET.get("next", ""),
    }
    return render(request, "engagement/report.html", context, status=400 if error else 200)


MENTION_SUGGESTIONS = 8


@login_required
@require_GET
def mentions(request: HttpRequest, target: str, pk: int) -> HttpResponse:
    """Mention suggestions: only people who can see what is being written (a space, or the
    target's space), so a mention never points at someone who cannot read it."""
    actor = actor_of(request)
    if target == "space":
        space = Space.objects.filter(pk=pk).first()
        if space is None:
            raise Http404
        space_permissions.check_read(actor, space)
    else:
        obj = target_get(actor, target, pk)
        space = Space.objects.filter(pk=target_type(target).space_id_of(obj) or 0).first()
        if space is None:
            raise Http404
    people = selectors.mention_candidates(actor, space, request.GET.get("q", ""))
    return render(
        request, "engagement/partials/mentions.html", {"people": people[:MENTION_SUGGESTIONS]}
    )


@login_required
@require_http_methods(["GET", "POST"])
def reports(request: HttpRequest) -> HttpResponse:
    """The moderation queue: what was reported in the spaces one moderates."""
    actor = actor_of(request)
    if request.method == "POST":
        raw = request.POST.get("report", "")
        try:
            report_decide(actor=actor, report_id=_pk(raw), state=Report.State.DISMISSED)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Dismissed: the content stays as it is."))
        return redirect("engagement:reports")
    return render(request, "engagement/reports.html", {"items": selectors.open_reports(actor)})
