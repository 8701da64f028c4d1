"""The staff association (personeelsvereniging): its board's posts and twenty questions.

ANALYTICS.md §11 plants "staff association: 20 questions answered in 2-40 h": every question is
first answered by someone else between 2 and 40 hours after it was asked (by the association's
board mostly), nobody else responds before that, and most askers accept an answer.
"""

from datetime import timedelta

from kring.demo import content_words as cw
from kring.demo import timeline
from kring.demo.builders.content.plan import (
    Builder,
    Thread,
    in_week,
    pick,
    poisson,
    pool,
    within,
)
from kring.demo.builders.content.writing import (
    answer,
    question_post,
    replies_for,
    respond,
    text_post,
)
from kring.spaces.models import Membership

ACCEPTED = 16  # of the 20 questions


def plan_staff_association(b: Builder) -> None:
    rng = b.rng("staff_association")
    place = b.places["staff_association"]
    roles = dict(
        Membership.objects.filter(
            space=place.space, role__in=[Membership.Role.OWNER, Membership.Role.MANAGER]
        ).values_list("user_id", "role")
    )
    board = sorted(
        (p for p, _since in place.members if p.pk in roles),
        key=lambda p: (roles[p.pk] != Membership.Role.OWNER, p.plan.index),
    )
    joined = {p.pk: since for p, since in place.members}
    for week, note in cw.STAFF_ASSOCIATION_NOTES:
        moment = in_week(rng, week, rng.randrange(4), (9, 17))
        writers = [p for p in board if joined[p.pk] <= moment and p.acts(moment)]
        if not writers:
            continue
        thread = Thread(writers[0], place, moment)
        text_post(b, thread, note.body, note.photo)
        respond(
            b, rng, thread, comments=len(note.replies) + poisson(rng, 1.0),
            reactions=poisson(rng, 7.0), texts=note.replies, generic=replies_for(note, place),
        )  # fmt: skip
    accepted = set(rng.sample(range(len(cw.STAFF_ASSOCIATION_QUESTIONS)), ACCEPTED))
    for n, (week, question) in enumerate(cw.STAFF_ASSOCIATION_QUESTIONS):
        weekday = rng.choices(range(5), weights=timeline.WEEKDAY_WEIGHTS[:5])[0]
        moment = in_week(rng, week, weekday, (8, 21))
        members = pool(b, place, moment, moment + timedelta(days=3), {p.pk for p in board})
        asker = pick(rng, [(p, w) for p, w in members if not p.broadcaster], 1)[0]
        thread = Thread(asker, place, moment)
        question_post(b, thread, question.title, question.body)
        first = within(rng, moment, hours=(2, 40))
        answering = [(p, 4.0) for p in board if joined[p.pk] <= moment and p.acts(first)]
        answering += [(p, w) for p, w in members if p.pk != asker.pk and p.acts(first)]
        answers = answer(
            b, rng, thread, question, count=len(question.answers) + (rng.random() < 0.3),
            first=first, first_by=answering, accept=1.0 if n in accepted else 0.0,
        )  # fmt: skip
        if not answers:
            raise RuntimeError(f"nobody could answer {question.title!r} in week {week}")
        b.association_questions.append(thread)
