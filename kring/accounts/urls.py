from django.urls import path  # noqa: F401

from kring.accounts import views

app_name = "accounts"

urlpatterns: list = []
