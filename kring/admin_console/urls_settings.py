from django.urls import URLPattern, path

from kring.admin_console.views import settings

urlpatterns: list[URLPattern] = [
    path("", settings.settings, name="settings"),
]
