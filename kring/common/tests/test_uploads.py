import dataclasses
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import (
    InMemoryUploadedFile,
    SimpleUploadedFile,
    TemporaryUploadedFile,
)
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from kring.common.tests.upload_corpus import CORPUS, Case, pdf, picture
from kring.common.uploads import UploadInfo, classify_upload, clean_original_name


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def set_limit(settings, limit):
    settings.KRING = {**settings.KRING, "UPLOAD_MAX_BYTES": limit}


class CountingFile(io.BytesIO):
    """A real in-memory file that remembers how many bytes were read from it."""

    def __init__(self, data: bytes):
        super().__init__(data)
        self.bytes_read = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.bytes_read += len(chunk)
        return chunk


def lying_upload(data: bytes, *, size: int, name: str = "notitie.txt") -> InMemoryUploadedFile:
    return InMemoryUploadedFile(CountingFile(data), "file", name, "text/plain", size, None)


def test_the_corpus_is_large_and_covers_both_outcomes():
    assert len(CORPUS) >= 25
    assert len({case.id for case in CORPUS}) == len(CORPUS)
    assert sum(case.error is not None for case in CORPUS) >= 25
    assert {case.kind for case in CORPUS if case.kind} == {"image", "audio", "video", "document"}


@pytest.mark.parametrize("case", CORPUS, ids=lambda case: case.id)
def test_corpus(case: Case, settings):
    if case.max_bytes is not None:
        set_limit(settings, case.max_bytes)
    upload = SimpleUploadedFile(case.name, case.data, content_type="application/octet-stream")
    if case.error is not None:
        with pytest.raises(ValidationError) as caught:
            classify_upload(upload)
        assert caught.value.code == case.error, caught.value.messages
    else:
        info = classify_upload(upload)
        assert info.kind == case.kind
        assert info.size == len(case.data)
        if case.mime is not None:
            assert info.mime == case.mime
        if case.extension is not None:
            assert info.extension == case.extension
        if case.original_name is not None:
            assert info.original_name == case.original_name
    assert upload.tell() == 0


def test_the_client_content_type_is_ignored():
    upload = SimpleUploadedFile("foto.png", picture("PNG"), content_type="text/html")
    assert classify_upload(upload).mime == "image/png"
    html = SimpleUploadedFile("notitie.txt", b"<html><script>1</script>", content_type="text/plain")
    with pytest.raises(ValidationError):
        classify_upload(html)


def test_accepted_upload_is_described_fully():
    data = pdf()
    info = classify_upload(SimpleUploadedFile("Verslag MR.pdf", data))
    assert info == UploadInfo(
        kind="document",
        mime="application/pdf",
        extension="pdf",
        size=len(data),
        original_name="Verslag MR.pdf",
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.kind = "image"


def test_file_is_left_at_the_start_for_saving():
    data = picture("PNG")
    upload = SimpleUploadedFile("foto.png", data)
    upload.read(5)
    classify_upload(upload)
    assert upload.tell() == 0
    assert upload.read() == data


def test_refused_file_is_also_left_at_the_start():
    upload = SimpleUploadedFile("foto.jpg", b"<html></html>")
    with pytest.raises(ValidationError):
        classify_upload(upload)
    assert upload.tell() == 0


def test_temporary_uploaded_file_on_disk(settings, tmp_path):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    data = pdf()
    upload = TemporaryUploadedFile("verslag.pdf", "application/pdf", len(data), None)
    upload.write(data)
    upload.flush()
    try:
        assert classify_upload(upload).extension == "pdf"
        assert upload.tell() == 0
    finally:
        upload.close()


def test_too_large_message_names_the_limit(settings):
    set_limit(settings, 25 * 1024 * 1024)
    upload = lying_upload(b"x", size=25 * 1024 * 1024 + 1)
    with pytest.raises(ValidationError) as caught:
        classify_upload(upload)
    assert caught.value.messages == [
        f"This file is too large (at most {filesizeformat(25 * 1024 * 1024)})."
    ]
    assert "25" in caught.value.messages[0]


def test_declared_size_over_the_limit_is_refused_without_reading(settings):
    set_limit(settings, 1000)
    upload = lying_upload(b"a" * 10, size=5000)
    with pytest.raises(ValidationError) as caught:
        classify_upload(upload)
    assert caught.value.code == "too_large"
    assert upload.file.bytes_read == 0


def test_client_understating_the_size_is_caught_while_reading(settings):
    set_limit(settings, 1000)
    upload = lying_upload(b"a" * 50_000, size=10)
    with pytest.raises(ValidationError) as caught:
        classify_upload(upload)
    assert caught.value.code == "too_large"
    assert upload.file.bytes_read == 1001
    assert upload.tell() == 0


def test_file_exactly_at_the_limit_is_accepted(settings):
    set_limit(settings, 1000)
    info = classify_upload(SimpleUploadedFile("a.txt", b"a" * 1000))
    assert info.size == 1000


def test_mismatch_message_names_the_extension():
    with pytest.raises(ValidationError) as caught:
        classify_upload(SimpleUploadedFile("report.pdf", picture("PNG")))
    assert caught.value.messages == [
        "The file's content does not match its name (.pdf). Upload the original file."
    ]


def test_pdf_script_message():
    data = pdf(b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >> ")
    with pytest.raises(ValidationError) as caught:
        classify_upload(SimpleUploadedFile("a.pdf", data))
    assert caught.value.messages == ["PDF files with scripts are not accepted."]


def test_pdf_names_that_only_start_like_js_are_fine():
    # `/JSON` or `/JSomething` are other names; only `/JS` itself is a script.
    data = pdf(b"/Metadata << /JSON (x) /JStyle 1 >> ")
    assert classify_upload(SimpleUploadedFile("a.pdf", data)).kind == "document"


def test_messages_are_translated():
    with translation.override("nl"), pytest.raises(ValidationError) as caught:
        classify_upload(SimpleUploadedFile("leeg.txt", b""))
    assert caught.value.messages != ["This file is empty."]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\juf\\Documents\\rooster.xlsx", "rooster.xlsx"),
        ("foto\u202egpj.exe", "fotogpj.exe"),
        ("\x00\x1b[31mrood\x07.txt", "[31mrood.txt"),
        ("  ...verborgen.txt  ", "verborgen.txt"),
        ("", "file"),
        ("..", "file"),
        ("e\u0301e\u0301n.txt", "één.txt"),
    ],
)
def test_clean_original_name(raw, clean):
    assert clean_original_name(raw) == clean


def test_long_names_keep_their_extension():
    name = clean_original_name("a" * 300 + ".docx")
    assert len(name) == 150
    assert name.endswith("a.docx")
    assert len(clean_original_name("b" * 300)) == 150


def classify_or_refuse(data: bytes, name: str) -> UploadInfo | None:
    """Classify, allowing only a ValidationError as the way to say no."""
    try:
        return classify_upload(SimpleUploadedFile(name, data))
    except ValidationError:
        return None


@pytest.mark.parametrize("case", [c for c in CORPUS if c.data], ids=lambda case: case.id)
def test_truncated_files_are_refused_or_accepted_never_crash(case):
    for cut in (1, 4, 16, 64, len(case.data) // 2, len(case.data) - 1):
        classify_or_refuse(case.data[:cut], case.name)


SIGNATURES = [
    b"",
    b"PK\x03\x04",
    b"%PDF-1.7\n",
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF89a",
    b"RIFF\x00\x00\x00\x00WEBP",
    b"ID3\x04\x00",
    b"\xff\xfb\x90",
    b"\x00\x00\x00\x18ftyp",
    b"\x1a\x45\xdf\xa3",
    b"OggS",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"MZ",
]


@hypothesis_settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(SIGNATURES),
    st.binary(max_size=300),
    st.sampled_from(["a.txt", "a.jpg", "a.pdf", "a.docx", "a.mp3", "a"]),
)
def test_arbitrary_bytes_are_refused_or_accepted_never_crash(signature, rest, name):
    info = classify_or_refuse(signature + rest, name)
    if info is not None:
        assert info.kind in ("image", "audio", "video", "document")
        assert info.size == len(signature + rest)
