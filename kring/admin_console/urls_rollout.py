from django.urls import path

from kring.admin_console.views import rollout

# Mounted at /beheer/uitrol/ inside the admin_console namespace.
urlpatterns = [
    path("golven/", rollout.waves, name="waves"),
    path("golven/<int:pk>/", rollout.wave_edit, name="wave_edit"),
    path("golven/<int:pk>/verwijderen/", rollout.wave_delete, name="wave_delete"),
    path("uitnodigingen/", rollout.invitations, name="invitations"),
    path("uitnodigingen/<int:pk>/opnieuw/", rollout.invitation_resend, name="invitation_resend"),
    path("uitnodigingen/<int:pk>/intrekken/", rollout.invitation_revoke, name="invitation_revoke"),
    path("uitnodigen/", rollout.invite, name="invite"),
]
