from django.urls import path

from kring.feed import views

app_name = "feed"

urlpatterns = [
    path("", views.home, name="home"),
    path("nieuw-sinds/", views.newer, name="newer"),
    path("ruimtes/<slug:slug>/berichten/", views.space, name="space"),
    path("mensen/<int:pk>/berichten/", views.person, name="person"),
    path("onderwerpen/<str:name>/", views.topic, name="topic"),
    path("bewaard/", views.saved, name="saved"),
]
