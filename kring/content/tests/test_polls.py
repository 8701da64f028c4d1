"""Polls: creating one (all or nothing), voting and changing one's vote, exact counts, and who
sees the results when."""

import threading
import time
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import OperationalError, connection
from django.http import Http404

from kring.accounts.models import ActivityEvent
from kring.accounts.tests.factories import UserFactory
from kring.common import clock
from kring.content.models import Poll, PollOption, PollVote, Post
from kring.content.services.polls import poll_create, poll_results, poll_vote
from kring.spaces.models import Space
from kring.spaces.tests import factories as sf

pytestmark = pytest.mark.django_db


@pytest.fixture
def secret(member, space_owner):
    return sf.community(
        "Directieoverleg", "secret", owner=space_owner, members={"member": [member]}
    )


@pytest.fixture
def later():
    """`later(hours)` moves the clock on; it runs again after the test."""

    def move(hours: float) -> None:
        clock.pin(clock.now() + timedelta(hours=hours))

    yield move
    clock.pin(None)


def make_poll(author, space, options=("Dinsdag", "Donderdag", "Vrijdag"), **fields) -> Poll:
    fields.setdefault("title", "Wanneer houden we de borrel?")
    return poll_create(actor=author, space=space, options=list(options), **fields).poll


def option_ids(poll: Poll, *labels: str) -> list[int]:
    return [poll.options.get(label=label).pk for label in labels]


def counts(poll: Poll) -> dict[str, int]:
    return dict(poll.options.values_list("label", "vote_count"))


# -- creating --------------------------------------------------------------------------------------


def test_a_poll_is_a_post_with_its_options_in_order(
    member, coffee, django_capture_on_commit_callbacks
):
    closes = clock.now() + timedelta(days=3)
    with django_capture_on_commit_callbacks(execute=True):
        post = poll_create(
            actor=member,
            space=coffee,
            title="Wanneer houden we de borrel?",
            body="Kies wat je uitkomt.",
            options=["  Dinsdag ", "Donderdag"],
            multiple=True,
            closes_at=closes,
            results=Poll.Results.AFTER_CLOSE,
        )

    assert post.kind == Post.Kind.POLL and post.author == member and post.space == coffee
    assert (post.poll.multiple, post.poll.closes_at, post.poll.results) == (
        True,
        closes,
        Poll.Results.AFTER_CLOSE,
    )
    assert list(post.poll.options.values_list("label", "position")) == [
        ("Dinsdag", 0),
        ("Donderdag", 1),
    ]
    event = ActivityEvent.objects.get(actor=member, verb="post_created")
    assert event.meta == {"kind": "poll"}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["Ja"], "at least 2"),
        ([], "at least 2"),
        ([f"Optie {n}" for n in range(11)], "at most 10"),
        (["Ja", "  "], "needs some text"),
        (["Ja", "x" * 121], "at most 120 characters"),
        (["Koffie", "  KOFFIE "], "must be different"),
    ],
)
def test_bad_options_are_refused_and_nothing_is_saved(member, coffee, options, message):
    with pytest.raises(ValidationError) as error:
        poll_create(actor=member, space=coffee, title="Vraag", options=options)

    assert any(message in text for text in error.value.message_dict["options"])
    assert not Post.objects.exists() and not Poll.objects.exists()
    assert not PollOption.objects.exists()


def test_an_option_of_exactly_120_characters_is_fine(member, coffee):
    poll = make_poll(member, coffee, options=["Ja", "x" * 120])
    assert poll.options.count() == 2


def test_every_mistake_is_reported_at_once(member, coffee):
    with pytest.raises(ValidationError) as error:
        poll_create(
            actor=member,
            space=coffee,
            title="",
            options=["Ja"],
            closes_at=clock.now() - timedelta(minutes=1),
            results="never",
        )
    assert set(error.value.message_dict) == {"title", "options", "closes_at", "results"}
    assert error.value.message_dict["closes_at"] == ["Choose a closing moment in the future."]
    assert not Post.objects.exists()


def test_a_poll_in_a_secret_space_cannot_be_created_by_outsiders(non_member, secret):
    with pytest.raises(Http404):
        make_poll(non_member, secret)
    assert not Post.objects.exists()


# -- voting ----------------------------------------------------------------------------------------


def test_a_single_choice_poll_takes_exactly_one_option(
    member, other_member, coffee, django_capture_on_commit_callbacks
):
    poll = make_poll(member, coffee)

    for choice, message in [
        (option_ids(poll, "Dinsdag", "Vrijdag"), "Choose one option."),
        ([], "Choose one option."),
    ]:
        with pytest.raises(ValidationError) as error:
            poll_vote(actor=other_member, poll_id=poll.pk, option_ids=choice)
        assert error.value.message_dict["options"] == [message]
    assert not PollVote.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        poll_vote(actor=other_member, poll_id=poll.pk, option_ids=option_ids(poll, "Vrijdag"))

    poll.refresh_from_db()
    assert counts(poll) == {"Dinsdag": 0, "Donderdag": 0, "Vrijdag": 1}
    assert poll.voter_count == 1
    event = ActivityEvent.objects.get(actor=other_member, verb="poll_voted")
    assert (event.object_type, event.object_id, event.space_id) == (
        "post",
        poll.post_id,
        coffee.pk,
    )


def test_a_multiple_choice_poll_takes_one_or_more_options(member, other_member, coffee):
    poll = make_poll(member, coffee, multiple=True)

    with pytest.raises(ValidationError) as error:
        poll_vote(actor=other_member, poll_id=poll.pk, option_ids=[])
    assert error.value.message_dict["options"] == ["Choose at least one option."]

    poll_vote(
        actor=other_member, poll_id=poll.pk, option_ids=option_ids(poll, "Dinsdag", "Vrijdag")
    )
    poll_vote(actor=member, poll_id=poll.pk, option_ids=option_ids(poll, "Vrijdag"))

    poll.refresh_from_db()
    assert counts(poll) == {"Dinsdag": 1, "Donderdag": 0, "Vrijdag": 2}
    assert poll.voter_count == 2


def test_options_of_another_poll_are_refused(member, other_member, coffee):
    poll = make_poll(member, coffee)
    elsewhere = make_poll(member, coffee, options=("Ja", "Nee"))

    with pytest.raises(ValidationError) as error:
        poll_vote(actor=other_member, poll_id=poll.pk, option_ids=option_ids(elsewhere, "Ja"))

    assert error.value.message_dict["options"] == ["Choose from this poll's options."]
    assert not PollVote.objects.exists()


def test_voting_again_replaces_the_earlier_vote(member, other_member, coffee):
    poll = make_poll(member, coffee, multiple=True)
    poll_vote(
        actor=other_member, poll_id=poll.pk, option_ids=option_ids(poll, "Dinsdag", "Vrijdag")
    )

    poll_vote(actor=other_member, poll_id=poll.pk, option_ids=option_ids(poll, "Donderdag"))

    poll.refresh_from_db()
    assert counts(poll) == {"Dinsdag": 0, "Donderdag": 1, "Vrijdag": 0}
    assert poll.voter_count == 1
    assert list(PollVote.objects.values_list("user", "option__label")) == [
        (other_member.pk, "Donderdag")
    ]


def test_the_same_vote_twice_changes_nothing(
    member, other_member, coffee, django_capture_on_commit_callbacks
):
    poll = make_poll(member, coffee)
    choice = option_ids(poll, "Dinsdag")
    with django_capture_on_commit_callbacks(execute=True):
        poll_vote(actor=other_member, poll_id=poll.pk, option_ids=choice)
        poll_vote(actor=other_member, poll_id=poll.pk, option_ids=choice)
    poll.refresh_from_db()
    assert counts(poll)["Dinsdag"] == 1 and poll.voter_count == 1
    assert ActivityEvent.objects.filter(actor=other_member, verb="poll_voted").count() == 1


def test_a_closed_poll_refuses_votes_and_saves_nothing(member, other_member, coffee, later):
    poll = make_poll(member, coffee, closes_at=clock.now() + timedelta(hours=1))
    poll_vote(actor=other_member, poll_id=poll.pk, option_ids=option_ids(poll, "Dinsdag"))
    later(2)

    for voter in (member, other_member):
        with pytest.raises(ValidationError) as error:
            poll_vote(actor=voter, poll_id=poll.pk, option_ids=option_ids(poll, "Vrijdag"))
        assert error.value.messages == ["This poll has closed."]

    poll.refresh_from_db()
    assert counts(poll) == {"Dinsdag": 1, "Donderdag": 0, "Vrijdag": 0}
    assert list(PollVote.objects.values_list("user", flat=True)) == [other_member.pk]


def test_outsiders_of_a_secret_space_do_not_find_its_poll(member, non_member, secret):
    poll = make_poll(member, secret)

    with pytest.raises(Http404):
        poll_vote(actor=non_member, poll_id=poll.pk, option_ids=option_ids(poll, "Dinsdag"))
    with pytest.raises(Http404):
        poll_results(non_member, poll)
    with pytest.raises(Http404):
        poll_vote(actor=member, poll_id=poll.pk + 1000, option_ids=[])
    assert not PollVote.objects.exists()


def test_readers_of_an_archived_space_may_not_vote(member, other_member, coffee):
    poll = make_poll(member, coffee)
    Space.objects.filter(pk=coffee.pk).update(archived_at=clock.now())

    with pytest.raises(PermissionDenied):
        poll_vote(actor=other_member, poll_id=poll.pk, option_ids=option_ids(poll, "Dinsdag"))
    poll.post.space.refresh_from_db()
    assert poll_results(other_member, poll).can_vote is False


# -- results ---------------------------------------------------------------------------------------


def test_results_after_voting_show_once_one_has_voted(member, other_member, coffee):
    poll = make_poll(member, coffee)
    poll_vote(actor=member, poll_id=poll.pk, option_ids=option_ids(poll, "Dinsdag"))
    poll.refresh_from_db()

    before = poll_results(other_member, poll)
    assert before.can_see_results is False and before.can_vote is True
    assert [(o.label, o.count, o.percent) for o in before.options] == [
        ("Dinsdag", None, None),
        ("Donderdag", None, None),
        ("Vrijdag", None, None),
    ]
    assert before.my_option_ids == frozenset()

    poll_vote(actor=other_member, poll_id=poll.pk, option_ids=option_ids(poll, "Vrijdag"))
    poll.refresh_from_db()
    after = poll_results(other_member, poll)

    assert after.can_see_results is True
    assert [(o.label, o.count, o.percent) for o in after.options] == [
        ("Dinsdag", 1, 50),
        ("Donderdag", 0, 0),
        ("Vrijdag", 1, 50),
    ]
    assert after.voter_count == 2
    assert after.my_option_ids == frozenset(option_ids(poll, "Vrijdag"))


def test_results_after_closing_stay_hidden_until_the_poll_closes(
    member, other_member, coffee, later
):
    poll = make_poll(
        member,
        coffee,
        closes_at=clock.now() + timedelta(days=1),
        results=Poll.Results.AFTER_CLOSE,
    )
    poll_vote(actor=other_member, poll_id=poll.pk, option_ids=option_ids(poll, "Dinsdag"))
    poll.refresh_from_db()

    assert poll_results(other_member, poll).can_see_results is False
    author_view = poll_results(member, poll)  # the author always sees how it goes
    assert author_view.can_see_results is True
    assert author_view.options[0].count == 1 and author_view.options[0].percent == 100

    later(25)
    closed = poll_results(other_member, poll)
    assert closed.is_closed is True and closed.can_vote is False
    assert closed.can_see_results is True
    assert closed.options[0].count == 1


def test_shares_of_a_multiple_choice_poll_are_of_the_voters(member, other_member, coffee):
    poll = make_poll(member, coffee, multiple=True)
    poll_vote(actor=member, poll_id=poll.pk, option_ids=option_ids(poll, "Dinsdag", "Vrijdag"))
    poll_vote(actor=other_member, poll_id=poll.pk, option_ids=option_ids(poll, "Dinsdag"))
    poll.refresh_from_db()

    results = poll_results(member, poll)

    assert [(o.count, o.percent) for o in results.options] == [(2, 100), (0, 0), (1, 50)]


# -- at the same moment ----------------------------------------------------------------------------


def _at_the_same_moment(targets):
    """Run each target in its own thread at once. PostgreSQL makes the later voters wait for the
    poll's lock; the in-memory SQLite test database answers "table is locked" instead of
    waiting, so such a vote is tried again, as a person would."""
    barrier = threading.Barrier(len(targets))
    errors = []

    def work(target):
        try:
            barrier.wait()
            for _attempt in range(100):
                try:
                    target()
                    return
                except OperationalError as error:
                    if connection.vendor != "sqlite" or "locked" not in str(error):
                        raise
                    time.sleep(0.01)
            raise AssertionError("still locked after 100 attempts")
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(target,)) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors


@pytest.mark.django_db(transaction=True)
def test_counts_stay_exact_when_many_vote_at_once(school):
    author = UserFactory(primary_unit=school)
    voters = [UserFactory(primary_unit=school) for _ in range(6)]
    space = sf.community("Borrelcommissie", owner=author, members={"member": voters})
    poll = make_poll(author, space, multiple=True)
    tue, thu, fri = option_ids(poll, "Dinsdag", "Donderdag", "Vrijdag")
    choices = [[tue], [tue, fri], [thu], [tue, thu, fri], [fri], [tue]]

    _at_the_same_moment(
        [
            lambda voter=voter, choice=choice: poll_vote(
                actor=voter, poll_id=poll.pk, option_ids=choice
            )
            for voter, choice in zip(voters, choices, strict=True)
        ]
    )

    poll.refresh_from_db()
    assert counts(poll) == {"Dinsdag": 4, "Donderdag": 2, "Vrijdag": 3}
    assert poll.voter_count == 6
