"""Background work for spaces. Tasks take ids, reload, and are safe to run more than once."""

from django.tasks import task

from kring.spaces.services.mail import membership_mail_send
from kring.spaces.services.spaces import spaces_purge


@task()
def notify_request_decided(membership_id: int) -> bool:
    """Tell a requester that a manager accepted or declined, with the manager's message."""
    return membership_mail_send(membership_id=membership_id, kind="decided")


@task()
def notify_invited(membership_id: int) -> bool:
    """Tell a colleague (or a returning guest) they were invited into a space."""
    return membership_mail_send(membership_id=membership_id, kind="invited")


@task()
def purge_deleted_spaces() -> int:
    return spaces_purge()
