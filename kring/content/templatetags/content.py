from django import template

from kring.accounts.models import User
from kring.content.models import Poll
from kring.content.services.polls import PollResults, poll_results

register = template.Library()


@register.simple_tag
def poll_view(poll: Poll, voted: set[int], user: User) -> PollResults:
    """What the reader sees of a poll (the rules live in `poll_results`)."""
    return poll_results(user, poll, mine=voted)
