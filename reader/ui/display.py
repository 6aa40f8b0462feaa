"""Is there a screen to open the window on? Asked before Qt is loaded, because Qt aborts
the process (exit 134, six lines about platform plugins) when it finds none."""

from __future__ import annotations

import os
from typing import Mapping

#: Qt platforms that draw without a display server.
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")


def display_problem(environ: Mapping[str, str], platform: str) -> str | None:
    """One sentence saying why the window cannot open here, or None when it can."""
    if platform.startswith(("win", "darwin", "cygwin")):
        return None
    wanted = environ.get("QT_QPA_PLATFORM", "").split(":", 1)[0].strip().lower()
    if wanted.startswith(HEADLESS_PLATFORMS):
        return None
    x11, wayland = environ.get("DISPLAY", ""), environ.get("WAYLAND_DISPLAY", "")
    if wanted == "wayland" and wayland:
        return None
    if x11 and wanted != "wayland":
        socket = _local_x_socket(x11)
        if socket is None or os.path.exists(socket):
            return None
        return (f"no X server answers on DISPLAY={x11}: the window needs a running "
                "graphical session (the commands, e.g. 'reader segment FILE', do not)")
    if wayland and not wanted:
        return None
    return ("no display found (DISPLAY and WAYLAND_DISPLAY are not set): the window needs a "
            "graphical session; the commands, e.g. 'reader segment FILE', work without one")


def _local_x_socket(display: str) -> str | None:
    """The Unix socket of a local X display such as ':99' or ':0.0'; None for host:N."""
    host, _, number = display.rpartition(":")
    if host not in ("", "unix"):
        return None
    number = number.split(".", 1)[0]
    return f"/tmp/.X11-unix/X{number}" if number.isdigit() else None
