"""The SQLite library file: schema and migrations, records, tag and link queries, bulk writes."""

from __future__ import annotations

from reader.core.store._kinds import (
    BUILTIN_CODEBOOK, BUILTIN_KINDS, NEW_KIND_COLORS, NOTE_KIND, SHAPES, Kind, KindError,
    check_color, check_name)
from reader.core.store._records import (
    DocumentRecord, ManualLink, PassageLinkRecord, TAG_KINDS, Tag, now_iso)
from reader.core.store._schema import SCHEMA_VERSION
from reader.core.store._search import IndexedStatement, SearchTable, index_path
from reader.core.store._sessions import (
    NamedSession, SessionDocument, SessionNameError, SessionTable, clean_session_name)
from reader.core.store._store import Store, default_db_path, pack_text
from reader.core.store._codes import tag_codes
from reader.core.store._merge import MergeResult, is_library_file, merge_library

__all__ = [
    "BUILTIN_CODEBOOK", "BUILTIN_KINDS", "DocumentRecord", "IndexedStatement", "Kind", "KindError",
    "ManualLink", "MergeResult", "NEW_KIND_COLORS", "NOTE_KIND", "NamedSession",
    "PassageLinkRecord", "SCHEMA_VERSION", "SHAPES", "SearchTable", "SessionDocument",
    "SessionNameError", "SessionTable", "Store", "TAG_KINDS", "Tag", "check_color", "check_name",
    "clean_session_name", "default_db_path", "index_path", "is_library_file", "merge_library", "now_iso", "pack_text",
    "tag_codes",
]
