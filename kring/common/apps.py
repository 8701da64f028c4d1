from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "kring.common"
    label = "common"
