from django.urls import URLPattern, path

from kring.admin_console.views import people

urlpatterns: list[URLPattern] = [
    path("", people.people, name="people"),
    path("<int:pk>/", people.person, name="person"),
    path("<int:pk>/rol/", people.person_role, name="person_role"),
    path("<int:pk>/deactiveren/", people.person_deactivate, name="person_deactivate"),
    path("<int:pk>/heractiveren/", people.person_reactivate, name="person_reactivate"),
]
