from django.urls import URLPattern, path

from kring.admin_console.views import units

urlpatterns: list[URLPattern] = [
    path("", units.units, name="units"),
    path("nieuw/", units.unit_create, name="unit_create"),
    path("<int:pk>/", units.unit_edit, name="unit_edit"),
    path("<int:pk>/verplaatsen/", units.unit_move, name="unit_move"),
    path("<int:pk>/verwijderen/", units.unit_delete, name="unit_delete"),
]
