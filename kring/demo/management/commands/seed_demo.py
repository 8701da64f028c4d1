"""`manage.py seed_demo --seed N [--if-missing]`: generate the demo organisation."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from kring.demo.seeding import database_is_empty, demo_exists, planted_truth_path, seed_demo


class Command(BaseCommand):
    help = "Generate the demo school board (deterministic for a seed) into an empty database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=42, help="Random seed (default 42).")
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Do nothing when the demo organisation already exists.",
        )

    def handle(self, *args: Any, seed: int, if_missing: bool, **options: Any) -> None:
        if demo_exists():
            if if_missing:
                self.stdout.write(_("The demo organisation already exists; nothing to do."))
                return
            raise CommandError(
                _(
                    "The demo organisation already exists. Run `make clean-demo` to remove it, "
                    "then generate it again."
                )
            )
        if not database_is_empty():
            raise CommandError(
                _(
                    "The database already holds people or units that are not the demo "
                    "organisation; the demo is only generated into an empty database. Run "
                    "`make clean-demo` to start from an empty one."
                )
            )
        self.stdout.write(_("Generating the demo organisation (seed %(seed)s)…") % {"seed": seed})
        started = time.perf_counter()
        ctx = seed_demo(seed=seed)
        elapsed = time.perf_counter() - started
        if options["verbosity"] >= 2:
            for name, seconds in ctx.timings.items():
                self.stdout.write(f"  {name:<16} {seconds:6.2f} s")
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Demo organisation ready in %(seconds).1f s: "
                    "%(people)d people, %(schools)d schools."
                )
                % {"seconds": elapsed, "people": len(ctx.people), "schools": len(ctx.schools)}
            )
        )
        self.stdout.write(_("Planted truth: %(path)s") % {"path": planted_truth_path()})
