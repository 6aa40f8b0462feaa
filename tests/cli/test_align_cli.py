"""`reader align`: the JSON contract, --top, --db, and clean errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAME = ("The committee approved the new railway budget after a long and bitter debate.\n\n"
        "Heavy rain flooded the coastal villages during the autumn storm last week.\n")


def run_reader(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "reader", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def align_json(*args: str) -> dict:
    result = run_reader("align", *args, "--json", "--method", "lexical")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_seeds_follow_the_contract(seeds):
    payload = align_json(*map(str, seeds), "--top", "3")
    assert set(payload) == {"documents", "links", "pairs", "related"}
    assert [d["path"] for d in payload["documents"]] == [str(p) for p in seeds]
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    for link in payload["links"]:
        assert set(link) == {"left", "right", "left_statements", "right_statements",
                             "left_span", "right_span", "score"}
        assert (link["left"], link["right"]) == (0, 1)
        assert 0.0 <= link["score"] <= 1.0
        for side, doc in (("left", link["left"]), ("right", link["right"])):
            start, end = link[f"{side}_span"]
            assert 0 <= start < end <= len(texts[doc])
    segmented = json.loads(run_reader("segment", str(seeds[0]), "--json").stdout)["statements"]
    related = payload["related"]
    assert [r["statement"] for r in related] == [s["index"] for s in segmented]
    for entry in related:
        assert entry["doc"] == 0
        assert 1 <= len(entry["candidates"]) <= 3
        assert {c["doc"] for c in entry["candidates"]} == {1}
        scores = [c["score"] for c in entry["candidates"]]
        assert scores == sorted(scores, reverse=True)


def test_identical_documents_make_one_passage(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(SAME, encoding="utf-8")
    b.write_text(SAME, encoding="utf-8")
    payload = align_json(str(a), str(b))
    assert payload["related"] == []
    (link,) = payload["links"]
    assert link["left_statements"] == link["right_statements"] == [0, 1]
    assert link["left_span"] == link["right_span"] == [0, len(SAME) - 1]
    assert link["score"] == 1.0


def test_three_documents_every_pair(tmp_path):
    paths = []
    for name in "abc":
        path = tmp_path / f"{name}.txt"
        path.write_text(SAME, encoding="utf-8")
        paths.append(str(path))
    payload = align_json(*paths, "--top", "1")
    assert sorted((l["left"], l["right"]) for l in payload["links"]) == [(0, 1), (0, 2), (1, 2)]
    assert {c["doc"] for c in payload["related"][0]["candidates"]} == {1, 2}


def test_empty_and_foreign_documents_do_not_crash(tmp_path):
    empty, german = tmp_path / "empty.txt", tmp_path / "de.txt"
    empty.write_text("", encoding="utf-8")
    german.write_text("Der Ausschuss genehmigte das neue Budget für die Eisenbahn.\n",
                      encoding="utf-8")
    payload = align_json(str(empty), str(german), "--top", "2")
    assert payload["links"] == [] and payload["related"] == []
    payload = align_json(str(german), str(german))
    assert len(payload["links"]) == 1


@pytest.mark.parametrize("args,status", [
    (["missing-file.txt", "seeds/000_e66fe55ed26b97b5.txt"], 1),
    (["seeds/000_e66fe55ed26b97b5.txt"], 1),
    (["seeds/000_e66fe55ed26b97b5.txt", "seeds/004_214095e5e5318186.txt", "--threshold", "2"], 2),
    (["seeds/000_e66fe55ed26b97b5.txt", "seeds/004_214095e5e5318186.txt", "--top", "-1"], 2),
    (["seeds/000_e66fe55ed26b97b5.txt", "seeds/004_214095e5e5318186.txt", "--method", "x"], 2),
])
def test_bad_input_is_one_line_and_no_traceback(args, status, tmp_path):
    result = run_reader("align", *args)
    assert result.returncode == status
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) >= 1
    assert not (tmp_path / "library.sqlite3").exists()  # READER_DB untouched


def test_without_db_no_database_is_touched(seeds, tmp_path):
    align_json(*map(str, seeds))
    assert not (tmp_path / "library.sqlite3").exists()


def test_db_saves_links_and_honours_pins_and_rejections(tmp_path):
    from reader.core.store import Store

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(SAME, encoding="utf-8")
    other = ("The bakery on the corner sells fresh croissants to commuters every morning.\n\n"
             "Heavy rain flooded the coastal villages during the autumn storm last week.\n")
    b.write_text(other, encoding="utf-8")
    db = tmp_path / "lib.sqlite3"
    payload = align_json(str(a), str(b), "--db", str(db))
    assert [(l["left_statements"], l["right_statements"]) for l in payload["links"]] == \
        [([1], [1])]
    with Store.open(db) as store:
        left_id = store.document_by_sha(payload["documents"][0]["sha256"]).id
        right_id = store.document_by_sha(payload["documents"][1]["sha256"]).id
        saved = store.tag_table.passage_links(left_id)
        assert [(s.left_start, s.right_start) for s in saved] == \
            [(tuple(payload["links"][0]["left_span"])[0], payload["links"][0]["right_span"][0])]
        store.tag_table.add_manual_link((left_id, 0, 5), (right_id, 3, 10), action="link")
        rain_left, rain_right = SAME.index("Heavy"), other.index("Heavy")
        store.tag_table.add_manual_link((left_id, rain_left, rain_left + 5),
                              (right_id, rain_right, rain_right + 5), action="reject")
    payload = align_json(str(a), str(b), "--db", str(db))
    assert [(l["left_statements"], l["right_statements"], l.get("manual", False))
            for l in payload["links"]] == [([0], [0], True)]
    assert [(p["left_statement"], p["right_statement"], p["manual"])
            for p in payload["pairs"]] == [(0, 0, True)]
    with Store.open(db) as store:
        # the rejected pair is no longer saved; the pin lives with the manual links
        assert store.tag_table.passage_links(left_id) == []
        assert [m.action for m in store.tag_table.manual_links()].count("link") == 1


def test_db_saves_statement_pairs_not_whole_passages(tmp_path):
    """Two near-identical documents group into one passage spanning everything; what is
    saved for exports links each statement to its partner only."""
    from reader.core.store import Store

    text = ("The harbour board approved the new breakwater on Monday.\n\n"
            "Fishermen had asked for deeper moorings since the storms of 2019.\n\n"
            "Construction will cost 4.2 million euros, paid by the regional fund.\n\n"
            "The mayor called the decision overdue and welcomed the vote.\n\n"
            "Work starts in spring and should end before the summer ferries.\n\n"
            "Environmental groups will monitor the seagrass beds near the pier.\n")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(text, encoding="utf-8")
    b.write_text(text.replace("Monday", "Tuesday"), encoding="utf-8")
    db = tmp_path / "lib.sqlite3"
    payload = align_json(str(a), str(b), "--db", str(db))
    assert len(payload["links"]) == 1 and len(payload["links"][0]["left_statements"]) == 6
    with Store.open(db) as store:
        left_id = store.document_by_sha(payload["documents"][0]["sha256"]).id
        saved = store.tag_table.passage_links(left_id)
    assert len(saved) == 6
    assert all(s.left_end - s.left_start < 70 and s.right_end - s.right_start < 75
               for s in saved)


def test_help_states_the_engine_default_threshold():
    from reader.core.align import DEFAULT_THRESHOLD

    result = run_reader("align", "--help")
    assert result.returncode == 0
    assert f"default {DEFAULT_THRESHOLD}" in " ".join(result.stdout.split())


REPORT_A = ("Hawks put Okafor on injured reserve\n\n"
            "The Riverside Hawks placed forward Daniel Okafor on injured reserve on Tuesday after "
            "he tore a ligament in his left knee. Okafor, 27, was hurt in the third quarter of "
            "Sunday's 98-91 loss to Portland.\n")
REPORT_B = ("Daniel Okafor will miss the rest of the season after the Hawks put the 27-year-old "
            "forward on injured reserve on Tuesday with a torn knee ligament. The injury came "
            "late in the 98-91 defeat at Portland on Sunday.\n")


def test_pairs_are_the_statement_links_inside_the_passages(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(REPORT_A, encoding="utf-8")
    b.write_text(REPORT_B, encoding="utf-8")
    payload = align_json(str(a), str(b))
    pairs = {(p["left_statement"], p["right_statement"]) for p in payload["pairs"]}
    # a restatement: the headline and the lede both pair with the first sentence
    assert {(0, 0), (1, 0), (2, 1)} <= pairs
    for pair in payload["pairs"]:
        assert set(pair) == {"left", "right", "left_statement", "right_statement", "score",
                             "manual"}
        assert (pair["left"], pair["right"]) == (0, 1) and not pair["manual"]
    inside = {(i, j) for link in payload["links"]
              for i in link["left_statements"] for j in link["right_statements"]}
    assert pairs <= inside


@pytest.mark.parametrize("top", ["1", "5", "50"])
def test_top_never_changes_links_or_pairs(seeds, tmp_path, top):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(REPORT_A, encoding="utf-8")
    b.write_text(REPORT_B, encoding="utf-8")
    for files in ([str(a), str(b)], list(map(str, seeds))):
        plain = align_json(*files)
        ranked = align_json(*files, "--top", top)
        assert ranked["links"] == plain["links"]
        assert ranked["pairs"] == plain["pairs"]
        assert ranked["related"] and not plain["related"]
