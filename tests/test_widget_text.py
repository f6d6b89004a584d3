"""Streamlit's own English on our widgets is replaced by our words in the reader's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.i18n import translate
from dia.auth import Role
from dia.widget_text import css_string, plot_config, uploader_style
from tests.apptest import index_of, open_page

DATA = "views/data.py"
COOPERATION = "views/cooperation.py"


def test_css_string_escapes_what_would_end_the_string() -> None:
    assert css_string("Datei auswählen") == '"Datei auswählen"'
    # a quote, a backslash and a line break become CSS escapes ("\22 ", "\5c ", "\a ")
    assert css_string('a"b\\c\nd') == '"a\\22 b\\5c c\\a d"'


def test_uploader_style_is_scoped_to_its_widget() -> None:
    style = uploader_style("upload", "Bestand kiezen")
    rules = [rule for rule in style.removeprefix("<style>").split("}") if "{" in rule]
    assert rules and all(rule.strip().startswith(".st-key-upload ") for rule in rules)
    assert 'content: "Bestand kiezen"' in style
    assert "stFileUploaderDropzoneInstructions" in style


@pytest.mark.parametrize("lang", ["nl", "de"])
def test_data_page_uploader_speaks_the_language(data_dir: Path, lang: str) -> None:
    at = open_page(DATA, index_of(Role.ADMIN), lang)
    assert not at.exception, [e.value for e in at.exception]
    styles = [element.proto.body for element in at.get("html")]
    button = translate(lang, "Choose a file")
    assert button != "Choose a file"
    assert any(f'content: "{button}"' in style for style in styles), styles
    label = at.get("file_uploader")[0].proto.label
    assert "20 MB" in label, "our label names the limit that the hidden line gave"
    # empty cells of the reject and history tables read "–", not Streamlit's "None"
    assert at.dataframe and all(frame.proto.placeholder == "–" for frame in at.dataframe)


@pytest.mark.parametrize("lang", ["nl", "de"])
def test_status_picker_has_our_placeholder(data_dir: Path, lang: str) -> None:
    at = open_page(COOPERATION, index_of(Role.DIRECTOR, "OE"), lang)
    assert not at.exception, [e.value for e in at.exception]
    statuses = at.multiselect[0]
    assert statuses.proto.placeholder == translate(lang, "Choose one or more statuses")
    assert statuses.proto.placeholder != "Choose one or more statuses"


@pytest.mark.parametrize(
    ("lang", "month", "quarter", "day"),
    [("nl", "okt 2023", "K4 2024", "1 dec 2026"), ("de", "Okt. 2023", "Q4 2024", "01.12.2026")],
)
def test_source_vintages_are_written_as_the_language_reads_them(
    lang: str, month: str, quarter: str, day: str
) -> None:
    from dia.render.source_words import dates

    text = dates("2023-10 | 2024-Q4 | 2026-12-01 | 2021-2023 | 12411-01-01-4", lang)  # type: ignore[arg-type]
    # years ranges and table codes are not dates and stay as they are
    assert text == f"{month} | {quarter} | {day} | 2021-2023 | 12411-01-01-4"


def test_training_sources_show_no_iso_month(data_dir: Path) -> None:
    at = open_page("views/training.py", index_of(Role.DIRECTOR, "OE"), "de")
    captions = [c.value for c in at.caption if c.value.startswith("Quelle")]
    assert captions, "the training page names its sources"
    assert any("Okt. 2023" in c for c in captions), captions
    assert not any("2023-10" in c for c in captions), captions


def test_chart_toolbar_speaks_the_language() -> None:
    nl = plot_config("nl")
    assert nl["locale"] == "nl"
    words = nl["locales"]["nl"]
    assert words["dictionary"]["Zoom in"] == translate("nl", "Zoom in") != "Zoom in"
    assert words["format"]["months"][0] == "januari"
    assert words["format"]["days"][0] == "zondag", "plotly's weeks start on Sunday"
    assert "toImage" in nl["modeBarButtonsToRemove"], "no picture without source"
    assert "locale" not in plot_config("en")
