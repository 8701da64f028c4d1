from django.urls import path

from kring.feed import views

app_name = "feed"

urlpatterns = [
    path("", views.home, name="home"),
]
