"""Signals sent after commit: the only way a lower app tells a higher one something happened."""

from typing import Any

from django.db import transaction
from django.dispatch import Signal


def send_on_commit(signal: Signal, **kwargs: Any) -> None:
    transaction.on_commit(lambda: signal.send(sender=None, **kwargs))
