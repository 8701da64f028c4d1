"""Forms for writing: one form for every kind of post; the services do the checking that counts."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from kring.content.models import Blog, Poll, Post
from kring.spaces.models import Space

MAX_FILES = 10


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files at once (photos of the sports day); each is checked by the service."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile[bytes]]:
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(files) > MAX_FILES:
            raise forms.ValidationError(
                _("Attach at most %(n)s files to one post.") % {"n": MAX_FILES}
            )
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class PostForm(forms.Form):
    """What every kind shares; fields that do not apply to a kind are removed in __init__."""

    title = forms.CharField(label=_("Title"), max_length=150, required=False)
    lead = forms.CharField(
        label=_("Lead"),
        max_length=300,
        required=False,
        help_text=_("One or two sentences that say what it is about."),
    )
    body = forms.CharField(
        label=_("Text"),
        max_length=20_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Use **bold**, _italics_, lists and links. Mention a colleague with @."),
    )
    link_url = forms.URLField(
        label=_("Link"), required=False, assume_scheme="https", max_length=500
    )
    cover = forms.FileField(
        label=_("Cover image"),
        required=False,
        help_text=_("A photo shown above the news (JPEG, PNG, WebP or GIF)."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )
    remove_cover = forms.BooleanField(label=_("Remove the cover image"), required=False)
    cover_alt = forms.CharField(
        label=_("Describe the cover image"),
        max_length=200,
        required=False,
        help_text=_("For colleagues who cannot see it: what does the photo show?"),
    )
    attachments = MultipleFileField(
        label=_("Photos, audio, video or documents"),
        required=False,
        help_text=_("Up to 10 files."),
    )
    important = forms.BooleanField(
        label=_("Important: ask every reader to confirm they have read it"), required=False
    )
    pinned_until = forms.DateTimeField(
        label=_("Pin to the top until"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    publish_at = forms.DateTimeField(
        label=_("Publish at"),
        required=False,
        help_text=_("Leave empty to publish now."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    blog = forms.ModelChoiceField(label=_("Blog"), queryset=Blog.objects.none(), required=False)
    options = forms.CharField(
        label=_("Answers to choose from"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line, 2 to 10."),
    )
    multiple = forms.BooleanField(label=_("People may choose more than one"), required=False)
    closes_at = forms.DateTimeField(
        label=_("Closes at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    results = forms.ChoiceField(
        label=_("Show the results"), choices=Poll.Results.choices, initial=Poll.Results.AFTER_VOTE
    )

    FIELDS_BY_KIND: dict[str, tuple[str, ...]] = {
        Post.Kind.POST: ("body", "link_url", "attachments"),
        Post.Kind.QUESTION: ("title", "body", "attachments"),
        Post.Kind.NEWS: (
            "title",
            "lead",
            "cover",
            "cover_alt",
            "remove_cover",
            "body",
            "attachments",
            "important",
            "pinned_until",
            "publish_at",
        ),
        Post.Kind.BLOG: ("blog", "title", "lead", "body", "attachments"),
        Post.Kind.POLL: ("title", "body", "options", "multiple", "closes_at", "results"),
    }

    def __init__(
        self,
        *args: Any,
        kind: str,
        blogs: list[Blog] | None = None,
        has_cover: bool = False,
        **kwargs: Any,
    ):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.kind = kind
        for name in list(self.fields):
            if name not in self.FIELDS_BY_KIND[kind] or (name == "remove_cover" and not has_cover):
                del self.fields[name]
        if "title" in self.fields:
            self.fields["title"].required = True
            if kind == Post.Kind.QUESTION:
                self.fields["title"].label = _("Your question")
                self.fields["body"].label = _("Details (optional)")
        if "blog" in self.fields:
            self.fields["blog"].queryset = Blog.objects.filter(pk__in=[b.pk for b in blogs or []])  # type: ignore[attr-defined]
            self.fields["blog"].required = True
        if kind == Post.Kind.POST:
            self.fields["body"].label = _("What do you want to share?")


class SpaceChoiceForm(forms.Form):
    """A choice among the spaces the view offers (where the person may write), by name."""

    space_label = _("Space")
    space = forms.ModelChoiceField(label=_("Space"), queryset=Space.objects.none())

    def __init__(self, *args: Any, spaces: list[Space], **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["space"]
        field.label = self.space_label
        field.queryset = Space.objects.filter(pk__in=[s.pk for s in spaces])  # type: ignore[attr-defined]


class QuickPostForm(SpaceChoiceForm):
    """The composer on the home page: a few words in one of your spaces."""

    space_label = _("In")
    body = forms.CharField(
        label=_("What do you want to share?"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MoveForm(SpaceChoiceForm):
    space_label = _("Move to")


class ShareForm(SpaceChoiceForm):
    space_label = _("Share in")
    body = forms.CharField(
        label=_("Add a few words (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PinForm(forms.Form):
    until = forms.DateTimeField(
        label=_("Pin until"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Leave empty to unpin."),
    )


class AltTextForm(forms.Form):
    alt_text = forms.CharField(
        label=_("Describe the image for colleagues who cannot see it"), max_length=300
    )


class BlogForm(forms.Form):
    title = forms.CharField(label=_("Name of the blog"), max_length=120)
    description = forms.CharField(label=_("What is it about?"), max_length=300, required=False)
    for_space = forms.BooleanField(
        label=_("The space's blog (written by its managers), not my own"), required=False
    )
