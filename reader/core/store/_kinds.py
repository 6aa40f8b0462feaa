"""The library's codebook: the kinds a tag may have, built in and the reader's own.

``opinion``, ``claim`` and ``quotation`` are built in: on one span a reader gives at most one
of them (a new one replaces the old), and suggestions are made only for them. ``note`` is
built in too: a note on a passage that has no other tag. Every other kind is the library's
own (a verdict such as "misleading", a code of a research codebook): a label that stacks on
top of a built-in kind, toggled by its key. Kinds are renamed (the tags follow, by a foreign
key with ON UPDATE CASCADE) and retired (no key, no menu entry) but never deleted while a
tag has them, so no tag is ever lost.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterable

from reader.core.errors import ReaderError

if TYPE_CHECKING:
    from reader.core.store._store import Store

#: The kinds suggestions are made for; mutually exclusive on a span (per author).
BUILTIN_KINDS = ("opinion", "claim", "quotation")
#: The kind of a note on a passage that carries no other tag.
NOTE_KIND = "note"
#: Margin shapes a kind may have (built-in kinds keep theirs).
SHAPES = ("diamond", "triangle", "star", "cross", "ring", "hexagon", "circle", "square")
#: Colours offered to new kinds in turn: distinct from the built-in ones and each other.
NEW_KIND_COLORS = ("#D55E00", "#009E73", "#7B4FBF", "#8C564B", "#D62728", "#17BECF",
                   "#BCBD22", "#E377C2")
MAX_NAME = 40

_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")


class KindError(ReaderError, ValueError):
    """A kind cannot be added or changed as asked (bad or taken name, key, colour)."""


@dataclass(frozen=True)
class Kind:
    """One entry of the codebook."""

    name: str
    description: str = ""
    key: str = ""          # key text as the keymap writes it ("M", "Shift+V"); "" for none
    color: str = ""        # "#RRGGBB"
    shape: str = "diamond"
    retired: bool = False
    builtin: bool = False
    position: int = 0

    @property
    def label(self) -> bool:
        """True for the library's own kinds: labels that stack on a built-in kind."""
        return not self.builtin

    def as_json(self) -> dict[str, object]:
        """The kind as exports list it (``kinds`` of the JSON schema)."""
        out: dict[str, object] = {"name": self.name, "description": self.description,
                                  "key": self.key, "color": self.color,
                                  "builtin": self.builtin}
        if not self.builtin:
            out["shape"] = self.shape
            out["retired"] = self.retired
        return out


#: Colours are the ones the window draws (Okabe-Ito, told apart under the common
#: colour-vision deficiencies), so a report or a QDA project looks like the screen.
BUILTIN_CODEBOOK: tuple[Kind, ...] = (
    Kind("opinion", "A view, judgement or feeling of the writer or of a source", "O",
         "#CC79A7", "circle", builtin=True, position=0),
    Kind("claim", "A statement of fact that can be checked", "C", "#0072B2", "square",
         builtin=True, position=1),
    Kind("quotation", "Words attributed to someone, quoted directly or reported", "Q",
         "#E69F00", "quote", builtin=True, position=2),
    Kind(NOTE_KIND, "A note on a passage that has no other tag", "N", "#57606A", "note",
         builtin=True, position=3),
)

#: The migration that makes the table (inserting the built-in rows) and lets tags have
#: any of its kinds: tags are rebuilt without the CHECK on kind, with a foreign key instead.
KINDS_DDL = """
CREATE TABLE kinds (
    name TEXT PRIMARY KEY COLLATE NOCASE,
    description TEXT NOT NULL DEFAULT '',
    key TEXT NOT NULL DEFAULT '',
    color TEXT NOT NULL DEFAULT '',
    shape TEXT NOT NULL DEFAULT 'diamond',
    retired INTEGER NOT NULL DEFAULT 0,
    builtin INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0
)
"""

_COLUMNS = "name, description, key, color, shape, retired, builtin, position"


def _row(kind: Kind) -> tuple:
    return (kind.name, kind.description, kind.key, kind.color, kind.shape, int(kind.retired),
            int(kind.builtin), kind.position)


_BUILTIN_COLORS = {k.name: k.color for k in BUILTIN_CODEBOOK}


def _from_row(row: tuple) -> Kind:
    kind = Kind(row[0], row[1], row[2], row[3], row[4], bool(row[5]), bool(row[6]), row[7])
    if kind.builtin and kind.name in _BUILTIN_COLORS:
        # built-in kinds are fixed: a library made before their colours matched the
        # window's still shows and exports the window's colours
        kind = replace(kind, color=_BUILTIN_COLORS[kind.name])
    return kind


def migrate_kinds(conn: sqlite3.Connection) -> None:
    """Create the codebook and rebuild ``tags`` so its kind may be any codebook name.

    Runs inside the migration's transaction. The new ``tags`` is the old one's own DDL
    with the CHECK on kind replaced by a foreign key, so columns, indexes and triggers other
    migrations added survive; every row is copied, then the old table is dropped (nothing
    refers to it).
    """
    conn.execute(KINDS_DDL)
    conn.executemany(f"INSERT INTO kinds ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                     [_row(k) for k in BUILTIN_CODEBOOK])
    # A tag of a kind the old CHECK let through cannot exist; a library edited by hand
    # might have one all the same: give it a codebook entry rather than lose the tag.
    conn.execute("INSERT OR IGNORE INTO kinds (name) SELECT DISTINCT kind FROM tags")
    ddl = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'tags'"
                       ).fetchone()[0]
    new_ddl, found = re.subn(r"CHECK\s*\(\s*kind\s+IN\s*\([^)]*\)\s*\)",
                             "REFERENCES kinds(name) ON UPDATE CASCADE", ddl, count=1)
    if not found:
        raise sqlite3.DatabaseError("tags table: the kind constraint was not found")
    new_ddl = re.sub(r"^CREATE TABLE\s+\"?tags\"?", "CREATE TABLE tags_rebuilt", new_ddl)
    # indexes and triggers go with the old table: made again on the new one
    dependents = [row[0] for row in conn.execute(
        "SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = 'tags' "
        "AND sql IS NOT NULL ORDER BY type = 'trigger'")]
    columns = ", ".join(f'"{row[1]}"' for row in conn.execute("PRAGMA table_info(tags)"))
    conn.execute(new_ddl)
    conn.execute(f"INSERT INTO tags_rebuilt ({columns}) SELECT {columns} FROM tags")
    conn.execute("DROP TABLE tags")
    conn.execute("ALTER TABLE tags_rebuilt RENAME TO tags")
    for sql in dependents:
        conn.execute(sql)


def check_name(name: str) -> str:
    """``name`` stripped, or KindError when it cannot name a kind."""
    if not isinstance(name, str):
        raise KindError("a kind's name must be text")
    clean = " ".join(name.split())
    if not clean:
        raise KindError("a kind needs a name")
    if len(clean) > MAX_NAME:
        raise KindError(f"a kind's name has at most {MAX_NAME} characters")
    if any(not ch.isprintable() for ch in clean):
        raise KindError("a kind's name cannot hold control characters")
    return clean


def check_color(color: str) -> str:
    """``color`` as ``#RRGGBB`` upper-case ("" stays ""), or KindError."""
    if not color:
        return ""
    if not _COLOR.match(color):
        raise KindError(f"colour {color!r}: expected #RRGGBB")
    return color.upper()


class KindTable:
    """The codebook of one store (``store.kinds``); each write is one transaction."""

    def __init__(self, store: "Store") -> None:
        self._store = store
        self._names: dict[str, str] | None = None  # lower-case name -> name

    # -- reading -------------------------------------------------------------------------

    def all(self, include_retired: bool = True) -> list[Kind]:
        """Every kind: built-in ones first, then the library's own in their order."""
        rows = self._store._read(f"SELECT {_COLUMNS} FROM kinds ORDER BY builtin DESC, "
                                 "position, name")
        kinds = [_from_row(row) for row in rows]
        return [k for k in kinds if include_retired or not k.retired]

    def get(self, name: str) -> Kind | None:
        """The kind called ``name`` (any case), or None."""
        rows = self._store._read(f"SELECT {_COLUMNS} FROM kinds WHERE name = ?", (name,))
        return _from_row(rows[0]) if rows else None

    def canonical(self, name: str) -> str | None:
        """The codebook's spelling of ``name`` (any case), or None when unknown."""
        if self._names is None or name.lower() not in self._names:
            self._names = {n.lower(): n for (n,) in self._store._read("SELECT name FROM kinds")}
        return self._names.get(name.lower())

    def check(self, name: str) -> None:
        """ValueError unless a tag may have kind ``name`` (exactly as spelled)."""
        if self.canonical(name) != name:
            known = ", ".join(k.name for k in self.all(include_retired=False))
            raise KindError(f"unknown tag kind {name!r}; expected one of {known}")

    def usage(self) -> dict[str, int]:
        """How many tags each kind has."""
        return dict(self._store._read("SELECT kind, COUNT(*) FROM tags GROUP BY kind"))

    # -- writing -------------------------------------------------------------------------

    def add(self, name: str, description: str = "", key: str = "", color: str = "",
            shape: str = "") -> Kind:
        """Add one of the library's own kinds; KindError if the name is taken or bad."""
        name = check_name(name)
        if self.canonical(name) is not None:
            raise KindError(f"there is already a kind called {self.canonical(name)!r}")
        own = [k for k in self.all() if not k.builtin]
        kind = Kind(name, description.strip(), key.strip(),
                    check_color(color) or NEW_KIND_COLORS[len(own) % len(NEW_KIND_COLORS)],
                    _check_shape(shape or SHAPES[len(own) % 6]),
                    position=max((k.position for k in own), default=-1) + 1)
        self._store._write(f"INSERT INTO kinds ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           _row(kind))
        self._names = None
        return kind

    def update(self, name: str, *, new_name: str | None = None,
               description: str | None = None, key: str | None = None,
               color: str | None = None, shape: str | None = None,
               retired: bool | None = None) -> Kind:
        """Change a kind of the library's own; a new name carries its tags along."""
        kind = self.get(name)
        if kind is None:
            raise KindError(f"no kind called {name!r}")
        if kind.builtin:
            raise KindError(f"{kind.name!r} is built in and cannot be changed")
        changed = replace(
            kind,
            name=check_name(new_name) if new_name is not None else kind.name,
            description=description.strip() if description is not None else kind.description,
            key=key.strip() if key is not None else kind.key,
            color=check_color(color) or kind.color if color is not None else kind.color,
            shape=_check_shape(shape) if shape else kind.shape,
            retired=kind.retired if retired is None else bool(retired))
        other = self.canonical(changed.name)
        if other is not None and other.lower() != kind.name.lower():
            raise KindError(f"there is already a kind called {other!r}")
        self._store._write(
            "UPDATE kinds SET name = ?, description = ?, key = ?, color = ?, shape = ?, "
            "retired = ? WHERE name = ?",
            (changed.name, changed.description, changed.key, changed.color, changed.shape,
             int(changed.retired), kind.name))
        self._names = None
        return changed

    def ensure(self, conn: sqlite3.Connection, kinds: Iterable[Kind]) -> list[Kind]:
        """Add the kinds the library lacks, inside the caller's transaction (an import);
        known names are left as they are. Returns the kinds added."""
        known = {row[0].lower() for row in conn.execute("SELECT name FROM kinds")}
        position = conn.execute("SELECT COALESCE(MAX(position), -1) FROM kinds "
                                "WHERE builtin = 0").fetchone()[0]
        added = []
        for kind in kinds:
            if kind.name.lower() in known:
                continue
            position += 1
            color = kind.color or NEW_KIND_COLORS[position % len(NEW_KIND_COLORS)]
            new = replace(kind, color=color, builtin=False, position=position,
                          shape=kind.shape if kind.shape in SHAPES else "diamond")
            conn.execute(f"INSERT INTO kinds ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         _row(new))
            known.add(kind.name.lower())
            added.append(new)
        self._names = None
        return added


def _check_shape(shape: str) -> str:
    if shape not in SHAPES:
        raise KindError(f"shape {shape!r}: expected one of {', '.join(SHAPES)}")
    return shape
