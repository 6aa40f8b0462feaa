"""The side panels and dialogs are wired into the window: docks built on first show,
jumps from a panel move the current statement, dialogs open from the menus."""

from __future__ import annotations

import pytest

from tests.ui.window.window_helpers import focus_first_pane, open_window, press, wait_idle


def test_docks_are_built_on_first_show_and_jump(qtbot, tmp_path, seeds) -> None:
    window = open_window(qtbot, tmp_path, seeds)
    docks = getattr(window, "docks", {})
    if "tags" not in docks:
        pytest.skip("the Tags panel is not written yet")
    dock = docks["tags"]
    assert dock.widget() is None and not dock.isVisible()
    focus_first_pane(qtbot, window)
    press(qtbot, window, "C")
    dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: dock.widget() is not None)
    panel = dock.widget()
    panel.jumpRequested.emit(1, 3)
    assert window.session.focused == 1 and window.session.panes[1].current == 3
    assert window.panes[1].view.marks.current == 3
    wait_idle(qtbot, window)


@pytest.mark.parametrize("key, module, name", [
    ("about", "reader.ui.dialogs._about", "AboutDialog"),
    ("shortcuts", "reader.ui.dialogs._shortcuts", "ShortcutsDialog"),
])
def test_help_dialogs_open_from_the_menu(qtbot, tmp_path, monkeypatch, key, module,
                                         name) -> None:
    import importlib

    try:
        dialog = getattr(importlib.import_module(module), name)
    except (ModuleNotFoundError, AttributeError):
        pytest.skip(f"{name} is not written yet")
    calls = []
    monkeypatch.setattr(dialog, "ask", classmethod(lambda cls, *a, **k: calls.append(a)))
    window = open_window(qtbot, tmp_path)
    window.menus.actions[key].trigger()
    assert calls and calls[0][0] is window


def test_question_mark_shows_the_shortcuts_overlay(qtbot, tmp_path, seeds) -> None:
    window = open_window(qtbot, tmp_path, seeds)
    focus_first_pane(qtbot, window)
    press(qtbot, window, "?")
    overlay = getattr(window, "_shortcuts_overlay", None)
    if overlay is None:
        pytest.skip("the shortcuts overlay is not written yet")
    assert overlay.isVisible()
    wait_idle(qtbot, window)
