"""Locate files shipped in `resources/` whether installed as a wheel or run from a checkout."""

from __future__ import annotations

from pathlib import Path


def resource_path(name: str) -> Path:
    """Return the path of a packaged resource such as ``icons/app.svg`` or ``style.qss``."""
    here = Path(__file__).resolve().parent
    for base in (here / "resources", here.parent / "resources"):
        candidate = base / name
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"resource not found: {name}")
