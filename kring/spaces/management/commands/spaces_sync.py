from typing import Any

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kring.spaces.models import Space
from kring.spaces.services.structure import structure_ensure


class Command(BaseCommand):
    help = _("Create the news space and a space per unit, and put everyone where they work.")

    def handle(self, *args: Any, **options: Any) -> None:
        structure_ensure()
        self.stdout.write(
            _("%(n)d spaces follow the organisation.")
            % {"n": Space.objects.exclude(kind=Space.Kind.COMMUNITY).count()}
        )
