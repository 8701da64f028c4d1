"""What the content step plants for the analytics (ANALYTICS.md §11), in ctx.truth."""

import statistics
from collections.abc import Sequence

from kring.content.models import Attachment, PollVote, Post, ReadConfirmation
from kring.demo.builders.content.plan import Builder, Thread
from kring.demo.builders.truth import user_ref
from kring.demo.credentials import DIRECTOR
from kring.engagement.models import Comment, Reaction


def _ids(threads: Sequence[Thread]) -> list[int]:
    return [thread.made().pk for thread in threads]


def _first_response_hours(thread: Thread) -> float:
    first = min(r.moment for r in thread.remarks if r.author.pk != thread.author.pk)
    return round((first - thread.moment).total_seconds() / 3600, 2)


def content_truth(b: Builder) -> None:
    ctx = b.ctx
    questions = b.association_questions
    hours = [_first_response_hours(thread) for thread in questions]
    director = b.person(DIRECTOR.email)
    news = b.news
    ctx.truth.update(
        {
            # "Staff association: 20 questions answered in 2-40 h" (0 unanswered, median ≤48 h).
            "staff_association_questions": {
                "space_id": b.places["staff_association"].space.pk,
                "question_ids": _ids(questions),
                "first_response_hours": hours,
                "median_first_response_hours": round(statistics.median(hours), 2),
                "unanswered": 0,
                "accepted": Post.objects.filter(
                    pk__in=_ids(questions), accepted_answer__isnull=False
                ).count(),
            },
            "weekly_blog": {
                "blog_id": b.blog[0].pk,
                "author_id": user_ref(ctx, director.user),
                "space_id": b.blog[0].space_id,
                "post_ids": _ids(b.blog_posts),
                "questions_in_comments": len(b.blog_questions),
                "answered_by_colleagues": sum(1 for _q, helped in b.blog_questions if helped),
            },
            # Good examples the community manager put in the spotlight (the home page shows them).
            "spotlight_ids": b.spotlight,
            "news": {
                "important_ids": _ids([t for item, t in news if item.important]),
                "scheduled_ids": _ids([t for item, t in news if item.scheduled]),
                "pinned_ids": _ids(
                    [t for item, t in news if item.pinned_days or item.pinned_until]
                ),
            },
            # The chasm school's adopters: after week 20 nobody else there acts.
            "chasm_adopter_ids": sorted(user_ref(ctx, p.user) for p in b.chasm_adopters),
            "content_counts": {
                "posts": Post.objects.count(),
                "news": Post.objects.filter(kind=Post.Kind.NEWS).count(),
                "questions": Post.objects.filter(kind=Post.Kind.QUESTION).count(),
                "blog_posts": Post.objects.filter(kind=Post.Kind.BLOG).count(),
                "polls": Post.objects.filter(kind=Post.Kind.POLL).count(),
                "comments": Comment.objects.count(),
                "reactions": Reaction.objects.count(),
                "read_confirmations": ReadConfirmation.objects.count(),
                "poll_votes": PollVote.objects.count(),
                "photos": Attachment.objects.count(),
            },
        }
    )
