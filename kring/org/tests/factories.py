import factory

from kring.org.models import OrgUnit


def unit_factory(
    name: str = "", kind: str = OrgUnit.Kind.SCHOOL, parent: OrgUnit | None = None, **kw
) -> OrgUnit:
    """treebeard adds nodes through add_root/add_child, so this is a function, not a Factory."""
    name = name or f"Unit {factory.Faker._get_faker().unique.word()}"
    fields = {"name": name, "kind": kind, **kw}
    return OrgUnit.objects.add_child(parent, fields) if parent else OrgUnit.objects.add_root(fields)
