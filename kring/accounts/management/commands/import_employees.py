"""manage.py import_employees FILE [--apply] [--actor EMAIL]: the employee import, in a shell."""

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kring.accounts import permissions
from kring.accounts.importing.result import ImportPlan
from kring.accounts.models import User
from kring.accounts.services.importing import employee_import_apply, employee_import_upload


def _messages(error: ValidationError) -> str:
    return " ".join(error.messages)


class Command(BaseCommand):
    help = (
        "Check an employee CSV (name, email, unit, job_title, wave, manager_email) and show what "
        "it would change; --apply applies it. Exits with 1 when the file has problems."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The CSV file (UTF-8, comma or semicolon).")
        parser.add_argument(
            "--apply", action="store_true", help="Apply the changes (all or nothing)."
        )
        parser.add_argument(
            "--actor",
            metavar="EMAIL",
            help="The administrator recorded as importer in the audit log.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        actor = self._actor(options["actor"])
        path: Path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror}
            ) from error
        try:
            employee_import = employee_import_upload(actor=actor, filename=path.name, data=data)
        except ValidationError as error:
            raise CommandError(f"{path.name}: {_messages(error)}") from error
        plan = ImportPlan.from_dict(employee_import.plan)
        self._report(plan, verbosity=options["verbosity"])
        if plan.has_errors:
            count = len(plan.problems)
            raise CommandError(
                ngettext(
                    "%(count)d problem: nothing was imported.",
                    "%(count)d problems: nothing was imported.",
                    count,
                )
                % {"count": count},
                returncode=1,
            )
        if not options["apply"]:
            self.stdout.write(_("Dry run: nothing changed. Run again with --apply to apply it."))
            return
        try:
            applied = employee_import_apply(actor=actor, employee_import=employee_import)
        except ValidationError as error:
            raise CommandError(_messages(error)) from error
        counts = applied.counts
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Applied: %(create)d created, %(update)d updated, %(deactivate)d "
                    "deactivated, %(unchanged)d unchanged."
                )
                % counts
            )
        )

    def _actor(self, email: str | None) -> User | None:
        if not email:
            return None
        actor = User.objects.filter(email__iexact=email.strip()).first()
        if actor is None:
            raise CommandError(_("No one has the e-mail address %(email)s.") % {"email": email})
        if not permissions.can_administer(actor):
            raise CommandError(
                _("%(email)s is not an active administrator.") % {"email": actor.email}
            )
        return actor

    def _report(self, plan: ImportPlan, *, verbosity: int) -> None:
        counts = plan.counts
        self.stdout.write(
            _(
                "%(rows)d rows: %(create)d to create, %(update)d to update, %(unchanged)d "
                "unchanged, %(deactivate)d to deactivate, %(errors)d problem(s)."
            )
            % counts
        )
        for problem in plan.problems:
            column = f" ({problem.column})" if problem.column else ""
            line = _("line %(line)s") % {"line": problem.line}
            self.stdout.write(f"  {line}{column}: {problem.message}")
        for leaver in plan.deactivate:
            label = _("deactivate")
            self.stdout.write(f"  {label}: {leaver.name} <{leaver.email}>")
        if verbosity >= 2:
            for row in plan.changed_rows:
                changes = "; ".join(
                    f"{c.label}: {c.old_display} → {c.new_display}" for c in row.changes
                )
                line = _("line %(line)s") % {"line": row.line}
                self.stdout.write(f"  {line} {row.action} {row.email}: {changes}")
