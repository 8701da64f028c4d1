"""The demo organisation, built step by step.

`STEPS` runs in order inside one transaction with the clock pinned to the demo's timeline
(kring.demo.timeline). Each step is a function of the shared `DemoContext`: it writes through the
services of the app it fills, draws randomness only from `ctx.rng("<its own stream>")` (so adding
a step never changes what earlier steps produce), and adds what the analytics must find to
`ctx.truth`. Later issues add their steps (spaces, content, eight months of activity) by
inserting them here, before "planted_truth" unless they only add keys of their own.
"""

from kring.demo.builders.content import build_content
from kring.demo.builders.context import DemoContext, Step
from kring.demo.builders.organisation import build_organisation
from kring.demo.builders.people import (
    build_administrator,
    build_leavers,
    build_people,
    build_roles,
    build_staff_plan,
    build_unit_managers,
)
from kring.demo.builders.rollout import build_invitations_sent, build_waves
from kring.demo.builders.sessions import build_sessions
from kring.demo.builders.spaces import build_spaces
from kring.demo.builders.truth import build_truth
from kring.demo.builders.units import build_units

STEPS: list[Step] = [
    Step("plan", build_staff_plan),
    Step("units", build_units),
    Step("administrator", build_administrator),
    Step("organisation", build_organisation),
    Step("waves", build_waves),
    Step("people", build_people),
    Step("unit_managers", build_unit_managers),
    Step("roles", build_roles),
    Step("leavers", build_leavers),
    Step("spaces", build_spaces),
    Step("invitations", build_invitations_sent),
    Step("content", build_content),
    Step("sessions", build_sessions),
    Step("planted_truth", build_truth),
]

__all__ = ["STEPS", "DemoContext", "Step"]
