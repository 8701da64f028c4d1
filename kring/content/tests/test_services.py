"""Posts, questions, important news, comments and reactions through their services; visibility
through the one filter (kring/content/permissions.py)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from kring.accounts.models import ActivityEvent
from kring.common import clock
from kring.common.models import AuditEntry
from kring.content.models import Post, PostRevision, ReadConfirmation
from kring.content.services import news as news_services
from kring.content.services.posts import (
    post_delete,
    post_edit,
    post_hide,
    post_move,
    post_publish_due,
)
from kring.content.services.questions import answer_accept
from kring.content.targets import POST
from kring.content.tests.factories import news, post, question
from kring.engagement.models import Comment, Mention, Reaction, TopicUse
from kring.engagement.services.comments import comment_create, comment_delete, comment_hide
from kring.engagement.services.reactions import reaction_set
from kring.spaces.services.membership import member_remove
from kring.spaces.tests import factories as sf

pytestmark = pytest.mark.django_db


def visible(actor):
    return set(Post.objects.visible_to(actor).values_list("pk", flat=True))


def verbs(actor):
    return list(ActivityEvent.objects.filter(actor=actor).values_list("verb", flat=True))


@pytest.fixture
def secret(member, space_owner):
    return sf.community(
        "Directieoverleg", "secret", owner=space_owner, members={"member": [member]}
    )


@pytest.fixture
def open_space(member, space_owner):
    return sf.community("Koffiehoek", owner=space_owner, members={"member": [member]})


# -- posts -----------------------------------------------------------------------------------------


def test_a_post_is_stored_safe_and_recorded(member, open_space, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        p = post(member, open_space, body="**Welkom** <script>alert(1)</script> #rekenen")
    assert "<strong>Welkom</strong>" in p.body_html
    assert "<script" not in p.body_html
    assert TopicUse.objects.filter(target_type=POST, target_id=p.pk, topic__name="rekenen").exists()
    assert "post_created" in verbs(member)
    open_space.refresh_from_db()
    assert open_space.last_activity_at == p.published_at


@pytest.mark.parametrize("body", ["", "   ", "\n\t "])
def test_empty_posts_are_refused_and_nothing_is_saved(member, open_space, body):
    with pytest.raises(ValidationError):
        post(member, open_space, body=body)
    assert not Post.objects.exists()


def test_over_long_titles_are_refused(member, open_space):
    with pytest.raises(ValidationError) as error:
        question(member, open_space, title="x" * 151)
    assert "title" in error.value.message_dict
    assert not Post.objects.exists()


def test_only_members_post_and_only_editors_post_news(member, non_member, open_space, comms_editor):
    with pytest.raises(PermissionDenied):
        post(non_member, open_space)
    news_space = sf.the_news_space()
    sf.structure_spaces(member, comms_editor)
    with pytest.raises(PermissionDenied):
        post(member, news_space)
    with pytest.raises(PermissionDenied):
        news(member, open_space)
    assert news(comms_editor, news_space).kind == Post.Kind.NEWS


def test_secret_posts_are_invisible_to_outsiders(member, non_member, secret, community_manager):
    p = post(member, secret, body="canary-geheim")
    assert p.pk in visible(member)
    assert p.pk not in visible(non_member)
    assert p.pk not in visible(community_manager)


def test_removed_from_a_secret_space_the_same_person_sees_nothing_of_it_at_once(
    member, space_owner, secret
):
    """The filter's space subqueries are compiled once per person and second (common/sql.py);
    the membership they ask about is still read fresh by every statement."""
    p = post(member, secret, body="canary-geheim")
    assert p.pk in visible(member)
    member_remove(actor=space_owner, space=secret, user=member)
    assert p.pk not in visible(member)  # the same user object, the same second


def test_a_moved_post_disappears_at_once_for_who_can_no_longer_see_it(
    member, non_member, open_space, secret
):
    p = post(member, open_space, body="Eerst openbaar")
    assert p.pk in visible(non_member)
    post_move(actor=member, post_id=p.pk, to=secret)
    assert p.pk not in visible(non_member)  # the very next read
    assert AuditEntry.objects.filter(action="post.move").exists()


def test_a_share_shows_only_to_who_may_see_the_original(member, non_member, open_space, secret):
    original = post(member, secret, body="Binnenskamers")
    share = Post.objects.create(
        space=open_space, author=member, shared_post=original, body="Zie dit", body_html="Zie dit"
    )
    assert share.pk in visible(member)
    assert share.pk not in visible(non_member)


def test_edit_keeps_history_and_only_the_author_edits(member, other_member, open_space):
    p = post(member, open_space, body="Eerste versie")
    sf.add_member(open_space, other_member)
    with pytest.raises(PermissionDenied):
        post_edit(actor=other_member, post_id=p.pk, body="Gekaapt")
    post_edit(actor=member, post_id=p.pk, body="Tweede versie")
    p.refresh_from_db()
    assert p.body == "Tweede versie" and p.edited_at is not None
    assert list(PostRevision.objects.filter(post=p).values_list("body", flat=True)) == [
        "Eerste versie"
    ]


def test_delete_is_soft_and_moderators_deletion_is_audited(member, space_moderator, open_space):
    sf.add_member(open_space, space_moderator, "moderator")
    p = post(member, open_space)
    post_delete(actor=space_moderator, post_id=p.pk)
    assert Post.objects.filter(pk=p.pk, deleted_at__isnull=False).exists()
    assert p.pk not in visible(member)
    assert AuditEntry.objects.filter(action="post.delete", actor=space_moderator).exists()


def test_hidden_content_stays_visible_to_its_author_with_the_reason(
    member, other_member, space_moderator, open_space
):
    sf.add_member(open_space, space_moderator, "moderator")
    p = post(member, open_space)
    with pytest.raises(ValidationError):
        post_hide(actor=space_moderator, post_id=p.pk, reason=" ")
    with pytest.raises(PermissionDenied):
        post_hide(actor=other_member, post_id=p.pk, reason="Niet netjes")
    post_hide(actor=space_moderator, post_id=p.pk, reason="Persoonsgegevens")
    assert p.pk in visible(member)
    assert p.pk not in visible(other_member)
    p.refresh_from_db()
    assert p.hidden_reason == "Persoonsgegevens"
    assert AuditEntry.objects.filter(action="post.hide").exists()


# -- scheduled and important news ----------------------------------------------------------------


def test_scheduled_news_is_published_exactly_once(
    member, comms_editor, django_capture_on_commit_callbacks
):
    news_space = sf.the_news_space()
    sf.structure_spaces(member, comms_editor)
    at = clock.now() + timedelta(hours=2)
    p = news(comms_editor, news_space, publish_at=at)
    assert p.state == Post.State.SCHEDULED
    assert p.pk not in visible(member) and p.pk in visible(comms_editor)
    assert post_publish_due(post_id=p.pk) is False  # not yet
    clock.pin(at + timedelta(seconds=1))
    try:
        with django_capture_on_commit_callbacks(execute=True):
            assert post_publish_due(post_id=p.pk) is True
            assert post_publish_due(post_id=p.pk) is False  # a second worker changes nothing
    finally:
        clock.pin(None)
    assert p.pk in visible(member)
    assert verbs(comms_editor).count("post_created") == 1


def test_important_news_is_confirmed_once(member, comms_editor, non_member):
    news_space = sf.the_news_space()
    sf.structure_spaces(member, comms_editor)
    p = news(comms_editor, news_space, important=True)
    news_services.read_confirm(actor=member, post=p)
    news_services.read_confirm(actor=member, post=p)
    assert ReadConfirmation.objects.filter(post=p).count() == 1
    plain = news(comms_editor, news_space, title="Gewoon nieuws")
    with pytest.raises(PermissionDenied):
        news_services.read_confirm(actor=member, post=plain)


def test_only_news_is_important_pinned_or_scheduled(member, open_space):
    with pytest.raises(ValidationError):
        post(member, open_space, important=True)
    assert not Post.objects.exists()


# -- comments, answers, reactions, mentions --------------------------------------------------------


def test_comments_reply_one_level_deep_and_count(member, other_member, open_space):
    p = post(member, open_space)
    first = comment_create(actor=other_member, target=POST, target_id=p.pk, body="Goed idee")
    reply = comment_create(
        actor=member, target=POST, target_id=p.pk, body="Dank je", parent_id=first.pk
    )
    deeper = comment_create(
        actor=other_member, target=POST, target_id=p.pk, body="Graag", parent_id=reply.pk
    )
    assert reply.parent_id == first.pk and deeper.parent_id == first.pk
    p.refresh_from_db()
    assert p.comment_count == 3
    comment_delete(actor=other_member, comment_id=deeper.pk)
    p.refresh_from_db()
    assert p.comment_count == 2


def test_nobody_comments_on_what_they_cannot_see(non_member, member, secret):
    p = post(member, secret)
    with pytest.raises(Http404):
        comment_create(actor=non_member, target=POST, target_id=p.pk, body="Hallo?")
    with pytest.raises(Http404):
        reaction_set(actor=non_member, target=POST, target_id=p.pk, kind="like")
    assert not Comment.objects.exists() and not Reaction.objects.exists()


def test_a_reaction_toggles_and_changes(member, other_member, open_space):
    p = post(member, open_space)
    reaction_set(actor=other_member, target=POST, target_id=p.pk, kind="like")
    reaction_set(actor=other_member, target=POST, target_id=p.pk, kind="thanks")
    assert list(Reaction.objects.values_list("kind", flat=True)) == ["thanks"]
    p.refresh_from_db()
    assert p.reaction_count == 1
    reaction_set(actor=other_member, target=POST, target_id=p.pk, kind="thanks")
    p.refresh_from_db()
    assert p.reaction_count == 0
    with pytest.raises(ValidationError):
        reaction_set(actor=other_member, target=POST, target_id=p.pk, kind="angry")


def test_the_asker_accepts_an_answer_and_nobody_else_may(
    member, other_member, open_space, django_capture_on_commit_callbacks
):
    sf.add_member(open_space, other_member)
    q = question(member, open_space)
    answer = comment_create(actor=other_member, target=POST, target_id=q.pk, body="Zo werkt het")
    with pytest.raises(PermissionDenied):
        answer_accept(actor=other_member, post_id=q.pk, comment_id=answer.pk)
    with django_capture_on_commit_callbacks(execute=True):
        answer_accept(actor=member, post_id=q.pk, comment_id=answer.pk)
    q.refresh_from_db()
    assert q.accepted_answer_id == answer.pk
    assert "answer_accepted" in verbs(member)
    other = question(member, open_space, title="Nog een vraag")
    with pytest.raises(ValidationError):  # an answer to another question
        answer_accept(actor=member, post_id=other.pk, comment_id=answer.pk)


def test_mentions_record_who_could_not_see_it(member, non_member, secret, open_space):
    body = f"Kijk even @[Nina](person:{non_member.pk}) en @[Mila](person:{member.pk})"
    p = post(member, secret, body=body)
    mention = Mention.objects.get(target_type=POST, target_id=p.pk)
    assert mention.user == non_member and mention.visible is False  # the author is not mentioned
    q = post(member, open_space, body=body)
    assert Mention.objects.get(target_type=POST, target_id=q.pk).visible is True


def test_moderators_hide_comments_with_a_reason(member, other_member, space_moderator, open_space):
    sf.add_member(open_space, space_moderator, "moderator")
    p = post(member, open_space)
    c = comment_create(actor=other_member, target=POST, target_id=p.pk, body="Onaardig")
    with pytest.raises(PermissionDenied):
        comment_hide(actor=member, comment_id=c.pk, reason="x")
    comment_hide(actor=space_moderator, comment_id=c.pk, reason="Toon")
    p.refresh_from_db()
    assert p.comment_count == 0
    assert AuditEntry.objects.filter(action="comment.hide").exists()


def test_a_question_asked_is_recorded_as_such(
    member, open_space, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        question(member, open_space)
    assert "question_asked" in verbs(member)


# -- blogs -----------------------------------------------------------------------------------------


def test_a_personal_blog_is_written_by_its_owner_only(member, space_owner, open_space):
    from kring.content.services.blogs import blog_create

    blog = blog_create(actor=member, space=open_space, title="  Weekblog  ")
    assert (blog.title, blog.owner) == ("Weekblog", member)
    written = post(member, open_space, kind=Post.Kind.BLOG, title="Week 1", blog=blog)
    assert written.blog == blog
    with pytest.raises(ValidationError):
        post(space_owner, open_space, kind=Post.Kind.BLOG, title="Week 2", blog=blog)
    with pytest.raises(ValidationError):
        post(member, open_space, kind=Post.Kind.BLOG, title="Zonder blog")
    assert Post.objects.filter(kind=Post.Kind.BLOG).count() == 1


def test_a_space_blog_is_kept_by_its_managers(member, space_owner, open_space):
    from kring.content.services.blogs import blog_create

    with pytest.raises(PermissionDenied):
        blog_create(actor=member, space=open_space, title="Koffiehoek", personal=False)
    blog = blog_create(actor=space_owner, space=open_space, title="Koffiehoek", personal=False)
    assert blog.owner is None
    post(space_owner, open_space, kind=Post.Kind.BLOG, title="Nieuwe bonen", blog=blog)
    with pytest.raises(ValidationError):
        post(member, open_space, kind=Post.Kind.BLOG, title="Ik ook", blog=blog)
    with pytest.raises(ValidationError):
        blog_create(actor=space_owner, space=open_space, title=" ")


def test_a_comment_keeps_its_own_mentions_and_leaves_the_posts_alone(
    member, other_member, space_owner, open_space
):
    sf.add_member(open_space, other_member)
    p = post(member, open_space, body=f"Vraag het @[Otto](person:{other_member.pk})")
    comment = comment_create(
        actor=space_owner, target=POST, target_id=p.pk, body=f"Of @[Mila](person:{member.pk})"
    )
    comment_create(actor=member, target=POST, target_id=p.pk, body="Zonder iemand te noemen")
    assert Mention.objects.filter(target_type=POST, target_id=p.pk).count() == 1
    assert Mention.objects.filter(target_type="comment", target_id=comment.pk).count() == 1
