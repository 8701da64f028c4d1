"""The cast, the places and the calendar of the content step: who may act where, and when."""

import math
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from kring.accounts.models import User
from kring.content.models import Blog, Post
from kring.demo import communities, timeline, words
from kring.demo import content_words as cw
from kring.demo.builders.context import DemoContext
from kring.demo.builders.people import plan_of
from kring.demo.builders.staff import ACTIVE, PersonPlan
from kring.engagement.models import Comment
from kring.spaces.models import Membership, Space

TZ = timeline.TZ
START = timeline.at(timeline.WEEK_0 - timedelta(days=7), 0, 0)  # the project team fills it first
END = timeline.at(timeline.END, 0, 0)
CHASM_WEEK = 20
CHASM_ADOPTERS = 6
LEADER_EAGERNESS = 1.3
# Relative activity by the §11 job category, and the chance a wave 2 colleague never adopts.
CATEGORY_WEIGHT = {words.TEACHER: 1.0, words.DIRECTOR: 1.6, words.BOARD: 0.8, words.SUPPORT: 0.35}
NEVER_ADOPT = {words.TEACHER: 0.2, words.DIRECTOR: 0.05, words.BOARD: 0.2, words.SUPPORT: 0.45}


@dataclass
class Person:
    plan: PersonPlan
    user: User
    since: datetime  # first login
    adopted: datetime | None  # from when they take part fully; None: never
    eagerness: float
    leader: bool = False
    broadcaster: bool = False
    comms_officer: bool = False
    until: datetime | None = None  # the chasm school's others stop here

    @property
    def pk(self) -> int:
        return int(self.user.pk)

    def acts(self, moment: datetime) -> bool:
        return self.since <= moment and (self.until is None or moment < self.until)

    def activity(self, moment: datetime) -> float:
        """How much they do at `moment`, relative to a colleague who has adopted Kring."""
        if not self.acts(moment):
            return 0.0
        if self.plan.wave == 1:
            cohort = 2.0
        elif self.adopted is not None and self.adopted <= moment:
            cohort = 1.0
        else:
            cohort = 0.3
        return self.eagerness * cohort * CATEGORY_WEIGHT[self.plan.category]


@dataclass
class Place:
    space: Space
    key: str  # a community key, or "school", "department", "office", "news"
    open: bool
    members: list[tuple[Person, datetime]] = field(default_factory=list)  # (who, since)


@dataclass
class Remark:
    """A comment to be: its object once it is made."""

    author: Person
    moment: datetime
    body: str
    parent: "Remark | None" = None
    obj: Comment | None = None


@dataclass
class Thread:
    """A post to be: its object once it is made, and who already reacted."""

    author: Person
    place: Place
    moment: datetime  # published: from now on others see it
    kind: str = Post.Kind.POST
    post: Post | None = None
    remarks: list[Remark] = field(default_factory=list)
    reactors: set[int] = field(default_factory=set)

    def made(self) -> Post:
        if self.post is None:
            raise RuntimeError("an action ran before the post it needs")
        return self.post


@dataclass(order=True)
class Action:
    moment: datetime
    seq: int
    run: Callable[[], object] = field(compare=False)


@dataclass
class Builder:
    ctx: DemoContext
    people: dict[int, Person] = field(default_factory=dict)  # by plan index
    places: dict[str, Place] = field(default_factory=dict)  # by community key or space name
    memberships: dict[int, list[tuple[Place, datetime]]] = field(default_factory=dict)
    actions: list[Action] = field(default_factory=list)
    used: Counter[tuple[int, object]] = field(default_factory=Counter)  # (space, text): uses
    photos: set[str] = field(default_factory=set)  # captions already shown
    # What the planted truth reports.
    news: list[tuple[cw.News, Thread]] = field(default_factory=list)
    blog: list[Blog] = field(default_factory=list)  # the one blog, once it is made
    blog_posts: list[Thread] = field(default_factory=list)
    blog_questions: list[tuple[Remark, bool]] = field(default_factory=list)  # colleague answered
    association_questions: list[Thread] = field(default_factory=list)
    chasm_adopters: list[Person] = field(default_factory=list)
    spotlight: list[int] = field(default_factory=list)  # post ids, oldest first

    def rng(self, stream: str) -> random.Random:
        return self.ctx.rng(f"content.{stream}")

    def at(self, moment: datetime, run: Callable[[], object]) -> None:
        self.actions.append(Action(moment, len(self.actions), run))

    def play(self) -> None:
        for action in sorted(self.actions):
            self.ctx.pin(action.moment)
            action.run()
        self.actions.clear()

    def person(self, email: str) -> Person:
        return self.people[plan_of(self.ctx).by_email(email).index]

    def everyone(self) -> list[Person]:
        return [self.people[i] for i in sorted(self.people)]


# -- time ------------------------------------------------------------------------------------------


def later(
    rng: random.Random,
    after: datetime,
    *,
    days: int = 4,
    decay: float = 0.4,
    gap: timedelta = timedelta(minutes=10),
) -> datetime | None:
    """A moment between 7 and 22 h, at least `gap` after `after`, weighted by weekday, holiday and
    `decay` per day; None when the demo's timeline ends first."""
    start = (after + gap).astimezone(TZ)
    windows, weights = [], []
    for d in range(days):
        day = start.date() + timedelta(days=d)
        lo = 7 * 60 if d else max(7 * 60, start.hour * 60 + start.minute + 1)
        hi = 22 * 60
        windows.append((day, lo, hi))
        fits = lo < hi and day < timeline.END
        weights.append(timeline.day_weight(day) * decay**d if fits else 0.0)
    if not any(weights):
        return None
    day, lo, hi = rng.choices(windows, weights=weights)[0]
    minute = rng.randrange(lo, hi)
    return timeline.at(day, minute // 60, minute % 60)


def in_week(rng: random.Random, week: int, weekday: int, hours: tuple[int, int]) -> datetime:
    day = timeline.week_start(week) + timedelta(days=weekday)
    minute = rng.randrange(hours[0] * 60, hours[1] * 60)
    return timeline.at(day, minute // 60, minute % 60)


def within(rng: random.Random, after: datetime, *, hours: tuple[float, float]) -> datetime:
    """A waking moment (7-22 h) between `hours[0]` and `hours[1]` hours after `after`."""
    lo, hi = hours
    for _attempt in range(200):
        moment = after + timedelta(hours=rng.uniform(lo + 0.1, hi - 0.1))
        if 7 <= moment.astimezone(TZ).hour < 22 and moment < END:
            return moment
    raise RuntimeError(f"no waking moment {lo}-{hi} h after {after}")


# -- drawing -----------------------------------------------------------------------------------


def poisson(rng: random.Random, mean: float) -> int:
    limit, k, p = math.exp(-mean), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def pick(rng: random.Random, pool: Sequence[tuple[Person, float]], k: int) -> list[Person]:
    """k people without replacement, by weight (Efraimidis-Spirakis), in the order drawn."""
    keyed = [(rng.random() ** (1.0 / w), p.plan.index, p) for p, w in pool if w > 0]
    keyed.sort(key=lambda t: (-t[0], t[1]))
    return [p for _key, _i, p in keyed[: max(0, k)]]


def choose[T](b: Builder, rng: random.Random, space: Space, items: Sequence[T]) -> T:
    """A text for this space: one used least here, so a space rarely repeats itself."""
    uses = [b.used[(space.pk, item)] for item in items]
    fewest = min(uses)
    item = rng.choice([item for item, n in zip(items, uses, strict=True) if n == fewest])
    b.used[(space.pk, item)] += 1
    return item


def fill(text: str, author: Person, rng: random.Random) -> str:
    """The text with its slots filled for this author: {school}, {groep}, {dag}."""
    plan = author.plan
    own = plan.job_title.removeprefix(f"{words.TEACHER_TITLE_PREFIX} ") if plan.is_teacher else ""
    return text.format_map(
        {
            "school": plan.school or words.BOARD_OFFICE,
            "groep": own or f"groep {rng.choice(words.GROUPS)}",
            "dag": rng.choice(("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag")),
        }
    )


def mention(person: Person) -> str:
    return f"@[{person.user.display_name}](person:{person.pk})"


# -- the cast and the places ---------------------------------------------------------------------


def cast(b: Builder) -> None:
    """Everyone who logged in and still works here, with how keen they are and when they adopt."""
    plan = plan_of(b.ctx)
    rng = b.rng("people")
    users = {u.email: u for u in User.objects.filter(email__in=[p.email for p in plan.people])}
    launch = timeline.at(timeline.GENERAL_LAUNCH)
    for p in plan.people:
        if p.status != ACTIVE or p.activated_at is None:
            continue
        adopted: datetime | None = p.activated_at
        if p.wave == 2:  # the S-curve: most adopt in the months after the launch, some never
            adopted = max(p.activated_at, launch + timedelta(weeks=abs(rng.gauss(6.0, 5.0))))
            if rng.random() < NEVER_ADOPT[p.category]:
                adopted = None
        b.people[p.index] = Person(
            plan=p, user=users[p.email], since=p.activated_at, adopted=adopted,
            eagerness=rng.lognormvariate(0.0, 0.55), leader=p.index in plan.informal_leaders,
            broadcaster=p.index == plan.decoys["broadcaster_nobody_answers"],
            comms_officer=p.index == plan.decoys["comms_officer_liked_on_news"],
        )  # fmt: skip
    for q in b.everyone():
        if q.leader:  # they carry the community, whatever the draw
            q.eagerness = max(q.eagerness, LEADER_EAGERNESS)
    # The chasm school: its adopters (wave 1, the director, then the first to log in) go on;
    # after week 20 the others no longer act.
    school = [q for q in b.everyone() if q.plan.school == plan.chasm_school]
    school.sort(key=lambda q: (q.plan.wave, q.plan.job_title != words.DIRECTOR_TITLE, q.since))
    stop = timeline.at(timeline.week_start(CHASM_WEEK), 0, 0)
    for n, q in enumerate(school):
        if n < CHASM_ADOPTERS:
            q.adopted, q.eagerness = q.since, max(q.eagerness, 1.0)
        else:
            q.until = stop
    b.chasm_adopters = school[:CHASM_ADOPTERS]


def places(b: Builder) -> None:
    """The spaces people write in, with who is a member since when (staff only)."""
    keys = {
        c.name: c.key for c in vars(communities).values() if isinstance(c, communities.Community)
    }
    departments = set(words.DEPARTMENTS)
    by_user = {p.pk: p for p in b.people.values()}
    # Archived spaces (the Christmas party group) take no more posts, whatever the date.
    for space in Space.objects.filter(deleted_at__isnull=True, archived_at__isnull=True):
        if space.kind == Space.Kind.NEWS:
            key = "news"
        elif space.kind == Space.Kind.COMMUNITY:
            key = keys[space.name]
        elif space.name in departments:
            key = "department"
        else:
            key = "office" if space.name == words.BOARD_OFFICE else "school"
        name = space.name if space.kind == Space.Kind.UNIT else key
        b.places[name] = Place(space, key, space.access == Space.Access.OPEN)
    by_space = {place.space.pk: place for place in b.places.values()}
    rows = Membership.objects.filter(state=Membership.State.ACTIVE, space_id__in=by_space)
    for space_id, user_id, joined in rows.order_by("space_id", "user_id").values_list(
        "space_id", "user_id", "joined_at"
    ):
        person = by_user.get(user_id)
        if person is None:
            continue
        place = by_space[space_id]
        since = max(joined or person.since, person.since)
        place.members.append((person, since))
        b.memberships.setdefault(person.plan.index, []).append((place, since))


def pool(
    b: Builder, place: Place, first: datetime, last: datetime, exclude: set[int]
) -> list[tuple[Person, float]]:
    """Who may respond in `place` between `first` and `last`, by how likely they are to."""
    if place.key == "news":
        members = [(p, p.since) for p in b.everyone()]
    else:
        members = list(place.members)
        if place.open:  # the informal leaders look around in every open community
            inside = {p.pk for p, _since in members}
            members += [(p, p.since) for p in b.everyone() if p.leader and p.pk not in inside]
    found = []
    for p, since in members:
        if p.pk in exclude or since > first or not p.acts(last):
            continue
        weight = p.activity(first)
        if p.leader and place.key != "news":
            weight *= 5.0
        if p.broadcaster:
            weight *= 0.25
        if p.comms_officer and place.key != "news":
            weight = 0.0
        found.append((p, weight))
    return found
