from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpacesConfig(AppConfig):
    name = "kring.spaces"
    verbose_name = _("Spaces")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from kring.spaces import receivers

        post_migrate.connect(receivers.spaces_before_launch, sender=self)
