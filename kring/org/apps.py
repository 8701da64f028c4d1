from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "kring.org"
    label = "org"
