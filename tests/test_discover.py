"""Discovery of input files in flat memory: the same files, in the same order, as resolving every file.

The reference below is what discovery did before it stopped keeping every file it yielded: resolve each
file and keep the resolved paths in a set. On random trees of folders, files, hidden files, links to
files and to folders, broken links, link loops and overlapping arguments and globs, both must yield the
same paths and the same errors, in the same order.
"""

from __future__ import annotations

import glob
import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from warta.sources import SUFFIXES, InputError, _in_chain, _os_reason, _Seen, _walk, discover, display


def _reference(paths: list[str]) -> Iterator[Path | InputError]:
    seen: set[Path] = set()
    folders: set[tuple[int, int]] = set()
    for raw in paths:
        if any(ch in raw for ch in "*?[") and not os.path.lexists(raw):
            candidates = [Path(p) for p in sorted(glob.glob(raw, recursive=True))]
            if not candidates:
                yield InputError(raw, "no file matches this pattern")
                continue
        else:
            candidates = [Path(raw)]
        for cand in candidates:
            if cand.is_dir():
                files: Iterator[Path | InputError] | list[Path] = _reference_walk(cand, folders)
            elif os.path.lexists(cand):
                files = [cand]
            else:
                yield InputError(display(cand), "no such file or folder")
                continue
            for f in files:
                if isinstance(f, InputError):
                    yield f
                    continue
                try:
                    key = f.resolve(strict=True)
                except (OSError, RuntimeError):
                    key = f
                if key not in seen:
                    seen.add(key)
                    yield f


def _reference_walk(folder: Path, walked: set[tuple[int, int]]) -> Iterator[Path | InputError]:
    st = folder.stat()
    stack: list[tuple[Path, tuple[int, int], object]] = [(folder, (st.st_dev, st.st_ino), None)]
    while stack:
        here, key, chain = stack.pop()
        if key in walked:
            continue
        walked.add(key)
        try:
            with os.scandir(here) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield InputError(display(here), _os_reason(here, exc, "folder"))
            continue
        inside = (key, chain)
        subdirs = []
        for e in entries:
            if e.name.startswith("."):
                continue
            path = Path(e.path)
            try:
                is_dir = e.is_dir()
            except OSError:
                is_dir = False
            if not is_dir:
                if path.suffix.lower() in SUFFIXES:
                    yield path
                continue
            sub_st = e.stat()
            sub = (sub_st.st_dev, sub_st.st_ino)
            if _in_chain(sub, inside):  # type: ignore[arg-type]
                yield InputError(display(path), "symbolic link loop (a link to a folder it is in)")
                continue
            subdirs.append((path, sub, inside))
        stack.extend(reversed(subdirs))


_NAMES = [
    "a.txt",
    "b.TXT",
    "c.html",
    "d.jsonl",
    "e.pdf",
    ".f.txt",
    "g.htm",
    "h.",
    "i..txt",
    "j.text",
    "z.txt",
]
_LINKS = ["0.txt", "aa.txt", "m.txt", "zz.txt", "ln", ".ln.txt", "ln.html"]


def _tree(root: Path, rng: random.Random) -> tuple[list[Path], list[Path]]:
    dirs = [root]
    for i in range(rng.randint(1, 6)):
        d = rng.choice(dirs) / f"{rng.choice(['s', 't', '.h', 'v.txt'])}{i}"
        d.mkdir()
        dirs.append(d)
    files = []
    for d in dirs:
        for name in rng.sample(_NAMES, rng.randint(0, 6)):
            (d / name).write_text("x")
            files.append(d / name)
    for _ in range(rng.randint(0, 6)):
        d, name, kind = rng.choice(dirs), rng.choice(_LINKS), rng.random()
        link = d / name
        if os.path.lexists(link):
            continue
        if kind < 0.45 and files:
            target = rng.choice(files)  # a file, maybe in a folder listed before or after
        elif kind < 0.75:
            target = rng.choice(dirs)  # a folder, maybe one it is in (a loop)
        elif kind < 0.85:
            target = d / "tidak-ada.txt"  # broken
        elif kind < 0.92:
            target = link  # itself
        else:
            (d / (name + "x")).symlink_to(link)  # two links to each other
            target = d / (name + "x")
        link.symlink_to(target if rng.random() < 0.5 else os.path.relpath(target, d))
    return dirs, files


def _arguments(root: Path, dirs: list[Path], files: list[Path], rng: random.Random) -> list[str]:
    out = []
    for _ in range(rng.randint(1, 4)):
        r = rng.random()
        if r < 0.4:
            out.append(str(rng.choice(dirs)))
        elif r < 0.7 and files:
            out.append(str(rng.choice(files)))
        elif r < 0.85:
            out.append(f"{rng.choice(dirs)}/*.txt")
        elif r < 0.93:
            out.append(f"{root}/*/*")
        else:
            out.append(str(root / "tidak-ada"))
    return out


@pytest.mark.parametrize("seed", range(40))
def test_discover_yields_what_resolving_every_file_yields(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    root = tmp_path / "r"
    root.mkdir()
    dirs, files = _tree(root, rng)
    for _ in range(3):
        args = _arguments(root, dirs, files, rng)
        assert [str(x) for x in discover(args)] == [str(x) for x in _reference(args)], args


def test_a_link_to_a_file_listed_before_or_after_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "a.txt").symlink_to("b.txt")  # sorted before its target: the link is read
    (tmp_path / "c.txt").symlink_to("b.txt")  # after it: nothing new
    assert [p.name for p in discover([str(tmp_path)])] == ["a.txt"]
    assert [p.name for p in discover([str(tmp_path / "b.txt"), str(tmp_path)])] == ["b.txt"]


def test_walking_plain_files_keeps_nothing_per_file(tmp_path: Path) -> None:
    for i in range(300):
        (tmp_path / f"berita-{i:03d}.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "lain.html").write_text("x")
    seen = _Seen()
    found = list(_walk(tmp_path, seen))
    assert len(found) == 301
    assert not seen.singles  # memory does not grow with the number of files
    assert len(seen.walked) == len(seen.listed) == 2
