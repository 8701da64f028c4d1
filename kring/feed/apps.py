from django.apps import AppConfig


class FeedConfig(AppConfig):
    name = "kring.feed"
    label = "feed"
