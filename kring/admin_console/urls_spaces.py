from django.urls import URLPattern, path

from kring.admin_console.views import spaces

# Mounted at /beheer/ruimtes/ inside the admin_console namespace.
urlpatterns: list[URLPattern] = [
    path("", spaces.spaces, name="spaces"),
    path("organisatie/", spaces.spaces_follow_organisation, name="spaces_structure"),
    path("<int:pk>/herstellen/", spaces.space_restore, name="space_restore"),
]
