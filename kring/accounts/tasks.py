"""Background work for accounts. Tasks take ids, reload, and are safe to run more than once."""

from django.tasks import task

from kring.accounts.services.invitations import invitation_send
from kring.accounts.services.rollout import wave_send_invitations


@task()
def send_invitation(invitation_id: int) -> bool:
    """Mail one invitation unless it was sent, used or revoked meanwhile."""
    return invitation_send(invitation_id=invitation_id)


@task()
def send_wave_invitations(wave_id: int) -> int:
    """On a wave's date: invite each of its people exactly once."""
    return wave_send_invitations(wave_id=wave_id)
