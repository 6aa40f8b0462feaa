"""Loaders: open time per format, PDF pages per second and paragraph fidelity before and
after the layout rebuild (issue 13), and news-page extraction per page, each beside other
libraries measured in the same run.

Targets: a 100-page PDF and a 1 MB .docx each open in <= 2 s. "Before" is the code at
BASELINE_COMMIT (read with ``git archive`` into a temporary folder, run in a subprocess);
pass ``--baseline-src DIR`` to use another checkout. Libraries that are not installed are
reported as such. Numbers are noisy on a shared 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from loader_inputs import big_docx, dev_news_pages, layout_pdfs, report_pdf_page  # noqa: E402
from reader.core.loaders import load_document  # noqa: E402
from tests.core.loaders.pdf_writer import many_pages_pdf  # noqa: E402
from tests.core.loaders.test_pdf_layouts import PARAGRAPHS  # noqa: E402

#: The last commit before issue 13's loaders (the layout change that preceded them).
BASELINE_COMMIT = "11f7fa8"
# Reads each PDF named on stdin with the code on PYTHONPATH: seconds and text, one JSON line.
_BASELINE = ("import json, sys, time\nfrom reader.core.loaders import load_document\n"
             "for line in sys.stdin:\n    t = time.perf_counter()\n"
             "    text = load_document(line.strip()).text\n"
             "    print(json.dumps([time.perf_counter() - t, text]), flush=True)\n")


def timed(function, repeat: int = 3) -> tuple[float, object]:
    """Best wall time of ``repeat`` runs and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def baseline_source(given: str | None, folder: Path) -> Path | None:
    """A checkout of the code before issue 13, or None when git cannot give one."""
    if given:
        return Path(given)
    target = folder / "baseline"
    target.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", BASELINE_COMMIT, "reader"],
                             capture_output=True)
    if archive.returncode:
        return None
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def baseline_runs(source: Path | None, paths: list[Path], repeat: int = 2) -> list[tuple]:
    """(best seconds, text) per path with the baseline code, or [] without one."""
    if source is None:
        return []
    env = dict(os.environ, PYTHONPATH=str(source))
    # cwd: ``python -c`` puts the working directory first on sys.path
    proc = subprocess.run([sys.executable, "-c", _BASELINE], env=env, capture_output=True,
                          text=True, input="".join(f"{p}\n" for p in paths * repeat),
                          cwd=source)
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    if len(rows) != len(paths) * repeat:
        return []
    return [(min(rows[i][0], rows[i + len(paths)][0]), rows[i][1]) for i in range(len(paths))]


def pdf_tables(folder: Path, source: Path | None) -> None:
    pdf = folder / "report100.pdf"
    pdf.write_bytes(report_pdf_page(100, 45, random.Random(8)))
    layouts = {}
    for name, (data, paragraphs) in layout_pdfs(_varied(PARAGRAPHS)).items():
        path = folder / (re.sub(r"\W+", "_", name) + ".pdf")
        path.write_bytes(data)
        layouts[name] = (path, paragraphs)
    paths = [pdf] + [path for path, _ in layouts.values()]
    before = baseline_runs(source, paths)
    print("| PDF | pages | ours now | before (issue 13) | pdfminer.six layout |")
    print("|---|---|---|---|---|")
    for index, path in enumerate(paths):
        pages = _page_count(path)
        seconds, _ = timed(lambda p=path: load_document(p))
        old = f"{pages / before[index][0]:.0f} pages/s" if before else "n/a"
        miner = _pdfminer_rate(path, pages)
        print(f"| {path.stem} | {pages} | {pages / seconds:.0f} pages/s ({seconds:.2f} s) | "
              f"{old} | {miner} |")
    print("\n| layout | paragraphs rebuilt exactly: ours now | before | pdfminer.six |")
    print("|---|---|---|---|")
    for offset, (name, (path, paragraphs)) in enumerate(layouts.items(), start=1):
        ours = _exact(load_document(path).text, paragraphs)
        old = _exact(before[offset][1], paragraphs) if before else "n/a"
        try:
            miner = _exact(_pdfminer_text(path), paragraphs)
        except ImportError:
            miner = "not installed"
        print(f"| {name} | {ours} | {old} | {miner} |")


def _varied(paragraphs: list[str]) -> list[str]:
    """Twelve different copies of ``paragraphs``: no line repeats the way running heads do."""
    sessions = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                "ninth", "tenth", "eleventh", "twelfth")
    return [f"At the {session} session: {text} So it was minuted, {session} of {number}."
            for session in sessions for number, text in zip(sessions[::-1], paragraphs)]


def _page_count(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def _exact(text: str, paragraphs: list[str]) -> str:
    found = {" ".join(p.split()) for p in text.split("\n\n")}
    return f"{sum(p in found for p in paragraphs)}/{len(paragraphs)}"


def _pdfminer_text(path: Path) -> str:
    from pdfminer.high_level import extract_text

    boxes = re.split(r"\n\s*\n|\x0c", extract_text(str(path)))
    return "\n\n".join(" ".join(box.split()) for box in boxes if box.strip())


def _pdfminer_rate(path: Path, pages: int) -> str:
    try:
        seconds, _ = timed(lambda: _pdfminer_text(path), repeat=1)
    except ImportError:
        return "not installed"
    return f"{pages / seconds:.0f} pages/s"


def other_files(folder: Path) -> None:
    docx = folder / "big.docx"
    docx.write_bytes(big_docx(1024 * 1024, random.Random(8)))
    huge = folder / "pages5000.pdf"
    huge.write_bytes(many_pages_pdf(5000))
    print("\n| file | time (best of 3) | result |")
    print("|---|---|---|")
    for label, path in ((f"DOCX ({docx.stat().st_size / 1e6:.2f} MB)", docx),
                        ("PDF, 5,000 one-line pages", huge)):
        seconds, doc = timed(lambda p=path: load_document(p))
        verdict = "ok" if seconds <= 2.0 else "over 2 s"
        print(f"| {label} | {seconds:.2f} s | {len(doc.text):,} chars, {verdict} |")


def news_table(folder: Path, limit: int) -> None:
    pages = dev_news_pages(limit)
    if not pages:
        print("\n(news pages: the development set is not on this machine)")
        return
    print(f"\n| extractor ({len(pages)} English dev pages) | F1 (snippets) | near-empty | "
          "time per page: mean | median |")
    print("|---|---|---|---|---|")
    path = folder / "page.html"
    for name, run in (("ours (trafilatura mapped, short check)", _ours(path)),
                      ("trafilatura.extract", _trafilatura), ("readability-lxml", _readability)):
        try:
            run(b"<html><body><p>warm up</p></body></html>")
        except ImportError:
            print(f"| {name} | not installed | | | |")
            continue
        tp = fp = fn = empty = 0
        times = []
        for _, html, with_, without in pages:
            start = time.perf_counter()
            text = " ".join(run(html).split())
            times.append(time.perf_counter() - start)
            hits = sum(" ".join(s.split()) in text for s in with_)
            tp, fn = tp + hits, fn + len(with_) - hits
            fp += sum(" ".join(s.split()) in text for s in without)
            empty += len(text.split()) < 20
        times.sort()
        print(f"| {name} | {2 * tp / max(1, 2 * tp + fp + fn):.3f} | {empty} | "
              f"{1000 * sum(times) / len(times):.0f} ms | {1000 * times[len(times) // 2]:.0f} ms |")


def _ours(path: Path):
    def run(html: bytes) -> str:
        path.write_bytes(html)
        return load_document(path).text
    return run


def _trafilatura(html: bytes) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def _readability(html: bytes) -> str:
    import logging

    from readability import Document

    from reader.core.loaders import html_to_text

    logging.disable(logging.CRITICAL)
    return html_to_text(Document(html).summary(html_partial=True))[1]


def main(argv: list[str] | None = None) -> int:
    """Print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline-src", help="checkout to time as 'before' (default: git)")
    parser.add_argument("--pages", type=int, default=0, help="news pages to use (0: all)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        pdf_tables(folder, baseline_source(args.baseline_src, folder))
        other_files(folder)
        news_table(folder, args.pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
