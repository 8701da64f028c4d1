"""Reporting content and the moderation queue: each moderator sees the reports on what they
moderate, nothing else; hiding or dismissing closes every report on the same thing."""

import pytest
from django.urls import reverse

from kring.content.services.posts import post_hide
from kring.content.tests.factories import post
from kring.engagement.models import Report
from kring.engagement.services.comments import comment_create, comment_hide
from kring.engagement.services.reports import report_create
from kring.spaces.models import Membership
from kring.spaces.tests import factories as sf

pytestmark = pytest.mark.django_db


def queue(client):
    response = client.get(reverse("engagement:reports"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_space_moderator_sees_the_report_others_do_not(
    as_user, member, other_member, space_owner, coffee, school
):
    from kring.accounts.tests.factories import UserFactory

    p = post(other_member, coffee, body="Dit is niet aardig")
    report_create(actor=member, target="post", target_id=p.pk, reason="Kwetsend voor collega's")
    assert "Kwetsend voor collega" in queue(as_user(space_owner))
    assert "Kwetsend voor collega" not in queue(as_user(member))
    elsewhere = UserFactory(primary_unit=school)
    sf.community("Schaakclub", owner=elsewhere)
    assert "Kwetsend voor collega" not in queue(as_user(elsewhere))  # moderates another space


def test_reporting_twice_is_refused_and_an_empty_reason_too(member, other_member, coffee):
    from django.core.exceptions import ValidationError

    p = post(other_member, coffee)
    report_create(actor=member, target="post", target_id=p.pk, reason="Spam")
    with pytest.raises(ValidationError):
        report_create(actor=member, target="post", target_id=p.pk, reason="Nog eens")
    with pytest.raises(ValidationError):
        report_create(actor=other_member, target="post", target_id=p.pk, reason="  ")
    assert Report.objects.count() == 1


def test_hiding_closes_the_reports(member, other_member, space_owner, coffee):
    p = post(other_member, coffee)
    c = comment_create(actor=other_member, target="post", target_id=p.pk, body="Onaardig")
    report_create(actor=member, target="post", target_id=p.pk, reason="Spam")
    report_create(actor=member, target="comment", target_id=c.pk, reason="Onaardig")
    post_hide(actor=space_owner, post_id=p.pk, reason="Reclame")
    comment_hide(actor=space_owner, comment_id=c.pk, reason="Toon")
    assert set(Report.objects.values_list("state", flat=True)) == {Report.State.HIDDEN}


def test_dismissing_closes_the_report_and_only_a_moderator_may(
    as_user, member, other_member, space_owner, coffee
):
    p = post(other_member, coffee)
    report = report_create(actor=member, target="post", target_id=p.pk, reason="Spam")
    as_user(member).post(reverse("engagement:reports"), {"report": report.pk})
    assert Report.objects.get().state == Report.State.OPEN
    as_user(space_owner).post(reverse("engagement:reports"), {"report": report.pk})
    assert Report.objects.get().state == Report.State.DISMISSED


def test_the_queue_makes_a_constant_number_of_queries(
    as_user, member, other_member, space_owner, coffee, django_assert_max_num_queries
):
    sf.add_member(coffee, member, Membership.Role.MEMBER)
    client = as_user(space_owner)

    def reported(n):
        for i in range(n):
            p = post(other_member, coffee, body=f"Bericht {i}")
            c = comment_create(actor=other_member, target="post", target_id=p.pk, body="Hm")
            report_create(actor=member, target="post", target_id=p.pk, reason=f"Reden {i}")
            report_create(actor=member, target="comment", target_id=c.pk, reason="Toon")

    reported(2)
    client.get(reverse("engagement:reports"))
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("engagement:reports"))
    reported(8)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(reverse("engagement:reports")).content.decode()
    assert html.count('class="card report-item"') == 20


def test_a_hidden_post_stays_visible_to_its_moderator_who_may_show_it_again(
    as_user, member, other_member, space_owner, coffee
):
    from kring.content.models import Post

    p = post(other_member, coffee, body="Verborgen inhoud")
    post_hide(actor=space_owner, post_id=p.pk, reason="Reclame")
    assert p.pk not in Post.objects.visible_to(member).values_list("pk", flat=True)
    assert p.pk in Post.objects.visible_to(space_owner).values_list("pk", flat=True)
    assert as_user(member).get(reverse("content:detail", args=[p.pk])).status_code == 404
    html = as_user(space_owner).get(reverse("content:detail", args=[p.pk])).content.decode()
    assert "Reclame" in html
    post_hide(actor=space_owner, post_id=p.pk, reason="", hidden=False)
    assert p.pk in Post.objects.visible_to(member).values_list("pk", flat=True)
