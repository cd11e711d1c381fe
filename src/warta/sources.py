"""Reading inputs: paths, folders and globs to :class:`Document` records (the I/O edge).

Every problem with one input becomes an :class:`InputError` with a one-line reason; the caller reports
it and goes on with the rest of the batch.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from warta.records import Document

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

MAX_BYTES = 20 * 1024 * 1024  # larger than any news article by two orders of magnitude
MAX_JSONL_BYTES = 4 * 1024 * 1024 * 1024


@dataclass(frozen=True)
class InputError:
    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def content_id(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:16]


def discover(paths: Iterable[str]) -> Iterator[Path | InputError]:
    """Expand files, folders (recursively) and glob patterns to input files, sorted and unique."""
    seen: set[Path] = set()
    for raw in paths:
        candidates: list[Path]
        if any(ch in raw for ch in "*?[") and not Path(raw).exists():
            candidates = [Path(p) for p in sorted(glob.glob(raw, recursive=True))]
            if not candidates:
                yield InputError(raw, "no file matches this pattern")
                continue
        else:
            candidates = [Path(raw)]
        for cand in candidates:
            if cand.is_dir():
                files = _walk(cand)
            elif cand.exists():
                files = [cand]
            else:
                yield InputError(str(cand), "no such file or folder")
                continue
            for f in files:
                key = f.resolve() if f.exists() else f
                if key in seen:
                    continue
                seen.add(key)
                yield f


def _walk(folder: Path) -> list[Path]:
    out: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            p = Path(root) / name
            if p.suffix.lower() in SUFFIXES and not name.startswith("."):
                out.append(p)
    return out


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text: BOM-marked UTF-8/16/32, UTF-8, else cp1252 / latin-1. Raises ValueError if binary."""
    if not data.strip():
        raise ValueError("empty file")
    for bom, enc in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise ValueError(f"invalid {enc} text ({exc.reason})") from None
    utf16 = _sniff_utf16(data)
    if utf16:
        try:
            text = data.decode(utf16)
            if _plausible(text):
                return text, utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise ValueError("binary file, not text")
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII-range text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / len(sample[1::2])
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _plausible(text: str) -> bool:
    """Decoded text that reads as text: letters, digits, spaces and punctuation, few control codes."""
    sample = text[:4000]
    good = sum(1 for c in sample if c.isalnum() or c.isspace() or c in ".,;:!?'\"()-–—“”‘’/%")
    return good / max(1, len(sample)) > 0.9 and sum(c.isalpha() for c in sample) > len(sample) * 0.4


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control / max(1, len(sample)) > 0.05


def read(path: Path) -> Iterator[Document | InputError]:
    """One file to its Document(s); JSON-lines files give one per line."""
    origin = str(path)
    try:
        st = path.stat()
        if not path.is_file():
            yield InputError(origin, "not a regular file")
            return
        suffix = path.suffix.lower()
        limit = MAX_JSONL_BYTES if suffix in JSONL_SUFFIXES else MAX_BYTES
        if st.st_size > limit:
            yield InputError(
                origin, f"file too large ({st.st_size / 1e6:.0f} MB > {limit / 1e6:.0f} MB); split it"
            )
            return
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, st.st_mtime)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(origin, f"cannot read file ({exc.strerror or exc})")
        return
    try:
        text, enc = decode(data)
    except ValueError as exc:
        yield InputError(origin, str(exc))
        return
    yield Document(
        id=content_id(data),
        origin=origin,
        text=text,
        is_html=suffix in HTML_SUFFIXES or _sniff_html(text),
        encoding=enc,
        mtime=st.st_mtime,
    )


def _sniff_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def _read_jsonl(path: Path, mtime: float) -> Iterator[Document | InputError]:
    with path.open("rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            origin = f"{path}#{lineno}"
            if not raw.strip():
                continue
            if len(raw) > MAX_BYTES:
                yield InputError(origin, "JSON line too large")
                continue
            try:
                obj = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield InputError(origin, "JSON line is not UTF-8")
                continue
            except json.JSONDecodeError as exc:
                yield InputError(origin, f"malformed JSON line ({exc.msg} at column {exc.colno})")
                continue
            yield record_to_document(obj, origin, mtime)


def record_to_document(obj: object, origin: str, mtime: float | None = None) -> Document | InputError:
    """A crawl record (``text`` or ``html``; optional url, title, published, outlet) to a Document."""
    if not isinstance(obj, dict):
        return InputError(origin, f"JSON line is a {type(obj).__name__}, not an object")
    html, text = obj.get("html"), obj.get("text")
    body = text if isinstance(text, str) and text.strip() else html
    if not isinstance(body, str) or not body.strip():
        return InputError(origin, "JSON record has no 'text' or 'html' string")
    is_html = body is html

    def opt(key: str) -> str | None:
        val = obj.get(key)
        return str(val).strip() or None if isinstance(val, str | int | float) else None

    canonical = json.dumps({k: obj.get(k) for k in ("url", "title", "published", "outlet")}, sort_keys=True)
    return Document(
        id=content_id(canonical + "\n" + body),
        origin=origin,
        text=body,
        is_html=is_html,
        url=opt("url"),
        title=opt("title"),
        published=opt("published") or opt("date"),
        outlet=opt("outlet") or opt("source"),
        mtime=mtime,
    )
