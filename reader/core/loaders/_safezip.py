"""Read zip containers (.docx, .odt, .epub) and their XML parts without trusting them.

A zip bomb is refused from its central directory, before anything is inflated: too many
entries, too many declared bytes in total, or a big member that compresses suspiciously well.
``zipfile`` never returns more than a member's declared size, so the declared sizes bound
memory. XML with a DOCTYPE is refused, which rules out entity expansion (billion laughs) and
external entities; the office and e-book formats never need one.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from typing import Callable, Iterator

from reader.core.errors import DocumentError


@dataclass(frozen=True)
class ZipLimits:
    """What a container may declare before we refuse to open it."""

    max_entries: int = 20_000
    max_total_bytes: int = 200 * 1024 * 1024
    #: Members above ``ratio_floor_bytes`` may inflate at most this many times their size.
    max_ratio: float = 200.0
    ratio_floor_bytes: int = 2 * 1024 * 1024


class SafeZip:
    """A zip archive whose declared sizes were checked against ``ZipLimits``."""

    def __init__(self, data: bytes, name: str, kind: str, limits: ZipLimits = ZipLimits()) -> None:
        self.name = name
        self.kind = kind
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            raise DocumentError(f"{name}: not a {kind} file (not a valid zip container)") from None
        _check_declared_sizes(infos, name, limits)
        self._infos = {info.filename: info for info in infos}
        self._lower = {info.filename.lower(): info.filename for info in infos}

    def names(self) -> list[str]:
        """Member names in archive order."""
        return list(self._infos)

    def has(self, member: str) -> bool:
        """True when the archive holds ``member`` (matched case-insensitively as a fallback)."""
        return self._resolve(member) is not None

    def read(self, member: str) -> bytes:
        """The bytes of ``member``; DocumentError when it is missing or damaged."""
        real = self._resolve(member)
        if real is None:
            raise DocumentError(f"{self.name}: not a {self.kind} file ({member} is missing)")
        try:
            return self._zip.read(real)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError,
                NotImplementedError, zipfile.LargeZipFile) as exc:
            reason = "encrypted" if "encrypt" in str(exc).lower() else "damaged"
            raise DocumentError(f"{self.name}: {member} is {reason} inside the {self.kind} file") \
                from None
        except Exception:  # zlib.error and friends: a corrupt stream
            raise DocumentError(f"{self.name}: {member} is damaged inside the {self.kind} file") \
                from None

    def read_optional(self, member: str) -> bytes | None:
        """The bytes of ``member``, or None when the archive has no such member."""
        return self.read(member) if self.has(member) else None

    def _resolve(self, member: str) -> str | None:
        if member in self._infos:
            return member
        return self._lower.get(member.lower())


def _check_declared_sizes(infos: list[zipfile.ZipInfo], name: str, limits: ZipLimits) -> None:
    if len(infos) > limits.max_entries:
        raise DocumentError(f"{name}: refused, the archive has {len(infos)} entries "
                            f"(limit {limits.max_entries}; a zip bomb?)")
    total = 0
    for info in infos:
        total += info.file_size
        if total > limits.max_total_bytes:
            raise DocumentError(f"{name}: refused, it would unpack to more than "
                                f"{limits.max_total_bytes // (1024 * 1024)} MB (a zip bomb?)")
        if info.file_size > limits.ratio_floor_bytes:
            ratio = info.file_size / max(1, info.compress_size)
            if ratio > limits.max_ratio:
                raise DocumentError(f"{name}: refused, {info.filename} inflates {ratio:.0f}x "
                                    f"(limit {limits.max_ratio:.0f}x; a zip bomb?)")


_DTD = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
#: A parsed element costs up to ~250 bytes: this keeps one XML part well under 1 GB.
MAX_XML_ELEMENTS = 3_000_000


def parse_xml(data: bytes, name: str, part: str) -> ET.Element:
    """Parse one XML part; DocumentError when it is malformed or declares a DOCTYPE."""
    probe = data
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        probe = data.decode("utf-16", errors="replace").encode("utf-8", errors="replace")
    if _DTD.search(probe):
        raise DocumentError(f"{name}: refused, {part} declares a DOCTYPE (entity expansion risk)")
    if data.count(b"<") - data.count(b"</") > MAX_XML_ELEMENTS:
        raise DocumentError(f"{name}: refused, {part} has more than "
                            f"{MAX_XML_ELEMENTS:,} XML elements")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise DocumentError(f"{name}: {part} is not well-formed XML ({exc})") from None


#: Called for each element on the way down; True means "do not descend into it".
SkipTest = Callable[[ET.Element], bool]


def walk(root: ET.Element, skip: SkipTest | None = None) -> Iterator[tuple[str, ET.Element]]:
    """Depth-first ("start", e) / ("end", e) events without recursion (nesting is untrusted).

    A skipped element yields only ("skip", e), so callers can still use its ``tail``.
    """
    yield "start", root
    stack = [(root, iter(root))]
    while stack:
        element, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            yield "end", element
        elif skip is not None and skip(child):
            yield "skip", child
        else:
            yield "start", child
            stack.append((child, iter(child)))


def local_name(tag: object) -> str:
    """``{namespace}name`` -> ``name``; comments and processing instructions -> ''."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]
