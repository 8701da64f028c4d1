"""Reads for people, the organisation, the admin console overview and the audit log.

Each selector takes the acting person and answers only what they may see: the console's reads
are for administrators, and return nothing (or a 404) for anyone else."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Final

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from kring.accounts import permissions
from kring.accounts.models import Organisation, RolloutWave, UnitAssignment, User
from kring.common import clock
from kring.common.models import AuditEntry
from kring.org.models import OrgUnit

# The wave filter's value for "people without a wave".
NO_WAVE: Final = "none"


def people_list(
    *,
    actor: object,
    q: str = "",
    unit: OrgUnit | None = None,
    role: str = "",
    status: str = "",
    wave: RolloutWave | str | None = None,
) -> QuerySet[User]:
    """People for the console, by name, e-mail or job title; `unit` includes its sub-units."""
    if not permissions.can_administer(actor):
        return User.objects.none()
    people = User.objects.select_related("primary_unit", "wave")
    q = q.strip()
    if q:
        people = people.filter(
            Q(display_name__icontains=q) | Q(email__icontains=q) | Q(job_title__icontains=q)
        )
    if unit is not None:
        in_subtree = OrgUnit.objects.filter(path__startswith=unit.path).values("pk")
        extra = User.extra_units.through.objects.filter(orgunit_id__in=in_subtree).values("user_id")
        people = people.filter(Q(primary_unit__in=in_subtree) | Q(pk__in=extra))
    if role:
        people = people.filter(role=role)
    if status:
        people = people.filter(status=status)
    if wave == NO_WAVE:
        people = people.filter(wave__isnull=True)
    elif isinstance(wave, RolloutWave):
        people = people.filter(wave=wave)
    return people.order_by("display_name", "pk")


def person_get(*, actor: object, pk: int) -> User:
    """One person with everything the console's detail page shows, or a 404."""
    if not permissions.can_administer(actor):
        raise Http404
    person = (
        User.objects.select_related("primary_unit", "wave", "line_manager")
        .prefetch_related(Prefetch("extra_units", queryset=OrgUnit.objects.order_by("path")))
        .filter(pk=pk)
        .first()
    )
    if person is None:
        raise Http404
    return person


def person_unit_history(*, actor: object, person: User) -> QuerySet[UnitAssignment]:
    """The person's primary units over time, newest first."""
    if not permissions.can_administer(actor):
        return UnitAssignment.objects.none()
    return (
        UnitAssignment.objects.filter(user=person)
        .select_related("unit")
        .order_by("-started_at", "-pk")
    )


def person_by_email(*, actor: object, email: str) -> User | None:
    """Find someone by e-mail address (case-insensitive), as the console's forms name people."""
    if not permissions.can_administer(actor) or not email.strip():
        return None
    return User.objects.filter(email__iexact=email.strip()).first()


def wave_list(*, actor: object) -> QuerySet[RolloutWave]:
    if not permissions.can_administer(actor):
        return RolloutWave.objects.none()
    return RolloutWave.objects.order_by("starts_at", "pk")


def organisation_for_settings(*, actor: object) -> Organisation:
    """The organisation as stored (not the cached copy), for the settings form."""
    permissions.check_administer(actor)
    return Organisation.objects.order_by("pk").first() or Organisation()


# --- Audit log


def audit_list(
    *,
    actor: object,
    action: str = "",
    actor_q: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    object_type: str = "",
    object_id: str = "",
) -> QuerySet[AuditEntry]:
    """Audit entries, newest first; dates are whole local days, both ends included."""
    if not permissions.can_administer(actor):
        return AuditEntry.objects.none()
    entries = AuditEntry.objects.select_related("actor")
    if action:
        entries = entries.filter(action=action)
    actor_q = actor_q.strip()
    if actor_q:
        entries = entries.filter(
            Q(actor__display_name__icontains=actor_q) | Q(actor__email__icontains=actor_q)
        )
    if date_from is not None:
        entries = entries.filter(at__gte=_start_of_day(date_from))
    if date_to is not None:
        entries = entries.filter(at__lt=_start_of_day(date_to + timedelta(days=1)))
    if object_type:
        entries = entries.filter(object_type=object_type)
    if object_id:
        entries = entries.filter(object_id=object_id)
    return entries.order_by("-at", "-pk")


def _start_of_day(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_actions(*, actor: object) -> list[str]:
    """Every action the log holds, for the filter's choices."""
    if not permissions.can_administer(actor):
        return []
    return list(AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct())


def audit_object_types(*, actor: object) -> list[str]:
    if not permissions.can_administer(actor):
        return []
    return list(
        AuditEntry.objects.exclude(object_type="")
        .order_by("object_type")
        .values_list("object_type", flat=True)
        .distinct()
    )


@dataclass(frozen=True)
class ReferenceNames:
    """Names for the ids that audit entries mention, so the log reads as words, not numbers."""

    units: dict[int, str]
    people: dict[int, str]
    waves: dict[int, str]


def audit_reference_names(
    *, actor: object, unit_ids: set[int], person_ids: set[int], wave_ids: set[int]
) -> ReferenceNames:
    """One query per kind of thing mentioned (none when nothing of that kind is)."""
    if not permissions.can_administer(actor):
        return ReferenceNames({}, {}, {})

    def names(
        model: type[OrgUnit | User | RolloutWave], field: str, ids: set[int]
    ) -> dict[int, str]:
        if not ids:
            return {}
        return dict(model._default_manager.filter(pk__in=ids).values_list("pk", field))

    return ReferenceNames(
        units=names(OrgUnit, "name", unit_ids),
        people=names(User, "display_name", person_ids),
        waves=names(RolloutWave, "name", wave_ids),
    )


# --- Console overview


@dataclass(frozen=True)
class ConsoleOverview:
    people_by_status: dict[str, int]
    people_total: int
    unit_count: int
    next_wave: RolloutWave | None
    next_wave_people: int
    latest_audit: list[AuditEntry]


def console_overview(*, actor: object, audit_limit: int = 5) -> ConsoleOverview:
    """The figures on the console's front page, in a handful of queries."""
    permissions.check_administer(actor)
    counts = dict.fromkeys(User.Status.values, 0)
    for row in User.objects.order_by().values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    next_wave = (
        RolloutWave.objects.filter(starts_at__gt=clock.now())
        .annotate(people_count=Count("people"))
        .order_by("starts_at", "pk")
        .first()
    )
    return ConsoleOverview(
        people_by_status=counts,
        people_total=sum(counts.values()),
        unit_count=OrgUnit.objects.count(),
        next_wave=next_wave,
        next_wave_people=next_wave.people_count if next_wave else 0,
        latest_audit=list(audit_list(actor=actor)[:audit_limit]),
    )


@dataclass(frozen=True)
class HomeSummary:
    unit_name: str | None
    unit_manager: str | None
    colleagues: int
    has_mfa: bool


def home_summary(*, actor: User) -> HomeSummary:
    """What the home page says about the person's own place: their unit, its manager, colleagues."""
    from allauth.mfa.models import Authenticator

    totp = Authenticator.objects.filter(user=actor, type=Authenticator.Type.TOTP)
    # One query: the unit, its manager, the number of colleagues on Kring and whether the person
    # signs in with a second step.
    working_here = User.objects.filter(
        primary_unit=OuterRef("pk"), is_active=True, status=User.Status.ACTIVE
    ).exclude(pk=actor.pk)
    unit = (
        OrgUnit.objects.select_related("manager")
        .annotate(
            colleague_count=Subquery(
                working_here.order_by().values("primary_unit").annotate(n=Count("pk")).values("n")
            ),
            has_mfa=Exists(totp),
        )
        .filter(pk=actor.primary_unit_id)
        .first()
        if actor.primary_unit_id
        else None
    )
    colleagues = (unit.colleague_count or 0) if unit and permissions.can_see_directory(actor) else 0
    manager = unit.manager if unit and unit.manager and unit.manager.pk != actor.pk else None
    return HomeSummary(
        unit_name=unit.name if unit else None,
        unit_manager=manager.display_name if manager else None,
        colleagues=colleagues,
        has_mfa=unit.has_mfa if unit else totp.exists(),
    )
