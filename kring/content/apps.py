from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "kring.content"
    verbose_name = _("Content")

    def ready(self) -> None:
        from kring.content import targets

        targets.register_post()
