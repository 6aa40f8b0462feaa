"""Agreement measures over nominal values: observed agreement, Cohen's kappa,
Krippendorff's alpha. Pure functions; None where a measure is undefined.

Each takes its items as a sequence or as a mapping {item: count} (the same items
repeated), so callers with many identical rows pass them counted. A measure is undefined
when it would divide by zero: no pairs, or chance agreement certain (every value the same,
e.g. a kind nobody used). JSON writes None as null, so a script never meets NaN.
"""

from __future__ import annotations

from collections import Counter
from typing import Hashable, Iterable, Mapping, Sequence, TypeVar, Union

T = TypeVar("T", bound=Hashable)
Items = Union[Mapping[T, int], Iterable[T]]


def _counted(items: Items) -> Mapping:
    return items if isinstance(items, Mapping) else Counter(items)


def observed_agreement(pairs: Items[tuple[Hashable, Hashable]]) -> float | None:
    """Share of ``(a, b)`` value pairs that are equal (None for no pairs)."""
    counted = _counted(pairs)
    n = sum(counted.values())
    if n == 0:
        return None
    return sum(count for (a, b), count in counted.items() if a == b) / n


def cohen_kappa(pairs: Items[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's kappa of two coders over ``(a, b)`` value pairs.

    (p_o - p_e) / (1 - p_e), p_e from each coder's own marginals; None when there are no
    pairs or when chance agreement is certain (both coders used one and the same value).
    """
    counted = _counted(pairs)
    n = sum(counted.values())
    if n == 0:
        return None
    agree = 0
    left: Counter = Counter()
    right: Counter = Counter()
    for (a, b), count in counted.items():
        if a == b:
            agree += count
        left[a] += count
        right[b] += count
    expected = sum(count * right[value] for value, count in left.items()) / (n * n)
    if expected >= 1.0:
        return None
    return (agree / n - expected) / (1.0 - expected)


def krippendorff_alpha(units: Items[Sequence[Hashable]]) -> float | None:
    """Krippendorff's alpha (nominal) over units, each the values its coders gave it.

    Coders may be missing from a unit (pass only the values present). Units with fewer
    than two values cannot be paired and are left out (Krippendorff 2011). Coincidence
    form: alpha = 1 - (n - 1) * D_o / sum_{c != k} n_c n_k, with D_o the disagreeing
    pairs of each unit weighted 1 / (m_u - 1). None when fewer than two pairable values,
    or when every value is the same.
    """
    counted = _counted(tuple(u) for u in units) if not isinstance(units, Mapping) else units
    observed = 0.0
    totals: Counter = Counter()  # n_c: pairable values of each category
    for values, repeat in counted.items():
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        if len(counts) > 1:
            observed += repeat * (m * m - sum(c * c for c in counts.values())) / (m - 1)
        for value, c in counts.items():
            totals[value] += c * repeat
    n = sum(totals.values())
    expected = n * n - sum(c * c for c in totals.values())
    if n < 2 or expected == 0:
        return None
    return 1.0 - (n - 1) * observed / expected
