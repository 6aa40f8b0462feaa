"""Fuzzing: every loader fed random and mutated bytes raises only DocumentError (or loads).

Seeds are the valid fixtures; mutations flip, cut, duplicate and insert bytes, and for zip
containers also mutate one member and re-zip it so the XML parsers see the damage. The run is
derandomized and bounded; READER_FUZZ_EXAMPLES=N raises the count and READER_FUZZ_RANDOM=1
feeds new random cases each run (for a longer local fuzzing session).
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import DocumentError
from reader.core.loaders import extra_loaders
from tests.core.loaders import loader_fixtures as fx
from tests.core.loaders.news_pages import semantic_page

EXAMPLES = int(os.environ.get("READER_FUZZ_EXAMPLES", "120"))
ZIPPED = {".docx", ".odt", ".epub"}
FUZZ = settings(max_examples=EXAMPLES, deadline=2000, database=None,
                derandomize=not os.environ.get("READER_FUZZ_RANDOM"),
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> dict[str, bytes]:
    """Valid bytes of every format, made once for the module."""
    folder = tmp_path_factory.mktemp("seeds")
    found = {".epub": fx.make_epub(folder / "a.epub").read_bytes(),
             ".rtf": fx.make_rtf(folder / "a.rtf").read_bytes(),
             ".html": semantic_page().html.encode()}
    makers = {".docx": ("docx", fx.make_docx), ".odt": ("odf", fx.make_odt),
              ".pdf": ("fpdf", fx.make_pdf)}
    for suffix, (module, make) in makers.items():
        try:
            __import__(module)
        except ImportError:
            continue
        found[suffix] = make(folder / f"a{suffix}").read_bytes()
    return found


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    """``seed`` with a few random edits."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["flip", "cut", "insert", "duplicate", "truncate"]))
        if op == "flip":
            data[at] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[at:at + draw(st.integers(1, 64))]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=32))
        elif op == "duplicate":
            data[at:at] = data[at:at + draw(st.integers(1, 256))] * draw(st.integers(1, 8))
        else:
            del data[at:]
    return bytes(data)


@st.composite
def rezipped(draw, seed: bytes) -> bytes:
    """A zip container with one member mutated, so the inner parsers are exercised."""
    source = zipfile.ZipFile(io.BytesIO(seed))
    names = source.namelist()
    target = draw(st.sampled_from(names))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            data = source.read(name)
            archive.writestr(name, draw(mutated(data)) if name == target else data)
    return out.getvalue()


def payloads(seed: bytes, suffix: str) -> st.SearchStrategy[bytes]:
    """Random bytes, mutated seeds and (for containers) mutated members."""
    options = [st.binary(max_size=2048), mutated(seed)]
    if suffix in ZIPPED:
        options += [rezipped(seed), rezipped(seed)]
    return st.one_of(options)


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".pdf", ".epub", ".rtf", ".html"])
@FUZZ
@given(data=st.data())
def test_loader_raises_only_document_error(seeds, suffix, data):
    if suffix not in seeds:
        pytest.skip(f"no generator installed for {suffix} seeds")
    payload = data.draw(payloads(seeds[suffix], suffix), label="payload")
    loader = extra_loaders()[suffix]
    try:
        document = loader(Path(f"fuzz{suffix}"), payload)
    except DocumentError as exc:
        assert "\n" not in str(exc)
    else:
        assert document.text == document.text.strip()
