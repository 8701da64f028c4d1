from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "kring.engagement"
    verbose_name = _("Engagement")

    def ready(self) -> None:
        from kring.engagement.comment_target import register_comment

        register_comment()
