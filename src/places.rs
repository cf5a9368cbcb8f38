//! Place detection: which places an article names, which it is about, and where it names them.
//!
//! Takes an article's source text cut into [`Segment`]s (title and body lines, with their
//! offsets in the file) and the [`Gazetteer`]; gives a list of [`FoundPlace`]s, each with its
//! parent chain, an `about` flag and every mention as code-point offsets into the source file.
//! One pass finds candidate names (word n-grams looked up in the gazetteer); decisions are then
//! taken per document: which sense of a name the rest of the article supports, whether a small
//! place has support, and whether a capitalised word is a person, an organisation or a common
//! word rather than a place.

use crate::convert::{Conversion, header_line, is_header_key};
use crate::gazetteer::{Gazetteer, Kind, Lookup, Name, NameFlags, Place, PlaceId, normalize};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// One mention of a place: code-point offsets into the source file and the text there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// First code point of the mention.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// The mention as written.
    pub text: String,
}

/// A place an article names, with the evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FoundPlace {
    /// Its English name ("Spin Boldak"); for a curated place the gazetteer does not know, the
    /// name as the curator wrote it.
    pub name: String,
    /// What kind of place it is (`country`, `admin1`, `city` ...); null when unknown.
    pub kind: Option<&'static str>,
    /// Its GeoNames id, where GeoNames has one.
    pub geonames_id: Option<u32>,
    /// Its country's ISO 3166-1 alpha-2 code.
    pub country: Option<String>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
    /// The places above it, nearest first: region, country, continent.
    pub parents: Vec<String>,
    /// Whether the article is about it (dateline, title, repeated or leading mentions), as
    /// opposed to naming it in passing.
    pub about: bool,
    /// Every mention, in the order of the text.
    pub mentions: Vec<Mention>,
    /// The gazetteer's place, if it knows it.
    #[serde(skip)]
    pub place: Option<PlaceId>,
}

impl FoundPlace {
    /// A curated place the gazetteer does not know: its name as written, nothing else, and
    /// about the article (a curator listed it).
    pub fn unknown(name: &str) -> FoundPlace {
        FoundPlace {
            name: name.to_string(),
            kind: None,
            geonames_id: None,
            country: None,
            lat: None,
            lon: None,
            parents: Vec::new(),
            about: true,
            mentions: Vec::new(),
            place: None,
        }
    }
}

/// What a line of the source is to detection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The headline.
    Title,
    /// A line of the body.
    Body,
}

/// A line of the source to search, and where it stands in the file.
#[derive(Debug, Clone, Copy)]
pub struct Segment<'a> {
    /// The line's text, exactly as in the file.
    pub text: &'a str,
    /// The code-point offset of its first character in the file.
    pub start: usize,
    /// Headline or body.
    pub role: Role,
    /// Whether it starts a paragraph (so its first word starts a sentence).
    pub paragraph_start: bool,
    /// Whether it belongs to the first paragraph of the body (the lead).
    pub lead: bool,
}

/// Where a dateline's place stands: at the start of a body segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatelinePlace {
    /// The segment.
    pub segment: usize,
    /// The length in code points of the place's own name ("SAN JOSE").
    pub name: usize,
    /// The length of the whole place, with its region ("SAN JOSE, Calif.").
    pub length: usize,
}

/// An article as detection reads it.
#[derive(Debug, Clone, Default)]
pub struct Document<'a> {
    /// Title and body lines, in file order.
    pub segments: Vec<Segment<'a>>,
    /// The dateline's place ("KABUL", "SAN JOSE, Calif."), if the article has a dateline.
    pub dateline: Option<DatelinePlace>,
    /// The article's date: a place is given the country it was in then (Moscow in 1987:
    /// the Soviet Union).
    pub date: Option<crate::date::Date>,
}

impl<'a> Document<'a> {
    /// The document of a plain-text source: the title line and the body lines, leaving out
    /// the header block and the lines the conversion dropped as residue, so that mentions are
    /// offsets into the file itself.
    pub fn of_text(raw: &'a str, conversion: &Conversion) -> Document<'a> {
        let dropped: HashSet<usize> = conversion
            .removed
            .iter()
            .filter(|r| !is_repair(r.reason))
            .map(|r| r.line)
            .collect();
        let lines = lines_with_offsets(raw);
        let blank = |l: &str| l.trim().is_empty();
        let mut i = 0;
        while i < lines.len() && blank(lines[i].1) {
            i += 1;
        }
        let mut document = Document::default();
        if i < lines.len() && header_line(lines[i].1).is_some_and(|(k, _)| is_header_key(k)) {
            while i < lines.len() && !blank(lines[i].1) && header_line(lines[i].1).is_some() {
                let (start, line) = lines[i];
                if let Some(value) = line
                    .split_once(':')
                    .and_then(|(k, v)| k.trim().eq_ignore_ascii_case("title").then_some(v))
                {
                    let skip = line.len() - value.len();
                    document.segments.push(Segment {
                        text: value,
                        start: start + line[..skip].chars().count(),
                        role: Role::Title,
                        paragraph_start: true,
                        lead: false,
                    });
                }
                i += 1;
            }
        }
        while i < lines.len() && blank(lines[i].1) {
            i += 1;
        }
        if conversion.header.title.as_deref().is_none_or(str::is_empty) && i < lines.len() {
            let (start, line) = lines[i];
            document.segments.push(Segment {
                text: line,
                start,
                role: Role::Title,
                paragraph_start: true,
                lead: false,
            });
            i += 1;
        }
        let mut previous_blank = true;
        let mut paragraphs = 0;
        for (n, &(start, line)) in lines.iter().enumerate().skip(i) {
            if blank(line) {
                previous_blank = true;
                continue;
            }
            if dropped.contains(&(n + 1)) {
                continue;
            }
            if previous_blank {
                paragraphs += 1;
            }
            let ends_sentence = document
                .segments
                .last()
                .is_some_and(|s| s.role == Role::Body && ends_sentence(s.text));
            document.segments.push(Segment {
                text: line,
                start,
                role: Role::Body,
                paragraph_start: previous_blank || ends_sentence,
                lead: paragraphs == 1,
            });
            previous_blank = false;
        }
        if let Some(first) = document.segments.iter().position(|s| s.role == Role::Body) {
            let place = match &conversion.dateline {
                Some(dateline) => Some(dateline.place.as_str()),
                None => written_dateline(document.segments[first].text),
            };
            if let Some(place) = place {
                let name = place.split(',').next().unwrap_or(place).trim_end();
                document.dateline = Some(DatelinePlace {
                    segment: first,
                    name: name.chars().count(),
                    length: place.chars().count(),
                });
            }
        }
        document
    }

    /// The document of a markdown source: the front matter's title and the body's lines.
    /// `body` is the byte offset where the body starts in `raw`.
    pub fn of_markdown(raw: &'a str, body: usize, title: &str) -> Document<'a> {
        let mut document = Document::default();
        let front = raw.get(..body).unwrap_or("");
        if !title.is_empty()
            && let Some(at) = front.find(title)
        {
            document.segments.push(Segment {
                text: &front[at..at + title.len()],
                start: front[..at].chars().count(),
                role: Role::Title,
                paragraph_start: true,
                lead: false,
            });
        }
        let base = front.chars().count();
        let mut previous_blank = true;
        let mut paragraphs = 0;
        let mut in_code = false;
        for (start, line) in lines_with_offsets(raw.get(body..).unwrap_or("")) {
            let trimmed = line.trim();
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                in_code = !in_code;
                continue;
            }
            if trimmed.is_empty() || in_code {
                previous_blank = true;
                continue;
            }
            if previous_blank {
                paragraphs += 1;
            }
            document.segments.push(Segment {
                text: line,
                start: base + start,
                role: Role::Body,
                paragraph_start: previous_blank,
                lead: paragraphs == 1,
            });
            previous_blank = false;
        }
        document
    }
}

/// A dateline not written in capitals ("New York, March 4 - ", "Montrose, Colo., March 16 -
/// "): its place, when the line starts with words, commas, then a month and a day.
fn written_dateline(line: &str) -> Option<&str> {
    let head = line.get(..line.len().min(90))?;
    let dash = [" - ", " -- ", " — ", " – "]
        .iter()
        .filter_map(|d| head.find(d))
        .min()?;
    let mut end = 0;
    for (i, part) in head[..dash].split(", ").enumerate() {
        let mut words = part.split_whitespace();
        let month = words.next().unwrap_or("").trim_end_matches('.');
        let day = words.next().unwrap_or("");
        if i > 0 && in_list(CALENDAR, month) && day.starts_with(|c: char| c.is_ascii_digit()) {
            return (end > 0).then(|| &line[..end]);
        }
        let name_like =
            part.starts_with(|c: char| c.is_uppercase()) && part.split_whitespace().count() <= 4;
        if !name_like {
            return None;
        }
        end += part.len() + if i > 0 { 2 } else { 0 };
    }
    None
}

/// Reasons the conversion gives for repairs, which keep the line.
fn is_repair(reason: &str) -> bool {
    reason.starts_with("doubled word")
        || reason.starts_with("mojibake")
        || reason.starts_with("invisible")
}

fn lines_with_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut chars = 0;
    for line in text.split('\n') {
        let clean = line.strip_suffix('\r').unwrap_or(line);
        out.push((chars, clean));
        chars += if line.is_ascii() {
            line.len()
        } else {
            line.chars().count()
        } + 1;
    }
    out
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', ':', ')'])
}

/// An archive's own rules, from its config: names never to take for places, and names the
/// gazetteer lacks.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    stop: HashSet<String>,
    extra: HashMap<String, PlaceId>,
    extra_prefixes: HashSet<String>,
}

impl Settings {
    /// Settings from a stop list and extra names (`name -> place`, the place written as for
    /// front matter: a name, `Name, Country` or a GeoNames id). Returns the problems found
    /// (an extra name whose place the gazetteer does not know).
    pub fn new(
        gazetteer: &Gazetteer,
        stop: &[String],
        extra: &[(String, String)],
    ) -> (Settings, Vec<String>) {
        let mut settings = Settings::default();
        let mut problems = Vec::new();
        for name in stop {
            settings.stop.insert(key_of(name));
        }
        for (name, target) in extra {
            match resolve_reference(gazetteer, target, None) {
                Some(id) => {
                    let key = key_of(name);
                    let mut prefix = String::new();
                    for word in key.split(' ') {
                        if !prefix.is_empty() {
                            settings.extra_prefixes.insert(prefix.clone());
                            prefix.push(' ');
                        }
                        prefix.push_str(word);
                    }
                    settings.extra.insert(key, id);
                }
                None => problems.push(format!(
                    "extra place name `{name}`: no place `{target}` in the gazetteer (write a known name, `Name, Country` or a GeoNames id)"
                )),
            }
        }
        (settings, problems)
    }
}

fn key_of(text: &str) -> String {
    let mut key = String::new();
    normalize(text, &mut key);
    key
}

// --- tokens ----------------------------------------------------------------------------------

/// How a word is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// lower case.
    Lower,
    /// Capitalised.
    Capital,
    /// ALL CAPITALS (two letters or more).
    Caps,
    /// Digits and the like.
    Other,
}

/// What stands between a word and the one before it in its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    /// Nothing: the word starts the line.
    Start,
    /// Spaces only.
    Space,
    /// A hyphen.
    Hyphen,
    /// A comma.
    Comma,
    /// Brackets, quotes, slashes and other marks.
    Other,
    /// The end of a sentence.
    Stop,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    segment: u32,
    /// Byte range in the segment's text (without a possessive `'s`).
    start: u32,
    end: u32,
    /// Code points, in the file.
    char_start: u32,
    char_end: u32,
    shape: Shape,
    gap: Gap,
    /// The first word of a sentence.
    sentence: bool,
    possessive: bool,
}

/// Abbreviations whose full stop does not end a sentence.
const DOTTED: &[&str] = &[
    "St", "Ste", "Mt", "Ft", "Pt", "Mr", "Mrs", "Ms", "Dr", "Gen", "Gov", "Sen", "Rep", "Lt",
    "Col", "Capt", "Sgt", "Prof", "Rev", "Maj", "Cmdr", "Adm", "Pres", "Jr", "Sr", "No", "Vol",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs",
];

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Splits a segment into words, appending them to `out`.
fn tokenize(segment: u32, text: &str, base: usize, sentence_start: bool, out: &mut Vec<Token>) {
    let mut chars = text.char_indices().peekable();
    let mut position = base; // code points before the current char
    let mut gap = Gap::Space;
    let mut sentence = sentence_start;
    let first = out.len();
    while let Some(&(i, c)) = chars.peek() {
        if !is_word_char(c) {
            chars.next();
            position += 1;
            let kind = match c {
                ' ' | '\t' | '\u{a0}' => Gap::Space,
                '-' => Gap::Hyphen,
                ',' => Gap::Comma,
                '.' | '!' | '?' | ';' => {
                    sentence = true;
                    Gap::Stop
                }
                _ => Gap::Other,
            };
            gap = gap.max(kind);
            continue;
        }
        let start = i;
        let char_start = position;
        let (mut letters, mut upper, mut first_upper, mut dotted) = (0u32, 0u32, None, false);
        let mut end = i;
        // Where the word's last initial starts (after its last full stop).
        let mut initial = i;
        let mut possessive = false;
        while let Some(&(j, c)) = chars.peek() {
            if is_word_char(c) {
                if c.is_alphabetic() {
                    letters += 1;
                    if c.is_uppercase() {
                        upper += 1;
                    }
                    first_upper.get_or_insert(c.is_uppercase());
                }
                chars.next();
                position += 1;
                end = j + c.len_utf8();
                continue;
            }
            let rest = &text[j + c.len_utf8()..];
            let next = rest.chars().next();
            if c == '.'
                && next.is_some_and(|n| n.is_alphabetic())
                && end - initial <= 2
                && letters > 0
            {
                // U.S, D.C, C.O.M.B: initials joined by full stops, one word however many
                // there are (no "M.B." for Manitoba inside "C.O.M.B.").
                dotted = true;
                chars.next();
                position += 1;
                end = j + 1;
                initial = end;
                continue;
            }
            if is_apostrophe(c) && next.is_some_and(is_word_char) {
                let mut after = rest.chars();
                let s = after.next();
                if matches!(s, Some('s' | 'S')) && !after.next().is_some_and(is_word_char) {
                    possessive = true;
                    chars.next();
                    chars.next();
                    position += 2;
                    break;
                }
                chars.next();
                position += 1;
                end = j + c.len_utf8();
                continue;
            }
            break;
        }
        // A trailing full stop belongs to initials (U.S.) and to known abbreviations (St.).
        let word = &text[start..end];
        if !possessive
            && let Some(&(j, '.')) = chars.peek()
            && (dotted || DOTTED.iter().any(|d| d.eq_ignore_ascii_case(word)))
        {
            chars.next();
            position += 1;
            end = j + 1;
        }
        let shape = if letters >= 2 && upper == letters {
            Shape::Caps
        } else if first_upper == Some(true) {
            Shape::Capital
        } else if letters > 0 {
            Shape::Lower
        } else {
            Shape::Other
        };
        out.push(Token {
            segment,
            start: start as u32,
            end: end as u32,
            char_start: char_start as u32,
            char_end: (position - usize::from(possessive) * 2) as u32,
            shape,
            gap: if out.len() > first { gap } else { Gap::Start },
            sentence,
            possessive,
        });
        gap = Gap::Space;
        sentence = false;
    }
}

// --- word lists --------------------------------------------------------------------------------

/// Lower-case words that may sit inside a place's name ("Gulf of Mexico", "Rio de Janeiro").
const CONNECTORS: &[&str] = &[
    "of", "and", "the", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la",
    "le", "les", "el", "al", "en", "on", "upon", "y", "e", "am", "an", "der", "den", "sur", "i",
    "au", "aux", "bin", "ibn", "ad", "as", "at", "in",
];

/// Capitalised words that start a sentence without being names.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "against",
    "all",
    "along",
    "also",
    "although",
    "among",
    "an",
    "and",
    "another",
    "any",
    "around",
    "as",
    "at",
    "because",
    "before",
    "behind",
    "being",
    "below",
    "beside",
    "besides",
    "between",
    "beyond",
    "both",
    "but",
    "by",
    "despite",
    "during",
    "each",
    "either",
    "even",
    "every",
    "except",
    "few",
    "for",
    "from",
    "further",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "if",
    "in",
    "including",
    "inside",
    "into",
    "it",
    "its",
    "last",
    "like",
    "many",
    "meanwhile",
    "more",
    "most",
    "much",
    "my",
    "near",
    "neither",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "outside",
    "over",
    "per",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "throughout",
    "thus",
    "to",
    "today",
    "toward",
    "towards",
    "under",
    "unlike",
    "until",
    "up",
    "upon",
    "via",
    "was",
    "we",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "with",
    "within",
    "without",
    "yet",
    "you",
    "your",
    "yesterday",
    "tomorrow",
    "tonight",
    "welcome",
    "visit",
    "visiting",
    "greater",
    "downtown",
    "central",
    "rural",
    "urban",
    "coastal",
    "southern",
    "northern",
    "eastern",
    "western",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "mid",
    "upper",
    "lower",
    "inner",
    "outer",
    "mainland",
    "metro",
    "metropolitan",
    "new",
    "old",
    "neighbouring",
    "neighboring",
    "nearby",
    "war-torn",
    "remote",
    "suburban",
];

/// Days and months: capitalised, never places here.
const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Words after a place's name that make it part of a title or an institution's name, which
/// still names the place ("U.S. President", "Kabul Governor", "Toronto Police").
const ROLES: &[&str] = &[
    "president",
    "presidents",
    "prime",
    "minister",
    "ministers",
    "ministry",
    "foreign",
    "defense",
    "defence",
    "secretary",
    "ambassador",
    "ambassadors",
    "embassy",
    "consulate",
    "army",
    "navy",
    "air",
    "military",
    "forces",
    "troops",
    "government",
    "governments",
    "senator",
    "senate",
    "sen",
    "rep",
    "gov",
    "governor",
    "mayor",
    "police",
    "court",
    "supreme",
    "state",
    "department",
    "treasury",
    "congress",
    "congressman",
    "congresswoman",
    "house",
    "parliament",
    "parliamentary",
    "attorney",
    "general",
    "special",
    "federal",
    "justice",
    "interior",
    "finance",
    "trade",
    "energy",
    "health",
    "central",
    "national",
    "coast",
    "border",
    "customs",
    "immigration",
    "intelligence",
    "security",
    "cabinet",
    "chancellor",
    "king",
    "queen",
    "crown",
    "prince",
    "princess",
    "emir",
    "sheikh",
    "sultan",
    "premier",
    "deputy",
    "vice",
    "chief",
    "officials",
    "official",
    "authorities",
    "envoy",
    "legislature",
    "assembly",
    "council",
    "province",
    "provincial",
    "region",
    "regional",
    "county",
    "district",
    "city",
    "town",
    "village",
    "state's",
    "public",
    "commerce",
    "agriculture",
    "environment",
    "education",
    "labor",
    "labour",
    "transport",
    "transportation",
    "fire",
    "emergency",
    "health",
    "olympic",
    "olympics",
    "team",
    "national",
    "navy",
    "marines",
    "marine",
    "guard",
    "election",
    "elections",
    "electoral",
    "bureau",
    "office",
    "agency",
    "commission",
    "commissioner",
    "senior",
    "junior",
    "democrats",
    "democratic",
    "republicans",
    "republican",
    "conservatives",
    "liberals",
    "liberal",
    "socialist",
    "communist",
    "labour",
    "green",
    "greens",
    "party",
    "parties",
    "opposition",
    "rebels",
    "rebel",
    "islamic",
    "muslim",
    "christian",
    "catholic",
    "jewish",
    "arab",
    "kurdish",
    "embassies",
];

/// Heads of institutions named after a place ("Bank of America", "University of Toronto").
const INSTITUTIONS: &[&str] = &[
    "bank",
    "university",
    "college",
    "institute",
    "school",
    "academy",
    "hospital",
    "museum",
    "church",
    "cathedral",
    "club",
    "society",
    "association",
    "company",
    "corporation",
    "federation",
    "foundation",
    "league",
    "orchestra",
    "theatre",
    "theater",
    "gallery",
    "library",
    "zoo",
    "order",
    "archdiocese",
    "diocese",
    "port",
    "airport",
    "times",
    "post",
    "journal",
    "herald",
    "tribune",
    "gazette",
    "news",
    "daily",
    "review",
];

/// Words after a name that make the whole something else than the place the name is
/// ("Orange County", "Kansas City" when the gazetteer lacks it).
const PLACE_WORDS: &[&str] = &[
    "county",
    "counties",
    "city",
    "township",
    "parish",
    "borough",
    "valley",
    "river",
    "lake",
    "mountain",
    "mountains",
    "mount",
    "island",
    "islands",
    "bay",
    "beach",
    "park",
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "boulevard",
    "blvd",
    "square",
    "bridge",
    "station",
    "airport",
    "stadium",
    "arena",
    "center",
    "centre",
    "hall",
    "hotel",
    "mall",
    "hospital",
    "university",
    "college",
    "school",
    "church",
    "tower",
    "heights",
    "hills",
    "falls",
    "creek",
    "harbour",
    "harbor",
    "canal",
    "dam",
    "forest",
    "desert",
    "strait",
    "peninsula",
    "coast",
    "district",
    "prison",
    "camp",
    "base",
    "airfield",
];

/// Words that end a company's name ("Toyota Motor", "Piedmont Airlines", "Santos Ltd"): a
/// town's or a region's name before one is the company's, and so are its other mentions.
const COMPANY_WORDS: &[&str] = &[
    "corp",
    "corporation",
    "co",
    "cos",
    "inc",
    "incorporated",
    "ltd",
    "limited",
    "plc",
    "ag",
    "nv",
    "gmbh",
    "llc",
    "holdings",
    "airlines",
    "airways",
    "motor",
    "motors",
    "industries",
    "petroleum",
    "bancorp",
    "bancshares",
    "bankshares",
    "power",
    "electric",
    "steel",
    "chemical",
    "chemicals",
    "mining",
    "resources",
    "oil",
    "brewing",
    "breweries",
    "pharmaceuticals",
    "telecom",
    "bank",
];

/// Currencies named after their country ("U.S. dollars", "Swiss francs"); not "marks",
/// "won" or "real", which are words too ("Canada marks the day").
const CURRENCIES: &[&str] = &[
    "dollar",
    "dollars",
    "dlr",
    "dlrs",
    "franc",
    "francs",
    "yen",
    "pound",
    "pounds",
    "sterling",
    "peso",
    "pesos",
    "lira",
    "lire",
    "rupee",
    "rupees",
    "rand",
    "krona",
    "kronor",
    "krone",
    "kroner",
    "guilder",
    "guilders",
    "schilling",
    "schillings",
    "shilling",
    "shillings",
    "escudo",
    "escudos",
    "peseta",
    "pesetas",
    "ringgit",
    "baht",
    "yuan",
    "renminbi",
    "rouble",
    "roubles",
    "ruble",
    "rubles",
    "riyal",
    "riyals",
    "rial",
    "rials",
    "dinar",
    "dinars",
    "dirham",
    "dirhams",
    "cruzado",
    "cruzados",
    "austral",
    "australs",
    "euro",
    "euros",
    "currency",
];

/// Verbs of speaking: a person's name stands beside them more often than a place's.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "stated",
    "explained",
    "noted",
    "argued",
    "replied",
    "insisted",
    "asked",
    "tweeted",
    "recalled",
    "warned",
    "admitted",
    "agreed",
    "believes",
    "thinks",
    "knows",
    "smiled",
    "laughed",
    "scored",
    "played",
    "joined",
];

/// Titles before a person's name.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "lord",
    "lady",
    "dame",
    "judge",
    "coach",
    "gen",
    "general",
    "col",
    "colonel",
    "capt",
    "captain",
    "sgt",
    "sergeant",
    "lt",
    "lieutenant",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "president",
    "minister",
    "mayor",
    "prof",
    "professor",
    "rev",
    "reverend",
    "father",
    "sister",
    "brother",
    "uncle",
    "aunt",
    "saint",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "mullah",
    "imam",
    "sheikh",
    "ayatollah",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "director",
    "officer",
    "commander",
    "chief",
    "leader",
    "ceo",
    "secretary",
    "ambassador",
    "actor",
    "actress",
    "singer",
    "player",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "manager",
    "author",
    "writer",
    "journalist",
    "correspondent",
    "columnist",
    "son",
    "daughter",
    "wife",
    "husband",
    "mother",
    "daughter",
    "coach",
    "mp",
    "mep",
    "cllr",
];

/// Words before a name that announce a place ("near Spin Boldak", "the town of Chaman").
const CUES: &[&str] = &[
    "in",
    "near",
    "outside",
    "around",
    "across",
    "from",
    "within",
    "throughout",
    "inside",
    "nearby",
];
const CUE_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "port",
    "capital",
    "suburb",
    "district",
    "province",
    "state",
    "region",
    "county",
    "municipality",
    "island",
    "outskirts",
    "streets",
    "resort",
    "hamlet",
    "settlement",
    "enclave",
    "governorate",
    "prefecture",
    "oblast",
    "commune",
];

/// Countries' capitals and cities this large need no other support in the article.
const PROMINENT_POPULATION: u32 = 100_000;

fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

// --- candidates --------------------------------------------------------------------------------

/// What a mention's surroundings say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    /// Part of a person's or an organisation's name, or a place the gazetteer lacks.
    Reject,
    /// Could be the place, if the article names it elsewhere: a common word starting a
    /// sentence, a word of a headline.
    Weak,
    /// Reads as a place.
    Ok,
}

#[derive(Debug, Clone)]
struct Candidate<'g> {
    first: usize,
    last: usize,
    char_start: u32,
    char_end: u32,
    segment: u32,
    byte_start: u32,
    byte_end: u32,
    lookup: Lookup<'g>,
    extra: Option<PlaceId>,
    /// Written in capitals; and so short that in running text it reads as an acronym.
    all_caps: bool,
    short_caps: bool,
    verdict: Verdict,
    /// Rejected as a person's name: after a first name or a title, beside "said".
    person: bool,
    /// Rejected as a company's name ("Piedmont Airlines").
    organisation: bool,
    /// Names a currency ("U.S. dollars", "Swiss francs").
    currency: bool,
    /// An abbreviation may stand alone here: written with full stops between capitals
    /// ("B.C."), or in a dateline after a comma.
    abbreviation_ok: bool,
    title: bool,
    dateline: bool,
    lead: bool,
    /// 0: none; 1: a preposition before it ("in", "near"); 2: a noun ("the town of").
    cue: u8,
    /// The candidate after ", " (`Atlanta, Ga.`), and the one before.
    comma_next: Option<usize>,
    comma_prev: Option<usize>,
    group: usize,
}

impl Candidate<'_> {
    /// Whether a name may stand for its place as this mention writes it.
    fn allows(&self, name: &Name) -> bool {
        name_allowed(
            name,
            self.all_caps,
            self.short_caps,
            self.comma_prev.is_some() || self.abbreviation_ok,
        )
    }
}

/// The places of one group of candidates (those sharing a name), as found so far.
#[derive(Debug, Default)]
struct Group {
    senses: Vec<(PlaceId, NameFlags)>,
    members: Vec<usize>,
    common_word: bool,
    person_name: bool,
    extra: bool,
    ok: bool,
    dateline: bool,
    title: bool,
    cue: u8,
    /// Some mention reads as a person's name: then every mention does, unless a cue or a
    /// comma says otherwise ("Georgia Lee ... Georgia won the race").
    person_evidence: bool,
    /// Some mention is a company's name: then every mention is, unless a cue or a dateline
    /// says otherwise ("Toyota Motor ... Toyota said").
    organisation_evidence: bool,
    /// The states after a comma in the dateline ("WALL, N.J."), when this is its town.
    dateline_states: Vec<PlaceId>,
    choice: Option<PlaceId>,
}

/// Everything the detector found in one document, before the output is shaped.
struct Analysis<'g> {
    candidates: Vec<Candidate<'g>>,
    groups: Vec<Group>,
}

/// Finds the places of a document.
pub fn detect(gazetteer: &Gazetteer, settings: &Settings, document: &Document) -> Vec<FoundPlace> {
    let analysis = analyse(gazetteer, settings, document);
    let mut found: Vec<FoundPlace> = Vec::new();
    let mut evidence: Vec<Evidence> = Vec::new();
    let mut index: HashMap<PlaceId, usize> = HashMap::new();
    for group in &analysis.groups {
        let Some(id) = group.choice else { continue };
        let at = *index.entry(id).or_insert_with(|| {
            found.push(found_place(gazetteer, id));
            evidence.push(Evidence::default());
            found.len() - 1
        });
        // "Afghans", "Britons": nouns for people count as evidence, not as mentions of the
        // place.
        let people = group.senses.iter().find(|s| s.0 == id).is_some_and(|s| {
            s.1.contains(NameFlags::PEOPLE) && !s.1.contains(NameFlags::ADJECTIVE)
        });
        for &m in &group.members {
            let c = &analysis.candidates[m];
            if c.verdict == Verdict::Reject {
                continue;
            }
            let e = &mut evidence[at];
            // "Swiss francs", "U.S. dollars": a price, not a place the story is about.
            e.count += usize::from(!c.currency);
            e.dateline |= c.dateline;
            e.title |= c.title;
            e.lead |= c.lead;
            if !people {
                found[at].mentions.push(mention(document, c));
            }
        }
    }
    // What an article is about: its dateline's place, a place of its headline named again, a
    // place named three times with once in the lead, or five times. A country counts the
    // mentions of its own towns and regions.
    let ids: Vec<PlaceId> = found.iter().filter_map(|p| p.place).collect();
    let mut weights: Vec<usize> = evidence.iter().map(|e| e.count).collect();
    for (j, &id) in ids.iter().enumerate() {
        for parent in gazetteer.parents(id) {
            if let Some(&i) = index.get(&parent.id) {
                weights[i] += evidence[j].count;
            }
        }
    }
    for ((place, e), weight) in found.iter_mut().zip(&evidence).zip(weights) {
        place.about =
            e.dateline || (e.title && weight >= 2) || (e.lead && weight >= 3) || weight >= 5;
    }
    if let Some(date) = document.date {
        for place in &mut found {
            if let Some(code) = place
                .country
                .as_deref()
                .and_then(|c| former_state(gazetteer, c, date))
            {
                place.country = Some(code.to_string());
            }
        }
    }
    finish(&mut found);
    found
}

/// Former states and the day after which they were gone; East Germany is left out, because
/// its successor holds West Germany too.
const FORMER_STATES: [(&str, (i32, u8, u8)); 4] = [
    ("SU", (1991, 12, 26)),
    ("YU", (1992, 4, 27)),
    ("CS", (1992, 12, 31)),
    ("AN", (2010, 10, 10)),
];

/// The former state (ISO 3166-3 code) the country `country` was part of on `date`, if any:
/// "SU" for "RU" in 1987, nothing in 1992.
pub fn former_state_on(
    gazetteer: &Gazetteer,
    country: &str,
    date: crate::date::Date,
) -> Option<&'static str> {
    former_state(gazetteer, country, date)
}

/// The former state a country was part of on a date, if any.
fn former_state(
    gazetteer: &Gazetteer,
    country: &str,
    date: crate::date::Date,
) -> Option<&'static str> {
    FORMER_STATES.iter().find_map(|&(code, end)| {
        let former = gazetteer.country(code)?;
        ((date.year, date.month, date.day) <= end
            && gazetteer.successors(former.id).any(|p| p.code() == country))
        .then_some(code)
    })
}

/// What the mentions of one place say about its weight in the article.
#[derive(Debug, Default, Clone, Copy)]
struct Evidence {
    count: usize,
    dateline: bool,
    title: bool,
    lead: bool,
}

fn finish(found: &mut Vec<FoundPlace>) {
    found.retain(|p| !p.mentions.is_empty());
    for place in found.iter_mut() {
        place.mentions.sort_by_key(|m| m.start);
        place.mentions.dedup_by_key(|m| m.start);
    }
    found.sort_by_key(|p| p.mentions.first().map_or(usize::MAX, |m| m.start));
}

fn mention(document: &Document, c: &Candidate) -> Mention {
    let segment = &document.segments[c.segment as usize];
    Mention {
        start: c.char_start as usize,
        end: c.char_end as usize,
        text: segment.text[c.byte_start as usize..c.byte_end as usize].to_string(),
    }
}

/// A place as the output shows it.
pub fn found_place(gazetteer: &Gazetteer, id: PlaceId) -> FoundPlace {
    let place = gazetteer.place(id);
    FoundPlace {
        name: place.name().to_string(),
        kind: Some(place.kind.as_str()),
        geonames_id: (place.geonames_id != 0).then_some(place.geonames_id),
        country: place.country().map(str::to_string),
        lat: Some(place.lat()),
        lon: Some(place.lon()),
        parents: gazetteer
            .parents(id)
            .map(|p| p.name().to_string())
            .collect(),
        about: false,
        mentions: Vec::new(),
        place: Some(id),
    }
}

fn token_text<'a>(document: &Document<'a>, t: &Token) -> &'a str {
    &document.segments[t.segment as usize].text[t.start as usize..t.end as usize]
}

fn analyse<'g>(gazetteer: &'g Gazetteer, settings: &Settings, document: &Document) -> Analysis<'g> {
    let mut tokens = Vec::new();
    // Headline-shaped lines (Title Case, CAPITALS), where capitals say nothing; and the
    // headline itself, whatever its shape, for what the article is about.
    let mut title_like = Vec::with_capacity(document.segments.len());
    let mut headline = Vec::with_capacity(document.segments.len());
    for (i, segment) in document.segments.iter().enumerate() {
        let from = tokens.len();
        tokenize(
            i as u32,
            segment.text,
            segment.start,
            segment.paragraph_start,
            &mut tokens,
        );
        // A "title" of more than 25 words is the article's first paragraph run into one line.
        let words = tokens.len() - from;
        let shape = headline_shape(document, &tokens[from..]);
        title_like.push(shape);
        headline.push(shape || (segment.role == Role::Title && words <= 25));
    }
    let mut candidates = find_candidates(gazetteer, settings, document, &tokens, &title_like);
    judge(
        gazetteer,
        document,
        &tokens,
        &title_like,
        &headline,
        &mut candidates,
    );
    let groups = resolve(gazetteer, &mut candidates);
    Analysis { candidates, groups }
}

/// Whether a line's words look like a headline's: all in capitals, or nearly all
/// capitalised with no full stop at the end.
fn headline_shape(document: &Document, tokens: &[Token]) -> bool {
    let words: Vec<&Token> = tokens.iter().filter(|t| t.shape != Shape::Other).collect();
    if words.len() < 2 {
        return false;
    }
    let caps = words.iter().filter(|t| t.shape == Shape::Caps).count();
    if caps == words.len() {
        return true;
    }
    let capitalised = words
        .iter()
        .filter(|t| {
            t.shape != Shape::Lower
                || in_list(CONNECTORS, token_text(document, t))
                || matches!(
                    token_text(document, t),
                    "for" | "to" | "with" | "a" | "by" | "as"
                )
        })
        .count();
    let segment = &document.segments[words[0].segment as usize];
    words.len() >= 3
        && capitalised == words.len()
        && words.iter().filter(|t| t.shape != Shape::Lower).count() * 10 >= words.len() * 6
        && !segment.text.trim_end().ends_with(['.', '?', '!', '"', '”'])
}

/// One pass over the words: the longest name starting at each capitalised word.
fn find_candidates<'g>(
    gazetteer: &'g Gazetteer,
    settings: &Settings,
    document: &Document,
    tokens: &[Token],
    title_like: &[bool],
) -> Vec<Candidate<'g>> {
    let mut candidates: Vec<Candidate<'g>> = Vec::new();
    let mut key = String::with_capacity(64);
    let max_words = gazetteer.max_words();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if !matches!(t.shape, Shape::Capital | Shape::Caps) {
            i += 1;
            continue;
        }
        key.clear();
        let mut best: Option<(usize, Lookup<'g>, Option<PlaceId>)> = None;
        let mut j = i;
        while j < tokens.len() && j < i + max_words {
            let u = &tokens[j];
            if j > i {
                let before = &tokens[j - 1];
                if u.segment != t.segment
                    || before.possessive
                    || !matches!(u.gap, Gap::Space | Gap::Hyphen)
                {
                    break;
                }
            }
            let word = token_text(document, u);
            normalize(word, &mut key);
            let lookup = gazetteer.lookup(&key);
            let extra = settings.extra.get(key.as_str()).copied();
            let capital = matches!(u.shape, Shape::Capital | Shape::Caps);
            if capital && (!lookup.names.is_empty() || extra.is_some()) {
                best = Some((j, lookup, extra));
            }
            let extends = lookup.extends || settings.extra_prefixes.contains(key.as_str());
            if !extends || (!capital && !in_list(CONNECTORS, word)) {
                break;
            }
            j += 1;
        }
        let Some((last, lookup, extra)) = best else {
            i += 1;
            continue;
        };
        if last == i && extra.is_none() && in_list(CALENDAR, token_text(document, t)) {
            // "March", "August": months, not the towns of that name.
            i += 1;
            continue;
        }
        let key_now = if extra.is_none() {
            // The stop list and case rules see the matched words only.
            let mut k = String::new();
            for u in &tokens[i..=last] {
                normalize(token_text(document, u), &mut k);
            }
            k
        } else {
            String::new()
        };
        if extra.is_none() && settings.stop.contains(&key_now) {
            i = last + 1;
            continue;
        }
        let first_token = &tokens[i];
        let last_token = &tokens[last];
        let segment = &document.segments[first_token.segment as usize];
        let mut byte_end = last_token.end;
        let mut char_end = last_token.char_end;
        let text = &segment.text[first_token.start as usize..byte_end as usize];
        let all_caps = tokens[i..=last]
            .iter()
            .all(|u| u.shape == Shape::Caps || (u.shape == Shape::Other));
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let comma_prev = candidates
            .last()
            .filter(|c| c.last + 1 == i && first_token.gap == Gap::Comma)
            .map(|_| candidates.len() - 1);
        // "NORTH STONINGTON, Conn.": in a dateline, an abbreviation after a comma stands for
        // its region even when the town is not in the gazetteer.
        let in_dateline = document.dateline.is_some_and(|d| {
            let start = document.segments[d.segment].start;
            d.segment as u32 == first_token.segment
                && first_token.gap == Gap::Comma
                && (last_token.char_end as usize) <= start + d.length
        });
        // "NICE", "CHAD" in running text are acronyms, not places; a dateline or a headline
        // in capitals is another matter.
        let caps_line = title_like[first_token.segment as usize] || first_token.gap == Gap::Start;
        let short_caps = all_caps && letters <= 4 && !caps_line && !in_dateline;
        // "B.C." and "N.Y." written with their full stops stand alone; "BC" and "Ga." only
        // after a town and a comma.
        let dotted_caps = all_caps && text.contains('.');
        let any_name = lookup.names.iter().any(|n| {
            name_allowed(
                n,
                all_caps,
                short_caps,
                comma_prev.is_some() || dotted_caps || in_dateline,
            )
        });
        if !any_name && extra.is_none() {
            i += 1;
            continue;
        }
        // "Ky." and "B.C." are written with their full stop.
        if text.ends_with(|c: char| c.is_alphabetic())
            && segment.text[byte_end as usize..].starts_with('.')
            && lookup
                .names
                .iter()
                .any(|n| n.flags.contains(NameFlags::ABBREVIATION) && n.text().ends_with('.'))
            && (comma_prev.is_some() || in_dateline)
        {
            byte_end += 1;
            char_end += 1;
        }
        if let Some(p) = comma_prev {
            let n = candidates.len();
            candidates[p].comma_next = Some(n);
        }
        candidates.push(Candidate {
            first: i,
            last,
            char_start: first_token.char_start,
            char_end,
            segment: first_token.segment,
            byte_start: first_token.start,
            byte_end,
            lookup,
            extra,
            all_caps,
            short_caps,
            verdict: Verdict::Ok,
            person: false,
            organisation: false,
            currency: false,
            abbreviation_ok: dotted_caps || in_dateline,
            title: false,
            dateline: false,
            lead: segment.lead,
            cue: 0,
            comma_next: None,
            comma_prev,
            group: 0,
        });
        i = last + 1;
    }
    candidates
}

/// Whether a name may stand for its place as the text writes it.
fn name_allowed(name: &Name, all_caps: bool, short_caps: bool, after_comma_place: bool) -> bool {
    if name.flags.contains(NameFlags::ABBREVIATION) {
        // "Ga.", "GA", "CONN." after a town and a comma.
        return after_comma_place && (all_caps || !name.flags.contains(NameFlags::ACRONYM));
    }
    if name.flags.contains(NameFlags::ACRONYM) {
        return all_caps;
    }
    !short_caps
}

/// Reads each candidate's surroundings: headline, dateline, cues, and the words that make it
/// part of another name.
fn judge(
    gazetteer: &Gazetteer,
    document: &Document,
    tokens: &[Token],
    title_like: &[bool],
    headline: &[bool],
    candidates: &mut [Candidate],
) {
    let starts: HashSet<usize> = candidates.iter().map(|c| c.first).collect();
    let first_body = document
        .segments
        .iter()
        .position(|s| s.role == Role::Body)
        .map(|s| s as u32);
    let word = |i: usize| token_text(document, &tokens[i]);
    for c in candidates.iter_mut() {
        let segment = c.segment;
        let first = &tokens[c.first];
        let prev = (c.first > 0 && tokens[c.first - 1].segment == segment).then(|| c.first - 1);
        let next = (c.last + 1 < tokens.len() && tokens[c.last + 1].segment == segment)
            .then_some(c.last + 1);
        c.dateline = match document.dateline {
            // The whole name, not a word of it ("NORTH" of "NORTH STONINGTON, Conn."), and the
            // region after it.
            Some(d) => {
                let start = document.segments[d.segment].start;
                d.segment as u32 == segment
                    && ((c.char_start as usize == start && c.char_end as usize == start + d.name)
                        || (first.gap == Gap::Comma && (c.char_end as usize) <= start + d.length))
            }
            None => {
                Some(segment) == first_body
                    && first.gap == Gap::Start
                    && first.shape == Shape::Caps
                    && next.is_some_and(|n| matches!(tokens[n].gap, Gap::Comma | Gap::Other))
            }
        };
        if c.extra.is_some() || c.dateline {
            continue;
        }
        c.title = headline[segment as usize];
        if title_like[segment as usize] {
            c.verdict = Verdict::Weak;
            continue;
        }
        let names = c.lookup.names;
        // "Canadian Pacific": an adjective before a noun, whatever else the word names.
        let demonym = names.iter().any(|n| n.flags.is_demonym());
        let country = names
            .iter()
            .any(|n| !n.flags.is_demonym() && gazetteer.place(n.place).kind == Kind::Country);
        let person = c.lookup.person_name;

        // Cues before it.
        if let Some(p) = prev
            && tokens[p].shape == Shape::Lower
            && first.gap == Gap::Space
        {
            if in_list(CUES, word(p)) {
                c.cue = 1;
            } else if word(p) == "of"
                && p > 0
                && tokens[p].gap == Gap::Space
                && in_list(CUE_NOUNS, word(p - 1))
            {
                c.cue = 2;
            }
        }

        c.currency = next.is_some_and(|n| {
            tokens[n].gap == Gap::Space
                && tokens[n].shape == Shape::Lower
                && in_list(CURRENCIES, word(n))
        });
        if demonym {
            continue;
        }
        // A common word ("West", "Central", "Union") gets no credit for the famous places it
        // may name.
        let prominent = (!c.lookup.common_word || country)
            && names
                .iter()
                .any(|n| !n.flags.is_demonym() && is_prominent(gazetteer.place(n.place)));
        let capitalised = |i: usize| matches!(tokens[i].shape, Shape::Capital | Shape::Caps);
        // Part of a longer name: "Jordan Henderson", "Washington Post", "Orange County". A
        // country's or a large place's name inside an organisation's still names the place
        // ("Texas Instruments", "Air Canada"); a small town's is a surname or a brand.
        if let Some(n) = next
            && tokens[n].gap == Gap::Space
            && capitalised(n)
            && !in_list(CALENDAR, word(n))
        {
            let w = word(n);
            let after = (n + 1 < tokens.len()
                && tokens[n + 1].segment == segment
                && tokens[n + 1].gap == Gap::Space
                && capitalised(n + 1))
            .then(|| word(n + 1));
            let reject = if in_list(PLACE_WORDS, w) {
                true
            } else if !country && in_list(COMPANY_WORDS, w) {
                // "Piedmont Airlines", "Toyota Motor": the company, whose name the article's
                // other mentions are too.
                c.organisation = true;
                true
            } else if person {
                // "Jordan Henderson" is a person; "Washington Post" an organisation, which
                // says nothing of the name's other mentions.
                c.person = !in_list(INSTITUTIONS, w);
                true
            } else if in_list(ROLES, w)
                && after.is_some_and(|a| in_list(INSTITUTIONS, a) || in_list(PLACE_WORDS, a))
            {
                // "Ohio State University".
                true
            } else if !country
                && !tokens[c.last].possessive
                && after.is_some_and(|a| in_list(PLACE_WORDS, a))
            {
                // "George Washington Bridge": a longer name of another place.
                true
            } else {
                !(prominent || (in_list(ROLES, w) && !c.lookup.common_word))
            };
            if reject {
                c.verdict = Verdict::Reject;
                continue;
            }
        }
        // Joined by a hyphen to a word that names no place: "Bristol-Myers", "Tokyo-Mitsubishi"
        // ("Dallas-Fort Worth" names two; "IBA-Karachi" joins an acronym to the place).
        let hyphened = |i: usize| {
            tokens[i].segment == segment
                && tokens[i].shape == Shape::Capital
                && !starts.contains(&i)
                && !in_list(CALENDAR, word(i))
        };
        let joined = |a: &Token, b: &Token| b.gap == Gap::Hyphen && b.char_start == a.char_end + 1;
        if !country
            && (next.is_some_and(|n| joined(&tokens[c.last], &tokens[n]) && hyphened(n))
                || prev.is_some_and(|p| joined(&tokens[p], first) && hyphened(p)))
        {
            c.verdict = Verdict::Reject;
            continue;
        }
        if let Some(p) = prev
            && first.gap == Gap::Space
            && capitalised(p)
            && !in_list(FUNCTION_WORDS, word(p))
            && !in_list(CALENDAR, word(p))
        {
            // "President Obama", "Hillary Clinton", "Michael Jordan"; and a famous name
            // between two others is part of a longer name too ("Fernando Santos Alvite",
            // "Marine Energy Wales Conference").
            let honorific = in_list(HONORIFICS, word(p));
            let inside = !country
                && !tokens[c.last].possessive
                && next.is_some_and(|n| {
                    tokens[n].gap == Gap::Space
                        && capitalised(n)
                        && !in_list(CALENDAR, word(n))
                        && !in_list(FUNCTION_WORDS, word(n))
                });
            if honorific || person || !prominent {
                c.verdict = Verdict::Reject;
                c.person = honorific || person || !starts.contains(&p);
                continue;
            }
            if inside {
                c.verdict = Verdict::Reject;
                continue;
            }
        }
        if let Some(p) = prev
            && first.gap == Gap::Space
            && word(p).eq_ignore_ascii_case("the")
            && !prominent
        {
            // "the Centre", "the Olympic Games": towns do not take an article.
            c.verdict = Verdict::Reject;
            continue;
        }
        if c.lookup.common_word
            && next.is_some_and(|n| tokens[n].gap == Gap::Space && word(n) == "of")
            && !country
        {
            // "University of Toronto".
            c.verdict = Verdict::Reject;
            continue;
        }
        if let Some(p) = prev
            && first.gap == Gap::Space
            && tokens[p].shape == Shape::Lower
            && word(p) == "of"
            && p > 0
            && tokens[p].gap == Gap::Space
            && tokens[p - 1].shape != Shape::Lower
            && in_list(INSTITUTIONS, word(p - 1))
        {
            // "Bank of America", "University of Toronto".
            c.verdict = Verdict::Reject;
            continue;
        }
        if !country
            && let Some(p) = prev
            && first.gap == Gap::Space
            && tokens[p].shape == Shape::Lower
            && in_list(HONORIFICS, word(p))
        {
            // "spokesman Naeem", "striker Jordan".
            c.verdict = Verdict::Reject;
            c.person = true;
            continue;
        }
        if person || !prominent {
            let speech_after =
                next.is_some_and(|n| tokens[n].gap == Gap::Space && in_list(SPEECH, word(n)));
            let speech_before =
                prev.is_some_and(|p| first.gap == Gap::Space && in_list(SPEECH, word(p)));
            if speech_after || speech_before {
                // "Chad said", "said Durant": a person. A large place beside "said" stands for
                // its government ("Washington said").
                c.verdict = Verdict::Reject;
                c.person = true;
                continue;
            }
        }
        if first.sentence && c.lookup.common_word && first.shape == Shape::Capital && !country {
            // "Nice to see", "Reading is": a common word starting a sentence.
            c.verdict = Verdict::Weak;
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum GroupKey {
    Names(usize),
    Extra(PlaceId),
}

/// A place's standing without context: countries first, then capitals, regions and towns by
/// size.
fn prior(place: &Place) -> f64 {
    let population = f64::from(place.population.max(1));
    match place.kind {
        Kind::Continent => 95.0,
        Kind::Country if place.is_historic() => 88.0,
        Kind::Country => 100.0,
        Kind::Region | Kind::Sea => 75.0,
        Kind::Admin1 => 40.0 + 3.0 * (population + 10.0).log10(),
        // A capital counts as a town three hundred times its size.
        Kind::City if place.is_capital() => 25.0 + 10.0 * population.max(1000.0).log10(),
        Kind::City => 10.0 * population.max(1000.0).log10(),
    }
}

fn is_prominent(place: &Place) -> bool {
    match place.kind {
        Kind::City => {
            (place.is_capital() && place.population >= PROMINENT_POPULATION / 4)
                || place.population >= PROMINENT_POPULATION
        }
        // A region's population is the sum of its towns': the parishes of small islands
        // (Paul, Cabo Verde) are not famous.
        Kind::Admin1 => place.population >= 2 * PROMINENT_POPULATION,
        _ => true,
    }
}

fn country_code(place: &Place) -> Option<[u8; 2]> {
    match place.country()?.as_bytes() {
        &[a, b] => Some([a, b]),
        _ => None,
    }
}

/// The first-level region a place lies in (itself, for a region).
fn admin1_of(gazetteer: &Gazetteer, place: &Place) -> Option<PlaceId> {
    match place.kind {
        Kind::Admin1 => Some(place.id),
        Kind::City => place
            .parent()
            .filter(|&p| gazetteer.place(p).kind == Kind::Admin1),
        _ => None,
    }
}

/// What the places chosen so far say: how many groups name each country and region.
#[derive(Default)]
struct Context {
    countries: HashMap<[u8; 2], u32>,
    admin1: HashMap<PlaceId, u32>,
    /// Each group's contribution, to leave it out when judging that group.
    contributions: Vec<(Option<[u8; 2]>, Option<PlaceId>)>,
}

impl Context {
    fn build(gazetteer: &Gazetteer, groups: &[Group], anchors: &[bool]) -> Context {
        let mut context = Context::default();
        for (group, &anchor) in groups.iter().zip(anchors) {
            let contribution = match group.choice.filter(|_| anchor) {
                Some(id) => {
                    let place = gazetteer.place(id);
                    (country_code(place), admin1_of(gazetteer, place))
                }
                None => (None, None),
            };
            if let Some(c) = contribution.0 {
                *context.countries.entry(c).or_default() += 1;
            }
            if let Some(a) = contribution.1 {
                *context.admin1.entry(a).or_default() += 1;
            }
            context.contributions.push(contribution);
        }
        context
    }

    /// Whether groups other than `group` name this country.
    fn country(&self, group: usize, code: Option<[u8; 2]>) -> bool {
        let Some(code) = code else { return false };
        let own = self.contributions.get(group).and_then(|c| c.0) == Some(code);
        self.countries.get(&code).copied().unwrap_or(0) > u32::from(own)
    }

    fn admin1(&self, group: usize, id: Option<PlaceId>) -> bool {
        let Some(id) = id else { return false };
        let own = self.contributions.get(group).and_then(|c| c.1) == Some(id);
        self.admin1.get(&id).copied().unwrap_or(0) > u32::from(own)
    }
}

/// Groups the candidates by name and chooses each group's place.
fn resolve(gazetteer: &Gazetteer, candidates: &mut [Candidate]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: HashMap<GroupKey, usize> = HashMap::new();
    for (i, c) in candidates.iter_mut().enumerate() {
        let key = match c.extra {
            Some(id) => GroupKey::Extra(id),
            None => GroupKey::Names(c.lookup.names.as_ptr() as usize),
        };
        let g = *by_key.entry(key).or_insert_with(|| {
            groups.push(Group {
                common_word: c.lookup.common_word,
                person_name: c.lookup.person_name,
                extra: c.extra.is_some(),
                ..Group::default()
            });
            groups.len() - 1
        });
        c.group = g;
        let group = &mut groups[g];
        group.members.push(i);
        group.person_evidence |= c.person;
        group.organisation_evidence |= c.organisation;
        if c.verdict != Verdict::Reject {
            group.ok |= c.verdict == Verdict::Ok;
            group.dateline |= c.dateline;
            group.title |= c.title;
            group.cue = group.cue.max(c.cue);
        }
    }
    for group in &mut groups {
        let members = &group.members;
        let first = &candidates[members[0]];
        if let Some(id) = first.extra {
            group.senses.push((id, NameFlags::PRIMARY));
            continue;
        }
        for name in first.lookup.names {
            if members.iter().any(|&m| candidates[m].allows(name)) {
                group.senses.push((name.place, name.flags));
            }
        }
    }
    // The places named right after a comma ("Paris, Texas"), for each group.
    let mut comma_targets: Vec<Vec<PlaceId>> = vec![Vec::new(); groups.len()];
    for c in candidates.iter() {
        if let Some(d) = c.comma_next {
            let targets: Vec<PlaceId> = groups[candidates[d].group]
                .senses
                .iter()
                .map(|s| s.0)
                .collect();
            if c.dateline {
                // "WALL, N.J.": the states the dateline puts its town in.
                let states = targets
                    .iter()
                    .copied()
                    .filter(|&t| gazetteer.place(t).kind == Kind::Admin1);
                groups[c.group].dateline_states.extend(states);
            }
            comma_targets[c.group].extend(targets);
        }
    }

    let live: Vec<bool> = groups
        .iter()
        .map(|g| g.ok || g.dateline || g.title || g.extra)
        .collect();
    let mut context = Context::default();
    for round in 0..3 {
        for (k, group) in groups.iter_mut().enumerate() {
            group.choice = if live[k] {
                choose(gazetteer, group, k, &context, &comma_targets[k], round > 0)
            } else {
                None
            };
        }
        let anchors: Vec<bool> = groups
            .iter()
            .map(|g| {
                g.ok || g.dateline
                    || g.extra
                    || (g.title && g.choice.is_some_and(|id| is_prominent(gazetteer.place(id))))
            })
            .collect();
        context = Context::build(gazetteer, &groups, &anchors);
    }
    for group in &mut groups {
        let Some(id) = group.choice else { continue };
        let place = gazetteer.place(id);
        let strong_cue = group.cue >= 2 || group.dateline || group.extra;
        let keep = (group.ok
            || group.dateline
            || group.extra
            || (group.title && is_prominent(place) && !group.common_word && !group.person_name))
            && (!group.person_evidence || strong_cue)
            && (!group.organisation_evidence || group.cue >= 1 || group.dateline || group.extra);
        if !keep {
            group.choice = None;
        }
    }
    groups
}

/// The best supported place among a group's senses.
fn choose(
    gazetteer: &Gazetteer,
    group: &Group,
    k: usize,
    context: &Context,
    comma_targets: &[PlaceId],
    with_context: bool,
) -> Option<PlaceId> {
    // Each acceptable sense, its score, and whether the text ties the name to it in
    // particular (a region after a comma: "Florida, N.Y.").
    let mut scored: Vec<(f64, PlaceId, bool)> = Vec::with_capacity(group.senses.len());
    for &(id, flags) in &group.senses {
        let place = gazetteer.place(id);
        let code = country_code(place);
        let admin1 = admin1_of(gazetteer, place);
        let country_id = code.and_then(|c| {
            gazetteer
                .country(std::str::from_utf8(&c).unwrap_or(""))
                .map(|p| p.id)
        });
        let comma = comma_targets
            .iter()
            .any(|t| Some(*t) == admin1 || Some(*t) == country_id);
        // A dateline names the city the story was filed from: a famous one, unless its region
        // follows ("LONDON, Ontario").
        let with_context = with_context && !group.dateline;
        let in_country = with_context && context.country(k, code);
        let in_admin1 = with_context && context.admin1(k, admin1);
        let local = in_country || in_admin1 || comma;
        let acceptable = group.dateline
            || group.extra
            || match place.kind {
                Kind::City => {
                    let prominent = is_prominent(place);
                    if group.person_name || group.common_word {
                        local || group.cue >= 2 || (group.cue == 1 && prominent)
                    } else {
                        // A small town needs its region named, or a cue: its country alone
                        // (the United States, with 20,000 towns) is not enough.
                        prominent || in_admin1 || comma || group.cue >= 1
                    }
                }
                Kind::Admin1 => {
                    !(group.person_name || group.common_word) || local || group.cue >= 1
                }
                _ => true,
            };
        if !acceptable {
            continue;
        }
        let mut score = prior(place);
        if in_country {
            // Weak for small towns and regions: a country named does not make its small town
            // of a famous name more likely than the famous place (Toronto, Ohio, beside
            // Toronto); it does make its large city more likely (London, Ontario, in a story
            // about Canada).
            score += match place.kind {
                Kind::Country => 40.0,
                Kind::City if is_prominent(place) => 40.0,
                Kind::City | Kind::Admin1 => 15.0,
                _ => 45.0,
            };
        }
        if in_admin1 {
            score += match place.kind {
                Kind::Admin1 => 40.0,
                _ => 50.0,
            };
        }
        if comma {
            score += 80.0;
        }
        if flags.is_demonym() {
            // "Canadian" is the country's adjective before it is a town in Texas.
            score += 30.0;
        }
        scored.push((score, id, comma));
    }
    // A dateline's town before its state ("WALL, N.J.") lies in that state: if none of the
    // name's senses does, the gazetteer lacks the town, and a namesake elsewhere (Wall in
    // England) is not it.
    if !group.dateline_states.is_empty()
        && !scored.iter().any(|&(_, id, _)| {
            admin1_of(gazetteer, gazetteer.place(id))
                .is_some_and(|a| group.dateline_states.contains(&a))
        })
    {
        return None;
    }
    // What the senses hold, gathered once so that each sense is judged in constant time:
    // the countries with a state of this name, the countries with a famous city of this
    // name, the regions among the senses and the regions holding a town of this name.
    let mut state_countries: Vec<[u8; 2]> = Vec::new();
    let mut famous_countries: Vec<[u8; 2]> = Vec::new();
    let mut regions: Vec<PlaceId> = Vec::new();
    let mut town_regions: Vec<PlaceId> = Vec::new();
    for &(_, id, _) in &scored {
        let place = gazetteer.place(id);
        match place.kind {
            Kind::Admin1 => {
                regions.push(id);
                state_countries.extend(country_code(place));
            }
            Kind::City => {
                if is_prominent(place) {
                    famous_countries.extend(country_code(place));
                }
                town_regions.extend(place.parent());
            }
            _ => {}
        }
    }
    for list in [&mut state_countries, &mut famous_countries] {
        list.sort_unstable();
        list.dedup();
    }
    for list in [&mut regions, &mut town_regions] {
        list.sort_unstable();
        list.dedup();
    }
    // A small town that shares its name with a state of its own country is named after it,
    // and the bare name is the state, however near the article's other places the town lies
    // (Florida, a village in New York, in a story about New York), unless the text ties the
    // name to the town: its region after a comma ("Florida, N.Y."), a noun before it ("the
    // village of Florida"), a dateline, the archive's own name. Likewise a small town named
    // after a famous city of its own country (Boston, New York, beside Boston): its state
    // named in the story is not enough against the city's fame.
    let tied = group.dateline || group.extra || group.cue >= 2;
    let namesake = |town: &Place| {
        country_code(town).is_some_and(|c| {
            state_countries.binary_search(&c).is_ok() || famous_countries.binary_search(&c).is_ok()
        })
    };
    // A city in a region of its own name that holds under a tenth of the region's people
    // yields to the region too: "Quebec" is the province, and its capital is "Quebec City";
    // but "New York" is the city.
    let lesser_namesake = |town: &Place| {
        town.parent().is_some_and(|r| {
            let region = gazetteer.place(r);
            region.kind == Kind::Admin1
                && u64::from(town.population) * 10 < u64::from(region.population)
                && regions.binary_search(&r).is_ok()
        })
    };
    // A dateline names the town the story was filed from, not the region of its name.
    let dateline_town = |region: PlaceId| town_regions.binary_search(&region).is_ok();
    let yields = |id: PlaceId, comma: bool| {
        let place = gazetteer.place(id);
        match place.kind {
            Kind::City => {
                !comma
                    && !group.dateline
                    && !group.extra
                    && ((!is_prominent(place) && !tied && namesake(place))
                        || (!place.is_capital() && lesser_namesake(place)))
            }
            Kind::Admin1 => group.dateline && dateline_town(id),
            _ => false,
        }
    };
    let mut best: Option<(f64, PlaceId)> = None;
    for &(score, id, comma) in &scored {
        if yields(id, comma) {
            continue;
        }
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, id));
        }
    }
    best.map(|(_, id)| id)
}

// --- curated places ----------------------------------------------------------------------------

/// The place a curator's reference names: a GeoNames id ("1138958"), `Name, Country`
/// ("Paris, Texas", "Georgia, US") or a name, taken in the sense detection chose for this
/// article (`detected`) if it found it, else in its most important sense.
fn resolve_reference(
    gazetteer: &Gazetteer,
    reference: &str,
    detected: Option<&[FoundPlace]>,
) -> Option<PlaceId> {
    let reference = reference.trim();
    if !reference.is_empty() && reference.bytes().all(|b| b.is_ascii_digit()) {
        return gazetteer
            .by_geonames_id(reference.parse().ok()?)
            .map(|p| p.id);
    }
    let senses = |name: &str| -> Vec<PlaceId> {
        let mut seen = Vec::new();
        for n in gazetteer.lookup_name(name).names {
            if !n.flags.contains(NameFlags::ABBREVIATION) && !seen.contains(&n.place) {
                seen.push(n.place);
            }
        }
        seen
    };
    if let Some((name, within)) = reference.rsplit_once(',') {
        let within = within.trim();
        let outer: Vec<PlaceId> = gazetteer
            .lookup_name(within)
            .names
            .iter()
            .map(|n| n.place)
            .chain(
                gazetteer
                    .country(&within.to_ascii_uppercase())
                    .map(|p| p.id),
            )
            .chain(gazetteer.by_code(within).map(|p| p.id))
            .collect();
        return senses(name)
            .into_iter()
            .find(|&id| gazetteer.parents(id).any(|p| outer.contains(&p.id)));
    }
    let senses = senses(reference);
    if let Some(found) = detected {
        for place in found {
            if let Some(id) = place.place.filter(|id| senses.contains(id)) {
                return Some(id);
            }
        }
    }
    senses.first().copied()
}

/// The place a curator's reference names, as [`curate`] reads it: a GeoNames id, `Name,
/// Country` or a name (in the sense `found` holds, if it holds one of the name's places, else
/// the most important). `None` when the gazetteer has no such place.
pub fn resolve_curated(
    gazetteer: &Gazetteer,
    reference: &str,
    found: &[FoundPlace],
) -> Option<PlaceId> {
    resolve_reference(gazetteer, reference, Some(found))
}

/// The places of an article whose front matter (or `Places:` header) lists them: the curated
/// list replaces detection (each place with the mentions detection can attribute to it), and
/// `exclude` removes false hits from detection. Gives the places and a warning for each
/// curated place the gazetteer does not know (kept, with the name as written).
pub fn curate(
    gazetteer: &Gazetteer,
    settings: &Settings,
    document: &Document,
    curated: &[String],
    exclude: &[String],
) -> (Vec<FoundPlace>, Vec<String>) {
    let detected = detect(gazetteer, settings, document);
    let mut warnings = Vec::new();
    let mut found = if curated.is_empty() {
        detected
    } else {
        let analysis = analyse(gazetteer, settings, document);
        let mut found: Vec<FoundPlace> = Vec::new();
        for reference in curated {
            // The archive's own names (`[places] names` in its config) hold for curators too.
            let extra = settings.extra.get(&key_of(reference)).copied();
            let Some(id) =
                extra.or_else(|| resolve_reference(gazetteer, reference, Some(&detected)))
            else {
                warnings.push(format!(
                    "place `{reference}` is not in the gazetteer: it is kept as written, without a map point or parents"
                ));
                let mut place = FoundPlace::unknown(reference.trim());
                place.mentions = literal_mentions(document, reference.trim());
                found.push(place);
                continue;
            };
            if found.iter().any(|p| p.place == Some(id)) {
                continue;
            }
            let mut place = found_place(gazetteer, id);
            place.about = true;
            for c in &analysis.candidates {
                let named = match c.extra {
                    Some(extra) => extra == id,
                    None => c.lookup.names.iter().any(|n| n.place == id && c.allows(n)),
                };
                if named {
                    place.mentions.push(mention(document, c));
                }
            }
            found.push(place);
        }
        for place in &mut found {
            place.mentions.sort_by_key(|m| m.start);
            place.mentions.dedup_by_key(|m| m.start);
        }
        found
    };
    if !exclude.is_empty() {
        let excluded: Vec<(Option<PlaceId>, String)> = exclude
            .iter()
            .map(|e| (resolve_reference(gazetteer, e, Some(&found)), key_of(e)))
            .collect();
        found.retain(|p| {
            !excluded
                .iter()
                .any(|(id, key)| (id.is_some() && *id == p.place) || *key == key_of(&p.name))
        });
    }
    (found, warnings)
}

/// Where a name the gazetteer does not know is written in the document, as a whole word.
fn literal_mentions(document: &Document, name: &str) -> Vec<Mention> {
    let mut mentions = Vec::new();
    if name.is_empty() {
        return mentions;
    }
    for segment in &document.segments {
        for (at, _) in segment.text.match_indices(name) {
            let before = segment.text[..at].chars().next_back();
            let after = segment.text[at + name.len()..].chars().next();
            if before.is_some_and(is_word_char) || after.is_some_and(is_word_char) {
                continue;
            }
            let start = segment.start + segment.text[..at].chars().count();
            mentions.push(Mention {
                start,
                end: start + name.chars().count(),
                text: name.to_string(),
            });
        }
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The places found in a plain-text source: (name, country, about, mentions as written).
    fn found_with(
        settings: &Settings,
        text: &str,
    ) -> Vec<(String, Option<String>, bool, Vec<String>)> {
        let conversion = crate::convert::convert("a.txt", text);
        let document = Document::of_text(text, &conversion);
        detect(Gazetteer::get(), settings, &document)
            .into_iter()
            .map(|p| {
                let mentions = p.mentions.iter().map(|m| m.text.clone()).collect();
                (p.name, p.country, p.about, mentions)
            })
            .collect()
    }

    fn found(text: &str) -> Vec<(String, Option<String>, bool, Vec<String>)> {
        found_with(&Settings::default(), text)
    }

    fn names(text: &str) -> Vec<String> {
        found(text).into_iter().map(|p| p.0).collect()
    }

    fn country_of(text: &str, name: &str) -> Option<String> {
        found(text)
            .into_iter()
            .find(|p| p.0 == name)
            .unwrap_or_else(|| panic!("{name} not found in {text:?}"))
            .1
    }

    #[test]
    fn the_sense_the_article_supports_wins() {
        let text = "Storms\n\nFloods hit Paris and Dallas in north Texas on Monday.\n";
        assert_eq!(country_of(text, "Paris").as_deref(), Some("US"));
        let text = "Talks\n\nThe talks in Paris ended on Monday without a deal.\n";
        assert_eq!(country_of(text, "Paris").as_deref(), Some("FR"));
        let state = "Votes\n\nVoters in Atlanta lined up as Georgia counted ballots.\n";
        let georgia = found(state)
            .into_iter()
            .find(|p| p.3.contains(&"Georgia".into()));
        assert_eq!(georgia.map(|p| p.0).as_deref(), Some("Georgia"));
        assert_eq!(country_of(state, "Georgia").as_deref(), Some("US"));
        let country = "Talks\n\nProtesters in Tbilisi want Georgia to change course.\n";
        assert_eq!(country_of(country, "Georgia").as_deref(), Some("GE"));
    }

    /// The kind of place `name` was taken for in `text`, by the mention written `name`.
    fn kind_of(text: &str, name: &str) -> Option<&'static str> {
        detect_one(text, name).kind
    }

    #[test]
    fn a_small_town_named_after_its_countrys_state_needs_the_text_to_say_so() {
        // Florida is also a village in New York: the state is meant, however near the
        // article's other places the village lies.
        let text = "Storms\n\nFlights from New York City and New Jersey to Florida were \
                    cancelled as the storm turned north.\n";
        assert_eq!(kind_of(text, "Florida"), Some("admin1"));
        let text = "Ranch\n\nThe family moved from Ohio to Wyoming after the sale.\n";
        assert_eq!(kind_of(text, "Wyoming"), Some("admin1"));
        // Its region after a comma, or a noun before it, names the village.
        let text = "Fair\n\nThe onion fair in Florida, N.Y., opened on Saturday.\n";
        assert_eq!(kind_of(text, "Florida"), Some("city"));
        let text = "Fair\n\nThe fair in the village of Florida near Goshen, New York, \
                    opened on Saturday.\n";
        assert_eq!(kind_of(text, "Florida"), Some("city"));
    }

    #[test]
    fn a_small_town_named_after_a_famous_city_of_its_country_needs_the_text_to_say_so() {
        // Boston, a town in New York State, is not the Boston of a story that names New York.
        let text = "Snow\n\nSnow closed schools in Albany, New York, and in Boston on \
                    Tuesday.\n";
        let boston = detect_one(text, "Boston");
        assert!(boston.lon.is_some_and(|lon| lon > -72.0), "{boston:?}");
        let text = "Snow\n\nSnow closed schools in Boston, N.Y., on Tuesday.\n";
        let boston = detect_one(text, "Boston");
        assert!(boston.lon.is_some_and(|lon| lon < -75.0), "{boston:?}");
    }

    fn detect_one(text: &str, name: &str) -> FoundPlace {
        let conversion = crate::convert::convert("a.txt", text);
        let document = Document::of_text(text, &conversion);
        detect(Gazetteer::get(), &Settings::default(), &document)
            .into_iter()
            .find(|p| p.mentions.iter().any(|m| m.text == name))
            .unwrap_or_else(|| panic!("{name} not found in {text:?}"))
    }

    #[test]
    fn a_region_is_meant_before_a_much_smaller_city_of_its_name() {
        // Quebec City holds a twentieth of Quebec's people: "Quebec" is the province.
        let text = "Vote\n\nVoters in Montreal and across Quebec chose a new premier.\n";
        assert_eq!(kind_of(text, "Quebec"), Some("admin1"));
        let text = "Vote\n\nThe premier spoke in Quebec City on Monday.\n";
        assert_eq!(kind_of(text, "Quebec City"), Some("city"));
        // A dateline names the city the story was filed from.
        let text = "Vote\n\nQUEBEC, Oct 3 (Reuters) - The premier conceded defeat.\n";
        assert_eq!(kind_of(text, "QUEBEC"), Some("city"));
        // New York City is over a quarter of New York State: "New York" is the city.
        let text = "Markets\n\nShares rose in New York and Chicago on Monday.\n";
        assert_eq!(kind_of(text, "New York"), Some("city"));
    }

    #[test]
    fn a_place_name_that_is_a_companys_is_the_company_throughout() {
        let text = "Traffic\n\nPiedmont Airlines said its load factor rose in May. \
                    Piedmont said bookings were strong.\n";
        assert!(names(text).is_empty(), "{:?}", names(text));
        let text = "Sales\n\nToyota Motor Corp said sales rose. Toyota said exports fell.\n";
        assert!(
            !names(text).contains(&"Toyota".to_string()),
            "{:?}",
            names(text)
        );
        // Unless a cue says the place is meant too; a country lends its name to a company.
        let text = "Oil\n\nAlberta Energy Co said output from its wells in Alberta rose.\n";
        assert_eq!(country_of(text, "Alberta").as_deref(), Some("CA"));
        let text = "Flights\n\nMalaysia Airlines said it would fly to Perth again.\n";
        assert!(
            names(text).contains(&"Malaysia".to_string()),
            "{:?}",
            names(text)
        );
    }

    #[test]
    fn a_famous_name_inside_a_longer_one_is_not_the_place() {
        for (text, not) in [
            (
                "Shares\n\nBristol-Myers Co said its drug trial ended well.\n",
                "Bristol",
            ),
            (
                "Traffic\n\nRepairs closed the George Washington Bridge on Sunday.\n",
                "George",
            ),
            (
                "Talks\n\nThe deputy minister Fernando Santos Alvite arrived for talks.\n",
                "Santos",
            ),
            (
                "Banks\n\nMidland Bank said its profit rose. Midland said costs fell.\n",
                "Midland",
            ),
            // Initials are one word: no Manitoba ("M.B.") inside them.
            (
                "Cable\n\nThe network C.O.M.B. said it would change its name.\n",
                "Manitoba",
            ),
        ] {
            assert!(
                !names(text).contains(&not.to_string()),
                "{not} in {:?}",
                names(text)
            );
        }
        // Two places joined, and a place's possessive before a building, stay places.
        let text = "Flights\n\nThe Dallas-Fort Worth route opened near Seoul's Jamsil \
                    Stadium.\n";
        let found = names(text);
        for place in ["Dallas", "Fort Worth", "Seoul"] {
            assert!(found.contains(&place.to_string()), "{place} in {found:?}");
        }
    }

    #[test]
    fn a_datelines_town_lies_in_the_state_after_it() {
        // The gazetteer has no Wall in New Jersey: the English town is not it.
        let text = "Plant\n\nWALL, N.J., May 2 - A utility said it would build a plant.\n";
        let found = found(text);
        assert!(found.iter().all(|p| p.0 != "Wall"), "{found:?}");
        assert!(
            found.iter().any(|p| p.0 == "New Jersey" && p.2),
            "{found:?}"
        );
        // Older abbreviations of the states name them too.
        let text = "Mill\n\nALTOONA, Penn., May 2 - The mill said it would hire.\n";
        assert_eq!(country_of(text, "Altoona").as_deref(), Some("US"));
        assert_eq!(country_of(text, "Pennsylvania").as_deref(), Some("US"));
    }

    #[test]
    fn a_currency_is_a_price_not_what_the_story_is_about() {
        let text = "Gold\n\nGold rose to 410 U.S. dollars an ounce in Zurich. Dealers paid \
                    U.S. dollars for bars, sold them for U.S. dollars and kept U.S. dollars, \
                    and buyers in Zurich paid 600 Swiss francs.\n";
        let found = found(text);
        let us = found
            .iter()
            .find(|p| p.0 == "United States")
            .expect("named");
        assert_eq!(us.3.len(), 4, "still mentions: {found:?}");
        assert!(!us.2, "not about: {found:?}");
        let text = "Gold\n\nGold rose in Zurich. Dealers in the U.S. paid more, the U.S. \
                    mint sold more, and the U.S. and U.S. banks bought.\n";
        assert!(
            found_about(text, "United States"),
            "named as a place four times and in the lead"
        );
    }

    fn found_about(text: &str, name: &str) -> bool {
        found(text).iter().any(|p| p.0 == name && p.2)
    }

    #[test]
    fn people_common_words_and_organisations_are_not_places() {
        for (text, not) in [
            (
                "Match\n\nJordan Henderson said the team was ready.\n",
                "Jordan",
            ),
            ("Match\n\nAfter the game Chad said he was tired.\n", "Chad"),
            ("Visit\n\nNice to see you again, he told us.\n", "Nice"),
            ("Books\n\nReading is good for the mind.\n", "Reading"),
            ("Schools\n\nMobile phones are banned in class.\n", "Mobile"),
            (
                "Rates\n\nShares of Bank of America rose on Monday.\n",
                "United States",
            ),
            (
                "Media\n\nHe told Al Jazeera on Monday that talks went well.\n",
                "Jazeera",
            ),
            (
                "Politics\n\nPresident Obama met the press on Tuesday.\n",
                "Obama",
            ),
            (
                "Trial\n\nThe court heard that Durant lied, said the judge.\n",
                "Durant",
            ),
            (
                "Dates\n\nThe report came out in March and again in August.\n",
                "March",
            ),
        ] {
            let got = names(text);
            assert!(
                !got.iter().any(|n| n.contains(not)),
                "{not} found in {text:?}: {got:?}"
            );
        }
        // The same words where they do name the place.
        assert!(
            names("Travel\n\nWe spent a week in Nice and Lyon in France.\n")
                .contains(&"Nice".into())
        );
        assert!(
            names("Sport\n\nJordan and Syria met in Amman on Monday.\n").contains(&"Jordan".into())
        );
        assert!(
            names("Trade\n\nChad closed its border with Libya on Monday.\n")
                .contains(&"Chad".into())
        );
    }

    #[test]
    fn demonyms_count_for_their_country() {
        let got = found("Talks\n\nThe Afghan government met Qatari officials.\n");
        assert_eq!(got[0].0, "Afghanistan");
        assert_eq!(got[0].3, ["Afghan"]);
        assert_eq!(got[1].0, "Qatar");
        // A noun for people is evidence, not a mention.
        assert!(names("Refugees\n\nThousands of Afghans waited.\n").is_empty());
    }

    #[test]
    fn small_places_need_support() {
        // Lacombe, a town of 14,000 in Alberta.
        assert!(names("Sport\n\nLacombe won the game on Sunday.\n").is_empty());
        assert!(
            names("Sport\n\nThe team from Lacombe, Alberta, won.\n").contains(&"Lacombe".into())
        );
        assert!(
            names("Sport\n\nThe game was played in Lacombe on Sunday.\n")
                .contains(&"Lacombe".into())
        );
        assert!(names("Sport\n\nAlberta teams met; Lacombe won.\n").contains(&"Lacombe".into()));
    }

    #[test]
    fn abbreviations_follow_a_town_and_a_comma() {
        let got = found("News\n\nHe was born in Atlanta, Ga., in 1950.\n");
        let ga = got.iter().find(|p| p.3 == ["Ga."]).expect("Ga.");
        assert_eq!(ga.0, "Georgia");
        assert_eq!(ga.1.as_deref(), Some("US"));
        assert!(names("Letters\n\nGa is a word.\n").is_empty());
        assert!(names("Trade\n\nB.C. lumber exports fell.\n").contains(&"British Columbia".into()));
    }

    #[test]
    fn headlines_and_datelines() {
        let got = found(
            "Date: 2021-07-17\nSource: AFP\n\nTaliban Seize Border Crossing\n\nKABUL, July 17 (AFP) - Fighting went on near the Pakistan border.\n",
        );
        let kabul = got.iter().find(|p| p.0 == "Kabul").expect("Kabul");
        assert!(kabul.2, "the dateline's place is what the article is about");
        assert_eq!(kabul.3, ["KABUL"]);
        // A title-case headline's words are not taken for small places ("Border", "Crossing").
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn mentions_are_code_point_offsets_into_the_file() {
        let text = "Date: 2021-07-17\nSource: AFP\n\nZürich – talks\n\nDelegates met in Zürich, then flew to Doha.\n";
        let conversion = crate::convert::convert("a.txt", text);
        let document = Document::of_text(text, &conversion);
        let places = detect(Gazetteer::get(), &Settings::default(), &document);
        let chars: Vec<char> = text.chars().collect();
        let mut seen = 0;
        for m in places.iter().flat_map(|p| &p.mentions) {
            let slice: String = chars[m.start..m.end].iter().collect();
            assert_eq!(slice, m.text);
            seen += 1;
        }
        assert_eq!(seen, 3, "{places:?}");
    }

    #[test]
    fn residue_lines_are_skipped() {
        let text = "Title\n\nTalks went on in Doha.\n\nRead more: Kabul airport reopens\n";
        let got = names(text);
        assert_eq!(got, ["Doha"]);
    }

    #[test]
    fn curated_places_replace_detection() {
        let g = Gazetteer::get();
        let text = "Title\n\nTalks in Kabul and Doha. Then Kabul again.\n";
        let conversion = crate::convert::convert("a.txt", text);
        let document = Document::of_text(text, &conversion);
        let curated = [
            "Kabul".to_string(),
            "Camp Nowhere".to_string(),
            "Paris, US".to_string(),
        ];
        let (places, warnings) = curate(g, &Settings::default(), &document, &curated, &[]);
        let summary: Vec<(&str, usize, Option<&str>)> = places
            .iter()
            .map(|p| (p.name.as_str(), p.mentions.len(), p.country.as_deref()))
            .collect();
        assert_eq!(
            summary,
            [
                ("Kabul", 2, Some("AF")),
                ("Camp Nowhere", 0, None),
                ("Paris", 0, Some("US"))
            ]
        );
        assert!(places.iter().all(|p| p.about));
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("Camp Nowhere"));
        // A GeoNames id names a place too; `places_exclude` removes a false hit.
        let (places, _) = curate(g, &Settings::default(), &document, &["1138958".into()], &[]);
        assert_eq!(places[0].name, "Kabul");
        let (places, _) = curate(g, &Settings::default(), &document, &[], &["Doha".into()]);
        assert_eq!(
            places.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["Kabul"]
        );
    }

    #[test]
    fn an_archives_stop_list_and_extra_names() {
        let g = Gazetteer::get();
        let (settings, problems) = Settings::new(
            g,
            &["Doha".to_string()],
            &[
                (
                    "Camp Bastion".to_string(),
                    "Helmand, Afghanistan".to_string(),
                ),
                ("Nowhere".to_string(), "No Such Place".to_string()),
            ],
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
        let got = found_with(&settings, "Title\n\nTroops left Camp Bastion for Doha.\n");
        let names: Vec<&str> = got.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, ["Helmand"]);
        assert_eq!(got[0].3, ["Camp Bastion"]);
        // A curator may write the archive's own names too.
        let text = "Title\n\nTroops left the camp.\n";
        let document = Document::of_text(text, &crate::convert::convert("a.txt", text));
        let (places, warnings) = curate(g, &settings, &document, &["Camp Bastion".into()], &[]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(places[0].name, "Helmand");
    }

    #[test]
    fn every_place_knows_its_chain() {
        let got = detect(
            Gazetteer::get(),
            &Settings::default(),
            &Document::of_text(
                "Title\n\nFighting near Spin Boldak.\n",
                &crate::convert::convert("a.txt", "Title\n\nFighting near Spin Boldak.\n"),
            ),
        );
        assert_eq!(got[0].name, "Spin Boldak");
        assert_eq!(got[0].parents, ["Kandahar", "Afghanistan", "Asia"]);
        assert_eq!(got[0].country.as_deref(), Some("AF"));
    }
}
