"""EPUB 2 and 3: chapters in spine order (container.xml -> OPF -> spine), each chapter's
title as a heading (from the chapter itself, else from the table of contents)."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

from reader.core.text import Document, decode_bytes
from reader.core.errors import DocumentError
from reader.core.loaders._html import SKIP_ALWAYS, html_blocks, parse_html
from reader.core.loaders._blocks import Cancel, Progress, assemble, check_cancel, guarded
from reader.core.loaders._safezip import SafeZip, local_name, parse_xml

_CONTAINER_NS = "{urn:oasis:names:tc:opendocument:xmlns:container}"
_HTML_TYPES = ("application/xhtml+xml", "text/html", "application/xml")


@guarded("EPUB")
def load_epub(path: Path, data: bytes, *, progress: Progress | None = None,
              cancel: Cancel | None = None) -> Document:
    """Read an .epub into a Document: title from the OPF metadata."""
    book = SafeZip(data, path.name, "EPUB")
    opf_path = _rootfile(book)
    opf = parse_xml(book.read(opf_path), path.name, opf_path)
    base = posixpath.dirname(opf_path)
    manifest = _manifest(opf, base)
    chapters = _spine(opf, manifest)
    if not chapters:
        raise DocumentError(f"{path.name}: the EPUB spine lists no chapters")
    toc = _toc_titles(book, opf, manifest, base)
    paragraphs: list[str] = []
    escaping = missing = 0
    for done, href in enumerate(chapters, start=1):
        check_cancel(cancel)
        # A chapter outside the archive ("../../etc/passwd") is never looked up.
        raw = None if _escapes(href) else book.read_optional(href)
        escaping += _escapes(href)
        missing += raw is None and not _escapes(href)
        if raw is not None:
            paragraphs.extend(_chapter(raw, href, toc.get(href), path.name))
        if progress is not None:
            progress(done, len(chapters))
    if not any(p.strip() for p in paragraphs):
        why = ", ".join(part for part in (f"{escaping} point outside the archive" if escaping
                                          else "", f"{missing} missing" if missing else "")
                        if part) or "all empty"
        raise DocumentError(f"{path.name}: no chapter of this EPUB could be read ({why})")
    title = _metadata_title(opf)
    return assemble(paragraphs, title, path, "epub")


def _rootfile(book: SafeZip) -> str:
    raw = book.read_optional("META-INF/container.xml")
    if raw is not None:
        root = parse_xml(raw, book.name, "META-INF/container.xml")
        for element in root.iter(f"{_CONTAINER_NS}rootfile"):
            full = element.get("full-path", "")
            if full and book.has(unquote(full)):
                return unquote(full)
    fallback = next((name for name in book.names() if name.lower().endswith(".opf")), None)
    if fallback is None:
        raise DocumentError(f"{book.name}: not an EPUB file (no package document)")
    return fallback


def _manifest(opf: ET.Element, base: str) -> dict[str, tuple[str, str, str]]:
    """id -> (path inside the zip, media type, properties)."""
    items: dict[str, tuple[str, str, str]] = {}
    for element in opf.iter():
        if local_name(element.tag) == "item" and element.get("id") and element.get("href"):
            href = _join(base, element.get("href", ""))
            items[element.get("id", "")] = (href, element.get("media-type", ""),
                                            element.get("properties", ""))
    return items


def _spine(opf: ET.Element, manifest: dict[str, tuple[str, str, str]]) -> list[str]:
    hrefs: list[str] = []
    for element in opf.iter():
        if local_name(element.tag) != "itemref":
            continue
        item = manifest.get(element.get("idref", ""))
        if item is None or "nav" in item[2].split():
            continue  # the EPUB 3 navigation document repeats the table of contents
        if item[1] in _HTML_TYPES or item[0].lower().endswith((".xhtml", ".html", ".htm")):
            if item[0] not in hrefs:
                hrefs.append(item[0])
    return hrefs


def _toc_titles(book: SafeZip, opf: ET.Element, manifest: dict[str, tuple[str, str, str]],
                base: str) -> dict[str, str]:
    """Chapter path -> its first title in the table of contents (EPUB 3 nav or NCX)."""
    titles: dict[str, str] = {}
    for href, media, properties in manifest.values():
        if "nav" in properties.split():
            raw = book.read_optional(href)
            if raw is not None:
                _nav_titles(decode_bytes(raw, href), posixpath.dirname(href), titles)
        elif media == "application/x-dtbncx+xml":
            raw = book.read_optional(href)
            if raw is not None:
                _ncx_titles(parse_xml(raw, book.name, href), posixpath.dirname(href), titles)
    return titles


def _nav_titles(html: str, folder: str, titles: dict[str, str]) -> None:
    for node in parse_html(html).iter():
        if node.tag == "a" and node.attrs.get("href"):
            target = _join(folder, node.attrs["href"].partition("#")[0])
            text = node.text()
            if text:
                titles.setdefault(target, text)


def _ncx_titles(ncx: ET.Element, folder: str, titles: dict[str, str]) -> None:
    for point in ncx.iter():
        if local_name(point.tag) != "navPoint":
            continue
        label = next((" ".join("".join(e.itertext()).split()) for e in point
                      if local_name(e.tag) == "navLabel"), "")
        content = next((e.get("src", "") for e in point if local_name(e.tag) == "content"), "")
        if label and content:
            titles.setdefault(_join(folder, content.partition("#")[0]), label)


def _chapter(raw: bytes, href: str, toc_title: str | None, name: str) -> list[str]:
    """A chapter's paragraphs, starting with its title as a heading."""
    blocks = html_blocks(parse_html(decode_bytes(raw, f"{name}:{href}")), skip_tags=SKIP_ALWAYS)
    paragraphs = [block.text for block in blocks]
    if toc_title and not any(block.level and block.text == toc_title for block in blocks[:3]):
        has_heading = bool(blocks) and blocks[0].level > 0
        if not has_heading:
            paragraphs.insert(0, toc_title)
    return paragraphs


def _metadata_title(opf: ET.Element) -> str | None:
    for element in opf.iter():
        if local_name(element.tag) == "title" and (element.text or "").strip():
            return element.text.strip()
    return None


def _join(folder: str, href: str) -> str:
    # An absolute href counts from the archive's root; ".." past the root stays in the
    # result, so _escapes sees it.
    return posixpath.normpath(posixpath.join(folder, unquote(href))).lstrip("/")


def _escapes(member: str) -> bool:
    return member == ".." or member.startswith("../")
