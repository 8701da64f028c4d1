"""Eight months of content: news, posts and photos, questions and answers, a weekly blog, polls.

Everything is planned first, in plain Python from `ctx.rng("content.*")`, as (moment, action)
pairs; then the actions are played in time order with the clock pinned to each moment, through
the content and engagement services, so created_at, published_at and the activity events follow
the demo's timeline (ANALYTICS.md §11):

- nobody acts before their first login; the never-activated and the leavers not at all;
- how much someone writes and responds follows their wave: the enthusiasts from week 0, everyone
  else from week 12, each taking part fully from their own adoption week (an S-curve), or never;
- every moment is drawn with the timeline's weekday weights and holidays;
- the board's news follows a calendar (content_words.NEWS): important items are confirmed by most
  readers in the first days; scheduled ones are written days before and published at their
  moment by `post_publish_due`, as the task would;
- the staff association's 20 questions are each first answered within 2 to 40 hours;
- the director of De Regenboog writes a weekly blog; colleagues ask in the comments and answer
  each other;
- the six informal leaders write often and respond across schools; the communications officer
  writes only news (liked only there); the broadcaster posts a lot and nobody answers;
- in the chasm school only its six adopters act after week 20;
- in each of the last three weeks the community manager puts a good example in the spotlight.

Volumes are modest because each service call costs milliseconds: the step takes about 45 s of
the 2 minutes the whole demo may take (ANALYTICS.md §12; seed_demo -v2 prints each step's time).
"""

from kring.demo.builders.content.association import plan_staff_association
from kring.demo.builders.content.blog import plan_blog
from kring.demo.builders.content.everyday import plan_everyday, plan_polls
from kring.demo.builders.content.news import plan_news
from kring.demo.builders.content.plan import Builder, cast, places
from kring.demo.builders.content.spotlight import spotlight_examples
from kring.demo.builders.content.truth import content_truth
from kring.demo.builders.context import DemoContext


def build_content(ctx: DemoContext) -> None:
    b = Builder(ctx=ctx)
    cast(b)
    places(b)
    plan_news(b)
    plan_blog(b)
    plan_staff_association(b)
    plan_everyday(b)
    plan_polls(b)
    b.play()
    b.spotlight = spotlight_examples(b)
    content_truth(b)


__all__ = ["build_content"]
