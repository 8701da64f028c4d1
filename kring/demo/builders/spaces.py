"""Spaces: the news space, a space per unit and 27 communities, all through the spaces services.

The organisation's spaces come first (`structure_ensure`: the news space, the board office, its
departments and the 14 schools, directors managing their school's space). Then the communities
the sources describe, each opened by a colleague and joined over the months that follow:

- cross-school groups by job (all group 2 teachers, the intern begeleiders, the caretakers...),
- the personeelsvereniging (open, large), the ambassadors (on request, with requests waiting),
- the GMR, the works council and the beachhead group: 24 elected members,
- a secret directors' consultation (directors and the executive board, on invitation),
- a parents' council with two external guests, and interest groups from sport to recipes.

Who joins is drawn from `ctx.rng("spaces")`: colleagues of the same school tend to join the same
groups (a per-school affinity for each community) and the wave 1 enthusiasts join more. Every
write is scheduled at a moment of the demo's timeline (never before the person's first login,
never before the community opened) and played in time order with the clock pinned, so
memberships, audit entries and activity events carry the demo's dates.
"""

import random
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import F
from django.db.models.functions import Coalesce

from kring.accounts.models import Invitation, User
from kring.accounts.services.invitations import invitation_accept, invitation_token
from kring.demo import communities, timeline, words
from kring.demo.builders.context import DemoContext
from kring.demo.builders.people import plan_of
from kring.demo.builders.staff import ACTIVE, PersonPlan, StaffPlan
from kring.demo.builders.truth import user_ref
from kring.demo.communities import Community
from kring.demo.credentials import (
    ADMINISTRATOR,
    COMMS_EDITOR,
    COMMUNITY_MANAGER,
    DEMO_PASSWORD,
    DIRECTOR,
    GUEST,
    TEACHERS,
)
from kring.spaces.models import Membership, Space
from kring.spaces.services.guests import guest_invite
from kring.spaces.services.membership import (
    member_change_role,
    members_invite,
    request_decide,
    space_join,
    space_request,
)
from kring.spaces.services.spaces import community_create, space_archive, space_update
from kring.spaces.services.structure import news_space, structure_ensure

WORKS_COUNCIL_SIZE = 24
# The second guest of the parents' council; the first is the guest demo login.
OTHER_GUEST = ("Yusuf Aydin", "yusuf.aydin@example.org")
# Guests' access ends on a date: the parents' terms on the council (after the demo's timeline).
GUEST_UNTIL = {GUEST.email: date(2030, 7, 31), OTHER_GUEST[1]: date(2027, 7, 31)}
LAST_DAY = timeline.END - timedelta(days=1)


@dataclass(order=True)
class _Action:
    moment: datetime
    seq: int
    run: Callable[[], object] = field(compare=False)


@dataclass
class _Builder:
    ctx: DemoContext
    rng: random.Random
    plan: StaffPlan
    spaces: dict[str, Space] = field(default_factory=dict)
    opened: dict[str, datetime] = field(default_factory=dict)
    members: dict[str, set[int]] = field(default_factory=dict)  # plan indexes, owners included
    joined: dict[tuple[str, int], datetime] = field(default_factory=dict)  # (space, person): when
    actions: list[_Action] = field(default_factory=list)

    # -- people -------------------------------------------------------------------------------

    def user(self, p: PersonPlan) -> User:
        return self.ctx.people[p.email]

    def login(self, email: str) -> PersonPlan:
        return self.plan.by_email(email)

    def active(self) -> list[PersonPlan]:
        """Everyone who logged in and still works here, in plan order."""
        return [p for p in self.plan.people if p.status == ACTIVE and p.activated_at is not None]

    def titled(self, *titles: str) -> list[PersonPlan]:
        return [p for p in self.active() if p.job_title in titles]

    def class_teachers(self, *groups: str) -> list[PersonPlan]:
        return self.titled(*(f"{words.TEACHER_TITLE_PREFIX} groep {g}" for g in groups))

    def pick_owner(self, pool: Sequence[PersonPlan], *, prefer_wave_1: bool = True) -> PersonPlan:
        """Someone from `pool` who starts a community: an enthusiast of wave 1 if there is one.

        Never a demo login: what they own is decided by hand."""
        free = [p for p in pool if p.demo is None]
        early = [p for p in free if p.wave == 1]
        return self.rng.choice(early if prefer_wave_1 and early else free)

    # -- time ---------------------------------------------------------------------------------

    def after(self, earliest: datetime, days: int = 21, decay: float = 0.9) -> datetime:
        """A working-hours moment from the day after `earliest`, within `days` days."""
        start = min(earliest.astimezone(timeline.TZ).date() + timedelta(days=1), LAST_DAY)
        days = max(1, min(days, (LAST_DAY - start).days + 1))
        return timeline.pick_moment(self.rng, start, days, decay=decay, hours=(8, 21))

    def at(self, moment: datetime, run: Callable[[], object]) -> None:
        self.actions.append(_Action(moment, len(self.actions), run))

    def play(self) -> None:
        for action in sorted(self.actions):
            self.ctx.pin(action.moment)
            action.run()
        self.actions.clear()

    # -- what happens -------------------------------------------------------------------------

    def open(self, c: Community, owner: PersonPlan, not_before: datetime) -> datetime:
        """`owner` creates the community within a few days of `not_before` (once they are in)."""
        assert owner.activated_at is not None, owner.email
        moment = self.after(max(not_before, owner.activated_at), days=5, decay=0.7)
        self.opened[c.key] = moment
        self.members[c.key] = {owner.index}

        def create() -> None:
            self.spaces[c.key] = community_create(
                actor=self.user(owner), name=c.name, access=c.access,
                description=c.description, guidelines=c.guidelines, icon=c.icon,
                tags=list(c.tags),
            )  # fmt: skip

        self.at(moment, create)
        return moment

    def join(self, key: str, people: Sequence[PersonPlan], days: int = 28) -> None:
        """Each joins an open community some time after it opened and after their first login."""
        for p in people:
            if p.index in self.members[key] or p.activated_at is None:
                continue
            self.members[key].add(p.index)
            self._joins(key, p, self.after(max(self.opened[key], p.activated_at), days=days))

    def _joins(self, key: str, p: PersonPlan, moment: datetime) -> None:
        self.joined[(key, p.index)] = moment
        self.at(moment, lambda: space_join(actor=self.user(p), space=self.spaces[key]))

    def invite(
        self,
        key: str,
        manager: PersonPlan,
        people: Sequence[PersonPlan],
        when: datetime,
        *,
        accepted: bool = True,
    ) -> None:
        """A manager invites colleagues; those who have logged in accept within two weeks."""
        people = [p for p in people if p.index not in self.members[key]]
        if not people:
            return
        when = max(when, self.opened[key] + timedelta(hours=1))
        self.members[key].update(p.index for p in people)
        self.at(
            when,
            lambda: members_invite(
                actor=self.user(manager),
                space=self.spaces[key],
                people=[self.user(p) for p in people],
            ),
        )
        for p in people:
            if accepted and p.activated_at is not None and p.status == ACTIVE:
                self._joins(key, p, self.after(max(when, p.activated_at), days=14))

    def request(
        self,
        key: str,
        p: PersonPlan,
        when: datetime,
        message: str,
        answer: tuple[PersonPlan, bool, str] | None = None,
    ) -> None:
        """`p` asks to join; `answer` is (manager, accept, message) a day or two later, or none."""
        self.members[key].add(p.index)
        when = max(when, self.opened[key] + timedelta(hours=1))
        self.at(
            when,
            lambda: space_request(actor=self.user(p), space=self.spaces[key], message=message),
        )
        if answer is None:
            return
        manager, accept, reply = answer
        decided = self.after(when, days=3)
        self.at(
            decided,
            lambda: request_decide(
                actor=self.user(manager), space=self.spaces[key], requester=self.user(p),
                accept=accept, message=reply,
            ),
        )  # fmt: skip
        if accept:
            self.joined[(key, p.index)] = decided
        else:
            self.members[key].discard(p.index)

    def promote(
        self, key: str, owner: PersonPlan, p: PersonPlan, role: str, not_before: datetime
    ) -> None:
        """The owner makes a member a manager or moderator, some days after they joined."""
        joined = self.joined.get((key, p.index))
        if joined is None:  # invited, but never logged in to accept
            return
        moment = self.after(max(joined, not_before), days=7)
        self.at(
            moment,
            lambda: member_change_role(
                actor=self.user(owner), space=self.spaces[key], user=self.user(p), role=role
            ),
        )

    # -- who is likely to join ---------------------------------------------------------------

    def sample(
        self,
        pool: Sequence[PersonPlan],
        k: int,
        *,
        weight: Callable[[PersonPlan], float] | None = None,
        exclude: set[int] | None = None,
    ) -> list[PersonPlan]:
        """k people from `pool`: colleagues of a keen school together, enthusiasts more often.

        Each school gets an affinity for this community (colleagues talk about the groups they
        are in); wave 1 counts double, informal leaders half again. Efraimidis-Spirakis weighted
        sampling without replacement, returned in plan order. The demo logins are never drawn:
        the story places them by hand, so each login shows something on purpose.
        """
        schools = [name for name, _town in words.SCHOOLS] + [words.BOARD_OFFICE]
        affinity = {school: self.rng.lognormvariate(0.0, 0.6) for school in schools}
        leaders = set(self.plan.informal_leaders)
        keyed = []
        for p in pool:
            if p.demo is not None or (exclude and p.index in exclude):
                continue
            w = affinity[p.school or words.BOARD_OFFICE] * (weight(p) if weight else 1.0)
            w *= (2.0 if p.wave == 1 else 1.0) * (1.5 if p.index in leaders else 1.0)
            if w > 0:
                keyed.append((self.rng.random() ** (1.0 / w), p.index, p))
        chosen = sorted(keyed, key=lambda t: (-t[0], t[1]))[: max(0, k)]
        return sorted((p for _key, _i, p in chosen), key=lambda p: p.index)

    def jitter(self, size: int) -> int:
        return max(3, round(size * self.rng.uniform(0.85, 1.15)))


def _week(week: int, day: int = 0) -> datetime:
    return timeline.at(timeline.week_start(week) + timedelta(days=day), 9, 0)


def build_spaces(ctx: DemoContext) -> None:
    b = _Builder(ctx=ctx, rng=ctx.rng("spaces"), plan=plan_of(ctx))
    _organisation_spaces(b)
    _communities(b)
    b.play()
    _guests_accept(b)
    _mark_mail_sent()
    _truth(b)


def _organisation_spaces(b: _Builder) -> None:
    """Every unit has its space and everyone sits where they work, before the first wave."""
    ctx, admin = b.ctx, b.ctx.administrator
    latest = max(p.created_at for p in b.plan.people)
    ctx.pin(latest + timedelta(minutes=30))
    structure_ensure()
    ctx.pin(timeline.at(timeline.SET_UP + timedelta(days=2), 14, 0))
    space_update(actor=admin, space=news_space(), description=communities.NEWS_DESCRIPTION)
    towns = dict(words.SCHOOLS)
    for unit_name, unit in ctx.units.items():
        space = Space.objects.filter(unit=unit).first()
        if space is None:  # the organisation itself speaks through the news space
            continue
        if unit_name in towns:
            text = communities.SCHOOL_DESCRIPTION.format(name=unit_name, town=towns[unit_name])
        elif unit_name == words.BOARD_OFFICE:
            text = communities.OFFICE_DESCRIPTION
        else:
            text = f"De ruimte van {unit_name} op het bestuursbureau."
        space_update(actor=admin, space=space, description=text)


@dataclass(frozen=True)
class _Cast:
    """The demo logins by part, and the pools the communities draw their members from."""

    roos: PersonPlan  # community manager
    bas: PersonPlan  # administrator
    alexandra: PersonPlan  # communications editor
    marieke: PersonPlan  # director of De Regenboog
    fatima: PersonPlan  # teacher, wave 1, ambassador
    daan: PersonPlan  # teacher, wave 2
    lotte: PersonPlan  # intern begeleider
    everyone: list[PersonPlan]
    teachers: list[PersonPlan]
    class_teachers: list[PersonPlan]
    at_schools: list[PersonPlan]
    wave_1: list[PersonPlan]
    launch: datetime

    @classmethod
    def of(cls, b: _Builder) -> "_Cast":
        everyone = b.active()
        fatima, daan, lotte = (b.login(t.email) for t in TEACHERS)
        return cls(
            roos=b.login(COMMUNITY_MANAGER.email), bas=b.login(ADMINISTRATOR.email),
            alexandra=b.login(COMMS_EDITOR.email), marieke=b.login(DIRECTOR.email),
            fatima=fatima, daan=daan, lotte=lotte, everyone=everyone,
            teachers=[p for p in everyone if p.category == words.TEACHER],
            class_teachers=[p for p in everyone if p.is_teacher],
            at_schools=[p for p in everyone if p.school is not None],
            wave_1=[p for p in everyone if p.wave == 1],
            launch=timeline.at(timeline.GENERAL_LAUNCH, 9, 0),
        )  # fmt: skip


def _communities(b: _Builder) -> None:
    cast = _Cast.of(b)
    ambassadors = _project_team(b, cast)
    _staff_association(b, cast)
    _directors(b)
    _works_council(b, cast, not_in=ambassadors)
    _group_2(b, cast)
    _parents(b, cast)
    _everyday(b, cast)
    _by_job(b, cast)
    _by_interest(b, cast)


def _project_team(b: _Builder, cast: _Cast) -> list[PersonPlan]:
    """Before wave 1 the community manager opens the ambassadors' group and the help group.

    Ambassadors: one per school (its informal leader where it has one), the member login for De
    Regenboog, and the project team. Most are invited; a third ask, and are welcomed. Three
    colleagues of wave 2 asked in June and wait for an answer. Returns the ambassadors.
    """
    roos, bas, alexandra, fatima = cast.roos, cast.bas, cast.alexandra, cast.fatima
    b.open(communities.AMBASSADORS, roos, timeline.at(timeline.SET_UP + timedelta(days=3), 9, 0))
    b.open(communities.HELPDESK, roos, timeline.at(timeline.SET_UP + timedelta(days=8), 9, 0))
    helpdesk_team = timeline.at(timeline.WEEK_0 - timedelta(days=3), 10, 0)
    b.invite("helpdesk", roos, [bas, alexandra], helpdesk_team)
    b.promote("helpdesk", roos, bas, Membership.Role.MANAGER, helpdesk_team)
    b.promote("helpdesk", roos, alexandra, Membership.Role.MODERATOR, helpdesk_team)

    leaders = {b.plan.people[i].school: b.plan.people[i] for i in b.plan.informal_leaders}
    ambassadors = [alexandra, bas, fatima]
    for school, _town in words.SCHOOLS:
        if school in leaders:
            ambassadors.append(leaders[school])
        elif school != fatima.school:
            keen = [p for p in cast.wave_1 if p.school == school and p.category == words.TEACHER]
            fallback = [p for p in cast.teachers if p.school == school]
            ambassadors.append(b.rng.choice(keen or fallback))
    ambassadors += [
        p for p in cast.wave_1 if p.job_title in ("Hoofd ICT", "Teamleider communicatie")
    ]
    first_meeting = timeline.at(timeline.WEEK_0 + timedelta(days=2), 15, 0)
    asked = b.rng.sample(ambassadors[3:], k=len(ambassadors[3:]) // 3)
    b.invite("ambassadors", roos, [p for p in ambassadors if p not in asked], first_meeting)
    for p in asked:
        assert p.activated_at is not None
        b.request(
            "ambassadors", p, b.after(max(first_meeting, p.activated_at), days=10),
            "Ik wil graag ambassadeur worden voor onze school.",
            answer=(roos, True, "Welkom! De volgende bijeenkomst staat in de agenda."),
        )  # fmt: skip
    b.promote("ambassadors", roos, alexandra, Membership.Role.MANAGER, first_meeting)
    wave_2 = [p for p in cast.class_teachers if p.wave == 2]
    for p in b.sample(wave_2, 3, exclude=b.members["ambassadors"]):
        b.request(
            "ambassadors", p, b.after(max(_week(27), p.activated_at or cast.launch), days=20),
            "Op onze school gebruiken steeds meer collega's Kring. Mag ik meedoen als ambassadeur?",
        )  # fmt: skip

    # The help group grows with everyone who starts (wave 1 most of all).
    b.join("helpdesk", [fatima, cast.daan])
    b.join("helpdesk", b.sample(cast.wave_1, b.jitter(40), exclude=b.members["helpdesk"]), 14)
    b.join("helpdesk", b.sample(cast.everyone, b.jitter(110), exclude=b.members["helpdesk"]), 30)
    return ambassadors


def _staff_association(b: _Builder, cast: _Cast) -> None:
    """The personeelsvereniging (open, the largest community) and its Christmas party group."""
    keen = [p for p in cast.wave_1 if p.school is not None]  # it has to organise Christmas
    owner = b.pick_owner([p for p in keen if p.category == words.SUPPORT] or keen)
    b.open(communities.STAFF_ASSOCIATION, owner, _week(0, 1))
    board = b.sample([p for p in cast.wave_1 if p.index != owner.index], 2)
    b.join("staff_association", board, days=7)
    for p in board:
        b.promote("staff_association", owner, p, Membership.Role.MANAGER, _week(1))
    b.join("staff_association", [cast.roos, cast.marieke, cast.fatima])
    many = b.sample(cast.everyone, b.jitter(190), exclude=b.members["staff_association"])
    b.join("staff_association", many, days=35)

    b.open(communities.CHRISTMAS, owner, _week(0))
    b.join("christmas", [*board, cast.roos, cast.alexandra], days=4)
    early = [p for p in cast.wave_1 if p.activated_at and p.activated_at < _week(1, 3)]
    b.join("christmas", b.sample(early, b.jitter(22)), days=6)
    after_the_party = max(
        timeline.at(timeline.WEEK_0 + timedelta(weeks=4, days=4), 16, 30),
        b.opened["christmas"] + timedelta(weeks=3),
    )
    b.at(after_the_party, lambda: space_archive(actor=b.user(owner), space=b.spaces["christmas"]))


def _directors(b: _Builder) -> None:
    """The secret directors' consultation: the 14 directors and the executive board, invited."""
    chair, board_member = b.plan.people[0], b.plan.people[1]
    b.open(communities.DIRECTORS, chair, _week(0))
    invited = [
        board_member,
        *b.titled("Bestuurssecretaris"),
        *[p for p in b.plan.people if p.job_title == words.DIRECTOR_TITLE],
    ]
    b.invite("directors", chair, invited, b.after(b.opened["directors"], days=2))
    b.promote("directors", chair, board_member, Membership.Role.MANAGER, _week(13, 1))


def _works_council(b: _Builder, cast: _Cast, not_in: list[PersonPlan]) -> None:
    """The GMR, the beachhead group: 24 elected members, every school among them.

    The chair invites the elected members; somebody who asked to join is told, kindly, no.
    """
    taken = {p.index for p in not_in}
    candidates = [
        p for p in cast.at_schools
        if p.job_title != words.DIRECTOR_TITLE and p.category in (words.TEACHER, words.SUPPORT)
        and p.index not in taken
    ]  # fmt: skip
    chair = b.pick_owner([p for p in candidates if p.is_teacher])
    b.open(communities.WORKS_COUNCIL, chair, _week(2))
    elected: list[PersonPlan] = []
    for school, _town in words.SCHOOLS:
        if school != chair.school:
            elected += b.sample([p for p in candidates if p.school == school], 1)
    chosen = {p.index for p in elected} | {chair.index}
    elected += b.sample(
        candidates, WORKS_COUNCIL_SIZE - len(chosen),
        weight=lambda p: 1.0 if p.is_teacher else 0.5, exclude=chosen,
    )  # fmt: skip
    b.invite("works_council", chair, elected, b.after(b.opened["works_council"], days=3))
    b.promote("works_council", chair, elected[0], Membership.Role.MANAGER, _week(14))
    wave_2 = [p for p in cast.class_teachers if p.wave == 2]
    for p in b.sample(wave_2, 1, exclude=b.members["works_council"]):
        b.request(
            "works_council", p, b.after(max(_week(16), p.activated_at or cast.launch), days=10),
            "Ik zou graag meelezen met de GMR.",
            answer=(
                chair, False,
                "Dank je voor je interesse! De GMR bestaat uit gekozen leden; in mei zijn er "
                "verkiezingen. Je kunt je vragen altijd stellen aan het GMR-lid van je school.",
            ),
        )  # fmt: skip


def _group_2(b: _Builder, cast: _Cast) -> None:
    """Cross-school: every group 1-2 teacher may join the group 2 community; most do."""
    group_2 = b.class_teachers("1-2")
    b.open(communities.GROUP_2, b.pick_owner(group_2), _week(1))
    b.join("group_2", b.sample(group_2, round(0.85 * len(group_2))), days=28)


def _parents(b: _Builder, cast: _Cast) -> None:
    """The parents' council of De Regenboog: its director, four teachers and two parents."""
    marieke, fatima = cast.marieke, cast.fatima
    b.open(communities.PARENTS, marieke, _week(5))
    team = [p for p in cast.class_teachers if p.school == marieke.school and p is not fatima]
    b.invite("parents", marieke, [fatima, *b.sample(team, 3)], b.after(b.opened["parents"], 3))

    def invite_guests() -> None:
        for name, email in ((GUEST.display_name, GUEST.email), OTHER_GUEST):
            guest_invite(
                actor=b.user(marieke), space=b.spaces["parents"], email=email, name=name,
                expires_at=timeline.at(GUEST_UNTIL[email], 23, 0),
            )  # fmt: skip

    b.at(b.after(b.opened["parents"], days=10), invite_guests)


def _everyday(b: _Builder, cast: _Cast) -> None:
    """Communities about the work itself: ICT, the pupils' care, subjects and age groups."""
    c, lotte, daan, fatima = communities, cast.lotte, cast.daan, cast.fatima
    ict_owner = b.titled("Hoofd ICT")[0]
    b.open(c.ICT, ict_owner, _week(3))
    b.join("ict", [cast.bas, daan, *b.sample(b.titled("Systeembeheerder", "ICT-medewerker"), 2)])
    b.join("ict", b.sample(cast.teachers, b.jitter(55), exclude=b.members["ict"]), days=42)
    b.promote("ict", ict_owner, cast.bas, Membership.Role.MANAGER, _week(8))

    # The intern begeleiders' network, owned by the teacher login Lotte, with two requests.
    ib = b.titled(words.INTERN_SUPERVISOR_TITLE)
    b.open(c.CARE_COORDINATORS, lotte, cast.launch)
    staff = b.titled("Stafmedewerker passend onderwijs", "Hoofd Onderwijs en Kwaliteit")
    b.invite("care_coordinators", lotte, [*ib, *staff], b.after(b.opened["care_coordinators"], 2))
    for p in b.sample(cast.class_teachers, 2, exclude=b.members["care_coordinators"]):
        b.request(
            "care_coordinators", p, b.after(max(_week(24), p.activated_at or cast.launch), 21),
            "Ik word volgend schooljaar intern begeleider op onze school. Mag ik alvast meelezen?",
        )  # fmt: skip

    b.open(c.GIFTED, b.pick_owner(cast.class_teachers), cast.launch)
    b.join("gifted", [lotte, *b.sample(ib, 4)])
    b.join("gifted", b.sample(cast.class_teachers, b.jitter(24), exclude=b.members["gifted"]))

    b.open(c.LANGUAGE, b.pick_owner(cast.class_teachers, prefer_wave_1=False), cast.launch)
    b.join("language", [fatima, lotte])
    b.join("language", b.sample(cast.teachers, b.jitter(45), exclude=b.members["language"]), 42)

    # Daan is invited into the maths community in June and has not answered yet.
    maths_owner = b.pick_owner(cast.class_teachers, prefer_wave_1=False)
    b.open(c.MATHS, maths_owner, cast.launch + timedelta(days=3))
    b.join("maths", b.sample(cast.teachers, b.jitter(35), exclude={maths_owner.index}), 42)
    b.invite("maths", maths_owner, [daan], _week(30, 1), accepted=False)

    lower, upper = b.class_teachers("1-2", "3", "4"), b.class_teachers("5", "6", "7", "8")
    b.open(c.LOWER_SCHOOL, b.pick_owner(b.class_teachers("3", "4")), _week(13))
    b.join("lower_school", b.sample(lower, round(0.5 * len(lower))), days=42)
    b.open(c.UPPER_SCHOOL, b.pick_owner(b.class_teachers("8")), _week(13))
    b.join("upper_school", [fatima, daan])
    b.join("upper_school", b.sample(upper, round(0.5 * len(upper))), days=42)


def _by_job(b: _Builder, cast: _Cast) -> None:
    """Colleagues who do the same job at different schools, and the office's own groups."""
    c = communities
    caretakers = b.titled(words.SUPPORT_CARETAKER)
    safety_owner = b.pick_owner(caretakers, prefer_wave_1=False)
    b.open(c.SAFETY, safety_owner, _week(14))
    keepers = {p.index for p in caretakers}
    bhv = b.sample(
        cast.at_schools, b.jitter(20), weight=lambda p: 3.0 if p.index in keepers else 1.0
    )
    b.invite("safety", safety_owner, bhv, b.after(b.opened["safety"], 5))
    b.request(
        "safety", cast.fatima, _week(31, 1),
        "Ik heb in juni mijn BHV-diploma gehaald. Mag ik erbij?",
    )  # fmt: skip

    assistants = b.titled(words.TEACHING_ASSISTANT_TITLE)
    b.open(c.ASSISTANTS, b.pick_owner(assistants, prefer_wave_1=False), _week(14))
    b.join("assistants", b.sample(assistants, round(0.6 * len(assistants))), days=35)

    b.open(c.CARETAKERS, b.pick_owner(caretakers, prefer_wave_1=False), _week(15))
    b.join("caretakers", b.sample(caretakers, round(0.7 * len(caretakers))), days=35)

    admins = b.titled(words.SUPPORT_ADMINISTRATION, "Financieel medewerker")
    b.open(c.ADMINISTRATION, b.pick_owner(b.titled("Financieel adviseur") or admins), _week(14))
    b.join("administration", b.sample(admins, round(0.7 * len(admins))), days=35)

    hr = b.titled("Medewerker personeelszaken", "HR-adviseur") or [cast.roos]
    b.open(c.CARE, hr[0], _week(1, 2))
    b.join("care", [cast.roos, cast.daan])
    b.join("care", b.sample(cast.everyone, b.jitter(110), exclude=b.members["care"]), days=42)
    b.open(c.NEWCOMERS, hr[-1], _week(13, 2))
    b.join("newcomers", [cast.roos, *b.sample(cast.everyone, b.jitter(18))])
    b.open(c.WELLBEING, hr[min(1, len(hr) - 1)], _week(18))
    b.join("wellbeing", b.sample(cast.everyone, b.jitter(35)), days=35)

    plan_owner = b.titled("Hoofd Onderwijs en Kwaliteit")[0]
    b.open(c.SCHOOL_PLAN, plan_owner, _week(17))
    project = [
        cast.marieke,
        *b.titled("Beleidsmedewerker onderwijs", "Kwaliteitsmedewerker"),
        *b.sample(b.titled(words.DIRECTOR_TITLE), 2),
        *b.sample(cast.class_teachers, 4),
    ]
    b.invite("school_plan", plan_owner, project, b.after(b.opened["school_plan"], 3))


def _by_interest(b: _Builder, cast: _Cast) -> None:
    """Communities of interest: sustainability, sport, culture, recipes."""
    c, everyone = communities, cast.everyone
    b.open(c.SUSTAINABILITY, b.pick_owner(cast.class_teachers, prefer_wave_1=False), _week(15))
    b.join("sustainability", b.sample(everyone, b.jitter(22)))

    pe = b.titled(words.PE_TEACHER_TITLE)
    b.open(c.SPORT, b.pick_owner(pe or cast.class_teachers, prefer_wave_1=False), _week(13))
    b.join("sport", [cast.daan, *pe])
    b.join("sport", b.sample(everyone, b.jitter(30), exclude=b.members["sport"]), days=35)

    b.open(c.CULTURE, b.pick_owner(cast.class_teachers), _week(16))
    keen = b.sample(everyone, b.jitter(25), weight=lambda p: 2.0 if p.is_teacher else 0.3)
    b.join("culture", keen)

    b.open(c.RECIPES, b.pick_owner(everyone, prefer_wave_1=False), _week(20))
    b.join("recipes", b.sample(everyone, b.jitter(25)), days=42)


def _guests_accept(b: _Builder) -> None:
    """The parents accept their invitation within a few days (the demo guest sets its password)."""
    space = b.spaces["parents"]
    guests = User.objects.filter(role=User.Role.GUEST, space_memberships__space=space).order_by(
        "email"
    )
    for guest in guests:
        invitation = Invitation.objects.filter(user=guest).order_by("-pk").first()
        assert invitation is not None
        b.ctx.pin(invitation.created_at + timedelta(days=1 + guest.pk % 3, hours=5))
        if guest.email == GUEST.email:
            password = DEMO_PASSWORD
        else:  # nobody needs to know it: only the demo logins have a known password
            password = "".join(b.rng.choices(string.ascii_letters + string.digits, k=32))
        invitation_accept(token=invitation_token(invitation), password=password)


def _mark_mail_sent() -> None:
    """The invitation and decision e-mails went out when they happened, months ago.

    Marked here (as build_invitations_sent does for the rollout) so a freshly started demo's
    worker does not mail everyone about invitations from the past.
    """
    Membership.objects.filter(notified_at__isnull=True).update(
        notified_at=Coalesce(F("decided_at"), F("created_at"))
    )


def _truth(b: _Builder) -> None:
    ctx = b.ctx
    gmr = b.spaces["works_council"]
    gmr_members = Membership.objects.filter(space=gmr, state=Membership.State.ACTIVE)
    guests = b.spaces["parents"].memberships.filter(role=Membership.Role.GUEST)
    ctx.truth.update(
        {
            "news_space_id": news_space().pk,
            "group2_space_id": b.spaces["group_2"].pk,
            "staff_association_space_id": b.spaces["staff_association"].pk,
            "ambassadors_space_id": b.spaces["ambassadors"].pk,
            "beachhead_space_id": gmr.pk,
            "secret_space_id": b.spaces["directors"].pk,
            "guest_space_id": b.spaces["parents"].pk,
            "guest_user_ids": sorted(user_ref(ctx, m.user) for m in guests.select_related("user")),
            "beachhead": {
                "space_id": gmr.pk,
                "name": gmr.name,
                "size": gmr_members.count(),
                "member_ids": sorted(
                    user_ref(ctx, m.user) for m in gmr_members.select_related("user")
                ),
            },
            "community_count": Space.objects.filter(kind=Space.Kind.COMMUNITY).count(),
        }
    )
