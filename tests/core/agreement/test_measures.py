"""Agreement measures on hand-worked examples (each value worked out in the comment)."""

from __future__ import annotations

from collections import Counter

import pytest

from reader.core.agreement import cohen_kappa, krippendorff_alpha, observed_agreement


def _pairs(a: str, b: str) -> list[tuple[str, str]]:
    return list(zip(a.split(), b.split()))


@pytest.mark.parametrize(("a", "b", "observed", "kappa"), [
    # perfect: p_o = 1, p_e = (1*1 + 1*1 + 2*2) / 16 = 6/16 -> kappa 1
    ("opinion claim none none", "opinion claim none none", 1.0, 1.0),
    # chance level: p_o = 2/4, p_e = (2*2 + 2*2) / 16 = 1/2 -> (1/2 - 1/2) / (1/2) = 0
    ("x x y y", "x y x y", 0.5, 0.0),
    # one coder left two statements untagged ("none"): p_o = 3/4;
    # marginals A {opinion 1, claim 1, none 2}, B {opinion 1, none 3}:
    # p_e = (1*1 + 1*0 + 2*3) / 16 = 7/16 -> (12/16 - 7/16) / (9/16) = 5/9
    ("opinion claim none none", "opinion none none none", 0.75, 5 / 9),
    # complete disagreement on two values: p_o = 0, p_e = (1*1 + 1*1) / 4 = 1/2 -> -1
    ("x y", "y x", 0.0, -1.0),
    # both coders used one value only: chance agreement is certain, kappa undefined
    ("none none none", "none none none", 1.0, None),
    # no statement both coded
    ("", "", None, None),
])
def test_kappa_and_observed(a: str, b: str, observed: float | None, kappa: float | None) -> None:
    pairs = _pairs(a, b)
    assert observed_agreement(pairs) == pytest.approx(observed) if observed is not None \
        else observed_agreement(pairs) is None
    result = cohen_kappa(pairs)
    assert (result is None) if kappa is None else result == pytest.approx(kappa)


def test_kappa_textbook_table() -> None:
    # 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15 -> p_o = 0.7;
    # A says yes 25 times, B 30: p_e = (25*30 + 25*20) / 2500 = 0.5 -> kappa 0.4
    counted = Counter({("yes", "yes"): 20, ("yes", "no"): 5, ("no", "yes"): 10,
                       ("no", "no"): 15})
    assert cohen_kappa(counted) == pytest.approx(0.4)
    assert cohen_kappa(list(counted.elements())) == pytest.approx(0.4)
    assert observed_agreement(counted) == pytest.approx(0.7)


@pytest.mark.parametrize(("units", "alpha"), [
    # perfect over two values: D_o = 0 -> 1
    ([["x", "x"], ["y", "y"]], 1.0),
    # chance level, 4 units of 2: n = 8, n_x = n_y = 4; D_o = 2 + 2 = 4 (two split units,
    # (2^2 - 2) / 1 each); sum n_c n_k (c != k) = 64 - 32 = 32 -> 1 - 7 * 4 / 32 = 0.125
    ([["x", "x"], ["x", "y"], ["y", "x"], ["y", "y"]], 0.125),
    # a unit coded by one coder only cannot be paired and changes nothing
    ([["x", "x"], ["x", "y"], ["y", "x"], ["y", "y"], ["z"]], 0.125),
    # every value the same: expected disagreement 0, alpha undefined
    ([["none", "none"], ["none", "none"]], None),
    # nothing pairable
    ([["x"], ["y"]], None),
])
def test_alpha(units: list[list[str]], alpha: float | None) -> None:
    result = krippendorff_alpha(units)
    assert (result is None) if alpha is None else result == pytest.approx(alpha)


def test_alpha_krippendorff_2011_example() -> None:
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C:
    # 4 coders, 12 units, missing values; nominal alpha = 0.743
    rows = ["1 2 3 3 2 1 4 1 2 . . .", "1 2 3 3 2 2 4 1 2 5 . 3",
            ". 3 3 3 2 3 4 2 2 5 1 .", "1 2 3 3 2 4 4 1 2 5 1 ."]
    table = [row.split() for row in rows]
    units = [[v for v in column if v != "."] for column in zip(*table)]
    assert krippendorff_alpha(units) == pytest.approx(0.7434, abs=1e-4)
    assert krippendorff_alpha(Counter(tuple(u) for u in units)) == pytest.approx(0.7434,
                                                                                 abs=1e-4)
