from django.urls import path

from kring.engagement import views

app_name = "engagement"

urlpatterns = [
    path("<slug:target>/<int:pk>/reactie/", views.react, name="react"),
    path("<slug:target>/<int:pk>/reacties/", views.reactors, name="reactors"),
    path("<slug:target>/<int:pk>/reageren/", views.comment, name="comment"),
    path("<slug:target>/<int:pk>/bewaren/", views.bookmark, name="bookmark"),
    path("<slug:target>/<int:pk>/melden/", views.report, name="report"),
    path("<slug:target>/<int:pk>/vermelden/", views.mentions, name="mentions"),
    path("meldingen/", views.reports, name="reports"),
    path("volgen/<slug:kind>/<int:pk>/", views.follow, name="follow"),
    path("reactie/<int:pk>/bewerken/", views.comment_edit, name="comment_edit"),
    path("reactie/<int:pk>/verwijderen/", views.comment_delete, name="comment_delete"),
    path("reactie/<int:pk>/verbergen/", views.comment_hide, name="comment_hide"),
]
