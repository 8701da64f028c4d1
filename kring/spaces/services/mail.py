"""Mail about memberships, in the recipient's language, sent once per decision or invitation."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from kring.accounts.models import Organisation
from kring.common import clock
from kring.spaces import permissions
from kring.spaces.models import Membership

WAITING_STATE = {
    "decided": (Membership.State.ACTIVE, Membership.State.DECLINED),
    "invited": (Membership.State.INVITED, Membership.State.ACTIVE),
}


def membership_mail_send(*, membership_id: int, kind: str) -> bool:
    """Claim the membership's notification and mail it; False when there is nothing to send."""
    m = Membership.objects.select_related("space", "user").filter(pk=membership_id).first()
    if m is None or m.state not in WAITING_STATE[kind]:
        return False
    user, space = m.user, m.space
    # Check the recipient again: they must (still) be allowed to know the space exists.
    if not user.is_active or not (permissions.can_see(user, space) or kind == "decided"):
        return False
    if kind == "decided" and m.decided_at is None:
        return False
    claimed = Membership.objects.filter(Q(notified_at__isnull=True), pk=m.pk).update(
        notified_at=clock.now()
    )
    if claimed != 1:
        return False
    link = settings.KRING["BASE_URL"] + reverse("spaces:detail", args=[space.slug])
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {
            "person": user,
            "space": space,
            "membership": m,
            "accepted": m.state == Membership.State.ACTIVE,
            "link": link if kind == "invited" or m.state == Membership.State.ACTIVE else "",
            "organisation": Organisation.current(),
        }
        subject = render_to_string(f"spaces/email/{kind}_subject.txt", context)
        body = render_to_string(f"spaces/email/{kind}_message.txt", context)
    try:
        EmailMessage(subject=" ".join(subject.split()), body=body, to=[user.email]).send()
    except Exception:
        # Give the claim back so a retry sends it.
        Membership.objects.filter(pk=m.pk).update(notified_at=None)
        raise
    return True
