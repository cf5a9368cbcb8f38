#!/usr/bin/env python3
"""Count the lines of clean articles that the converter removes: each one is a false removal.

usage: false_removals.py --corpus bbc-dev|reuters21578 --briefing BINARY [--widths 0,40,60,72]
                         [--show N]

Unpacks the corpus with ../shared/corpus/unpack.py into a temporary folder outside the
repository, then, for each width, writes a copy whose paragraphs are hard-wrapped at that
many columns (0: as unpacked), runs `BINARY extract --json` on it and lists every line the
converter removed as residue. Repairs (doubled words, invisible characters, mojibake) are not
counted: only removed lines are. The clean corpora carry no residue, so the right count is 0.
Standard library only; the corpus never enters the repository.
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
UNPACK = os.path.join(HERE, "..", "..", "..", "shared", "corpus", "unpack.py")
REPAIRS = ("doubled word", "invisible characters", "mojibake")


def wrap_copy(src, dst, width):
    """Copies every source, wrapping body paragraphs at `width` (header and title kept)."""
    os.makedirs(dst)
    for name in sorted(os.listdir(src)):
        with open(os.path.join(src, name), "rb") as f:
            raw = f.read()
        if width == 0:
            text = raw
        else:
            try:
                body = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw  # the Latin-1 file stays as it is
            else:
                blocks = body.split("\n\n")
                # The header block (if any) and the title stay as they are.
                keep = 2 if blocks[0].startswith(("Date:", "Source:")) else 1
                wrapped = blocks[:keep] + [
                    "\n".join(textwrap.wrap(b.replace("\n", " "), width)) if len(b) > width else b
                    for b in blocks[keep:]
                ]
                text = "\n\n".join(wrapped).encode("utf-8")
        with open(os.path.join(dst, name), "wb") as f:
            f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True, choices=["bbc-dev", "reuters21578"])
    ap.add_argument("--briefing", required=True)
    ap.add_argument("--widths", default="0,40,60,72")
    ap.add_argument("--show", type=int, default=10)
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="briefing-false-removals-")
    try:
        subprocess.run([sys.executable, UNPACK, a.corpus, os.path.join(tmp, "clean")],
                       check=True, stdout=subprocess.DEVNULL)
        total = 0
        for width in [int(w) for w in a.widths.split(",")]:
            folder = os.path.join(tmp, f"w{width}")
            wrap_copy(os.path.join(tmp, "clean", "content"), folder, width)
            out = subprocess.run([a.briefing, "extract", "--json", folder],
                                 capture_output=True, text=True).stdout
            removed = []
            for line in out.splitlines():
                article = json.loads(line)
                for r in article["removed"]:
                    if not r["reason"].startswith(REPAIRS):
                        removed.append((os.path.basename(article["file"]), r["line"], r["reason"], r["text"]))
            total += len(removed)
            label = "as unpacked" if width == 0 else f"wrapped at {width}"
            print(f"{a.corpus} {label}: {len(removed)} lines removed")
            for name, n, reason, text in removed[: a.show]:
                print(f"  {name}:{n} [{reason}] {text[:100]}")
        sys.exit(0 if total == 0 else 1)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


main()
