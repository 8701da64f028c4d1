from django.urls import URLPattern, path

from kring.admin_console.views import audit

urlpatterns: list[URLPattern] = [
    path("", audit.audit, name="audit"),
]
