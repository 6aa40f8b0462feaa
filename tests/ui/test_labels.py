"""Kind icons are made once per colour: a panel fills hundreds of rows on every tag."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from reader.ui.app import dark_palette
from reader.ui.labels import kind_icon


def test_kind_icons_are_cached_and_follow_the_palette(qtbot) -> None:
    app = QGuiApplication.instance()
    original = app.palette()
    try:
        first = kind_icon("claim")
        assert not first.isNull()
        again = [kind_icon("claim") for _ in range(300)]
        assert {icon.cacheKey() for icon in again} == {first.cacheKey()}
        app.setPalette(dark_palette())
        assert kind_icon("claim").cacheKey() != first.cacheKey()
    finally:
        app.setPalette(original)
    assert kind_icon("claim").cacheKey() == first.cacheKey()
    assert kind_icon("note").isNull()
