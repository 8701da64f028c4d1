from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "kring.demo"
    label = "demo"
