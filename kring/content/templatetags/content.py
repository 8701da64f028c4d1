from dataclasses import dataclass

from django import template

from kring.content import permissions
from kring.content.models import Poll

register = template.Library()


@dataclass(frozen=True)
class PollView:
    can_vote: bool
    show_results: bool
    closed: bool
    total: int  # votes cast over all options (the bar's scale)


@register.simple_tag
def poll_view(poll: Poll, voted: set[int], user: object) -> PollView:
    """What a reader sees of a poll: the form, the results, or a note when they come."""
    closed = poll.is_closed()
    author = poll.post.author_id == getattr(user, "pk", None)
    can_vote = not closed and permissions.can_react(user, poll.post)
    show = closed or author or (poll.results == Poll.Results.AFTER_VOTE and bool(voted))
    total = sum(option.vote_count for option in poll.options.all())
    return PollView(can_vote=can_vote, show_results=show, closed=closed, total=total)
