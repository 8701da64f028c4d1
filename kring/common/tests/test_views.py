from django.test import RequestFactory
from django.utils import translation

from kring.common.views import permission_denied, server_error


def test_404_page_is_translated_and_keeps_the_layout(client, db):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "skip-link" in html
    with translation.override("nl"):
        assert translation.gettext("We cannot find this page") in html


def test_404_page_in_english(client, db):
    client.cookies["django_language"] = "en"
    response = client.get("/does-not-exist/")
    assert response.status_code == 404
    assert "We cannot find this page" in response.content.decode()


def test_403_page(rf: RequestFactory, member):
    request = rf.get("/")
    request.user = member
    with translation.override("nl"):
        response = permission_denied(request)
        assert response.status_code == 403
        assert translation.gettext("You may not do this").encode() in response.content


def test_500_page_renders_without_database_or_context(rf: RequestFactory):
    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"500" in response.content
