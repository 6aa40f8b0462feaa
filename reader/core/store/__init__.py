"""The SQLite library file: schema and migrations, records, tag and link queries, bulk writes."""

from __future__ import annotations

from reader.core.store._records import (
    DocumentRecord, ManualLink, PassageLinkRecord, TAG_KINDS, Tag, now_iso)
from reader.core.store._schema import SCHEMA_VERSION
from reader.core.store._store import Store, default_db_path
from reader.core.store._codes import tag_codes
from reader.core.store._merge import MergeResult, is_library_file, merge_library

__all__ = [
    "DocumentRecord", "ManualLink", "MergeResult", "PassageLinkRecord", "SCHEMA_VERSION", "Store",
    "TAG_KINDS", "Tag", "default_db_path", "is_library_file", "merge_library", "now_iso",
    "tag_codes",
]
