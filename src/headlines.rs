//! The titles of an archive's articles, and where one of them stands inside a line of text.
//!
//! Takes the titles of every source of a run; gives, for a line of another article's body, the
//! byte spans where a title stands in it whole. A page's boxes of links (`Related: <headline>`,
//! `Most read`) list the site's other stories, and an archive scraped from the site holds many
//! of them: conversion uses the spans to tell such a box from the article's own words.
//!
//! It also knows the short lines that stand on the pages of many of the archive's articles
//! ([`Headlines::count_lines`]): a site's own furniture, which conversion drops when it has a
//! web page's words and is no sentence.

use crate::convert::Eight;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A title is looked for only when it has this many words or more: shorter ones (`Oil`,
/// `Bank rates`) are words an article uses too.
const MIN_WORDS: usize = 4;

/// The titles of an archive's articles, indexed by their first three words.
#[derive(Debug, Default)]
pub struct Headlines {
    /// Each title's words in lower case (letters and digits only).
    titles: Vec<Box<[Box<str>]>>,
    /// Titles by the hash of their first three words.
    starts: HashMap<u64, Vec<u32>, BuildHasherDefault<KeyHasher>>,
    /// One bit for each of those hashes, folded to [`FILTER_BITS`]: most runs of words in an
    /// article start no title, and are told so here without a look into the map.
    filter: Vec<u64>,
    /// The keys ([`line_key`]) of the short lines that stand on the pages of
    /// [`REPEATED_ON`] or more articles of different titles: a site's own furniture.
    repeated: std::collections::HashSet<u64, BuildHasherDefault<KeyHasher>>,
}

/// On how many articles' pages (of different titles) a line must stand to be the site's.
pub const REPEATED_ON: usize = 3;

/// The most words of a line that is counted as the site's: furniture is short.
const REPEATED_WORDS: usize = 24;

/// The bits of the filter: 128 KiB, held in a core's cache.
const FILTER_BITS: usize = 1 << 20;

/// The keys are hashes already: they are their own hash.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl Headlines {
    /// The titles given, those of four words or more; the same title twice is kept once.
    pub fn new<'a>(titles: impl IntoIterator<Item = &'a str>) -> Self {
        let mut headlines = Headlines::default();
        let mut seen = std::collections::HashSet::new();
        for title in titles {
            let words: Box<[Box<str>]> = lower_words(title).collect();
            if words.len() < MIN_WORDS || !seen.insert(words.clone()) {
                continue;
            }
            let key = start_key(words.iter().map(|w| word_hash(w)));
            let Ok(index) = u32::try_from(headlines.titles.len()) else {
                break;
            };
            headlines.starts.entry(key).or_default().push(index);
            if headlines.filter.is_empty() {
                headlines.filter = vec![0; FILTER_BITS / 64];
            }
            let bit = key as usize % FILTER_BITS;
            headlines.filter[bit / 64] |= 1 << (bit % 64);
            headlines.titles.push(words);
        }
        headlines
    }

    /// Whether there is no title to look for.
    pub fn is_empty(&self) -> bool {
        self.titles.is_empty()
    }

    /// Which of the titles this one is (case, punctuation and spacing aside), if any.
    pub fn find(&self, title: &str) -> Option<usize> {
        let words: Vec<Box<str>> = lower_words(title).collect();
        let key = start_key(words.iter().map(|w| word_hash(w)));
        self.starts
            .get(&key)?
            .iter()
            .map(|&t| t as usize)
            .find(|&t| {
                self.titles[t].len() == words.len()
                    && self.titles[t].iter().zip(&words).all(|(a, b)| **a == **b)
            })
    }

    /// Counts the short lines of each page (`pages`: title and text), and keeps those that
    /// stand on the pages of [`REPEATED_ON`] or more articles of different titles. (One
    /// article saved twice counts once.)
    pub fn count_lines<'a>(&mut self, pages: impl IntoIterator<Item = (&'a str, &'a [u64])>) {
        // (Each line's key and its page's title, mixed into one key.)
        let mut seen: std::collections::HashSet<u64, BuildHasherDefault<KeyHasher>> =
            Default::default();
        let mut count: HashMap<u64, usize, BuildHasherDefault<KeyHasher>> = HashMap::default();
        for (title, keys) in pages {
            let title = line_key(title).unwrap_or(0);
            for &key in keys {
                if seen.insert((key ^ title.rotate_left(32)).wrapping_mul(0x9e37_79b9_7f4a_7c15)) {
                    *count.entry(key).or_default() += 1;
                }
            }
        }
        self.repeated = count
            .into_iter()
            .filter(|&(_, n)| n >= REPEATED_ON)
            .map(|(key, _)| key)
            .collect();
    }

    /// Whether `line` stands on the pages of [`REPEATED_ON`] or more of the archive's
    /// articles (see [`Headlines::count_lines`]).
    pub fn is_repeated(&self, line: &str) -> bool {
        !self.repeated.is_empty() && line_key(line).is_some_and(|k| self.repeated.contains(&k))
    }

    /// The byte spans of `line` where a title other than `own` (an index from
    /// [`Headlines::find`]) stands whole, word for word (case, punctuation and spacing aside),
    /// in order; where two overlap, the longer one that starts first. `scratch` holds the
    /// buffers from one line to the next.
    pub fn spans_in<'s>(
        &self,
        scratch: &'s mut Scratch,
        line: &str,
        own: Option<usize>,
    ) -> &'s [(usize, usize)] {
        let Scratch {
            words,
            hashes,
            found,
        } = scratch;
        found.clear();
        if self.is_empty() {
            return found;
        }
        hashed_words(line, words, hashes);
        if words.len() < MIN_WORDS {
            return found;
        }
        let mut i = 0;
        while i + MIN_WORDS <= words.len() {
            let key = start_key(hashes[i..].iter().copied());
            let bit = key as usize % FILTER_BITS;
            if self.filter[bit / 64] & 1 << (bit % 64) == 0 {
                i += 1;
                continue;
            }
            let best = self
                .starts
                .get(&key)
                .into_iter()
                .flatten()
                .filter(|&&t| Some(t as usize) != own)
                .map(|&t| &self.titles[t as usize])
                .filter(|title| {
                    title.len() <= words.len() - i
                        && title.iter().zip(&words[i..]).all(|(t, &(s, e))| {
                            line[s..e]
                                .chars()
                                .flat_map(char::to_lowercase)
                                .eq(t.chars())
                        })
                })
                .map(|title| title.len())
                .max();
            match best {
                Some(n) => {
                    found.push((words[i].0, words[i + n - 1].1));
                    i += n;
                }
                None => i += 1,
            }
        }
        found
    }
}

/// Buffers for [`Headlines::spans_in`], kept from one line to the next.
#[derive(Debug, Default)]
pub struct Scratch {
    words: Vec<(usize, usize)>,
    hashes: Vec<u64>,
    found: Vec<(usize, usize)>,
}

/// The byte spans of the words of `line`, and their hashes; in one pass over plain ASCII.
fn hashed_words(line: &str, words: &mut Vec<(usize, usize)>, hashes: &mut Vec<u64>) {
    words.clear();
    hashes.clear();
    if !line.is_ascii() {
        words.extend(word_spans(line));
        hashes.extend(words.iter().map(|&(s, e)| word_hash(&line[s..e])));
        return;
    }
    // Eight bytes at a time: the edges of the runs of letters and digits, a bit each.
    let bytes = line.as_bytes();
    let mut push = |start: usize, end: usize| {
        words.push((start, end));
        hashes.push(ascii_hash(bytes, start, end));
    };
    let (chunks, rest) = bytes.as_chunks::<8>();
    let (mut in_word, mut start) = (false, 0);
    for (n, chunk) in chunks.iter().enumerate() {
        let alnum = alphanumeric(Eight::read(chunk).0);
        let mut edges = alnum ^ (alnum << 8 | u64::from(in_word) << 7);
        while edges != 0 {
            let i = n * 8 + (edges.trailing_zeros() / 8) as usize;
            edges &= edges - 1;
            if in_word {
                push(start, i);
            } else {
                start = i;
            }
            in_word = !in_word;
        }
    }
    for (i, b) in rest
        .iter()
        .enumerate()
        .map(|(k, b)| (bytes.len() - rest.len() + k, b))
    {
        if b.is_ascii_alphanumeric() != in_word {
            if in_word {
                push(start, i);
            } else {
                start = i;
            }
            in_word = !in_word;
        }
    }
    if in_word {
        push(start, bytes.len());
    }
}

/// The high bit of each of eight ASCII bytes that is a letter or a digit.
fn alphanumeric(bytes: u64) -> u64 {
    let eight = Eight(bytes);
    eight.ascii_within(b'0', b'9') | eight.ascii_within(b'A', b'Z') | eight.ascii_within(b'a', b'z')
}

/// Eight bytes with the ASCII capitals among them lowered; other bytes as they are.
fn lower_ascii(bytes: u64) -> u64 {
    bytes | Eight(bytes).ascii_within(b'A', b'Z') >> 2
}

/// The hash of the word at `start..end` of `bytes`, [`word_hash`] for plain ASCII.
fn ascii_hash(bytes: &[u8], start: usize, end: usize) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut hash = (end - start) as u64;
    let mut at = start;
    while at < end {
        let left = end - at;
        // (Eight bytes read at once, those past the word masked off; near the end of the
        // line, byte by byte.)
        let chunk = match bytes[at..].first_chunk::<8>() {
            Some(&eight) if left >= 8 => u64::from_le_bytes(eight),
            Some(&eight) => u64::from_le_bytes(eight) & ((1 << (8 * left)) - 1),
            None => bytes[at..end]
                .iter()
                .rev()
                .fold(0, |last, &b| last << 8 | u64::from(b)),
        };
        hash = (hash ^ lower_ascii(chunk)).wrapping_mul(K).rotate_left(31);
        at += 8;
    }
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^ hash >> 33
}

/// The byte spans of the words of `text`: runs of letters and digits.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

/// The words of `text` in lower case.
fn lower_words(text: &str) -> impl Iterator<Item = Box<str>> + '_ {
    word_spans(text).map(|(s, e)| text[s..e].chars().flat_map(char::to_lowercase).collect())
}

/// A word's hash, case aside: of the UTF-8 bytes of its lower-case characters.
fn word_hash(word: &str) -> u64 {
    if word.is_ascii() {
        ascii_hash(word.as_bytes(), 0, word.len())
    } else {
        let lower: String = word.chars().flat_map(char::to_lowercase).collect();
        ascii_hash(lower.as_bytes(), 0, lower.len())
    }
}

/// The key of a short line (two to [`REPEATED_WORDS`] words): its words in lower case,
/// whatever stands between them. (Figures count as written: `Revs 135.0 mln vs 119.0 mln`
/// with `Advertisement` glued on is the article's own row.)
pub fn line_key(line: &str) -> Option<u64> {
    let mut key = 0u64;
    let mut n = 0;
    for (s, e) in word_spans(line) {
        n += 1;
        if n > REPEATED_WORDS {
            return None;
        }
        key = (key.rotate_left(23) ^ word_hash(&line[s..e])).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    (n >= 2).then_some(key)
}

/// The keys of the short lines of a text, each once.
pub fn line_keys(text: &str) -> Vec<u64> {
    let mut keys: Vec<u64> = text.lines().filter_map(line_key).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The key of a run of words: its first three words' hashes, in order.
fn start_key(mut hashes: impl Iterator<Item = u64>) -> u64 {
    let mut key = 0u64;
    for shift in [0, 21, 42] {
        key ^= hashes.next().unwrap_or(0).rotate_left(shift);
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(headlines: &Headlines, line: &'a str, own: &str) -> Vec<&'a str> {
        headlines
            .spans_in(&mut Scratch::default(), line, headlines.find(own))
            .iter()
            .map(|&(s, e)| &line[s..e])
            .collect()
    }

    #[test]
    fn titles_are_found_whole_whatever_their_case_and_punctuation() {
        let headlines = Headlines::new([
            "U.S. AUTO UNION WILL FIGHT TO STOP JOB/WAGE CUTS",
            "Cairn shares slump on oil setback",
            "Labour's election love-in",
            "Oil prices rise",
        ]);
        assert_eq!(
            found(
                &headlines,
                "Also in Markets: u.s. auto union will fight to stop job/wage cuts (2h ago)",
                "Another story"
            ),
            ["u.s. auto union will fight to stop job/wage cuts"]
        );
        assert_eq!(
            found(
                &headlines,
                "• CAIRN SHARES SLUMP ON OIL SETBACK • Labour’s election love in",
                "Another story"
            ),
            [
                "CAIRN SHARES SLUMP ON OIL SETBACK",
                "Labour’s election love in"
            ]
        );
        // Three words are too few to tell a title from an article's words.
        assert!(found(&headlines, "Oil prices rise", "Another story").is_empty());
        // Part of a title is not the title.
        assert!(found(&headlines, "Cairn shares slump on news", "Another story").is_empty());
    }

    #[test]
    fn an_article_s_own_title_is_not_another_s() {
        let headlines = Headlines::new(["Cairn shares slump on oil setback"]);
        assert!(
            found(
                &headlines,
                "Cairn shares slump on oil setback",
                "CAIRN SHARES SLUMP ON OIL SETBACK"
            )
            .is_empty()
        );
    }

    #[test]
    fn the_longest_title_that_starts_first_wins() {
        let headlines = Headlines::new([
            "Bank of Japan holds rates",
            "Bank of Japan holds rates steady again",
        ]);
        assert_eq!(
            found(
                &headlines,
                "Read: Bank of Japan holds rates steady again",
                "x"
            ),
            ["Bank of Japan holds rates steady again"]
        );
    }

    #[test]
    fn words_read_eight_bytes_at_a_time_are_the_words_read_one_by_one() {
        // Words across the eight-byte edges, at the ends, of one letter, of more than eight.
        for line in [
            "Also in Markets: U.S. AUTO UNION will fight, to stop job/wage cuts (2h ago)",
            "a",
            "",
            "  x9 yy  ",
            "abcdefghijklmnopqrstuvwxyz0123 END",
            "12345678 abcdefgh.ABCDEFGH",
            "@[`{ 09 AZ az",
        ] {
            let (mut words, mut hashes) = (Vec::new(), Vec::new());
            hashed_words(line, &mut words, &mut hashes);
            let spans: Vec<(usize, usize)> = word_spans(line).collect();
            assert_eq!(words, spans, "{line:?}");
            let each: Vec<u64> = spans.iter().map(|&(s, e)| word_hash(&line[s..e])).collect();
            assert_eq!(hashes, each, "{line:?}");
        }
        assert_eq!(word_hash("Reuters"), word_hash("rEUTERS"));
        assert_eq!(word_hash("ÉCOLE"), word_hash("école"));
        assert_ne!(word_hash("abcdefgh"), word_hash("abcdefgi"));
        assert_ne!(word_hash("ab"), word_hash("ab\0"));
    }
}
