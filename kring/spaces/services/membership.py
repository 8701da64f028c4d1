"""Joining, leaving, requests, invitations, roles and ownership: every membership write."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kring.accounts.models import User
from kring.accounts.services.activity import activity_record
from kring.common import clock
from kring.common.audit import audit_record
from kring.spaces import permissions
from kring.spaces.models import ROLE_RANK, Membership, Space
from kring.spaces.services.counts import member_count_refresh

Role = Membership.Role
State = Membership.State


def _record(actor: User, verb: str, space: Space) -> None:
    activity_record(actor=actor, verb=verb, obj_type="space", obj_id=space.pk, space_id=space.pk)


def _locked(space: Space, user: User) -> Membership | None:
    """The membership row, locked: two quick clicks or two managers cannot both change it."""
    return Membership.objects.select_for_update().filter(space=space, user=user).first()


def _changed(space: Space, *users: User) -> None:
    for user in users:
        permissions.forget_membership(user, space)
    member_count_refresh([space.pk])


def _notify(task_name: str, membership_id: int) -> None:
    def enqueue() -> None:
        from kring.spaces import tasks

        getattr(tasks, task_name).enqueue(membership_id)

    transaction.on_commit(enqueue)


def _owner_count(space: Space) -> int:
    return Membership.objects.filter(space=space, role=Role.OWNER, state=State.ACTIVE).count()


def _already_member(space: Space) -> ValidationError:
    return ValidationError(_("You are already a member of “%(space)s”.") % {"space": space.name})


@transaction.atomic
def space_join(*, actor: User, space: Space) -> Membership:
    """Join an open community, or accept an invitation to any space."""
    permissions.check_see(actor, space)
    m = _locked(space, actor)
    if m is not None and m.is_current():
        raise _already_member(space)
    if not permissions.can_join(actor, space):
        if space.is_archived:
            raise ValidationError(_("This space is archived: nobody can join it."))
        if permissions.can_request(actor, space):
            raise ValidationError(_("This space is on request: ask to join instead."))
        raise ValidationError(_("You can only join this space when a manager invites you."))
    invited = m is not None and m.state == State.INVITED
    now = clock.now()
    if m is None:
        m = Membership(space=space, user=actor)
    m.state, m.joined_at, m.role = State.ACTIVE, now, m.role or Role.MEMBER
    m.save()
    _changed(space, actor)
    if invited:
        _record(actor, "invite_accepted", space)
    _record(actor, "group_joined", space)
    return m


@transaction.atomic
def space_leave(*, actor: User, space: Space) -> None:
    """Leave a space, withdraw a request or turn down an invitation."""
    permissions.check_see(actor, space)
    m = _locked(space, actor)
    if m is None or m.state == State.DECLINED:
        raise ValidationError(_("You are not a member of this space."))
    if m.source == Membership.Source.STRUCTURE:
        raise ValidationError(
            _(
                "You are a member of “%(space)s” because of where you work; "
                "it follows the organisation."
            )
            % {"space": space.name}
        )
    if m.role == Role.OWNER and m.state == State.ACTIVE and _owner_count(space) <= 1:
        raise ValidationError(
            _(
                "You are the last owner of this space. "
                "Hand ownership to someone else before you leave."
            )
        )
    was_member = m.state == State.ACTIVE
    m.delete()
    _changed(space, actor)
    if was_member:
        _record(actor, "group_left", space)


@transaction.atomic
def space_request(*, actor: User, space: Space, message: str = "") -> Membership:
    permissions.check_see(actor, space)
    m = _locked(space, actor)
    if m is not None and m.is_current():
        raise _already_member(space)
    if m is not None and m.state == State.REQUESTED:
        raise ValidationError(_("You have already asked to join; a manager will answer."))
    if not permissions.can_request(actor, space):
        if permissions.can_join(actor, space):
            raise ValidationError(_("This space is open: you can join it straight away."))
        raise ValidationError(_("You cannot ask to join this space."))
    m = m or Membership(space=space, user=actor)
    m.state, m.role, m.message = State.REQUESTED, Role.MEMBER, message.strip()[:1000]
    m.created_at, m.decided_at, m.decided_by, m.decision_message = clock.now(), None, None, ""
    m.notified_at = None
    m.full_clean()
    m.save()
    permissions.forget_membership(actor, space)
    _record(actor, "group_requested", space)
    return m


@transaction.atomic
def request_decide(
    *, actor: User, space: Space, requester: User, accept: bool, message: str = ""
) -> Membership:
    """Accept or decline a request to join; the requester is told, with the message."""
    permissions.check_manage_members(actor, space)
    m = _locked(space, requester)
    if m is None or m.state != State.REQUESTED:
        raise ValidationError(_("This request has already been answered or withdrawn."))
    now = clock.now()
    m.decided_by, m.decided_at, m.decision_message = actor, now, message.strip()[:1000]
    m.notified_at = None
    if accept:
        if requester.status == User.Status.DEACTIVATED or not requester.is_active:
            raise ValidationError(_("%(name)s no longer works here.") % {"name": requester})
        m.state, m.joined_at = State.ACTIVE, now
    else:
        m.state = State.DECLINED
    m.save()
    _changed(space, requester)
    if accept:
        _record(requester, "group_joined", space)
    audit_record(
        actor=actor,
        action="space.request_accept" if accept else "space.request_decline",
        obj=space,
        changes={"user": requester.pk},
    )
    _notify("notify_request_decided", m.pk)
    return m


@transaction.atomic
def members_invite(*, actor: User, space: Space, people: list[User]) -> list[Membership]:
    """Invite colleagues; each accepts (joins) or turns it down. All or nothing, with reasons."""
    permissions.check_invite(actor, space)
    if not people:
        raise ValidationError(_("Choose at least one person to invite."))
    problems: list[str] = []
    invited: list[Membership] = []
    for person in people:
        m = _locked(space, person)
        if person.status == User.Status.DEACTIVATED or not person.is_active:
            problems.append(_("%(name)s no longer works here.") % {"name": person})
        elif person.role == User.Role.GUEST:
            problems.append(
                _("%(name)s is an external guest; invite guests by e-mail.") % {"name": person}
            )
        elif m is not None and m.is_current():
            problems.append(_("%(name)s is already a member.") % {"name": person})
        elif m is not None and m.state == State.INVITED:
            problems.append(_("%(name)s has already been invited.") % {"name": person})
        else:
            invited.append(m or Membership(space=space, user=person))
    if problems:
        raise ValidationError(problems)
    now = clock.now()
    for m in invited:
        was_request = m.state == State.REQUESTED and m.pk is not None
        m.state = State.ACTIVE if was_request else State.INVITED
        m.role, m.invited_by, m.created_at, m.notified_at = Role.MEMBER, actor, now, None
        m.joined_at = now if was_request else None
        m.save()
        permissions.forget_membership(m.user, space)
        if was_request:
            # Inviting someone who asked to join is answering their request.
            _record(m.user, "group_joined", space)
        _notify("notify_invited", m.pk)
    member_count_refresh([space.pk])
    return invited


def _target(space: Space, user: User) -> Membership:
    m = _locked(space, user)
    if m is None or m.state != State.ACTIVE:
        raise ValidationError(_("%(name)s is not a member of this space.") % {"name": user})
    return m


@transaction.atomic
def member_remove(*, actor: User, space: Space, user: User) -> None:
    permissions.check_manage_members(actor, space)
    m = _target(space, user)
    if m.source == Membership.Source.STRUCTURE:
        raise ValidationError(
            _("%(name)s belongs here because of where they work; change their unit instead.")
            % {"name": user}
        )
    if m.role == Role.OWNER:
        if permissions.role_in(actor, space) != Role.OWNER:
            raise ValidationError(_("Only an owner can remove an owner."))
        if _owner_count(space) <= 1:
            raise ValidationError(_("A space always keeps an owner: hand ownership over first."))
    m.delete()
    _changed(space, user)
    audit_record(actor=actor, action="space.member_remove", obj=space, changes={"user": user.pk})


@transaction.atomic
def member_change_role(*, actor: User, space: Space, user: User, role: str) -> Membership:
    permissions.check_manage_members(actor, space)
    if role not in (Role.MANAGER, Role.MODERATOR, Role.MEMBER):
        raise ValidationError(
            _("Choose manager, moderator or member; ownership is handed over separately.")
        )
    m = _target(space, user)
    if m.role == Role.GUEST:
        raise ValidationError(_("External guests keep the guest role."))
    if m.role == Role.OWNER and _owner_count(space) <= 1:
        raise ValidationError(_("A space always keeps an owner: hand ownership over first."))
    mine = permissions.role_in(actor, space)
    actor_rank = ROLE_RANK[mine] if mine else ROLE_RANK[Role.OWNER]  # type: ignore[index]
    if ROLE_RANK[m.role] >= actor_rank or ROLE_RANK[role] > actor_rank:  # type: ignore[index]
        raise ValidationError(_("You cannot change the role of someone at or above your own role."))
    if m.role == role:
        return m
    old = m.role
    m.role = role
    m.save(update_fields=["role"])
    permissions.forget_membership(user, space)
    audit_record(
        actor=actor, action="space.role", obj=space, changes={"user": user.pk, "role": [old, role]}
    )
    return m


@transaction.atomic
def ownership_transfer(*, actor: User, space: Space, new_owner: User) -> Membership:
    """Hand the space over; the former owner stays on as a manager."""
    permissions.check_transfer_ownership(actor, space)
    if new_owner.pk == actor.pk:
        raise ValidationError(_("You already own this space."))
    m = _target(space, new_owner)
    if m.role == Role.GUEST or new_owner.status != User.Status.ACTIVE:
        raise ValidationError(_("Only an active colleague who is a member can own a space."))
    mine = _locked(space, actor)
    assert mine is not None
    m.role, mine.role = Role.OWNER, Role.MANAGER
    m.save(update_fields=["role"])
    mine.save(update_fields=["role"])
    _changed(space, actor, new_owner)
    audit_record(
        actor=actor, action="space.transfer", obj=space,
        changes={"owner": [actor.pk, new_owner.pk]},
    )  # fmt: skip
    return m
