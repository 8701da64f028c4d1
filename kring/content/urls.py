from django.urls import path

from kring.content.views import files

app_name = "content"

urlpatterns = [
    path("<int:post_id>/bestanden/<int:pk>/<str:name>", files.attachment, name="attachment"),
]
