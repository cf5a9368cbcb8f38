#!/usr/bin/env python3
"""Make a noisy copy of an evaluation corpus, to measure the plain-text conversion.

usage: make_noisy.py --corpus bbc-dev|reuters21578 --out DIR [--seed 1] [--limit N]
                     [--variants default|held-out]

Unpacks the corpus with ../shared/corpus/unpack.py into a temporary folder, then for each
article writes
  DIR/content/<id>.txt   the article with scraper residue injected (header block and title
                         line kept as they were), and
  DIR/expected.jsonl     one object per article: {"file": "content/<id>.txt", "title": the
                         clean title, "text": the clean body, "noise": the kinds injected,
                         "traits": features of the clean text worth a breakdown}.

The clean body (what `briefing extract --json` should give as "text") is the paragraphs after
the title, each whitespace-normalised, separated by exactly one blank line. Real doubled words
in the corpus ("had had", even typos such as "the the") are part of it: the converter must not
touch them.

Noise kinds (1 to 4 per article; about 10% of articles stay clean):
  residue lines, always on lines of their own: cookie_banner, read_more, share, follow,
    subscribe, advertisement, story_continues (both also between the lines of a hard-wrapped
    paragraph), copyright, tags, related (a heading and 2-5 headlines)
  damage to the article's own text: doubled_word ("spokesman spokesman", "will (will)"),
    mojibake (UTF-8 read as Windows-1252; only articles with non-ASCII text), hard_wrap
  stray characters: crlf, nbsp, zero_width, stray_spaces

--variants held-out draws residue wording from a second list (HELD_OUT below) that the
converter's authors never look at, to check that its rules generalise. Every article has its
own random generator, seeded from --seed, the corpus and the article id, and the wording has
another: the two variants inject (all but a few articles) the same kinds at the same places
with different words, and --limit N gives the first N articles of the full run unchanged.

Corpus text is read at run time only; DIR must lie outside the repository.
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
UNPACK = os.path.join(REPO, "..", "shared", "corpus", "unpack.py")

KINDS = [
    "cookie_banner", "read_more", "share", "follow", "subscribe", "advertisement",
    "story_continues", "copyright", "tags", "related", "doubled_word", "mojibake",
    "hard_wrap", "crlf", "nbsp", "zero_width", "stray_spaces",
]

# Words that are doubled on purpose in real English ("had had", "so so", "bye bye"); the
# injector never doubles them, so every injected doubling is one the converter may undo.
LEGIT_DOUBLES = {
    "had", "that", "so", "is", "very", "really", "bye", "no", "far", "many", "much", "more",
    "again", "blah", "bla", "knock", "tut", "chop", "yada", "well", "never", "ever", "long",
    "over", "round", "back", "there", "hear", "now", "out", "ago", "on", "off", "yes", "boo",
    "ha", "wait", "come", "little", "bit", "one", "two", "step", "day", "year", "time",
    "after", "side", "face", "hand", "arm", "neck", "line", "what", "who", "why", "too",
}

# --------------------------------------------------------------------------------------------
# Residue wordings. Each entry is one line (a string) or one block of lines (a tuple).
# Placeholders: {headline} (another story's headline), {year}, {tags} (names from the article).
# TRAIN is what the converter may be developed against; HELD_OUT is kept apart for checking
# generalisation. The two lists share no entry.
# --------------------------------------------------------------------------------------------

TRAIN = {
    "cookie_banner": [
        "We use cookies to personalise content and ads, to provide social media features and "
        "to analyse our traffic. By continuing to browse you accept our cookie policy. Accept",
        "This site uses cookies. By continuing to use the site you are agreeing to our use of "
        "cookies. Find out more",
        ("We value your privacy",
         "We and our partners store and access information on your device, such as cookies, "
         "to deliver personalised advertising and to measure audiences.",
         "Accept all   Reject all   Manage preferences"),
        "By using this website, you consent to the use of cookies in accordance with our "
        "Cookie Policy. OK",
        "Cookies help us deliver our services. By using our services, you agree to our use of "
        "cookies. Learn more | Got it",
        "This website uses cookies to ensure you get the best experience on our website. "
        "Learn more  Got it!",
        ("Cookies on this site",
         "We use some essential cookies to make this service work. We would also like to set "
         "optional analytics cookies to help us improve it.",
         "Accept additional cookies",
         "Reject additional cookies",
         "View cookies"),
        "ACCEPT COOKIES",
        "Do you accept cookies? We use them to remember your settings and to show you "
        "relevant adverts. Yes, I accept  No, thanks",
        "Manage cookie settings",
        "Your privacy choices: we use cookies and similar technologies to improve your "
        "experience. Accept cookies | Cookie settings",
        "We have updated our privacy and cookie policy. Please take a moment to review it. "
        "Continue",
    ],
    "read_more": [
        "Read more",
        "READ MORE",
        "Read more: {headline}",
        "READ MORE: {headline}",
        "Read More »",
        "Continue reading",
        "Read the full story",
        "Also read: {headline}",
        "See also: {headline}",
        "Read more about this story",
        "Related: {headline}",
    ],
    "share": [
        "Share this article",
        "Share on Facebook",
        "Share on Twitter",
        "Share via Email",
        "Share this story",
        "SHARE",
        "Share this page",
        "Share on WhatsApp",
        "Facebook  Twitter  LinkedIn  Email",
        ("Share this with", "Email", "Facebook", "Twitter", "WhatsApp"),
        "Copy link",
        "Tweet this",
    ],
    "follow": [
        "Follow us on Twitter",
        "Follow us on Facebook",
        "Follow @DailyLedgerNews on Twitter",
        "Follow us on Instagram for more",
        "Like us on Facebook",
        "Follow our live coverage",
        "Follow the author on Twitter: @jwhitmore_news",
        "FOLLOW US",
        "Follow us on Twitter and Facebook for the latest updates",
    ],
    "subscribe": [
        "Subscribe to our newsletter",
        "Sign up for our daily briefing",
        "Sign up to our free morning newsletter and get the top stories in your inbox",
        "Subscribe now for unlimited access",
        "Get the latest headlines delivered to your inbox. Sign up",
        "Subscribe",
        "Already a subscriber? Log in",
        "Newsletter sign-up",
        "Register for free to continue reading",
        "SIGN UP FOR BREAKING NEWS ALERTS",
        "Sign up for our newsletter",
    ],
    "advertisement": [
        "Advertisement",
        "ADVERTISEMENT",
        "Advertisement:",
        "- Advertisement -",
        "Advertisement - scroll to continue",
        "AD",
        "Sponsored content",
        "ADVERTISEMENT - CONTINUE READING BELOW",
    ],
    "story_continues": [
        "Story continues below",
        "Story continues below advertisement",
        "Article continues below",
        "The story continues below",
        "Continue reading the main story",
        "Story continues after advertisement",
        "CONTINUE READING BELOW",
        "Article continues after advertisement",
    ],
    "copyright": [
        "© {year} Example News Ltd. All rights reserved.",
        "Copyright {year} The Morning Ledger. All rights reserved.",
        "Copyright © {year} Harbour Media Group",
        "(c) {year} Meridian Press",
        "© Copyright {year} Northern Wire Service. This material may not be published, "
        "broadcast, rewritten or redistributed.",
        "All content © {year} The Evening Dispatch",
        "Copyright {year}, City Times Publishing Co.",
        "© {year} Example News",
        "COPYRIGHT {year} EASTGATE NEWS AGENCY",
    ],
    "tags": [
        "Tags: {tags}",
        "TAGS: {tags}",
        "Tagged: {tags}",
        "Filed under: {tags}",
        "Topics in this article: {tags}",
        "Keywords: {tags}",
        "Tags: {tags|}",
        ("Related topics", "{tags/}"),
        "More on: {tags}",
    ],
    "related": [
        "Related articles",
        "More on this story",
        "You may also like",
        "Related stories",
        "Most read",
        "Recommended for you",
        "RELATED",
        "More stories",
        "Top stories",
        "Related content",
    ],
    # Headlines for "Read more" lines and "related" footers, beside other stories' titles.
    "headline": [
        "Markets rally as central bank holds rates",
        "Floods force thousands from their homes",
        "Minister resigns over expenses row",
        "Five things to know about the new budget",
        "Striking workers return to talks",
        "How the election was won",
        "Airline cuts routes as fuel costs soar",
        "Village school saved by late donation",
        "Rail fares to rise again in January",
        "Inside the race to build a better battery",
        "Police appeal after city centre robbery",
        "What the ruling means for renters",
        "Storm warning issued for coastal areas",
        "Champions hold on for narrow win",
        "Watchdog opens inquiry into price rises",
    ],
}

HELD_OUT = {
    "cookie_banner": [
        "To give you the best possible experience, this site uses cookies. Continuing to "
        "browse means you accept this. Close",
        ("Privacy notice",
         "Our partners and we process personal data such as IP addresses and unique "
         "identifiers to show tailored ads and content.",
         "I agree   Options"),
        "We care about your data, and we'd love to use cookies to make your experience "
        "better. Allow all",
        "Click 'Agree' to let us and our vendors use cookies for ad measurement and "
        "personalisation. Agree | More options",
        "This page stores small files on your computer to work properly. Okay, got it",
        "Our website uses cookies and similar tools. See our privacy notice for details. "
        "Dismiss",
        "Consent preferences: strictly necessary cookies are always on. Save and close",
    ],
    "read_more": [
        "Keep reading",
        "More: {headline}",
        "Don't miss: {headline}",
        "Recommended: {headline}",
        "Click here to read more",
        "Full story",
        "MORE: {headline}",
    ],
    "share": [
        "Spread the word",
        "Post to Facebook",
        "Send this story to a friend",
        "Share via LinkedIn",
        "Email this article",
        ("Share:", "Facebook", "X", "Reddit"),
        "Pin it",
    ],
    "follow": [
        "Find us on Facebook",
        "Join us on Telegram",
        "Connect with us on LinkedIn",
        "Keep up with us on Mastodon",
        "Follow this topic",
        "Follow @RiversideHerald for breaking news",
    ],
    "subscribe": [
        "Want more stories like this? Join our mailing list",
        "Get our weekly digest - it's free",
        "Become a member today",
        "Don't miss a story: get alerts straight to your phone",
        "Start your free trial",
        "Join 50,000 readers who get our evening email",
    ],
    "advertisement": [
        "ADVERTISING",
        "Sponsored",
        "Promoted content",
        "Paid content",
        "Ad Feedback",
        "[ Advertisement ]",
    ],
    "story_continues": [
        "Scroll to continue with content",
        "Article continues after this ad",
        "Content continues below",
        "Keep scrolling for more",
        "Text continues below the image",
        "STORY CONTINUES BELOW THIS AD",
    ],
    "copyright": [
        "© {year} Lakeside Media. Reproduction without permission prohibited.",
        "All rights reserved © Bluebird Newsroom {year}",
        "(C) {year} Granite Press Association - all rights reserved",
        "Content copyright {year} Riverside Herald Ltd",
        "Copyright © {year} by Westfield Broadcasting Corp. No part of this story may be "
        "reproduced.",
    ],
    "tags": [
        "Categories: {tags}",
        "Subjects: {tags}",
        "In this story: {tags}",
        "Explore more: {tags·}",
        ("Topics", "{tags/}"),
        "Labels: {tags}",
    ],
    "related": [
        "Further reading",
        "Around the web",
        "Editor's picks",
        "Trending now",
        "Popular stories",
        "Read next",
    ],
    "headline": [
        "Council approves plan for new bridge",
        "Shares slide on profit warning",
        "Heatwave brings record electricity demand",
        "Talks stall over border crossing",
        "Teachers vote to accept pay offer",
        "Why house prices keep climbing",
        "Festival returns after two-year break",
        "Court clears way for merger",
        "Harvest hit by late frost",
        "Coach signs new three-year deal",
    ],
}

WORDINGS = {"default": TRAIN, "held-out": HELD_OUT}

# Where each kind of residue block goes: "top" (just after the title), "mid" (between two
# paragraphs) or "end" (after the last paragraph).
PLACES = {
    "cookie_banner": ("top", "end"),
    "read_more": ("mid", "mid", "end"),
    "share": ("top", "mid", "end"),
    "follow": ("top", "end", "end"),
    "subscribe": ("mid", "end"),
    "advertisement": ("mid",),
    "story_continues": ("mid",),
    "copyright": ("end",),
    "tags": ("end",),
    "related": ("end",),
}

# Header keys of plain-text sources (DESIGN.md); unpack.py writes a header for Reuters only.
HEADER_KEYS = {"title", "date", "source", "url", "author", "topics", "places", "summary",
               "slug", "language"}

# Windows-1252 as browsers decode it: the five unassigned bytes map to the C1 controls of the
# same number, so every byte sequence decodes (as in real mojibake).
CP1252 = []
for _b in range(256):
    try:
        CP1252.append(bytes([_b]).decode("cp1252"))
    except UnicodeDecodeError:
        CP1252.append(chr(_b))

ZERO_WIDTH = ["\u200b", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]


# --------------------------------------------------------------------------------------------
# Reading the clean corpus
# --------------------------------------------------------------------------------------------

class Article:
    """One clean article: the header and title lines as written, the body as blocks of lines
    as written, and the body's paragraphs whitespace-normalised (the expected text)."""

    def __init__(self, ident, encoding, header, title_line, blocks):
        self.ident = ident
        self.encoding = encoding
        self.header = header
        self.title_line = title_line
        self.title = title_line.strip()
        self.blocks = blocks
        self.paragraphs = [" ".join(" ".join(lines).split()) for lines in blocks]
        # a block of several lines in the clean source: a table or a list
        self.multiline = any(len(lines) > 1 for lines in blocks)

    def text(self):
        return "\n\n".join(self.paragraphs)


def read_article(path, with_header):
    """Parses one unpacked source; the header block is looked for only if `with_header`."""
    raw = open(path, "rb").read()
    try:
        text, encoding = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = raw.decode("cp1252"), "cp1252"  # the one Latin-1 BBC file
    lines = text.replace("\r\n", "\n").split("\n")
    i, header = 0, []
    if with_header:
        while i < len(lines) and re.match(r"^([A-Za-z]+):", lines[i]) and \
                lines[i].split(":", 1)[0].lower() in HEADER_KEYS:
            header.append(lines[i])
            i += 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    title_line = lines[i] if i < len(lines) else ""
    blocks, block = [], []
    for line in lines[i + 1:] + [""]:
        if line.strip():
            block.append(line)
        elif block:
            blocks.append(block)
            block = []
    ident = os.path.splitext(os.path.basename(path))[0]
    return Article(ident, encoding, header, title_line, blocks)


def unpack(corpus, into):
    """Runs the shared unpack.py; returns the sorted paths of the article sources."""
    cmd = [sys.executable, UNPACK, corpus, into]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"error: {' '.join(cmd)} failed:\n{done.stderr}")
    content = os.path.join(into, "content")
    return [os.path.join(content, f) for f in sorted(os.listdir(content)) if f.endswith(".txt")]


def traits(article):
    """Features of the clean text that make conversion hard with no noise at all."""
    out = []
    text = article.text()
    if re.search(r"\b(\w+)\s+\(?\1\b", text, re.IGNORECASE):
        out.append("real_double")
    if article.multiline:
        out.append("table_or_list")  # a block of several lines, joined in the expected text
    if any(re.match(r"[-*•] ", p) for p in article.paragraphs):
        out.append("dash_paragraph")  # a paragraph that starts like a list item
    if any(ord(c) > 127 for c in article.title + text):
        out.append("non_ascii")
    if article.encoding != "utf-8":
        out.append("cp1252_file")
    return out


# --------------------------------------------------------------------------------------------
# Noise
# --------------------------------------------------------------------------------------------

def mojibake(s):
    """`s` written as UTF-8 and read back as Windows-1252: `’` -> `â€™`, `£` -> `Â£`."""
    return "".join(CP1252[b] for b in s.encode("utf-8"))


# A word that may be doubled: lower-case letters only, perhaps with punctuation after it.
DOUBLABLE = re.compile(r"([a-z]{3,})([,.;:!?]?)")


def double_a_word(paragraph, rng):
    """Doubles one lower-case word as `word word` or `word (word)`; None if none fits."""
    tokens = paragraph.split(" ")
    bare = [re.sub(r"\W", "", t).lower() for t in tokens]
    candidates = [
        k for k, t in enumerate(tokens)
        if DOUBLABLE.fullmatch(t) and bare[k] not in LEGIT_DOUBLES
        # not next to the same word already (a real double stays as it is)
        and (k == 0 or bare[k - 1] != bare[k])
        and (k + 1 == len(tokens) or bare[k + 1] != bare[k])
    ]
    if not candidates:
        return None
    k = rng.choice(candidates)
    w, punct = DOUBLABLE.fullmatch(tokens[k]).groups()
    tokens[k] = (f"{w} {w}" if rng.random() < 0.7 else f"{w} ({w})") + punct
    return " ".join(tokens)


def tag_names(article, rng):
    """2-5 names for a tag footer: capitalised words of the article, else section names."""
    seen = []
    for tok in " ".join(article.paragraphs).split():
        t = tok.strip(".,;:!?\"'()")
        if re.fullmatch(r"[A-Z][a-z]{3,}", t) and t not in seen and t not in {
                "The", "This", "That", "There", "They", "When", "What", "But", "And", "After",
                "However", "Their", "With", "From", "Some", "Many", "Most", "Although"}:
            seen.append(t)
    pool = seen or ["World", "Business", "Politics", "Economy", "Markets", "Sport"]
    return rng.sample(pool, min(len(pool), rng.randint(2, 5)))


def residue_block(kind, words, wrng, article, headlines, year):
    """One residue block (a list of lines) of `kind`, worded from `words`."""
    entry = wrng.choice(words[kind])
    lines = [entry] if isinstance(entry, str) else list(entry)
    out = []
    for line in lines:
        if "{tags" in line:
            names = tag_names(article, wrng)
            if "{tags/}" in line:  # one name a line
                out.extend(names)
                continue
            sep = " | " if "{tags|}" in line else " · " if "{tags·}" in line else ", "
            line = re.sub(r"\{tags.?\}", sep.join(names), line)
        line = line.replace("{headline}", pick_headline(words, wrng, headlines))
        out.append(line.replace("{year}", str(year)))
    return out


def pick_headline(words, wrng, headlines):
    """A headline: another story's title from the corpus, or one of the invented ones."""
    if headlines and wrng.random() < 0.5:
        return wrng.choice(headlines)
    return wrng.choice(words["headline"])


def related_block(words, rng, wrng, headlines):
    """A footer: a heading, then 2-5 headlines, in one block, as a dashed list, or spaced."""
    heading = wrng.choice(words["related"])
    items = [pick_headline(words, wrng, headlines) for _ in range(rng.randint(2, 5))]
    layout = rng.choice(["block", "block", "dashes", "spaced"])
    if layout == "dashes":
        return [[heading] + ["- " + h for h in items]]
    if layout == "spaced":
        return [[heading]] + [[h] for h in items]
    return [[heading] + items]


def sprinkle(line, rng, chars, inside_words):
    """Inserts one of `chars` at a random spot: inside a word or next to a space."""
    spots = [k for k in range(1, len(line))
             if (line[k - 1].isalpha() and line[k].isalpha()) == inside_words
             and (inside_words or line[k] == " " or line[k - 1] == " ")]
    if not spots:
        return line
    k = rng.choice(spots)
    return line[:k] + rng.choice(chars) + line[k:]


def replace_spaces(line, rng, count, by):
    """Replaces up to `count` single spaces between words with `by()`."""
    spots = [m.start() for m in re.finditer(r"(?<=\S) (?=\S)", line)]
    for k in sorted(rng.sample(spots, min(count, len(spots))), reverse=True):
        line = line[:k] + by() + line[k + 1:]
    return line


class Body:
    """The body being made noisy: blocks of lines, each an article paragraph (its lines as in
    the clean source) or residue."""

    def __init__(self, blocks):
        self.blocks = [{"lines": list(lines), "residue": False} for lines in blocks]

    def insert(self, place, lines, rng):
        block = {"lines": lines, "residue": True}
        paras = [k for k, b in enumerate(self.blocks) if not b["residue"]]
        if place == "mid" and len(paras) >= 2:
            # before any article paragraph except the first
            self.blocks.insert(rng.choice(paras[1:]), block)
        elif place == "top" or (place == "mid" and rng.random() < 0.5):
            self.blocks.insert(0, block)
        else:
            self.blocks.append(block)

    def paragraphs(self):
        return [b for b in self.blocks if not b["residue"]]

    def one_line_paragraphs(self):
        """Paragraphs that are one line of prose (not tables or lists): these may be doubled
        and wrapped."""
        return [b for b in self.paragraphs() if len(b["lines"]) == 1]

    def all_lines(self):
        return [(b, k) for b in self.blocks for k in range(len(b["lines"]))]


def make_noisy(article, kinds, rng, wrng, words, headlines):
    """The noisy source text of `article` with `kinds` injected (in a fixed pipeline order),
    and the kinds that changed something (a short article may have no line to hard-wrap)."""
    body = Body(article.blocks)
    title = article.title_line
    applied = set()
    year = next((h[6:10] for h in article.header if h.startswith("Date: ")), None) \
        or str(rng.randint(2003, 2023))

    # 1. Damage to the article's own words.
    if "doubled_word" in kinds:
        paras = body.one_line_paragraphs()
        for block in rng.sample(paras, min(len(paras), rng.choice([1, 1, 2]))):
            doubled = double_a_word(block["lines"][0], rng)
            if doubled:
                block["lines"][0] = doubled
                applied.add("doubled_word")

    # 2. Residue blocks. Footers (each one or more blocks) go last, the copyright line last of
    #    all.
    footers = []
    for kind in KINDS:
        if kind not in PLACES or kind not in kinds:
            continue
        applied.add(kind)
        times = rng.choice([1, 1, 2, 3]) if kind in ("advertisement", "read_more") else 1
        for _ in range(times):
            if kind == "related":
                footers.append(related_block(words, rng, wrng, headlines))
                continue
            if kind == "copyright":
                continue  # added below, after the shuffle
            lines = residue_block(kind, words, wrng, article, headlines, year)
            place = rng.choice(PLACES[kind])
            if place == "end":
                footers.append([lines])
            else:
                body.insert(place, lines, rng)
    rng.shuffle(footers)
    if "copyright" in kinds:
        footers.append([residue_block("copyright", words, wrng, article, headlines, year)])
    for lines in (lines for footer in footers for lines in footer):
        body.insert("end", lines, rng)

    # 3. Mojibake: the whole file mis-decoded (title and residue too), or one paragraph.
    if "mojibake" in kinds:
        accented = [b for b in body.paragraphs() if any(ord(c) > 127 for c in "".join(b["lines"]))]
        if accented and rng.random() < 0.5:
            block = rng.choice(accented)
            block["lines"] = [mojibake(l) for l in block["lines"]]
        else:
            title = mojibake(title)
            for block in body.blocks:
                block["lines"] = [mojibake(l) for l in block["lines"]]
        applied.add("mojibake")

    # 4. Hard wrap at one width for the whole article (sometimes only some paragraphs); an
    #    advertisement line may then land between two lines of a wrapped paragraph.
    if "hard_wrap" in kinds:
        width = rng.randint(60, 80)
        share = 1.0 if rng.random() < 0.8 else 0.5
        wrapped = []
        for block in body.one_line_paragraphs():
            if rng.random() < share:
                block["lines"] = textwrap.wrap(block["lines"][0], width=width,
                                               break_long_words=False, break_on_hyphens=False)
                if len(block["lines"]) > 1:
                    applied.add("hard_wrap")
                if len(block["lines"]) >= 3:
                    wrapped.append(block)
        for kind in ("advertisement", "story_continues"):
            if kind in kinds and wrapped and rng.random() < 0.6:
                block = rng.choice(wrapped)
                at = rng.randint(1, len(block["lines"]) - 1)
                line = residue_block(kind, words, wrng, article, headlines, year)[0]
                block["lines"].insert(at, line)

    # 5. Stray characters inside lines.
    lines = body.all_lines()

    def edit(kind, block, k, new):
        if new != block["lines"][k]:
            block["lines"][k] = new
            applied.add(kind)

    if "nbsp" in kinds:
        for _ in range(rng.randint(1, 4)):
            block, k = rng.choice(lines)
            nb = "\u202f" if rng.random() < 0.1 else "\u00a0"  # narrow or plain no-break space
            edit("nbsp", block, k, replace_spaces(block["lines"][k], rng, rng.randint(1, 3),
                                                  lambda: nb))
        if rng.random() < 0.3:
            block, k = rng.choice(lines)
            edit("nbsp", block, k, block["lines"][k] + "\u00a0")
    if "zero_width" in kinds:
        for _ in range(rng.randint(1, 5)):
            block, k = rng.choice(lines)
            edit("zero_width", block, k,
                 sprinkle(block["lines"][k], rng, ZERO_WIDTH, rng.random() < 0.5))
    spaces = []
    if "stray_spaces" in kinds:
        spaces = rng.sample(["double", "trailing", "leading", "blank"], rng.randint(1, 3))
        for block, k in lines:
            line = block["lines"][k]
            if "double" in spaces and rng.random() < 0.3:
                line = replace_spaces(line, rng, rng.randint(1, 3), lambda: " " * rng.randint(2, 3))
            if "trailing" in spaces and rng.random() < 0.4:
                line += " " * rng.randint(1, 3)
            if "leading" in spaces and rng.random() < 0.3:
                line = " " * rng.randint(1, 4) + line
            edit("stray_spaces", block, k, line)

    # 6. The lines between blocks: one empty line, or blank lines holding spaces or a tab,
    #    several blank lines, or a no-break space standing in for an empty paragraph.
    seps = []
    for _ in range(len(body.blocks) - 1):
        sep = [""]
        if "blank" in spaces and rng.random() < 0.3:
            sep = rng.choice([[" "], ["  "], ["", ""], ["", " ", ""], ["\t"]])
            applied.add("stray_spaces")
        if "nbsp" in kinds and rng.random() < 0.1:
            sep = rng.choice([["", "\u00a0", ""], ["\u00a0"]])
            applied.add("nbsp")
        seps.append(sep)

    out = list(article.header) + ([""] if article.header else []) + [title]
    for n, block in enumerate(body.blocks):
        out += seps[n - 1] if n else [""]
        out += block["lines"]
    text = "\n".join(out) + "\n"

    # 7. Whole-file noise.
    if "zero_width" in kinds and rng.random() < 0.25:
        text = "\ufeff" + text  # a byte order mark
        applied.add("zero_width")
    if "crlf" in kinds:
        text = text.replace("\n", "\r\n")
        applied.add("crlf")
    return text, [k for k in KINDS if k in applied]


def choose_kinds(article, rng):
    """The kinds to inject: none for about 10% of articles, else 1-4 that can apply."""
    if rng.random() < 0.1:
        return []
    has_non_ascii = any(ord(c) > 127 for c in article.title + article.text())
    possible = [k for k in KINDS
                if (k != "mojibake" or has_non_ascii)
                # a Windows-1252 file cannot hold zero-width characters; keep it Windows-1252
                and (k != "zero_width" or article.encoding == "utf-8")]
    return sorted(rng.sample(possible, rng.randint(1, 4)), key=KINDS.index)


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------

def check_out_dir(out):
    """Refuses a folder inside the repository, or a non-empty one that is not ours."""
    out = os.path.abspath(out)
    if os.path.commonpath([out, REPO]) == REPO:
        sys.exit(f"error: {out} is inside the repository; corpus output must stay outside it")
    if os.path.isdir(out) and os.listdir(out) and \
            not os.path.exists(os.path.join(out, "expected.jsonl")):
        sys.exit(f"error: {out} is not empty and holds no expected.jsonl; give a new folder")
    shutil.rmtree(os.path.join(out, "content"), ignore_errors=True)
    os.makedirs(os.path.join(out, "content"), exist_ok=True)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", required=True, choices=["bbc-dev", "reuters21578"])
    ap.add_argument("--out", required=True, help="output folder, outside the repository")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--limit", type=int, help="keep only the first N articles")
    ap.add_argument("--variants", choices=sorted(WORDINGS), default="default",
                    help="which list of residue wordings to use")
    a = ap.parse_args()
    out = check_out_dir(a.out)
    words = WORDINGS[a.variants]

    with tempfile.TemporaryDirectory() as tmp:
        articles = [read_article(p, a.corpus == "reuters21578") for p in unpack(a.corpus, tmp)]
    # Headlines come from the whole corpus, so that --limit does not change the output.
    headlines = [x.title for x in articles if x.title]
    articles = articles[: a.limit] if a.limit else articles

    counts = {k: 0 for k in KINDS}
    clean = 0
    with open(os.path.join(out, "expected.jsonl"), "w", encoding="utf-8") as expected:
        for art in articles:
            rng = random.Random(f"{a.seed}/{a.corpus}/{art.ident}")
            wrng = random.Random(f"{a.seed}/{a.corpus}/{art.ident}/{a.variants}")
            # a few other stories' titles, for "Read more" lines and related footers
            others = [h for h in wrng.sample(headlines, min(len(headlines), 12)) if h != art.title]
            text, kinds = make_noisy(art, choose_kinds(art, rng), rng, wrng, words, others)
            fname = art.ident + ".txt"
            data = None
            if art.encoding != "utf-8":  # keep the odd encoding where the noise allows
                try:
                    data = text.encode(art.encoding)
                except UnicodeEncodeError:
                    pass
            with open(os.path.join(out, "content", fname), "wb") as f:
                f.write(data if data is not None else text.encode("utf-8"))
            record = {"file": "content/" + fname, "title": art.title, "text": art.text(),
                      "noise": kinds, "traits": traits(art)}
            expected.write(json.dumps(record, ensure_ascii=False) + "\n")
            clean += not kinds
            for k in kinds:
                counts[k] += 1

    print(f"{len(articles)} articles ({clean} clean) -> {out}/content, {out}/expected.jsonl",
          file=sys.stderr)
    print("kinds: " + ", ".join(f"{k} {n}" for k, n in counts.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
