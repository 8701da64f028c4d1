"""`manage.py demo_prepare --seed N --port P`: everything `make demo` does before serving, in one
process (migrate, collect static files, generate the demo once, print the logins), so a second
`make demo` starts in seconds."""

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Migrate, collect static files, generate the demo if missing and print the demo logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args: Any, seed: int, port: int, **options: Any) -> None:
        out = {"stdout": self.stdout, "stderr": self.stderr}
        call_command("migrate", verbosity=0, **out)
        call_command("collectstatic", interactive=False, verbosity=0, **out)
        call_command("seed_demo", seed=seed, if_missing=True, **out)
        call_command("demo_logins", port=port, **out)
