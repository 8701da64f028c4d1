"""What a dry run says: per row create, update or unchanged, who leaves, and every problem.

Plain dataclasses that go to JSON and back (ImportPlan.to_dict / from_dict), so the plan is
stored on the EmployeeImport and shown later in the reader's own language.
"""

import dataclasses
from dataclasses import asdict, dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kring.accounts.models import User

CREATE, UPDATE, UNCHANGED, ERROR = "create", "update", "unchanged", "error"

# Problems keep a code and parameters, so the page shows them in the reader's language.
PROBLEM_MESSAGES: dict[str, Promise] = {
    "name_missing": _("A name is required."),
    "email_missing": _("An e-mail address is required."),
    "email_invalid": _("“%(value)s” is not a valid e-mail address."),
    "email_duplicate": _("This e-mail address is also on line %(other)s."),
    "email_guest": _(
        "This e-mail address belongs to an external guest. Guests are not part of the employee "
        "import; change their role by hand first."
    ),
    "too_long": _("This value is too long (%(length)s characters; at most %(max)s)."),
    "unit_missing": _("A unit is required."),
    "unit_unknown": _("There is no unit “%(value)s”. Write the path, e.g. “Board / School”."),
    "unit_ambiguous": _(
        "Several units are called “%(value)s”. Write the full path, e.g. “%(example)s”."
    ),
    "wave_unknown": _("There is no rollout wave called “%(value)s”."),
    "manager_invalid": _("“%(value)s” is not a valid e-mail address."),
    "manager_unknown": _("No one with the e-mail address “%(value)s” is in the file or in Kring."),
    "manager_deactivated": _("The manager “%(value)s” is deactivated."),
    "manager_leaving": _(
        "The manager “%(value)s” is not in the file, so this import would deactivate them."
    ),
    "manager_self": _("A person cannot be their own manager."),
    "manager_loop": _("The managers form a loop: %(loop)s."),
    "extra_cells": _(
        "This row has more cells than the header. Check the delimiter and the quotes."
    ),
}

FIELD_LABELS: dict[str, Promise] = {
    "name": _("Name"),
    "email": _("E-mail"),
    "unit": _("Unit"),
    "job_title": _("Job title"),
    "wave": _("Rollout wave"),
    "manager_email": _("Manager"),
    "status": _("Status"),
}


@dataclass
class Problem:
    line: int
    field: str  # our column name ("" for the whole row)
    column: str  # the column as the file's header writes it
    code: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def message(self) -> str:
        return str(PROBLEM_MESSAGES[self.code]) % self.params


@dataclass
class Change:
    field: str
    old: str
    new: str

    @property
    def label(self) -> str:
        return str(FIELD_LABELS.get(self.field, self.field))

    @property
    def old_display(self) -> str:
        return self._display(self.old)

    @property
    def new_display(self) -> str:
        return self._display(self.new)

    def _display(self, value: str) -> str:
        if self.field == "status" and value in User.Status.values:
            return str(User.Status(value).label)
        return value


@dataclass
class RowPlan:
    line: int
    email: str
    name: str
    action: str
    changes: list[Change] = dataclasses.field(default_factory=list)


@dataclass
class Leaver:
    id: int
    email: str
    name: str


@dataclass
class ImportPlan:
    """What an import would do: JSON-serialisable with to_dict(), stored on EmployeeImport."""

    rows: list[RowPlan]
    deactivate: list[Leaver]
    problems: list[Problem]
    delimiter: str
    columns: dict[str, str]
    ignored_columns: list[str]
    planned_at: str

    @property
    def counts(self) -> dict[str, int]:
        actions = [row.action for row in self.rows]
        return {
            "rows": len(self.rows),
            "create": actions.count(CREATE),
            "update": actions.count(UPDATE),
            "unchanged": actions.count(UNCHANGED),
            "deactivate": len(self.deactivate),
            "errors": len(self.problems),
            "error_rows": actions.count(ERROR),
        }

    @property
    def has_errors(self) -> bool:
        return bool(self.problems)

    @property
    def changed_rows(self) -> list[RowPlan]:
        return [row for row in self.rows if row.action in (CREATE, UPDATE)]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["counts"] = self.counts
        for problem, stored in zip(self.problems, data["problems"], strict=True):
            stored["message"] = problem.message  # for readers of the JSON; pages re-translate
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "ImportPlan":
        return cls(
            rows=[
                RowPlan(**{**row, "changes": [Change(**c) for c in row["changes"]]})
                for row in data.get("rows", [])
            ],
            deactivate=[Leaver(**leaver) for leaver in data.get("deactivate", [])],
            problems=[
                Problem(**{k: v for k, v in problem.items() if k != "message"})
                for problem in data.get("problems", [])
            ],
            delimiter=data.get("delimiter", ","),
            columns=data.get("columns", {}),
            ignored_columns=data.get("ignored_columns", []),
            planned_at=data.get("planned_at", ""),
        )
