"""`reader [FILES] --session NAME` hands the session to the window."""

from __future__ import annotations

import reader.ui.app as app
from reader.cli import main


def test_session_option_reaches_the_window(monkeypatch):
    seen = {}
    monkeypatch.setattr(app, "run_app", lambda files, **kw: seen.update(files=files, **kw) or 0)
    assert main(["a.txt", "b.txt", "--session", "Fact check"]) == 0
    assert seen == {"files": ["a.txt", "b.txt"], "db": None, "restore": True,
                    "session": "Fact check"}
    assert main(["--session", "Work"]) == 0 and seen["files"] == [] and seen["session"] == "Work"
    assert main([]) == 0 and seen["session"] is None
