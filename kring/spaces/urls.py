from django.urls import path

from kring.spaces import views

app_name = "spaces"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("nieuw/", views.create, name="create"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/omslag/", views.cover, name="cover"),
    path("<slug:slug>/leden/", views.members, name="members"),
    path("<slug:slug>/leden/<int:user_id>/rol/", views.member_role, name="member_role"),
    path("<slug:slug>/leden/<int:user_id>/verwijderen/", views.member_remove, name="member_remove"),
    path("<slug:slug>/lid-worden/", views.join, name="join"),
    path("<slug:slug>/verlaten/", views.leave, name="leave"),
    path("<slug:slug>/aanvragen/", views.request_join, name="request"),
    path("<slug:slug>/aanvragen/<int:user_id>/", views.decide, name="decide"),
    path("<slug:slug>/uitnodigen/", views.invite, name="invite"),
    path("<slug:slug>/uitnodigen/zoeken/", views.invite_search, name="invite_search"),
    path("<slug:slug>/gasten/", views.guests, name="guests"),
    path("<slug:slug>/gasten/<int:user_id>/", views.guest_access, name="guest_access"),
    path("<slug:slug>/eigenaar/", views.transfer, name="transfer"),
    path("<slug:slug>/instellingen/", views.settings, name="settings"),
    path("<slug:slug>/archiveren/", views.archive, name="archive"),
    path("<slug:slug>/verwijderen/", views.delete, name="delete"),
]
