"""The member counter on Space, recounted from the memberships whenever they change."""

from collections.abc import Iterable

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from kring.spaces.models import Membership, Space


def member_count_refresh(space_ids: Iterable[int]) -> None:
    ids = sorted(set(space_ids))
    if not ids:
        return
    counted = (
        Membership.objects.filter(
            space=OuterRef("pk"), state=Membership.State.ACTIVE, user__is_active=True
        )
        .values("space")
        .annotate(n=Count("pk", filter=Q(user__is_active=True)))
        .values("n")
    )
    for start in range(0, len(ids), 500):
        Space.objects.filter(pk__in=ids[start : start + 500]).update(
            member_count=Coalesce(Subquery(counted), 0)
        )
