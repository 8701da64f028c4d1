"""The upload form of the employee import: it only hands over the file; the service checks it."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kring.admin_console.forms import ConsoleForm


def _help_text() -> str:
    return gettext(
        "A CSV file saved as UTF-8, with the columns separated by commas or semicolons, at most "
        "%(max)s. The first line names the columns: name, email and unit are required; "
        "job_title, wave and manager_email are optional. Dutch names work too: naam, e-mail, "
        "eenheid, functie, golf, leidinggevende."
    ) % {"max": filesizeformat(settings.KRING["IMPORT_MAX_BYTES"])}


class EmployeeImportForm(ConsoleForm):
    file = forms.FileField(
        label=_("Employee file (CSV)"),
        help_text=lazy(_help_text, str)(),
        error_messages={
            "required": _("Choose a CSV file to upload."),
            "invalid": _("No file was sent. Choose a CSV file to upload."),
            "missing": _("No file was sent. Choose a CSV file to upload."),
            "empty": _("The file is empty."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def file_bytes(self) -> bytes:
        """The upload's bytes, read only up to just past the limit: the service says too big."""
        limit: int = settings.KRING["IMPORT_MAX_BYTES"]
        return bytes(self.cleaned_data["file"].read(limit + 1))
