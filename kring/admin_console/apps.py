from django.apps import AppConfig


class AdminConsoleConfig(AppConfig):
    name = "kring.admin_console"
    label = "admin_console"
