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


def test_home_names_the_unit_manager_and_counts_colleagues(as_user, member, other_member, school):
    from kring.accounts.tests.factories import UserFactory

    director = UserFactory(display_name="Dora Directeur", primary_unit=school)
    school.manager = director
    school.save()
    UserFactory(primary_unit=school, status="invited")  # not on Kring yet: not counted
    html = as_user(member).get(reverse("feed:home")).content.decode()
    assert "Dora Directeur" in html
    assert "2 colleagues" in html or "2 collega" in html


def test_home_stops_suggesting_two_factor_once_it_is_on(as_user, member):
    from allauth.mfa.models import Authenticator

    tile = f'class="home-mfa" href="{reverse("mfa_index")}"'
    assert tile in as_user(member).get(reverse("feed:home")).content.decode()
    Authenticator.objects.create(user=member, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert tile not in as_user(member).get(reverse("feed:home")).content.decode()


def test_home_makes_a_constant_number_of_queries(
    as_user, member, school, django_assert_max_num_queries
):
    from kring.accounts.tests.factories import UserFactory

    client = as_user(member)
    UserFactory.create_batch(3, primary_unit=school)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("feed:home"))
    UserFactory.create_batch(9, primary_unit=school)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("feed:home"))


def _community(owner, name, access="open"):
    from kring.spaces.services.spaces import community_create

    return community_create(actor=owner, name=name, access=access)


def test_home_lists_my_spaces_and_not_others(as_user, member, other_member):
    mine = _community(member, "Leerkrachten groep 2")
    _community(other_member, "Schaakclub")
    html = as_user(member).get(reverse("feed:home")).content.decode()
    assert reverse("spaces:detail", args=[mine.slug]) in html
    assert "Schaakclub" not in html


def test_external_guest_home_shows_their_space_and_nothing_about_the_organisation(
    as_user, member, guest, school
):
    from datetime import timedelta

    from kring.common import clock
    from kring.spaces.models import Membership

    care = _community(member, "Ouders van de Zonnebloem")
    Membership.objects.create(
        space=care, user=guest, role="guest", expires_at=clock.now() + timedelta(days=30)
    )
    html = as_user(guest).get(reverse("feed:home")).content.decode()
    assert "Ouders van de Zonnebloem" in html
    assert "De Regenboog" not in html  # the organisation's units are not a guest's business
    Membership.objects.filter(user=guest).update(expires_at=clock.now() - timedelta(days=1))
    html = as_user(guest).get(reverse("feed:home")).content.decode()
    assert "Ouders van de Zonnebloem" not in html
