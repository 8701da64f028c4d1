"""The staff plan: who works where, in which wave, and when they first logged in.

Pure Python, no database: `build_plan` decides everything from the seed, and the `people` step
then creates the plan through the accounts services. Keeping the decisions here makes them easy
to test and keeps the planted truth (inactive people, informal leaders, decoys, the chasm school)
consistent with the people who are created.
"""

import random
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Final

from kring.demo import timeline, words
from kring.demo.credentials import DEMO_LOGINS, DEMO_SCHOOLS, DemoLogin

WAVE_1_SIZE: Final = 60
INACTIVE_COUNT: Final = 104
INACTIVE_SUPPORT: Final = 62  # ~60% of the never-activated are support staff (the sources)
INACTIVE_BOARD: Final = 2
INFORMAL_LEADERS: Final = 6
LEAVERS: Final = 2

ACTIVE: Final = "active"
INVITED: Final = "invited"
DEACTIVATED: Final = "deactivated"

# How likely each job is to never log in (support staff with a small role first, as the sources
# found: "schoonmakers en andere medewerkers die een kleine rol vervullen").
_INACTIVE_WEIGHT: Final[dict[str, float]] = {
    words.SUPPORT_CLEANER: 6.0,
    words.SUPPORT_LUNCH: 5.0,
    words.SUPPORT_CHILDCARE: 2.0,
    words.SUPPORT_CARETAKER: 1.0,
    words.SUPPORT_ADMINISTRATION: 0.5,
    words.TEACHING_ASSISTANT_TITLE: 3.0,
    words.PE_TEACHER_TITLE: 2.0,
    words.INTERN_SUPERVISOR_TITLE: 0.3,
}


@dataclass
class PersonPlan:
    index: int
    job_title: str
    category: str
    unit: str  # the unit's name: the board office, a department or a school
    school: str | None = None
    heads_unit: bool = False
    display_name: str = ""
    email: str = ""
    manager: int | None = None  # index of the line manager in StaffPlan.people
    demo: DemoLogin | None = None
    role: str = "member"
    wave: int = 2
    status: str = ACTIVE
    activated_at: datetime | None = None
    deactivated_at: datetime | None = None

    @property
    def is_teacher(self) -> bool:
        """A class teacher (Leerkracht groep …), the pool of leaders, decoys and ambassadors."""
        return self.job_title.startswith(words.TEACHER_TITLE_PREFIX)

    @property
    def created_at(self) -> datetime:
        """The moment the person is created: their activation, or their wave's invitation."""
        if self.activated_at is not None:
            return self.activated_at
        return wave_start(self.wave)


@dataclass
class StaffPlan:
    people: list[PersonPlan]
    school_sizes: dict[str, int]
    chasm_school: str
    informal_leaders: list[int] = field(default_factory=list)
    decoys: dict[str, int] = field(default_factory=dict)
    leavers: list[int] = field(default_factory=list)
    inactive: list[int] = field(default_factory=list)

    def by_email(self, email: str) -> PersonPlan:
        return next(p for p in self.people if p.email == email)

    def in_wave(self, wave: int) -> list[PersonPlan]:
        return [p for p in self.people if p.wave == wave]


def wave_start(wave: int) -> datetime:
    """When wave 1 or 2 gets access (and its invitations go out)."""
    day = timeline.WEEK_0 if wave == 1 else timeline.GENERAL_LAUNCH
    return timeline.at(day, timeline.WAVE_START_TIME.hour, timeline.WAVE_START_TIME.minute)


def build_plan(rng: Callable[[str], random.Random]) -> StaffPlan:
    """Decide the whole staff from `rng(stream)`, a seeded random stream per concern."""
    sizes = _school_sizes(rng("staff.sizes"))
    chasm = next(name for name, size in sizes.items() if size == words.CHASM_SCHOOL_SIZE)
    plan = StaffPlan(people=_slots(sizes), school_sizes=sizes, chasm_school=chasm)
    _place_demo_logins(plan)
    _name_everyone(plan, rng("staff.names"))
    _assign_managers(plan)
    _select(plan, rng("staff.selection"))
    _schedule(plan, rng("staff.times"))
    return plan


def _school_sizes(rng: random.Random) -> dict[str, int]:
    """Shuffle the sizes over the schools; the 40-person chasm school is never a demo school."""
    names = [name for name, _town in words.SCHOOLS]
    sizes = list(words.SCHOOL_SIZES)
    rng.shuffle(sizes)
    chasm = sizes.index(words.CHASM_SCHOOL_SIZE)
    if names[chasm] in DEMO_SCHOOLS:
        other = rng.choice([i for i, n in enumerate(names) if n not in DEMO_SCHOOLS])
        sizes[chasm], sizes[other] = sizes[other], sizes[chasm]
    return dict(zip(names, sizes, strict=True))


def _apportion(total: int, shares: Sequence[int]) -> list[int]:
    """Split `total` over `shares` proportionally (largest remainder, ties by position)."""
    whole = sum(shares)
    quotas = [total * s / whole for s in shares]
    counts = [int(q) for q in quotas]
    order = sorted(range(len(shares)), key=lambda i: (-(quotas[i] - counts[i]), i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _teacher_titles(count: int) -> list[str]:
    supervisors = 2 if count >= 28 else 1
    assistants = round(count * 0.12)
    pe = 1 if count >= 24 else 0
    classes = count - supervisors - assistants - pe
    titles = [
        f"{words.TEACHER_TITLE_PREFIX} groep {words.GROUPS[k % len(words.GROUPS)]}"
        for k in range(classes)
    ]
    return (
        titles
        + [words.INTERN_SUPERVISOR_TITLE] * supervisors
        + [words.TEACHING_ASSISTANT_TITLE] * assistants
        + [words.PE_TEACHER_TITLE] * pe
    )


def _support_titles(count: int) -> list[str]:
    fixed = [words.SUPPORT_CARETAKER, words.SUPPORT_ADMINISTRATION][:count]
    cycle = words.SUPPORT_CYCLE
    return fixed + [cycle[k % len(cycle)] for k in range(count - len(fixed))]


def _slots(sizes: dict[str, int]) -> list[PersonPlan]:
    people: list[PersonPlan] = []

    def add(
        title: str, category: str, unit: str, school: str | None = None, head: bool = False
    ) -> None:
        people.append(PersonPlan(len(people), title, category, unit, school, head))

    for unit, title, head in words.BOARD_OFFICE_STAFF:
        add(title, words.BOARD, unit or words.BOARD_OFFICE, head=head)
    names = [name for name, _town in words.SCHOOLS]
    staff = [sizes[n] - 1 for n in names]
    teachers = _apportion(words.CATEGORY_COUNTS[words.TEACHER], staff)
    for name, n_staff, n_teachers in zip(names, staff, teachers, strict=True):
        add(words.DIRECTOR_TITLE, words.DIRECTOR, name, name, head=True)
        for title in _teacher_titles(n_teachers):
            add(title, words.TEACHER, name, name)
        for title in _support_titles(n_staff - n_teachers):
            add(title, words.SUPPORT, name, name)
    return people


def _place_demo_logins(plan: StaffPlan) -> None:
    """Give each demo login a slot of its kind in its unit (a teacher's class is their own)."""

    def fits(slot: PersonPlan, demo: DemoLogin) -> bool:
        if slot.unit != demo.unit or slot.demo is not None:
            return False
        if demo.job_title.startswith(words.TEACHER_TITLE_PREFIX):
            return slot.is_teacher
        return slot.job_title == demo.job_title

    for demo in DEMO_LOGINS:
        slot = next(p for p in plan.people if fits(p, demo))
        slot.demo, slot.job_title, slot.role = demo, demo.job_title, demo.role
        slot.display_name, slot.email = demo.display_name, demo.email


def email_local_part(display_name: str, first_name: str) -> str:
    """voornaam.achternaam: accents dropped, tussenvoegsels joined ("jan.vandijk")."""

    def fold(text: str) -> str:
        ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return "".join(c for c in ascii_text.lower() if c.isalnum())

    surname = display_name[len(first_name) :]
    return f"{fold(first_name)}.{fold(surname)}"


def _name_everyone(plan: StaffPlan, rng: random.Random) -> None:
    taken_names = {p.display_name for p in plan.people if p.demo}
    taken_emails = {p.email for p in plan.people if p.demo}
    for person in plan.people:
        if person.demo:
            continue
        while True:
            first = rng.choice(words.FIRST_NAMES)
            particle, surname = rng.choice(words.SURNAMES)
            name = " ".join(part for part in (first, particle, surname) if part)
            if name not in taken_names:
                break
        local = email_local_part(name, first)
        email, n = f"{local}@{words.EMAIL_DOMAIN}", 1
        while email in taken_emails:
            n += 1
            email = f"{local}{n}@{words.EMAIL_DOMAIN}"
        taken_names.add(name)
        taken_emails.add(email)
        person.display_name, person.email = name, email


def _assign_managers(plan: StaffPlan) -> None:
    """Board office staff report to their head, heads to the chair; teachers to their director;
    directors to a member of the executive board."""
    chair, board_member = 0, 1
    heads = {p.unit: p.index for p in plan.people if p.heads_unit and p.school is None}
    directors = {p.school: p.index for p in plan.people if p.job_title == words.DIRECTOR_TITLE}
    school_order = [name for name, _town in words.SCHOOLS]
    for p in plan.people:
        if p.index == chair:
            continue
        if p.job_title == words.DIRECTOR_TITLE:
            p.manager = chair if school_order.index(p.unit) % 2 == 0 else board_member
        elif p.school is not None:
            p.manager = directors[p.school]
        elif p.heads_unit or p.unit == words.BOARD_OFFICE:
            p.manager = chair
        else:
            p.manager = heads[p.unit]


def _weighted_sample(
    rng: random.Random, items: Sequence[PersonPlan], weights: Iterable[float], k: int
) -> list[PersonPlan]:
    """k items without replacement, each with its weight (Efraimidis-Spirakis), in plan order."""
    keyed = [
        (rng.random() ** (1.0 / w), p.index, p)
        for p, w in zip(items, weights, strict=True)
        if w > 0
    ]
    if len(keyed) < k:
        raise ValueError(f"cannot pick {k} from {len(keyed)}")
    chosen = sorted(keyed, key=lambda t: (-t[0], t[1]))[:k]
    return sorted((p for _key, _i, p in chosen), key=lambda p: p.index)


def _select(plan: StaffPlan, rng: random.Random) -> None:
    """Waves, informal leaders, decoys, leavers and the never-activated."""
    people = plan.people
    schools = [name for name, _town in words.SCHOOLS]
    special: set[int] = {p.index for p in people if p.demo}

    def free_teachers(school: str) -> list[PersonPlan]:
        return [p for p in people if p.school == school and p.is_teacher and p.index not in special]

    # Informal leaders: one class teacher in each of six schools, never the chasm school.
    for school in sorted(
        rng.sample([s for s in schools if s != plan.chasm_school], INFORMAL_LEADERS),
        key=schools.index,
    ):
        leader = rng.choice(free_teachers(school))
        plan.informal_leaders.append(leader.index)
        special.add(leader.index)
    # Decoys: the communications officer (liked only on news) and a broadcaster nobody answers.
    comms = next(p for p in people if p.job_title == words.COMMS_OFFICER_TITLE)
    comms.role = "comms_editor"
    broadcaster = rng.choice(
        [p for s in schools if s != plan.chasm_school for p in free_teachers(s)]
    )
    plan.decoys = {
        "comms_officer_liked_on_news": comms.index,
        "broadcaster_nobody_answers": broadcaster.index,
    }
    special.update(plan.decoys.values())

    # Wave 1, the enthusiasts: the project team, some directors, the leaders and an ambassador
    # per school (the chasm school has only that one), filled up with eager teachers.
    wave_1: list[int] = [0, 1, comms.index, broadcaster.index, *plan.informal_leaders]
    wave_1 += [
        p.index
        for p in people
        if p.demo
        and p.demo.key
        in ("administrator", "community_manager", "comms_editor", "director", "teacher_1")
    ]
    wave_1 += [p.index for p in people if p.job_title in ("Teamleider communicatie", "Hoofd ICT")]
    other_directors = [
        p
        for p in people
        if p.job_title == words.DIRECTOR_TITLE and not p.demo and p.school != plan.chasm_school
    ]
    wave_1 += [p.index for p in rng.sample(other_directors, 4)]
    for school in schools:
        if not any(
            people[i].school == school and people[i].category == words.TEACHER for i in wave_1
        ):
            wave_1.append(rng.choice(free_teachers(school)).index)
    taken = set(wave_1)
    pool = [
        p for p in people
        if p.index not in taken and p.index not in special
        and p.school not in (None, plan.chasm_school) and p.job_title != words.DIRECTOR_TITLE
    ]  # fmt: skip
    weights = [1.0 if p.category == words.TEACHER else 0.15 for p in pool]
    wave_1 += [p.index for p in _weighted_sample(rng, pool, weights, WAVE_1_SIZE - len(wave_1))]
    for i in wave_1:
        people[i].wave = 1
    special.update(wave_1)

    # Two leavers from wave 2, a class teacher and a support worker; they were active first.
    wave_2 = [
        p
        for p in people
        if p.wave == 2 and p.index not in special and p.school not in (None, plan.chasm_school)
    ]
    teacher = rng.choice([p for p in wave_2 if p.is_teacher])
    support = rng.choice([p for p in wave_2 if p.category == words.SUPPORT])
    plan.leavers = [teacher.index, support.index]
    for leaver in (teacher, support):
        leaver.status = DEACTIVATED
        special.add(leaver.index)

    # The never-activated: mostly support staff with a small role, some teachers, two at the office.
    candidates = [p for p in people if p.wave == 2 and p.index not in special and not p.heads_unit]
    support_pool = [p for p in candidates if p.category == words.SUPPORT]
    teacher_pool = [p for p in candidates if p.category == words.TEACHER]
    board_pool = [p for p in candidates if p.category == words.BOARD]
    inactive = _weighted_sample(
        rng, support_pool, [_INACTIVE_WEIGHT[p.job_title] for p in support_pool], INACTIVE_SUPPORT
    )
    inactive += _weighted_sample(
        rng,
        teacher_pool,
        [_INACTIVE_WEIGHT.get(p.job_title, 1.0) for p in teacher_pool],
        INACTIVE_COUNT - INACTIVE_SUPPORT - INACTIVE_BOARD,
    )
    inactive += _weighted_sample(rng, board_pool, [1.0] * len(board_pool), INACTIVE_BOARD)
    plan.inactive = sorted(p.index for p in inactive)
    for i in plan.inactive:
        people[i].status = INVITED


def _schedule(plan: StaffPlan, rng: random.Random) -> None:
    """Activation in the first weeks of each person's wave; leavers leave before the summer."""
    project_team = {
        "administrator": (0, 9, 0),
        "community_manager": (1, 10, 15),
        "comms_editor": (1, 11, 30),
    }
    for p in plan.people:
        if p.status == INVITED:
            continue
        if p.demo and p.demo.key in project_team:
            offset, hour, minute = project_team[p.demo.key]
            p.activated_at = timeline.at(timeline.SET_UP + timedelta(days=offset), hour, minute)
        elif p.wave == 1:
            p.activated_at = timeline.pick_moment(
                rng, timeline.WEEK_0, 12, decay=0.85, boosts=(3.0,)
            )
        else:
            p.activated_at = timeline.pick_moment(
                rng, timeline.GENERAL_LAUNCH, 28, decay=0.9, boosts=(4.0,)
            )
    fridays = [timeline.week_start(week) + timedelta(days=4) for week in range(26, 31)]
    for p, day in zip(
        (plan.people[i] for i in plan.leavers), rng.sample(fridays, LEAVERS), strict=True
    ):
        p.deactivated_at = timeline.at(day, 16, 0)
