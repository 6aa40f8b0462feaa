"""Sending a job to the helper process with its big texts and arrays in pieces.

``Connection.send`` pickles a message in one call, which keeps Python's GIL (so the GUI
thread) for as long as it takes: some 60 ms for a million-statement document's text and
statement arrays, sent again with every job about it. ``send_job`` pickles the message
without its big strings and arrays (they become references) and then sends those in
pieces of ``PIECE`` bytes, each made and written in its own short step; ``receive_job``
puts them back in place. Every big object is sent once however often it is referred to
(a document's text inside its statement list and beside it is still one string).
"""

from __future__ import annotations

import io
import pickle
from array import array
from typing import Any

#: Strings of more characters and arrays of more bytes than this go in pieces.
BIG = 1 << 20
#: Characters (strings) or bytes (arrays) per piece.
PIECE = 1 << 20


def _pieces(value: Any) -> Any:
    if isinstance(value, str):
        for start in range(0, len(value), PIECE):
            yield value[start:start + PIECE].encode("utf-8", "surrogatepass")
    else:
        step = max(1, PIECE // value.itemsize)
        for start in range(0, len(value), step):
            yield value[start:start + step].tobytes()


def send_job(connection: Any, message: Any) -> None:
    """Send ``message`` (a picklable value) with its big strings and arrays in pieces."""
    big: list[Any] = []
    where: dict[int, int] = {}

    class Pickler(pickle.Pickler):
        def persistent_id(self, obj: Any) -> Any:  # noqa: D102 - pickle's hook
            kind = type(obj)
            if kind is str and len(obj) > BIG:
                tag: tuple = ("str",)
            elif kind is array and len(obj) * obj.itemsize > BIG:
                tag = ("array", obj.typecode)
            else:
                return None
            if id(obj) not in where:
                where[id(obj)] = len(big)
                big.append(obj)
            return (*tag, where[id(obj)])

    buffer = io.BytesIO()
    Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(message)
    connection.send_bytes(buffer.getbuffer())
    for value in big:
        for piece in _pieces(value):
            connection.send_bytes(piece)
        connection.send_bytes(b"")      # this value is complete


def receive_job(connection: Any) -> Any:
    """The next message ``send_job`` sent (EOFError when the other end closed)."""
    loaded: list[Any] = []

    def parts() -> Any:
        while True:
            piece = connection.recv_bytes()
            if not piece:
                return
            yield piece

    class Unpickler(pickle.Unpickler):
        def persistent_load(self, pid: Any) -> Any:  # noqa: D102 - pickle's hook
            number = pid[-1]
            if number == len(loaded):       # first met here: its pieces come next
                if pid[0] == "str":
                    loaded.append("".join(p.decode("utf-8", "surrogatepass") for p in parts()))
                else:
                    values = array(pid[1])
                    for piece in parts():
                        values.frombytes(piece)
                    loaded.append(values)
            return loaded[number]

    return Unpickler(io.BytesIO(connection.recv_bytes())).load()
