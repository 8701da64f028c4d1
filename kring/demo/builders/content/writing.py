"""Posts, comments, reactions and answers, planned at their moments and made by the services."""

import io
import random
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from functools import partial

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageColor, ImageDraw, ImageFont

from kring.content.models import Post
from kring.content.services.attachments import attachment_add
from kring.content.services.covers import cover_set
from kring.content.services.posts import post_create
from kring.content.services.questions import answer_accept
from kring.content.targets import POST
from kring.demo import content_words as cw
from kring.demo.builders.content.plan import (
    Builder,
    Person,
    Place,
    Remark,
    Thread,
    later,
    mention,
    pick,
    pool,
)
from kring.engagement.models import Reaction
from kring.engagement.services.comments import comment_create
from kring.engagement.services.reactions import reaction_set

MAX_PHOTOS = 20


def picture(photo: cw.Photo) -> SimpleUploadedFile:
    """A simple drawn picture: the caption on a coloured card with two lighter shapes."""
    image = Image.new("RGB", (960, 640), photo.colour)
    draw = ImageDraw.Draw(image)
    red, green, blue = ImageColor.getrgb(photo.colour)[:3]
    light = (min(255, red + 50), min(255, green + 50), min(255, blue + 50))
    draw.ellipse((-140, 360, 380, 880), fill=light)
    draw.rectangle((640, -80, 1060, 240), fill=light)
    for size in (64, 56, 48, 40, 32):
        font = ImageFont.load_default(size=size)
        width = draw.textlength(photo.caption, font=font)
        if width <= 880:
            break
    draw.text(((960 - width) / 2, 290), photo.caption, font=font, fill="white")
    data = io.BytesIO()
    image.save(data, "JPEG", quality=80)
    name = "".join(c if c.isalnum() else "-" for c in photo.caption.lower())
    return SimpleUploadedFile(f"{name}.jpg", data.getvalue(), content_type="image/jpeg")


def post(
    b: Builder,
    thread: Thread,
    make: Callable[[], Post],
    *,
    created: datetime | None = None,
    photo: cw.Photo | None = None,
) -> None:
    """Plan the post at its moment (`created` when written before it is published), with its
    photo the first time that picture is used: news wears it as its cover."""

    def create() -> None:
        thread.post = made = make()
        if photo is None or photo.caption in b.photos or len(b.photos) >= MAX_PHOTOS:
            return
        b.photos.add(photo.caption)
        author, upload = thread.author.user, picture(photo)
        if made.kind == Post.Kind.NEWS:
            cover_set(actor=author, post=made, upload=upload, alt_text=photo.alt)
        else:
            attachment_add(actor=author, post=made, upload=upload, alt_text=photo.alt)

    b.at(created or thread.moment, create)


def text_post(b: Builder, thread: Thread, body: str, photo: cw.Photo | None = None) -> None:
    def make() -> Post:
        return post_create(actor=thread.author.user, space=thread.place.space, body=body)

    post(b, thread, make, photo=photo)


def question_post(b: Builder, thread: Thread, title: str, body: str) -> None:
    thread.kind = Post.Kind.QUESTION

    def make() -> Post:
        return post_create(
            actor=thread.author.user, space=thread.place.space, kind=Post.Kind.QUESTION,
            title=title, body=body,
        )  # fmt: skip

    post(b, thread, make)


def comment(b: Builder, thread: Thread, remark: Remark) -> Remark:
    def create() -> None:
        parent = remark.parent.obj.pk if remark.parent and remark.parent.obj else None
        remark.obj = comment_create(
            actor=remark.author.user, target=POST, target_id=thread.made().pk,
            body=remark.body, parent_id=parent,
        )  # fmt: skip

    thread.remarks.append(remark)
    b.at(remark.moment, create)
    return remark


def react(b: Builder, rng: random.Random, thread: Thread, person: Person, moment: datetime) -> None:
    """One reaction per person; the kind fits the post (thanks for answers, support for care)."""
    if person.pk in thread.reactors or person.pk == thread.author.pk:
        return
    thread.reactors.add(person.pk)
    if thread.kind == Post.Kind.QUESTION:
        weights = (3, 5, 0, 2, 0)
    elif thread.place.key in ("care", "wellbeing"):
        weights = (3, 1, 2, 0, 4)
    else:
        weights = (10, 2, 3, 2, 1)
    kind = rng.choices(Reaction.Kind.values, weights=weights)[0]

    def create() -> None:
        reaction_set(actor=person.user, target=POST, target_id=thread.made().pk, kind=kind)

    b.at(moment, create)


def respond(
    b: Builder,
    rng: random.Random,
    thread: Thread,
    *,
    comments: int,
    reactions: int,
    texts: Sequence[str] = (),
    generic: Sequence[str] = cw.REPLIES["neutral"],
    author_replies: float = 0.35,
) -> list[Remark]:
    """Colleagues comment (some replying to each other) and react in the days after a post.

    Top-level comments say `texts` first, then `generic` ones; nobody says the same twice under
    one post, so a post runs out of comments when its texts do. Returns the top-level comments."""
    who = pool(
        b, thread.place, thread.moment, thread.moment + timedelta(days=5), {thread.author.pk}
    )
    drawn = []
    for person in pick(rng, who, comments):
        moment = later(rng, thread.moment, days=4, decay=0.4)
        if moment is not None:
            drawn.append((moment, person.plan.index, person))
    planned: list[Remark] = []
    own = list(texts)
    for moment, _index, person in sorted(drawn):
        if planned and rng.random() < 0.25:
            parent = rng.choice(planned)
            comment(b, thread, Remark(person, moment, rng.choice(cw.FOLLOW_UPS), parent))
            continue
        fresh = [text for text in generic if all(r.body != text for r in planned)]
        if not (own or fresh):
            continue
        body = own.pop(0) if own else rng.choice(fresh)
        planned.append(comment(b, thread, Remark(person, moment, body)))
    if planned and rng.random() < author_replies:
        moment = later(rng, planned[0].moment, days=2, decay=0.3)
        if moment is not None and thread.author.acts(moment):
            reply = rng.choice(cw.AUTHOR_REPLIES)
            comment(b, thread, Remark(thread.author, moment, reply, planned[0]))
    for person in pick(rng, who, reactions):
        moment = later(rng, thread.moment, days=5, decay=0.45, gap=timedelta(minutes=2))
        if moment is not None and person.acts(moment):
            react(b, rng, thread, person, moment)
    return planned


def replies_for(note: cw.Note, place: Place) -> tuple[str, ...]:
    """The generic comments that fit under this note (its mood, its space's, or cheers for a
    photo)."""
    mood = note.mood or ("cheer" if note.photo else cw.SPACE_MOODS.get(place.key, "neutral"))
    return cw.REPLIES[mood]


def answer(
    b: Builder,
    rng: random.Random,
    thread: Thread,
    question: cw.Question,
    *,
    count: int,
    first: datetime | None = None,
    first_by: Sequence[tuple[Person, float]] = (),
    accept: float = 0.55,
) -> list[Remark]:
    """Answers to a question: the first at `first` (by default within hours), others later; the
    asker may thank one and accept it. Returns the answers."""
    asker = thread.author
    end = thread.moment + timedelta(days=5)
    who = pool(b, thread.place, thread.moment, end, {asker.pk})
    start = first or later(rng, thread.moment, days=3, decay=0.25, gap=timedelta(minutes=20))
    chosen = pick(rng, first_by or who, 1)
    if not count or start is None or not chosen:
        return []
    taken = {chosen[0].pk}
    answerers = chosen + pick(rng, [(p, w) for p, w in who if p.pk not in taken], count - 1)
    rest = [later(rng, start, days=3, decay=0.4) for _person in answerers[1:]]
    moments = [start, *sorted(m for m in rest if m is not None)]
    bodies = list(question.answers)
    answers = []
    for person, moment in zip(answerers, moments, strict=False):
        body = bodies.pop(0) if bodies else rng.choice(cw.MORE_ANSWERS)
        if thread.place.key not in ("news", "school") and rng.random() < 0.06:
            knows = [p for p, _w in who if p.pk not in taken and p.acts(moment)]
            if knows:
                tip = rng.choice(cw.MENTION_ANSWERS).format(mention=mention(rng.choice(knows)))
                body = f"{body} {tip}"
        answers.append(comment(b, thread, Remark(person, moment, body)))
    best = answers[1] if len(answers) > 1 and rng.random() < 0.2 else answers[0]
    if rng.random() < 0.5:
        thanked = later(rng, best.moment, days=2, decay=0.35)
        if thanked is not None and asker.acts(thanked):
            thanks = question.thanks or rng.choice(cw.THANKS)
            comment(b, thread, Remark(asker, thanked, thanks, best))
    if rng.random() < accept:
        last = max(a.moment for a in answers)
        accepted = later(rng, last, days=3, decay=0.4, gap=timedelta(minutes=30))
        if accepted is not None and asker.acts(accepted):
            b.at(accepted, partial(_accept, thread, best))
    return answers


def _accept(thread: Thread, best: Remark) -> None:
    if best.obj is None:
        raise RuntimeError("an answer was accepted before it was written")
    answer_accept(actor=thread.author.user, post_id=thread.made().pk, comment_id=best.obj.pk)
