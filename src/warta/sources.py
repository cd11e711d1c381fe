"""Reading inputs: paths, folders and globs to :class:`Document` records (the I/O edge).

Every problem with one input becomes an :class:`InputError` with a one-line reason; the caller reports
it and goes on with the rest of the batch.
"""

from __future__ import annotations

import errno
import glob
import hashlib
import io
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

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
    """Expand files, folders (recursively) and glob patterns to input files, sorted and unique.

    Symbolic links are followed, to files and to folders; a link back into a folder being read (a loop)
    and a folder that cannot be listed are reported once each, and a file or folder reached twice is read
    once. Paths are yielded as they are found, and what is kept to tell a file reached twice does not
    grow with the number of files (see :class:`_Seen`): a folder of a million files is walked in flat
    memory."""
    seen = _Seen()
    for raw in paths:
        candidates: Iterable[Path]
        if any(ch in raw for ch in "*?[") and not os.path.lexists(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield InputError(raw, "no file matches this pattern")
                continue
            candidates = map(Path, matches)
        else:
            candidates = [Path(raw)]
        for cand in candidates:
            if cand.is_dir():
                yield from _walk(cand, seen)
            elif os.path.lexists(cand):  # a file, or a link that read() will say is broken or a loop
                if seen.first_reached(cand):
                    yield cand
            else:
                yield InputError(display(cand), "no such file or folder")


def _walked_name(name: str) -> bool:
    """Whether a walk yields a file of this name (not hidden, a suffix warta reads)."""
    return not name.startswith(".") and os.path.splitext(name)[1].lower() in SUFFIXES


class _Seen:
    """Which files discovery has already yielded, without keeping every one of them.

    A plain file met in a folder's listing is new unless it was reached before as a named argument or
    through a link, since every folder is listed once (by device and inode). So only those few files, by
    their resolved path, are kept, and the folders listed. A file reached through a link or named as an
    argument has been yielded before if it is among those files, or if it sits, under a name a walk
    yields, in a folder listed already (for the folder being listed: under a name sorted before the
    entry being read)."""

    def __init__(self) -> None:
        self.walked: set[tuple[int, int]] = set()  # (device, inode) of every folder reached
        self.listed: set[tuple[int, int]] = set()  # ... and of every folder whose listing was read
        self.singles: set[str] = set()  # resolved paths of files yielded as arguments or through links
        self.listing: tuple[tuple[int, int], str] | None = None  # (folder, entry name) being read

    def first_plain(self, real_folder: str, name: str) -> bool:
        """A plain file (not a link) of the folder being listed, whose resolved path is ``real_folder``."""
        return not self.singles or os.path.join(real_folder, name) not in self.singles

    def first_reached(self, path: Path) -> bool:
        """A file named as an argument or reached through a link: yield it (and remember it) if new."""
        try:
            real = os.path.realpath(path, strict=True)
        except (OSError, RuntimeError):  # broken link, loop: read() says which
            real = os.fspath(path)
        else:
            folder, name = os.path.split(real)
            try:
                st = os.stat(folder)
            except OSError:
                pass
            else:
                key = (st.st_dev, st.st_ino)
                if key in self.listed and _walked_name(name):
                    if self.listing is None or self.listing[0] != key or name < self.listing[1]:
                        return False
        if real in self.singles:
            return False
        self.singles.add(real)
        return True


def _walk(folder: Path, seen: _Seen) -> Iterator[Path | InputError]:
    """The input files under ``folder``: each folder's files in name order, then its subfolders, depth
    first; links to folders are followed. Iterative, so a tree thousands of folders deep is no problem."""
    try:
        st = folder.stat()
    except OSError as exc:
        yield InputError(display(folder), _os_reason(folder, exc, "folder"))
        return
    # (folder, its (device, inode), the chain of (device, inode)s from the top down to it)
    stack: list[tuple[Path, tuple[int, int], _Chain]] = [(folder, (st.st_dev, st.st_ino), None)]
    try:
        while stack:
            here, key, chain = stack.pop()
            if key in seen.walked:  # reached again through a link: its files are read once
                continue
            seen.walked.add(key)
            try:
                with os.scandir(here) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                yield InputError(display(here), _os_reason(here, exc, "folder"))
                continue
            seen.listed.add(key)
            real_here: str | None = None
            inside = (key, chain)
            subdirs: list[tuple[Path, tuple[int, int], _Chain]] = []
            for e in entries:
                name = e.name
                if name.startswith("."):
                    continue
                try:
                    is_dir = e.is_dir()  # follows links
                except OSError:
                    is_dir = False
                if not is_dir:
                    if not _walked_name(name):
                        continue
                    seen.listing = (key, name)
                    path = Path(e.path)
                    if e.is_symlink():
                        if seen.first_reached(path):
                            yield path
                        continue
                    if seen.singles and real_here is None:
                        real_here = os.path.realpath(here)
                    if seen.first_plain(real_here or "", name):
                        yield path
                    continue
                path = Path(e.path)
                try:
                    sub_st = e.stat()
                except OSError as exc:
                    yield InputError(display(path), _os_reason(path, exc, "folder"))
                    continue
                sub = (sub_st.st_dev, sub_st.st_ino)
                if _in_chain(sub, inside):
                    yield InputError(display(path), "symbolic link loop (a link to a folder it is in)")
                    continue
                subdirs.append((path, sub, inside))
            stack.extend(reversed(subdirs))
    finally:  # a file named after the walk is not in a listing being read
        seen.listing = None


_Chain = tuple[tuple[int, int], "_Chain"] | None


def _in_chain(key: tuple[int, int], chain: _Chain) -> bool:
    while chain is not None:
        if chain[0] == key:
            return True
        chain = chain[1]
    return False


def display(path: Path | str) -> str:
    """A path as text that can be printed and stored: bytes that are not UTF-8 as \\xNN escapes."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "backslashreplace")


def _os_reason(path: Path, exc: OSError, what: str = "file") -> str:
    """The one-line reason for an OSError on ``path``, naming the usual suspects."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop (the link leads back to itself)"
    if exc.errno == errno.ENOENT and path.is_symlink():
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        return f"broken symbolic link (points to {display(target)}, which does not exist)"
    return f"cannot read {what} ({exc.strerror or exc})"


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text: BOM-marked UTF-8/16/32, UTF-16 without a BOM, UTF-8 (a few invalid bytes in
    otherwise UTF-8 text are replaced with U+FFFD), else cp1252 / latin-1. Raises ValueError (with the
    one-line reason) for an empty or binary file."""
    if not data.strip():
        raise ValueError("empty file")
    text, enc = _decode(data)
    if not _INVISIBLE.sub("", text).strip():
        raise ValueError("empty file (only white space)")
    return text, enc


_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")


def _decode(data: bytes) -> tuple[str, str]:
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
                raise ValueError(f"invalid {enc.replace('-sig', '')} text ({exc.reason})") from None
    utf16 = _sniff_utf16(data)
    if utf16:
        try:
            text = data.decode(utf16)
            if _plausible(text):
                return text, utf16
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:  # anywhere: text padded with NULs after a crash is not text either
        raise ValueError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise ValueError("binary file (control characters), not text")
    mostly_utf8 = _mostly_utf8(data)
    if mostly_utf8:
        return mostly_utf8
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 text with a few broken bytes (a truncated or spliced file) is read as UTF-8, the broken bytes
    replaced, rather than as cp1252 (which would garble every accented letter and curly quote in it)."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")  # real non-ASCII
    if good and bad <= good:
        return text, f"utf-8 ({bad} invalid byte sequence{'s' if bad > 1 else ''} replaced)"
    return None


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
    origin = display(path)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # a FIFO or a device would block or never end
            yield InputError(origin, "not a regular file")
            return
        suffix = path.suffix.lower()
        limit = MAX_JSONL_BYTES if suffix in JSONL_SUFFIXES else MAX_BYTES
        if st.st_size > limit:
            yield InputError(origin, f"file too large ({_mb(st.st_size)} > {_mb(limit)}); split it")
            return
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, origin, st.st_mtime)
            return
        with path.open("rb") as fh:
            data = fh.read(limit + 1)  # never more than the limit, even if the file grew since stat()
        if len(data) > limit:
            yield InputError(origin, f"file too large (more than {_mb(limit)}); split it")
            return
    except OSError as exc:
        yield InputError(origin, _os_reason(path, exc))
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


def _mb(n: int) -> str:
    return f"{n / 1e6:.0f} MB"


def _sniff_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


NOT_JSON_LINES = 20  # this many lines in a row that are not JSON at all, from the start: not a JSONL file


def _read_jsonl(path: Path, origin: str, mtime: float) -> Iterator[Document | InputError]:
    """One Document or InputError per non-blank line. UTF-8 (with or without a BOM) or UTF-16/32 (as
    PowerShell writes it). A file that is not JSON lines at all (compressed, binary, a CSV under the wrong
    name) gives one error for the file, not one per line."""
    with path.open("rb") as fh:
        head = fh.read(8192)
        if head.startswith(b"\x1f\x8b"):
            yield InputError(origin, "gzip-compressed file, not JSON lines (decompress it first)")
            return
        enc = _wide_encoding(head)
        if enc is None and b"\x00" in head:
            yield InputError(origin, "binary file (NUL bytes), not JSON lines")
            return
        fh.seek(0)
        pending: list[InputError] = []  # errors held back until a line shows that this is JSON lines
        is_jsonl = False
        any_line = False
        for lineno, raw in enumerate(_lines(fh) if enc is None else _decoded_lines(fh, enc), start=1):
            line_origin = f"{origin}#{lineno}"
            item: Document | InputError
            if raw is None:
                item = InputError(line_origin, f"JSON line too large (more than {_mb(MAX_BYTES)})")
            elif not raw.strip():
                continue
            else:
                if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):  # a BOM, as some Windows tools write
                    raw = raw[3:]
                item, parsed = _parse_line(raw, line_origin, mtime)
                is_jsonl = is_jsonl or parsed
                if enc and isinstance(item, Document):
                    item = replace(item, encoding=enc)
            any_line = True
            if is_jsonl:
                yield from pending
                pending.clear()
                yield item
                continue
            if isinstance(item, InputError):
                pending.append(item)
            if len(pending) >= NOT_JSON_LINES:
                yield InputError(
                    origin, f"not a JSON-lines file (the first {NOT_JSON_LINES} lines are not JSON)"
                )
                return
        yield from pending
        if not any_line:
            yield InputError(origin, "empty file")


def _wide_encoding(head: bytes) -> str | None:
    """UTF-32 or UTF-16, by BOM or (UTF-16 only) by the NUL in every other byte; None for anything else."""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return _sniff_utf16(head)


def _lines(fh: BinaryIO) -> Iterator[bytes | None]:
    """The lines of a binary file, without their line ends; a line longer than MAX_BYTES is read past in
    pieces (memory stays bounded) and given as None."""
    while True:
        raw = fh.readline(MAX_BYTES + 1)
        if not raw:
            return
        if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
            while True:
                rest = fh.readline(1024 * 1024)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield raw.rstrip(b"\r\n")


def _decoded_lines(fh: BinaryIO, encoding: str) -> Iterator[bytes | None]:
    """The lines of a UTF-16/32 file as UTF-8, like :func:`_lines` (the BOM is dropped by the codec)."""
    text = io.TextIOWrapper(fh, encoding=encoding, errors="replace", newline="")
    while True:
        line = text.readline(MAX_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_BYTES and not line.endswith("\n"):
            while True:
                rest = text.readline(1024 * 1024)
                if not rest or rest.endswith("\n"):
                    break
            yield None
            continue
        yield line.rstrip("\r\n").encode("utf-8", "replace")


_JSON_TYPE = {
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "true or false",
    type(None): "null",
}


def _parse_line(raw: bytes, origin: str, mtime: float) -> tuple[Document | InputError, bool]:
    """A line to its Document (or why not), and whether the line was JSON at all."""
    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return InputError(origin, "JSON line is not UTF-8"), False
    except json.JSONDecodeError as exc:
        msg = exc.msg.removesuffix(" at")
        return InputError(origin, f"malformed JSON line ({msg} at column {exc.colno})"), False
    except ValueError:  # an integer of more than 4300 digits
        return InputError(origin, "malformed JSON line (a number too long to read)"), False
    except RecursionError:
        return InputError(origin, "malformed JSON line (nested too deeply)"), False
    return record_to_document(obj, origin, mtime), True


_SURROGATE = re.compile("[\ud800-\udfff]")


def no_surrogates(text: str) -> str:
    """A lone surrogate (JSON allows "\\udc80") is not a character: it cannot be stored as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


def _published(val: object) -> str | None:
    """A crawl's publication date as text; a number is a Unix time (seconds, or milliseconds when it is too
    large to be seconds), and one that is not finite or out of range is no date at all."""
    if isinstance(val, bool) or val is None:
        return None
    if isinstance(val, int | float):
        secs = float(val) / (1000.0 if abs(float(val)) > 1e11 else 1.0)
        try:
            return datetime.fromtimestamp(secs, tz=UTC).isoformat()
        except (OverflowError, ValueError, OSError):
            return None
    if isinstance(val, str):
        return no_surrogates(val).strip() or None
    return None


def record_to_document(obj: object, origin: str, mtime: float | None = None) -> Document | InputError:
    """A crawl record (``text`` or ``html``; optional url, title, published, outlet) to a Document."""
    if not isinstance(obj, dict):
        what = _JSON_TYPE.get(type(obj), "another value")
        return InputError(origin, f"JSON line is not an object ({what})")
    html, text = obj.get("html"), obj.get("text")
    body = text if isinstance(text, str) and text.strip() else html
    if not isinstance(body, str) or not body.strip():
        return InputError(origin, "JSON record has no 'text' or 'html' string")
    is_html = body is html
    body = no_surrogates(body)

    def opt(key: str) -> str | None:
        val = obj.get(key)
        return no_surrogates(str(val)).strip() or None if isinstance(val, str | int | float) else None

    canonical = json.dumps({k: obj.get(k) for k in ("url", "title", "published", "outlet")}, sort_keys=True)
    return Document(
        id=content_id(canonical + "\n" + body),
        origin=origin,
        text=body,
        is_html=is_html,
        url=opt("url"),
        title=opt("title"),
        published=_published(obj.get("published")) or _published(obj.get("date")),
        outlet=opt("outlet") or opt("source"),
        mtime=mtime,
    )
