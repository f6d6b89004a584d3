"""The presentation basket through the real router: add a map on the overview in Dutch, build
the deck in German on the Presentation page, and open it again."""

from __future__ import annotations

import io
from pathlib import Path

from pptx import Presentation

from dia.auth import Role
from tests.apptest import all_text, index_of, open_page


def _button(at, label: str):  # type: ignore[no-untyped-def]
    return next(b for b in at.button if b.label == label)


def test_add_map_in_dutch_and_build_the_deck_in_german(data_dir: Path) -> None:
    at = open_page("views/overview.py", index_of(Role.DIRECTOR, "OE"), "nl")
    _button(at, "Naar presentatie").click().run()
    assert not at.exception
    assert _button(at, "In de presentatie").disabled  # added once, not twice

    at.switch_page("views/presentation.py").run()
    assert not at.exception
    assert "1. Inwoners per gemeente" in all_text(at)
    at.radio(key="deck_lang").set_value("de").run()
    assert "Einwohner je Gemeinde" in all_text(at)  # the preview follows the deck language
    _button(at, "Presentatie maken").click().run()
    assert not at.exception
    recipe, data = at.session_state["deck_file"]
    assert recipe[0] == "de"
    deck = Presentation(io.BytesIO(data))
    slides = list(deck.slides)
    assert len(slides) == 2
    texts = " ".join(s.text_frame.text for s in slides[1].shapes if s.has_text_frame)
    assert "Einwohner je Gemeinde" in texts
    assert "Quelle: Grenzen: BKG" in texts
    notes = slides[1].notes_slide.notes_text_frame.text
    assert (
        "NL: Hoogste op de kaart: Emmen" in notes
        and "DE: Am höchsten auf der Karte: Emmen" in notes
    )


def test_basket_starts_empty_for_another_viewer(data_dir: Path) -> None:
    at = open_page("views/overview.py", index_of(Role.ADMIN), "en")
    _button(at, "Add to presentation").click().run()
    at.switch_page("views/presentation.py").run()
    assert "1. Population per municipality" in all_text(at)
    at.session_state["demo_user"] = index_of(Role.FUNDER)
    at.run()
    assert not at.exception
    text = all_text(at)
    assert "The presentation is empty" in text  # the admin's items do not reach the funder
