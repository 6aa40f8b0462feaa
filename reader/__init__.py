"""Source Reader: read sources side by side, link related passages, tag statements."""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Source Reader"
