"""Many processes on one library, killed at random: nothing committed may be lost.

One *session* process tags statements through a ReadingSession, the way the window does,
and, like the window's jobs, opens second connections of its own from time to time (the
learned model reads the library, saved links are written). Beside it, ``reader import``,
``reader export``, ``reader align --db`` and ``reader find`` (which indexes the library's
documents into the index file beside it) run again and again on the same library. Any of
them is SIGKILLed at random. Afterwards ``PRAGMA integrity_check`` must say ``ok``, every
tag the session reported as done must be there, so must every tag of an import that
exited 0, and a last ``reader find`` must give every match of its query in the text.

Run the session part as ``python -m tests.core.store.stress_support session LIB DOC LOG``
(``--plain-open`` makes it also read the library file with a plain ``open()`` before each
second connection: the old header check, the baseline that loses tags).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
KINDS = ("claim", "opinion", "quotation")
SESSION_AUTHOR = "stress-session"


@dataclass
class StressResult:
    """What one stress run did and found."""

    seconds: float
    trials: int = 0            # worker processes that finished (exited or were killed)
    kills: int = 0
    locked: int = 0            # workers that gave up on a busy library with a clear message
    failures: list[str] = field(default_factory=list)   # other non-zero exits
    committed: int = 0         # tags reported as stored (session) or imported (exit 0)
    lost: int = 0
    integrity: str = ""
    find_ok: bool = False      # after it all, ``reader find`` gives every match in the text

    @property
    def ok(self) -> bool:
        """True when nothing was lost, the file is sound and nothing failed oddly."""
        return self.lost == 0 and self.integrity == "ok" and not self.failures and self.find_ok


def write_document(path: Path, statements: int = 4000) -> None:
    """A plain text of ``statements`` short sentences, five to a paragraph."""
    sentences = [f"Statement {i} says that harbor {i % 89} opens at dawn." for i in range(statements)]
    path.write_text("\n\n".join(" ".join(sentences[i:i + 5])
                                for i in range(0, statements, 5)), encoding="utf-8")


def session_process(library: str, document_path: str, log_path: str, plain_open: bool) -> None:
    """Tag untagged statements one by one, logging each once the action returned."""
    from reader.core.loaders import load_document
    from reader.core.session import ACTIONS, ReadingSession
    from reader.core.store import Store
    from reader.core.text import segment_document

    session = ReadingSession(Store.open(library), author=SESSION_AUTHOR)
    document = load_document(document_path)
    session.open_document(document, segment_document(document))
    pane = session.panes[0]
    if 0 in session.tags_for(0):
        ACTIONS["next_untagged"](session)
    log = open(log_path, "a", buffering=1)  # open until this process is killed
    for n in range(len(pane.statements)):
        index = pane.current
        if index in session.tags_for(0):
            break  # every statement tagged
        kind = KINDS[n % 3]
        ACTIONS[f"tag_{kind}"](session)
        if session.pending_writes:
            continue  # kept in memory (library busy): not yet committed
        log.write(f"{pane.statements[index].start} {kind}\n")
        if n % 3 == 0:       # a job reading the library on its own connection
            if plain_open:
                with open(library, "rb") as handle:
                    handle.read(16)
            Store.open(library, readonly=True).close()
        if n % 7 == 0:       # a job writing automatic links on its own connection
            with Store.open(library) as other:
                doc_id = other.documents()[0].id
                other.tag_table.save_passage_links(doc_id, doc_id, [(0, 5, 10, 15, 0.5)])


def _import_file(path: Path, sha: str, text: str, token: str, count: int) -> set[tuple]:
    records, keys = [], set()
    for i in range(count):
        start = (i * 53) % (len(text) - 40)
        keys.add((start, start + 15, "claim", token))
        records.append({"document": {"path": "", "title": "stress", "sha256": sha},
                        "kind": "claim", "text": text[start:start + 15], "start": start,
                        "end": start + 15, "prefix": "", "suffix": "", "note": token,
                        "author": token, "created_at": "2026-01-01T00:00:00.000Z",
                        "updated_at": "2026-01-01T00:00:00.000Z", "orphaned": False,
                        "links": []})
    path.write_text(json.dumps({"schema": "source-reader/tags", "version": 1,
                                "count": count, "records": records}))
    return keys


def run_stress(work: Path, seconds: float, seed: int = 0, plain_open: bool = False,
               kill_gap: tuple[float, float] = (0.3, 1.2)) -> StressResult:
    """Run the session and the command-line workers on one library in ``work`` for
    ``seconds``, SIGKILLing one of them every ``kill_gap`` seconds; then check the file."""
    from reader.core.text import text_sha256

    rng = random.Random(seed)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    library, log = work / "lib.sqlite3", work / "session.log"
    document = work / "statements.txt"
    write_document(document)
    others = [ROOT / "seeds" / name for name in sorted(os.listdir(ROOT / "seeds"))][:2]
    text = document.read_text(encoding="utf-8")
    sha = text_sha256(text)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = StressResult(seconds)
    expected: set[tuple] = set()

    def start_session() -> subprocess.Popen:
        command = [sys.executable, "-m", "tests.core.store.stress_support", "session",
                   str(library), str(document), str(log)] + (["--plain-open"] if plain_open else [])
        with open(work / "session.err", "a") as errors:  # the child keeps its own copy
            return subprocess.Popen(command, cwd=ROOT, env=env, stderr=errors)

    def start_worker(slot: str, number: int) -> tuple[subprocess.Popen, set[tuple]]:
        keys: set[tuple] = set()
        if slot.startswith("import"):
            source = work / f"import{number}.json"
            keys = _import_file(source, sha, text, f"import-{number}", rng.randint(5, 150))
            command = ["import", str(source)]
        elif slot == "export":
            command = ["export", "-f", rng.choice(["json", "csv"])]
        elif slot == "find":   # indexes the library's documents first, into its own file
            command = ["find", FIND_QUERY]
        else:
            command = ["align", *map(str, others)]
        with open(work / f"{slot}.err", "w") as errors:
            process = subprocess.Popen(
                [sys.executable, "-m", "reader", *command, "--db", str(library)], cwd=ROOT,
                env=env, stdout=subprocess.DEVNULL, stderr=errors)
        return process, keys

    def finished(slot: str, process: subprocess.Popen, keys: set[tuple]) -> None:
        result.trials += 1
        if process.returncode == 0:
            expected.update(keys)
        elif process.returncode != -signal.SIGKILL:
            message = (work / f"{slot}.err").read_text(errors="replace").strip()
            if process.returncode == 1 and "locked" in message and "\n" not in message:
                result.locked += 1
            else:
                result.failures.append(f"{slot} exit {process.returncode}: {message[-300:]}")

    session = start_session()
    time.sleep(0.5)  # the session creates the library and remembers the document first
    workers: dict[str, tuple[subprocess.Popen, set[tuple]]] = {}
    resting: dict[str, float] = {}   # a worker slot starts again after a short pause, so
    number = 0                       # the session is sometimes alone with one other process
    deadline = time.monotonic() + seconds
    next_kill = time.monotonic() + rng.uniform(*kill_gap)
    while time.monotonic() < deadline:
        for slot in ("import", "export", "align", "find"):
            entry = workers.get(slot)
            if entry is not None and entry[0].poll() is None:
                continue
            if entry is not None:
                finished(slot, *entry)
                del workers[slot]
                resting[slot] = time.monotonic() + rng.uniform(0.1, 1.2)
            if time.monotonic() < resting.get(slot, 0.0):
                continue
            number += 1
            workers[slot] = start_worker(slot, number)
        if session.poll() is not None:
            if session.returncode not in (0, -signal.SIGKILL):
                result.failures.append(f"session exit {session.returncode}: "
                                       f"{(work / 'session.err').read_text()[-300:]}")
            session = start_session()
        if time.monotonic() >= next_kill:
            victim = rng.choice(["session", *sorted(workers)])
            process = session if victim == "session" else workers[victim][0]
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                result.kills += 1
            next_kill = time.monotonic() + rng.uniform(*kill_gap)
        time.sleep(0.02)
    session.send_signal(signal.SIGKILL)
    session.wait()
    for slot, (process, keys) in workers.items():
        try:
            process.wait(timeout=60)  # let the last round finish: its tags count too
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        finished(slot, process, keys)
    result.find_ok = _find_all(library, env, text)
    return _check(library, log, expected, result)


#: Found in some statements of the document (and in no seed).
FIND_QUERY = "harbor 7 opens"


def _find_all(library: Path, env: dict[str, str], text: str) -> bool:
    """True when ``reader find`` on the library after the run (its index written by killed
    and finished processes alike) returns exactly the query's matches in the text."""
    run = subprocess.run([sys.executable, "-m", "reader", "find", FIND_QUERY, "--db",
                          str(library)], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120)
    if run.returncode != 0:
        return False
    starts = sorted(hit["start"] for hit in json.loads(run.stdout)["hits"])
    expected, at = [], text.find(FIND_QUERY)
    while at >= 0:
        expected.append(at)
        at = text.find(FIND_QUERY, at + 1)
    return starts == expected


def _check(library: Path, log: Path, expected: set[tuple], result: StressResult) -> StressResult:
    if log.exists():
        for line in log.read_text().split("\n"):
            if line.strip():
                start, kind = line.split()
                expected.add((int(start), kind, SESSION_AUTHOR))
    conn = sqlite3.connect(f"file:{library}?mode=ro", uri=True)
    try:
        result.integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        rows = conn.execute('SELECT start, "end", kind, author FROM tags').fetchall()
    except sqlite3.DatabaseError as exc:
        result.integrity = str(exc)
        rows = []
    finally:
        conn.close()
    present = {(s, e, k, a) for s, e, k, a in rows} | {(s, k, a) for s, _e, k, a in rows}
    result.committed = len(expected)
    result.lost = len(expected - present)
    return result


if __name__ == "__main__":
    if sys.argv[1] == "session":
        session_process(*sys.argv[2:5], plain_open="--plain-open" in sys.argv)
