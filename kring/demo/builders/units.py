"""The unit tree: the board, its office with departments, and the 14 primary schools."""

from kring.demo import timeline, words
from kring.demo.builders.context import DemoContext
from kring.org.models import OrgUnit
from kring.org.services import unit_create


def build_units(ctx: DemoContext) -> None:
    ctx.pin(timeline.at(timeline.SET_UP, 8, 0))
    kind = OrgUnit.Kind
    root = unit_create(
        actor=None, name=words.ORGANISATION_NAME, kind=kind.ORGANISATION,
        location=words.ORGANISATION_TOWN, audit=False,
    )  # fmt: skip
    office = unit_create(
        actor=None, name=words.BOARD_OFFICE, kind=kind.BOARD_OFFICE, parent=root,
        location=words.ORGANISATION_TOWN, audit=False,
    )  # fmt: skip
    ctx.units = {root.name: root, office.name: office}
    for name in words.DEPARTMENTS:
        ctx.units[name] = unit_create(
            actor=None, name=name, kind=kind.DEPARTMENT, parent=office,
            location=words.ORGANISATION_TOWN, audit=False,
        )  # fmt: skip
    for name, town in words.SCHOOLS:
        school = unit_create(
            actor=None, name=name, kind=kind.SCHOOL, parent=root, location=town, audit=False
        )
        ctx.units[name] = school
        ctx.schools.append(school)
