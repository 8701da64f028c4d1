"""LongSelect writes the same select as Django's Select, only faster."""

from django import forms
from django.test.html import parse_html

from kring.common.widgets import LongSelect

CHOICES = [
    ("", "Every unit"),
    ("1", "De Regenboog"),
    ("2", "Het <Kompas> & zo"),
    ("Scholen", [("3", "De Wilgenhoek"), ("4", 'O\'Brien "school"')]),
]


class Both(forms.Form):
    fast = forms.ChoiceField(choices=CHOICES, required=False, widget=LongSelect, help_text="x")
    slow = forms.ChoiceField(choices=CHOICES, required=False, help_text="x")


def test_the_same_html_as_djangos_select():
    form = Both(data={"fast": "4", "slow": "4"})
    form.is_valid()
    fast = parse_html(str(form["fast"]).replace("id_fast", "id_x").replace('"fast"', '"x"'))
    slow = parse_html(str(form["slow"]).replace("id_slow", "id_x").replace('"slow"', '"x"'))
    assert fast == slow
    html = str(form["fast"])
    assert "&lt;Kompas&gt; &amp; zo" in html  # labels escaped
    assert 'aria-describedby="id_fast_helptext"' in html
    assert '<option value="4" selected>' in html


def test_required_and_nothing_chosen():
    attrs = {"id": "u", "required": True, "aria-invalid": False}
    fast = LongSelect(choices=CHOICES[:3]).render("unit", None, attrs=attrs)
    assert fast.startswith('<select name="unit" id="u" required>')
    assert '<option value="" selected>Every unit</option>' in fast  # as Django does
    assert parse_html(fast) == parse_html(
        forms.Select(choices=CHOICES[:3]).render("unit", None, attrs=attrs)
    )
