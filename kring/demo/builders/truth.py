"""The planted truth: what the analytics must find in the demo (ANALYTICS.md §11).

Later steps add their own keys to `ctx.truth` (and replace the placeholders below); ids are
listed next to their e-mail addresses under "emails", so the file stays readable and can be
matched to a database that was not seeded from empty.
"""

from kring.accounts.models import User
from kring.demo import timeline, words
from kring.demo.builders.context import DemoContext
from kring.demo.builders.people import plan_of
from kring.demo.credentials import DEMO_LOGINS, GUEST


def user_ref(ctx: DemoContext, user: User) -> int:
    """A user's id for the planted truth; their e-mail is noted beside it."""
    ctx.truth.setdefault("emails", {})[str(user.pk)] = user.email
    return user.pk


def build_truth(ctx: DemoContext) -> None:
    plan = plan_of(ctx)

    def ref(index: int) -> int:
        return user_ref(ctx, ctx.people[plan.people[index].email])

    chasm = ctx.units[plan.chasm_school]
    ctx.truth.update(
        {
            "seed": ctx.seed,
            "anchor": timeline.ANCHOR.isoformat(),
            "timeline": {
                "week_0": timeline.WEEK_0.isoformat(),
                "general_launch": timeline.GENERAL_LAUNCH.isoformat(),
                "weeks": timeline.WEEKS,
                "end": timeline.END.isoformat(),
                "holidays": [
                    {"name": name, "first_day": first.isoformat(), "last_day": last.isoformat()}
                    for name, first, last in timeline.HOLIDAYS
                ],
            },
            "organisation": {"name": words.ORGANISATION_NAME, "staff": len(plan.people)},
            "category_counts": dict(words.CATEGORY_COUNTS),
            "wave_ids": {f"wave_{n}": wave.pk for n, wave in sorted(ctx.waves.items())},
            "wave_sizes": {f"wave_{n}": len(plan.in_wave(n)) for n in sorted(ctx.waves)},
            "inactive_user_ids": sorted(ref(i) for i in plan.inactive),
            "informal_leader_ids": sorted(ref(i) for i in plan.informal_leaders),
            "decoy_user_ids": {key: ref(i) for key, i in plan.decoys.items()},
            "leaver_user_ids": sorted(ref(i) for i in plan.leavers),
            "chasm_unit_id": chasm.pk,
            "chasm_unit": {"name": chasm.name, "size": plan.school_sizes[chasm.name]},
            # The works council (GMR), the beachhead group: filled in by the spaces step.
            "beachhead": ctx.truth.get("beachhead"),
            "demo_login_ids": {d.key: user_ref(ctx, ctx.people[d.email]) for d in DEMO_LOGINS},
        }
    )
    guest = User.objects.filter(email=GUEST.email).first()  # made by the spaces step
    if guest is not None:
        ctx.truth["demo_login_ids"][GUEST.key] = user_ref(ctx, guest)
