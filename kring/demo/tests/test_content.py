"""The demo's eight months of content (seed 42), checked against ANALYTICS.md §11."""

import statistics
from collections import Counter
from datetime import timedelta

from django.db.models import F, Q

from kring.accounts.models import ActivityEvent, User
from kring.common.models import AuditEntry
from kring.content.models import Attachment, Blog, PollVote, Post, ReadConfirmation
from kring.content.services.posts import post_publish_due
from kring.demo import timeline
from kring.engagement.models import Comment, Mention, Reaction, TopicUse
from kring.spaces.models import Space

TZ = timeline.TZ
# Everything that counts as acting: (model, who, when).
ACTS = (
    (Post, "author", "created_at"),
    (Comment, "author", "created_at"),
    (Reaction, "user", "created_at"),
    (ReadConfirmation, "user", "confirmed_at"),
    (PollVote, "user", "created_at"),
)


def on_posts(posts):
    return Comment.objects.filter(target_type="post", target_id__in=posts.values("pk"))


def actors_between(first, last, **who):
    """Ids of the people who wrote, commented, reacted, confirmed or voted in [first, last)."""
    found = set()
    for model, person, when in ACTS:
        rows = model.objects.filter(
            **{f"{when}__gte": first, f"{when}__lt": last},
            **{f"{person}__{key}": value for key, value in who.items()},
        )
        found |= set(rows.values_list(f"{person}_id", flat=True))
    return found


def test_the_never_activated_did_nothing_and_nobody_acted_before_their_first_login(truth):
    inactive = truth["inactive_user_ids"]
    assert len(inactive) == 104
    for model, person, when in ACTS:
        rows = model.objects.all()
        assert rows.exists(), model
        assert not rows.filter(**{f"{person}_id__in": inactive}).exists(), model
        early = Q(**{f"{person}__activated_at__isnull": True}) | Q(
            **{f"{when}__lt": F(f"{person}__activated_at")}
        )
        assert not rows.filter(early).exists(), model
        assert not rows.filter(**{f"{when}__gte": timeline.at(timeline.END, 0, 0)}).exists()


def test_staff_association_answers_all_20_questions_within_2_to_40_hours(truth):
    planted = truth["staff_association_questions"]
    space = Space.objects.get(pk=truth["staff_association_space_id"])
    questions = Post.objects.filter(space=space, kind=Post.Kind.QUESTION)
    assert sorted(questions.values_list("pk", flat=True)) == sorted(planted["question_ids"])
    assert questions.count() == 20
    hours = []
    for question in questions:
        first = (
            on_posts(Post.objects.filter(pk=question.pk))
            .exclude(author=question.author)
            .order_by("created_at")
            .first()
        )
        assert first is not None, question.title  # 0 unanswered
        hours.append((first.created_at - question.published_at).total_seconds() / 3600)
    assert all(2 <= h <= 40 for h in hours)
    assert statistics.median(hours) <= 48
    assert sorted(round(h, 2) for h in hours) == sorted(planted["first_response_hours"])
    accepted = questions.filter(accepted_answer__isnull=False)
    assert accepted.count() == planted["accepted"] >= 12
    assert not accepted.filter(accepted_answer__author=F("author")).exists()


def test_a_weekly_blog_whose_questions_colleagues_answer(truth):
    planted = truth["weekly_blog"]
    blog = Blog.objects.get(pk=planted["blog_id"])
    author = User.objects.get(pk=planted["author_id"])
    assert blog.owner == author and blog.space_id == planted["space_id"]
    posts = Post.objects.filter(blog=blog, kind=Post.Kind.BLOG).order_by("published_at")
    assert list(posts.values_list("pk", flat=True)) == planted["post_ids"]
    assert posts.count() >= 25
    days = [p.published_at.astimezone(TZ).date() for p in posts]
    weeks = [(day - timeline.WEEK_0).days // 7 for day in days]
    assert len(set(weeks)) == len(weeks)  # one a week
    assert not any(timeline.is_holiday(day) for day in days)
    assert all(p.author == author for p in posts)
    questions = (
        on_posts(posts).filter(parent__isnull=True, body__endswith="?").exclude(author=author)
    )
    assert questions.count() == planted["questions_in_comments"] >= 30
    by_colleagues, colleagues = 0, set()
    for question in questions:
        replies = question.replies.all()
        assert replies.exists(), question.body  # every question gets an answer
        others = replies.exclude(author__in=[author, question.author])
        if others.exists():
            by_colleagues += 1
            colleagues |= set(others.values_list("author_id", flat=True))
    assert by_colleagues == planted["answered_by_colleagues"]
    assert by_colleagues >= 0.6 * questions.count()
    assert len(colleagues) >= 8  # not only the author, and not one helpful colleague either


def test_news_important_confirmed_scheduled_published_once_and_pinned(truth):
    news = Post.objects.filter(kind=Post.Kind.NEWS)
    assert news.count() >= 50
    assert set(news.values_list("space_id", flat=True)) == {truth["news_space_id"]}
    assert not news.exclude(author__role__in=[User.Role.COMMS_EDITOR, User.Role.ADMIN]).exists()

    important = news.filter(important=True)
    assert sorted(important.values_list("pk", flat=True)) == sorted(truth["news"]["important_ids"])
    assert important.count() >= 5
    last_day = timeline.at(timeline.END, 0, 0)
    launch = timeline.at(timeline.GENERAL_LAUNCH, 0, 0)
    for item in important:
        confirmed = ReadConfirmation.objects.filter(post=item)
        assert confirmed.exists(), item.title
        if not (launch <= item.published_at <= last_day - timedelta(days=14)):
            continue
        readers = User.objects.filter(
            activated_at__lte=item.published_at, status=User.Status.ACTIVE
        ).exclude(role=User.Role.GUEST)
        assert confirmed.count() >= 0.45 * readers.count(), item.title
        first_days = confirmed.filter(confirmed_at__lt=item.published_at + timedelta(days=3))
        assert first_days.count() > confirmed.count() / 2, item.title  # most in the first days

    scheduled = news.filter(pk__in=truth["news"]["scheduled_ids"])
    assert scheduled.count() >= 4
    for item in scheduled:
        assert item.state == Post.State.PUBLISHED
        assert item.published_at == item.publish_at
        assert item.created_at < item.publish_at - timedelta(days=1)
        assert post_publish_due(post_id=item.pk) is False  # published exactly once

    pinned = news.filter(pk__in=truth["news"]["pinned_ids"])
    assert pinned.count() >= 2
    assert all(item.pinned_until > item.published_at for item in pinned)
    assert pinned.filter(pinned_until__gt=last_day).exists()  # still pinned now


def test_weekday_pattern_monday_highest_saturday_lowest_sunday_above_saturday(truth):
    per_day = Counter()
    for model in (Post, Comment, Reaction):
        for moment in model.objects.values_list("created_at", flat=True):
            per_day[moment.astimezone(TZ).weekday()] += 1
    monday, saturday, sunday = per_day[0], per_day[5], per_day[6]
    assert monday == max(per_day.values())
    assert saturday == min(per_day.values())
    assert sunday > saturday


def test_informal_leaders_interact_with_colleagues_of_at_least_8_units(truth):
    news = truth["news_space_id"]
    units = dict(User.objects.values_list("pk", "primary_unit_id"))
    comments = Comment.objects.filter(target_type="post").exclude(
        target_id__in=Post.objects.filter(space_id=news).values("pk")
    )
    written = Counter(comments.values_list("author_id", flat=True))
    busy = sorted(written.values())[int(0.9 * len(written))]
    for leader in truth["informal_leader_ids"]:
        theirs = Post.objects.filter(author_id=leader).exclude(space_id=news)
        partners = set(on_posts(theirs).values_list("author_id", flat=True))
        partners |= set(
            Reaction.objects.filter(
                target_type="post", target_id__in=theirs.values("pk")
            ).values_list("user_id", flat=True)
        )
        mine = comments.filter(author_id=leader)
        responded = Post.objects.filter(pk__in=mine.values("target_id"))
        partners |= set(responded.values_list("author_id", flat=True))
        partners |= set(
            mine.filter(parent__isnull=False).values_list("parent__author_id", flat=True)
        )
        liked = Reaction.objects.filter(user_id=leader, target_type="post").values("target_id")
        partners |= set(
            Post.objects.filter(pk__in=liked)
            .exclude(space_id=news)
            .values_list("author_id", flat=True)
        )
        partners.discard(leader)
        assert len({units[p] for p in partners} - {None}) >= 8, leader
        assert written[leader] >= busy, leader  # among the top tenth of commenters


def test_the_broadcaster_is_never_answered_and_the_comms_officer_liked_only_on_news(truth):
    decoys = truth["decoy_user_ids"]
    broadcast = Post.objects.filter(author_id=decoys["broadcaster_nobody_answers"])
    assert broadcast.count() >= 20
    assert set(broadcast.values_list("kind", flat=True)) == {Post.Kind.POST}
    assert not on_posts(broadcast).exists()
    officer = Post.objects.filter(author_id=decoys["comms_officer_liked_on_news"])
    assert officer.count() >= 5
    assert set(officer.values_list("kind", flat=True)) == {Post.Kind.NEWS}
    assert all(item.reaction_count >= 3 for item in officer)


def test_in_the_chasm_school_only_its_adopters_act_after_week_20(truth):
    adopters = set(truth["chasm_adopter_ids"])
    assert 5 <= len(adopters) <= 6
    school = truth["chasm_unit_id"]
    week_20 = timeline.at(timeline.week_start(20), 0, 0)
    after = actors_between(week_20, timeline.at(timeline.END, 0, 0), primary_unit_id=school)
    before = actors_between(timeline.at(timeline.WEEK_0, 0, 0), week_20, primary_unit_id=school)
    assert after and after <= adopters
    assert len(before) > len(adopters)  # more of them tried, before week 20


def test_group_2_teachers_ask_and_answer_across_schools(truth):
    space = Space.objects.get(pk=truth["group2_space_id"])
    posts = Post.objects.filter(space=space)
    assert posts.count() >= 15
    questions = posts.filter(kind=Post.Kind.QUESTION)
    assert questions.count() >= 5
    units = dict(User.objects.values_list("pk", "primary_unit_id"))
    across = [
        answer
        for question in questions
        for answer in on_posts(Post.objects.filter(pk=question.pk)).filter(parent__isnull=True)
        if units[answer.author_id] != units[question.author_id]
    ]
    assert len(across) >= 5


def test_mentions_topics_polls_and_photos(truth):
    assert Mention.objects.count() >= 3
    assert TopicUse.objects.filter(target_type="post").count() >= 20
    polls = Post.objects.filter(kind=Post.Kind.POLL)
    assert polls.count() >= 3
    assert all(PollVote.objects.filter(poll__post=poll).exists() for poll in polls)
    photos = Attachment.objects.all()
    assert 5 <= photos.count() <= 20
    assert all(photo.kind == Attachment.Kind.IMAGE and photo.alt_text for photo in photos)
    covers = Post.objects.exclude(cover="")
    assert covers.count() >= 2
    assert all(item.kind == Post.Kind.NEWS and item.cover_alt for item in covers)


def test_the_community_manager_put_three_good_examples_in_the_spotlight(truth):
    spotlit = Post.objects.filter(spotlight_at__isnull=False).order_by("spotlight_at")
    assert list(spotlit.values_list("pk", flat=True)) == truth["spotlight_ids"]
    assert len(truth["spotlight_ids"]) == 3
    for item in spotlit:
        assert item.space.access == Space.Access.OPEN and item.reaction_count > 0
        assert item.spotlight_at.astimezone(TZ).weekday() == 4  # a Friday afternoon
    entries = AuditEntry.objects.filter(action="post.spotlight")
    assert set(entries.values_list("actor__role", flat=True)) == {User.Role.COMMUNITY_MANAGER}


def test_planted_counts_match_what_was_made(truth):
    counts = truth["content_counts"]
    assert counts["posts"] == Post.objects.count()
    assert counts["comments"] == Comment.objects.count()
    assert counts["reactions"] == Reaction.objects.count()
    assert counts["read_confirmations"] == ReadConfirmation.objects.count()
    assert counts["poll_votes"] == PollVote.objects.count()
    assert counts["photos"] == Attachment.objects.count()


def test_every_session_follows_from_the_events(truth):
    """Each person's events in order: a gap of 30 minutes or more starts a session, which has
    one `session_start` at its first event; every event carries its session's id."""
    gap = timedelta(minutes=30)
    people = ActivityEvent.objects.order_by().values_list("actor_id", flat=True).distinct()
    assert len(people) > 300
    for person in people:
        events = ActivityEvent.objects.filter(actor_id=person).order_by("occurred_at", "pk")
        starts = {e.session_id: e.occurred_at for e in events if e.verb == "session_start"}
        last = current = None
        for event in (e for e in events if e.verb != "session_start"):
            if last is None or event.occurred_at - last >= gap:
                assert starts.pop(event.session_id) == event.occurred_at
                current = event.session_id
            assert event.session_id == current
            last = event.occurred_at
        assert not starts  # no start without events
