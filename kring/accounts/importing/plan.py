"""The dry run: what an employee file would change, and every problem per row.

Planning loads people, units and waves once into dicts (three queries, however long the file is)
and then works in memory, so 10,000 rows plan in about a second.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from kring.accounts.importing import csvfile
from kring.accounts.importing.result import (
    CREATE,
    ERROR,
    UNCHANGED,
    UPDATE,
    Change,
    ImportPlan,
    Leaver,
    Problem,
    RowPlan,
)
from kring.accounts.models import RolloutWave, User
from kring.common import clock
from kring.org.models import OrgUnit

MAX_LENGTHS = {"name": 150, "email": 254, "job_title": 150}

# --- What applying needs: the plan's rows with ids instead of labels.


class _NoChange:
    """The manager column is absent, or names the manager the person already has."""


NO_CHANGE = _NoChange()


@dataclass
class Target:
    """One row to write: fields use person_create/person_update names, with ids."""

    line: int
    email: str
    user_id: int | None
    values: dict[str, Any]  # create: every field; update: changed fields only
    manager_email: str | _NoChange | None  # NO_CHANGE when the column is absent or unchanged
    reactivate: bool = False


@dataclass
class Work:
    plan: ImportPlan
    creates: list[Target]
    updates: list[Target]
    ids_by_email: dict[str, int]  # everyone already in Kring


# --- The organisation as it is now, loaded in bulk.


class _Units:
    def __init__(self) -> None:
        steplen = OrgUnit.steplen
        chains: dict[str, list[str]] = {}
        self.labels: dict[int, str] = {}
        self._by_name: dict[str, list[tuple[int, list[str]]]] = {}
        for pk, name, path in OrgUnit.objects.order_by("path").values_list("id", "name", "path"):
            chain = [*chains.get(path[:-steplen], []), name]
            chains[path] = chain
            self.labels[pk] = " / ".join(chain)
            lowered = [n.lower() for n in chain]
            self._by_name.setdefault(lowered[-1], []).append((pk, lowered))
        self._cache: dict[str, tuple[int | None, list[int]]] = {}

    def resolve(self, value: str) -> tuple[int | None, list[int]]:
        """(unit id, []) for a match, (None, candidates) when unknown or ambiguous.

        The same rule as kring.org.services.unit_by_path ("Parent / Child" matches the end of a
        unit's path, case-insensitive), done in memory; a name shared by several units must be
        written as a longer path instead of silently picking one.
        """
        if value not in self._cache:
            names = [n.strip().lower() for n in value.split("/") if n.strip()]
            matches = [
                pk
                for pk, chain in self._by_name.get(names[-1] if names else "", [])
                if chain[-len(names) :] == names
            ]
            self._cache[value] = (matches[0], []) if len(matches) == 1 else (None, matches)
        return self._cache[value]


class _World:
    def __init__(self) -> None:
        self.units = _Units()
        waves = RolloutWave.objects.values_list("id", "name")
        self.waves = {name.lower(): (pk, name) for pk, name in waves}
        self.wave_names = dict(self.waves.values())
        self.people: dict[str, dict[str, Any]] = {}
        self.email_by_id: dict[int, str] = {}
        for person in User.objects.order_by().values(
            "id", "email", "display_name", "job_title", "primary_unit_id", "wave_id",
            "line_manager_id", "status", "role", "source", "activated_at",
        ):  # fmt: skip
            email = person["email"].lower()
            self.people[email] = dict(person)
            self.email_by_id[person["id"]] = email


def _clean(value: str) -> str:
    """Trim and collapse inner whitespace (Excel exports are full of double spaces)."""
    return " ".join(value.split())


def _is_email(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def _would_leave(world: _World, file_emails: set[str], actor_id: int | None) -> list[Leaver]:
    return [
        Leaver(id=p["id"], email=p["email"], name=p["display_name"])
        for email, p in world.people.items()
        if p["source"] == User.Source.IMPORT
        and p["status"] != User.Status.DEACTIVATED
        and p["role"] != User.Role.GUEST
        and p["id"] != actor_id
        and email not in file_emails
    ]


def _loops(managers: dict[str, str | None]) -> Iterable[list[str]]:
    """Every cycle in the "reports to" graph (each person has at most one manager)."""
    done: set[str] = set()
    for start in managers:
        path: list[str] = []
        on_path: dict[str, int] = {}
        node: str | None = start
        while node is not None and node not in done and node not in on_path:
            on_path[node] = len(path)
            path.append(node)
            node = managers.get(node)
        if node is not None and node in on_path:
            yield path[on_path[node] :]
        done.update(path)


class _Planner:
    def __init__(self, parsed: csvfile.CsvFile, world: _World, actor_id: int | None) -> None:
        self.parsed = parsed
        self.world = world
        self.actor_id = actor_id
        self.problems: dict[int, list[Problem]] = {}
        self.has = {column: column in parsed.headers for column in csvfile.COLUMNS}

    def problem(self, line: int, column: str, code: str, **params: Any) -> None:
        label = self.parsed.headers.get(column, "")
        self.problems.setdefault(line, []).append(Problem(line, column, label, code, params))

    def text(self, line: int, row: csvfile.CsvRow, column: str) -> str:
        value = _clean(row.values.get(column, ""))
        limit = MAX_LENGTHS.get(column)
        if limit is not None and len(value) > limit:
            self.problem(line, column, "too_long", length=len(value), max=limit)
        return value

    def run(self) -> Work:
        world = self.world
        first_line: dict[str, int] = {}
        cleaned: list[tuple[csvfile.CsvRow, dict[str, Any]]] = []
        for row in self.parsed.rows:
            line = row.line
            if row.has_extra_cells:
                self.problem(line, "", "extra_cells")
            name = self.text(line, row, "name")
            if not name:
                self.problem(line, "name", "name_missing")
            email = self.text(line, row, "email").lower()
            if not email:
                self.problem(line, "email", "email_missing")
            elif len(email) > MAX_LENGTHS["email"]:
                pass  # reported as too long
            elif not _is_email(email):
                self.problem(line, "email", "email_invalid", value=email)
            elif email in first_line:
                self.problem(line, "email", "email_duplicate", other=first_line[email])
            else:
                first_line[email] = line
                existing = world.people.get(email)
                if existing is not None and existing["role"] == User.Role.GUEST:
                    self.problem(line, "email", "email_guest")
            unit_value = _clean(row.values.get("unit", ""))
            unit_id, candidates = world.units.resolve(unit_value)
            if not unit_value:
                self.problem(line, "unit", "unit_missing")
            elif unit_id is None and candidates:
                example = world.units.labels[candidates[0]]
                self.problem(line, "unit", "unit_ambiguous", value=unit_value, example=example)
            elif unit_id is None:
                self.problem(line, "unit", "unit_unknown", value=unit_value)
            values: dict[str, Any] = {"email": email, "display_name": name, "unit": unit_id}
            if self.has["job_title"]:
                values["job_title"] = self.text(line, row, "job_title")
            if self.has["wave"]:
                wave_value = _clean(row.values.get("wave", ""))
                wave = world.waves.get(wave_value.lower())
                if wave_value and wave is None:
                    self.problem(line, "wave", "wave_unknown", value=wave_value)
                values["wave"] = wave[0] if wave else None
            if self.has["manager_email"]:
                manager = _clean(row.values.get("manager_email", "")).lower()
                if manager and not _is_email(manager):
                    self.problem(line, "manager_email", "manager_invalid", value=manager)
                    manager = ""
                elif manager and manager == email:
                    self.problem(line, "manager_email", "manager_self")
                    manager = ""
                values["manager_email"] = manager or None
            cleaned.append((row, values))

        file_emails = set(first_line)
        leavers = _would_leave(world, file_emails, self.actor_id)
        leaving = {leaver.email.lower() for leaver in leavers}
        if self.has["manager_email"]:
            self.check_managers(cleaned, first_line, leaving)
        return self.decide(cleaned, first_line, leavers)

    def check_managers(
        self,
        cleaned: list[tuple[csvfile.CsvRow, dict[str, Any]]],
        first_line: dict[str, int],
        leaving: set[str],
    ) -> None:
        world = self.world
        for row, values in cleaned:
            manager = values["manager_email"]
            if manager is None or manager in first_line:
                continue
            existing = world.people.get(manager)
            if existing is None:
                self.problem(row.line, "manager_email", "manager_unknown", value=manager)
            elif existing["status"] == User.Status.DEACTIVATED:
                self.problem(row.line, "manager_email", "manager_deactivated", value=manager)
            elif manager in leaving:
                self.problem(row.line, "manager_email", "manager_leaving", value=manager)
        # After the import, people in the file report to the file's managers; everyone else
        # keeps their current manager. A loop anywhere through the file is a problem.
        graph: dict[str, str | None] = {
            email: world.email_by_id.get(p["line_manager_id"] or 0)
            for email, p in world.people.items()
            if email not in first_line
        }
        for row, values in cleaned:
            if first_line.get(values["email"]) == row.line:
                graph[values["email"]] = values["manager_email"]
        for loop in _loops(graph):
            shown = " → ".join([*loop, loop[0]])
            for email in loop:
                if email in first_line:
                    self.problem(first_line[email], "manager_email", "manager_loop", loop=shown)

    def decide(
        self,
        cleaned: list[tuple[csvfile.CsvRow, dict[str, Any]]],
        first_line: dict[str, int],
        leavers: list[Leaver],
    ) -> Work:
        world = self.world
        units, waves = world.units.labels, world.wave_names
        rows: list[RowPlan] = []
        creates: list[Target] = []
        updates: list[Target] = []
        for row, values in cleaned:
            email, name = values["email"], values["display_name"]
            if row.line in self.problems:
                rows.append(RowPlan(row.line, email, name, ERROR))
                continue
            existing = world.people.get(email)
            manager = values.get("manager_email", NO_CHANGE)
            if existing is None:
                changes = [Change("name", "", name), Change("unit", "", units[values["unit"]])]
                if values.get("job_title"):
                    changes.append(Change("job_title", "", values["job_title"]))
                if values.get("wave"):
                    changes.append(Change("wave", "", waves[values["wave"]]))
                if manager not in (None, NO_CHANGE):
                    changes.append(Change("manager_email", "", str(manager)))
                rows.append(RowPlan(row.line, email, name, CREATE, changes))
                create_values = {
                    "display_name": name,
                    "job_title": values.get("job_title", ""),
                    "primary_unit": values["unit"],
                    "wave": values.get("wave"),
                }
                creates.append(Target(row.line, email, None, create_values, manager))
                continue
            changes, update_values = [], {}
            if existing["display_name"] != name:
                changes.append(Change("name", existing["display_name"], name))
                update_values["display_name"] = name
            if "job_title" in values and existing["job_title"] != values["job_title"]:
                changes.append(Change("job_title", existing["job_title"], values["job_title"]))
                update_values["job_title"] = values["job_title"]
            if existing["primary_unit_id"] != values["unit"]:
                old = units.get(existing["primary_unit_id"] or 0, "")
                changes.append(Change("unit", old, units[values["unit"]]))
                update_values["primary_unit"] = values["unit"]
            if "wave" in values and existing["wave_id"] != values["wave"]:
                old, new = (
                    waves.get(existing["wave_id"] or 0, ""),
                    waves.get(values["wave"] or 0, ""),
                )
                changes.append(Change("wave", old, new))
                update_values["wave"] = values["wave"]
            if manager is not NO_CHANGE:
                current = world.email_by_id.get(existing["line_manager_id"] or 0)
                if current != manager:
                    changes.append(Change("manager_email", current or "", str(manager or "")))
                else:
                    manager = NO_CHANGE
            reactivate = existing["status"] == User.Status.DEACTIVATED
            if reactivate:
                back = User.Status.ACTIVE if existing["activated_at"] else User.Status.INVITED
                changes.append(Change("status", User.Status.DEACTIVATED.value, back.value))
            if not changes:
                rows.append(RowPlan(row.line, email, name, UNCHANGED))
                continue
            rows.append(RowPlan(row.line, email, name, UPDATE, changes))
            updates.append(
                Target(row.line, email, existing["id"], update_values, manager, reactivate)
            )

        problems = [p for line in sorted(self.problems) for p in self.problems[line]]
        plan = ImportPlan(
            rows=rows,
            deactivate=leavers,
            problems=problems,
            delimiter=self.parsed.delimiter,
            columns=self.parsed.headers,
            ignored_columns=self.parsed.ignored_columns,
            planned_at=clock.now().isoformat(),
        )
        ids = {email: p["id"] for email, p in world.people.items()}
        return Work(plan=plan, creates=creates, updates=updates, ids_by_email=ids)


def build(content: str, *, actor_id: int | None = None) -> Work:
    """Parse and plan; file-level problems raise a ValidationError (see csvfile)."""
    parsed = csvfile.parse(content)
    return _Planner(parsed, _World(), actor_id).run()
