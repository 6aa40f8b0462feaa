"""Whether the window can open: a table of environments (no Qt needed)."""

from __future__ import annotations

import pytest

from reader.ui.display import display_problem


@pytest.mark.parametrize("environ, platform, ok", [
    ({}, "linux", False),
    ({"QT_QPA_PLATFORM": "xcb"}, "linux", False),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
    ({"QT_QPA_PLATFORM": "minimal"}, "linux", True),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
    ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, "linux", False),
    ({"DISPLAY": "remote.example:10.0"}, "linux", True),       # cannot tell: let Qt try
    ({"DISPLAY": ":4242"}, "linux", False),                    # no such local X server
    ({}, "darwin", True),
    ({}, "win32", True),
])
def test_display_problem(environ, platform, ok):
    problem = display_problem(environ, platform)
    assert (problem is None) == ok
    if problem:
        assert "\n" not in problem and "graphical session" in problem
