"""Lay out the work tree of fetched snapshots, for the real-world benchmark.

    python bench/realworld/extract.py MIRROR_DIR SNAPSHOTS_DIR [LABELS_DIR]

MIRROR_DIR holds `owner+name/repo` git directories (what the `fetch` tool brings). Each is written to
SNAPSHOTS_DIR/owner__name at the commit its labels file in LABELS_DIR names (`labels/` unless given; `heldout/` for
the held-out set); a repository without a labels file there is left out. Blobs the snapshot lacks (files of
4 MiB and more, LFS content) are left out and counted: the labels cover code and config, never those.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

LABELS = Path(__file__).parent / "labels"


def labelled_sha(name: str, folder: Path = LABELS) -> str:
    for line in (folder / f"{name}.tsv").read_text().splitlines():
        if line.startswith("# sha:"):
            return line.split(":", 1)[1].strip()
    return "HEAD"


def extract(git_dir: Path, into: Path, commit: str) -> tuple[int, int]:
    listing = subprocess.run(
        ["git", f"--git-dir={git_dir}", "ls-tree", "-r", "-z", commit], check=True, capture_output=True
    ).stdout
    entries = []
    for item in listing.split(b"\0"):
        if not item:
            continue
        meta, path = item.split(b"\t", 1)
        mode, kind, sha = meta.split()
        if kind == b"blob" and mode != b"120000":
            entries.append((sha.decode(), path.decode("utf-8", "surrogateescape")))
    batch = subprocess.Popen(
        ["git", f"--git-dir={git_dir}", "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert batch.stdin and batch.stdout
    written = missing = 0
    for sha, path in entries:
        batch.stdin.write(sha.encode() + b"\n")
        batch.stdin.flush()
        header = batch.stdout.readline().split()
        if header[1:2] == [b"missing"]:
            missing += 1
            continue
        data = batch.stdout.read(int(header[2]))
        batch.stdout.read(1)
        target = into / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += 1
    batch.stdin.close()
    batch.wait()
    return written, missing


def main(argv: list[str]) -> int:
    mirror, snapshots = Path(argv[0]), Path(argv[1])
    folder = Path(argv[2]) if len(argv) > 2 else LABELS
    for git_dir in sorted(mirror.glob("*+*/repo")):
        name = git_dir.parent.name.replace("+", "__", 1)
        into = snapshots / name
        if not (folder / f"{name}.tsv").is_file():
            continue
        if into.exists():
            print(f"{name}: already there, left as it is")
            continue
        written, missing = extract(git_dir, into, labelled_sha(name, folder))
        print(f"{name}: {written} files written, {missing} absent from the snapshot")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
