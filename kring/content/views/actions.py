"""What readers, askers, editors and moderators do with a post: confirm, vote, accept, share,
hide, pin, spotlight, and follow up on important news."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kring.accounts.actor import actor_of
from kring.content import selectors
from kring.content.forms import AltTextForm, PinForm, ShareForm
from kring.content.models import Post
from kring.content.services import news, posts, questions
from kring.content.services.attachments import attachment_alt_text
from kring.content.services.polls import poll_vote
from kring.content.views.posts import form_errors


def _back(request: HttpRequest, pk: int) -> HttpResponse:
    return redirect("content:detail", pk)


def _error(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@login_required
@require_POST
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of(request)
    post = selectors.post_get(actor, pk)
    news.read_confirm(actor=actor, post=post)
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "content/partials/confirmed.html", {"post": post})
    messages.success(request, _("Thank you for confirming."))
    return _back(request, pk)


@login_required
@require_POST
def vote(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of(request)
    post = selectors.post_get(actor, pk)
    if post.kind != Post.Kind.POLL:
        raise Http404
    try:
        option_ids = [int(v) for v in request.POST.getlist("option")]
        poll_vote(actor=actor, poll_id=post.poll.pk, option_ids=option_ids)
    except ValueError:
        messages.error(request, _("Choose one of the answers."))
    except ValidationError as error:
        _error(request, error)
    if request.htmx:  # type: ignore[attr-defined]
        (card,) = selectors.post_cards(actor, [selectors.post_get(actor, pk)])
        return render(
            request,
            "content/partials/poll.html",
            {"poll": card.post.poll, "voted": card.voted_option_ids},
        )
    return _back(request, pk)


@login_required
@require_POST
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of(request)
    selectors.post_get(actor, pk)
    raw = request.POST.get("comment", "")
    try:
        questions.answer_accept(
            actor=actor, post_id=pk, comment_id=int(raw) if raw.isdigit() else None
        )
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("Marked as the answer that helped.") if raw else _("Done."))
    return _back(request, pk)


@login_required
@require_POST
def hide(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of(request)
    selectors.post_get(actor, pk)
    hidden = request.POST.get("hidden", "1") == "1"
    try:
        posts.post_hide(
            actor=actor, post_id=pk, reason=request.POST.get("reason", ""), hidden=hidden
        )
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(
            request, _("Hidden. The author sees why.") if hidden else _("Shown again.")
        )
    return _back(request, pk)


@login_required
@require_POST
def pin(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of(request)
    selectors.post_get(actor, pk)
    form = PinForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a valid date and time."))
        return _back(request, pk)
    try:
        posts.post_pin(actor=actor, post_id=pk, until=form.cleaned_data["until"])
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("Pinned.") if form.cleaned_data["until"] else _("Unpinned."))
    return _back(request, pk)


@login_required
@require_POST
def spotlight(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of(request)
    selectors.post_get(actor, pk)
    on = request.POST.get("on", "1") == "1"
    posts.post_spotlight(actor=actor, post_id=pk, on=on)
    messages.success(
        request,
        _("In the spotlight on everyone's home page.") if on else _("Out of the spotlight."),
    )
    return _back(request, pk)


@login_required
@require_http_methods(["GET", "POST"])
def share(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of(request)
    post = selectors.post_get(actor, pk)
    original = post.shared_post or post
    spaces = [s for s in selectors.compose_spaces(actor) if s.pk != original.space_id]
    form = ShareForm(request.POST or None, spaces=spaces)
    if request.method == "POST" and form.is_valid():
        try:
            shared = posts.post_share(
                actor=actor,
                post_id=original.pk,
                to=form.cleaned_data["space"],
                body=form.cleaned_data["body"],
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(
                request,
                _("Shared in %(space)s. Only people who can see the original see it there.")
                % {"space": shared.space.name},
            )
            return _back(request, original.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "content/share.html", {"post": original, "form": form}, status=status)


@login_required
@require_http_methods(["GET"])
def confirmations(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of(request)
    post = selectors.post_get(actor, pk)
    units = selectors.confirmations_by_unit(actor, post)
    audience = sum(u.audience for u in units)
    confirmed = sum(u.confirmed for u in units)
    context = {
        "post": post,
        "units": units,
        "audience": audience,
        "confirmed": confirmed,
        "percent": round(100 * confirmed / audience) if audience else 0,
    }
    return render(request, "content/confirmations.html", context)


@login_required
@require_POST
def remind(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of(request)
    selectors.post_get(actor, pk)
    try:
        news.read_remind(actor=actor, post_id=pk)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("A reminder is on its way to everyone who has not confirmed."))
    return redirect("content:confirmations", pk)


@login_required
@require_POST
def describe(request: HttpRequest, pk: int, attachment_id: int) -> HttpResponse:
    """The author describes an image (alt text) after posting it."""
    actor = actor_of(request)
    selectors.post_get(actor, pk)
    form = AltTextForm(request.POST)
    if form.is_valid():
        try:
            attachment_alt_text(
                actor=actor, attachment_id=attachment_id, alt_text=form.cleaned_data["alt_text"]
            )
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(request, _("Thank you: everyone can follow along now."))
    else:
        messages.error(request, _("Describe the image in a few words."))
    return _back(request, pk)
