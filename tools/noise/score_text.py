#!/usr/bin/env python3
"""Score the plain-text conversion against the clean text of a noisy corpus.

usage: score_text.py EXPECTED.jsonl EXTRACT.jsonl [--show N] [--kind KIND]

EXPECTED.jsonl: from make_noisy.py ({"file", "title", "text", "noise", "traits"}).
EXTRACT.jsonl:  what `briefing extract --json DIR/content` prints, one object per line with at
                least "file" (ending in content/<id>.txt) and "text". Matched on the base name.

Prints:
  - articles scored, and how many have no output;
  - exact share: the body `text` equals the clean text exactly (the issue asks >= 0.97), a
    line break inside a block (list items, table rows) counting as a space;
  - lost paragraphs: a clean paragraph that does not appear (whitespace-normalised) as an
    output paragraph or inside one (the issue asks for none), split into "dropped" (fewer
    than half of its words are left, in order, anywhere in the output) and "changed" (its
    words are there but the paragraph is not: residue glued on, a repair not made or wrong);
  - the title's exact share, when the output has "title";
  - exact share by noise kind: over every article with that kind, and over the articles where
    it is the only kind (which isolates it);
  - the most common short output paragraphs that are not in the clean text (residue the
    converter left in);
  - exact share by trait of the clean text (real doubled words, multi-line blocks such as
    tables and lists, non-ASCII text), over all articles and over those with no noise.
--show N prints N mismatching articles (those with a dropped, then a changed paragraph first;
with --kind, only
articles with that noise kind or trait) as a unified diff of expected against got, the word-level
changes, and the lines the converter reports it removed. Invisible characters are shown as
<U+XXXX>.

The exit code is 0 whatever the scores (it reports; it does not judge); 2 for bad usage.
"""
import argparse
import difflib
import json
import os
import re
import sys
from collections import Counter


def norm(s):
    """Whitespace-normalised: runs of whitespace become one space, ends trimmed."""
    return " ".join(s.split())


def blocks_as_lines(text):
    """The output with each block on one line: a line break inside a block (between the items
    of a list, the rows of a table) counts as one space, as in the clean text, where every
    block is whitespace-normalised. Spaces themselves are compared as they are."""
    return "\n\n".join(b.replace("\n", " ") for b in text.split("\n\n"))


def paragraphs(text):
    """The paragraphs of a body: blocks between blank lines, whitespace-normalised."""
    return [norm(p) for p in re.split(r"\n\s*\n", text) if p.strip()]


def words(s):
    """Lower-case words, for telling a dropped paragraph from a changed one."""
    return re.findall(r"\w+", s.lower())


def visible(s):
    """`s` with invisible characters and whitespace other than space and newline (no-break
    and zero-width spaces, tabs, carriage returns, controls) spelt out as <U+XXXX>."""
    return "".join(c if c == "\n" or c.isprintable() else f"<U+{ord(c):04X}>" for c in s)


def lost_paragraphs(expected, got):
    """The expected paragraphs missing from `got`, each with 'dropped' or 'changed'."""
    have = paragraphs(got)
    got_words = words(got)
    lost = []
    for p in paragraphs(expected):
        # as a paragraph, or inside one (merged with a neighbour), on word boundaries
        if any(f" {p} " in f" {q} " for q in have):
            continue
        mine = words(p)
        matcher = difflib.SequenceMatcher(None, mine, got_words, autojunk=False)
        kept = sum(block.size for block in matcher.get_matching_blocks())
        lost.append((p, "dropped" if kept < 0.5 * max(1, len(mine)) else "changed"))
    return lost


def word_changes(expected, got, context=4, limit=12):
    """The word-level edits from expected to got, a few words of context each; ¶ marks a
    paragraph break."""
    a = " ¶ ".join(paragraphs(expected)).split(" ")
    b = " ¶ ".join(paragraphs(got)).split(" ")
    out = []
    ops = [op for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
           if op[0] != "equal"]
    for tag, i1, i2, j1, j2 in ops[:limit]:
        before = " ".join(a[max(0, i1 - context):i1])
        after = " ".join(a[i2:i2 + context])
        old = f"[-{shorten(a[i1:i2])}-]" if i2 > i1 else ""
        new = f"{{+{shorten(b[j1:j2])}+}}" if j2 > j1 else ""
        out.append(visible(f"... {before} {old}{new} {after} ..."))
    if len(ops) > limit:
        out.append(f"... and {len(ops) - limit} more")
    return out


def shorten(tokens, keep=16):
    """A run of words, with the middle left out when it is long (a dropped paragraph)."""
    if len(tokens) <= keep:
        return " ".join(tokens)
    return f"{' '.join(tokens[:8])} ...({len(tokens)} words)... {' '.join(tokens[-4:])}"


def share(hits, n):
    """`hits` of `n` as a share with the counts, or '-' for none."""
    return f"{hits / n:.3f} ({hits}/{n})" if n else "-"


def load_jsonl(path):
    """The objects of a JSON-lines file; a line that is not JSON is reported and skipped."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as e:
                    print(f"warning: {path}:{number}: not JSON ({e}); skipped", file=sys.stderr)
    return rows


def show(e, g, lost):
    """One mismatching article, for a developer to see what went wrong."""
    got = g.get("text", "") if g else ""
    print(f"=== {e['file']}  noise: {', '.join(e['noise']) or '(none)'}"
          f"  traits: {', '.join(e.get('traits', [])) or '(none)'}")
    if g is None:
        print("  no output for this article")
        return
    diff = difflib.unified_diff(visible(e["text"]).split("\n"), visible(got).split("\n"),
                                "expected", "got", n=1, lineterm="")
    for line in diff:
        print(line)
    print("word changes:")
    for line in word_changes(e["text"], got):
        print("  " + line)
    for p, how in lost:
        print(f"lost ({how}): {visible(p[:100])}{'...' if len(p) > 100 else ''}")
    removed = g.get("removed") or []
    if removed:
        print(f"removed by the converter ({len(removed)}):")
        for r in removed[:15]:
            text = visible(str(r.get("text", "")))
            print(f"  line {r.get('line', '?'):>4}  {r.get('reason', '')}: "
                  f"{text[:90]}{'...' if len(text) > 90 else ''}")
        if len(removed) > 15:
            print(f"  ... and {len(removed) - 15} more")
    print()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("expected", help="expected.jsonl from make_noisy.py")
    ap.add_argument("extract", help="output of `briefing extract --json DIR/content`")
    ap.add_argument("--show", type=int, default=0, metavar="N",
                    help="print N mismatching articles as diffs")
    ap.add_argument("--kind", help="with --show: only articles with this noise kind or trait")
    a = ap.parse_args()
    try:
        expected = load_jsonl(a.expected)
        for e in expected:  # sets from other generators may not say what they injected
            e.setdefault("noise", [])
        got = {os.path.basename(g["file"]): g for g in load_jsonl(a.extract) if "file" in g}
    except OSError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(2)

    results = []  # (expected, got or None, exact, lost)
    for e in expected:
        g = got.get(os.path.basename(e["file"]))
        text = g.get("text") if g else None
        exact = text is not None and blocks_as_lines(text) == e["text"]
        lost = [] if exact else lost_paragraphs(e["text"], text or "")
        results.append((e, g, exact, lost))

    n = len(results)
    missing = sum(g is None for _, g, _, _ in results)
    exact = sum(x for _, _, x, _ in results)
    lost_articles = sum(bool(lost) for *_, lost in results)
    lost_all = [how for *_, lost in results for _, how in lost]
    total_pars = sum(len(paragraphs(e["text"])) for e, *_ in results)
    print(f"articles scored:    {n}" + (f" ({missing} with no output)" if missing else ""))
    print(f"exact text:         {share(exact, n)}")
    print(f"lost paragraphs:    {len(lost_all)} of {total_pars} in {lost_articles} articles"
          f" ({lost_all.count('dropped')} dropped, {lost_all.count('changed')} changed)")
    titled = [(e, g) for e, g, _, _ in results if g and "title" in g]
    if titled:
        same = sum(g["title"] == e["title"] for e, g in titled)
        print(f"exact title:        {share(same, len(titled))}")

    print("\nexact text by noise kind   with the kind           kind alone")
    kinds = sorted({k for e, *_ in results for k in e["noise"]})
    clean = [x for e, _, x, _ in results if not e["noise"]]
    print(f"  {'(none)':22} {share(sum(clean), len(clean)):22}")
    for k in kinds:
        with_k = [x for e, _, x, _ in results if k in e["noise"]]
        alone = [x for e, _, x, _ in results if e["noise"] == [k]]
        print(f"  {k:22} {share(sum(with_k), len(with_k)):22} {share(sum(alone), len(alone))}")
    traits = sorted({t for e, *_ in results for t in e.get("traits", [])})
    leftovers = Counter()
    for e, g, x, _ in results:
        if g and not x:
            clean = paragraphs(e["text"])
            for q in paragraphs(g.get("text", "")):
                if len(q) <= 200 and not any(q in p for p in clean):
                    leftovers[q] += 1
    if leftovers:
        print("\nshort output paragraphs that are not in the clean text (residue left in?)")
        for q, count in leftovers.most_common(15):
            print(f"  {count:5}  {visible(q[:100])}{'...' if len(q) > 100 else ''}")

    if traits:
        print("\nexact text by trait of the clean text   all                  no noise")
        for t in traits:
            hits = [(x, not e["noise"]) for e, _, x, _ in results if t in e.get("traits", [])]
            quiet = [x for x, no_noise in hits if no_noise]
            print(f"  {t:22} {share(sum(x for x, _ in hits), len(hits)):20} "
                  f"{share(sum(quiet), len(quiet))}")

    if a.show:
        print()
        wrong = [r for r in results if not r[2]
                 and (not a.kind or a.kind in r[0]["noise"] or a.kind in r[0].get("traits", []))]
        # dropped paragraphs first, then changed ones, then the rest; file order otherwise
        wrong.sort(key=lambda r: (not any(how == "dropped" for _, how in r[3]), not r[3]))
        for e, g, _, lost in wrong[: a.show]:
            show(e, g, lost)


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:  # piped into head: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
