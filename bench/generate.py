"""Generate a large organisation for the benchmarks, once, deterministically.

One generator function per kind of data, run in the order of `KINDS`. Each reads what it depends on
from the database (not from the previous generator's return value), so a kind added later can be
generated on top of an existing bench database. A marker table records, per kind, the size and seed
it was generated with:

- every kind already there at the requested size and seed: nothing to do;
- only kinds at the end of `KINDS` missing (a generator was added): those are generated;
- anything else: the database is flushed and every kind is generated again.

Bulk writes on purpose (bulk_create or COPY, unusable passwords): the benchmarks need the data, not
the audit trail of creating it. The bench logins are the exception, with real passwords.

Run on its own: `python -m bench.generate` (with the bench environment; bench.run sets it up).
"""

from __future__ import annotations

import html
import itertools
import random
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.db import connection, transaction

DEFAULT_SEED = 42
DEFAULT_SIZES: dict[str, int] = {
    "units": 200,
    "users": 10_000,
    "spaces": 2_000,
    "content": 1_000_000,  # posts; with five reactions and three comments per post
}
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


# -- content: posts, comments and reactions (issue 9) ----------------------------------------------

CONTENT_DAYS = 365
REACTIONS_PER_POST = 5
COMMENTS_PER_POST = 3
NEWS_SHARE = 0.03  # news: in the news space, written by the communications team
# Outside the news space, per 1,000 posts; the rest are plain posts.
KIND_PER_MILLE = {"question": 100, "blog": 10, "poll": 10}
ZIPF_EXPONENT = 1.0  # the busiest space gets about 7 % of the posts, the quietest a few dozen
REPLY_CHANCE = 0.28  # once a post has a comment: about 20 % of all comments are replies
DELETED_POST_PER_MILLE = 3
HIDDEN_POST_PER_MILLE = 0.5
DELETED_COMMENT_SHARE = 0.01
ACCEPTED_ANSWER_SHARE = 0.4
BLOGGERS_PER_SPACE = 3
PINNED_NEWS_DAYS = 10  # news of the last days is sometimes pinned, for a week or two
PINNED_NEWS_CHANCE = 0.01
SPOTLIGHT_DAYS = 90  # the community managers put a good example in the spotlight now and then:
SPOTLIGHT_CHANCE = 0.00005  # about 20 posts of the last three months
IMPORTANT_NEWS_EVERY_S = 30 * 86_400  # the first news of every 30 days asks for confirmations
COMMENT_SPAN_S = 14 * 86_400  # comments and reactions come mostly in the first hours
CONTENT_CHUNK = 20_000  # posts per round of COPY statements
NULL = r"\N"
# The tables the content kind fills and every table that references them: truncated together so
# the rows go in with COPY FREEZE (visible to all at once: no VACUUM, index-only scans at once).
# A new table referencing one of these makes the TRUNCATE fail loudly: add it here.
CONTENT_TABLES = (
    "content_post", "content_blog", "content_poll", "content_polloption", "content_pollvote",
    "content_readconfirmation", "content_attachment", "content_postrevision",
    "engagement_comment", "engagement_reaction",
)  # fmt: skip
# Built after the load rather than row by row.
CONTENT_BIG_TABLES = ("content_post", "engagement_comment", "engagement_reaction")
COLUMNS: dict[str, tuple[str, ...]] = {
    "content_blog": ("id", "space_id", "owner_id", "title", "description", "created_at"),
    "content_post": (
        "id", "kind", "space_id", "author_id", "blog_id", "title", "lead", "body", "body_html",
        "cover", "cover_alt", "link_url", "link_preview", "state", "published_at", "created_at",
        "pinned_until", "important", "accepted_answer_id", "deleted_at", "deleted_by_id",
        "hidden_at", "hidden_by_id", "hidden_reason", "comment_count", "reaction_count",
        "last_activity_at", "spotlight_at",
    ),
    "content_poll": ("id", "post_id", "multiple", "closes_at", "results", "voter_count"),
    "content_polloption": ("id", "poll_id", "label", "position", "vote_count"),
    "content_pollvote": ("id", "poll_id", "option_id", "user_id", "created_at"),
    "content_readconfirmation": ("id", "post_id", "user_id", "confirmed_at"),
    "engagement_comment": (
        "id", "target_type", "target_id", "body", "body_html", "created_at", "deleted_at",
        "hidden_reason", "reaction_count", "author_id", "parent_id",
    ),
    "engagement_reaction": ("id", "target_type", "target_id", "kind", "created_at", "user_id"),
}  # fmt: skip
# Weighted: one draw from the tuple.
REACTION_KINDS = (
    ("like",) * 60 + ("thanks",) * 15 + ("celebrate",) * 10 + ("insightful",) * 8
    + ("support",) * 7
)  # fmt: skip

POST_SENTENCES = (
    "Vandaag hebben we met groep 5 een proefje gedaan met water en zout.",
    "De nieuwe rekenmethode bevalt ons tot nu toe heel goed.",
    "Herinnering: de inschrijving voor de BHV-herhaling sluit vrijdag.",
    "Mooi om te zien hoeveel ouders er naar de informatieavond kwamen.",
    "We zoeken nog twee collega's voor de werkgroep duurzaamheid.",
    "De presentatie van gisteren staat in de gedeelde map van het team.",
    "Dank aan iedereen die heeft meegeholpen met de sportdag!",
    "Het schoolplein wordt in de meivakantie opnieuw ingericht.",
    "Onze leerlingen hebben een prachtige tentoonstelling gemaakt over de Romeinen.",
    "Let op: de printer op de eerste verdieping is tijdelijk buiten gebruik.",
    "Volgende week starten we met het project rond leesbevordering.",
    "De agenda voor het overleg van donderdag staat online.",
    "Ik deel graag de tips die we kregen tijdens de training over feedback geven.",
    "Wat een energie tijdens de teamdag, tot de volgende keer!",
    "De nieuwe collega's zijn deze week van harte welkom geheten.",
    "Zullen we de evaluatie van het schooljaar samen voorbereiden?",
    "De koffieautomaat in de personeelskamer doet het weer.",
    "We hebben subsidie gekregen voor het techniekproject in de bovenbouw.",
    "Groep 8 oefent al volop voor de musical.",
    "Vanaf maandag gelden er nieuwe tijden voor het halen en brengen.",
    "Wie wil er meedenken over de inrichting van het nieuwe leerplein?",
    "De uitslag van het tevredenheidsonderzoek is binnen en ziet er goed uit.",
    "Tijdens de studiedag gaan we aan de slag met formatief evalueren.",
    "Er ligt een stapel boeken voor de schoolbibliotheek klaar bij de administratie.",
    "Het rooster voor de oudergesprekken wordt deze week verstuurd.",
    "We hebben goede ervaringen met het werken in kleine groepjes bij begrijpend lezen.",
    "Denk aan het invullen van de urenregistratie voor het einde van de maand.",
    "De excursie naar het museum was een groot succes.",
)  # fmt: skip
QUESTION_TITLES = (
    "Wie heeft er ervaring met het nieuwe leerlingvolgsysteem?",
    "Hoe regelen jullie de pauzes bij slecht weer?",
    "Heeft iemand een goed voorbeeld van een weektaak voor groep 6?",
    "Waar vind ik het formulier voor de vervangingsaanvraag?",
    "Welke app gebruiken jullie voor contact met ouders?",
    "Hoe gaan jullie om met mobiele telefoons in de klas?",
    "Wie weet wanneer de nieuwe laptops geleverd worden?",
    "Tips voor een rustige start van de dag?",
)  # fmt: skip
NEWS_TITLES = (
    "Nieuwe cao: wat verandert er voor jou?",
    "Studiedag voor alle scholen op 14 maart",
    "Welkom aan onze nieuwe bestuurder",
    "Resultaten medewerkersonderzoek",
    "Vernieuwde regeling voor thuiswerken",
    "Zomerrooster van het servicebureau",
    "Vacatures binnen de stichting",
    "Jubilarissen in het zonnetje gezet",
)  # fmt: skip
NEWS_LEADS = (
    "Een kort overzicht van de belangrijkste veranderingen.",
    "Alles wat je moet weten, op een rij.",
    "Lees hier wat dit voor jouw school of afdeling betekent.",
)  # fmt: skip
BLOG_TITLES = (
    "Uit de klas", "Notities van de intern begeleider", "Week in beeld", "Leren en leven",
    "Gedachten op maandag", "Achter de schermen",
)  # fmt: skip
POLLS = (
    ("Welke dag past het best voor de teamuitje?", ("Maandag", "Woensdag", "Vrijdag")),
    ("Hoe vaak wil je de nieuwsbrief ontvangen?", ("Elke week", "Elke twee weken", "Elke maand")),
    ("Waar gaan we lunchen na de studiedag?", ("Op school", "In het dorp", "Geen voorkeur")),
    ("Welk onderwerp kiezen we voor de volgende training?", (
        "Gedrag in de klas", "Digitale geletterdheid", "Samenwerken met ouders", "Rekenen",
    )),
)  # fmt: skip
COMMENT_SENTENCES = (
    "Goed idee!", "Dank je wel voor het delen.", "Ik doe graag mee.",
    "Bij ons op school werkt dat ook zo.", "Kun je de link nog eens sturen?",
    "Mooi gedaan, complimenten aan het hele team.", "Wij hebben daar goede ervaringen mee.",
    "Ik stuur je een berichtje met meer informatie.", "Helemaal mee eens.",
    "Wanneer is de volgende bijeenkomst?", "Wat leuk om te lezen!",
    "Misschien kunnen we dit in het volgende overleg bespreken.",
    "Bij ons staat het formulier op de gedeelde schijf.", "Top, dank je!",
)  # fmt: skip
HIDDEN_REASON = "Past niet bij de richtlijnen van deze ruimte."


class _Clock:
    """Seconds since the start of the content window, written as PostgreSQL timestamps (fast:
    millions of them, so no datetime objects). Moments are drawn as ages (seconds before now) in
    windows of whole days, so the same seed gives the same data whatever the time of day."""

    def __init__(self, now: datetime, days: int) -> None:
        now = now.astimezone(UTC)
        self.origin = (now - timedelta(days=days + 1)).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
        self.now = self.seconds(now)
        self._now = now
        self._days = [
            (self.origin + timedelta(days=d)).strftime("%Y-%m-%d ") for d in range(days + 60)
        ]
        self._times = [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}+00" for s in range(86_400)]

    def seconds(self, moment: datetime) -> int:
        return int((moment - self.origin).total_seconds())

    def stamp(self, t: int) -> str:
        day, second = divmod(t, 86_400)
        return self._days[day] + self._times[second]

    def days_ago(self, moment: datetime) -> int:
        return (self._now - moment).days


@dataclass
class _ContentSpace:
    pk: int
    is_news: bool
    readers: list[int]  # active employees who are members: they comment, react and vote
    writers: list[int]  # who posts: the readers, or the news editors among them
    oldest: int  # posts are between these ages (seconds before now, whole days)
    newest: int


@dataclass
class _Texts:
    """Bodies made once, drawn per row: (text, html)."""

    short: list[tuple[str, str]]
    long: list[tuple[str, str]]
    comments: list[tuple[str, str]]


def _paragraph(text: str) -> tuple[str, str]:
    return text, f"<p>{html.escape(text)}</p>"


def _texts(rng: random.Random) -> _Texts:
    def some(sentences: tuple[str, ...], low: int, high: int, n: int) -> list[tuple[str, str]]:
        return [
            _paragraph(" ".join(rng.sample(sentences, rng.randint(low, high)))) for _ in range(n)
        ]

    return _Texts(
        short=some(POST_SENTENCES, 1, 3, 2048),
        long=some(POST_SENTENCES, 3, 6, 512),
        comments=some(COMMENT_SENTENCES, 1, 2, 512),
    )


def _content_spaces(clock: _Clock) -> list[_ContentSpace]:
    """Every space with someone to write in it, with its readers and the window of its posts."""
    from kring.accounts.models import User
    from kring.spaces.models import Membership, Space

    readers: dict[int, list[int]] = {}
    members = (
        Membership.objects.filter(state="active", user__status="active")
        .exclude(user__role="guest")
        .order_by("space_id", "user_id")
        .values_list("space_id", "user_id")
    )
    for space_id, user_id in members:
        readers.setdefault(space_id, []).append(user_id)
    editors = set(
        User.objects.filter(status="active", role__in=["comms_editor", "admin"]).values_list(
            "pk", flat=True
        )
    )
    spaces = []
    rows = Space.objects.order_by("pk").values_list(
        "pk", "kind", "created_at", "archived_at", "deleted_at"
    )
    for pk, kind, created, archived, deleted in rows:
        pool = readers.get(pk, [])
        is_news = kind == "news"
        writers = [u for u in pool if u in editors] if is_news else pool
        if not writers:
            continue
        # Structural spaces exist since launch; communities since they were made, until archived.
        made = clock.days_ago(created) if kind == "community" else CONTENT_DAYS
        newest = max([0] + [clock.days_ago(m) for m in (archived, deleted) if m])
        oldest = max(newest + 1, min(CONTENT_DAYS, made))
        spaces.append(_ContentSpace(pk, is_news, pool, writers, oldest * 86_400, newest * 86_400))
    return spaces


def _space_weights(rng: random.Random, spaces: list[_ContentSpace]) -> list[float]:
    """Zipf over the spaces outside the news space; bigger spaces tend to rank higher."""
    busyness = [len(s.readers) * rng.lognormvariate(0, 0.5) for s in spaces]
    order = sorted(range(len(spaces)), key=lambda i: -busyness[i])
    weights = [0.0] * len(spaces)
    for rank, i in enumerate(order, start=1):
        weights[i] = 0.0 if spaces[i].is_news else rank**-ZIPF_EXPONENT
    return weights


def _post_slots(
    rng: random.Random, clock: _Clock, spaces: list[_ContentSpace], count: int
) -> list[int]:
    """When and where each post goes, oldest first: `time * len(spaces) + space index`."""
    news = [i for i, s in enumerate(spaces) if s.is_news]
    news_count = round(count * NEWS_SHARE) if news else 0
    picks = rng.choices(
        range(len(spaces)),
        cum_weights=list(itertools.accumulate(_space_weights(rng, spaces))),
        k=count - news_count,
    )
    picks += news[:1] * news_count
    n = len(spaces)
    slots = []
    for i in picks:
        space = spaces[i]
        age = space.newest + int(rng.random() * (space.oldest - space.newest))
        slots.append((clock.now - age) * n + i)
    slots.sort()
    return slots


def _post_kind(rng: random.Random) -> str:
    roll = rng.randrange(1000)
    for kind, per_mille in KIND_PER_MILLE.items():
        if roll < per_mille:
            return kind
        roll -= per_mille
    return "post"


def _spread(
    rng: random.Random, weights: list[float], total: int, caps: list[int] | None = None
) -> list[int]:
    """`total` things over the slots in proportion to their weights, at most caps[i] in slot i."""
    if caps is not None and sum(caps) < total:
        raise ValueError(f"Not enough people to give {total} reactions")
    cum_weights = list(itertools.accumulate(weights))
    counts = [0] * len(weights)
    slots = range(len(weights))
    left = total
    while left:
        batch = min(left, 500_000)
        for i in rng.choices(slots, cum_weights=cum_weights, k=batch):
            counts[i] += 1
        left -= batch
    if caps is not None:
        overflow = 0
        for i, cap in enumerate(caps):
            if counts[i] > cap:
                overflow += counts[i] - cap
                counts[i] = cap
        while overflow:
            i = rng.randrange(len(counts))
            if counts[i] < caps[i]:
                counts[i] += 1
                overflow -= 1
    return counts


class _ContentWriter:
    """Rows as COPY text, table by table, written out a chunk of posts at a time.

    Ids are given here (from 1: the tables were just truncated), so comments can point at their
    parent and questions at their accepted answer before anything is in the database.
    """

    def __init__(self, rng: random.Random, clock: _Clock, texts: _Texts) -> None:
        self.rng, self.clock, self.texts = rng, clock, texts
        self.rows: dict[str, list[str]] = {table: [] for table in COLUMNS}
        self.last_id = dict.fromkeys(COLUMNS, 0)
        self.blogs: dict[tuple[int, int], int] = {}
        self.important: list[tuple[int, int]] = []  # (post id, published)
        self.news_period = -1

    def _next(self, table: str) -> int:
        self.last_id[table] += 1
        return self.last_id[table]

    def _row(self, table: str, *values: object) -> None:
        self.rows[table].append("\t".join(NULL if v is None else str(v) for v in values) + "\n")

    def post(self, t: int, space: _ContentSpace, kind: str, reactions: int, comments: int) -> None:
        rng, stamp = self.rng, self.clock.stamp
        post_id = self._next("content_post")
        author = rng.choice(space.writers[:BLOGGERS_PER_SPACE] if kind == "blog" else space.writers)
        visible_comments, last_comment, answers = self._comments(post_id, t, space, comments)
        self._reactions(post_id, t, space, reactions)
        title, lead, (body, body_html) = "", "", rng.choice(self.texts.short)
        blog_id = accepted = pinned_until = None
        important = False
        if kind == "question":
            title = rng.choice(QUESTION_TITLES)
            if answers and rng.random() < ACCEPTED_ANSWER_SHARE:
                accepted = rng.choice(answers)
        elif kind == "news":
            title, lead = rng.choice(NEWS_TITLES), rng.choice(NEWS_LEADS)
            body, body_html = rng.choice(self.texts.long)
            important = self._first_news_of_the_period(post_id, t)
            if self.clock.now - t < PINNED_NEWS_DAYS * 86_400 and rng.random() < PINNED_NEWS_CHANCE:
                pinned_until = stamp(self.clock.now + rng.randint(7, 14) * 86_400)
        elif kind == "blog":
            title, (body, body_html) = rng.choice(BLOG_TITLES), rng.choice(self.texts.long)
            blog_id = self._blog(space, author, t)
        elif kind == "poll":
            title = self._poll(post_id, t, space)
        deleted = hidden = None
        roll = rng.random() * 1000
        if roll < DELETED_POST_PER_MILLE:
            deleted = stamp(t + int(rng.random() * (self.clock.now - t)))
        elif roll < DELETED_POST_PER_MILLE + HIDDEN_POST_PER_MILLE:
            hidden = stamp(t + int(rng.random() * (self.clock.now - t)))
        published = stamp(t)
        spotlight = None
        if self.clock.now - t < SPOTLIGHT_DAYS * 86_400 and rng.random() < SPOTLIGHT_CHANCE:
            spotlight = stamp(min(self.clock.now, t + rng.randint(1, 48) * 3_600))
        self._row(
            "content_post", post_id, kind, space.pk, author, blog_id, title, lead, body, body_html,
            "", "", "", "{}", "published", published, published, pinned_until,
            "t" if important else "f", accepted, deleted, author if deleted else None,
            hidden, rng.choice(space.readers) if hidden else None, HIDDEN_REASON if hidden else "",
            visible_comments, reactions, stamp(max(t, last_comment)), spotlight,
        )  # fmt: skip

    def _first_news_of_the_period(self, post_id: int, t: int) -> bool:
        """One piece of news a month (30 days back from now) asks readers to confirm it."""
        period = (self.clock.now - t) // IMPORTANT_NEWS_EVERY_S
        if period == self.news_period:
            return False
        self.news_period = period
        self.important.append((post_id, t))
        return True

    def _comments(
        self, post_id: int, t: int, space: _ContentSpace, count: int
    ) -> tuple[int, int, list[int]]:
        """(comments shown, time of the last one, top-level comments that could be answers)."""
        rng, stamp, rows = self.rng, self.clock.stamp, self.rows["engagement_comment"]
        span = min(COMMENT_SPAN_S, self.clock.now - t)
        times = sorted(t + int(span * rng.random() ** 3) for _ in range(count))
        top: list[int] = []
        answers: list[int] = []
        shown = 0
        for when in times:
            self.last_id["engagement_comment"] += 1
            comment_id = self.last_id["engagement_comment"]
            parent = rng.choice(top) if top and rng.random() < REPLY_CHANCE else None
            deleted = rng.random() < DELETED_COMMENT_SHARE
            text, text_html = rng.choice(self.texts.comments)
            created = stamp(when)
            rows.append(
                f"{comment_id}\tpost\t{post_id}\t{text}\t{text_html}\t{created}\t"
                f"{created if deleted else NULL}\t\t0\t{rng.choice(space.readers)}\t"
                f"{NULL if parent is None else parent}\n"
            )
            if parent is None:
                top.append(comment_id)
            if not deleted:
                shown += 1
                if parent is None:
                    answers.append(comment_id)
        return shown, times[-1] if times else t, answers

    def _reactions(self, post_id: int, t: int, space: _ContentSpace, count: int) -> None:
        rng, stamp, rows = self.rng, self.clock.stamp, self.rows["engagement_reaction"]
        span = min(COMMENT_SPAN_S, self.clock.now - t)
        for user_id in rng.sample(space.readers, count):
            self.last_id["engagement_reaction"] += 1
            rows.append(
                f"{self.last_id['engagement_reaction']}\tpost\t{post_id}\t"
                f"{rng.choice(REACTION_KINDS)}\t{stamp(t + int(span * rng.random() ** 2))}\t"
                f"{user_id}\n"
            )

    def _blog(self, space: _ContentSpace, author: int, t: int) -> int:
        """The author's blog in the space, started with its first post."""
        key = (space.pk, author)
        if key not in self.blogs:
            self.blogs[key] = blog_id = self._next("content_blog")
            title = self.rng.choice(BLOG_TITLES)
            self._row("content_blog", blog_id, space.pk, author, title, "", self.clock.stamp(t))
        return self.blogs[key]

    def _poll(self, post_id: int, t: int, space: _ContentSpace) -> str:
        """A poll with its options and a few dozen votes at most; returns the question."""
        rng, stamp = self.rng, self.clock.stamp
        question, labels = rng.choice(POLLS)
        poll_id = self._next("content_poll")
        voters = rng.sample(space.readers, min(len(space.readers), rng.randint(0, 30)))
        option_ids = [self._next("content_polloption") for _ in labels]
        votes = [0] * len(labels)
        span = min(COMMENT_SPAN_S, self.clock.now - t)
        for user_id in voters:
            choice = rng.randrange(len(labels))
            votes[choice] += 1
            when = stamp(t + int(span * rng.random() ** 2))
            vote_id = self._next("content_pollvote")
            self._row("content_pollvote", vote_id, poll_id, option_ids[choice], user_id, when)
        closes = stamp(t + 7 * 86_400) if rng.random() < 0.5 else None
        self._row("content_poll", poll_id, post_id, "f", closes, "after_vote", len(voters))
        for position, (option_id, label) in enumerate(zip(option_ids, labels, strict=True)):
            self._row("content_polloption", option_id, poll_id, label, position, votes[position])
        return question

    def confirmations(self, news: _ContentSpace) -> None:
        """Most readers confirmed the important news of past months; fewer the latest."""
        rng = self.rng
        for post_id, t in self.important:
            age = self.clock.now - t
            share = 0.85 if age > COMMENT_SPAN_S else 0.4
            span = min(COMMENT_SPAN_S, age)
            for user_id in news.readers:
                if rng.random() < share:
                    when = self.clock.stamp(t + int(span * rng.random() ** 2))
                    confirmation_id = self._next("content_readconfirmation")
                    self._row("content_readconfirmation", confirmation_id, post_id, user_id, when)

    def flush(self, cursor: Any) -> None:
        for table, rows in self.rows.items():
            if rows:
                columns = ", ".join(COLUMNS[table])
                with cursor.copy(f"COPY {table} ({columns}) FROM STDIN (FREEZE)") as copy:
                    copy.write("".join(rows))
                rows.clear()


@contextmanager
def _bulk_load(cursor: Any, tables: tuple[str, ...]) -> Iterator[None]:
    """Load fast: without foreign-key triggers (the generator writes only ids it read or made)
    and with the secondary indexes built once afterwards instead of row by row."""
    cursor.execute(
        "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index i"
        " WHERE indrelid::regclass::text = ANY(%s) AND NOT indisprimary"
        " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
        [list(tables)],
    )
    indexes = cursor.fetchall()
    for name, _definition in indexes:
        cursor.execute(f"DROP INDEX {name}")
    cursor.execute("SET LOCAL session_replication_role = replica")
    yield
    cursor.execute("SET LOCAL session_replication_role = DEFAULT")
    cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
    started = time.perf_counter()
    for _name, definition in indexes:
        cursor.execute(definition)
    cursor.execute("SET LOCAL maintenance_work_mem = DEFAULT")
    print(f"  content: {len(indexes)} indexes built in {time.perf_counter() - started:.1f} s")


def generate_content(rng: random.Random, count: int) -> None:
    """`count` posts over the last year in a Zipf-like spread over the spaces (news in the news
    space), by members; five reactions and three comments per post on average, skewed (a few
    posts draw hundreds, many none), about a fifth of the comments replies. Counters and last
    activity agree with the rows. PostgreSQL COPY, seconds per hundred thousand posts."""
    from kring.common import clock as kring_clock

    started = time.perf_counter()
    clock = _Clock(kring_clock.now(), CONTENT_DAYS)
    spaces = _content_spaces(clock)
    slots = _post_slots(rng, clock, spaces, count)
    n = len(spaces)
    where = [spaces[slot % n] for slot in slots]
    kinds = ["news" if s.is_news else _post_kind(rng) for s in where]
    appeal = [rng.lognormvariate(0, 1) * (4.0 if k == "news" else 1.0) for k in kinds]
    reactions = _spread(
        rng, appeal, count * REACTIONS_PER_POST, caps=[len(s.readers) for s in where]
    )
    talk = {"question": 3.0, "news": 0.3}
    comments = _spread(
        rng, [a**0.7 * talk.get(k, 1.0) for a, k in zip(appeal, kinds, strict=True)],
        count * COMMENTS_PER_POST,
    )  # fmt: skip
    print(f"  content: planned in {time.perf_counter() - started:.1f} s", flush=True)
    writer = _ContentWriter(rng, clock, _texts(rng))
    raw = connection.connection.cursor()
    raw.execute(f"TRUNCATE {', '.join(CONTENT_TABLES)}")
    with _bulk_load(raw, CONTENT_BIG_TABLES):
        for i, slot in enumerate(slots):
            writer.post(slot // n, where[i], kinds[i], reactions[i], comments[i])
            if (i + 1) % CONTENT_CHUNK == 0 or i + 1 == len(slots):
                writer.flush(raw)
            if (i + 1) % (10 * CONTENT_CHUNK) == 0:
                print(
                    f"  content: {i + 1:,} of {count:,} posts,"
                    f" {time.perf_counter() - started:.0f} s",
                    flush=True,
                )
        news = next((s for s in spaces if s.is_news), None)
        if news is not None:
            writer.confirmations(news)
            writer.flush(raw)
    for table, last_id in writer.last_id.items():
        if last_id:
            raw.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)", [table, last_id])
    # The spaces come alive with their posts (what space_touch does when a post is published).
    raw.execute(
        "UPDATE spaces_space s SET last_activity_at = p.latest"
        " FROM (SELECT space_id, max(last_activity_at) AS latest FROM content_post"
        " WHERE state = 'published' AND deleted_at IS NULL GROUP BY space_id) p"
        " WHERE p.space_id = s.id AND p.latest > s.last_activity_at"
    )
    raw.close()


# Later issues append their kinds here (events, pages, …), each after the kinds it reads.
KINDS: tuple[Kind, ...] = (
    Kind("units", generate_units, version=2),
    Kind("users", generate_users, version=2),
    Kind("spaces", generate_spaces),
    Kind("content", generate_content, version=2),
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
    from kring.content.models import Post
    from kring.engagement.models import Comment, Reaction
    from kring.org.models import OrgUnit
    from kring.spaces.models import Membership, Space

    return {
        "users": User.objects.count(),
        "active_users": User.objects.filter(status="active").count(),
        "units": OrgUnit.objects.count(),
        "activity_events": ActivityEvent.objects.count(),
        "spaces": Space.objects.count(),
        "memberships": Membership.objects.count(),
        "posts": Post.objects.count(),
        "comments": Comment.objects.count(),
        "reactions": Reaction.objects.count(),
    }


if __name__ == "__main__":
    from bench.run import prepare

    prepare()
