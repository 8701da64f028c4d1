"""The weekly blog of the director of De Regenboog, whose comments hold the team's questions.

The sources' manager answered the same questions again and again; he started a weekly blog, staff
asked in the comments and answered each other. Here colleagues answer most questions as replies,
and the director the rest (and some besides).
"""

import random
from collections.abc import Callable, Sequence
from datetime import timedelta
from functools import partial

from kring.content.models import Blog, Post
from kring.content.services.blogs import blog_create
from kring.content.services.posts import post_create
from kring.demo import content_words as cw
from kring.demo import timeline
from kring.demo.builders.content.plan import (
    Builder,
    Person,
    Place,
    Remark,
    Thread,
    choose,
    later,
    pick,
    poisson,
    pool,
)
from kring.demo.builders.content.writing import comment, post, respond
from kring.demo.credentials import DIRECTOR


def plan_blog(b: Builder) -> None:
    rng = b.rng("blog")
    author = b.person(DIRECTOR.email)
    place = b.places[author.plan.school or ""]
    for week, text in sorted(cw.BLOG.items()):
        day = timeline.week_start(week) + timedelta(days=1 if week in cw.MONDAYS_OFF else 0)
        moment = timeline.at(day, 7, rng.randrange(10, 55))
        if not author.acts(moment):
            continue
        if not b.blog_posts:
            b.at(moment - timedelta(minutes=5), partial(_start, b.blog, author, place))
        thread = Thread(author, place, moment, Post.Kind.BLOG)
        post(b, thread, _maker(thread, b.blog, text))
        b.blog_posts.append(thread)
        readers = pool(b, place, moment, moment + timedelta(days=4), {author.pk})
        for asker in pick(rng, readers, 1 + (rng.random() < 0.6) + (rng.random() < 0.3)):
            fits = [q for q in cw.BLOG_QUESTIONS if q.weeks[0] <= week <= q.weeks[1]]
            question = choose(b, rng, place.space, fits)  # what the team wonders that week
            asked = _ask(b, rng, thread, readers, asker, question)
            if asked is not None:
                b.blog_questions.append(asked)
        respond(
            b, rng, thread, comments=poisson(rng, 0.5), reactions=poisson(rng, 4.0),
            generic=cw.BLOG_REPLIES, author_replies=0.2,
        )  # fmt: skip


def _ask(
    b: Builder,
    rng: random.Random,
    thread: Thread,
    readers: Sequence[tuple[Person, float]],
    asker: Person,
    question: cw.BlogQuestion,
) -> tuple[Remark, bool] | None:
    """A colleague asks under the blog; another colleague answers, or the author does.

    Returns the question and whether a colleague answered it; None when no answer would fit in
    the demo's timeline (then nobody asks)."""
    asked = later(rng, thread.moment, days=3, decay=0.45, gap=timedelta(minutes=30))
    if asked is None:
        return None
    colleague = pick(rng, [(p, w) for p, w in readers if p.pk != asker.pk], 1)
    if rng.random() >= 0.75:
        colleague = []
    by_colleague = later(rng, asked, days=2, decay=0.35) if colleague else None
    helped = by_colleague is not None and colleague[0].acts(by_colleague)
    by_author = None
    if not helped or rng.random() < 0.35:
        by_author = later(rng, asked, days=2, decay=0.3)
    if not helped and by_author is None:
        return None
    remark = comment(b, thread, Remark(asker, asked, question.question))
    if helped and by_colleague is not None:
        comment(b, thread, Remark(colleague[0], by_colleague, question.colleague, remark))
    if by_author is not None:
        comment(b, thread, Remark(thread.author, by_author, question.author, remark))
    return remark, helped


def _start(box: list[Blog], author: Person, place: Place) -> None:
    title, description = cw.BLOG_TITLE, cw.BLOG_DESCRIPTION
    box.append(
        blog_create(actor=author.user, space=place.space, title=title, description=description)
    )


def _maker(thread: Thread, box: list[Blog], text: cw.BlogWeek) -> Callable[[], Post]:
    def make() -> Post:
        return post_create(
            actor=thread.author.user, space=thread.place.space, kind=Post.Kind.BLOG,
            title=text.title, body=text.body, blog=box[0],
        )  # fmt: skip

    return make
