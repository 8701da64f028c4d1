from django.urls import reverse


def test_home_requires_login(client, db):
    response = client.get(reverse("feed:home"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_home_welcomes_person_with_their_unit(as_user, member):
    response = as_user(member).get(reverse("feed:home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert member.get_short_name() in html
    assert "De Regenboog" in html


def test_admin_link_only_for_administrators(as_user, member, admin_user):
    assert (
        reverse("admin_console:index")
        not in as_user(member).get(reverse("feed:home")).content.decode()
    )
    assert (
        reverse("admin_console:index")
        in as_user(admin_user).get(reverse("feed:home")).content.decode()
    )
