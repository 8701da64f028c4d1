"""What the feed remembers per person: when they last looked at their home stream."""

from django.conf import settings
from django.db import models

from kring.common import clock


class HomeVisit(models.Model):
    """Posts published after the visit before (by others) are marked new on this visit."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    seen_at = models.DateTimeField(default=clock.now)
    # The visit before `seen_at`: kept so one statement records a visit and answers the one before.
    seen_before = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user_id} saw the home stream at {self.seen_at:%Y-%m-%d %H:%M}"
