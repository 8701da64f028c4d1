"""Mail about memberships: sent once, after commit, to recipients checked again (tasks.py)."""

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.urls import reverse

from kring.accounts.models import User
from kring.accounts.services.people import person_deactivate
from kring.spaces.models import Membership
from kring.spaces.services.membership import (
    members_invite,
    request_decide,
    space_leave,
    space_request,
)
from kring.spaces.tasks import notify_invited, notify_request_decided
from kring.spaces.tests import factories as sf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(non_member):
    """The recipient reads English, the source language: assertions name the source strings."""
    User.objects.filter(pk=non_member.pk).update(language="en")
    non_member.refresh_from_db()


@pytest.fixture
def ambassadors(space_manager):
    return sf.community("Ambassadeurs", "request", members={"manager": [space_manager]})


@pytest.fixture
def council(space_manager):
    return sf.community("MR", "secret", members={"manager": [space_manager]})


def decided(space, manager, requester, accept, message=""):
    space_request(actor=requester, space=space)
    return request_decide(
        actor=manager, space=space, requester=requester, accept=accept, message=message
    )


def test_nothing_is_mailed_before_the_commit(ambassadors, space_manager, non_member):
    decided(ambassadors, space_manager, non_member, accept=True)
    assert mail.outbox == []


def test_an_accepted_request_is_mailed_once(
    ambassadors, space_manager, non_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        m = decided(ambassadors, space_manager, non_member, accept=True, message="Welkom!")
    assert notify_request_decided.call(m.pk) is False  # the task ran again: nothing more
    (message,) = mail.outbox
    assert message.to == [non_member.email]
    assert "Welcome to Ambassadeurs" in message.subject
    assert "Mara Manager wrote:\nWelkom!" in message.body
    assert reverse("spaces:detail", args=[ambassadors.slug]) in message.body


def test_a_declined_request_is_mailed_without_a_link(
    ambassadors, space_manager, non_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        decided(ambassadors, space_manager, non_member, accept=False, message="Helaas.")
    (message,) = mail.outbox
    assert "has not been accepted" in message.body
    assert "Helaas." in message.body
    assert reverse("spaces:detail", args=[ambassadors.slug]) not in message.body


def test_an_invitation_is_mailed_once(
    council, space_manager, non_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        (m,) = members_invite(actor=space_manager, space=council, people=[non_member])
    assert notify_invited.call(m.pk) is False
    (message,) = mail.outbox
    assert message.to == [non_member.email]
    assert message.subject == "You are invited to MR"
    assert "Mara Manager invites you to “MR”." in message.body
    assert reverse("spaces:detail", args=[council.slug]) in message.body


def test_a_withdrawn_invitation_is_not_mailed(
    council, space_manager, non_member, django_capture_on_commit_callbacks
):
    """The invitee turned it down before the mail went: the secret space is none of their
    business any more, so the task, checking again, sends nothing."""
    with django_capture_on_commit_callbacks() as waiting:
        (m,) = members_invite(actor=space_manager, space=council, people=[non_member])
    space_leave(actor=non_member, space=council)
    for callback in waiting:
        callback()
    assert mail.outbox == []
    assert notify_invited.call(m.pk) is False


def test_no_invitation_mail_for_someone_who_left(
    council, space_manager, non_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as waiting:
        members_invite(actor=space_manager, space=council, people=[non_member])
    person_deactivate(actor=None, person=non_member)
    for callback in waiting:
        callback()
    assert mail.outbox == []


def test_a_decision_overtaken_by_a_new_request_is_not_mailed(
    ambassadors, space_manager, non_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as waiting:
        m = decided(ambassadors, space_manager, non_member, accept=False)
    space_request(actor=non_member, space=ambassadors, message="Toch graag")
    for callback in waiting:
        callback()
    assert mail.outbox == []
    assert Membership.objects.get(pk=m.pk).notified_at is None


def test_a_failed_send_is_tried_again(
    ambassadors, space_manager, non_member, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(self, *args, **kwargs):
        raise ConnectionError("mail server down")

    with django_capture_on_commit_callbacks() as waiting:
        m = decided(ambassadors, space_manager, non_member, accept=True)
    with monkeypatch.context() as patch:
        patch.setattr(EmailMessage, "send", broken)
        for callback in waiting:
            callback()  # the immediate backend records the failure on the task result
    assert mail.outbox == []
    assert Membership.objects.get(pk=m.pk).notified_at is None
    assert notify_request_decided.call(m.pk) is True
    assert notify_request_decided.call(m.pk) is False
    assert len(mail.outbox) == 1


def test_mail_speaks_the_recipients_language(
    ambassadors, space_manager, non_member, other_member, django_capture_on_commit_callbacks
):
    User.objects.filter(pk=other_member.pk).update(language="nl")
    other_member.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        decided(ambassadors, space_manager, non_member, accept=True)
        decided(ambassadors, space_manager, other_member, accept=True)
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects[non_member.email] == "Welcome to Ambassadeurs"
    # Dutch: whatever the catalogue's words are, not the English source.
    assert subjects[other_member.email] != subjects[non_member.email]
    assert "Ambassadeurs" in subjects[other_member.email]
