"""`manage.py demo_logins [--port 8000]`: where the demo runs and who can log in."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from kring.accounts.models import User
from kring.demo.credentials import ALL_LOGINS, DEMO_PASSWORD


class Command(BaseCommand):
    help = "Print the demo's address and its demo logins with their password."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8000, help="Port the demo is served on.")

    def handle(self, *args: Any, port: int, **options: Any) -> None:
        people = {u.email: u for u in User.objects.filter(email__in=[d.email for d in ALL_LOGINS])}
        rows = []
        for demo in ALL_LOGINS:
            user = people.get(demo.email)
            name = user.display_name if user else demo.display_name
            where = user.primary_unit.name if user and user.primary_unit else demo.unit
            rows.append((str(demo.label), f"{name} ({where})", demo.email, DEMO_PASSWORD))
        headers = (_("Role"), _("Name"), _("E-mail"), _("Password"))
        widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]

        def line(cells: tuple[str, ...]) -> str:
            return "  " + "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(_("Kring demo: http://127.0.0.1:%(port)d/") % {"port": port})
        )
        self.stdout.write("")
        self.stdout.write(line(headers))
        self.stdout.write(line(tuple("-" * w for w in widths)))
        for row in rows:
            self.stdout.write(line(row))
        if len(people) < len(ALL_LOGINS):
            self.stdout.write("")
            self.stdout.write(
                self.style.WARNING(
                    _("The demo organisation has not been generated yet: run `make demo`.")
                )
            )
        self.stdout.write("")
