from django.urls import reverse

from kring.accounts.models import User


def test_switching_language_sets_the_cookie_and_the_profile(as_user, member):
    client = as_user(member)
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("feed:home")}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("feed:home")
    assert response.cookies["django_language"].value == "en"
    assert User.objects.get(pk=member.pk).language == "en"
    assert '<html lang="en">' in client.get(reverse("feed:home")).content.decode()


def test_switching_language_refuses_foreign_redirects_and_unknown_languages(as_user, member):
    client = as_user(member)
    response = client.post(
        reverse("set_language"), {"language": "xx", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
    assert "django_language" not in response.cookies
    assert User.objects.get(pk=member.pk).language == "nl"


def test_switching_language_needs_post(client, db):
    assert client.get(reverse("set_language")).status_code == 405


def test_anonymous_visitor_can_switch_the_login_page_to_english(client, db):
    client.post(reverse("set_language"), {"language": "en", "next": reverse("accounts:login")})
    response = client.get(reverse("accounts:login"))
    assert '<html lang="en">' in response.content.decode()
