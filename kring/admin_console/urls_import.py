from django.urls import URLPattern, path

from kring.admin_console.views import importing

# Mounted at /beheer/import/ inside the admin_console namespace.
urlpatterns: list[URLPattern] = [
    path("", importing.upload, name="import"),
    path("voorbeeld.csv", importing.example, name="import_example"),
    path("<int:pk>/", importing.detail, name="import_detail"),
    path("<int:pk>/toepassen/", importing.apply, name="import_apply"),
]
