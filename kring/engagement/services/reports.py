"""Reporting content to its moderators, and their decision (hide it, or dismiss the report)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from kring.accounts.models import User
from kring.common import clock
from kring.engagement.models import Report
from kring.engagement.targets import target_get, target_type


@transaction.atomic
def report_create(*, actor: User, target: str, target_id: int, reason: str) -> Report:
    target_get(actor, target, target_id)  # 404 for what the reporter cannot see
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Tell the moderators what is wrong.")})
    if len(reason) > 500:
        raise ValidationError({"reason": _("Keep it under 500 characters.")})
    try:
        with transaction.atomic():
            return Report.objects.create(
                reporter=actor, target_type=target, target_id=target_id, reason=reason
            )
    except IntegrityError:
        raise ValidationError(
            _("You have already reported this; the moderators will look at it.")
        ) from None


def reports_close(*, actor: User, target: str, target_id: int, state: str) -> int:
    """Close the open reports on a target (its moderator hid it, or dismissed them)."""
    return Report.objects.filter(
        target_type=target, target_id=target_id, state=Report.State.OPEN
    ).update(state=state, decided_by=actor, decided_at=clock.now())


@transaction.atomic
def report_decide(*, actor: User, report_id: int, state: str) -> int:
    """Close every open report on the same target as `report_id`; returns how many were closed.

    Hiding itself goes through the target's own service (post_hide, comment_hide), which asks for
    a reason and audits it; this only records the moderator's decision on the reports.
    """
    report = Report.objects.select_for_update().filter(pk=report_id).first()
    if report is None or state not in (Report.State.HIDDEN, Report.State.DISMISSED):
        raise ValidationError(_("This report is no longer open."))
    obj = target_get(actor, report.target_type, report.target_id)
    if not target_type(report.target_type).can_moderate(actor, obj):
        raise PermissionDenied
    return reports_close(
        actor=actor, target=report.target_type, target_id=report.target_id, state=state
    )
