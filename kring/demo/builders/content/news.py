"""The board's news: a calendar of items, some important (read confirmations), some scheduled."""

import random
from collections.abc import Callable
from datetime import datetime, time, timedelta
from functools import partial

from kring.content.models import Post
from kring.content.services.news import read_confirm
from kring.content.services.posts import post_create, post_publish_due
from kring.demo import content_words as cw
from kring.demo import timeline
from kring.demo.builders.content.plan import TZ, Builder, Person, Remark, Thread, later, poisson
from kring.demo.builders.content.writing import comment, post, respond
from kring.demo.builders.people import plan_of
from kring.demo.credentials import ADMINISTRATOR, COMMS_EDITOR

# Readers reached by the news grow with the rollout; at about 350 active colleagues it is all.
FULL_AUDIENCE = 350


def plan_news(b: Builder) -> None:
    rng = b.rng("news")
    plan = plan_of(b.ctx)
    editor = b.person(COMMS_EDITOR.email)
    authors = {
        "editor": editor,
        "officer": b.people[plan.decoys["comms_officer_liked_on_news"]],
        "administrator": b.person(ADMINISTRATOR.email),
    }
    chair = b.people[0]  # the chair of the executive board answers too
    place = b.places["news"]
    for item in cw.NEWS:
        day = timeline.week_start(item.week) + timedelta(days=item.weekday)
        hour, minute = (int(part) for part in item.time.split(":"))
        moment = datetime.combine(day, time(hour, minute), tzinfo=TZ)
        created = moment
        if item.scheduled:  # written on a working afternoon a few days before
            created = timeline.at(day - timedelta(days=3 if item.weekday >= 4 else 2), 15, 30)
        author = authors[item.author]
        if not author.acts(created):  # the officer started a week after the editor
            author = editor
        thread = Thread(author, place, moment, Post.Kind.NEWS)
        pinned = None
        if item.pinned_days:
            pinned = moment + timedelta(days=item.pinned_days)
        elif item.pinned_until is not None:
            pinned = timeline.at(item.pinned_until, 23, 0)
        post(b, thread, _maker(thread, item, pinned), created=created, photo=item.photo)
        if item.scheduled:
            b.at(moment, partial(_publish, thread))
        b.news.append((item, thread))
        _responses(b, rng, thread, item, chair)
        if item.important:
            _confirmations(b, rng, thread)


def _maker(thread: Thread, item: cw.News, pinned: datetime | None) -> Callable[[], Post]:
    def make() -> Post:
        return post_create(
            actor=thread.author.user, space=thread.place.space, kind=Post.Kind.NEWS,
            title=item.title, lead=item.lead, body=item.body, important=item.important,
            pinned_until=pinned, publish_at=thread.moment if item.scheduled else None,
        )  # fmt: skip

    return make


def _publish(thread: Thread) -> None:
    """The scheduled item's moment has come: published as the task does it, exactly once."""
    post_publish_due(post_id=thread.made().pk)
    thread.made().refresh_from_db(fields=["state", "published_at"])


def _responses(
    b: Builder, rng: random.Random, thread: Thread, item: cw.News, chair: Person
) -> None:
    """Readers like and comment; the editors (or the chair of the board) answer questions."""
    audience = sum(1 for p in b.people.values() if p.acts(thread.moment))
    reach = 0.35 + 0.65 * min(1.0, audience / FULL_AUDIENCE)
    liked = rng.uniform(9, 14) if thread.author.comms_officer else rng.uniform(4, 9)
    remarks = respond(
        b, rng, thread, comments=len(item.replies) + poisson(rng, 0.7 * reach),
        reactions=round(liked * reach), texts=item.replies, generic=cw.NEWS_REPLIES,
        author_replies=0.0,
    )  # fmt: skip
    for remark in remarks:
        if "?" not in remark.body:
            continue
        who = chair if rng.random() < 0.4 and chair.acts(remark.moment) else thread.author
        moment = later(rng, remark.moment, days=2, decay=0.3)
        if moment is not None and who.acts(moment):
            comment(b, thread, Remark(who, moment, rng.choice(cw.NEWS_ANSWERS), remark))


def _confirmations(b: Builder, rng: random.Random, thread: Thread) -> None:
    """Most readers confirm important news, most of them in the first days."""
    share = rng.uniform(0.62, 0.92)
    for person in b.everyone():
        if not person.acts(thread.moment):
            continue
        keen = person.plan.wave == 1 or (
            person.adopted is not None and person.adopted <= thread.moment
        )
        if rng.random() >= share * (1.0 if keen else 0.7):
            continue
        moment = later(rng, thread.moment, days=14, decay=0.7, gap=timedelta(minutes=5))
        if moment is not None and person.acts(moment):
            b.at(moment, partial(_confirm, thread, person))


def _confirm(thread: Thread, person: Person) -> None:
    read_confirm(actor=person.user, post=thread.made())
