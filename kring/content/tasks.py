"""Background work for content. Tasks take ids, reload, and are safe to run more than once."""

from datetime import datetime

from django.tasks import task

from kring.content.services.posts import post_publish_due, posts_publish_due


@task()
def publish_scheduled_post(post_id: int) -> bool:
    """Publish one scheduled post at its moment (queued with `run_after` when it was scheduled)."""
    return post_publish_due(post_id=post_id)


@task()
def publish_due_posts() -> int:
    """The sweeper (run it from cron each minute): publishes anything whose moment has passed."""
    return posts_publish_due()


@task()
def fetch_link_preview(post_id: int) -> bool:
    """Fetch and store the preview of a post's link (safe to repeat: it overwrites)."""
    from kring.content.services.compose import link_preview_store

    return link_preview_store(post_id=post_id)


@task()
def send_read_reminders(post_id: int, requested_at: str) -> int:
    """Remind the readers of important news who have not confirmed (once per request)."""
    from kring.content.services.news import read_reminders_send

    return read_reminders_send(post_id=post_id, requested_at=datetime.fromisoformat(requested_at))
