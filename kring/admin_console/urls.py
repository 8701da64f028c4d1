from django.urls import include, path

from kring.admin_console.views import home

app_name = "admin_console"

# Each area's URL module adds its names to the admin_console namespace.
urlpatterns = [
    path("", home.index, name="index"),
    path("mensen/", include("kring.admin_console.urls_people")),
    path("eenheden/", include("kring.admin_console.urls_units")),
    path("ruimtes/", include("kring.admin_console.urls_spaces")),
    path("uitrol/", include("kring.admin_console.urls_rollout")),
    path("import/", include("kring.admin_console.urls_import")),
    path("audit/", include("kring.admin_console.urls_audit")),
    path("instellingen/", include("kring.admin_console.urls_settings")),
]
