"""Background work for content. Tasks take ids, reload, and are safe to run more than once."""

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
