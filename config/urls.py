from django.contrib import admin
from django.urls import include, path

from kring.accounts import views as account_views

urlpatterns = [
    path("", include("kring.feed.urls")),
    path("ruimtes/", include("kring.spaces.urls")),
    path("berichten/", include("kring.content.urls")),
    path("doe/", include("kring.engagement.urls")),
    path("accounts/", include("kring.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("beheer/", include("kring.admin_console.urls")),
    path("i18n/setlang/", account_views.set_language, name="set_language"),
    path("brand.css", account_views.brand_css, name="brand_css"),
    path("django-admin/", admin.site.urls),
]

handler403 = "kring.common.views.permission_denied"
handler404 = "kring.common.views.page_not_found"
handler500 = "kring.common.views.server_error"
