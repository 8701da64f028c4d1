from typing import Any

from django.core.management.base import BaseCommand

from kring.accounts.services.rollout import waves_tick


class Command(BaseCommand):
    help = (
        "Queue the invitations of every rollout wave that has started and is not fully sent. "
        "Safe to run every minute (cron or a systemd timer): each person is mailed once."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        wave_ids = waves_tick()
        if options["verbosity"] >= 1:
            self.stdout.write(f"Queued invitations for {len(wave_ids)} wave(s).")
