"""Generate a large organisation for the benchmarks, once, deterministically.

One generator function per kind of data, run in the order of `KINDS`. Each reads what it depends on
from the database (not from the previous generator's return value), so a kind added later can be
generated on top of an existing bench database. A marker table records, per kind, the size and seed
it was generated with:

- every kind already there at the requested size and seed: nothing to do;
- only kinds at the end of `KINDS` missing (a generator was added): those are generated;
- anything else: the database is flushed and every kind is generated again.

Bulk writes on purpose (bulk_create, unusable passwords): the benchmarks need the data, not the
audit trail of creating it. The bench logins are the exception, with real passwords.

Run on its own: `python -m bench.generate` (with the bench environment; bench.run sets it up).
"""

from __future__ import annotations

import random
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import connection, transaction

DEFAULT_SEED = 42
DEFAULT_SIZES: dict[str, int] = {"units": 200, "users": 10_000, "spaces": 2_000}
EMAIL_DOMAIN = "bench.kring.example"
BENCH_MEMBER_EMAIL = f"member@{EMAIL_DOMAIN}"
BENCH_ADMIN_EMAIL = f"admin@{EMAIL_DOMAIN}"
BENCH_PASSWORD = "bench-password-not-secret"
MARKER_TABLE = "bench_dataset"
BATCH = 1000

FIRST_NAMES = (
    "Anna", "Bram", "Daan", "Emma", "Eva", "Fleur", "Floor", "Hanna", "Isa", "Jan", "Jesse",
    "Julia", "Kees", "Lars", "Lieke", "Lotte", "Lucas", "Maarten", "Mila", "Noah", "Noor", "Pieter",
    "Roos", "Ruben", "Sanne", "Sem", "Sophie", "Thijs", "Tess", "Tim", "Vera", "Wouter", "Yara",
    "Zoë", "Fatima", "Mohammed", "Aylin", "Emre", "Priya", "Chen",
)  # fmt: skip
PREFIXES = ("", "", "", "", "van ", "de ", "van der ", "van den ", "ter ")
LAST_NAMES = (
    "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters", "Hendriks",
    "Dekker", "Brouwer", "Dijkstra", "Kok", "Jacobs", "Vermeulen", "Willems", "Hoekstra", "Koster",
    "Prins", "Post", "Kuipers", "Veenstra", "Schouten", "Wijk", "Berg", "Leeuwen", "Dam", "Linden",
    "Heuvel", "Yilmaz", "El Amrani", "Kaya", "Boer", "Graaf",
)  # fmt: skip
DEPARTMENT_WORDS = (
    "Onderwijs", "Financiën", "Personeelszaken", "Huisvesting", "ICT", "Communicatie",
    "Kwaliteit", "Inkoop", "Juridische zaken", "Facilitair",
)  # fmt: skip
SCHOOL_WORDS = (
    "De Regenboog", "Het Kompas", "De Vlinder", "De Wilgen", "Het Palet", "De Horizon",
    "De Zonnewijzer", "Het Anker", "De Klimop", "De Sterrenwacht",
)  # fmt: skip
TEAM_WORDS = (
    "Groep 1-2", "Groep 3-4", "Groep 5-6", "Groep 7-8", "Zorg", "Ondersteuning", "Beleid",
    "Administratie", "Planning", "Projecten", "Service", "Analyse",
)  # fmt: skip
JOB_TITLES = (
    "Leerkracht", "Onderwijsassistent", "Intern begeleider", "Directeur", "Adviseur",
    "Medewerker administratie", "Beleidsmedewerker", "Teamleider", "Conciërge", "ICT-coördinator",
)  # fmt: skip
CITIES = ("Utrecht", "Amersfoort", "Zeist", "Houten", "Nieuwegein", "Veenendaal")

# Role and status mix of a large organisation (weights, not exact counts).
ROLE_WEIGHTS = {
    "member": 950, "guest": 30, "comms_editor": 10, "community_manager": 5, "admin": 5,
}  # fmt: skip
STATUS_WEIGHTS = {"active": 85, "invited": 10, "deactivated": 5}


@dataclass(frozen=True)
class Kind:
    name: str
    generate: Callable[[random.Random, int], None]
    # Bump when the generator changes what it makes, so existing bench databases are regenerated.
    version: int = 1


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _batches(items: list[Any], size: int = BATCH) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def generate_units(rng: random.Random, count: int) -> None:
    """A tree: one root, about 20 departments and schools under it, the rest teams under those."""
    from kring.accounts.models import Organisation
    from kring.org.models import OrgUnit

    Organisation.objects.get_or_create(defaults={"name": "Kring Bench"})
    middle = max(1, min(20, count // 10))
    teams = max(0, count - 1 - middle)
    children: list[dict[str, Any]] = []
    for i in range(middle):
        is_school = i % 2 == 0
        words = SCHOOL_WORDS if is_school else DEPARTMENT_WORDS
        name = f"{words[(i // 2) % len(words)]} {i + 1}"
        children.append(
            {
                "data": {
                    "name": name,
                    "kind": "school" if is_school else "department",
                    "location": rng.choice(CITIES),
                },
                "children": [],
            }
        )
    for t in range(teams):
        parent = children[t % middle]
        n = len(parent["children"]) + 1
        parent["children"].append(
            {"data": {"name": f"{TEAM_WORDS[t % len(TEAM_WORDS)]} {n}", "kind": "team"}}
        )
    tree = [{"data": {"name": "Kring Bench", "kind": "organisation"}, "children": children}]
    OrgUnit.load_bulk(tree)


def random_name(rng: random.Random) -> tuple[str, str]:
    first = rng.choice(FIRST_NAMES)
    last = rng.choice(PREFIXES) + rng.choice(LAST_NAMES)
    return first, last


def email_for(first: str, last: str, serial: int, domain: str = EMAIL_DOMAIN) -> str:
    """An ASCII address (Django's e-mail validator takes no accents): zoe.vanderberg.12@…"""
    local = unicodedata.normalize("NFKD", f"{first}.{last}").encode("ascii", "ignore").decode()
    return f"{local.lower().replace(' ', '')}.{serial}@{domain}"


def generate_users(rng: random.Random, count: int) -> None:
    """People in every unit: one manager per unit first, then everyone else reporting to them."""
    from kring.accounts.models import RolloutWave, UnitAssignment, User
    from kring.common import clock
    from kring.org.models import OrgUnit

    now = clock.now()
    enthusiasts, _ = RolloutWave.objects.get_or_create(
        name="Enthusiasts", defaults={"starts_at": now - timedelta(days=240)}
    )
    everyone, _ = RolloutWave.objects.get_or_create(
        name="Everyone", defaults={"starts_at": now - timedelta(days=60)}
    )
    units = list(OrgUnit.objects.order_by("path"))
    # People work in teams mostly; the root and the middle layer get a few each.
    weights = [1 if u.depth < 3 else 12 for u in units]
    unusable = make_password(None)
    serial = 0

    def person(unit: OrgUnit, manager_id: int | None, **overrides: Any) -> User:
        nonlocal serial
        serial += 1
        first, last = random_name(rng)
        status = overrides.pop("status", None) or _weighted(rng, STATUS_WEIGHTS)
        fields: dict[str, Any] = {
            "email": email_for(first, last, serial),
            "display_name": f"{first} {last}",
            "job_title": rng.choice(JOB_TITLES),
            "primary_unit_id": unit.pk,
            "line_manager_id": manager_id,
            "language": "nl" if rng.random() < 0.9 else "en",
            "role": _weighted(rng, ROLE_WEIGHTS),
            "status": status,
            "wave_id": enthusiasts.pk if rng.random() < 0.1 else everyone.pk,
            "source": "import",
            "password": unusable,
            "is_active": status != "deactivated",
            "date_joined": now - timedelta(days=rng.randint(30, 3000)),
            "activated_at": now - timedelta(days=rng.randint(1, 200))
            if status != "invited"
            else None,
            "deactivated_at": now - timedelta(days=rng.randint(1, 30))
            if status == "deactivated"
            else None,
        }
        fields.update(overrides)
        if fields["role"] == "admin":
            fields["is_staff"] = True
        return User(**fields)

    # Managers: one per unit, active members, so every unit has a manager and a line of reports.
    managers = [
        person(unit, None, status="active", role="member", job_title="Teamleider")
        for unit in units[: min(len(units), count)]
    ]
    User.objects.bulk_create(managers, batch_size=BATCH)
    manager_of = {m.primary_unit_id: m.pk for m in managers}
    for unit in units:
        if unit.pk in manager_of:
            unit.manager_id = manager_of[unit.pk]
    OrgUnit.objects.bulk_update(units, ["manager"], batch_size=BATCH)

    # The bench logins: a member in a team and an administrator at the root, real passwords.
    password = make_password(BENCH_PASSWORD)
    team = next((u for u in units if u.depth == 3), units[0])
    bench_people = [
        person(team, manager_of.get(team.pk), status="active", role="member", password=password,
               email=BENCH_MEMBER_EMAIL, display_name="Bench Member", language="nl"),
        person(units[0], None, status="active", role="admin", password=password,
               email=BENCH_ADMIN_EMAIL, display_name="Bench Admin", language="nl"),
    ]  # fmt: skip
    User.objects.bulk_create(bench_people)

    rest = []
    for _i in range(max(0, count - len(managers) - len(bench_people))):
        unit = rng.choices(units, weights=weights)[0]
        rest.append(person(unit, manager_of.get(unit.pk)))
    for batch in _batches(rest):
        User.objects.bulk_create(batch)

    everybody = [*managers, *bench_people, *rest]
    UnitAssignment.objects.bulk_create(
        [
            UnitAssignment(user_id=u.pk, unit_id=u.primary_unit_id, started_at=u.date_joined)
            for u in everybody
            if u.primary_unit_id is not None
        ],
        batch_size=BATCH,
    )
    # A few people also work in a second unit.
    extra = User.extra_units.through
    extra.objects.bulk_create(
        [
            extra(user_id=u.pk, orgunit_id=rng.choice(units).pk)
            for u in everybody
            if rng.random() < 0.05
        ],
        batch_size=BATCH,
        ignore_conflicts=True,
    )


SPACE_TOPICS = (
    "Rekenen", "Taal", "Lezen", "ICT", "Sport", "Cultuur", "Duurzaamheid", "Hoogbegaafdheid",
    "Onderbouw", "Bovenbouw", "BHV", "Vitaliteit", "Muziek", "Techniek", "Burgerschap",
    "Wereldoriëntatie", "Passend onderwijs", "Ouders", "Stagiairs", "Schoolplein", "Excursies",
    "Leesbevordering", "Medezeggenschap", "Personeelsvereniging", "Recepten", "Fotografie",
)  # fmt: skip
SPACE_SUFFIXES = ("werkgroep", "netwerk", "team", "kring", "community", "overleg", "club")
SPACE_TAGS = tuple(sorted({t.lower() for t in SPACE_TOPICS} | {"project", "regio", "kennis"}))
BIG_SPACE_NAME = "Iedereen: vragen en antwoorden"
# People the `space_join` scenario lets join and leave the big space: never its members.
JOINERS = 20
ACCESS_WEIGHTS = {"open": 65, "request": 25, "secret": 10}


def _joiner_ids() -> list[int]:
    """Active members outside the big space, for the join scenario (not the bench member)."""
    from kring.accounts.models import User

    return list(
        User.objects.filter(status="active", is_active=True, role="member")
        .exclude(email__in=[BENCH_MEMBER_EMAIL, BENCH_ADMIN_EMAIL])
        .order_by("-pk")
        .values_list("pk", flat=True)[:JOINERS]
    )


def generate_spaces(rng: random.Random, count: int) -> None:
    """The news space and a space per unit (through the structure service, as at launch), then
    communities up to `count` spaces: mostly small, a few hundred members at most, and one open
    community that holds everyone but the join scenario's people.

    Members of a community come mostly from one part of the tree (colleagues join the same
    groups), the rest from anywhere. Bulk inserts; member counters recounted at the end.
    """
    from django.utils.text import slugify

    from kring.accounts.models import User
    from kring.common import clock
    from kring.org.models import OrgUnit
    from kring.spaces.models import Membership, Space, SpaceTag
    from kring.spaces.services.counts import member_count_refresh
    from kring.spaces.services.structure import structure_ensure

    structure_ensure()  # the news space and 199 unit spaces, everyone placed
    now = clock.now()
    structural = Space.objects.count()
    communities = max(0, count - structural)
    step = OrgUnit.steplen
    people = list(
        User.objects.order_by("pk").values_list("pk", "role", "status", "primary_unit__path")
    )
    staff = [(pk, path or "") for pk, role, status, path in people if role != "guest"]
    guests = [pk for pk, role, _status, _path in people if role == "guest"]
    by_branch: dict[str, list[int]] = {}
    for pk, path in staff:
        by_branch.setdefault(path[: 2 * step], []).append(pk)
    branches = sorted(b for b in by_branch if len(b) == 2 * step)
    everyone = [pk for pk, _path in staff]
    member = User.objects.get(email=BENCH_MEMBER_EMAIL)
    joiners = set(_joiner_ids())

    tags = SpaceTag.objects.bulk_create(
        [SpaceTag(name=name, slug=slugify(name)) for name in SPACE_TAGS]
    )
    spaces: list[Space] = []
    for i in range(communities):
        big = i == 0
        topic = rng.choice(SPACE_TOPICS)
        name = BIG_SPACE_NAME if big else f"{topic} {rng.choice(SPACE_SUFFIXES)} {i}"
        created = now - timedelta(days=rng.randint(1, 700))
        roll = rng.random()
        spaces.append(
            Space(
                kind="community",
                access="open" if big else _weighted(rng, ACCESS_WEIGHTS),
                name=name,
                slug=f"{slugify(name)}-{i}",
                description=f"Een community over {topic.lower()} voor collega's van alle scholen.",
                icon=rng.choice(Space.Icon.values),
                created_at=created,
                last_activity_at=created + (now - created) * rng.random(),
                archived_at=now - timedelta(days=rng.randint(1, 90)) if roll > 0.96 else None,
                deleted_at=now - timedelta(days=rng.randint(1, 60)) if roll > 0.99 else None,
            )
        )
    Space.objects.bulk_create(spaces, batch_size=BATCH)
    through = Space.tags.through
    through.objects.bulk_create(
        [
            through(space_id=space.pk, spacetag_id=tag.pk)
            for space in spaces
            for tag in rng.sample(tags, rng.randint(0, 3))
        ],
        batch_size=5 * BATCH,
    )

    rows: list[Membership] = []

    def add(space: Space, user_id: int, role: str = "member", state: str = "active") -> None:
        joined = space.created_at if state == "active" else None
        rows.append(
            Membership(
                space_id=space.pk, user_id=user_id, role=role, state=state,
                created_at=space.created_at, joined_at=joined,
            )
        )  # fmt: skip

    mine = set(rng.sample(range(1, len(spaces)), min(12, len(spaces) - 1)))
    for i, space in enumerate(spaces):
        if i == 0:
            chosen = [pk for pk in everyone if pk not in joiners]
        else:
            # Sizes from 5 to 500, most of them small (log-uniform, skewed to the low end).
            size = round(5 * 100 ** (rng.random() ** 2))
            home = by_branch[rng.choice(branches)] if branches else everyone
            local = rng.sample(home, min(len(home), round(size * 0.6)))
            chosen = list(dict.fromkeys(local + rng.sample(everyone, size - len(local))))
            if i in mine and member.pk not in chosen:
                chosen.append(member.pk)
        for n, user_id in enumerate(chosen):
            if n == 0:
                add(space, user_id, "owner")
            elif n <= 2 or rng.random() < 0.03:
                add(space, user_id, "manager" if n <= 2 else "moderator")
            elif space.access == "request" and rng.random() < 0.05 and user_id != member.pk:
                add(space, user_id, state="requested")
            elif space.access == "secret" and rng.random() < 0.05 and user_id != member.pk:
                add(space, user_id, state="invited")
            else:
                add(space, user_id)
        if guests and rng.random() < 0.03:
            for guest in rng.sample(guests, rng.randint(1, 3)):
                add(space, guest, "guest")
        if len(rows) >= 20 * BATCH:
            Membership.objects.bulk_create(rows, batch_size=5 * BATCH)
            rows.clear()
    Membership.objects.bulk_create(rows, batch_size=5 * BATCH)
    member_count_refresh(Space.objects.values_list("pk", flat=True))


# Later issues append their kinds here (posts, …), each after the kinds it reads.
KINDS: tuple[Kind, ...] = (
    Kind("units", generate_units, version=2),
    Kind("users", generate_users, version=2),
    Kind("spaces", generate_spaces),
)


def _ensure_marker_table() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} ("
            " kind varchar(64) PRIMARY KEY, size integer NOT NULL, seed integer NOT NULL,"
            " version integer NOT NULL DEFAULT 1,"
            " generated_at timestamp with time zone NOT NULL DEFAULT now(),"
            " seconds double precision NOT NULL DEFAULT 0)"
        )


def generated() -> dict[str, tuple[int, int, int]]:
    """What the bench database holds: kind → (size, seed, generator version)."""
    _ensure_marker_table()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT kind, size, seed, version FROM {MARKER_TABLE}")
        return {kind: (size, seed, version) for kind, size, seed, version in cursor.fetchall()}


def _mark(kind: Kind, size: int, seed: int, seconds: float) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {MARKER_TABLE} (kind, size, seed, version, seconds)"
            " VALUES (%s, %s, %s, %s, %s)"
            " ON CONFLICT (kind) DO UPDATE SET size = EXCLUDED.size, seed = EXCLUDED.seed,"
            " version = EXCLUDED.version, seconds = EXCLUDED.seconds, generated_at = now()",
            [kind.name, size, seed, kind.version, seconds],
        )


def _plan(wanted: dict[str, int], seed: int) -> tuple[bool, list[Kind]]:
    """(flush first?, kinds to generate) to get from what is there to what is wanted."""
    have = generated()
    todo = [k for k in KINDS if have.get(k.name) != (wanted[k.name], seed, k.version)]
    if not todo:
        return False, []
    first = KINDS.index(todo[0])
    # Kinds appended to KINDS since the data was generated build on what is there; anything else
    # (a changed size, seed or generator, or no marker at all) starts from an empty database.
    only_new_at_end = first > 0 and all(k.name not in have for k in KINDS[first:])
    if only_new_at_end:
        return False, list(KINDS[first:])
    return True, list(KINDS)


def ensure_data(
    sizes: dict[str, int] | None = None,
    seed: int = DEFAULT_SEED,
    log: Callable[[str], None] = print,
) -> dict[str, int]:
    """Generate what is missing; returns the sizes the bench database now holds."""
    wanted = {**DEFAULT_SIZES, **(sizes or {})}
    flush, todo = _plan(wanted, seed)
    if flush:
        log("bench data: sizes or seed changed, flushing the bench database")
        call_command("flush", interactive=False, verbosity=0)
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {MARKER_TABLE}")
    # One transaction: a generator that fails leaves no half-generated kinds behind.
    with transaction.atomic():
        for kind in todo:
            started = time.perf_counter()
            kind.generate(random.Random(f"{seed}:{kind.name}"), wanted[kind.name])
            seconds = time.perf_counter() - started
            _mark(kind, wanted[kind.name], seed, seconds)
            log(f"bench data: generated {wanted[kind.name]} {kind.name} in {seconds:.1f} s")
    if not todo:
        log("bench data: reusing " + ", ".join(f"{wanted[k.name]} {k.name}" for k in KINDS))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {k.name: wanted[k.name] for k in KINDS}


def data_size() -> dict[str, int]:
    """What the pages are measured against: counted, not taken from the marker."""
    from kring.accounts.models import ActivityEvent, User
    from kring.org.models import OrgUnit
    from kring.spaces.models import Membership, Space

    return {
        "users": User.objects.count(),
        "active_users": User.objects.filter(status="active").count(),
        "units": OrgUnit.objects.count(),
        "activity_events": ActivityEvent.objects.count(),
        "spaces": Space.objects.count(),
        "memberships": Membership.objects.count(),
    }


if __name__ == "__main__":
    from bench.run import prepare

    prepare()
