"""Good examples in the spotlight ("what you give attention grows"): on the Friday afternoon of
each of the last three weeks, the community manager puts in the spotlight the post of that week
colleagues responded to most, in a community everyone can open."""

from datetime import timedelta

from kring.accounts.models import User
from kring.content.models import Post
from kring.content.services.posts import post_spotlight
from kring.demo import timeline
from kring.demo.builders.content.plan import Builder
from kring.demo.credentials import COMMUNITY_MANAGER
from kring.spaces.models import Space

WEEKS = 3


def spotlight_examples(b: Builder) -> list[int]:
    """Returns the ids put in the spotlight, oldest first."""
    manager = User.objects.get(email=COMMUNITY_MANAGER.email)
    chosen: list[int] = []
    for weeks_back in range(WEEKS, 0, -1):
        monday = timeline.END - timedelta(weeks=weeks_back)
        start, friday = timeline.at(monday, 0, 0), timeline.at(monday + timedelta(days=4), 16, 0)
        best = (
            Post.objects.filter(
                published_at__gte=start, published_at__lt=friday,
                state=Post.State.PUBLISHED, deleted_at__isnull=True, hidden_at__isnull=True,
                kind__in=[Post.Kind.POST, Post.Kind.QUESTION],
                space__kind=Space.Kind.COMMUNITY, space__access=Space.Access.OPEN,
            )
            .order_by("-reaction_count", "-comment_count", "pk")
            .first()
        )  # fmt: skip
        if best is not None:
            b.ctx.pin(friday)
            post_spotlight(actor=manager, post_id=best.pk, on=True)
            chosen.append(best.pk)
    return chosen
