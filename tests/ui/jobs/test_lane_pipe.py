"""Jobs go to the helper process with their big texts and arrays in pieces, so sending
one never holds the GUI thread for the whole pickling of a huge document."""

from __future__ import annotations

import multiprocessing
import threading
from array import array

from reader.core.text import split_statements
from reader.ui.jobs._lane_pipe import BIG, PIECE, receive_job, send_job


class Recording:
    """A connection end that notes the size of every message sent through it."""

    def __init__(self, connection) -> None:
        self.connection = connection
        self.sizes: list[int] = []

    def send_bytes(self, data) -> None:
        self.sizes.append(len(memoryview(data).cast("B")))
        self.connection.send_bytes(data)


def round_trip(message):
    parent, child = multiprocessing.Pipe()
    sender = Recording(parent)
    thread = threading.Thread(target=send_job, args=(sender, message))
    thread.start()      # the pipe holds 64 KB: send and receive at once
    received = receive_job(child)
    thread.join()
    parent.close()
    child.close()
    return received, sender.sizes


def test_a_huge_document_goes_in_pieces_and_arrives_whole_and_shared() -> None:
    text = "".join(f"Fact {i} holds, 😀 and \udcff. " for i in range(120_000))
    assert len(text) > 3 * BIG
    statements = split_statements(text)
    numbers = array("q", range(400_000))
    message = ("suggest", (statements, text, numbers, "small", [1, 2]))
    (name, (got_statements, got_text, got_numbers, small, listed)), sizes = round_trip(message)
    assert name == "suggest" and got_text == text and got_numbers == numbers
    assert (small, listed) == ("small", [1, 2])
    assert got_statements == statements
    assert got_statements.text is got_text            # one string, as the sender had it
    assert len(sizes) > 10 and max(sizes) <= 4 * PIECE   # pieces, not one 40 MB message


def test_small_messages_and_the_stop_signal_pass_as_they_are() -> None:
    assert round_trip(("pid", ()))[0] == ("pid", ())
    assert round_trip(None)[0] is None
    parent, child = multiprocessing.Pipe()
    parent.send(None)                                # what stopping the helper sends
    assert receive_job(child) is None


def test_a_job_result_comes_back_with_its_big_parts_in_pieces() -> None:
    from reader.ui.jobs import flatten, unflatten

    text = "Fact one holds. " * 200_000
    statements = split_statements(text)
    tree = flatten({"text": text, "statements": statements})
    (kind, got), sizes = round_trip(("ok", tree))
    result = unflatten(got)
    assert kind == "ok" and result["text"] == text and result["statements"] == statements
    assert result["statements"].text is result["text"]
    assert max(sizes) <= 4 * PIECE
