"""Everyday work: posts and questions in the schools, the board office and the communities;
and a handful of polls."""

import random
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from functools import partial

from kring.content.models import Post
from kring.content.services.polls import poll_create, poll_vote
from kring.demo import content_words as cw
from kring.demo import timeline, words
from kring.demo.builders.content.plan import (
    START,
    Builder,
    Person,
    Place,
    Thread,
    choose,
    fill,
    in_week,
    later,
    pick,
    poisson,
    pool,
)
from kring.demo.builders.content.writing import (
    answer,
    post,
    question_post,
    react,
    replies_for,
    respond,
    text_post,
)
from kring.demo.credentials import COMMS_EDITOR, COMMUNITY_MANAGER, DIRECTOR
from kring.spaces.models import Membership, Space

# Posts a week besides the news, the blog and the association: leaders and the broadcaster write
# the most; everyone else BASE_POSTS times how active they are (Person.activity).
BASE_POSTS = 0.04
LEADER_POSTS = 1.0
BROADCASTER_POSTS = 1.5
WEEK_WEIGHT = sum(timeline.WEEKDAY_WEIGHTS)
# Where people post, and how often a post there is a question.
SPACE_WEIGHT = {"school": 3.0, "department": 2.0, "office": 1.0, "group_2": 2.5}
SKIPPED = {"news", "staff_association"}  # planned on their own
QUESTION_SHARE = {
    "helpdesk": 0.75, "newcomers": 0.6, "ict": 0.45, "care_coordinators": 0.4,
    "group_2": 0.4, "school": 0.15, "department": 0.2, "office": 0.2,
}  # fmt: skip
DEFAULT_QUESTION_SHARE = 0.3
UNANSWERED = 0.06  # of the questions outside the staff association
POLL_CLOSES = timedelta(days=14)


def plan_everyday(b: Builder) -> None:
    """Day by day, everyone may write: in their school, their department or a community."""
    rng = b.rng("everyday")
    day = START.date()
    while day < timeline.END:
        chance = timeline.day_weight(day) / WEEK_WEIGHT
        noon = timeline.at(day, 12, 0)
        for person in b.everyone():
            rate = _rate(person, noon)
            if rate and rng.random() < rate * chance:
                minute = rng.randrange(7 * 60, 22 * 60)
                moment = timeline.at(day, minute // 60, minute % 60)
                if person.acts(moment):
                    _write(b, rng, person, moment)
        day += timedelta(days=1)


def _rate(person: Person, moment: datetime) -> float:
    if not person.acts(moment) or person.comms_officer:
        return 0.0  # the communications officer writes news only
    if person.leader:
        return LEADER_POSTS
    if person.broadcaster:
        return BROADCASTER_POSTS
    login = person.plan.demo.key if person.plan.demo else ""
    if login == COMMUNITY_MANAGER.key:
        return 0.5  # tips in the help group and the ambassadors' group
    if login == COMMS_EDITOR.key:
        return 0.1  # she writes the news
    return BASE_POSTS * person.activity(moment)


def _where(rng: random.Random, b: Builder, person: Person, moment: datetime) -> Place | None:
    options, weights = [], []
    for place, since in b.memberships.get(person.plan.index, []):
        if since > moment or place.key in SKIPPED:
            continue
        weight = SPACE_WEIGHT.get(place.key, 1.0)
        if place.key == "helpdesk" and moment - person.since < timedelta(days=28):
            weight = 4.0  # newcomers ask how it works
        if person.leader and place.space.kind == Space.Kind.COMMUNITY:
            weight *= 1.5
        options.append(place)
        weights.append(weight)
    return rng.choices(options, weights=weights)[0] if options else None


def _texts(place: Place, person: Person) -> tuple[Sequence[cw.Question], Sequence[cw.Note]]:
    if place.key == "school":
        director = person.plan.job_title == words.DIRECTOR_TITLE
        return cw.SCHOOL_QUESTIONS, cw.DIRECTOR_NOTES if director else cw.SCHOOL_NOTES
    if place.key in ("office", "department"):
        return cw.OFFICE_QUESTIONS, cw.OFFICE_NOTES
    return cw.COMMUNITY_QUESTIONS.get(place.key, ()), cw.COMMUNITY_NOTES[place.key]


def _write(b: Builder, rng: random.Random, person: Person, moment: datetime) -> None:
    place = _where(rng, b, person, moment)
    if place is None:
        return
    thread = Thread(person, place, moment)
    questions, notes = _texts(place, person)
    asks = rng.random() < QUESTION_SHARE.get(place.key, DEFAULT_QUESTION_SHARE)
    if questions and asks and not person.broadcaster:  # nobody answers the broadcaster anyway
        question = choose(b, rng, place.space, questions)
        title, body = fill(question.title, person, rng), fill(question.body, person, rng)
        question_post(b, thread, title, body)
        count = 0
        if rng.random() >= UNANSWERED:  # mostly the answers that fit, now and then one more
            count = min(len(question.answers), 1 + (rng.random() < 0.6)) + (rng.random() < 0.15)
        answer(b, rng, thread, question, count=count)
        for reactor in pick(rng, pool(b, place, moment, moment, {person.pk}), poisson(rng, 0.8)):
            when = later(rng, moment, days=3, decay=0.4)
            if when is not None and reactor.acts(when):
                react(b, rng, thread, reactor, when)
        return
    note = choose(b, rng, place.space, notes)
    text_post(b, thread, fill(note.body, person, rng), note.photo)
    if person.broadcaster:
        comments, liked = 0.0, 0.3
    elif person.leader:
        comments, liked = 2.0, 3.0
    elif person.plan.job_title == words.DIRECTOR_TITLE:
        comments, liked = 1.1, 2.5
    else:
        comments, liked = 0.6 + 0.35 * (person.plan.wave == 1), 1.4
    respond(
        b, rng, thread, comments=poisson(rng, comments), reactions=poisson(rng, liked),
        texts=[fill(t, person, rng) for t in note.replies], generic=replies_for(note, place),
    )  # fmt: skip


# -- polls ---------------------------------------------------------------------------------------


def plan_polls(b: Builder) -> None:
    """A handful of polls by a space's owner (the director in her school); members vote in the
    two weeks they are open."""
    rng = b.rng("polls")
    director = b.person(DIRECTOR.email)
    owners = dict(
        Membership.objects.filter(role=Membership.Role.OWNER).values_list("space_id", "user_id")
    )
    for text in cw.POLLS:
        if text.space == "school":
            place, author = b.places[director.plan.school or ""], director
        else:
            place = b.places[text.space]
            owner = owners.get(place.space.pk)
            author = next((p for p, _s in place.members if p.pk == owner), place.members[0][0])
        moment = max(in_week(rng, text.week, rng.randrange(3), (8, 17)), author.since)
        thread = Thread(author, place, moment, Post.Kind.POLL)
        options: list[int] = []
        post(b, thread, _maker(thread, text, options))
        closes = moment + POLL_CLOSES
        voters = pool(b, place, moment, closes, {author.pk})
        liked = [rng.random() + 0.2 for _option in text.options]
        for voter in pick(rng, voters, round(0.45 * len(voters))):
            when = later(rng, moment, days=12, decay=0.7, gap=timedelta(minutes=5))
            if when is None or when >= closes or not voter.acts(when):
                continue
            chosen = {rng.choices(range(len(text.options)), weights=liked)[0]}
            if text.multiple and rng.random() < 0.5:
                chosen.add(rng.randrange(len(text.options)))
            b.at(when, partial(_vote, thread, options, voter, sorted(chosen)))
        respond(
            b, rng, thread, comments=poisson(rng, 1.0), reactions=poisson(rng, 3.0),
            generic=cw.REPLIES["poll"],
        )  # fmt: skip


def _maker(thread: Thread, text: cw.PollText, options: list[int]) -> Callable[[], Post]:
    def make() -> Post:
        made = poll_create(
            actor=thread.author.user, space=thread.place.space, title=text.title,
            body=text.body, options=list(text.options), multiple=text.multiple,
            closes_at=thread.moment + POLL_CLOSES,
        )  # fmt: skip
        options.extend(made.poll.options.order_by("position").values_list("pk", flat=True))
        return made

    return make


def _vote(thread: Thread, options: list[int], voter: Person, chosen: list[int]) -> None:
    choice = [options[i] for i in chosen]
    poll_vote(actor=voter.user, poll_id=thread.made().poll.pk, option_ids=choice)
