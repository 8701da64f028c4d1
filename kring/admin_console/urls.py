from django.urls import path

from kring.admin_console import views

app_name = "admin_console"

urlpatterns = [
    path("", views.index, name="index"),
]
