from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node


class OrgUnit(MP_Node):
    """A unit of the organisation tree: board office, school, department, team."""

    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("Organisation")
        BOARD_OFFICE = "board_office", _("Board office")
        SCHOOL = "school", _("School")
        DEPARTMENT = "department", _("Department")
        TEAM = "team", _("Team")

    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.TEAM)
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("manager"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_units",
    )
    location = models.CharField(_("location"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    node_order_by = ["name"]

    class Meta:
        verbose_name = _("organisation unit")
        verbose_name_plural = _("organisation units")

    def __str__(self) -> str:
        return self.name

    @property
    def path_names(self) -> str:
        """The unit's path as import files write it: "Board / School"."""
        return " / ".join(u.name for u in [*self.get_ancestors(), self])
