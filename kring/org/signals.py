"""What the organisation tree tells the apps above it, inside the changing transaction."""

from django.dispatch import Signal

# kwargs: unit (OrgUnit), change ("created" | "updated" | "moved" | "deleted")
unit_changed = Signal()
