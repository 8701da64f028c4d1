"""Polls: a post with two to ten options; everyone who may react may vote.

One vote per person: voting again replaces the earlier choice (people change their minds, and
a poll that refuses says nothing useful). Counts are recounted from the votes under a lock on
the poll, so they stay exact however many people vote at once. Results show after one's own
vote or only once the poll closes, as its author chose; the author always sees them.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.translation import gettext as _

from kring.accounts.models import User
from kring.accounts.services.activity import activity_record
from kring.common import clock
from kring.content import permissions
from kring.content.models import Poll, PollOption, PollVote, Post
from kring.content.services.posts import post_create
from kring.content.targets import POST
from kring.spaces.models import Space

MIN_OPTIONS = 2
MAX_OPTIONS = 10
OPTION_MAX_LENGTH = 120


@dataclass(frozen=True, slots=True)
class OptionResult:
    id: int
    label: str
    # None while the results are not for this person to see yet.
    count: int | None
    percent: int | None


@dataclass(frozen=True, slots=True)
class PollResults:
    options: list[OptionResult]
    voter_count: int
    my_option_ids: frozenset[int]
    can_see_results: bool
    is_closed: bool
    can_vote: bool


@transaction.atomic
def poll_create(
    *,
    actor: User,
    space: Space,
    title: str,
    body: str = "",
    options: list[str],
    multiple: bool = False,
    closes_at: datetime | None = None,
    results: str = Poll.Results.AFTER_VOTE,
) -> Post:
    """A poll post and its options, all or nothing; every mistake is reported at once."""
    labels, problems = _clean_options(options)
    errors: dict[str, list[ValidationError]] = {}
    if problems:
        errors["options"] = [ValidationError(problem) for problem in problems]
    if closes_at is not None and closes_at <= clock.now():
        errors["closes_at"] = [ValidationError(_("Choose a closing moment in the future."))]
    if results not in Poll.Results.values:
        errors["results"] = [ValidationError(_("Choose when the results are shown."))]
    try:
        post = post_create(actor=actor, space=space, kind=Post.Kind.POLL, title=title, body=body)
    except ValidationError as error:
        raise ValidationError(error.update_error_dict(errors)) from error
    if errors:
        raise ValidationError(errors)
    poll = Poll(post=post, multiple=multiple, closes_at=closes_at, results=results)
    poll.full_clean()
    poll.save()
    PollOption.objects.bulk_create(
        PollOption(poll=poll, label=label, position=position)
        for position, label in enumerate(labels)
    )
    return post


def _clean_options(options: list[str]) -> tuple[list[str], list[str]]:
    """The options stripped, and what is wrong with them."""
    labels = [(option or "").strip() for option in options]
    problems: list[str] = []
    if len(labels) < MIN_OPTIONS:
        problems.append(_("Give at least %(count)d options.") % {"count": MIN_OPTIONS})
    if len(labels) > MAX_OPTIONS:
        problems.append(_("A poll can have at most %(count)d options.") % {"count": MAX_OPTIONS})
    if any(not label for label in labels):
        problems.append(_("Every option needs some text."))
    if any(len(label) > OPTION_MAX_LENGTH for label in labels):
        problems.append(
            _("An option can be at most %(count)d characters long.") % {"count": OPTION_MAX_LENGTH}
        )
    folded = [label.casefold() for label in labels if label]
    if len(set(folded)) != len(folded):
        problems.append(_("Each option must be different."))
    return labels, problems


@transaction.atomic
def poll_vote(*, actor: User, poll_id: int, option_ids: list[int]) -> Poll:
    """Vote, or change one's vote: the new choice replaces the earlier one."""
    poll = _locked(poll_id)
    _check_vote(actor, poll.post)
    if poll.is_closed():
        raise ValidationError(_("This poll has closed."), code="closed")
    chosen = set(option_ids)
    found = set(poll.options.filter(pk__in=chosen).values_list("pk", flat=True))
    if found != chosen:
        raise ValidationError({"options": _("Choose from this poll's options.")})
    if not poll.multiple and len(chosen) != 1:
        raise ValidationError({"options": _("Choose one option.")})
    if not chosen:
        raise ValidationError({"options": _("Choose at least one option.")})
    mine = PollVote.objects.filter(poll=poll, user=actor)
    if set(mine.values_list("option_id", flat=True)) == chosen:
        return poll  # the same choice again: a second click or tab changes nothing
    mine.delete()
    PollVote.objects.bulk_create(
        PollVote(poll=poll, option_id=option_id, user=actor) for option_id in sorted(chosen)
    )
    _recount(poll)
    activity_record(
        actor=actor,
        verb="poll_voted",
        obj_type=POST,
        obj_id=poll.post_id,
        space_id=poll.post.space_id,
    )
    return poll


def _locked(poll_id: int) -> Poll:
    poll = (
        Poll.objects.select_for_update(of=("self",))
        .select_related("post__space", "post__shared_post__space")
        .filter(pk=poll_id)
        .first()
    )
    if poll is None:
        raise Http404
    return poll


def _check_vote(actor: object, post: Post) -> None:
    """404 for a poll the actor may not know about, 403 for one they may see but not vote in."""
    permissions.check_read(actor, post)
    if not permissions.can_react(actor, post):
        raise PermissionDenied


def _recount(poll: Poll) -> None:
    """Every count from the votes themselves (the poll is locked, so nobody votes meanwhile)."""
    per_option = (
        PollVote.objects.filter(option=OuterRef("pk"))
        .values("option")
        .annotate(n=Count("pk"))
        .values("n")
    )
    PollOption.objects.filter(poll=poll).update(vote_count=Coalesce(Subquery(per_option), 0))
    poll.voter_count = PollVote.objects.filter(poll=poll).values("user").distinct().count()
    poll.save(update_fields=["voter_count"])


def poll_results(
    actor: User, poll: Poll, mine: frozenset[int] | set[int] | None = None
) -> PollResults:
    """What the actor may know of a poll: the options always, the counts when they may see them.

    `mine`: the actor's votes when the caller loaded them already (a page of cards).
    """
    post = poll.post
    permissions.check_read(actor, post)
    closed = poll.is_closed()
    if mine is None:
        mine = set(
            PollVote.objects.filter(poll=poll, user=actor).values_list("option_id", flat=True)
        )
    mine = frozenset(mine)
    visible = _can_see_results(actor, poll, voted=bool(mine), closed=closed)
    return PollResults(
        options=[
            _option_result(option, poll.voter_count, visible) for option in poll.options.all()
        ],
        voter_count=poll.voter_count,
        my_option_ids=mine,
        can_see_results=visible,
        is_closed=closed,
        can_vote=not closed and permissions.can_react(actor, post),
    )


def _can_see_results(actor: User, poll: Poll, *, voted: bool, closed: bool) -> bool:
    if closed or poll.post.author_id == actor.pk:
        return True
    return voted and poll.results == Poll.Results.AFTER_VOTE


def _option_result(option: PollOption, voters: int, visible: bool) -> OptionResult:
    if not visible:
        return OptionResult(option.pk, option.label, None, None)
    # Of the people who voted: with several answers allowed the shares add up to more than 100.
    percent = round(option.vote_count * 100 / voters) if voters else 0
    return OptionResult(option.pk, option.label, option.vote_count, percent)
