"""The two rollout waves: the enthusiasts first, everyone twelve weeks later (both in the past)."""

from kring.accounts.models import RolloutWave
from kring.accounts.services.rollout import wave_create
from kring.demo import timeline
from kring.demo.builders.context import DemoContext
from kring.demo.builders.staff import wave_start

WAVE_NAMES = {1: "Golf 1 — enthousiastelingen", 2: "Golf 2 — iedereen"}


def build_waves(ctx: DemoContext) -> None:
    ctx.pin(timeline.at(timeline.SET_UP, 10, 0))
    for number, name in WAVE_NAMES.items():
        ctx.waves[number] = wave_create(
            actor=ctx.administrator, name=name, starts_at=wave_start(number), allow_past=True
        )


def build_invitations_sent(ctx: DemoContext) -> None:
    """Both waves sent their invitations on their date, long ago in the demo's timeline.

    Marked here so the rollout task of a freshly started demo does not e-mail everyone again.
    """
    for wave in ctx.waves.values():
        RolloutWave.objects.filter(pk=wave.pk).update(invitations_sent_at=wave.starts_at)
        wave.invitations_sent_at = wave.starts_at
