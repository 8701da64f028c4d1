from django.urls import path

from kring.content.views import actions, files, posts

app_name = "content"

urlpatterns = [
    path("schrijven/", posts.quick_post, name="quick_post"),
    path("schrijven/<slug:slug>/", posts.compose, name="compose"),
    path("schrijven/<slug:slug>/blog/", posts.blog_create, name="blog_create"),
    path("<int:pk>/", posts.detail, name="detail"),
    path("<int:pk>/bewerken/", posts.edit, name="edit"),
    path("<int:pk>/geschiedenis/", posts.history, name="history"),
    path("<int:pk>/verwijderen/", posts.delete, name="delete"),
    path("<int:pk>/verplaatsen/", posts.move, name="move"),
    path("<int:pk>/delen/", actions.share, name="share"),
    path("<int:pk>/gelezen/", actions.confirm, name="confirm"),
    path("<int:pk>/gelezen/overzicht/", actions.confirmations, name="confirmations"),
    path("<int:pk>/gelezen/herinneren/", actions.remind, name="remind"),
    path("<int:pk>/stemmen/", actions.vote, name="vote"),
    path("<int:pk>/antwoord/", actions.accept, name="accept"),
    path("<int:pk>/verbergen/", actions.hide, name="hide"),
    path("<int:pk>/vastzetten/", actions.pin, name="pin"),
    path("<int:pk>/uitlichten/", actions.spotlight, name="spotlight"),
    path("<int:pk>/bestanden/<int:attachment_id>/beschrijven/", actions.describe, name="describe"),
    path("<int:post_id>/bestanden/<int:pk>/<str:name>", files.attachment, name="attachment"),
    path("<int:pk>/omslag/<str:name>", files.cover, name="cover"),
]
