from django.urls import path

from kring.accounts import views

app_name = "accounts"

urlpatterns = [
    path("uitnodiging/<str:token>/", views.invitation, name="invitation"),
    path(
        "uitnodiging/<str:token>/nieuw/",
        views.invitation_request_new,
        name="invitation_request_new",
    ),
    # Same path as allauth's account_login (included after this module), so this view answers it.
    path("login/", views.login, name="login"),
]
