"""The shared-library stress test, short form (``bench/bench_stress.py`` runs it longer).

A tagging session (second connections included, as the window's jobs make them) and
``reader import``/``export``/``align --db``/``find`` processes share one library while random
SIGKILLs hit any of them; afterwards the file is sound and every committed tag is there.
"""

from __future__ import annotations

import sys

import pytest

from tests.core.store.stress_support import run_stress

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def test_shared_library_survives_random_kills(tmp_path):
    result = run_stress(tmp_path / "stress", seconds=10, seed=12)
    assert result.integrity == "ok"
    assert result.failures == []
    assert result.lost == 0, result
    assert result.find_ok, result
    assert result.kills >= 3 and result.trials >= 5 and result.committed >= 50, result
