"""The 525 staff, created from the staff plan through the accounts services.

Bulk seeding passes audit=False where the services allow it; the administrator's own actions
that an organisation would see in its audit log (brand, roles, unit managers, leavers) are
audited, stamped with the demo's pinned clock.
"""

from datetime import timedelta

from kring.accounts.models import User
from kring.accounts.services.people import (
    person_change_role,
    person_create,
    person_deactivate,
    person_update,
)
from kring.demo import words
from kring.demo.builders.context import DemoContext
from kring.demo.builders.staff import DEACTIVATED, INVITED, PersonPlan, StaffPlan, build_plan
from kring.demo.credentials import ADMINISTRATOR, DEMO_PASSWORD
from kring.org.services import unit_update


def plan_of(ctx: DemoContext) -> StaffPlan:
    if ctx.plan is None:
        raise RuntimeError("the plan step has not run")
    plan: StaffPlan = ctx.plan
    return plan


def build_staff_plan(ctx: DemoContext) -> None:
    ctx.plan = build_plan(ctx.rng)


def _create(ctx: DemoContext, p: PersonPlan) -> User:
    plan = plan_of(ctx)
    ctx.pin(p.created_at)
    # Managers are created before their reports, except the head of ICT, who comes after the
    # administrator (fixed in build_people).
    manager = ctx.people.get(plan.people[p.manager].email) if p.manager is not None else None
    user = person_create(
        actor=ctx.admin,
        email=p.email,
        display_name=p.display_name,
        job_title=p.job_title,
        unit=ctx.units[p.unit],
        role=User.Role.ADMIN if p.demo is ADMINISTRATOR else User.Role.MEMBER,
        wave=ctx.waves.get(p.wave),
        line_manager=manager,
        password=DEMO_PASSWORD if p.demo else None,
        status=User.Status.INVITED if p.status == INVITED else User.Status.ACTIVE,
        audit=False,
    )
    ctx.people[user.email] = user
    return user


def build_administrator(ctx: DemoContext) -> None:
    """The administrator comes first: the actor of everything the organisation sets up."""
    ctx.admin = _create(ctx, plan_of(ctx).by_email(ADMINISTRATOR.email))


def build_people(ctx: DemoContext) -> None:
    plan = plan_of(ctx)
    admin = ctx.administrator
    for p in plan.people:
        if p.email != admin.email:
            _create(ctx, p)
    # The administrator was created before their head of department existed.
    admin_plan = plan.by_email(admin.email)
    if admin_plan.manager is not None:
        head = ctx.people[plan.people[admin_plan.manager].email]
        person_update(
            actor=admin,
            person=admin,
            line_manager=head,
            wave=ctx.waves[admin_plan.wave],
            audit=False,
        )


def build_unit_managers(ctx: DemoContext) -> None:
    """Directors manage their school, heads their department, the chair the board and office."""
    plan = plan_of(ctx)
    chair = plan.people[0]
    managers = {words.ORGANISATION_NAME: chair, words.BOARD_OFFICE: chair}
    managers.update({p.unit: p for p in plan.people if p.heads_unit})
    for name, unit in ctx.units.items():
        head = managers.get(name)
        if head is None:
            continue
        ctx.pin(head.created_at + timedelta(minutes=10))
        unit.refresh_from_db()
        unit_update(
            actor=ctx.administrator, unit=unit, name=unit.name, kind=unit.kind,
            location=unit.location, manager_id=ctx.people[head.email].pk,
        )  # fmt: skip


def build_roles(ctx: DemoContext) -> None:
    """The community manager and the communications editors get their role from the admin."""
    for p in plan_of(ctx).people:
        if p.role in (User.Role.MEMBER, User.Role.ADMIN):
            continue
        ctx.pin(p.created_at + timedelta(minutes=5))
        person_change_role(actor=ctx.administrator, person=ctx.people[p.email], role=p.role)


def build_leavers(ctx: DemoContext) -> None:
    """Two colleagues left before the summer; their content stays, as a former colleague's."""
    for p in plan_of(ctx).people:
        if p.status == DEACTIVATED and p.deactivated_at is not None:
            ctx.pin(p.deactivated_at)
            person_deactivate(actor=ctx.administrator, person=ctx.people[p.email])
