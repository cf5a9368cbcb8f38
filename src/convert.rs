//! Conversion of plain-text article sources (as scrapers and copy-paste leave them) to markdown.
//!
//! Takes the decoded text of a `.txt` source; gives its header fields, title, dateline, the
//! body as blocks (rendered to markdown with every special character escaped, or to plain
//! text), and a record of every line it dropped and every repair it made, with the reason.
//! It repairs mojibake, whitespace and doubled words, removes scraper residue (banners,
//! share lines, footers), and never drops a sentence it is not sure is residue.

use crate::date::Date;
use crate::diagnostic::{Diagnostic, suggest};
use crate::headlines::Headlines;
use serde::Serialize;
use std::borrow::Cow;

/// The header keys of plain-text sources.
pub const HEADER_KEYS: [&str; 10] = [
    "title", "date", "source", "url", "author", "topics", "places", "summary", "slug", "language",
];

/// Fields of the optional `Key: value` header block.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    /// `Title:`.
    pub title: Option<String>,
    /// `Date:`.
    pub date: Option<Date>,
    /// `Source:`.
    pub source: Option<String>,
    /// `URL:`.
    pub url: Option<String>,
    /// `Author:`.
    pub author: Option<String>,
    /// `Topics:`, comma-separated.
    pub topics: Vec<String>,
    /// `Places:`, comma-separated.
    pub places: Vec<String>,
    /// `Summary:`.
    pub summary: Option<String>,
    /// `Slug:`.
    pub slug: Option<String>,
    /// `Language:`.
    pub language: Option<String>,
}

/// `KABUL, July 17 (AFP) -`: where and by whom the story was filed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dateline {
    /// The dateline as written, without the dash.
    pub text: String,
    /// The place, as written (`KABUL`, `SAN JOSE, Calif.`).
    pub place: String,
    /// The agency in brackets, if any (`AFP`).
    pub source: Option<String>,
}

/// One block of the article body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Paragraph(String),
    /// A sub-heading (a short line between paragraphs).
    Heading(String),
    /// A bulleted list: each item's marker as written (`-`, `*`, `•`) and its text.
    List(Vec<(String, String)>),
    /// A block quote.
    Quote(String),
    /// A table written with pipes.
    Table {
        /// The head's cells.
        head: Vec<String>,
        /// Each column's alignment as the row of dashes gives it: `:--`, `:-:`, `--:`, or
        /// `---` for none.
        align: Vec<&'static str>,
        /// The rows' cells.
        rows: Vec<Vec<String>>,
    },
}

/// A line dropped or a repair made, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removal {
    /// 1-based line of the source file.
    pub line: usize,
    /// What was dropped or repaired, as it was.
    pub text: String,
    /// Why.
    pub reason: &'static str,
}

/// A converted plain-text source.
#[derive(Debug, Clone, Default)]
pub struct Conversion {
    /// The header block's fields.
    pub header: Header,
    /// The title: `Title:` from the header, else the first line.
    pub title: String,
    /// The dateline at the start of the first paragraph, if there is one.
    pub dateline: Option<Dateline>,
    /// The body.
    pub blocks: Vec<Block>,
    /// Everything dropped or repaired, in source order.
    pub removed: Vec<Removal>,
    /// Problems a curator should see (unknown header keys, a bad date).
    pub warnings: Vec<Diagnostic>,
}

impl Conversion {
    /// The body as markdown, every markdown-special character escaped.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            match block {
                Block::Paragraph(t) => out.push_str(&escape_markdown(t, true)),
                Block::Heading(t) => {
                    out.push_str("## ");
                    out.push_str(&escape_markdown(t, false));
                }
                Block::List(items) => {
                    let lines: Vec<String> = items
                        .iter()
                        .map(|(_, i)| format!("- {}", escape_markdown(i, true)))
                        .collect();
                    out.push_str(&lines.join("\n"));
                }
                Block::Quote(t) => {
                    out.push_str("> ");
                    out.push_str(&escape_markdown(t, true));
                }
                Block::Table { head, align, rows } => {
                    // Every row gets as many cells as the widest, so that no cell is lost.
                    let columns = rows.iter().map(Vec::len).fold(head.len(), usize::max);
                    let row = |cells: &[String]| {
                        let mut line = String::from("|");
                        for k in 0..columns {
                            let cell = cells
                                .get(k)
                                .map_or(String::new(), |c| escape_markdown(c, false));
                            line.push(' ');
                            line.push_str(&cell);
                            line.push_str(" |");
                        }
                        line
                    };
                    out.push_str(&row(head));
                    out.push_str("\n|");
                    for k in 0..columns {
                        out.push(' ');
                        out.push_str(align.get(k).copied().unwrap_or("---"));
                        out.push_str(" |");
                    }
                    for cells in rows {
                        out.push('\n');
                        out.push_str(&row(cells));
                    }
                }
            }
        }
        out.push('\n');
        out
    }

    /// The body as a reader sees it: blocks separated by one blank line, list items one a
    /// line with their markers, a table's rows one a line with ` | ` between cells.
    pub fn text(&self) -> String {
        let blocks: Vec<String> = self
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(t) | Block::Heading(t) | Block::Quote(t) => t.clone(),
                Block::List(items) => items
                    .iter()
                    .map(|(marker, item)| format!("{marker} {item}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
                Block::Table { head, rows, .. } => std::iter::once(head)
                    .chain(rows)
                    .map(|cells| cells.join(" | "))
                    .collect::<Vec<_>>()
                    .join("\n"),
            })
            .collect();
        blocks.join("\n\n")
    }
}

/// Converts the text of a plain-text source; `path` names it in warnings.
pub fn convert(path: &str, raw: &str) -> Conversion {
    convert_in(path, raw, &Headlines::default())
}

/// Converts the text of a plain-text source of an archive whose articles' titles are
/// `headlines`: lines made of other articles' titles are a box of links to them, and go.
pub fn convert_in(path: &str, raw: &str, headlines: &Headlines) -> Conversion {
    let mut conv = Conversion::default();
    let lines: Vec<Cow<str>> = raw
        .split('\n')
        .enumerate()
        .map(|(i, l)| clean_line(l, i + 1, &mut conv.removed))
        .collect();
    let i = read_head(path, &lines, &mut conv);
    let body: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .skip(i)
        .map(|(n, l)| (n + 1, l.as_ref()))
        .collect();
    let own = headlines.find(&conv.title);
    let cuts = Cuts {
        first: body.first().map_or(0, |&(n, _)| n),
        cuts: if headlines.is_empty() {
            Vec::new()
        } else {
            let mut scratch = crate::headlines::Scratch::default();
            body.iter()
                .map(|&(_, l)| headline_cut(l, headlines.spans_in(&mut scratch, l, own)))
                .collect()
        },
    };
    conv.blocks = body_blocks(body, &cuts, headlines, &mut conv.removed);
    // A by-line the page left in the body names the author, when the header does not.
    if conv.header.author.is_none()
        && let Some(byline) = conv.removed.iter().find(|r| r.reason == BYLINE)
        && let Some(name) = byline_names(byline.text.trim())
    {
        conv.header.author = Some(name.trim().to_string());
    }
    if let Some(Block::Paragraph(first)) = conv.blocks.first() {
        conv.dateline = dateline(first);
    }
    conv.removed.sort_by_key(|r| r.line);
    conv
}

/// The title of a plain-text source, as [`convert`] finds it, reading only its first lines.
pub fn title_of(raw: &str) -> String {
    let mut conv = Conversion::default();
    let lines: Vec<Cow<str>> = raw
        .split('\n')
        .take(64)
        .enumerate()
        .map(|(i, l)| clean_line(l, i + 1, &mut conv.removed))
        .collect();
    read_head("", &lines, &mut conv);
    conv.title
}

/// Reads the header block and the title into `conv`; gives the index of the body's first line.
fn read_head(path: &str, lines: &[Cow<str>], conv: &mut Conversion) -> usize {
    let mut i = skip_blank(lines, 0);
    if i < lines.len() && header_line(&lines[i]).is_some_and(|(k, _)| is_header_key(k)) {
        i = read_header(path, lines, i, conv);
    }
    i = skip_blank(lines, i);
    match conv.header.title.clone() {
        Some(t) if !t.is_empty() => conv.title = t,
        _ => {
            // Page furniture over the headline (`Skip to main content`, a cookie banner,
            // `Advertisement`, a by-line) is residue: the title is the first line after it.
            // Other residue may be a headline in residue's words (`Kraft cuts snack ads for
            // children`): it is passed over only when a headline follows it, then the body.
            let mut j = i;
            let mut furniture = Vec::new();
            let mut first_loose = None;
            while j < lines.len() && furniture.len() < 16 {
                if lines[j].is_empty() {
                    j += 1;
                    continue;
                }
                let reason = furniture_over_title(&lines[j]).or_else(|| {
                    (!furniture.is_empty() && joins_residue(&[(j + 1, &lines[j])]))
                        .then_some(furniture.last().map_or(COOKIE, |&(_, r)| r))
                });
                if let Some(reason) = reason {
                    furniture.push((j, reason));
                    j += 1;
                    continue;
                }
                // (A consent banner's lines may be residue only together.)
                let block_end = (j..lines.len())
                    .find(|&k| lines[k].is_empty())
                    .unwrap_or(lines.len());
                let block = if lines.get(j.wrapping_sub(1)).is_none_or(|l| l.is_empty())
                    && block_end - j > 1
                {
                    let block: Vec<(usize, &str)> =
                        (j..block_end).map(|k| (k + 1, &*lines[k])).collect();
                    block_residue(&block).map(|reason| (block_end, reason))
                } else {
                    None
                };
                let Some((end, reason)) =
                    block.or_else(|| residue(&lines[j]).map(|reason| (j + 1, reason)))
                else {
                    break;
                };
                first_loose.get_or_insert((j, furniture.len()));
                furniture.extend((j..end).map(|k| (k, reason)));
                j = end;
            }
            // (Nor a line in capitals over one that is not: that is the archive's headline.)
            let capitals = |l: &str| {
                l.contains(char::is_uppercase)
                    && !l.contains(char::is_lowercase)
                    && l.words().nth(2).is_some()
            };
            if let Some((loose, kept)) = first_loose
                && (!headline_over_body(lines, j)
                    || furniture[kept..]
                        .iter()
                        .any(|&(k, _)| capitals(&lines[k]) && !capitals(&lines[j])))
            {
                furniture.truncate(kept);
                j = loose;
            }
            // (Not when nothing else follows: a file that is only a banner keeps its line.)
            if !furniture.is_empty() && j < lines.len() {
                for (k, reason) in furniture {
                    conv.removed.push(Removal {
                        line: k + 1,
                        text: lines[k].to_string(),
                        reason,
                    });
                }
                i = j;
            }
            // A page's head the rules above do not know (the site's name, a row of its
            // sections, a date) may still stand over the headline: the headline is then the
            // line just over the article's first paragraph.
            if let Some((title, head)) = title_over_body(lines, i) {
                for k in head {
                    conv.removed.push(Removal {
                        line: k + 1,
                        text: lines[k].to_string(),
                        reason: NAVIGATION,
                    });
                }
                i = title;
            }
            if i < lines.len() {
                conv.title = lines[i].to_string();
                i += 1;
                // A headline wrapped over the lines of the title block goes on there.
                let block_end = (i..lines.len().min(i + 3)).find(|&j| lines[j].is_empty());
                let end = block_end.unwrap_or(lines.len().min(i + 3));
                if (block_end.is_some() || end == lines.len())
                    && title_goes_on(&conv.title, &lines[i..end])
                {
                    for line in &lines[i..end] {
                        conv.title.push(' ');
                        conv.title.push_str(line);
                    }
                    i = end;
                }
            }
        }
    }
    if conv.title.is_empty() {
        conv.title = "Untitled".into();
        conv.warnings.push(Diagnostic::warning(
            path,
            "no title line: the article is called \"Untitled\"",
        ));
    }
    i
}

/// The headline under a page's head that the residue rules do not know, with the head's
/// lines: when line `first` (the title so far) is followed, before the article's first
/// paragraph, by a line that reads as a headline, and every line from `first` down to it is
/// the page's (short, no sentence, no row of figures, none that may be the headline), half
/// of them at least known furniture: residue, a banner, a menu row, a breadcrumb or a date.
fn title_over_body(lines: &[Cow<str>], first: usize) -> Option<(usize, Vec<usize>)> {
    const LOOK: usize = 24;
    let end = lines.len().min(first + LOOK);
    // (A full stop inside a line, not an abbreviation's: `U.S. AUTO`, `Inc. said`.)
    let stop_inside = |l: &str, then_capital: bool| {
        l.match_indices(". ").any(|(at, _)| {
            let word = l[..at].rsplit(' ').next().unwrap_or("");
            word.chars().count() > 3
                && !word.contains('.')
                && (!then_capital || l[at + 2..].starts_with(char::is_uppercase))
        })
    };
    let sentence_inside = |l: &str| stop_inside(l, true);
    // The blocks of the page's top (runs of lines between blank ones) down to the first
    // paragraph, and which of them are residue as a whole (a consent banner).
    let numbered = |b: &std::ops::Range<usize>| -> Vec<(usize, &str)> {
        b.clone().map(|j| (j + 1, &*lines[j])).collect()
    };
    // (A banner opens with its own words or a rule, not with a headline over a line of
    // residue.)
    let is_banner = |b: &std::ops::Range<usize>| {
        let top: &str = &lines[b.start];
        b.len() > 1
            && (top.words().nth(3).is_none()
                || names_banner_or_copyright(top)
                || residue(top).is_some())
            && block_residue(&numbered(b)).is_some()
    };
    // The first paragraph: a block that opens with a dateline, or twelve words or more of
    // prose with a sentence's end.
    let prose = |b: &std::ops::Range<usize>| {
        let top: &str = &lines[b.start];
        let text = join_lines(&numbered(b));
        (dateline(top).is_some()
            || text.words().nth(11).is_some()
                && text.contains(char::is_lowercase)
                && (ends_a_sentence(&text) || sentence_inside(&text)))
            && !is_table_row(top)
            && !is_menu_row(top)
            && residue(top).is_none()
    };
    let mut blocks: Vec<std::ops::Range<usize>> = Vec::new();
    let mut banner: Vec<bool> = Vec::new();
    let mut k = first;
    let body = loop {
        while k < end && lines[k].is_empty() {
            k += 1;
        }
        if k >= end {
            return None;
        }
        let stop = (k..lines.len())
            .find(|&j| lines[j].is_empty())
            .unwrap_or(lines.len());
        let block = k..stop;
        k = stop;
        // (Most articles: the title alone, then the first paragraph, looked at in short.)
        if blocks.len() == 1 && blocks[0].len() == 1 {
            let top: &str = &lines[block.start];
            let last: &str = &lines[block.end - 1];
            if dateline(top).is_some()
                || top.words().nth(11).is_some()
                    && top.contains(char::is_lowercase)
                    && ends_a_sentence(last)
            {
                return None;
            }
        }
        if !blocks.is_empty() && prose(&block) && !is_banner(&block) {
            break block.start;
        }
        banner.push(is_banner(&block));
        blocks.push(block);
    };
    let in_banner = |k: usize| {
        blocks
            .iter()
            .zip(&banner)
            .any(|(b, &banner)| banner && b.contains(&k))
    };
    // The line just over it, past lines of the page's own (a date, `Text size`, a by-line,
    // a banner and its buttons).
    let meta = |k: usize| {
        let l: &str = &lines[k];
        l.is_empty()
            || in_banner(k)
            || residue(l).is_some()
            || is_button(l)
            || l.words().nth(2).is_none()
            || is_date_line(l)
    };
    let title = (first..body).rev().find(|&k| !meta(k))?;
    let headline = &lines[title];
    if title == first
        || !is_headline_like(headline)
        || headline.words().nth(2).is_none()
        || headline.words().nth(16).is_some()
        || stop_inside(headline, false)
        || ends_mid_sentence(&headline.to_lowercase())
        || !headline.starts_with(char::is_alphanumeric)
        || is_menu_row(headline)
        || is_byline(headline)
        || dateline(headline).is_some()
    {
        return None;
    }
    // The lines over it are the page's: known furniture (residue, a banner, a menu, a
    // breadcrumb, a date), or short lines that say no sentence; known ones at least half.
    // None may be the headline itself: four words or more, without a site's separators
    // (`LOUISIANA PACIFIC <LPX> TO BUY WALLBOARD PLANT` over `Lesezeit: 13 Minuten`, `MIDWEST
    // GRAIN FUTURES 11:00 EDT` over a banner, `Arsenal through on penalties` over a first
    // paragraph of four words), or three in capitals (`TALKING POINT/BANK STOCKS`).
    let known = |k: usize| {
        let l: &str = &lines[k];
        in_banner(k)
            || residue(l).is_some()
            || furniture_over_title(l).is_some()
            || is_page_furniture(l)
            || is_breadcrumb(l)
            || is_menu_row(l)
            || is_date_line(l)
    };
    let short = |l: &str| {
        l.words().nth(10).is_none()
            && !ends_a_sentence(l)
            && !sentence_inside(l)
            && dateline(l).is_none()
            && !(is_table_row(l) && l.contains(|c: char| c.is_ascii_digit()))
    };
    let capitals = |l: &str| {
        l.contains(char::is_uppercase)
            && !l.contains(char::is_lowercase)
            && l.words().nth(2).is_some()
    };
    let may_be_headline = |k: usize| {
        let l: &str = &lines[k];
        !in_banner(k)
            && furniture_over_title(l).is_none()
            && (!is_date_line(l) || capitals(l))
            && (l.words().nth(3).is_some() || capitals(l))
            && !l.contains(['—', '–', '|', '│', '·', '•'])
            && is_headline_like(l)
    };
    let head: Vec<usize> = (first..title).filter(|&k| !lines[k].is_empty()).collect();
    let known_lines = head.iter().filter(|&&k| known(k)).count();
    (head
        .iter()
        .all(|&k| (known(k) || short(&lines[k])) && !may_be_headline(k))
        && known_lines * 2 >= head.len())
    .then_some((title, head))
}

/// Whether a line is a row of a site's sections or links: three items or more between
/// separators (or wide gaps), each of one to three words that start in capitals, without
/// figures or a sentence's stops (`Home — UK — World — Sport`, `Logga in · Mitt konto`).
fn is_menu_row(line: &str) -> bool {
    let items: Vec<&str> = line
        .split(['|', '│', '—', '–', '·', '•', '»', '›', '/', '\t'])
        .flat_map(|p| p.split("  "))
        .flat_map(|p| p.split("::"))
        .flat_map(|p| p.split(">>"))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    items.len() >= 3 && items.iter().all(|i| is_section_name(i))
}

/// Whether a short line is a date or a time stamp (`Published: 21 Jun 2022, 08:44`,
/// `Updated January 13, 2025`, `2018-03-23`, `Geplaatst 09-04-2024`): a month and a year, a
/// day, month and year in figures, or a time. (`CPI UP 0.3 PCT IN MARCH` and `1987-89` are
/// none.)
fn is_date_line(line: &str) -> bool {
    let tokens = || {
        line.words()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
    };
    let year = |w: &str| w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
    line.words().nth(7).is_none()
        && (tokens().any(|w| crate::date::month_number(w).is_some())
            && tokens().any(|w| year(w) && w.bytes().all(|b| b.is_ascii_digit()))
            || tokens().any(|w| {
                let parts: Vec<&str> = w.split(['-', '/', '.', ':']).collect();
                let figures = parts
                    .iter()
                    .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
                figures && (parts.len() == 3 || parts.len() == 2 && w.contains(':'))
            }))
}

/// Where residue glued onto the end of a line of the article starts: after the end of a
/// sentence (`... won. | example.com © 2007`, `... rose 5 pct.Read More »`) or at a copyright
/// notice (`... Products Inc COPYRIGHT 2022 ...`), with only residue after it.
///
/// `whole` is what [`residue`] says of the whole line, when the caller knows it.
fn glued_residue_at(
    line: &str,
    whole: Option<Option<&'static str>>,
) -> Option<(usize, &'static str)> {
    if line.len() < 24 {
        return None;
    }
    // (Most lines end in a sentence of the article, and are let go at once: the last piece,
    // after the last end of a sentence, must be short and have a word only a web page uses,
    // a sign or an address, or not end as a sentence does.)
    let bytes = &line.as_bytes()[..line.len() - 1];
    let last_end =
        memchr::memrchr3(b'.', b'!', b'?', bytes).max(memchr::memrchr3(b')', 0xA9, 0xA6, bytes));
    let last = match last_end {
        Some(e) => &line[line.ceil_char_boundary(e + 1)..],
        None => line,
    };
    let sentence = ends_a_sentence(last);
    let past_first_look = sentence
        && (last.len() > 120 || last.bytes().filter(|&b| b == b' ').count() > 12)
        || !sentence && last.ends_with(':');
    // (A copyright notice may end with a sentence of its own: `All rights reserved.` This
    // is `notice_start` in short, as most lines come here.)
    let end = &line.as_bytes()[line.len().saturating_sub(200)..];
    let notice = memchr::memchr3_iter(0xA9, b'y', b'Y', end).any(|i| {
        let around = |from: usize, to: usize| end.get(i.wrapping_sub(from)..i + to);
        around(1, 1) == Some("©".as_bytes())
            || matches!(around(2, 6), Some(b"opyright" | b"OPYRIGHT"))
    });
    if past_first_look && !notice {
        return None;
    }
    glued_residue_past(line, last, notice, whole)
}

/// [`glued_residue_at`], past its first look at the line's `last` piece.
#[cold]
#[inline(never)]
fn glued_residue_past<'a>(
    line: &'a str,
    last: &str,
    notice: bool,
    whole: Option<Option<&'static str>>,
) -> Option<(usize, &'static str)> {
    if !notice && !glued_piece_may_be_residue(last) {
        return None;
    }
    // (A line that is residue whole, and has neither a copyright notice nor figures, is
    // residue whole: there is no sentence or row of the article's before a notice there.)
    if !notice
        && whole.is_some_and(|w| w.is_some_and(|r| !matches!(r, COPYRIGHT | LEGAL)))
        && !line.bytes().any(|b| b.is_ascii_digit())
    {
        return None;
    }
    let bytes = line.as_bytes();
    // Where a piece of residue could start, in the last 200 bytes (residue is short).
    let mut starts = Vec::new();
    let from = line.ceil_char_boundary(line.len().saturating_sub(201));
    for (i, c) in line[from..].char_indices().map(|(i, c)| (i + from, c)) {
        match c {
            '.' | '!' | '?' | '…' => {
                let mut j = i + c.len_utf8();
                while let Some(q) = line[j..].chars().next()
                    && matches!(q, '"' | '\'' | '’' | '”' | ')')
                {
                    j += q.len_utf8();
                }
                // (`U.S. copyright law`, `3.5`, `Inc.,`: no sentence ends there. One starts
                // with a capital or a sign, `©` or `→`.)
                let rest = line[j..].trim_start();
                let opens = rest.chars().next().is_some_and(|next| {
                    next.is_uppercase()
                        || !next.is_alphanumeric()
                            && !matches!(next, ',' | ';' | ':' | '.' | '"' | '\'' | '’' | '”')
                });
                let abbreviation = c == '.'
                    && line[..i].rsplit(' ').next().is_some_and(|w| {
                        w.contains('.') || w.len() <= 3 && w.starts_with(char::is_uppercase)
                    });
                if opens && !(abbreviation && rest.starts_with(char::is_alphanumeric)) {
                    starts.push(j);
                }
            }
            '©' | '(' | 'C' if i > 0 && bytes[i - 1] == b' ' => {
                let rest = &line[i..];
                if rest.starts_with('©')
                    || rest.starts_with("(c) ")
                    || rest.starts_with("(C) ")
                    || rest.starts_with("Copyright")
                    || rest.starts_with("COPYRIGHT")
                {
                    starts.push(i);
                }
            }
            _ => {}
        }
    }
    // The pieces from the end back, as long as each is residue (a copyright notice is one
    // wherever it stands in a line, so a piece before it must be residue of its own).
    let trim = |t: &'a str| -> &'a str {
        t.trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '|' | '—' | '–' | '-' | '·' | '•' | '/')
        })
    };
    let mut cut = None;
    let mut end = line.len();
    for &at in starts.iter().rev() {
        let piece = trim(&line[at..end]);
        let tail = trim(&line[at..]);
        let reason = if matches!(piece, "" | "©" | "(c)" | "(C)") {
            cut.map(|(_, r)| r)
        } else {
            // (A notice of a few words before it is its own: `example.com © 2007`.)
            let own_notice = || {
                notice_start(tail).is_some_and(|n| {
                    !ends_a_sentence(&tail[..n]) && tail[..n].words().nth(3).is_none()
                })
            };
            residue(piece)
                .or_else(|| residue_pieces(piece))
                .or_else(|| {
                    (end < line.len())
                        .then(|| residue(tail))
                        .flatten()
                        .filter(|r| own_notice() || !matches!(*r, COPYRIGHT | LEGAL))
                })
        };
        let Some(reason) = reason else {
            break;
        };
        cut = Some((at, reason));
        end = at;
    }
    let (at, reason) = cut?;
    let head = line[..at].trim_end();
    // (What stays has a word at least: `Year Advertisement` is a table's label.)
    head.words().next()?;
    // A line that is residue whole may be a notice of several sentences (`Cookie notice.
    // We use cookies ...`). Only over a copyright notice, and only what reads as the
    // article's: a sentence, a row ending in figures, a note (`... won. | example.com ©
    // 2007`, `Record June 17 (c) ...`, `NOTE: Full name is Example Inc COPYRIGHT ...`).
    // `Part of the Example group © Example Ltd` is the notice whole.
    if whole.unwrap_or_else(|| residue(line)).is_some()
        && !is_table_row(head)
        && (!matches!(reason, COPYRIGHT | LEGAL)
            || notice_start(head).is_some()
            || !(ends_a_sentence(head) && head.words().nth(4).is_some()
                || head
                    .words()
                    .last()
                    .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
                || head.words().take(3).any(|w| w.ends_with(':'))))
    {
        return None;
    }
    // (Nor is a line whose sentence is residue too.)
    if residue(head).is_some() {
        return None;
    }
    Some((at, reason))
}

/// Whether the end of a line, after its last sentence, may be residue glued on: it has a
/// sign, an address, a word only a web page uses, or does not end as a sentence does.
fn glued_piece_may_be_residue(piece: &str) -> bool {
    !ends_a_sentence(piece)
        || !piece.is_ascii()
            && piece.chars().any(|c| {
                !c.is_ascii()
                    && !c.is_alphanumeric()
                    && !matches!(c, '’' | '‘' | '“' | '”' | '–' | '—' | '…')
            })
        || piece.contains("http")
        || piece.contains("www.")
        || has_web_word(piece)
}

/// Whether `text` has a word only a web page uses (`newsletter`, `cookies`, `WhatsApp`).
fn has_web_word(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(furniture(&lower_word(w)), Some(Furniture::Strong(_))))
}

/// Where a copyright notice starts in `text`: at `©` or the word `copyright`, in any case.
fn notice_start(text: &str) -> Option<usize> {
    text.char_indices().map(|(i, _)| i).find(|&i| {
        text[i..].starts_with('©')
            || text.as_bytes()[i..]
                .get(..9)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"copyright"))
    })
}

/// Whether a line is pieces of residue between separators (`Report this ad | Subscribe to
/// our channel`), or residue with the labels of a site's links (`© Example Ltd | Terms |
/// Privacy`).
fn residue_pieces(text: &str) -> Option<&'static str> {
    let pieces: Vec<&str> = text
        .split(['|', '—', '·', '•'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if pieces.len() < 2 {
        return None;
    }
    let mut first = None;
    for piece in pieces {
        match residue(piece) {
            Some(reason) => first = first.or(Some(reason)),
            None if piece.words().nth(1).is_none() && is_short_label(piece) => {}
            None => return None,
        }
    }
    first
}

/// Whether line `i` reads as a headline, alone in its block, with the body's text under it.
fn headline_over_body(lines: &[Cow<str>], i: usize) -> bool {
    let Some(title) = lines.get(i) else {
        return false;
    };
    is_headline_like(title)
        && title.words().nth(1).is_some()
        && !is_table_row(title)
        && residue(title).is_none()
        && !joins_residue(&[(i + 1, title)])
        && dateline(title).is_none()
        && !ends_mid_sentence(&title.to_lowercase())
        && lines.get(i + 1).is_some_and(|l| l.is_empty())
        && lines[i + 1..].iter().any(|l| !l.is_empty())
}

/// Residue that may stand over the headline, where a headline might look like residue
/// (`Kraft cuts snack ads for children`, `SHARE PRICES NEAR DAY'S LOWS`): labels that are never
/// a headline, page furniture, a by-line, a consent banner that names cookies or consent,
/// or residue of twelve words or more.
fn furniture_over_title(line: &str) -> Option<&'static str> {
    if let Some(reason) = strict_residue(line) {
        return Some(reason);
    }
    if is_page_furniture(line) {
        return Some(NAVIGATION);
    }
    if is_byline(line) {
        return Some(BYLINE);
    }
    let reason = residue(line)?;
    let lower = line.to_lowercase();
    let consent = ["cookie", "consent", "privacy", "personal data"]
        .iter()
        .any(|w| lower.contains(w));
    (reason == COOKIE && consent || line.words().nth(11).is_some()).then_some(reason)
}

/// Whether the lines under the title line, up to the blank line after them, are the rest of
/// a wrapped headline: all in capitals under a title in capitals (`AIR NEW ZEALAND WELCOMES` /
/// `SHARE SALE`), or one short line under a title that stops on a word no headline ends with
/// (`Talks resume in` / `Doha`).
fn title_goes_on(title: &str, rest: &[Cow<str>]) -> bool {
    let capitals = |l: &str| l.contains(char::is_uppercase) && !l.contains(char::is_lowercase);
    if rest.is_empty() || rest.iter().any(|l| l.ends_with(['.', '!', '?', ':', ','])) {
        return false;
    }
    if capitals(title)
        && rest
            .iter()
            .all(|l| capitals(l) && l.words().nth(8).is_none())
    {
        return true;
    }
    let last = title.words().last().unwrap_or("");
    rest.len() == 1
        && rest[0].words().nth(6).is_none()
        && matches!(
            last,
            "of" | "the"
                | "a"
                | "an"
                | "and"
                | "to"
                | "in"
                | "for"
                | "on"
                | "with"
                | "at"
                | "by"
                | "from"
                | "into"
                | "over"
                | "after"
        )
}

fn skip_blank(lines: &[Cow<str>], mut i: usize) -> usize {
    while i < lines.len() && lines[i].is_empty() {
        i += 1;
    }
    i
}

/// Repairs one line: mojibake, invisible and odd spaces; runs of spaces become one.
fn clean_line<'a>(line: &'a str, number: usize, removed: &mut Vec<Removal>) -> Cow<'a, str> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    // Fast path: plain ASCII with single spaces needs nothing.
    if line.bytes().all(|b| (0x21..0x7F).contains(&b) || b == b' ')
        && !line.contains("  ")
        && !line.starts_with(' ')
        && !line.ends_with(' ')
    {
        return Cow::Borrowed(line);
    }
    let repaired = repair_mojibake(line);
    if repaired.is_some() {
        removed.push(Removal {
            line: number,
            text: line.to_string(),
            reason: "mojibake repaired (UTF-8 that was read as Windows-1252)",
        });
    }
    let line = repaired.as_deref().unwrap_or(line);
    let bytes = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let mut invisible = false;
    // Plain text is copied a run at a time; only white space, control and invisible
    // characters are looked at one by one.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // A printable ASCII character, or a single space after plain text.
        if (0x21..0x7F).contains(&b) || b == b' ' && i > run && bytes[i - 1] != b' ' {
            i += 1;
            continue;
        }
        let Some(c) = line[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        let special = matches!(
            c,
            '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{200C}' | '\u{200D}'
        ) || c.is_whitespace()
            || c.is_control();
        if !special {
            i += len;
            continue;
        }
        out.push_str(&line[run..i]);
        match c {
            '\u{200C}' | '\u{200D}' => {
                // Joiners matter inside Persian, Indic and emoji text; between Latin letters
                // or spaces they are debris. The neighbours, looking past other invisible
                // characters:
                let invisible_char =
                    |c: &char| matches!(*c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}');
                let before = line[..i].chars().rev().find(|c| !invisible_char(c));
                let after = line[i + len..].chars().find(|c| !invisible_char(c));
                let latin = |c: Option<char>| c.is_none_or(|c| c.is_ascii() || c.is_whitespace());
                if latin(before) && latin(after) {
                    invisible = true;
                } else {
                    out.push(c);
                }
            }
            '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => invisible = true,
            _ => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
        }
        i += len;
        run = i;
    }
    out.push_str(&line[run..]);
    if invisible {
        removed.push(Removal {
            line: number,
            text: line.to_string(),
            reason: "invisible characters removed",
        });
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    Cow::Owned(out)
}

/// Text that was UTF-8 but was decoded as Windows-1252 (`â€™` for `’`, `Ã©` for `é`), repaired;
/// `None` when there is nothing to repair.
pub fn repair_mojibake(text: &str) -> Option<String> {
    // Fast path: mojibake always contains one of these lead characters.
    if text.is_ascii() || !text.chars().any(|c| matches!(c, '\u{C2}'..='\u{F4}')) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        // A lead byte and its continuation bytes, each read as a Windows-1252 character.
        if let Some(lead) = cp1252_byte(c)
            && let Some(len) = utf8_len(lead)
        {
            let mut bytes = [lead, 0, 0, 0];
            let mut n = 1;
            for next in rest[c.len_utf8()..].chars().take(len - 1) {
                match cp1252_byte(next) {
                    Some(b) if (0x80..=0xBF).contains(&b) => {
                        bytes[n] = b;
                        n += 1;
                    }
                    _ => break,
                }
            }
            if n == len
                && let Ok(s) = std::str::from_utf8(&bytes[..len])
            {
                out.push_str(s);
                changed = true;
                let taken: usize = rest.chars().take(len).map(char::len_utf8).sum();
                rest = &rest[taken..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    changed.then_some(out)
}

fn utf8_len(lead: u8) -> Option<usize> {
    match lead {
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

/// The Windows-1252 byte a character came from, for bytes 0x80 and up.
fn cp1252_byte(c: char) -> Option<u8> {
    let special = match c {
        '\u{20AC}' => 0x80,
        '\u{201A}' => 0x82,
        '\u{0192}' => 0x83,
        '\u{201E}' => 0x84,
        '\u{2026}' => 0x85,
        '\u{2020}' => 0x86,
        '\u{2021}' => 0x87,
        '\u{02C6}' => 0x88,
        '\u{2030}' => 0x89,
        '\u{0160}' => 0x8A,
        '\u{2039}' => 0x8B,
        '\u{0152}' => 0x8C,
        '\u{017D}' => 0x8E,
        '\u{2018}' => 0x91,
        '\u{2019}' => 0x92,
        '\u{201C}' => 0x93,
        '\u{201D}' => 0x94,
        '\u{2022}' => 0x95,
        '\u{2013}' => 0x96,
        '\u{2014}' => 0x97,
        '\u{02DC}' => 0x98,
        '\u{2122}' => 0x99,
        '\u{0161}' => 0x9A,
        '\u{203A}' => 0x9B,
        '\u{0153}' => 0x9C,
        '\u{017E}' => 0x9E,
        '\u{0178}' => 0x9F,
        c if ('\u{80}'..='\u{FF}').contains(&c) => c as u32 as u8,
        _ => return None,
    };
    Some(special)
}

/// `Key: value`: a line of the optional header block (or not).
pub(crate) fn header_line(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let ok = !key.is_empty()
        && key.len() <= 24
        && key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == ' ');
    (ok && (value.is_empty() || value.starts_with(' '))).then_some((key.trim(), value))
}

/// A key the header block knows (any case).
pub(crate) fn is_header_key(key: &str) -> bool {
    HEADER_KEYS.contains(&key.to_ascii_lowercase().as_str())
}

/// Reads the header block starting at line `i`; returns the first line after it.
fn read_header(path: &str, lines: &[Cow<str>], mut i: usize, conv: &mut Conversion) -> usize {
    let h = &mut conv.header;
    while i < lines.len() && !lines[i].is_empty() {
        let Some((key, value)) = header_line(&lines[i]) else {
            break;
        };
        let value = value.trim().to_string();
        let line_no = i + 1;
        let mut warn = |message: String| {
            conv.warnings
                .push(Diagnostic::warning(path, message).at(line_no, 1));
        };
        match key.to_ascii_lowercase().as_str() {
            "title" => h.title = Some(value),
            "date" => match Date::parse(&value) {
                Ok(d) => h.date = Some(d),
                Err(e) => warn(format!("`Date:` {e}; the line is ignored")),
            },
            "source" => h.source = Some(value),
            "url" => h.url = Some(value),
            "author" => h.author = Some(value),
            "topics" => h.topics = split_list(&value),
            "places" => h.places = split_list(&value),
            "summary" => h.summary = Some(value),
            "slug" => match crate::slug::check_curated(&value) {
                Ok(()) => h.slug = Some(value),
                Err(e) => warn(format!("{e}; the line is ignored")),
            },
            "language" => h.language = Some(value),
            other => {
                let hint = suggest(other, &HEADER_KEYS)
                    .map(|k| format!(", did you mean `{}`?", capitalize(k)))
                    .unwrap_or_default();
                warn(format!(
                    "unknown header key `{key}`{hint}; the line is ignored"
                ));
            }
        }
        i += 1;
    }
    i
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn split_list(value: &str) -> Vec<String> {
    value
        .split([',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// What goes of a line where other articles' titles stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cut {
    /// The whole line: titles, and labels, markers and times beside them.
    Whole,
    /// All but this byte range, the article's own text before the titles or after them.
    Keep(usize, usize),
}

/// The cuts of the body's lines, by line number.
struct Cuts {
    /// The number of the body's first line.
    first: usize,
    /// One for each line from the first on (none at all outside an archive).
    cuts: Vec<Option<Cut>>,
}

impl Cuts {
    fn get(&self, line: usize) -> Option<Cut> {
        self.cuts
            .get(line.checked_sub(self.first)?)
            .copied()
            .flatten()
    }

    /// Whether a block is a box of links to other articles: every line one or more of their
    /// titles, under a box's label (`Also in Markets:`) perhaps.
    fn is_box(&self, block: &[(usize, &str)]) -> bool {
        let titles = |lines: &[(usize, &str)]| {
            !lines.is_empty() && lines.iter().all(|&(n, _)| self.get(n) == Some(Cut::Whole))
        };
        titles(block) || titles(&block[1..]) && is_box_label(block[0].1)
    }
}

/// The label over a box of links: short, no sentence, and of a box's words (`Most read`,
/// `Related coverage`), or of three words at most before a colon (`Also in Markets:`; longer,
/// it opens the article's own list: `Vegetable oil registrations were:`).
fn is_box_label(line: &str) -> bool {
    line.words().nth(6).is_none()
        && !ends_a_sentence(line)
        && (line.trim_end().ends_with(':') && line.words().nth(3).is_none()
            || is_link_label(line)
            || is_box_heading(line)
            || footer_heading(line).is_some())
}

/// What goes of a line where other articles' titles stand at `spans`. All of it, when the
/// rest is labels, markers and times (`Also in Markets: <title>`, `• <title> (2h ago) •
/// <title>`); the titles and what sits beside them, when the article's own text stands only
/// before them (after a sentence's end, or before a title in capitals) or only after them.
fn headline_cut(line: &str, spans: &[(usize, usize)]) -> Option<Cut> {
    let (&(first, _), &(_, last)) = (spans.first()?, spans.last()?);
    if !spans.windows(2).all(|w| {
        is_link_filler(&line[w[0].1..w[1].0], true) || is_link_filler(&line[w[0].1..w[1].0], false)
    }) {
        return None;
    }
    let (before, after) = (&line[..first], &line[last..]);
    match (is_link_filler(before, true), is_link_filler(after, false)) {
        (true, true) => Some(Cut::Whole),
        (false, true) => {
            let title = &line[first..last];
            let opens = |t: &str| t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
            // The text before ends on a sentence or a figure, or the title stands in
            // capitals after text that is not: no sentence of the article runs on into it.
            let text = before.trim_end();
            let parted = text.ends_with([
                '.', '!', '?', ':', '"', '”', '’', ')', '|', '-', '–', '—', '•',
            ]) || text.ends_with(|c: char| c.is_ascii_digit())
                || !title.contains(char::is_lowercase) && text.contains(char::is_lowercase);
            if !opens(title) || !parted {
                return None;
            }
            // A label between the last sentence and the titles goes with them (`... it said.
            // Also in Markets:`), glued on or not (`... Duffy.See also:`).
            let end = text
                .match_indices(['.', '!', '?'])
                .map(|(i, _)| i + 1)
                .filter(|&i| {
                    text[i..].starts_with(|c: char| c == ' ' || c.is_uppercase())
                        && is_link_filler(&text[i..], true)
                })
                .min()
                .unwrap_or(text.len());
            Some(Cut::Keep(0, text[..end].trim_end().len()))
        }
        (true, false) => {
            let text = after.trim_start();
            text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                .then(|| Cut::Keep(line.len() - text.len(), line.len()))
        }
        (false, false) => None,
    }
}

/// What may stand beside a title in a box of links, `before` it or after: nothing but
/// markers and separators, a number (`2.`), a label (`Also in Markets:`, `[Related]`, `See
/// also`), or the time, date or count beside it (`(2h ago)`, `| 2 min read`, `(259
/// comments)`).
fn is_link_filler(piece: &str, before: bool) -> bool {
    let core = piece.trim_matches(|c: char| !c.is_alphanumeric());
    if core.is_empty() || core.len() <= 3 && core.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    // (A label is a few words, and no sentence: `... it said. See also:` is the article's,
    // and so is `... losses.See also:`, where `U.S.` is no sentence's end.)
    let glued_stop = core.match_indices('.').any(|(at, _)| {
        let word = core[..at].rsplit(' ').next().unwrap_or("");
        core[at + 1..].starts_with(char::is_uppercase) && word.len() > 3 && !word.contains('.')
    });
    if core.words().nth(6).is_some() || core.contains(". ") || glued_stop {
        return false;
    }
    if is_listing_meta(core) || is_counter(core) {
        return true;
    }
    let piece = piece.trim();
    if before {
        let bracketed = piece.starts_with(['[', '(']) && piece.ends_with([']', ')']);
        bracketed
            || piece.ends_with([':', '|', '-', '–', '—', '»', '>', '›', '▸', '►'])
                && !ends_a_sentence(core)
            || is_link_label(core)
            || is_box_heading(core)
    } else {
        // `| Business`, `(video)`: the section or the kind beside a title.
        let bracketed = piece.starts_with(['(', '[']) && piece.ends_with([')', ']']);
        core.words().nth(2).is_none()
            && (bracketed
                || piece.starts_with(['|', '·', '•', '-', '–', '—'])
                    && core.starts_with(char::is_uppercase))
    }
}

/// Body lines to blocks: residue removed, wrapped lines joined, doubled words repaired.
fn body_blocks(
    mut lines: Vec<(usize, &str)>,
    cuts: &Cuts,
    headlines: &Headlines,
    removed: &mut Vec<Removal>,
) -> Vec<Block> {
    // Group lines into blocks separated by blank lines (runs of `lines`, not copies).
    let mut spans: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    for (k, &(_, line)) in lines.iter().enumerate() {
        if line.is_empty() {
            if start < k {
                spans.push(start..k);
            }
            start = k + 1;
        }
    }
    if start < lines.len() {
        spans.push(start..lines.len());
    }

    // Drop residue: whole blocks first, then runs of headlines under a heading, then buttons
    // beside residue, then marker lines inside the blocks that stay.
    // Boxes of links to the archive's other articles first (their lines need no other look),
    // and a label alone over one.
    let titled: Vec<bool> = spans
        .iter()
        .map(|b| !cuts.cuts.is_empty() && cuts.is_box(&lines[b.clone()]))
        .collect();
    let mut reasons: Vec<Option<&'static str>> = spans
        .iter()
        .zip(&titled)
        .map(|(b, &titled)| {
            if titled {
                Some(RELATED)
            } else {
                block_residue(&lines[b.clone()])
            }
        })
        .collect();
    // Residue glued onto the end of a block's last line goes, and the line's sentences stay;
    // the block is judged again without it. (A block of one line, no table, is what the line
    // is.)
    for ((b, reason), &titled) in spans.iter().zip(&mut reasons).zip(&titled) {
        let (n, line) = lines[b.end - 1];
        if titled || cuts.get(n).is_some() {
            continue;
        }
        let whole = (b.len() == 1 && !is_pipe_table(&lines[b.clone()])).then_some(*reason);
        if let Some((at, why)) = glued_residue_at(line, whole) {
            removed.push(Removal {
                line: n,
                text: line[at..].trim().to_string(),
                reason: why,
            });
            lines[b.end - 1].1 = line[..at].trim_end();
            *reason = block_residue(&lines[b.clone()]);
        }
    }
    // A line of its own that stands on the pages of many of the archive's articles is the
    // site's furniture, when it has a word only a web page uses and is no sentence (`Follow
    // Example News on WhatsApp`, `Get our morning briefing in your inbox`).
    for (b, reason) in spans.iter().zip(&mut reasons) {
        if reason.is_none()
            && let [(_, line)] = lines[b.clone()]
            && headlines.is_repeated(line)
            && is_repeated_furniture(line)
        {
            *reason = Some(REPEATED);
        }
    }
    let lines = &lines[..];
    let mut raw: Vec<&[(usize, &str)]> = spans.iter().map(|b| &lines[b.clone()]).collect();
    for k in 1..raw.len() {
        // (Not when the box has its own.)
        if titled[k]
            && reasons[k - 1].is_none()
            && cuts.get(raw[k][0].0) == Some(Cut::Whole)
            && let [(_, label)] = raw[k - 1][..]
            && is_box_label(label)
        {
            reasons[k - 1] = Some(RELATED);
        }
    }
    // The blocks that are a box of links whole.
    let mut boxes = Vec::new();
    let mut k = 0;
    while k < raw.len() {
        // A heading, alone or over its first items. One of common words (`Latest news`, `In
        // this story`) opens a list only at the foot of the article, with two or more items
        // under it (in its own block or in the blocks after it).
        let label = raw[k][0].1;
        // (A sentence or a long line is no heading: most blocks go by here.)
        if label.len() > 100
            || label.ends_with(',')
            || label.ends_with('.') && !label.ends_with("..")
            || label.words().nth(9).is_some()
        {
            k += 1;
            continue;
        }
        // A box of stories under a label of its own words (`Featured`, `More from Markets`), or
        // a link's label over several links (`Previously`, `Read more >>`), holds two headlines
        // or more, and no table.
        let named = footer_heading(label);
        let related = named == Some((RELATED, true));
        let box_label = !related && is_box_heading(label);
        let links = !related && !box_label && is_links_label(label);
        let stories = box_label || links;
        let Some((heading, strong)) = if stories {
            Some((RELATED, true))
        } else {
            named
        }
        .filter(|_| is_footer_block(&raw[k][1..])) else {
            k += 1;
            continue;
        };
        let inner = raw[k].len() - 1;
        let listing = if heading == TAGS {
            is_name_like
        } else {
            is_headline_like
        };
        // The run of headlines (or names) after the heading, residue between them allowed.
        // A list of stories ends where a list of tags starts under its own heading (`More
        // about`, `Related topics`), which is looked at in its turn.
        let tags_follow = |end: usize| {
            heading == RELATED
                && reasons[end].is_none()
                && footer_heading(raw[end][0].1).is_some_and(|(h, _)| h == TAGS)
        };
        let run = |item: &dyn Fn(&str) -> bool, strict: bool| {
            let mut end = k + 1;
            let mut listed = Vec::new();
            while end < raw.len() {
                if tags_follow(end) {
                    break;
                }
                if let Some(reason) = reasons[end] {
                    // A link the rules above already saw (`Live: Latest updates`, another
                    // article's title) is an item.
                    if reason == READ_MORE && raw[end].len() == 1 || titled[end] {
                        listed.push(end);
                    }
                    end += 1;
                } else if raw[end].len() <= 8
                    && raw[end].iter().all(|(_, l)| item(l))
                    && if strict {
                        !is_wrapped_prose(raw[end])
                    } else {
                        is_footer_block(raw[end])
                    }
                {
                    listed.push(end);
                    end += 1;
                } else {
                    break;
                }
            }
            (end, listed)
        };
        // A footer runs to the end of the article, and may mix headlines, names, times and
        // section labels. Earlier, only a heading that names itself a list of links takes the
        // few headlines under it, and never a table's rows.
        // (Tags are names, never a table's rows. Nor is a line of stories a table's row, `Oct
        // 4462`, or a long sentence of the article's in lower case.)
        let not_story = |l: &str| {
            heading == RELATED
                && (is_label_and_figure(l)
                    || is_rates_row(l)
                    || l.words().nth(16).is_some()
                        && l.contains(char::is_lowercase)
                        && !is_listing_meta(l))
        };
        let (mut end, mut listed) = run(
            &|l| {
                !(heading == TAGS && is_table_row(l))
                    && (!stories && heading != TAGS || !is_short_figures_row(l))
                    && !not_story(l)
            },
            false,
        );
        // (A link's label takes only headlines, even at the foot.)
        let footer = (end == raw.len() || tags_follow(end)) && !links;
        if !footer && inner > 0 {
            // A box in one block ends with it.
            (end, listed) = (k + 1, Vec::new());
        } else if !footer {
            // A line ending in a full stop is a sentence, unless an upper-case headline's
            // abbreviation (`... BUYS STAKE IN U.K. CO.`).
            // Nor does a headline quote anyone; and one of two words is a table's label (`Six
            // months`). A headline may ask (`Could the strike spread?`).
            let sentence = |l: &str| {
                let end = l.trim_end_matches(['"', '”', '’', '\'']);
                (end.ends_with('.') || end.ends_with(['!', '?']) && l.words().nth(16).is_some())
                    && l.contains(char::is_lowercase)
                    || reports_speech(l)
            };
            (end, listed) = run(
                &|l| {
                    (listing(l) && (heading == TAGS || l.words().nth(2).is_some())
                        || heading == RELATED && strong && is_footer_item(l))
                        && !is_table_row(l)
                        && !is_dated_row(l)
                        && !starts_with_folded(l, "note:")
                        && !(stories && is_short_figures_row(l))
                        && !not_story(l)
                        && !sentence(l)
                        // `TOKYO, Oct 19 - Third quarter ended August 31` opens the article.
                        // (The place before a comma tells it from an upper-case headline
                        // with its source, `... VALUE SET - The Guardian`.)
                        && !(dateline(l).is_some()
                            && l.split_once(" - ").is_some_and(|(at, _)| at.contains(", ")))
                },
                true,
            );
        }
        // Other articles' titles count as the box's items, and are gone already.
        let titled_items = listed.iter().filter(|&&b| titled[b]).count();
        listed.retain(|&b| !titled[b]);
        // A box of headlines ends on a headline or the time beside it: a short name after the
        // last one is the article's own (a sub-heading, `MORE`). (A box of names, such as
        // `Related topics`, ends on a name.)
        while heading == RELATED
            && (stories || !footer)
            && let Some(&last) = listed.last()
            && raw[last].iter().all(|(_, l)| {
                !is_listing_meta(l) && without_listing_meta(l).words().nth(2).is_none()
            })
        {
            listed.pop();
            end = last;
        }
        // Figures only in the times beside them, or in headlines of five words or more (`FORD
        // LATE FEBRUARY CAR SALES UP 29.3 PCT`), never a table's rows.
        let no_figures = |lines: &[(usize, &str)]| {
            lines.iter().all(|(_, l)| {
                let headline = without_listing_meta(l);
                is_listing_meta(l)
                    || !headline.contains(|c: char| c.is_ascii_digit())
                    || headline.words().nth(4).is_some()
            })
        };
        let headlines = raw[k][1..]
            .iter()
            .chain(listed.iter().flat_map(|&b| raw[b]))
            .any(|(_, l)| without_listing_meta(l).words().nth(2).is_some())
            || titled_items > 0;
        let boxed = heading == RELATED
            && strong
            && listed.len() + inner + titled_items > 0
            && listed.len() <= 10
            && no_figures(&raw[k][1..])
            && listed.iter().all(|&b| no_figures(raw[b]));
        // Headlines under the heading: one a block, or several lines in one.
        let items = listed.iter().map(|&b| raw[b].len()).sum::<usize>() + inner + titled_items;
        // (One line under a label such as `Keep reading` is a link, or the article's own last
        // paragraph.)
        let enough = if strong && !stories {
            items > 0
        } else {
            items >= 2
        } && (headlines || !stories);
        if enough && (footer || boxed) {
            if reasons[k].is_none() {
                reasons[k] = Some(heading);
            }
            // (A box in one block goes whole: its lines are not judged one by one.)
            if inner > 0 {
                boxes.push(k);
            }
            for &b in &listed {
                reasons[b] = Some(heading);
            }
        }
        k = end.max(k + 1);
    }
    // `Home > Business > Markets` over the article: the page's breadcrumb trail.
    if let Some(k) = reasons.iter().position(Option::is_none)
        && let [(_, line)] = raw[k][..]
        && is_breadcrumb(line)
    {
        reasons[k] = Some(TAGS);
    }
    // `Go deeper` or `Read more` alone in its paragraph, then one headline in the next: a link.
    for k in 1..raw.len() {
        if let ([(_, label)], [(_, headline)]) = (raw[k - 1], raw[k])
            && reasons[k - 1].is_none_or(|r| r == READ_MORE)
            && reasons[k].is_none()
            && is_link_label(label)
            && is_headline_like(headline)
            && headline.words().nth(3).is_some()
            && !is_table_row(headline)
            && !ends_a_sentence(headline)
            && !headline.ends_with(':')
            && !starts_with_folded(headline, "note")
            // (Figures stand in a headline of five words or more, not in a table's row.)
            && (!headline.contains(|c: char| c.is_ascii_digit())
                || headline.words().nth(4).is_some())
        {
            reasons[k - 1] = Some(READ_MORE);
            reasons[k] = Some(READ_MORE);
        }
    }
    // A box under an advertisement's label: its pitch, the advertiser, a button.
    for k in 0..raw.len() {
        if reasons[k].is_none() && is_advert_box(raw[k]) {
            reasons[k] = Some(ADVERT);
        }
    }
    tag_footers(&mut raw, &mut reasons, removed);
    let mut whole = sign_up_boxes(&raw, &mut reasons);
    whole.extend(boxes);
    // The items of a list that residue opens (`we use cookies to:`), one a paragraph, each
    // in lower case as the sentence goes on: residue too.
    let mut open_list = false;
    for k in 0..raw.len() {
        if let Some(reason) = reasons[k] {
            open_list = raw[k]
                .last()
                .is_some_and(|(_, l)| l.trim_end().ends_with(':'))
                || open_list && reason == COOKIE && is_list_continuation(raw[k]);
        } else if open_list && is_list_continuation(raw[k]) {
            reasons[k] = reasons[k - 1].or(Some(COOKIE));
        } else {
            // A paragraph that residue glued below it opens the list too.
            let last = raw[k].len() - 1;
            open_list = last > 0
                && raw[k][last].1.trim_end().ends_with(':')
                && inline_residue(raw[k], last) == Some(COOKIE);
        }
    }
    // Buttons (`Options`, `Reject all`, `Submit`), addresses, a consent form's purposes and
    // lines speaking to the reader beside residue go with it.
    loop {
        let mut changed = false;
        for k in 0..raw.len() {
            let near =
                |j: Option<usize>| j.and_then(|j| reasons.get(j)).is_some_and(Option::is_some);
            if reasons[k].is_none()
                && (near(k.checked_sub(1)) || near(Some(k + 1)))
                && joins_residue(raw[k])
            {
                reasons[k] = reasons[k.saturating_sub(1)].or(reasons.get(k + 1).copied().flatten());
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // A box of residue (share buttons, an advertisement, a sign-up form) glued above or below
    // a paragraph: where it splits off.
    let mut glued: Vec<Option<(usize, bool)>> = vec![None; raw.len()];
    for k in 0..raw.len() {
        if reasons[k].is_none()
            && raw[k].len() >= 3
            && let Some((at, residue_first, reason)) = glued_box(raw[k])
        {
            reasons[k] = Some(reason);
            glued[k] = Some((at, residue_first));
        }
    }
    // Each block's first line, to see whether the next block opens with a table's row
    // (`Shr 85 cts vs 61 cts`).
    let first_lines: Vec<&str> = raw.iter().map(|b| b[0].1).collect();
    // The blocks that stay: most of them whole (borrowed), a few without some lines.
    let mut kept: Vec<Cow<[(usize, &str)]>> = Vec::new();
    // For each kept block, whether residue went between it and the one before; and whether
    // residue went after the last kept line so far.
    let mut gap_before: Vec<bool> = Vec::new();
    let mut gap = false;
    for (k, (mut block, reason)) in raw.into_iter().zip(reasons).enumerate() {
        // Whether residue went before this block's first kept line.
        let (mut gone_first, mut gone_last) = (false, false);
        if titled[k] {
            // Other articles' titles, and the box's label: nothing of the article.
            drop_block(block, RELATED, removed);
            gap = true;
            continue;
        }
        if let Some(reason) = reason {
            // A wrapped banner glued to a wrapped paragraph: only the banner goes.
            let Some((at, residue_first)) = glued[k].or_else(|| {
                (block.len() > 2 && !whole.contains(&k))
                    .then(|| split_glued(block))
                    .flatten()
            }) else {
                // (A table's period at its edge, `Nine mths`, heads the rows under it; a
                // sentence of the article at its edge is the article's.)
                let (gone, stays) = if first_lines.get(k + 1).is_some_and(|l| is_table_row(l)) {
                    without_period_at_edge(block)
                } else if !whole.contains(&k)
                    && let Some(split) = without_line_over_residue(block, reason)
                {
                    split
                } else {
                    without_sentence_at_edge(block)
                };
                drop_block(gone, reason, removed);
                if stays.is_empty() {
                    gap = true;
                    continue;
                }
                let before = gone.first().is_some_and(|g| g.0 < stays[0].0);
                kept.push(Cow::Borrowed(stays));
                gap_before.push(gap || before);
                gap = !gone.is_empty() && !before;
                continue;
            };
            let (head, rest) = block.split_at(at);
            let (gone, stays) = if residue_first {
                (head, rest)
            } else {
                (rest, head)
            };
            drop_block(gone, reason, removed);
            block = stays;
            (gone_first, gone_last) = (residue_first, !residue_first);
        }
        // (A list or a table keeps its lines.)
        let list = block.iter().all(|(_, l)| list_item(l).is_some()) || is_pipe_table(block);
        let mut lines_kept: Option<Vec<(usize, &str)>> = None;
        let last = block.len().saturating_sub(1);
        let last_reason = (block.len() > 1 && !list)
            .then(|| inline_residue(block, last))
            .flatten();
        // Footer lines glued under the paragraph's last sentence go with the last.
        let tail = if last_reason.is_some() && block.len() > 2 {
            glued_tail(block)
        } else {
            last
        };
        let mut previous_gone = false;
        // Whether a line went before the first line kept, and after the last.
        let (mut gone_before, mut gone_after) = (gone_first, false);
        let mut none_kept = true;
        for (k, &(n, line)) in block.iter().enumerate() {
            let mut reason = if k == last {
                last_reason
            } else if k >= tail {
                tail_residue(line)
            } else {
                (block.len() > 1 && !list)
                    .then(|| inline_residue(block, k))
                    .flatten()
            };
            // The end of a copyright line or a banner's sentence, wrapped onto the block's last
            // line (`© 2023 Example News. All Rights` / `Reserved.`): the two lines together
            // are that residue.
            if reason.is_none()
                && previous_gone
                && k == last
                && line.words().nth(5).is_none()
                && ends_a_sentence(line)
                && !ends_a_sentence(block[k - 1].1)
                && !block[k - 1].1.ends_with([':', ','])
            {
                reason = residue(&format!("{} {line}", block[k - 1].1))
                    .filter(|&r| matches!(r, LEGAL | COPYRIGHT | COOKIE));
            }
            let cut = cuts.get(n).filter(|_| reason.is_none());
            if cut == Some(Cut::Whole) {
                reason = Some(RELATED);
            }
            previous_gone = reason.is_some();
            gone_before |= none_kept && reason.is_some();
            gone_after = reason.is_some();
            none_kept &= reason.is_some();
            match reason {
                Some(reason) => {
                    removed.push(Removal {
                        line: n,
                        text: line.to_string(),
                        reason,
                    });
                    lines_kept.get_or_insert_with(|| block[..k].to_vec());
                }
                None => {
                    if let Some(Cut::Keep(start, end)) = cut {
                        let gone = if start == 0 {
                            &line[end..]
                        } else {
                            &line[..start]
                        };
                        removed.push(Removal {
                            line: n,
                            text: gone.trim().to_string(),
                            reason: RELATED,
                        });
                        lines_kept
                            .get_or_insert_with(|| block[..k].to_vec())
                            .push((n, &line[start..end]));
                    } else if let Some(kept_lines) = &mut lines_kept {
                        kept_lines.push((n, line));
                    }
                }
            }
        }
        // `Notice` over the banner it heads, the rest of its block: the banner's heading.
        if let Some(lines) = &mut lines_kept
            && let [(n, heading)] = lines[..]
            && block.len() >= 2
            && block[0].0 == n
            && is_short_label(heading)
            // (`REUTERS` signs the article off.)
            && heading.contains(char::is_lowercase)
            && removed[removed.len() - (block.len() - 1)..]
                .iter()
                .any(|r| r.reason == COOKIE && r.text.words().nth(7).is_some())
        {
            removed.push(Removal {
                line: n,
                text: heading.to_string(),
                reason: COOKIE,
            });
            lines.clear();
        }
        let stays = match lines_kept {
            None if !block.is_empty() => Cow::Borrowed(block),
            Some(lines) if !lines.is_empty() => Cow::Owned(lines),
            _ => {
                gap |= !block.is_empty();
                continue;
            }
        };
        kept.push(stays);
        gap_before.push(gap || gone_before);
        gap = gone_after || gone_last;
    }
    let kept = rejoin_split(kept, &gap_before);

    let count = kept.len();
    let mut blocks = Vec::with_capacity(count);
    for (k, block) in kept.iter().enumerate() {
        let first_line = block[0].0;
        let is_list = block.len() > 1 && block.iter().all(|(_, l)| list_item(l).is_some())
            || block.len() == 1 && list_item(block[0].1).is_some() && k > 0;
        let is_quote = block.iter().all(|(_, l)| l.starts_with('>'));
        if is_pipe_table(block) {
            let mut cells = block.iter().map(|&(n, l)| {
                table_cells(l)
                    .into_iter()
                    .map(|c| undouble(&c, n, removed))
                    .collect::<Vec<String>>()
            });
            let head = cells.next().unwrap_or_default();
            let align = table_cells(block[1].1)
                .into_iter()
                .map(|c| match (c.starts_with(':'), c.ends_with(':')) {
                    (true, true) => ":-:",
                    (true, false) => ":--",
                    (false, true) => "--:",
                    (false, false) => "---",
                })
                .collect();
            blocks.push(Block::Table {
                head,
                align,
                rows: cells.skip(1).collect(),
            });
        } else if is_list {
            let items = block
                .iter()
                .filter_map(|(n, l)| {
                    let item = list_item(l)?;
                    let marker = l[..l.len() - item.len()].trim().to_string();
                    Some((marker, undouble(item, *n, removed)))
                })
                .collect();
            blocks.push(Block::List(items));
        } else if is_quote {
            let text: Vec<&str> = block
                .iter()
                .map(|(_, l)| l.trim_start_matches('>').trim())
                .collect();
            blocks.push(Block::Quote(undouble(&text.join(" "), first_line, removed)));
        } else {
            let text = undouble(&join_lines(block), first_line, removed);
            let between = k > 0 && k + 1 < count;
            if block.len() == 1 && between && is_subheading(&text) {
                blocks.push(Block::Heading(text));
            } else {
                blocks.push(Block::Paragraph(text));
            }
        }
    }
    blocks
}

/// Tag footers: a label (`Posted in`, `Filed under`, `In this story`, `Topics:`) and the names
/// the page files the story under, one a line, in the label's paragraph or the next, or
/// between separators (`Trade | Brazil`). A label that names itself tags may stand anywhere;
/// one of words an article might use too (`Section`, `Explore`, `More on`) only at the foot
/// of the article, where it may also be glued below the last paragraph.
fn tag_footers<'a>(
    raw: &mut [&'a [(usize, &'a str)]],
    reasons: &mut [Option<&'static str>],
    removed: &mut Vec<Removal>,
) {
    // The names in the blocks from `from` on, up to `end`: how many blocks they fill.
    let names_from =
        |raw: &[&[(usize, &str)]], reasons: &[Option<&str>], from: usize, end: usize| {
            (from..end)
                .take_while(|&j| {
                    reasons[j].is_none() && raw[j].iter().all(|(_, l)| tag_names(l).is_some())
                })
                .count()
        };
    // Anywhere: a label that names itself tags, alone, over the names in its block or the next.
    for k in 0..raw.len() {
        let label = raw[k][0].1;
        if reasons[k].is_some() || label.len() > 40 || tag_label(label) != Some(true) {
            continue;
        }
        let names = if raw[k].len() > 1 {
            raw[k][1..].iter().all(|(_, l)| tag_names(l).is_some()) as usize
        } else {
            names_from(raw, reasons, k + 1, (k + 2).min(raw.len()))
        };
        if names > 0 {
            let blocks = if raw[k].len() > 1 { 1 } else { 1 + names };
            for reason in &mut reasons[k..k + blocks] {
                *reason = Some(TAGS);
            }
        }
    }
    // At the foot: the last blocks of the article's text.
    let mut end = raw.len();
    loop {
        while end > 0 && reasons[end - 1].is_some() {
            end -= 1;
        }
        if end == 0 {
            return;
        }
        // A label alone in its paragraph, over paragraphs of names.
        let label_block = (0..end)
            .rev()
            .take(4)
            .find(|&j| matches!(raw[j][..], [(_, l)] if l.len() <= 40 && tag_label(l).is_some()));
        if let Some(j) = label_block
            && j + 1 < end
            && names_from(raw, reasons, j + 1, end) == end - j - 1
        {
            for reason in &mut reasons[j..end] {
                *reason = Some(TAGS);
            }
            continue;
        }
        // Or the footer in the last block, from its label's line on.
        let k = end - 1;
        let Some(at) = tag_footer_start(raw[k]) else {
            return;
        };
        if at == 0 {
            reasons[k] = Some(TAGS);
        } else {
            drop_block(&raw[k][at..], TAGS, removed);
            raw[k] = &raw[k][..at];
            return;
        }
    }
}

/// Where the tag footer that ends `block` starts: a label alone on its line over names, one a
/// line; a label and its names on one line, perhaps wrapped (`Topics: TWA / Department of
/// Transportation`); a blog's `This entry was posted in Autos and tagged ... Bookmark the
/// permalink.` Glued below a paragraph, the paragraph must end its sentence.
fn tag_footer_start(block: &[(usize, &str)]) -> Option<usize> {
    let at = (0..block.len()).find(|&at| {
        let line = block[at].1;
        let rest = &block[at + 1..];
        if line.len() <= 40 && tag_label(line).is_some() {
            return !rest.is_empty() && rest.iter().all(|(_, l)| tag_names(l).is_some());
        }
        // (The lines are joined only where one opens with a label.)
        if line.starts_with("This entry was posted in ") {
            let text = join_lines(&block[at..]);
            return text.ends_with("Bookmark the permalink.") && text.words().nth(60).is_none();
        }
        opening_label(line).is_some() && {
            let text = join_lines(&block[at..]);
            text.len() <= 400
                && opening_label(&text)
                    .and_then(|n| {
                        tag_names(text[n..].trim_start_matches([':', ' ', '—', '–', '|']))
                    })
                    .is_some_and(|n| n >= 2)
        }
    })?;
    (at == 0 || ends_a_sentence(block[at - 1].1)).then_some(at)
}

/// The [`tag_label`] that opens a line of names (`Topics: A, B`, `Related Topics A · B`,
/// `Posted in Analysis | Tagged GRADE`): its length, the longest of up to three words.
fn opening_label(line: &str) -> Option<usize> {
    if !line.starts_with(char::is_alphabetic) {
        return None;
    }
    line.char_indices()
        .filter(|&(_, c)| matches!(c, ' ' | ':' | '|' | '—' | '–'))
        .map(|(i, _)| i)
        .take(3)
        .filter(|&i| tag_label(&line[..i]).is_some())
        .last()
}

/// A label that opens a tag footer (`Posted in`, `Filed under:`, `IN THIS STORY`): `true` for
/// one that names itself tags, `false` for words an article might use too (`Section`,
/// `Explore`, `More on`).
fn tag_label(line: &str) -> Option<bool> {
    let core = undecorated(line);
    if core.len() > 30 || !core.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    match core.to_lowercase().as_str() {
        "tags"
        | "tag"
        | "tagged"
        | "tagged with"
        | "topics"
        | "related topics"
        | "keywords"
        | "categories"
        | "filed under"
        | "posted in"
        | "labels"
        | "subjects"
        | "in this story"
        | "in this article"
        | "mentioned in this story"
        | "mentioned in this article" => Some(true),
        "section" | "sections" | "explore" | "explore more" | "subject" | "topic" | "category"
        | "more on" | "more about" | "see more on" | "see more" | "themes" | "browse"
        | "discover" | "read more about" => Some(false),
        _ => None,
    }
}

/// The number of names on a line of a tag footer, if it is one: after a list's marker, short
/// names between separators (`Trade | Brazil`, `Money Supply, united states`), or a few with
/// nothing between them (`Federal Communications Commission Bell Atlantic Energy`, where a
/// scraper lost the gaps). None of them ends a sentence, quotes anyone or holds a figure (as
/// a table's rows do).
fn tag_names(line: &str) -> Option<usize> {
    let mut line = line.trim();
    for marker in [
        "•", "·", "○", "◦", "+", "▪", "‣", "–", "-", "*", ">", "■", "●", "□",
    ] {
        if let Some(rest) = line.strip_prefix(marker)
            && (rest.is_empty() || rest.starts_with(' '))
        {
            line = rest.trim_start();
            break;
        }
    }
    if line.is_empty() {
        return Some(0);
    }
    if line.len() > 300 || line.contains(['"', '“', '”']) {
        return None;
    }
    let mut names = 0;
    let mut longest = 0;
    for name in line.split([',', '|', '·', '•', ';', '/']) {
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        let words = name.words().count();
        let last = name.rsplit(' ').next().unwrap_or("");
        let abbreviation = last.strip_suffix('.').is_some_and(|l| l.contains('.'));
        if name.ends_with(['!', '?', ':', ';'])
            || name.ends_with('.') && !abbreviation
            || !name.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '#' | '&'))
            || name.contains(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        longest = longest.max(words);
        names += 1;
    }
    // One run of up to twelve words with no gaps kept: names, never a clause.
    let run_of_names = || {
        names == 1
            && longest <= 12
            && !line.words().any(|w| {
                matches!(
                    w,
                    "the"
                        | "a"
                        | "an"
                        | "is"
                        | "was"
                        | "are"
                        | "were"
                        | "be"
                        | "said"
                        | "says"
                        | "will"
                        | "would"
                        | "has"
                        | "have"
                        | "had"
                        | "to"
                        | "that"
                        | "it"
                        | "he"
                        | "she"
                        | "they"
                        | "we"
                        | "you"
                        | "this"
                        | "by"
                        | "for"
                        | "with"
                )
            })
    };
    (longest <= 6 || run_of_names()).then_some(names)
}

/// A short block that no article is made of, and that goes with residue beside it: buttons
/// (`Okay`, `Agree & close`), a bare address, a consent form's purposes (`Store and/or access
/// information on a device`, `Vendor list`), a line speaking to the reader (`Help us improve
/// your experience`), a line only of a web page's words.
fn joins_residue(block: &[(usize, &str)]) -> bool {
    if block.iter().all(|(_, l)| l.len() <= 60 && is_button(l)) {
        return true;
    }
    // `f`, `in`, `✉`: a share button's icon, alone.
    if let [(_, line)] = block
        && line.trim().chars().count() <= 2
        && !line.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | '!' | '?'))
    {
        return true;
    }
    if block.len() > 3
        || block
            .iter()
            .map(|(_, l)| l.words().count_upto(21))
            .sum::<usize>()
            > 20
    {
        return false;
    }
    let text = join_lines(block);
    let words: Vec<&str> = text.words().collect();
    if words.len() > 20
        || reports_speech(&text)
        || dateline(&text).is_some()
        || block.iter().any(|(_, l)| is_table_row(l))
    {
        return false;
    }
    if let [word] = words[..]
        && (word.starts_with("https://") || word.starts_with("http://"))
    {
        return true;
    }
    // `* * *`, `___`, `—`: a divider, beside residue (hyphens rule a table's columns off).
    if text.chars().count() <= 20
        && text
            .chars()
            .all(|c| matches!(c, '*' | '_' | '—' | '–' | '•' | '·' | '~' | ' '))
    {
        return true;
    }
    let tokens: Vec<LowerWord> = text
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
        .filter(|t| !t.is_empty())
        .map(lower_word)
        .collect();
    if tokens.is_empty() {
        return false;
    }
    // (`US` is a country, not the reader's page.)
    let reader = text.split(|c: char| !c.is_alphanumeric()).any(|t| {
        matches!(
            t,
            "you" | "You" | "your" | "Your" | "us" | "our" | "Our" | "we" | "We"
        )
    });
    if reader
        && words.len() <= 12
        && !text.trim_end().ends_with(['.', ',', ';', ':'])
        && !text.contains(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    // `You can change your settings at any time.`, `Please let us know if you agree.`: a
    // short sentence to the reader about their choices on the page.
    if reader
        && words.len() <= 12
        && tokens.iter().any(|t| {
            matches!(
                t.as_ref(),
                "settings" | "agree" | "choices" | "choice" | "website" | "site" | "preferences"
            )
        })
    {
        return true;
    }
    // `Cookie notice`, `Privacy Preference Center`: a banner's heading; `Select 'Reject' to
    // refuse non-essential cookies.`: a short line about cookies.
    if words.len() <= 5
        && !text.trim_end().ends_with(['.', ',', ';', ':'])
        && tokens
            .iter()
            .any(|t| matches!(t.as_ref(), "cookie" | "cookies" | "privacy" | "consent"))
        || words.len() <= 12
            && tokens
                .iter()
                .any(|t| matches!(t.as_ref(), "cookie" | "cookies"))
    {
        return true;
    }
    // Every word a web page's, one of them a word only furniture uses.
    let strong = tokens
        .iter()
        .filter(|t| matches!(furniture(t), Some(Furniture::Strong(_))))
        .count();
    if strong > 0 && tokens.iter().all(|t| furniture(t).is_some()) {
        return true;
    }
    // A consent form's purposes and lists: its own words, one of them only its own.
    let consent = |t: &str| {
        matches!(
            t,
            "store"
                | "access"
                | "information"
                | "device"
                | "devices"
                | "personalised"
                | "personalized"
                | "advertising"
                | "ads"
                | "content"
                | "measurement"
                | "audience"
                | "insights"
                | "research"
                | "product"
                | "develop"
                | "development"
                | "improve"
                | "services"
                | "vendor"
                | "vendors"
                | "legitimate"
                | "interest"
                | "interests"
                | "precise"
                | "geolocation"
                | "profile"
                | "profiles"
                | "identify"
                | "identifiers"
                | "scanning"
                | "characteristics"
                | "choice"
                | "list"
                | "and"
                | "or"
        ) || furniture(t).is_some()
    };
    let own = tokens.iter().any(|t| {
        matches!(
            t.as_ref(),
            "vendor"
                | "vendors"
                | "legitimate"
                | "geolocation"
                | "personalised"
                | "personalized"
                | "measurement"
                | "device"
                | "consent"
                | "cookies"
                | "identifiers"
        )
    });
    // (Ten words a line: `List of partners (vendors)` / `Store and/or access information on a
    // device` are two of the form's lines.)
    own && tokens.len() <= 10 * block.len() && tokens.iter().all(|t| consent(t))
}

/// `Previously`, `ICYMI`, `[Read]`, `Also see`, `Spotlight`: the label of a link that may
/// stand over several, with a word that only such labels use (not `More`, nor `Analysis` or
/// `Background`, which head an article's own sections too).
fn is_links_label(line: &str) -> bool {
    if line.len() > 60 {
        return false;
    }
    let core = undecorated(line);
    core.len() <= 40
        && core.words().any(|w| {
            matches!(
                lower_word(w.trim_matches(|c: char| !c.is_alphanumeric())).as_ref(),
                "read"
                    | "see"
                    | "icymi"
                    | "missed"
                    | "previously"
                    | "archive"
                    | "archives"
                    | "interest"
                    | "next"
                    | "watch"
                    | "video"
                    | "listen"
                    | "spotlight"
                    | "trending"
                    | "featured"
                    | "popular"
                    | "picks"
                    | "related"
                    | "recommended"
                    | "miss"
                    | "deeper"
                    | "reading"
                    | "also"
            )
        })
        && (is_link_label(core) || is_listing_label(core))
}

/// `ICYMI`, `Go deeper`, `Also of interest`, `From the archive`: the label of one link to
/// another story, of words no sub-heading of an article is made of.
fn is_link_label(line: &str) -> bool {
    let core = undecorated(line).trim_matches('*').trim_end_matches(':');
    if core.words().nth(5).is_some() {
        return false;
    }
    let words: Vec<String> = core
        .words()
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| {
            matches!(
                w.as_str(),
                "also"
                    | "see"
                    | "read"
                    | "icymi"
                    | "in"
                    | "case"
                    | "you"
                    | "missed"
                    | "it"
                    | "go"
                    | "deeper"
                    | "previously"
                    | "from"
                    | "the"
                    | "archive"
                    | "archives"
                    | "of"
                    | "interest"
                    | "next"
                    | "up"
                    | "catch"
                    | "recommended"
                    | "related"
                    | "watch"
                    | "listen"
                    | "video"
                    | "more"
                    | "don't"
                    | "miss"
                    | "further"
                    | "reading"
                    | "must"
                    | "this"
                    | "too"
                    | "elsewhere"
                    | "on"
                    | "our"
                    | "site"
            )
        })
        && words.iter().any(|w| {
            matches!(
                w.as_str(),
                "also"
                    | "see"
                    | "read"
                    | "icymi"
                    | "missed"
                    | "deeper"
                    | "previously"
                    | "archive"
                    | "archives"
                    | "interest"
                    | "next"
                    | "catch"
                    | "recommended"
                    | "related"
                    | "watch"
                    | "listen"
                    | "video"
                    | "miss"
                    | "reading"
                    | "elsewhere"
            )
        })
}

/// `Home / Energy / Lifestyle`, `News › Business`, `HOME → Commodities`: two to five short
/// capitalised names, one after another with a path's marks between them.
fn is_breadcrumb(line: &str) -> bool {
    let Some(mark) = [" / ", " > ", " → ", " › ", " » ", " | ", " >> "]
        .into_iter()
        .find(|m| line.contains(m))
    else {
        return false;
    };
    let items: Vec<&str> = line.split(mark).map(str::trim).collect();
    (2..=5).contains(&items.len()) && items.iter().all(|i| is_section_name(i))
}

/// Whether a piece of a row of links names a section or page: one to three words that start in
/// capitals, without figures or a sentence's stops (`Home`, `Latin America`, `Mitt konto`).
fn is_section_name(item: &str) -> bool {
    (1..=3).contains(&item.words().count())
        && item.starts_with(char::is_uppercase)
        && !item.ends_with(['.', ',', ':', '!', '?'])
        && !item.contains(|c: char| c.is_ascii_digit())
}

/// The page's own furniture, one piece or several on a line: skip links (`Skip to main
/// content`), `Menu`, `Accessibility help`, `Back to top ↑`, an image's `Click to enlarge`,
/// a breadcrumb trail from `Home` or under `You are here:`.
fn is_page_furniture(text: &str) -> bool {
    let lower = text.to_lowercase();
    if let Some(trail) = lower.strip_prefix("you are here:") {
        return trail.trim().is_empty() || is_breadcrumb(text[text.len() - trail.len()..].trim());
    }
    if lower.starts_with("home ") && is_breadcrumb(text) {
        return true;
    }
    const PIECES: [&str; 17] = [
        "skip to main content",
        "skip to content",
        "skip to navigation",
        "skip to search",
        "skip to footer",
        "skip navigation",
        "accessibility help",
        "accessibility links",
        "main menu",
        "open menu",
        "close menu",
        "menu",
        "back to top",
        "top of page",
        "click to enlarge",
        "expand",
        "advertise with us",
    ];
    let mut rest = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let Some(piece) = PIECES.iter().find(|p| {
            rest.strip_prefix(**p)
                .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
        }) else {
            return false;
        };
        rest = rest[piece.len()..].trim_start_matches(|c: char| !c.is_alphanumeric());
    }
    true
}

/// `Advertisement` or `Sponsored by Acme` over the advertisement itself, in one block: a
/// pitch in a few short lines, ending in a button or the advertiser's name.
fn is_advert_box(block: &[(usize, &str)]) -> bool {
    let [(_, label), body @ .., (_, last)] = block else {
        return false;
    };
    let short = |l: &str, words: usize| l.words().nth(words).is_none();
    if !(3..=5).contains(&block.len()) || !short(undecorated(last), 3) || last.ends_with('.') {
        return false;
    }
    // A button: `Apply today`, `Compare now`, `Find out more ›`.
    let button = undecorated(last).words().next().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "apply"
                | "compare"
                | "shop"
                | "learn"
                | "find"
                | "get"
                | "book"
                | "buy"
                | "claim"
                | "discover"
                | "see"
                | "try"
                | "order"
                | "start"
                | "explore"
                | "read"
                | "watch"
                | "download"
                | "view"
                | "check"
                | "visit"
                | "install"
                | "play"
        )
    });
    // The pitch: lines that stand alone, never a wrapped sentence or a table's row.
    // (Over an advertiser's name rather than a button, a long pitch may be a sentence wrapped
    // onto the name's line.)
    let pitch = |l: &str| {
        (short(l, 8) || short(l, 12) && (button || l.trim_end().ends_with(['.', '!', '?'])))
            && !l.trim_end().ends_with([',', ':', ';'])
            && !short(l, 4)
            && l.starts_with(|c: char| !c.is_lowercase())
            && !is_table_row(l)
    };
    // `Sponsored`, `Sponsored by Helio Homes`, `From our partners`
    let marked = residue(label) == Some(ADVERT)
        || starts_with_folded(label, "sponsored by ") && short(label, 6)
        || matches!(
            undecorated(label).to_lowercase().as_str(),
            "from our partners" | "from our sponsors" | "partner content" | "paid post"
        );
    marked
        && !is_table_row(last)
        && (button || is_name_like(last))
        && body.iter().all(|(_, l)| pitch(l))
}

/// Short lines going on with a sentence in lower case: the items of a list that a line ending
/// with `:` opened.
fn is_list_continuation(block: &[(usize, &str)]) -> bool {
    block.len() <= 3
        && block.iter().all(|(_, l)| {
            let item = list_item(l).unwrap_or(l).trim_start();
            item.starts_with(char::is_lowercase) && item.words().nth(20).is_none()
        })
}

/// Where a block judged residue as a whole splits, between two lines, into residue and a
/// paragraph of the article glued to it (no blank line between): the line the second part
/// starts at, and whether the residue comes first. The residue part is taken as large as
/// it can be while the other part still reads as the article's.
fn split_glued(block: &[(usize, &str)]) -> Option<(usize, bool)> {
    // The article's part names nothing of a web page and does not speak to the reader; it
    // ends a sentence, or stops where a line of residue starts (`... by reserve number` over
    // a banner), or is a table's rows.
    let prose = |part: &[(usize, &str)], cut: bool| {
        if part.iter().all(|(_, l)| {
            is_table_row(l) && without_listing_meta(l) == l.trim_end() && residue(l).is_none()
        }) {
            return true;
        }
        let text = join_lines(part);
        let page_words = text
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .any(|w| {
                let w = lower_word(w);
                is_network(&w)
                    || matches!(
                        w.as_ref(),
                        "you"
                            | "your"
                            | "site"
                            | "website"
                            | "advertisement"
                            | "advertising"
                            | "sponsored"
                            | "subscribe"
                            | "subscriber"
                            | "subscribers"
                            | "subscription"
                            | "newsletter"
                            | "newsletters"
                            | "inbox"
                            | "paywall"
                            | "login"
                            | "signup"
                            | "cookie"
                            | "cookies"
                            | "consent"
                            | "privacy"
                            | "notifications"
                    )
            });
        !page_words
            && text.words().nth(7).is_some()
            && part
                .iter()
                .all(|(_, l)| !is_button(l) && residue(l).is_none())
            && (cut
                && part.len() > 1
                && part[1..]
                    .iter()
                    .all(|(_, l)| l.starts_with(char::is_lowercase) || l.chars().all(|c| c == '-'))
                || text
                    .trim_end()
                    .trim_end_matches(['"', '”', '\'', '’', ')'])
                    .ends_with(['.', '!', '?']))
            && residue(&text).is_none()
    };
    let starts = |line: &str| {
        line.trim_start()
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '"' || c == '“')
    };
    // Residue first: the last split that leaves a paragraph after it.
    let head = (1..block.len())
        .rev()
        .find(|&at| {
            starts(block[at].1)
                && residue(&join_lines(&block[..at])).is_some()
                && prose(&block[at..], false)
        })
        .map(|at| (at, true));
    // The paragraph first: the first split that leaves residue after it.
    head.or_else(|| {
        (1..block.len())
            .find(|&at| {
                starts(block[at].1)
                    && prose(&block[..at], at > 1 && residue(block[at].1).is_some())
                    && residue(&join_lines(&block[at..])).is_some()
            })
            .map(|at| (at, false))
    })
}

/// A box of two lines or more glued above a paragraph or below its last sentence, judged as
/// a block of its own: where it splits off, whether it comes first, and why it goes. The box's
/// lines are short; the paragraph starts as a new line does, or ends a sentence.
fn glued_box(block: &[(usize, &str)]) -> Option<(usize, bool, &'static str)> {
    // (A list, a table or code is no paragraph a box is glued to.)
    if block.iter().all(|(_, l)| {
        list_item(l).is_some() || l.starts_with(['|', ' ', '\t', '`']) || is_table_row(l)
    }) {
        return None;
    }
    let judge = |part: &[(usize, &str)]| {
        // (No line of a box wraps onto the next: `... withdrew Friday's request to` or
        // `the right to subscribe to buy an`.)
        (part[..part.len() - 1]
            .iter()
            .all(|(_, l)| !ends_mid_sentence(l) && !l.ends_with(','))
            && part
                .iter()
                .all(|(_, l)| !l.starts_with(char::is_lowercase) && dateline(l).is_none()))
        .then(|| block_residue(part).or_else(|| is_advert_box(part).then_some(ADVERT)))
        .flatten()
    };
    let short = |l: &str| l.len() <= 80;
    // (A box's first line is shorter than the paragraph's lines, or short: most blocks, a
    // wrapped paragraph's lines of one width, go by here.)
    let longest = block.iter().map(|(_, l)| l.len()).max().unwrap_or(0);
    let narrow = |l: &str| l.len() <= 40 || l.len() * 10 <= longest * 7;
    // A line of the box that is residue alone.
    let alone = |l: &str| is_button(l) || residue(l).is_some();
    // Above: the shortest box at the top, then as many more lines of residue alone as the box
    // takes; or a longer box whose last line is residue alone.
    let top = block.iter().take_while(|(_, l)| short(l)).count().min(8);
    let top = top.min(block.len() - 1);
    let opens = |at: usize| {
        starts_line(block[at].1)
            && !ends_mid_sentence(block[at - 1].1)
            && !block[at - 1].1.ends_with([',', ':', ';'])
    };
    let above = |at: usize| {
        opens(at)
            .then(|| judge(&block[..at]))
            .flatten()
            .map(|reason| (at, true, reason))
    };
    if narrow(block[0].1)
        && let Some(mut found) = (2..=top).find_map(above)
    {
        while found.0 < top
            && alone(block[found.0].1)
            && let Some(more) = above(found.0 + 1)
        {
            found = more;
        }
        let longer = (found.0 + 1..=top)
            .rev()
            .filter(|&to| alone(block[to - 1].1))
            .find_map(above);
        return Some(longer.unwrap_or(found));
    }
    // Below: the longest run of short lines at the foot, under a sentence's end.
    let foot = block
        .iter()
        .rev()
        .take_while(|(_, l)| short(l))
        .count()
        .min(8);
    for at in block.len() - foot.min(block.len() - 1)..=block.len() - 2 {
        if ends_a_sentence(block[at - 1].1)
            && starts_line(block[at].1)
            && narrow(block[at].1)
            && let Some(reason) = judge(&block[at..])
        {
            return Some((at, false, reason));
        }
    }
    None
}

/// The heading of a list of links or tags (`Related coverage`, `Explore more on these
/// topics`, `In this story`): its kind, and whether it names itself residue (`strong`) or is
/// of words an article might use as a sub-heading too.
fn footer_heading(line: &str) -> Option<(&'static str, bool)> {
    if !is_heading_only(line) {
        return None;
    }
    let core = undecorated(line);
    let lower = core.to_lowercase();
    let taggy = lower.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "topics" | "topic" | "tags" | "tagged" | "keywords" | "categories" | "subjects"
        )
    });
    match residue(line) {
        Some(TAGS) => Some((TAGS, true)),
        Some(RELATED) => Some((RELATED, true)),
        Some(READ_MORE) if taggy => Some((TAGS, true)),
        // `Follow the topics in this article` heads a list; `Follow this topic` is a button.
        Some(SHARE)
            if lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| matches!(w, "topics" | "tags")) =>
        {
            Some((TAGS, true))
        }
        // `Also on DW`: a link to a site, or the heading of its stories.
        Some(READ_MORE) if core.words().nth(1).is_some() && is_listing_heading(core) => {
            Some((RELATED, false))
        }
        Some(_) => None,
        None if taggy
            || matches!(
                lower.as_str(),
                "in this story" | "in this article" | "more about" | "mentioned in this story"
            ) =>
        {
            Some((TAGS, false))
        }
        None if core.words().nth(1).is_some()
            && (is_listing_heading(core) || lower.starts_with("more ")) =>
        {
            Some((RELATED, false))
        }
        None => None,
    }
}

/// The heading of a box of links to other stories: `Related Internet links`, `What others are
/// reading`, `Top Markets stories now`, `More from KEFA News 4`, `Elsewhere on The Ledger`,
/// `Featured ▸`. Its words are those such boxes are named with, one of them a word that names
/// the box (`related`, `latest`, `reading`, `stories`); after `from`, `on` or `in` the name of
/// a section or a site may follow, and one section's name may stand among `top ... stories`.
fn is_box_heading(line: &str) -> bool {
    if line.len() > 80 {
        return false;
    }
    let core = undecorated(line);
    let known = |w: &str| {
        matches!(
            w,
            "related"
                | "internet"
                | "links"
                | "link"
                | "articles"
                | "stories"
                | "story"
                | "content"
                | "coverage"
                | "news"
                | "headlines"
                | "reading"
                | "read"
                | "reads"
                | "keep"
                | "more"
                | "like"
                | "this"
                | "for"
                | "you"
                | "latest"
                | "featured"
                | "promoted"
                | "sponsored"
                | "recommended"
                | "suggested"
                | "what"
                | "others"
                | "are"
                | "to"
                | "next"
                | "up"
                | "on"
                | "from"
                | "around"
                | "the"
                | "web"
                | "in"
                | "other"
                | "also"
                | "trending"
                | "now"
                | "popular"
                | "most"
                | "viewed"
                | "shared"
                | "watched"
                | "commented"
                | "editor's"
                | "editors'"
                | "editors"
                | "picks"
                | "don't"
                | "dont"
                | "miss"
                | "further"
                | "elsewhere"
                | "videos"
                | "may"
                | "might"
                | "be"
                | "interested"
                | "today"
                | "today's"
                | "top"
                | "must"
                | "similar"
                | "best"
                | "of"
                | "right"
        )
    };
    // Every such label starts with one of the box's words.
    // Every such label starts with two of the box's words (or `Top` and a section's name):
    // most lines are told apart by these, without a copy.
    let box_word = |w: &str| {
        let w = lower_word(w);
        known(&w) || w.contains('’') && known(&w.replace('’', "'"))
    };
    // `More Deals news`, `MORE MARKETS STORIES`: the box of a section's stories.
    if let [more, section, kind] = core.words().collect::<Vec<_>>()[..]
        && more.eq_ignore_ascii_case("more")
        && section.starts_with(char::is_uppercase)
        && ["news", "stories", "headlines"]
            .iter()
            .any(|k| kind.eq_ignore_ascii_case(k))
    {
        return true;
    }
    let mut opening = core.words();
    let first = opening.next();
    if !first.is_some_and(box_word)
        || !first.is_some_and(|w| w.eq_ignore_ascii_case("top"))
            && opening.next().is_some_and(|w| !box_word(w))
    {
        return false;
    }
    // (`Sponsored` alone marks an advertisement, not a box of links.)
    if core.ends_with(['.', '!', '?', ')'])
        || core.contains([',', ';', '|'])
        || strict_residue(core) == Some(ADVERT)
    {
        return false;
    }
    let words: Vec<String> = core
        .words()
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    // A word that names the box itself; `more`, `the` or `this` alone would not.
    let names_box = |w: &str| {
        matches!(
            w,
            "related"
                | "links"
                | "articles"
                | "stories"
                | "headlines"
                | "news"
                | "reading"
                | "reads"
                | "latest"
                | "featured"
                | "promoted"
                | "sponsored"
                | "recommended"
                | "suggested"
                | "next"
                | "web"
                | "trending"
                | "popular"
                | "viewed"
                | "shared"
                | "watched"
                | "commented"
                | "picks"
                | "miss"
                | "elsewhere"
                | "videos"
                | "coverage"
        )
    };
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    if matches!(words[..], ["more", "like", "this"] | ["more", "for", "you"]) {
        return true;
    }
    // `You may also like`, `Most read`: a box that speaks to the reader or ranks.
    if words.iter().all(|w| known(w))
        && (words.iter().any(|w| names_box(w))
            || words.contains(&"most")
            || words.contains(&"you") && words.iter().any(|w| matches!(*w, "like" | "interested")))
    {
        return true;
    }
    // `More from KEFA News 4`, `Elsewhere on The Ledger`, `More in Markets`: the box's words,
    // then the name of a section or a site.
    if let Some(at) = words
        .iter()
        .position(|w| matches!(*w, "from" | "on" | "in"))
        && at > 0
        && words[..at].iter().all(|w| known(w))
        && words[..at]
            .iter()
            .any(|w| matches!(*w, "more" | "elsewhere" | "latest" | "stories" | "news"))
        && (1..=5).contains(&(words.len() - at - 1))
    {
        return true;
    }
    // `Top Markets stories now`: one section's name among the box's words.
    words.first() == Some(&"top")
        && words
            .iter()
            .any(|w| matches!(*w, "stories" | "news" | "headlines" | "reads"))
        && words.iter().filter(|w| !known(w)).count() == 1
}

/// Two headlines or more between separators, with their times beside them perhaps:
/// `01 Headline • 02 Headline`, `- Headline | - Headline`, `Headline · 21 hours ago ·
/// Headline · 18 hours ago`, `Headline - Bloomberg / Headline - CNN`.
fn is_headline_row(row: &str) -> bool {
    let Some(separator) = [" | ", " • ", " · ", " / ", " ▪ "]
        .into_iter()
        .find(|s| row.contains(s))
    else {
        return false;
    };
    let mut headlines = 0;
    for part in row.split(separator) {
        let part = part.trim();
        if is_listing_meta(part) {
            continue;
        }
        let part = without_listing_meta(part);
        let part = part
            .trim_start_matches(|c: char| {
                !c.is_alphanumeric() && !matches!(c, '\'' | '"' | '‘' | '“' | '<')
            })
            .trim_start();
        // `01 Headline`, `1. Headline`
        let part = part
            .split_once(' ')
            .filter(|(n, _)| {
                (1..=3).contains(&n.len())
                    && n.trim_end_matches(['.', ')'])
                        .bytes()
                        .all(|b| b.is_ascii_digit())
            })
            .map_or(part, |(_, rest)| rest);
        if !is_headline_like(part) || reports_speech(part) || part.words().nth(16).is_some() {
            return false;
        }
        headlines += 1;
    }
    headlines >= 2
}

/// Why a whole block is residue, if it is: one line or paragraph of residue; a heading with its
/// headlines or tags on the lines below it; a widget of short lines (a newsletter box: name,
/// blurb, e-mail field, button) most of which are residue on their own.
fn block_residue(block: &[(usize, &str)]) -> Option<&'static str> {
    // A line that starts in lower case continues a sentence: the block is prose, unless
    // the line is a marker that never is.
    let continued = block.iter().skip(1).any(|(_, l)| {
        l.starts_with(char::is_lowercase) && strict_residue(l).is_none() && !is_email_field(l)
    });
    // A list's items are the article's; its heading and links are judged below.
    let list = block.iter().all(|(_, l)| list_item(l).is_some());
    // So is a table written with pipes, as a page's table comes out of a converter (each row
    // would otherwise be judged as a line, and its cells look like a box's links).
    if is_pipe_table(block) {
        return None;
    }
    if block.len() > 1 && !continued && !list {
        let first = residue(block[0].1);
        if first == Some(RELATED)
            && block[1..]
                .iter()
                .all(|(_, l)| is_headline_like(l) && !is_dated_row(l) && !l.contains(" vs "))
        {
            return first;
        }
        // `Read more` or `Previously` over a few headlines (or their addresses): links.
        if block.len() <= 6
            && (first == Some(READ_MORE) || first.is_none() && is_link_label(block[0].1))
            && block[1..].iter().all(|(_, l)| {
                (is_headline_like(l) && l.words().nth(3).is_some() && l.words().nth(14).is_none()
                    || l.starts_with("http"))
                    && !is_table_row(l)
                    && !l.trim_end().ends_with(['.', ':', ','])
            })
        {
            return Some(READ_MORE);
        }
        if matches!(first, Some(TAGS | RELATED)) && block[1..].iter().all(|(_, l)| is_name_like(l))
        {
            return Some(TAGS);
        }
        // (A consent banner's notice may run longer than a line of a box.)
        let short = |l: &str| {
            l.words().nth(30).is_none()
                || l.words().nth(60).is_none()
                    && names_banner_or_copyright(l)
                    && residue(l) == Some(COOKIE)
        };
        if block.len() <= 8 && block.iter().all(|(_, l)| short(l)) {
            let line_reasons: Vec<Option<&'static str>> = std::iter::once(first)
                .chain(block[1..].iter().map(|(_, l)| residue(l)))
                .collect();
            let found: Vec<&'static str> = line_reasons.iter().flatten().copied().collect();
            // The other lines must not read as prose: no sentence ends there; buttons and
            // form fields are fine.
            // Nor carry figures or run long, as a dateline, a table row or a sentence does.
            // An e-mail field makes a short block a sign-up form, whatever its prompt says; its
            // blurb may be a short sentence (`Expert analysis, every weekday afternoon.`).
            let form = block.len() <= 5 && block.iter().any(|(_, l)| is_email_field(l));
            let prose = block.iter().zip(&line_reasons).any(|((_, l), reason)| {
                reason.is_none()
                    && !is_button(l)
                    && if form {
                        l.words().nth(12).is_some() || reports_speech(l) || dateline(l).is_some()
                    } else {
                        l.ends_with(['.', ','])
                            || l.words().nth(10).is_some()
                            || l.contains(|c: char| c.is_ascii_digit())
                            || ends_mid_sentence(l)
                    }
                    && !joins_residue(&[(0, l)])
            });
            // Buttons, or lines that go with residue beside them (`Vendor list`, `Help us
            // improve your experience`).
            let buttons = block
                .iter()
                .zip(&line_reasons)
                .all(|((_, l), r)| r.is_some() || is_button(l));
            let beside = || {
                block
                    .iter()
                    .zip(&line_reasons)
                    .all(|((_, l), r)| r.is_some() || joins_residue(&[(0, l)]))
            };
            if !found.is_empty()
                && !prose
                && (found.len() * 2 >= block.len() && found.len() >= 2
                    || buttons
                    || form
                    || beside())
            {
                return Some(found[0]);
            }
            // A box that ends in its button or notice, naming what it sells twice or more
            // (`Support quality journalism` / `Your subscription makes our reporting possible.`
            // / `See subscription options`): short lines, no one quoted, nothing reported.
            let last = block.len() - 1;
            let sells_in = |l: &str| {
                l.split(|c: char| !(c.is_alphanumeric() || c == '-'))
                    .filter(|w| {
                        matches!(
                            lower_word(w).as_ref(),
                            "subscribe"
                                | "subscribed"
                                | "subscriber"
                                | "subscribers"
                                | "subscription"
                                | "subscriptions"
                                | "subscribing"
                                | "newsletter"
                                | "newsletters"
                                | "inbox"
                                | "signup"
                                | "sign-up"
                                | "login"
                                | "paywall"
                                | "unsubscribe"
                                | "cookie"
                                | "cookies"
                                | "consent"
                                | "privacy"
                        )
                    })
                    .count()
            };
            let sells = || block.iter().map(|(_, l)| sells_in(l)).sum::<usize>();
            // Its other lines are a heading or a question (`Enjoying this article?`), never a
            // sentence of news, a table's row or a dateline.
            let plain = || {
                block.iter().zip(&line_reasons).all(|((_, l), r)| {
                    let aside = r.is_some() || is_button(l) || sells_in(l) > 0;
                    (aside
                        || l.words().nth(6).is_none()
                            && !l.ends_with('.')
                            && !l.contains(|c: char| c.is_ascii_digit()))
                        && !is_table_row(l)
                        && dateline(l).is_none()
                        && l.words().nth(15).is_none()
                        && !reports_speech(l)
                })
            };
            if block.len() <= 5
                && (line_reasons[last].is_some() || is_button(block[last].1))
                && sells() >= 2
                && plain()
            {
                return line_reasons[last].or(Some(SHARE));
            }
        }
    }
    let reason = residue(&join_lines(block));
    // Lines of residue glued to lines of the article (no blank line between): only the
    // residue lines go, below, line by line; a wrapped banner continues its lines and goes whole.
    if reason.is_some() && block.len() > 1 && !continued {
        let alone: Vec<Option<&'static str>> = block.iter().map(|(_, l)| residue(l)).collect();
        let mixed = alone.iter().any(Option::is_some)
            && block.iter().zip(&alone).any(|((_, l), r)| {
                // (`| Film`: the end of a list of items, wrapped.)
                r.is_none() && !is_button(l) && !l.starts_with('|')
            });
        if mixed {
            return None;
        }
    }
    reason
}

/// A newsletter's sign-up box, in one block or a paragraph a line: its name, a short blurb
/// (`The news you need to start your day, in five minutes.`), the e-mail field, the button
/// and the small print. Its own lines ([`sign_up_line`]) must hold the blurb between them (a
/// name may open the box): a short line of the article beside the box stays.
///
/// Returns the blocks that are a box whole, which no paragraph is glued to.
fn sign_up_boxes(raw: &[&[(usize, &str)]], reasons: &mut [Option<&'static str>]) -> Vec<usize> {
    // The box in `lines`: a bit for each line it takes.
    fn box_of(lines: &[&str], within_block: bool) -> u32 {
        // (A line of the box's own may wrap: `Privacy notice: newsletters may contain
        // information about charities,` / `online ads and content funded by outside parties.`)
        // It must hold two lines of its own, wrapped ones aside.
        let mut own: Vec<bool> = lines.iter().map(|l| sign_up_line(l)).collect();
        let strong = lines
            .iter()
            .zip(&own)
            .filter(|&(l, &o)| o && !is_sign_up_button(l))
            .count();
        if strong == 0 || own.iter().filter(|&&o| o).count() < 2 {
            return 0;
        }
        if within_block {
            for k in 1..lines.len() {
                let cut = lines[k - 1].ends_with(',') || ends_mid_sentence(lines[k - 1]);
                own[k] |= own[k - 1] && cut && lines[k].starts_with(char::is_lowercase);
            }
        }
        let filler = |l: &str| {
            l.words().nth(14).is_none()
                && !l.contains(|c: char| c.is_ascii_digit())
                && !reports_speech(l)
                && dateline(l).is_none()
                && !is_table_row(l)
                && !l.starts_with(char::is_lowercase)
        };
        let name = |l: &str| {
            filler(l)
                && l.words().nth(5).is_none()
                && !l.trim_end().ends_with(['.', '!', '?', ':'])
                && (within_block || starts_with_mark(l))
        };
        // Over paragraphs, a name in title case (`Politics Weekly`) over its blurb.
        let titled = |l: &str| {
            filler(l)
                && l.words().nth(1).is_some()
                && l.words().nth(4).is_none()
                && !l.trim_end().ends_with(['.', '!', '?', ':'])
                && is_title_case(l)
        };
        // What the newsletter sends, said to the reader: a longer line (`Get set for the
        // working day – we'll point you to all the news you need every morning`).
        let pitch = |l: &str| {
            l.words().nth(30).is_none()
                && !l.contains(|c: char| c.is_ascii_digit())
                && !reports_speech(l)
                && !l.starts_with(char::is_lowercase)
                && l.split(|c: char| !(c.is_alphanumeric() || c == '\''))
                    .any(|w| matches!(w, "you" | "your" | "we'll" | "we" | "our" | "You" | "Your"))
        };
        // Over paragraphs, a blurb stands right over the field or the button.
        let blurb = |k: usize| {
            (filler(lines[k]) || pitch(lines[k]))
                && (within_block
                    || lines.get(k + 1).is_some_and(|l| {
                        is_email_field(l) || is_sign_up_button(l) || is_email_prompt(l)
                    }))
        };
        // The box opens with its own line, or with a name (and its blurb) before it.
        let first = own.iter().position(|&o| o).unwrap_or(0);
        let last = own.iter().rposition(|&o| o).unwrap_or(0);
        let start = match first {
            1.. if name(lines[first - 1]) => first - 1,
            2.. if (name(lines[first - 2]) || titled(lines[first - 2])) && blurb(first - 1) => {
                first - 2
            }
            _ => first,
        };
        let mut taken = 0u32;
        for (k, line) in lines.iter().enumerate().take(last + 1).skip(start) {
            if own[k] || k == start && start < first && (name(line) || titled(line)) || blurb(k) {
                taken |= 1 << k;
            } else if within_block {
                // A line of the article inside: no box.
                return 0;
            } else {
                // A paragraph of the article: the box, if any, is after it.
                return box_of(&lines[k + 1..], false) << (k + 1);
            }
        }
        taken
    }
    // (Only where a short line is the e-mail field, the button or the box's own.)
    let field = |line: &str| line.len() <= 40 && sign_up_line(line);
    let has_field = |block: &[(usize, &str)]| block.iter().any(|(_, l)| field(l));
    // In one block of short lines.
    let mut whole = Vec::new();
    for (k, block) in raw.iter().enumerate() {
        // `Sports Roundup – free newsletter`: a newsletter's name alone; `Free newsletter:
        // the week's biggest stories, every Sunday`: what it sends, under its label.
        let newsletter = |text: &str| names_word(text, "newsletter");
        if let [(_, line)] = block[..]
            && reasons[k].is_none()
            && line.len() <= 100
            && (line.words().nth(7).is_none()
                || line
                    .split_once(": ")
                    .is_some_and(|(label, _)| label.words().nth(2).is_none() && newsletter(label))
                    && line.words().nth(15).is_none())
            && !line.trim_end().ends_with(['.', '!', '?', ':', ','])
            && !reports_speech(line)
            && newsletter(line)
        {
            reasons[k] = Some(SHARE);
        }
        if (2..=8).contains(&block.len()) && has_field(block) {
            let lines: Vec<&str> = block.iter().map(|(_, l)| *l).collect();
            if box_of(&lines, true) == (1 << lines.len()) - 1 {
                reasons[k] = reasons[k].or(Some(SHARE));
                whole.push(k);
            }
        }
    }
    // Over paragraphs of one line each.
    let mut in_box = vec![false; raw.len()];
    let mut k = 0;
    while k < raw.len() {
        let end = (k..raw.len().min(k + 10))
            .find(|&j| raw[j].len() > 1)
            .unwrap_or(raw.len().min(k + 10));
        if end - k >= 2 && raw[k..end].iter().any(|b| has_field(b)) {
            let lines: Vec<&str> = raw[k..end].iter().map(|b| b[0].1).collect();
            let taken = box_of(&lines, false);
            for (j, reason) in reasons[k..end].iter_mut().enumerate() {
                if taken & (1 << j) != 0 {
                    *reason = reason.or(Some(SHARE));
                    in_box[k + j] = true;
                }
            }
        }
        // (Ten paragraphs of one line: the next look overlaps this one, so that a box across
        // the edge is seen whole.)
        k = if end == k + 10 { k + 4 } else { end.max(k + 1) };
    }
    // A newsletter's name in a paragraph of its own (`Five Things`, `THE WEEK IN REVIEW`,
    // `📩 Politics Weekly`), over the box (whose blurb names the inbox, or which its mark or
    // the box's lines show), or between the box's label and its blurb: a few words in
    // capitals or title case, naming nothing the article reports.
    // (The label: `NEWSLETTER`, `Newsletter sign-up`; the blurb names the inbox.)
    let label = |reasons: &[Option<&str>], k: usize| {
        reasons[k] == Some(SHARE)
            && raw[k][0].1.words().nth(2).is_none()
            && names_word(raw[k][0].1, "newsletter")
    };
    let blurb = |reasons: &[Option<&str>], k: usize, name: &str| {
        reasons[k] == Some(SHARE)
            && (names_word(raw[k][0].1, "inbox") && sign_up_line(raw[k][0].1)
                || in_box[k]
                || starts_with_mark(name))
    };
    for k in 1..raw.len().saturating_sub(1) {
        if let [(_, name)] = raw[k]
            && reasons[k].is_none()
            && name.len() <= 40
            && name.words().nth(1).is_some()
            && name.words().nth(4).is_none()
            && is_title_case(name)
            && !name.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | '!' | '?' | ':'))
            // (Under a table's row, residue between or not, `Nine Mths` heads the next rows.)
            && (label(reasons, k - 1) && reasons[k + 1] == Some(SHARE)
                || blurb(reasons, k + 1, name)
                    && (0..k)
                        .rev()
                        .find(|&j| reasons[j].is_none())
                        .is_none_or(|j| raw[j].last().is_some_and(|(_, l)| ends_a_sentence(l))))
        {
            reasons[k] = Some(SHARE);
        }
    }
    whole
}

/// Whether `text` has `word` among its words, in any case.
fn names_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether `line` opens with a mark such as `📩` or `▸` (past the ASCII and Latin letters'
/// ranges, and no letter).
fn starts_with_mark(line: &str) -> bool {
    line.starts_with(|c: char| c > '\u{2000}' && !c.is_alphanumeric())
}

/// Whether every word of `line` starts with a capital, but for the small words a title
/// leaves in lower case (`The Week in Review`, `TODAY'S WORLDVIEW`).
fn is_title_case(line: &str) -> bool {
    // (A mark before the name, `📩`, is no word.)
    line.words()
        .filter(|w| w.contains(char::is_alphanumeric))
        .enumerate()
        .all(|(k, w)| {
            w.starts_with(char::is_uppercase)
                || k > 0 && matches!(w, "of" | "the" | "in" | "and" | "a" | "to" | "on" | "for")
        })
}

/// A line only a newsletter's sign-up box has: its e-mail field or button, or a short line
/// that names the newsletter, the inbox or the e-mail it sends (`Stay informed`, `You can
/// unsubscribe at any time.`, `This site is protected by reCAPTCHA ...`).
fn sign_up_line(line: &str) -> bool {
    if is_email_field(line) || is_sign_up_button(line) || is_email_prompt(line) {
        return true;
    }
    // (A byte search first: most lines name none of these.)
    static HINTS: Phrases = Phrases::fragments(&[
        "mail",
        "MAIL",
        "ubscri",
        "UBSCRI",
        "nbox",
        "NBOX",
        "ewsletter",
        "EWSLETTER",
        "ign up",
        "ign Up",
        "IGN UP",
        "igning up",
        "ign-up",
        "ignup",
        "CAPTCHA",
        "tay informed",
        "tay Informed",
        "TAY INFORMED",
        "tay up to date",
    ]);
    if line.len() > 200 || !HINTS.found_in(line) || reports_speech(line) {
        return false;
    }
    let lower = line.to_lowercase();
    let core = undecorated(&lower);
    if matches!(
        core,
        "stay informed" | "stay up to date" | "newsletter sign-up"
    ) {
        return true;
    }
    core.words().nth(25).is_none()
        && (lower.contains("sign up")
            || lower.contains("signing up")
            || lower
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .any(|w| {
                    matches!(
                        w,
                        "newsletter"
                            | "newsletters"
                            | "inbox"
                            | "unsubscribe"
                            | "subscribe"
                            | "subscribing"
                            | "subscribed"
                            | "sign-up"
                            | "signup"
                            | "email"
                            | "e-mail"
                            | "recaptcha"
                    )
                }))
}

/// The prompt in a sign-up box's e-mail field: `Email address`, `Type your email…`, perhaps
/// with the button beside it.
fn is_email_prompt(line: &str) -> bool {
    let core = undecorated(line);
    core.len() <= 40
        && [
            "email address",
            "your email",
            "type your email",
            "enter your email",
            "e-mail address",
            "your e-mail",
        ]
        .iter()
        .any(|p| starts_with_folded(core, p))
}

/// The button of a sign-up box: `Subscribe`, `Join`, `Go`, `Sign me up →`.
fn is_sign_up_button(line: &str) -> bool {
    let core = undecorated(line);
    core.len() <= 20
        && [
            "subscribe",
            "subscribe now",
            "join",
            "join now",
            "go",
            "sign up",
            "sign up now",
            "sign me up",
            "submit",
            "send",
        ]
        .iter()
        .any(|b| core.eq_ignore_ascii_case(b))
}

/// `name@example.com` alone on a line, or with its button (`you@example.com SIGN UP`): the
/// field of a sign-up form.
fn is_email_field(line: &str) -> bool {
    let core = undecorated(line);
    let (field, button) = core.split_once(' ').unwrap_or((core, ""));
    field.contains('@')
        && field.contains('.')
        && (button.is_empty() || is_sign_up_button(button) || is_button(button))
}

/// A short line of a web page's words that is not residue on its own: a button or a form
/// field (`Options`, `Reject all`, `Join now`, `Before you continue`).
fn is_button(line: &str) -> bool {
    let core = undecorated(line);
    // A counter: `1.2K shares`, `12 Comments`, `Share 47`.
    if is_counter(core) {
        return true;
    }
    let mut words = 0;
    let mut last = String::new();
    for token in core.split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '&'))) {
        if token.is_empty() || token == "&" {
            continue;
        }
        words += 1;
        last = token.to_lowercase();
        if words > 8 || furniture(&last).is_none() {
            return false;
        }
    }
    // One word alone is a button only if it is a button's word (`More` ends wire stories).
    let lone_button = matches!(
        last.as_str(),
        "options"
            | "submit"
            | "deny"
            | "accept"
            | "reject"
            | "decline"
            | "allow"
            | "agree"
            | "close"
            | "dismiss"
            | "ok"
            | "okay"
            | "register"
            | "save"
            | "settings"
            | "preferences"
            | "manage"
            | "x"
            | "threads"
            | "disagree"
            | "marketing"
            | "statistics"
            | "functional"
            | "necessary"
            | "open"
            | "install"
            | "resize"
    );
    (words > 1 || lone_button) && !core.ends_with('.')
}

/// A heading and nothing else: web page words (`Related posts`, `Browse topics`), and names
/// only after `from`, `on` or `in` (`More from Business`).
fn is_heading_only(line: &str) -> bool {
    if line.len() > 100 {
        return false;
    }
    let core = undecorated(line);
    if core.contains([':', '|', '›', '»']) || core.words().nth(8).is_some() {
        return false;
    }
    let mut after_preposition = false;
    for token in core.split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’'))) {
        if token.is_empty() {
            continue;
        }
        let lower = token.to_lowercase();
        let known = furniture(&lower).is_some();
        if !(known || after_preposition && token.starts_with(char::is_uppercase)) {
            return false;
        }
        after_preposition |= matches!(lower.as_str(), "from" | "on" | "in" | "about");
    }
    true
}

/// A line of a list of links or tags at the foot of a page: a headline, a short name in any
/// case (`Harris County`, `groupe videotron ltd`), a time or date (`2h ago`, `6 min read`,
/// `March 3, 2024`), a number; never a table's row or a sentence.
fn is_footer_item(line: &str) -> bool {
    if is_listing_meta(line) {
        return true;
    }
    // `NOTE: Full name is ...`: the article's own note.
    if starts_with_folded(line, "note:") {
        return false;
    }
    // `Headline | March 3, 2024`: the date is not part of the row.
    let text = without_listing_meta(line);
    let item = list_item(text).unwrap_or(text).trim();
    // `01 Headline`: a ranked list's number.
    let item = item
        .split_once(' ')
        .filter(|(n, rest)| {
            n.len() == 2
                && n.bytes().all(|b| b.is_ascii_digit())
                && rest.starts_with(char::is_uppercase)
        })
        .map_or(item, |(_, rest)| rest);
    if is_table_row(item) {
        return false;
    }
    let item = item
        .split_once(['.', ')'])
        .filter(|(n, rest)| {
            !n.is_empty()
                && n.len() <= 2
                && n.bytes().all(|b| b.is_ascii_digit())
                && rest.starts_with(' ')
        })
        .map_or(item, |(_, rest)| rest.trim_start());
    let words = item.words().count();
    let dated = is_dated_row(item);
    let short_name = (1..=5).contains(&words)
        && item.starts_with(char::is_alphanumeric)
        && !item.ends_with(['.', ',', ';', ':', '!', '?']);
    // `Aust Dlr....0.7076/81`: a table's dot leaders.
    !dated
        && words <= 16
        && !item.contains("....")
        && (short_name || is_headline_like(item) && !(item.ends_with('.') && words > 4))
}

/// `Pay March 31`, `Record 10 April`, `Record April One`: a row of a dividend table, not a
/// headline.
fn is_dated_row(item: &str) -> bool {
    let tokens: Vec<&str> = item.words().collect();
    tokens.len() <= 4
        && tokens.windows(2).any(|pair| {
            let number = |t: &str| {
                t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit())
                    || matches!(
                        t.to_ascii_lowercase().as_str(),
                        "one"
                            | "two"
                            | "three"
                            | "four"
                            | "five"
                            | "six"
                            | "seven"
                            | "eight"
                            | "nine"
                            | "ten"
                            | "eleven"
                            | "twelve"
                            | "fifteen"
                            | "twenty"
                            | "thirty"
                    )
            };
            let month = |t: &str| crate::date::month_number(t.trim_end_matches(',')).is_some();
            number(pair[0]) && month(pair[1])
                || month(pair[0]) && number(pair[1].trim_end_matches(','))
        })
}

/// A listed headline without the time, date, read time or count beside it: `Headline |
/// March 3, 2024`, `Headline · 5 min read`, `Headline (March 1, 1987)`, `Headline 14h`,
/// `Headline (47 comments)`, `Headline 💬 251`.
fn without_listing_meta(line: &str) -> &str {
    let line = line.trim_end();
    let meta = |m: &str| {
        let m = m.trim_start_matches(['💬', '🕒', '⏱', '\u{fe0f}', ' ']);
        is_listing_meta(m)
            || is_counter(m)
            || m.bytes().all(|b| b.is_ascii_digit()) && !m.is_empty()
    };
    for separator in [" | ", " · ", " — ", " – ", " - ", " • "] {
        if let Some((head, tail)) = line.rsplit_once(separator)
            && meta(tail)
            && !head.trim().is_empty()
        {
            return head.trim_end();
        }
    }
    if let Some(open) = line.strip_suffix(')').and_then(|l| l.rfind(" ("))
        && (meta(&line[open + 2..line.len() - 1]) || is_time_since(&line[open + 2..line.len() - 1]))
    {
        return &line[..open];
    }
    // `Headline 14h`, `Headline 5h ago`, `Headline 2 days ago`: a time since, never a date.
    let tokens: Vec<&str> = line.words().collect();
    for n in 1..=3.min(tokens.len().saturating_sub(2)) {
        let tail = &tokens[tokens.len() - n..];
        let since = match tail {
            [t] => is_time_since(t),
            [.., last] => *last == "ago",
            [] => false,
        };
        if since && meta(&tail.join(" ")) {
            let cut = line.len() - tail.iter().map(|t| t.len() + 1).sum::<usize>();
            return line[..cut].trim_end();
        }
    }
    if let Some(at) = line.rfind(" 💬")
        && meta(&line[at + 1..])
    {
        return &line[..at];
    }
    // `March 10, 1987 - Headline`: the date first.
    for separator in [" | ", " · ", " — ", " – ", " - ", " • "] {
        if let Some((date, head)) = line.split_once(separator)
            && is_listing_meta(date)
            && head.words().nth(1).is_some()
        {
            return head.trim_start();
        }
    }
    line
}

/// A day of the week in lower case, whole or cut to three letters (`monday`, `wed`).
fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "mon"
            | "tue"
            | "wed"
            | "thu"
            | "fri"
            | "sat"
            | "sun"
    )
}

/// `14h`, `5m`, `2d`: the time since a story was posted.
fn is_time_since(t: &str) -> bool {
    (2..=4).contains(&t.len())
        && t.ends_with(['h', 'm', 'd'])
        && t[..t.len() - 1].bytes().all(|b| b.is_ascii_digit())
}

/// Lines that are all items of a footer list, and not the wrapped lines of a paragraph.
fn is_footer_block(lines: &[(usize, &str)]) -> bool {
    lines.iter().all(|(_, l)| is_footer_item(l)) && !is_wrapped_prose(lines)
}

/// Lines that are a sentence or a paragraph wrapped over them, however their lines look alone
/// (`... any March since` over `1978.`).
fn is_wrapped_prose(lines: &[(usize, &str)]) -> bool {
    if let [_, _, ..] = lines {
        let joined = join_lines(lines);
        let sentence = joined.ends_with('.') && joined.words().nth(8).is_some();
        let wrapped = lines.windows(2).any(|pair| {
            pair[0].1.words().nth(8).is_some()
                && pair[1].1.trim_start().starts_with(char::is_lowercase)
        });
        return sentence || wrapped;
    }
    false
}

/// `2h`, `3 hrs ago`, `6 min read`, `Yesterday`, `March 3, 2024`, `1.`: the time, date or
/// number beside a headline in a list of links.
fn is_listing_meta(line: &str) -> bool {
    let core = line.trim().trim_end_matches(['.', ')']);
    if core.is_empty() || core.words().nth(6).is_some() {
        return false;
    }
    // `20.53 GMT`: a time written with a point, beside its zone.
    let zoned = core.words().any(|t| {
        ["gmt", "bst", "utc", "cet", "est", "edt", "am", "pm"]
            .iter()
            .any(|z| t.eq_ignore_ascii_case(z))
    });
    let mut timely = false;
    for token in core.words() {
        let token = token.trim_end_matches([',', '.']);
        let lower = lower_word(token);
        let digits = token.trim_start_matches(|c: char| c.is_ascii_digit());
        if digits.len() < token.len() {
            // `5`, `5h`, `12:30`, `3rd`, `2024`
            timely = true;
            // `20.53` beside `GMT`
            let pointed = zoned
                && digits.len() == 3
                && digits.starts_with('.')
                && digits[1..].bytes().all(|b| b.is_ascii_digit());
            let unit = matches!(
                digits,
                "" | "h"
                    | "m"
                    | "d"
                    | "w"
                    | "y"
                    | "s"
                    | "st"
                    | "nd"
                    | "rd"
                    | "th"
                    | "hr"
                    | "hrs"
                    | "min"
                    | "mins"
                    | "am"
                    | "pm"
            );
            if !(unit || pointed || digits.starts_with(':')) {
                return false;
            }
            continue;
        }
        timely |= matches!(lower.as_ref(), "yesterday" | "ago");
        let known = matches!(
            lower.as_ref(),
            "ago"
                | "read"
                | "min"
                | "mins"
                | "minute"
                | "minutes"
                | "hr"
                | "hrs"
                | "hour"
                | "hours"
                | "day"
                | "days"
                | "week"
                | "weeks"
                | "month"
                | "months"
                | "year"
                | "years"
                | "an"
                | "a"
                | "just"
                | "now"
                | "yesterday"
                | "today"
                | "updated"
                | "published"
                | "posted"
                | "am"
                | "pm"
                | "a.m"
                | "p.m"
                | "gmt"
                | "utc"
                | "bst"
                | "et"
                | "est"
                | "edt"
                | "pt"
                | "cet"
        ) || is_weekday(&lower)
            || crate::date::month_number(&lower).is_some();
        if !known {
            return false;
        }
    }
    timely
}

/// `| Institution | Measure |` / `| --- | --- |` / ...: rows between pipes, the second the
/// row of dashes under the table's head (as markdown writes a table, and converters of web
/// pages do).
fn is_pipe_table(block: &[(usize, &str)]) -> bool {
    let row = |l: &str| {
        let l = l.trim();
        l.len() >= 2 && l.starts_with('|') && l.ends_with('|')
    };
    let dashes = |l: &str| {
        table_cells(l).iter().all(|c| {
            c.trim_matches(':').len() >= 3 && c.trim_matches(':').bytes().all(|b| b == b'-')
        })
    };
    block.len() >= 2 && block.iter().all(|(_, l)| row(l)) && dashes(block[1].1)
}

/// The cells of a table's row between its pipes, trimmed (a pipe after a backslash is the
/// cell's own, and stands there without the backslash).
fn table_cells(row: &str) -> Vec<String> {
    let inner = row.trim();
    let inner = inner.strip_prefix('|').unwrap_or(inner);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut cells = Vec::new();
    let mut start = 0;
    let bytes = inner.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'|' && (i == 0 || bytes[i - 1] != b'\\') {
            cells.push(inner[start..i].trim().replace("\\|", "|"));
            start = i + 1;
        }
    }
    cells.push(inner[start..].trim().replace("\\|", "|"));
    cells
}

/// `Net 2,963,000 vs 2,696,000`, `Shr 1.31 dlrs vs 86 cts`: a row of figures.
fn is_table_row(line: &str) -> bool {
    line.contains(" vs ")
        || line
            .words()
            .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            .nth(2)
            .is_some()
}

/// `Notice`, `Your privacy`: a label of a few words, no sentence, no figures.
fn is_short_label(line: &str) -> bool {
    line.words().nth(3).is_none()
        && line.starts_with(|c: char| c.is_uppercase())
        && !line.ends_with(['.', '!', '?', ',', ':'])
        && !line.contains(|c: char| c.is_ascii_digit())
}

/// `Oct 4462`, `Net 1,200`: a table's row of a label and one figure.
fn is_label_and_figure(line: &str) -> bool {
    let words: Vec<&str> = line.words().collect();
    matches!(words[..], [_, _] | [_, _, _])
        && words[0].starts_with(char::is_alphabetic)
        && words.last().is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_digit())
                && w.bytes()
                    .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'.'))
        })
}
/// `uk 12.647 - 12.659`, `us/w ger 1.8205 - 1.8215`: a row of figures at least half its words
/// (a numbered headline's number aside: `2. Scotland 18-10 Italy` is a headline).
fn is_rates_row(line: &str) -> bool {
    let mut words = line.words().peekable();
    if words.peek().is_some_and(|w| {
        w.len() <= 3
            && w.ends_with(['.', ')'])
            && w[..w.len() - 1].bytes().all(|b| b.is_ascii_digit())
    }) {
        return false;
    }
    let (mut count, mut figures) = (0, 0);
    for w in words {
        count += 1;
        figures += usize::from(w.starts_with(|c: char| c.is_ascii_digit()));
    }
    figures >= 2 && figures * 2 >= count && !is_listing_meta(line)
}
/// A line of two figures or more, a third of its words or more (`600/700 98-1/2b no
/// comparison`, `Shr 1.55 dlrs vsd 1.90 dlrs`), as a table's row is and a headline seldom
/// (beside its time or date: `Headline | March 3, 2024`).
fn is_short_figures_row(line: &str) -> bool {
    let line = without_listing_meta(line);
    let figures = line
        .words()
        .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        .count();
    !is_listing_meta(line) && figures >= 2 && figures * 3 >= line.words().count()
}

/// A line of a tag list: a short name (`Allied Domecq`, `Baskin`).
fn is_name_like(line: &str) -> bool {
    let line = list_item(line)
        .or_else(|| line.strip_prefix("— "))
        .unwrap_or(line)
        .trim();
    let words = line.words().count();
    (1..=5).contains(&words)
        && line.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '#')
        && !line.ends_with(['.', ',', ';', ':', '!', '?'])
}

/// The lines of a block that go, and those that stay.
type GoneAndKept<'a, 'b> = (&'b [(usize, &'a str)], &'b [(usize, &'a str)]);

/// The lines of a residue block that go, and a table's period (`Nine mths`, `Year`, `4th
/// qtr`) glued at its first or last line, which stays: such a line, over rows of figures,
/// heads them.
fn without_period_at_edge<'a, 'b>(block: &'b [(usize, &'a str)]) -> GoneAndKept<'a, 'b> {
    match block {
        [(_, first), ..] if block.len() > 1 && is_period_heading(first) => {
            let (stays, gone) = block.split_at(1);
            (gone, stays)
        }
        [.., (_, last)] if block.len() > 1 && is_period_heading(last) => {
            block.split_at(block.len() - 1)
        }
        _ => (block, &[]),
    }
}

/// The lines of a residue block that go, and a sentence of the article at its first or last
/// lines, which stays: one that a dateline opens or that reports what someone said, ending
/// with a full stop, naming no cookie, privacy or copyright, with no line residue alone and
/// not every line a headline's.
fn without_sentence_at_edge<'a, 'b>(block: &'b [(usize, &'a str)]) -> GoneAndKept<'a, 'b> {
    if block.len() < 2 {
        return (block, &[]);
    }
    let article = |lines: &[(usize, &str)]| {
        let text = join_lines(lines);
        (dateline(&text).is_some() || reports_speech(&text))
            && text.trim_end_matches(['"', '”', '’', '\'']).ends_with('.')
            && !names_banner_or_copyright(&text)
            && residue(&text).is_none()
            && lines
                .iter()
                .all(|(_, l)| residue(l).is_none() && list_item(l).is_none())
            && !lines.iter().all(|(_, l)| is_headline_like(l))
    };
    // Sentences over a copyright line glued under them (`Value was not disclosed.` /
    // `Copyright (C) 2022 Example Radio. Reproduction without permission is prohibited.`):
    // the article's, unless residue themselves.
    if let Some(k) = (1..block.len()).find(|&k| {
        ends_a_sentence(block[k - 1].1) && {
            let line = block[k].1.trim_start();
            line.starts_with('©')
                || starts_with_folded(line, "copyright")
                || starts_with_folded(line, "(c) ")
                || starts_with_folded(line, "this article is ©")
        }
    }) {
        let (stays, gone) = block.split_at(k);
        let text = join_lines(stays);
        if residue(&text).is_none()
            && !names_banner_or_copyright(&text)
            && stays
                .iter()
                .all(|(_, l)| residue(l).is_none() && list_item(l).is_none())
        {
            return (gone, stays);
        }
    }
    let sentences: Vec<&[(usize, &str)]> =
        block.split_inclusive(|(_, l)| ends_a_sentence(l)).collect();
    match sentences[..] {
        [first, _, ..] if article(first) => {
            let (stays, gone) = block.split_at(first.len());
            (gone, stays)
        }
        [.., _, last] if article(last) => block.split_at(block.len() - last.len()),
        _ => (block, &[]),
    }
}

/// A line of the article over lines that are each residue by themselves (`Record June 30` /
/// `copyright 2021 Example Media. all rights reserved.`): the line stays, the rest goes. A
/// short label over a banner is the banner's heading (`Notice`), and goes with it.
fn without_line_over_residue<'a, 'b>(
    block: &'b [(usize, &'a str)],
    reason: &str,
) -> Option<GoneAndKept<'a, 'b>> {
    let [(_, first), rest @ ..] = block else {
        return None;
    };
    // A sentence of five words or more, or a short row with a figure (`Record June 30`), in
    // lower case in part, as headlines in capitals and numbered items are not.
    let numbered = first
        .split_once(['.', ')'])
        .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let sentence = ends_a_sentence(first) && first.words().nth(4).is_some();
    let row = first.contains(|c: char| c.is_ascii_digit()) && first.words().nth(6).is_none();
    (!rest.is_empty()
        && (sentence || row)
        && first.contains(char::is_lowercase)
        && first.starts_with(char::is_uppercase)
        && !numbered
        && (reason != COOKIE || sentence)
        && residue(first).is_none()
        && strict_residue(first).is_none()
        && !names_banner_or_copyright(first)
        && !is_heading_only(first)
        && list_item(first).is_none()
        && rest
            .iter()
            .all(|(_, l)| residue(l).is_some() || strict_residue(l).is_some()))
    .then(|| {
        let (stays, gone) = block.split_at(1);
        (gone, stays)
    })
}

/// `Nine mths`, `Year`, `4th qtr`, `Six months ended Dec 31`: the period that heads the rows
/// of a company's results.
fn is_period_heading(line: &str) -> bool {
    let mut period = false;
    let mut words = 0;
    for w in line.split_whitespace() {
        words += 1;
        let w = w.to_ascii_lowercase();
        let w = w.as_str();
        let names_period = matches!(
            w,
            "mths" | "months" | "qtr" | "quarter" | "year" | "yr" | "half" | "wks" | "weeks"
        );
        period |= names_period;
        let known = names_period
            || w.bytes().all(|b| b.is_ascii_digit())
            || matches!(
                w,
                "one"
                    | "two"
                    | "three"
                    | "four"
                    | "six"
                    | "nine"
                    | "twelve"
                    | "first"
                    | "second"
                    | "third"
                    | "fourth"
                    | "1st"
                    | "2nd"
                    | "3rd"
                    | "4th"
                    | "ended"
                    | "to"
                    | "jan"
                    | "feb"
                    | "march"
                    | "april"
                    | "may"
                    | "june"
                    | "july"
                    | "aug"
                    | "sept"
                    | "oct"
                    | "nov"
                    | "dec"
            );
        if !known || words > 6 {
            return false;
        }
    }
    period
}

fn drop_block(block: &[(usize, &str)], reason: &'static str, removed: &mut Vec<Removal>) {
    for &(n, line) in block {
        removed.push(Removal {
            line: n,
            text: line.to_string(),
            reason,
        });
    }
}

/// Hard-wrapped lines joined with one space, except after a hyphen that ends a line before a
/// lower-case word (`well-` + `known` is `well-known`, not `well- known`), unless the hyphen
/// waits for a word further on (`medium-` + `and long-term`, `two-` + `to three-year`).
fn join_lines<'a>(block: &[(usize, &'a str)]) -> Cow<'a, str> {
    if let [(_, line)] = block {
        return Cow::Borrowed(line.trim());
    }
    let mut out = String::with_capacity(block.iter().map(|(_, l)| l.len() + 1).sum());
    for (_, line) in block {
        let line = line.trim();
        let hyphenated = out.ends_with('-')
            && out[..out.len() - 1].ends_with(char::is_alphabetic)
            && line.starts_with(|c: char| c.is_lowercase())
            && !["and ", "or ", "to ", "nor "]
                .iter()
                .any(|w| line.starts_with(w));
        if !out.is_empty() && !hyphenated {
            out.push(' ');
        }
        out.push_str(line);
    }
    Cow::Owned(out)
}

/// Paragraphs that residue split in two (`... to finance` / `Advertisement` / `recent
/// acquisitions, the bottler said.`) joined again: where residue went between two kept
/// blocks, the first stopping mid-sentence and the second going on with it. A sentence goes
/// on when the first block ends on a comma or a word no sentence ends with and the second
/// starts in lower case or with a figure, or when the first ends without a stop and the
/// second starts in lower case. Lists, tables and quotes never join.
fn rejoin_split<'a, 'b>(
    kept: Vec<Cow<'b, [(usize, &'a str)]>>,
    gap_before: &[bool],
) -> Vec<Cow<'b, [(usize, &'a str)]>> {
    let mut out: Vec<Cow<[(usize, &str)]>> = Vec::with_capacity(kept.len());
    for (block, &gap) in kept.into_iter().zip(gap_before) {
        let joins = gap
            && out.last().is_some_and(|previous| {
                let prose = |b: &[(usize, &str)]| {
                    !b.iter().any(|(_, l)| {
                        list_item(l).is_some()
                            || l.starts_with(['>', '|'])
                            || is_table_row(l)
                            || is_short_figures_row(l)
                    })
                };
                let end = previous[previous.len() - 1].1.trim_end();
                let start = block[0].1.trim_start();
                let lower = start.starts_with(|c: char| c.is_lowercase());
                let figure = start.starts_with(|c: char| c.is_ascii_digit());
                let open = end.ends_with(',') || ends_mid_sentence(end);
                let unstopped = !ends_a_sentence(end)
                    && !end.ends_with([':', ';', '-', '—', '–'])
                    && end.ends_with(|c: char| c.is_alphanumeric())
                    && end.words().nth(3).is_some();
                // (A year after `in` is no table's row.)
                (lower && (open || unstopped) && prose(&block) || figure && open)
                    && prose(previous)
                    && !block
                        .iter()
                        .any(|(_, l)| list_item(l).is_some() || is_table_row(l))
            });
        match out.last_mut() {
            Some(previous) if joins => previous.to_mut().extend_from_slice(&block),
            _ => out.push(block),
        }
    }
    out
}

fn list_item(line: &str) -> Option<&str> {
    ["- ", "* ", "• ", "· ", "– "]
        .iter()
        .find_map(|m| line.strip_prefix(m))
        .map(str::trim_start)
        .filter(|rest| !rest.trim().is_empty())
}

fn is_subheading(text: &str) -> bool {
    let last = text
        .trim_end_matches(['"', '\'', '’', '”', '»', ')', ']'])
        .chars()
        .last();
    let starts_well = text
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    text.chars().count() <= 80
        && text.words().count() <= 12
        && starts_well
        && !matches!(
            last,
            Some('.' | '!' | '?' | ':' | ';' | ',' | '…' | '-' | '–' | '—')
        )
}

const RELATED: &str = "related-articles footer";
const REPEATED: &str = "line repeated on the pages of many articles";

/// Whether a line that stands on many articles' pages is the site's, not the article's: a
/// word only a web page uses, and no sentence or note (an article's `Terms were not
/// disclosed.` or a table's `Year` repeats too).
fn is_repeated_furniture(line: &str) -> bool {
    // (Nor is an article's note, `Note: shr after preferred dividends`, or the dateline and
    // first words of a daily report: `WASHINGTON, March 4 - The following proposed securities
    // offerings were filed ...:`.)
    !ends_a_sentence(line)
        && !starts_with_folded(line, "note")
        && dateline(line).is_none()
        && has_web_word(line)
}

/// Words of a web page's furniture rather than of news prose.
fn is_chrome_word(word: &str) -> bool {
    is_network(word)
        || matches!(
            word,
            "ad" | "ads"
                | "advert"
                | "adverts"
                | "advertisement"
                | "advertising"
                | "sponsored"
                | "promoted"
                | "feedback"
                | "subscribe"
                | "subscriber"
                | "subscribers"
                | "subscription"
                | "newsletter"
                | "newsletters"
                | "inbox"
                | "member"
                | "membership"
                | "trial"
                | "paywall"
                | "login"
                | "signup"
                | "share"
                | "shares"
                | "sharing"
                | "follow"
                | "email"
                | "e-mail"
                | "print"
                | "comments"
                | "comment"
                | "app"
                | "alerts"
                | "notifications"
                | "cookie"
                | "cookies"
                | "consent"
                | "preferences"
                | "privacy"
                | "reading"
                | "article"
                | "story"
                | "topic"
                | "podcast"
                | "bookmark"
                | "friend"
                | "stories"
                | "mailing"
                | "scrolling"
                | "premium"
                | "unlimited"
                | "journalism"
                | "supporter"
                | "supporters"
                | "contribution"
                | "donation"
                | "donate"
                | "promotion"
                | "podcasts"
                | "gallery"
                | "sponsor"
                | "sponsors"
                | "window"
                | "tab"
                | "copied"
                | "articles"
        )
}

/// Social networks whose names, in lower case, are no English word (so not `x` or `threads`).
fn is_network(word: &str) -> bool {
    matches!(
        word,
        "facebook"
            | "twitter"
            | "mastodon"
            | "linkedin"
            | "instagram"
            | "whatsapp"
            | "telegram"
            | "youtube"
            | "tiktok"
            | "pinterest"
            | "reddit"
            | "flipboard"
    )
}

/// `FacebookTwitterWhatsAppEmail`: a row of share buttons whose spaces were lost, every part
/// a network or a share button's word.
fn is_glued_share_buttons(line: &str) -> bool {
    const PARTS: &[&str] = &[
        "facebook",
        "twitter",
        "whatsapp",
        "linkedin",
        "instagram",
        "telegram",
        "youtube",
        "tiktok",
        "pinterest",
        "reddit",
        "flipboard",
        "mastodon",
        "messenger",
        "threads",
        "email",
        "print",
        "share",
        "copylink",
        "copy",
        "link",
        "koo",
        "app",
        "x",
    ];
    let line = line.trim().as_bytes();
    if line.len() < 10 || line.len() > 80 || !line.is_ascii() {
        return false;
    }
    let (mut parts, mut spaces, mut at) = (0, 0, 0);
    while at < line.len() {
        if !line[at].is_ascii_alphanumeric() {
            spaces += usize::from(line[at] == b' ');
            at += 1;
            continue;
        }
        // (The longest part first: `copylink` before `copy`.)
        match PARTS.iter().find(|p| {
            line[at..]
                .get(..p.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(p.as_bytes()))
        }) {
            Some(p) => {
                at += p.len();
                parts += 1;
            }
            None => return false,
        }
    }
    parts >= 3 && spaces <= 1
}

/// Social networks and sharing buttons, which a line of residue may consist of alone.
fn is_share_button(word: &str) -> bool {
    is_network(word)
        || matches!(
            word,
            "x" | "email"
                | "e-mail"
                | "print"
                | "share"
                | "copy"
                | "link"
                | "messenger"
                | "tumblr"
                | "threads"
                | "digg"
                | "stumbleupon"
        )
}

/// Verbs with which pages address their readers ("Follow us", "Keep reading").
fn is_reader_verb(word: &str) -> bool {
    matches!(
        word,
        "read"
            | "keep"
            | "continue"
            | "follow"
            | "subscribe"
            | "sign"
            | "log"
            | "click"
            | "tap"
            | "download"
            | "get"
            | "pin"
            | "tweet"
            | "email"
            | "spread"
            | "like"
            | "join"
            | "become"
            | "start"
            | "find"
            | "connect"
            | "send"
            | "save"
            | "print"
            | "listen"
            | "watch"
            | "support"
            | "donate"
            | "register"
            | "try"
            | "manage"
            | "accept"
            | "agree"
            | "allow"
            | "reject"
            | "see"
            | "view"
            | "discover"
            | "explore"
            | "skip"
            | "stay"
            | "add"
            | "gift"
            | "enter"
            | "upgrade"
            | "unlock"
            | "renew"
            | "claim"
            | "install"
            | "enable"
            | "scan"
            | "stream"
            | "create"
            | "give"
    )
}

/// Why a whole block is scraper residue, if it is. Rules look at the shape of a line (short,
/// no closing punctuation, made of a web page's words, speaking to the reader) rather than at
/// fixed phrases, so that residue worded in ways never seen before is still recognised.
fn residue(text: &str) -> Option<&'static str> {
    if let Some(reason) = residue_rules(text) {
        return Some(reason);
    }
    if legal_line(text) {
        return Some(LEGAL);
    }
    // A sentence of more than sixteen words is past every rule of `page_line` (which wants
    // sixteen words or fewer).
    let long_sentence =
        text.trim_end().ends_with(['.', '!', '?']) && text.words().nth(16).is_some();
    if long_sentence {
        if text.len() > 200 {
            return None;
        }
        if newsletter_thanks(text) {
            return Some(SHARE);
        }
        // (A bid to subscribe may run to twenty-four words: `Sign up to receive daily headline
        // news from The Prairie Standard, a division of Northern Press Network Inc.`)
        if let Some(reason) = page_line(text) {
            return Some(reason);
        }
        let core = undecorated(text);
        // (A row of buttons this long opens with two of furniture's words: `Share this:`.)
        let buttons = || {
            let mut words = core
                .split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’')))
                .filter(|w| !w.is_empty());
            words
                .next()
                .is_some_and(|w| furniture(&lower_word(w)).is_some())
                && words
                    .next()
                    .is_some_and(|w| furniture(&lower_word(w)).is_some())
        };
        return buttons()
            .then(|| furniture_line(core))
            .flatten()
            .or_else(|| labelled_link(core))
            .or_else(|| pointed_link(text))
            .or_else(|| reader_notice(core));
    }
    if let Some(reason) = page_line(text) {
        return Some(reason);
    }
    // Past 200 bytes a block is longer than any link or notice addressed to the reader (long
    // consent banners name cookies or privacy, and the rules above see them).
    if text.len() > 200 {
        return None;
    }
    // A row of share icons: `f 𝕏 in ✉`.
    if text.len() < 40
        && !text.is_ascii()
        && text.words().nth(2).is_some()
        && text.words().all(|w| w.chars().count() <= 2)
        && text.words().any(|w| !w.is_ascii())
    {
        return Some(SHARE);
    }
    let core = undecorated(text);
    if core.is_empty() {
        return None;
    }
    // Twelve words or fewer: a line of page furniture, perhaps.
    let furniture = if core.len() <= 160 {
        furniture_line(core)
    } else {
        None
    };
    match furniture {
        Some(READ_MORE) if is_listing_heading(core) => Some(RELATED),
        Some(reason) => Some(reason),
        None => labelled_link(core)
            .or_else(|| pointed_link(text))
            .or_else(|| reader_notice(core)),
    }
}

const BYLINE: &str = "by-line";
const APP: &str = "app download line";

/// A newsletter's word to its readers: `Thanks for reading The Week in Money! Subscribe for
/// free to receive new posts.`, `The Week in Money is a reader-supported publication. To
/// receive new posts ...`.
fn newsletter_thanks(text: &str) -> bool {
    let thanks = || {
        (starts_with_folded(text, "thanks for reading")
            || starts_with_folded(text, "thank you for reading"))
            && text.contains("ubscribe")
    };
    (thanks() || text.contains("reader-supported publication")) && text.words().nth(30).is_none()
}

/// Lines that only a web page has, whatever their words: a by-line
/// (`Written by Mei Lin`), a counter (`12K Followers`), a label with the address it links to
/// (`More sport coverage: https://...`), an app's store badges (`Get it on Google Play`), a
/// social handle to follow (`Stay connected: @example on all platforms`).
fn page_line(text: &str) -> Option<&'static str> {
    let text = text.trim();
    if text.len() > 200 {
        return None;
    }
    if text.len() <= 80 && is_page_furniture(text) {
        return Some(NAVIGATION);
    }
    if is_byline(text) {
        return Some(BYLINE);
    }
    if is_counter(undecorated(text)) {
        return Some(SHARE);
    }
    // `The Week in Money is a reader-supported publication. To receive new posts ...`
    if newsletter_thanks(text) {
        return Some(SHARE);
    }
    // A bid to subscribe has twenty-four words at most; every other rule below wants
    // sixteen or fewer.
    if text.words().nth(16).is_some() {
        // (Nor does it end a quotation.)
        if text.ends_with(['"', '”', '’', '\'']) || text.words().nth(24).is_some() {
            return None;
        }
        // (Only where a bid's verb stands, in one case or another.)
        static BIDS: Phrases = Phrases::fragments(&[
            "ubscribe", "UBSCRIBE", "ign up", "IGN UP", "egister", "EGISTER", "onate", "ONATE",
            "pgrade", "PGRADE", "ecome", "ECOME",
        ]);
        if !BIDS.found_in(text) {
            return None;
        }
        let words: Vec<&str> = text.words().collect();
        return pitch(&words).filter(|_| !reports_speech(text));
    }
    let words: Vec<&str> = text.words().collect();
    // `Find more of our reporting on trade: https://...`: a label, then only its address.
    if let [label @ .., url] = &words[..]
        && (url.starts_with("https://") || url.starts_with("http://") || url.starts_with("www."))
        && let Some(last) = label.last()
        && last.ends_with(':')
        && label.len() <= 12
        && !reports_speech(text)
        && !label[..label.len() - 1]
            .iter()
            .any(|w| w.ends_with(['.', '!', '?', ':', ';']))
    {
        return Some(READ_MORE);
    }
    // `Click “Accept all” to agree or “Manage settings” to choose.`: what quotes hold here are
    // the page's buttons.
    let quoted: Vec<&str> = if has_double_quote(text) {
        text.split(['"', '“', '”'])
            .skip(1)
            .step_by(2)
            .filter(|q| !q.trim().is_empty())
            .collect()
    } else {
        Vec::new()
    };
    if !quoted.is_empty()
        && words.len() <= 16
        && quoted
            .iter()
            .all(|q| is_button(q) || strict_residue(q).is_some())
        && matches!(
            words[0].to_lowercase().as_str(),
            "click" | "tap" | "select" | "choose" | "press" | "use"
        )
    {
        return Some(COOKIE);
    }
    if words.len() > 16 {
        return None;
    }
    let lower = text.to_lowercase();
    if let Some(reason) = reader_prompt(text, &lower, &words) {
        return Some(reason);
    }
    // A sentence here is a notice of the page only when it names the page itself (and so holds
    // one of the cues of `page_notice`, in one case or another).
    let sentence = text.ends_with(['.', '!', '?']);
    static PAGE_CUES: Phrases = Phrases::fragments(&[
        "this ",
        "This ",
        "THIS ",
        "our ",
        "Our ",
        "OUR ",
        "my ",
        "My ",
        "MY ",
        "new posts",
        "New posts",
        "NEW POSTS",
        "eader-supported",
        "EADER-SUPPORTED",
        "ermalink",
        "ERMALINK",
    ]);
    // A sentence that bids the reader do something (`Create a free account to keep
    // reading.`, `Unlock unlimited access for just £9 a week!`) may be a paywall's offer or an
    // app's, as a line that is no sentence may.
    let bidding = sentence && is_reader_verb(&lower_word(words[0]));
    let pitched = pitch(&words);
    if pitched.is_none() && sentence && !bidding && !PAGE_CUES.found_in(text)
        || reports_speech(text)
    {
        return None;
    }
    if pitched.is_some() {
        return pitched;
    }
    if sentence {
        let notice = page_notice(&lower, words.len());
        if notice.is_some() || !bidding {
            return notice;
        }
    }
    let tokens: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '@'))
        .filter(|t| !t.is_empty())
        .collect();
    let has = |w: &str| tokens.contains(&w);
    // (A paywall names a price, subscribers, a free offer or readers to join.)
    static PAYWALL_CUES: Phrases =
        Phrases::fragments(&["subscri", "paywall", "free", "join", "£", "€"]);
    if (words.len() <= 6
        || PAYWALL_CUES.found_in(&lower)
        || lower.bytes().any(|b| b.is_ascii_digit() || b == b'$'))
        && let Some(reason) = paywall_line(text, &lower, &tokens, words.len())
    {
        return Some(reason);
    }
    // An app's stores and screens: `Available on iOS and Android`, `Get it on Google Play`,
    // `Watch us free on Roku, Fire TV and Apple TV`.
    static STORES: Phrases = Phrases::fragments(&[
        "google play",
        "app store",
        "fire tv",
        "apple tv",
        "play store",
        "smart tv",
    ]);
    let platforms = tokens
        .iter()
        .filter(|t| matches!(**t, "ios" | "android" | "iphone" | "ipad" | "roku"))
        .count()
        + STORES.count_in(&lower);
    let app_words = [
        "get",
        "download",
        "install",
        "available",
        "watch",
        "stream",
        "app",
    ]
    .iter()
    .any(|w| has(w));
    if platforms >= 2
        || platforms == 1 && app_words && words.len() <= 10
        // `Get the latest news from the CBC News app. Download it here.`
        || has("app") && (has("download") || has("install")) && words.len() <= 14
        // `Open in the Example News app`, `New: try our redesigned app`.
        || tokens.last() == Some(&"app")
            && words.len() <= 10
            && !text.ends_with('.')
            && (tokens.first() == Some(&"open") || has("try"))
    {
        return Some(APP);
    }
    // A handle to follow: `Stay connected: @example on all platforms`, `Follow @example`.
    let handle = words.iter().any(|w| {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        w.len() > 1 && w.starts_with('@') && w[1..].chars().all(|c| c.is_alphanumeric() || c == '_')
    });
    if handle
        && words.len() <= 10
        && (is_reader_verb(tokens.first().copied().unwrap_or(""))
            || has("platforms")
            || has("on") && has("all"))
    {
        return Some(SHARE);
    }
    None
}

/// A sentence that bids the reader subscribe or sign up (`Subscribe today.`, `Simply sign up
/// to the Companies Digest -- delivered directly to your inbox.`, `Enjoying this? Subscribe
/// to get every issue.`): news reports such things, it never asks them of its reader. The
/// sentence may name a price (`Subscribe today and get 60% off`).
fn pitch(words: &[&str]) -> Option<&'static str> {
    fn bare(w: &str) -> LowerWord<'_> {
        lower_word(w.trim_matches(|c: char| !c.is_alphanumeric()))
    }
    let mut start = true;
    for (k, word) in words.iter().enumerate() {
        if start {
            let mut verb = k;
            if matches!(bare(word).as_ref(), "simply" | "please" | "just" | "now") {
                verb += 1;
            }
            let bids = match words.get(verb).map(|w| bare(w)).as_deref() {
                Some("subscribe" | "register" | "donate" | "upgrade") => true,
                Some("sign") => words
                    .get(verb + 1)
                    .is_some_and(|w| bare(w).as_ref() == "up"),
                // `Become a subscriber today.`, `Become a member`
                Some("become") => words.get(verb + 2).is_some_and(|w| {
                    matches!(
                        bare(w).as_ref(),
                        "subscriber" | "member" | "supporter" | "patron"
                    )
                }),
                _ => false,
            };
            // (`Sign up rates rose 5 pct` is news: figures go with it.)
            let figures = || {
                words[k..]
                    .iter()
                    .take_while(|w| !w.ends_with(['.', '!', '?']))
                    .any(|w| w.contains(|c: char| c.is_ascii_digit()))
            };
            if bids
                && !words[verb].contains('-')
                && !(bare(words[verb]).as_ref() == "sign" && figures())
            {
                return Some(SHARE);
            }
        }
        // (`Never miss a story: sign up for Markets Wrap`: a bid after a short label.)
        start = word.ends_with(['.', '!', '?']) || word.ends_with(':') && k < 5;
    }
    None
}

/// The page naming itself or its writer's work (`this post`, `our reporting`, `my work`),
/// beside a word only a page uses, in a short sentence: `Your subscription makes our
/// reporting possible.`, `Enjoying this article?`, `To receive new posts and support my work,
/// consider becoming a free or paid subscriber.`, `Example News is reader-supported.`
/// What a page says to its reader about the reader's own visit: a metered paywall's count
/// (`You've read 3 of 5 free articles this month.`), its thanks (`Thank you for reading The
/// Sentinel.`), a bid to allow notifications (`Enable notifications to get the latest updates
/// as they happen.`), and an address for tips (`Have a story? Email news@example.com`).
fn reader_prompt(text: &str, lower: &str, words: &[&str]) -> Option<&'static str> {
    let first = lower_word(words[0].trim_matches(|c: char| !c.is_alphanumeric()));
    let starts = |prefix: &str| starts_with_folded(text, prefix);
    if (starts("thank you for reading") || starts("thanks for reading")) && words.len() <= 9 {
        return Some(SHARE);
    }
    if matches!(
        first.as_ref(),
        "you" | "you've" | "you’ve" | "you're" | "this"
    ) {
        let tokens: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .collect();
        let has = |w: &str| tokens.contains(&w);
        let counted = tokens.iter().any(|t| {
            t.bytes().all(|b| b.is_ascii_digit())
                || matches!(*t, "one" | "two" | "three" | "four" | "five" | "last")
        });
        if counted
            && (has("free") || has("remaining") || has("left"))
            && (has("articles") || has("article") || has("stories") || has("story"))
            && words.len() <= 12
        {
            return Some(SHARE);
        }
    }
    if matches!(
        first.as_ref(),
        "enable" | "allow" | "turn" | "switch" | "activate"
    ) && (lower.contains("notifications") || lower.contains("push alerts"))
        && ["latest", "updates", "breaking", "you", "never miss"]
            .iter()
            .any(|w| lower.contains(w))
        && !reports_speech(text)
        && words.len() <= 14
    {
        return Some(SHARE);
    }
    // `Join The Strait Herald's Telegram channel and get the latest breaking news`, `Want the
    // latest news? Join our WhatsApp community!`: a bid to follow the site on a messenger.
    if words.len() <= 20
        && (lower.contains("telegram") || lower.contains("whatsapp"))
        && ["channel", "community", "group"]
            .iter()
            .any(|w| lower.contains(w))
        && ["join", "follow", "subscribe"]
            .iter()
            .any(|w| lower.contains(w))
        // (Spoken to the reader: `Join ...`, `... our channel`.)
        && (matches!(
            first.as_ref(),
            "join" | "follow" | "subscribe" | "want" | "get" | "never"
        ) || lower.contains("our ")
            || lower.contains("you"))
        && !reports_speech(text)
    {
        return Some(SHARE);
    }
    if words.len() <= 10 && lower.contains("join the conversation")
        || words.len() <= 12
            && (lower.starts_with("free trial")
                || lower.starts_with("listen live")
                || lower.starts_with("sign up") && lower.contains("discount"))
    {
        return Some(SHARE);
    }
    if lower.starts_with("this advertisement has not loaded") {
        return Some(ADVERT);
    }
    // `Read more at ktvn5.com`: a link to the site's own page.
    if let [read, more, at, site] = words
        && read.eq_ignore_ascii_case("read")
        && more.eq_ignore_ascii_case("more")
        && at.eq_ignore_ascii_case("at")
        && site.trim_end_matches('.').contains('.')
        && !site.contains('@')
    {
        return Some(READ_MORE);
    }
    // `Help us improve The Washington Post`: a consent box's heading, over its banner.
    if starts("help us improve ")
        && words.len() <= 8
        && words[3..].iter().all(|w| w.starts_with(char::is_uppercase))
        && !text.ends_with(['.', '!', '?', ','])
    {
        return Some(COOKIE);
    }
    // (An address and a bid for the reader's story or tip, in twelve words or fewer.)
    if words.len() <= 12
        && words.iter().any(|w| w.contains('@') && w.contains('.'))
        && [
            "a story",
            "a tip",
            "news tip",
            "story tip",
            "tip-off",
            "tips",
        ]
        .iter()
        .any(|p| lower.contains(p))
        && (lower.contains("email") || lower.contains("contact") || lower.contains("send"))
        && !reports_speech(text)
    {
        return Some(SHARE);
    }
    None
}

fn page_notice(lower: &str, words: usize) -> Option<&'static str> {
    // (Each phrase below holds one of these.)
    static CUES: Phrases = Phrases::fragments(&[
        "this ",
        "our ",
        "my ",
        "new posts",
        "reader-supported",
        "permalink",
    ]);
    static ITSELF: Phrases = Phrases::fragments(&[
        "this post",
        "this story",
        "this article",
        "this content",
        "this page",
        "our reporting",
        "our stories",
        "our journalism",
        "my work",
        "our work",
        "new posts",
    ]);
    if !CUES.found_in(lower) {
        return None;
    }
    let itself = ITSELF.found_in(lower);
    let strong = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .any(|w| matches!(furniture(w), Some(Furniture::Strong(_))) || w == "reader-supported");
    ((itself && (strong || words <= 4 || lower.ends_with('?') && words <= 5))
        || lower.contains("reader-supported") && words <= 8
        || lower.contains("bookmark the permalink"))
    .then_some(SHARE)
}

/// A paywall's offer or notice, not ending a sentence: `Subscribe now from £9.99/month`,
/// `Get full access for just $9 a month`, `Keep reading for just £9.99`, `Subscriber
/// exclusive`, `Register for free to continue`, `Discussion about this post`.
fn paywall_line(text: &str, lower: &str, tokens: &[&str], words: usize) -> Option<&'static str> {
    let has = |w: &str| tokens.contains(&w);
    let priced = lower.contains(['$', '£', '€'])
        || tokens
            .iter()
            .any(|t| t.ends_with('p') && t[..t.len() - 1].bytes().all(|b| b.is_ascii_digit()));
    static PERIODS: Phrases = Phrases::fragments(&["month", "week", "year"]);
    let period = || PERIODS.found_in(lower) || has("just") || has("only");
    let offer = || {
        has("subscribe")
            || has("access")
            || has("reading")
            || has("try")
            || has("trial")
            || has("unlock")
    };
    if priced && words <= 12 && period() && offer() {
        return Some(SHARE);
    }
    // `Join 180,000+ readers`, `Join 79,000 readers who get First Edition every weekday.`
    if lower.starts_with("join")
        && let [join, count, who, rest @ ..] = &lower.words().collect::<Vec<_>>()[..]
        && rest.len() <= 9
        && rest
            .first()
            .is_none_or(|w| matches!(*w, "who" | "and" | "like"))
        && *join == "join"
        && count.starts_with(|c: char| c.is_ascii_digit())
        && count
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b',' | b'+' | b'k'))
        && matches!(
            who.trim_end_matches(['.', '!']),
            "readers" | "subscribers" | "others" | "people" | "members"
        )
    {
        return Some(SHARE);
    }
    let subscribers = tokens.iter().any(|t| {
        matches!(
            *t,
            "subscriber" | "subscribers" | "subscription" | "subscriptions" | "paywall"
        )
    });
    // (`Subscriptions rose 10 pct` is news: no figures here.)
    let figures = lower.contains(|c: char| c.is_ascii_digit());
    let offered = is_reader_verb(tokens.first().copied().unwrap_or(""))
        || has("preview")
        || has("exclusive")
        || has("only")
        || has("available")
        || words <= 2 && text.contains(char::is_lowercase);
    if subscribers && words <= 10 && offered && !figures
        || has("free") && (has("continue") || has("reading")) && words <= 8
    {
        return Some(SHARE);
    }
    page_notice(lower, words).filter(|_| words <= 6)
}

/// `By Mei Lin`, `Written by Grace Mbeki and Tom Hale`: who wrote the article, alone on a line.
fn is_byline(text: &str) -> bool {
    let Some(rest) = byline_names(text) else {
        return false;
    };
    let names: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !matches!(*w, "and" | "&" | "de" | "van" | "von" | "al"))
        .collect();
    (2..=6).contains(&names.len())
        && names.iter().all(|w| {
            let w = w.trim_end_matches('.');
            w.starts_with(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
                && crate::date::month_number(w).is_none()
                && !matches!(
                    w.to_ascii_lowercase().as_str(),
                    "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                        | "the"
                        | "end"
                        | "then"
                )
        })
        && !rest.ends_with('.')
}

/// What follows `By` or `Written by` at the start of a line.
fn byline_names(text: &str) -> Option<&str> {
    [
        "By ",
        "BY ",
        "Written by ",
        "Words by ",
        "Story by ",
        "Reporting by ",
    ]
    .iter()
    .find_map(|p| text.strip_prefix(p))
}

/// `12K Followers`, `1.2M views`, `Comments 37`: a counter beside a button.
fn is_counter(core: &str) -> bool {
    // (Four words at most: `Comments (12) · Share`.)
    if core.len() > 48 {
        return false;
    }
    let count = |t: &str| {
        t.starts_with(|c: char| c.is_ascii_digit())
            && t.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | 'K' | 'k' | 'M' | '+'))
    };
    let what = |t: &str| {
        matches!(
            lower_word(t).as_ref(),
            "followers"
                | "subscribers"
                | "shares"
                | "comments"
                | "likes"
                | "views"
                | "reactions"
                | "reposts"
                | "restacks"
                | "replies"
        )
    };
    // `Share 12`, `Comments (12) Share`: the count beside its own word, and buttons.
    let mut counts = 0;
    let mut counted = 0;
    let mut words = 0;
    for token in core.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']')) {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '+');
        if token.is_empty() {
            continue;
        }
        words += 1;
        if count(token) {
            counts += 1;
        } else if what(token) {
            counted += 1;
        } else if !matches!(
            lower_word(token).as_ref(),
            "share" | "comment" | "reply" | "like"
        ) {
            return false;
        }
    }
    counts == 1 && words <= 4 && (counted == 1 || words == 2)
}

/// `👉 <headline>`, `(→ <headline>)`, `[» <headline>]`: a pointing mark before another
/// story's headline, alone in its paragraph. Prose never starts with one.
fn pointed_link(text: &str) -> Option<&'static str> {
    let inner = text.trim().trim_start_matches(['(', '[']).trim_start();
    let rest = ["👉", "→", "►", "»", "›", "➤", "▶", "⇒", "☞", ">>"]
        .iter()
        .find_map(|mark| inner.strip_prefix(mark))?;
    let rest = rest
        .trim_start_matches(['\u{fe0f}', ' '])
        .trim_end()
        .trim_end_matches([')', ']'])
        .trim_end();
    (rest.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '\'' | '"' | '‘' | '“'))
        && is_headline_like(rest))
    .then_some(READ_MORE)
}

/// Whether `text` holds a double quotation mark, straight or curly (each looked for with
/// the standard library's fast byte search, rather than a character at a time).
fn has_double_quote(text: &str) -> bool {
    text.as_bytes().contains(&b'"') || text.contains('“') || text.contains('”')
}

/// Whether a line quotes someone or reports what they said: news, never a page's furniture.
fn reports_speech(text: &str) -> bool {
    has_double_quote(text)
        || text.words().any(|w| {
            matches!(
                w.trim_matches(|c: char| !c.is_alphanumeric()),
                "said" | "says" | "told" | "according"
            )
        })
}

/// A site's small print or footer, rather than the article's: a copyright mark with a year
/// (`(C) Metro Publishing plc 2024`), a legal sentence (`This material may not be published
/// ...`, `Quotes delayed at least 15 minutes.`), a credit (`Distributed by ...`), a time stamp
/// (`Published: 2024/07/23 11:47 GMT`), or a row of the site's own links (`About us | Contact |
/// Careers`).
fn legal_line(text: &str) -> bool {
    // Every rule wants forty words or fewer; they are counted only once a rule might apply,
    // as most paragraphs fail every rule at its first cheap check.
    let words = || text.words().count_upto(41);
    // A long paragraph is counted first: past forty words no rule applies, and counting up to
    // forty-one stops early where the phrase search below would read the whole paragraph.
    if text.len() > 200 && words() > 40 {
        return false;
    }
    let mark = starts_with_folded(text, "(c)")
        || text.starts_with('©')
        || starts_with_folded(text, "copyright");
    let year = || {
        text.split(|c: char| !c.is_ascii_digit())
            .any(|t| t.len() == 4 && (t.starts_with("19") || t.starts_with("20")))
    };
    if mark && year() && words() <= 12 {
        return true;
    }
    static PHRASES: Phrases = Phrases::words(&[
        "all rights reserved",
        "may not be published",
        "may not be reproduced",
        "may not be copied",
        "may not be redistributed",
        "or redistributed",
        "republication or redistribution",
        "without the prior written",
        "without permission is prohibited",
        "not responsible for the content of external",
        "approach to external linking",
        "views expressed in this",
        "are the author's own",
        "are the author’s own",
        "quotes delayed",
        "market data provided by",
        "trust principles",
        "registered in england",
        "registered office",
        "with the help of automated tools",
        "editorial standards",
        "corrections policy",
        "terms of use",
        "terms of service",
        "user agreement",
        "privacy policy",
        "cookie policy",
        "ad choices",
        "do not sell or share",
        "appears in print on",
        "from a syndicated feed",
        "please use the sharing tools",
        "auto-generated from a syndicated feed",
    ]);
    if PHRASES.found_in(text) && words() <= 40 && !reports_speech(text) {
        return true;
    }
    // `Distributed by Tribune Content Agency`: a credit, without a sentence.
    let mut opening = text.words();
    if let (Some(first), Some("by")) = (opening.next(), opening.next())
        && matches!(
            first,
            "Distributed" | "Syndicated" | "Powered" | "Licensed" | "Published"
        )
        && (3..=7).contains(&words())
        && !text.ends_with('.')
    {
        return true;
    }
    // `Story from KEFA NEWS 4:` (a credit to nothing after it), `Source: The Ledger and news
    // agencies`.
    if text.starts_with('S')
        && words() <= 12
        && (text.starts_with("Story from ") && text.ends_with(':')
            || text.starts_with("Source: ") && text.ends_with(" agencies"))
    {
        return true;
    }
    // `Published: 2024/07/23 11:47 GMT`, `Updated 3 March 2024`.
    let lower = if text.starts_with(['P', 'p', 'U', 'u', 'L', 'l', 'F', 'f']) && words() <= 10 {
        text.to_lowercase()
    } else {
        String::new()
    };
    let stamp = [
        "published",
        "updated",
        "last updated",
        "page last updated",
        "first published",
        "posted",
    ]
    .iter()
    .find_map(|label| lower.strip_prefix(label))
    .is_some_and(|rest| {
        let rest = rest.trim_start_matches([':', ' ']);
        !rest.is_empty()
            && rest.words().all(|t| {
                let t = t.trim_end_matches([',', '.']);
                t.starts_with(|c: char| c.is_ascii_digit())
                    && t.chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | ':' | '-' | '.'))
                    || crate::date::month_number(t).is_some()
                    || matches!(
                        t,
                        "gmt"
                            | "bst"
                            | "utc"
                            | "et"
                            | "edt"
                            | "est"
                            | "cet"
                            | "am"
                            | "pm"
                            | "on"
                            | "at"
                    )
                    || is_weekday(t)
            })
    });
    if stamp {
        return true;
    }
    // A row of the site's own links: three or more short names, most of them its pages.
    let items: Vec<&str> =
        if text.as_bytes().contains(&b'|') || text.contains('·') || text.contains('•') {
            text.split(['|', '·', '•']).map(str::trim).collect()
        } else if text
            .words()
            .all(|w| w.starts_with(char::is_uppercase) && !w.ends_with(['.', ',']))
        {
            text.words().collect()
        } else {
            // (Not a row of names: a word starts in lower case or ends a sentence.)
            return false;
        };
    if words() > 40 {
        return false;
    }
    let site_page = |item: &str| {
        item.words().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "about"
                    | "contact"
                    | "careers"
                    | "jobs"
                    | "privacy"
                    | "terms"
                    | "advertise"
                    | "help"
                    | "sitemap"
                    | "ethics"
                    | "corrections"
                    | "standards"
                    | "accessibility"
                    | "cookies"
                    | "status"
                    | "blog"
                    | "legal"
                    | "imprint"
                    | "faq"
                    | "newsletters"
                    | "subscriptions"
                    | "feedback"
                    | "policy"
            )
        })
    };
    items.len() >= 3
        && items.iter().all(|i| {
            (1..=3).contains(&i.words().count())
                && i.starts_with(char::is_uppercase)
                && !i.ends_with(['.', ','])
        })
        && items.iter().filter(|i| site_page(i)).count() * 2 >= items.len()
}

/// The heading of a box of links to other stories (`You might also be interested in`,
/// `Related posts`, `More from Business`), as opposed to one link.
fn is_listing_heading(core: &str) -> bool {
    core.words().nth(8).is_none()
        && !core.contains([':', '|', '›', '»'])
        && core.words().any(|w| {
            matches!(
                lower_word(w).as_ref(),
                "related"
                    | "recommended"
                    | "interested"
                    | "also"
                    | "popular"
                    | "trending"
                    | "stories"
                    | "articles"
                    | "posts"
                    | "coverage"
                    | "reads"
                    | "picks"
                    | "from"
                    | "latest"
                    | "elsewhere"
                    | "around"
            )
        })
}

/// The rules of [`residue`] for one spelling of a line.
fn residue_rules(text: &str) -> Option<&'static str> {
    if let Some(reason) = strict_residue(text) {
        return Some(reason);
    }
    // `Yahoo is part of the Yahoo family of brands.`: the line that opens a media group's
    // consent page, naming the group twice.
    if text.trim_end_matches('.').ends_with(" family of brands")
        && let Some((brand, rest)) = text.split_once(" is part of the ")
        && rest.starts_with(brand)
        && rest[brand.len()..].trim_end_matches('.') == " family of brands"
    {
        return Some(COOKIE);
    }
    let ends_sentence = text
        .trim_end_matches(['"', '\'', '’', '”', ')'])
        .ends_with(['.', '!', '?', ':']);
    let labelled = undecorated(text)
        .split_once(':')
        .filter(|(label, _)| label.len() <= 60);
    // `Don't miss: <headline>`: a label made of a listing box's words, then a headline (which
    // ends in a full stop only on an upper-case headline's abbreviation: `... IN U.S.`).
    if let Some((label, headline)) = labelled
        && text.words().nth(20).is_none()
        && is_listing_label(label.trim_matches(|c: char| !c.is_alphanumeric()))
        && is_headline_like(headline.trim().trim_start_matches('*').trim())
        && (!ends_sentence || !headline.contains(char::is_lowercase))
    {
        return Some(READ_MORE);
    }
    // `Most viewed: <headline> | <headline>`: a box of links on one line.
    if let Some((label, row)) = labelled
        && is_box_heading(label)
        && is_headline_row(row)
    {
        return Some(RELATED);
    }
    // Most blocks are sentences of the article. One that ends like a sentence can still be a
    // consent banner or a copyright line (which name themselves), or, when short, a line
    // speaking to the reader; anything else is kept without a closer look. (Past 160 bytes a
    // block has more than twelve words.)
    let banner = ends_sentence && names_banner_or_copyright(text);
    if ends_sentence && !banner && text.len() > 160 {
        return None;
    }
    let word_count = text.words().count_upto(121);
    if word_count > 120 {
        return None;
    }
    if ends_sentence
        && !banner
        && !(word_count <= 12
            && text.words().any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                ["you", "your", "us", "our", "we"]
                    .iter()
                    .any(|r| w.eq_ignore_ascii_case(r))
            }))
    {
        return None;
    }
    let lower = if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    };
    let tokens: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '@'))
        .filter(|t| !t.is_empty())
        .collect();
    let has = |w: &str| tokens.contains(&w);
    let addresses_reader = ["you", "your", "us", "our", "we"].iter().any(|w| has(w));

    // A consent banner: it speaks to the reader about their data and ends in a button.
    let button_end = [
        "ok",
        "okay",
        "got it",
        "accept",
        "accept all",
        "agree",
        "i agree",
        "allow",
        "allow all",
        "close",
        "dismiss",
        "save and close",
        "reject all",
        "i understand",
        "continue",
    ]
    .iter()
    .any(|b| {
        let end = lower.trim_end_matches(['.', '!', ' ']);
        end.strip_suffix(b)
            .is_some_and(|before| before.ends_with(' '))
    });
    let about_data = [
        "cookie", "cookies", "data", "privacy", "files", "tracking", "consent", "device", "browser",
    ]
    .iter()
    .any(|w| has(w));
    if button_end
        && about_data
        && (addresses_reader || has("consent") || has("privacy") || has("cookie") || has("cookies"))
    {
        return Some("cookie or consent banner");
    }
    if has("privacy") && (has("partners") || has("personal") || has("consent")) && addresses_reader
    {
        return Some("cookie or consent banner");
    }
    if (has("cookie") || has("cookies"))
        && [
            "accept",
            "agree",
            "consent",
            "opt-out",
            "opt",
            "policy",
            "settings",
            "preferences",
            "privacy",
            "necessary",
            "vendors",
            "partners",
            "personalise",
            "personalize",
            "continuing",
            "manage",
            "ok",
        ]
        .iter()
        .any(|w| has(w))
        && (addresses_reader || !ends_sentence)
    {
        return Some("cookie or consent banner");
    }
    // `Harbour Times stores and/or accesses information on your device, such as cookies, to
    // deliver our services`: the site speaks of itself and the reader's device.
    static SITE_SPEAKS: Phrases = Phrases::fragments(&[
        "this site",
        "our site",
        "this website",
        "our website",
        "the site works",
        "your device",
        "your browsing",
        "our services",
        "relevant advertising",
        "browsing experience",
        "our audience",
    ]);
    if (has("cookie") || has("cookies"))
        && SITE_SPEAKS.found_in(&lower)
        && !reports_speech(text)
        && dateline(text).is_none()
    {
        return Some(COOKIE);
    }
    static RESERVED: Phrases = Phrases::fragments(&[" © ", "all rights reserved"]);
    if word_count <= 20
        && (lower.starts_with('©')
            || lower.starts_with("copyright")
            || RESERVED.found_in(&lower)
            || word_count <= 12
                && has("copyright")
                && tokens
                    .iter()
                    .any(|t| t.len() == 4 && t.starts_with(['1', '2']) && t.parse::<u32>().is_ok())
            || lower.starts_with("(c) ")
                && tokens
                    .get(1)
                    .is_some_and(|t| t.len() == 4 && t.parse::<u32>().is_ok()))
    {
        return Some(COPYRIGHT);
    }
    if let Some(reason) = tag_line(text) {
        return Some(reason);
    }
    if word_count <= 8 {
        let bare = lower.trim_end_matches([':', '.', ' ']);
        let related = [
            "related",
            "related articles",
            "related stories",
            "related content",
            "related coverage",
            "related news",
            "related links",
            "related topics",
            "related reading",
            "more on this story",
            "more on this topic",
            "more on this",
            "you may also like",
            "you might also like",
            "you may have missed",
            "recommended",
            "recommended for you",
            "recommended stories",
            "recommended reading",
            "read next",
            "up next",
            "most read",
            "most popular",
            "more stories",
            "more from this section",
            "latest stories",
            "also in the news",
            "more news",
            "top stories",
            "what to read next",
            "further reading",
            "in other news",
            "around the web",
            "elsewhere",
        ];
        if related.contains(&bare) {
            return Some(RELATED);
        }
        // A heading made only of the words listing boxes are named with ("Popular stories",
        // "Trending now"); it counts only when headlines follow it.
        let listing = [
            "popular",
            "stories",
            "story",
            "trending",
            "now",
            "picks",
            "pick",
            "editor's",
            "editors",
            "most",
            "read",
            "viewed",
            "watched",
            "shared",
            "latest",
            "more",
            "news",
            "recommended",
            "related",
            "top",
            "also",
            "you",
            "may",
            "might",
            "like",
            "missed",
            "further",
            "reading",
            "next",
            "up",
            "elsewhere",
            "around",
            "the",
            "web",
            "from",
            "our",
            "partners",
            "sponsored",
            "headlines",
            "today",
            "today's",
            "this",
            "week",
            "in",
            "other",
            "what",
            "to",
            "articles",
            "don't",
            "miss",
            "must",
            "reads",
            "for",
            "editor",
            "editors",
            "s",
            "don",
            "t",
            "picks",
            "best",
            "week's",
            "catch",
            "suggested",
            "site",
            "on",
            "interested",
            "be",
            "might",
            "could",
        ];
        if (2..=5).contains(&word_count)
            && !ends_sentence
            && tokens.iter().all(|t| listing.contains(t))
            && tokens.iter().any(|t| {
                [
                    "popular",
                    "stories",
                    "trending",
                    "picks",
                    "pick",
                    "viewed",
                    "watched",
                    "shared",
                    "recommended",
                    "related",
                    "missed",
                    "miss",
                    "reads",
                    "headlines",
                    "suggested",
                    "interested",
                    "articles",
                    "read",
                    "reading",
                ]
                .contains(t)
            })
        {
            return Some(RELATED);
        }
    }
    let first_word = tokens.first().copied().unwrap_or("");
    if word_count <= 6
        && first_word == "share"
        && ["this", "on", "via", "with", "article", "story", "page"]
            .iter()
            .any(|w| has(w))
    {
        return Some("share, follow or subscribe line");
    }
    // `Related topics Ireland Housing London`: a label, then names, with no punctuation.
    let label_then_names = [
        "related topics",
        "more on",
        "more about",
        "topics",
        "tags",
        "explore",
        "see more on",
        "explore more",
        "related",
        "in this story",
        "more from",
    ]
    .iter()
    .find_map(|p| {
        lower
            .strip_prefix(p)
            .filter(|r| r.starts_with(' '))
            .and_then(|_| text.get(p.len()..))
    });
    if let Some(names) = label_then_names
        && word_count <= 20
        && !ends_sentence
        && names
            .words()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
    {
        return Some("tag footer");
    }
    // Sponsor credits: `Presented by Acme`, `In partnership with Acme`.
    if word_count <= 8
        && !ends_sentence
        && [
            "presented by",
            "supported by",
            "sponsored by",
            "in partnership with",
            "paid for by",
            "brought to you by",
            "powered by",
            "partner content",
            "in association with",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return Some("advertisement");
    }
    static NEW_WINDOW: Phrases = Phrases::fragments(&[
        "opens in new window",
        "opens in a new window",
        "opens in a new tab",
        "opens in new tab",
    ]);
    if NEW_WINDOW.found_in(&lower) {
        return Some("share, follow or subscribe line");
    }
    if has("sell") && has("personal") && (has("information") || has("data")) && word_count <= 12 {
        return Some("cookie or consent banner");
    }
    // `#Kabul #Doha #Taliban`: a list of hashtags.
    if word_count >= 2 && text.words().all(|w| w.starts_with('#') && w.len() > 1) {
        return Some("tag footer");
    }
    // `Related: <headline>`, `See also: <headline>`: a link to another story.
    if word_count <= 20
        && !ends_sentence
        && [
            "related:",
            "related -",
            "see also:",
            "also read:",
            "read also:",
            "more:",
            "recommended:",
            "watch:",
            "listen:",
            "video:",
            "read:",
        ]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return Some("\"read more\" link");
    }
    // Figures mark a table row or a sentence of the article, never a page's furniture.
    // A channel's number after its name (`KHPV News 9`, `Channel 4`) is no figure either.
    let channel = |t: &str| {
        t.len() <= 3
            && text
                .words()
                .zip(text.words().skip(1))
                .any(|(name, number)| {
                    number.trim_end_matches([',', ':', '.', '\'', '’', 's']) == t
                        && (name.len() >= 3 && name.chars().all(|c| c.is_ascii_uppercase())
                            || matches!(name, "News" | "Channel" | "TV" | "Radio" | "FM"))
                })
    };
    let has_figures = tokens.iter().any(|t| {
        t.chars().any(|c| c.is_ascii_digit())
            && !(t.len() == 4 && t.starts_with(['1', '2']) && t.chars().all(|c| c.is_ascii_digit()))
            && !(t.chars().all(|c| c.is_ascii_digit()) && channel(t))
    });
    if has_figures && !addresses_reader {
        return None;
    }
    if word_count > 15 || ends_sentence && !(addresses_reader && word_count <= 12) {
        return None;
    }
    // From here: a short line that does not end like a sentence.
    let first = tokens.first().copied().unwrap_or("");
    static CHROME: Phrases = Phrases::fragments(&[
        "log in",
        "sign in",
        "sign up",
        "sign-up",
        "mailing list",
        "our app",
        "free trial",
        "social media",
        "new window",
        "new tab",
        "free articles",
        "articles left",
        "a month",
        "a week",
        "per month",
        "per week",
        "digital access",
    ]);
    let chrome = tokens.iter().filter(|t| is_chrome_word(t)).count() + CHROME.count_in(&lower);
    let buttons = tokens.iter().filter(|t| is_share_button(t)).count();
    if buttons >= 2 && buttons * 2 >= tokens.len() {
        return Some("share, follow or subscribe line");
    }
    let imperative = is_reader_verb(first);
    let networks = tokens
        .iter()
        .filter(|t| {
            is_share_button(t) && !["share", "print", "email", "e-mail", "copy", "link"].contains(t)
        })
        .count();
    if networks >= 1
        && word_count <= 5
        && (imperative
            || ["post", "share", "send", "on", "to", "via"]
                .iter()
                .any(|w| has(w)))
    {
        return Some("share, follow or subscribe line");
    }
    if imperative
        && word_count <= 8
        && (has("more") || has("here"))
        && (has("read")
            || has("more")
            || has("click")
            || has("tap")
            || has("scrolling")
            || has("see"))
    {
        return Some("\"read more\" link");
    }
    if lower.starts_with("read more")
        || lower.starts_with("full story")
        || lower.starts_with("more:")
        || first == "read"
            && word_count <= 10
            && (has("story") || has("article") || has("full") || has("more") || has("also"))
        || first == "continue" && has("reading")
        || first == "keep" && has("reading")
        || lower.starts_with("also read")
        || lower.starts_with("see also")
    {
        return Some("\"read more\" link");
    }
    if chrome >= 1
        && (has("advertisement") || has("advert") || has("ad") || has("ads") || has("sponsored"))
        && (chrome >= 2 || word_count <= 6 || has("continue") || has("continues"))
    {
        return Some("advertisement");
    }
    if (has("continues") || has("continue"))
        && (has("below") || has("after") || has("beneath") || has("ad"))
        && word_count <= 8
    {
        return Some("\"story continues below\" marker");
    }
    if imperative && (chrome >= 1 || addresses_reader && !ends_sentence)
        || chrome >= 2 && (addresses_reader || word_count <= 6)
    {
        return Some("share, follow or subscribe line");
    }
    if imperative
        && word_count <= 4
        && !ends_sentence
        && ["it", "this", "the", "now"].iter().any(|w| has(w))
    {
        return Some("share, follow or subscribe line");
    }
    None
}

/// What a word says about a short line it stands in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Furniture {
    /// Only a web page's furniture uses it (`newsletter`, `cookies`, `advertisements`).
    Strong(&'static str),
    /// Common to furniture and prose (`this`, `now`, `more`, `below`, `article`).
    Neutral,
}

const ADVERT: &str = "advertisement";
const LEGAL: &str = "copyright, legal or site footer line";
const COPYRIGHT: &str = "copyright line";
const CONTINUES: &str = "\"story continues below\" marker";
const READ_MORE: &str = "\"read more\" link";
const SHARE: &str = "share, follow or subscribe line";
const COOKIE: &str = "cookie or consent banner";
const TAGS: &str = "tag footer";
const NAVIGATION: &str = "page navigation";

/// The part a word plays in a web page's furniture, if any. `word` is lower case.
fn furniture(word: &str) -> Option<Furniture> {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    // (Looked up in a table built once: this runs for most words of every short line.)
    match FURNITURE_WORDS.get(word) {
        Some(&Furniture::Strong(r)) => Some(Furniture::Strong(r)),
        _ if is_network(word) => Some(Furniture::Strong(SHARE)),
        found => found.copied(),
    }
}

/// The words of [`furniture`], by what they say.
static FURNITURE_WORDS: std::sync::LazyLock<
    std::collections::HashMap<&'static str, Furniture, std::hash::BuildHasherDefault<WordHasher>>,
> = std::sync::LazyLock::new(|| {
    const STRONG: &[(&str, &[&str])] = &[
        (
            ADVERT,
            &[
                "ad",
                "ads",
                "advert",
                "adverts",
                "advertisement",
                "advertisements",
                "advertising",
                "sponsored",
                "sponsor",
                "sponsors",
                "promoted",
                "adchoices",
            ],
        ),
        (
            CONTINUES,
            &["continues", "continued", "scroll", "scrolling"],
        ),
        (
            READ_MORE,
            &[
                "read",
                "related",
                "recommended",
                "recommendations",
                "interested",
                "trending",
                "watch",
                "video",
                "videos",
                "listen",
                "podcast",
                "podcasts",
                "gallery",
            ],
        ),
        (
            SHARE,
            &[
                "share",
                "shared",
                "sharing",
                "tweet",
                "retweet",
                "copied",
                "bookmark",
                "bookmarked",
                "loading",
                "follow",
                "following",
                "followers",
                "notifications",
                "notification",
                "notified",
                "alerts",
                "bluesky",
                "snapchat",
                "messenger",
                "tumblr",
                "rss",
                "subscribe",
                "subscribed",
                "subscriber",
                "subscribers",
                "subscription",
                "subscriptions",
                "unsubscribe",
                "newsletter",
                "newsletters",
                "inbox",
                "signup",
                "login",
                "logout",
                "password",
                "username",
                "comment",
                "comments",
                "pledge",
                "donate",
                "donation",
                "donations",
                "upgrade",
                "paywall",
                "membership",
                "subscribing",
                "signing",
                "premium",
                "unlock",
                "ad-free",
                "submit",
                "email",
                "e-mail",
                "print",
                "app",
                "apps",
                "download",
                "reply",
                "replies",
                "newsroom",
                "tip",
                "tips",
                "preferred",
                "personalised",
                "personalized",
                "feed",
                "feeds",
                "receive",
            ],
        ),
        (
            COOKIE,
            &[
                "cookie",
                "cookies",
                "consent",
                "privacy",
                "purposes",
                "vendors",
                "customise",
                "customize",
                "opt-out",
            ],
        ),
        (
            TAGS,
            &["tags", "tagged", "topics", "keywords", "categories"],
        ),
    ];
    // Words of both furniture and prose.
    const NEUTRAL: &[&str] = &[
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "to",
        "of",
        "in",
        "on",
        "for",
        "with",
        "by",
        "from",
        "at",
        "as",
        "and",
        "or",
        "but",
        "&",
        "you",
        "your",
        "yours",
        "we",
        "us",
        "our",
        "my",
        "me",
        "i",
        "be",
        "is",
        "are",
        "was",
        "get",
        "got",
        "have",
        "has",
        "do",
        "don't",
        "dont",
        "can",
        "will",
        "may",
        "might",
        "could",
        "would",
        "should",
        "not",
        "no",
        "yes",
        "here",
        "there",
        "now",
        "below",
        "after",
        "before",
        "above",
        "beneath",
        "under",
        "next",
        "up",
        "down",
        "out",
        "off",
        "all",
        "any",
        "more",
        "most",
        "new",
        "free",
        "just",
        "only",
        "also",
        "again",
        "please",
        "thanks",
        "thank",
        "want",
        "like",
        "likes",
        "liked",
        "enjoying",
        "enjoy",
        "love",
        "see",
        "view",
        "show",
        "hide",
        "less",
        "full",
        "story",
        "stories",
        "article",
        "articles",
        "page",
        "site",
        "website",
        "web",
        "post",
        "posts",
        "content",
        "news",
        "latest",
        "today",
        "daily",
        "weekly",
        "min",
        "mins",
        "minute",
        "minutes",
        "click",
        "tap",
        "link",
        "links",
        "copy",
        "save",
        "saved",
        "later",
        "options",
        "choices",
        "settings",
        "manage",
        "exit",
        "ok",
        "okay",
        "miss",
        "missed",
        "every",
        "best",
        "top",
        "popular",
        "viewed",
        "reading",
        "reader",
        "readers",
        "author",
        "authors",
        "topic",
        "tag",
        "send",
        "enter",
        "type",
        "address",
        "sign",
        "log",
        "account",
        "register",
        "join",
        "leave",
        "contact",
        "support",
        "accept",
        "reject",
        "deny",
        "decline",
        "allow",
        "agree",
        "accepting",
        "without",
        "take",
        "optional",
        "selection",
        "necessary",
        "essential",
        "preferences",
        "data",
        "continue",
        "keep",
        "partner",
        "partners",
        "paid",
        "trial",
        "member",
        "members",
        "updates",
        "update",
        "turn",
        "add",
        "stay",
        "connected",
        "already",
        "headlines",
        "weekday",
        "week",
        "day",
        "morning",
        "evening",
        "photo",
        "photos",
        "image",
        "images",
        "audio",
        "text",
        "report",
        "remove",
        "google",
        "close",
        "dismiss",
        "open",
        "opens",
        "install",
        "window",
        "tab",
        "time",
        "first",
        "what",
        "how",
        "who",
        "if",
        "so",
        "about",
        "discover",
        "explore",
        "browse",
        "find",
        "go",
        "back",
        "home",
        "menu",
        "search",
        "subscribe's",
        "editor",
        "editors",
        "picks",
        "pick",
        "must",
        "also's",
        "coverage",
        "similar",
        "other",
        "people",
        "interest",
        "sign-up",
        "load",
        "expand",
        "section",
        "care",
        "each",
        "source",
        "sell",
        "personal",
        "information",
        "value",
        "learn",
        "purpose",
        "around",
        "further",
        "elsewhere",
        "watched",
        "catch",
        "suggested",
        "depth",
        "opinion",
        "analysis",
        "live",
        "breaking",
        "case",
        "reads",
        "today's",
        "week's",
        "don",
        "t",
        "section's",
        "what's",
        "else",
        "worth",
        "elsewhere's",
        "want's",
        "journalism",
        "independent",
        "become",
        "digest",
        "briefing",
        "respect",
        "name",
        "last",
        "spam",
        "terms",
        "policy",
        "message",
        "x",
        "threads",
        "use",
        "informed",
        "performance",
        "targeting",
        "functional",
        "marketing",
        "statistics",
        "analytics",
        "always",
        "active",
        "strictly",
        "confirm",
        "disagree",
        "acknowledge",
        "archive",
        "archives",
        "background",
        "spotlight",
        "featured",
        "previously",
        "deeper",
        "icymi",
        "details",
        "javascript",
        "enable",
        "original",
        "registered",
        "proceed",
        "started",
        "start",
        "writing",
        "resize",
        "happy",
        "i'm",
        "info",
    ];
    let mut words = std::collections::HashMap::default();
    for &word in NEUTRAL {
        words.insert(word, Furniture::Neutral);
    }
    // (A word in both lists is strong, as the first arm of a match would have it.)
    for &(reason, list) in STRONG.iter().rev() {
        for &word in list {
            words.insert(word, Furniture::Strong(reason));
        }
    }
    words
});

/// FNV-1a: short words hash in a few steps, far faster than the standard library's default
/// (which guards against crafted keys; these keys are fixed).
#[derive(Default)]
struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// The words of a line without the decoration around them (`— Advertisements —`,
/// `👉 Follow us:`, `[Save for later]`, `Like Loading...`). Sentence ends stay.
fn undecorated(text: &str) -> &str {
    let mut s = text.trim_start_matches(|c: char| {
        !(c.is_alphanumeric() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '@' | '$' | '£' | '€'))
    });
    loop {
        let before = s.len();
        s = s.trim_end_matches(|c: char| {
            !(c.is_alphanumeric()
                || matches!(c, '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | '%'))
        });
        for tail in ["...", "…", ":"] {
            if let Some(t) = s.strip_suffix(tail) {
                s = t;
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

/// A short line made only of a web page's words (`Scroll down to continue reading`,
/// `Link copied!`, `Tap follow to get updates`, `Listen · 5:12 min`), at least one of them a
/// word that only furniture uses. Names may follow a verb such as `follow`
/// (`Follow BBC Sport on Instagram`). `core` is the line [`undecorated`].
fn furniture_line(core: &str) -> Option<&'static str> {
    if is_email_field(core) {
        return Some(SHARE);
    }
    // (Looked for only when a figure stands in the line.)
    static MINUTES: Phrases = Phrases::fragments(&[" min", " Min", " MIN"]);
    let has_time = || MINUTES.found_in(core);
    let mut reason = None;
    let mut names_allowed = false;
    let mut words = 0;
    let mut names = 0;
    let mut name_anchor = false;
    let mut strong = 0;
    for token in
        core.split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '@' | '-' | '&')))
    {
        let token = token.trim_matches(|c| c == '\'' || c == '’' || c == '-');
        if token.is_empty() {
            continue;
        }
        words += 1;
        if words > 30 {
            return None;
        }
        if token.starts_with('@') {
            names_allowed = true;
            continue;
        }
        if token.chars().any(|c| c.is_ascii_digit()) {
            if token.chars().all(|c| c.is_ascii_digit()) && has_time() {
                continue;
            }
            return None;
        }
        let lower = lower_word(token);
        match furniture(&lower) {
            Some(Furniture::Strong(r)) => {
                strong += 1;
                name_anchor |= matches!(
                    lower.as_ref(),
                    "app"
                        | "apps"
                        | "newsletter"
                        | "newsletters"
                        | "download"
                        | "follow"
                        | "subscribe"
                        | "podcast"
                        | "listen"
                        | "watch"
                        | "notifications"
                        | "alerts"
                        | "preferred"
                );
                // A list of tags names itself so, whatever else it says (`Related topics`).
                if r == TAGS || reason.is_none() {
                    reason = Some(r);
                }
                if matches!(
                    lower.as_ref(),
                    "follow" | "share" | "subscribe" | "listen" | "watch" | "download" | "like"
                ) {
                    names_allowed = true;
                }
            }
            Some(Furniture::Neutral) => {}
            None if names_allowed && token.starts_with(|c: char| c.is_uppercase()) => {}
            // A name (`the CBC News app`), counted: at most half the line may be names.
            None if words > 1 && token.starts_with(|c: char| c.is_uppercase()) => names += 1,
            None => return None,
        }
    }
    // Names stand only beside words that name where to get more of them: an app, a
    // newsletter, a feed to follow. Nor is a line that quotes someone furniture.
    if names > 0 && (!name_anchor || names * 2 > words) || has_double_quote(core) {
        return None;
    }
    // Past twelve words, a row of buttons (`Share this: · Click to share on Twitter (Opens in
    // new window) · Click to share on Facebook ...`): three words only furniture uses, no name.
    if words > 12 && (strong < 3 || names > 0) {
        return None;
    }
    // Every word is a page's; a phrase such as `sign up` can make the line furniture.
    let lower_core = core.to_lowercase();
    // (Only the phrases that stand somewhere in the line are looked at closely, in order.)
    let present = FURNITURE_PHRASE_SET.scan(&lower_core, false);
    if let Some(&(_, r)) = FURNITURE_PHRASES.iter().enumerate().find_map(|(k, pair)| {
        let (phrase, _) = pair;
        (present >> k & 1 == 1
            && lower_core.match_indices(phrase).any(|(at, _)| {
                let before = lower_core[..at].chars().next_back();
                let after = lower_core[at + phrase.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            }))
        .then_some(pair)
    }) && reason != Some(TAGS)
    {
        reason = Some(r);
    }
    reason.filter(|_| words >= 1)
}

/// `word` in lower case: borrowed when it already is, and kept on the stack when it is a
/// short ASCII word (most words of most lines are; the rules ask for many of them).
fn lower_word(word: &str) -> LowerWord<'_> {
    if !word.is_ascii() {
        LowerWord::Owned(word.to_lowercase())
    } else if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        LowerWord::Borrowed(word)
    } else if word.len() <= 24 {
        let mut bytes = [0u8; 24];
        bytes[..word.len()].copy_from_slice(word.as_bytes());
        bytes[..word.len()].make_ascii_lowercase();
        LowerWord::Short(bytes, word.len())
    } else {
        LowerWord::Owned(word.to_ascii_lowercase())
    }
}

/// What [`lower_word`] gives.
enum LowerWord<'a> {
    Borrowed(&'a str),
    /// ASCII bytes, and how many of them are the word.
    Short([u8; 24], usize),
    Owned(String),
}

impl std::ops::Deref for LowerWord<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            LowerWord::Borrowed(w) => w,
            // (ASCII, so always a string.)
            LowerWord::Short(bytes, len) => std::str::from_utf8(&bytes[..*len]).unwrap_or(""),
            LowerWord::Owned(w) => w,
        }
    }
}

impl AsRef<str> for LowerWord<'_> {
    fn as_ref(&self) -> &str {
        self
    }
}

/// Two- and three-word phrases that make a line furniture, whatever its other words.
/// The phrases of [`FURNITURE_PHRASES`], looked for together.
static FURNITURE_PHRASE_SET: Phrases = Phrases::fragments(&FURNITURE_PHRASE_TEXTS);

const FURNITURE_PHRASE_TEXTS: [&str; FURNITURE_PHRASES.len()] = {
    let mut texts = [""; FURNITURE_PHRASES.len()];
    let mut i = 0;
    while i < texts.len() {
        texts[i] = FURNITURE_PHRASES[i].0;
        i += 1;
    }
    texts
};

const FURNITURE_PHRASES: &[(&str, &str)] = &[
    ("sign up", SHARE),
    ("sign in", SHARE),
    ("sign me up", SHARE),
    ("log in", SHARE),
    ("sign-up", SHARE),
    ("partner content", ADVERT),
    ("paid content", ADVERT),
    ("paid post", ADVERT),
    ("save for later", SHARE),
    ("like this", SHARE),
    ("link copied", SHARE),
    ("load more", READ_MORE),
    ("show more", READ_MORE),
    ("full story", READ_MORE),
    ("full article", READ_MORE),
    ("click to expand", READ_MORE),
    ("expand article", READ_MORE),
    ("why this ad", ADVERT),
    ("full report", READ_MORE),
    ("more from", RELATED),
    ("more on this", RELATED),
    ("more on these", TAGS),
    ("you might also", RELATED),
    ("you may also", RELATED),
    ("also on this", READ_MORE),
    ("your data", COOKIE),
    ("turn on", SHARE),
    ("join now", SHARE),
    ("join us", SHARE),
    ("stay informed", SHARE),
    ("enable javascript", SHARE),
];

/// `Click here to read: <headline>`, `WATCH | <headline>`, `[Related] <headline>`,
/// `Related › <headline>`: a label of a web page's words, then another story's headline.
fn labelled_link(core: &str) -> Option<&'static str> {
    // `Read more at France 24`, `Read the original article on The Hill.`: a link's label
    // naming the site it leads to, alone.
    static TO_SITE: Phrases = Phrases::fragments(&[" at ", " on ", " from "]);
    if core.len() <= 60 && core.words().nth(8).is_none() && TO_SITE.found_in(core) {
        let label = core.trim_end_matches(['.', '!']);
        let named = label
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
        if named && link_label(label) {
            return Some(READ_MORE);
        }
    }
    // A headline does not end with a full stop, nor does an address.
    if core.ends_with('.') {
        return None;
    }
    static ADDRESS: Phrases = Phrases::fragments(&[" http", " www."]);
    let has_address = ADDRESS.found_in(core);
    // `Read more » <headline> https://...`: the labelled headline, then its address.
    if has_address
        && let Some(at) = core.rfind(" http").or_else(|| core.rfind(" www."))
        && !core[at + 1..].contains(' ')
        && let Some(reason) = labelled_link(core[..at].trim_end())
    {
        return Some(reason);
    }
    let bracketed = core
        .contains(']')
        .then(|| core.strip_prefix('[').unwrap_or(core).split_once("] "))
        .flatten()
        .filter(|(label, _)| !label.contains('['))
        // `**Also read |** Headline`, `**More from KEFA:** Headline`: a label in bold.
        .or_else(|| {
            core.strip_prefix("**")
                .unwrap_or(core)
                .split_once("** ")
                .map(|(label, rest)| (label.trim_end_matches([':', '|', ' ']), rest))
                .filter(|(label, _)| !label.contains('*'))
        });
    // `More at https://example.com/story`: a label, then the address.
    let addressed = has_address
        .then(|| core.find(" http").or_else(|| core.find(" www.")))
        .flatten()
        .filter(|&at| !core[at + 1..].contains(' '))
        .map(|at| (&core[..at], "http"));
    let (label, rest) = if let Some(parts) = bracketed.or(addressed) {
        parts
    } else {
        // The label has six words at most, so the separator comes early.
        let mut head = core.len().min(80);
        while !core.is_char_boundary(head) {
            head -= 1;
        }
        // (Each separator holds one of these bytes; `›`, `–`, `—`, `→`, `▶`, `➤` and `►`
        // start with 0xE2, `»` with 0xC2.)
        if !core.as_bytes()[..head]
            .iter()
            .any(|b| matches!(b, b':' | b'|' | b'>' | b'-' | 0xC2 | 0xE2))
        {
            return None;
        }
        let hay = &core[..head];
        let (at, len) = [
            ": ", " | ", " › ", " » ", " > ", " >> ", " – ", " — ", " - ", " → ", " ▶ ", " ➤ ",
            " ► ",
        ]
        .iter()
        // (A separator is searched for only when its mark is there: a byte search.)
        .filter(|sep| {
            sep.trim_start()
                .chars()
                .next()
                .is_some_and(|mark| hay.contains(mark))
        })
        .filter_map(|sep| hay.find(sep).map(|at| (at, sep.len())))
        .min_by_key(|&(at, _)| at)?;
        (&core[..at], &core[at + len..])
    };
    // (`**Also read |** Headline`: markdown's bold around the label.)
    let label = label.trim().trim_matches(['*', '_']).trim();
    let rest = rest
        .trim()
        .trim_start_matches(['*', '_'])
        .trim_start()
        .trim_matches(['"', '“', '”', '\'', '‘', '’']);
    // (The label is looked at first: most lines with a separator have no link's label.)
    if label.is_empty() || label.words().nth(6).is_some() || !link_label(label) {
        return None;
    }
    is_headline_like(without_listing_meta(rest)).then_some(READ_MORE)
}

/// Whether `label` is made of a link's words (`Read more`, `Also on Euronews`, `More energy
/// coverage`, `Read the original article on The Hill`), one of them naming a link.
fn link_label(label: &str) -> bool {
    let mut linked = false;
    // A site's name may follow `from`, `on` or `at` (`More from DW`, `Also on Euronews`), and
    // a section's name `more` (`More energy coverage`).
    let mut after_preposition = false;
    let mut after_more = false;
    let mut names = 0;
    let mut section = false;
    let mut section_named = true;
    for token in label.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        if token.is_empty() {
            continue;
        }
        let lower = lower_word(token);
        let word = lower.as_ref();
        if furniture(word).is_none() {
            if after_preposition
                && names < 3
                && token.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            {
                names += 1;
                continue;
            }
            if after_more && !section {
                section = true;
                section_named = false;
                after_more = false;
                continue;
            }
            return false;
        }
        // (A section's name stands before what it names: `coverage`, `news`, `stories`.)
        if section && !section_named {
            if !matches!(word, "coverage" | "news" | "stories" | "headlines") {
                return false;
            }
            section_named = true;
        }
        after_preposition =
            matches!(word, "from" | "on" | "at") || after_preposition && word == "the";
        after_more = word == "more";
        linked |= matches!(
            word,
            "read"
                | "related"
                | "also"
                | "more"
                | "watch"
                | "video"
                | "listen"
                | "see"
                | "like"
                | "recommended"
                | "interested"
                | "click"
                | "tap"
                | "popular"
                | "trending"
                | "latest"
                | "must"
                | "miss"
                | "coverage"
                | "podcast"
                | "gallery"
                | "picks"
                | "catch"
                | "previously"
                | "archive"
                | "background"
                | "spotlight"
                | "pick"
                | "icymi"
                | "deeper"
        ) || word == "reading" && label.words().nth(1).is_some();
    }
    linked && section_named
}

/// A notice addressed to the reader in whole sentences, about the page rather than the news:
/// `This website stores cookies on your computer.`, `Thanks for reading! Subscribe for free
/// to receive new posts.` It speaks to the reader, names two or more things only a web page
/// has, quotes no one and names no one.
fn reader_notice(core: &str) -> Option<&'static str> {
    // Short, quoting no one, naming no one (a capital inside a sentence), reporting nothing.
    // Text in capitals throughout shows no names either way.
    if core.words().nth(30).is_some() {
        return None;
    }
    // What quotes hold here is no one's words only when it is the page's buttons (`Click
    // “Accept all” to agree`): the notice is judged without them.
    if has_double_quote(core) {
        let mut parts = core.split(['"', '“', '”']);
        let mut unquoted = String::with_capacity(core.len());
        unquoted.push_str(parts.next().unwrap_or(""));
        let mut buttons = false;
        while let Some(quoted) = parts.next() {
            if quoted.trim().is_empty() || !is_button(quoted) && strict_residue(quoted).is_none() {
                return None;
            }
            buttons = true;
            unquoted.push_str(parts.next().unwrap_or(""));
        }
        return buttons
            .then(|| reader_notice(&unquoted))
            .flatten()
            .filter(|&r| r == COOKIE);
    }
    // It speaks to the reader or about cookies, privacy or newsletters: a word that starts
    // as the reader's words do, or one of those things named.
    static READER_WORDS: Phrases = Phrases::words(&[
        "you", "You", "YOU", "we", "We", "WE", "our", "Our", "OUR", "us", "Us", "US", "my", "My",
        "MY",
    ]);
    static PAGE_CUES: Phrases = Phrases::fragments(&[
        "ookie",
        "OOKIE",
        "rivacy",
        "RIVACY",
        "ewsletter",
        "EWSLETTER",
    ]);
    let about_page = PAGE_CUES.found_in(core);
    if !about_page && !READER_WORDS.found_in(core) {
        return None;
    }
    let shouting = !core.contains(char::is_lowercase);
    let mut sentence_start = true;
    // Whether a word speaks to the reader (`you`, `our`), as the closer look below wants.
    let mut reader = false;
    for word in core.words() {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        reader |= (2..=4).contains(&bare.len())
            && ["you", "your", "we", "our", "us", "my"]
                .iter()
                .any(|r| bare.eq_ignore_ascii_case(r));
        // (Capitalised words of the page itself, `Terms of Use`, `Privacy Policy`, are no names.)
        if !shouting
            && !sentence_start
            && bare.starts_with(char::is_uppercase)
            && bare != "I"
            && !matches!(furniture(&lower_word(bare)), Some(Furniture::Strong(_)))
            && !matches!(
                bare,
                "Terms" | "Use" | "Policy" | "Service" | "Conditions" | "Notice" | "Statement"
            )
            || matches!(
                bare,
                "said" | "says" | "told" | "according" | "added" | "reported" | "announced"
            )
        {
            return None;
        }
        if !bare.is_empty() {
            sentence_start = word.ends_with(['.', '!', '?', ':']);
        }
    }
    if !reader && !about_page {
        return None;
    }
    let mut strong = 0;
    let mut reason = None;
    for word in core.words() {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        if bare.is_empty() {
            continue;
        }
        let lower = lower_word(bare);
        let page_word = match furniture(&lower) {
            Some(Furniture::Strong(r)) => Some(r),
            _ => matches!(
                lower.as_ref(),
                "site"
                    | "website"
                    | "browsing"
                    | "browser"
                    | "device"
                    | "geolocation"
                    | "partners"
                    | "posts"
                    | "experience"
                    | "scripts"
                    | "advertising"
                    | "personalised"
                    | "personalized"
                    | "features"
                    | "navigation"
                    | "consented"
            )
            .then_some(COOKIE),
        };
        if let Some(r) = page_word {
            // A page that speaks of its cookies to the reader needs no second sign.
            strong += if lower.starts_with("cookie") { 2 } else { 1 };
            if reason.is_none() || reason == Some(COOKIE) && r != COOKIE {
                reason = Some(r);
            }
        }
    }
    if strong < 2 {
        return None;
    }
    let lower = core.to_lowercase();
    if ["cookie", "privacy", "consent"]
        .iter()
        .any(|w| lower.contains(w))
    {
        reason = Some(COOKIE);
    }
    // Three things only a web page has, one of them its cookies, privacy or newsletters, make
    // a notice even when it names no reader.
    let about_page = ["cookie", "privacy", "newsletter"]
        .iter()
        .any(|w| lower.contains(w))
        && !core.contains(|c: char| c.is_ascii_digit());
    (strong >= 3 && about_page || strong >= 2 && reader)
        .then_some(reason)
        .flatten()
}

/// Whether `text` mentions cookies, privacy or copyright (in lower, title or upper case).
fn names_banner_or_copyright(text: &str) -> bool {
    // (Words, compared only where a word starts, take a third less time than fragments on a
    // long paragraph.)
    static BANNER_WORDS: Phrases = Phrases::words(&[
        "cookie",
        "privacy",
        "copyright",
        "rights reserved",
        "©",
        "(c)",
    ]);
    BANNER_WORDS.found_in(text)
}

/// Whether `text` starts with `prefix` (written in lower case), ASCII letters in either case.
fn starts_with_folded(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Splitting into words as [`str::split_whitespace`] does (the same words, by the same
/// Unicode definition of white space), but a byte at a time: the rules split each paragraph
/// several times, and the standard library's split decodes every character.
trait SplitWords {
    /// The words of the text.
    fn words(&self) -> Words<'_>;
}

impl SplitWords for str {
    fn words(&self) -> Words<'_> {
        Words { text: self, at: 0 }
    }
}

/// The iterator of [`SplitWords::words`].
#[derive(Clone)]
struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let b = self.text.as_bytes();
        let mut i = self.at;
        while i < b.len() {
            match space_len(b, i) {
                0 => break,
                n => i += n,
            }
        }
        if i >= b.len() {
            self.at = i;
            return None;
        }
        let start = i;
        i = next_space(b, i + 1);
        self.at = i;
        // `start` and `i` stand at the start of a character or at the end.
        self.text.get(start..i)
    }

    fn count(self) -> usize {
        match self.find_start(usize::MAX) {
            Ok(_) => usize::MAX,
            Err(n) => n,
        }
    }

    fn nth(&mut self, k: usize) -> Option<&'a str> {
        match self.find_start(k) {
            Ok(at) => {
                self.at = at;
                self.next()
            }
            Err(_) => {
                self.at = self.text.len();
                None
            }
        }
    }
}

impl Words<'_> {
    /// At most `cap` words: the count, stopping early (`take(cap).count()`, faster).
    fn count_upto(self, cap: usize) -> usize {
        match self.find_start(cap) {
            Ok(_) => cap,
            Err(n) => n,
        }
    }

    /// Where the word after the next `k` starts, or how many words there are if fewer.
    /// Words are counted without a branch per word, which is what makes this fast.
    fn find_start(&self, k: usize) -> Result<usize, usize> {
        let b = self.text.as_bytes();
        let mut seen = 0usize;
        let mut after_space = true;
        let mut i = self.at;
        while i < b.len() {
            // Eight bytes at once, when none of them may start a wider space.
            if let Some(chunk) = b[i..].first_chunk::<8>()
                && Eight::read(chunk).wide_space_leads() == 0
            {
                let spaces = Eight::read(chunk).ascii_spaces();
                let after = spaces << 8 | u64::from(after_space) << 7;
                let mut starts = !spaces & Eight::HIGH & after;
                let count = starts.count_ones() as usize;
                if seen + count > k {
                    for _ in seen..k {
                        starts &= starts - 1;
                    }
                    return Ok(i + (starts.trailing_zeros() / 8) as usize);
                }
                seen += count;
                after_space = spaces >> 63 != 0;
                i += 8;
                continue;
            }
            let class = SPACE_CLASS[usize::from(b[i])];
            let (space, len) = if class == 2 {
                match space_len(b, i) {
                    0 => (false, 1),
                    n => (true, n),
                }
            } else {
                (class == 1, 1)
            };
            let starts = after_space & !space;
            if (seen == k) & starts {
                return Ok(i);
            }
            seen += usize::from(starts);
            after_space = space;
            i += len;
        }
        Err(seen)
    }
}

/// Where the first white-space character at or after byte `i` starts (or the end), found
/// eight bytes at a time. `i` is not inside a character.
fn next_space(b: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = b.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        // ASCII white space, and the bytes that may start a wider kind, then looked at whole.
        let eight = Eight::read(chunk);
        let mut maybe = eight.ascii_spaces() | eight.wide_space_leads();
        while maybe != 0 {
            let at = i + (maybe.trailing_zeros() / 8) as usize;
            if space_len(b, at) > 0 {
                return at;
            }
            maybe &= maybe - 1;
        }
        i += 8;
    }
    while i < b.len() {
        if SPACE_CLASS[usize::from(b[i])] != 0 && space_len(b, i) > 0 {
            return i;
        }
        i += 1;
    }
    b.len()
}

/// Per byte: 0 never starts white space, 1 is an ASCII space, 2 may start a wider one.
const SPACE_CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        class[b] = match b as u8 {
            b' ' | b'\t'..=b'\r' => 1,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => 2,
            _ => 0,
        };
        b += 1;
    }
    class
};

/// The length in bytes of the white-space character (as [`char::is_whitespace`] has it) that
/// starts at byte `i`, or 0. A byte inside a character never starts one.
#[inline]
fn space_len(b: &[u8], i: usize) -> usize {
    match b[i] {
        b' ' | b'\t'..=b'\r' => 1,
        0xC2 if matches!(b.get(i + 1), Some(0x85 | 0xA0)) => 2,
        0xE1 if b.get(i + 1..i + 3) == Some(&[0x9A, 0x80]) => 3,
        0xE2 => match b.get(i + 1..i + 3) {
            Some([0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF] | [0x81, 0x9F]) => 3,
            _ => 0,
        },
        0xE3 if b.get(i + 1..i + 3) == Some(&[0x80, 0x80]) => 3,
        _ => 0,
    }
}

/// The high bit of each of the eight bytes of `x` that is outside a word: not an ASCII
/// letter or digit, nor a byte of a character beyond ASCII. Exact for every byte (the sums
/// never carry from one byte into the next).
fn word_gaps(x: u64) -> u64 {
    let eight = Eight(x);
    let word = eight.ascii_within(b'0', b'9')
        | eight.ascii_within(b'A', b'Z')
        | eight.ascii_within(b'a', b'z')
        | eight.beyond_ascii();
    !word & Eight::HIGH
}

/// Eight bytes read at once, and questions asked of all of them without a loop. Each answer
/// has the high bit of every byte that fits set, and no other bit; it is exact for every byte,
/// as the sums never carry from one byte into the next.
#[derive(Clone, Copy)]
pub(crate) struct Eight(pub(crate) u64);

impl Eight {
    const HIGH: u64 = 0x8080_8080_8080_8080;

    pub(crate) fn read(chunk: &[u8; 8]) -> Self {
        Eight(u64::from_le_bytes(*chunk))
    }

    /// The bytes whose low seven bits lie in `lo..=hi`, whatever their high bit.
    fn low_within(self, lo: u8, hi: u8) -> u64 {
        const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
        const fn each(b: u8) -> u64 {
            0x0101_0101_0101_0101 * b as u64
        }
        let low = self.0 & LOW7;
        (low + each(0x80 - lo)) & !(low + each(0x7F - hi)) & Self::HIGH
    }

    /// The ASCII bytes in `lo..=hi`.
    pub(crate) fn ascii_within(self, lo: u8, hi: u8) -> u64 {
        self.low_within(lo, hi) & !self.0
    }

    /// The bytes beyond ASCII.
    fn beyond_ascii(self) -> u64 {
        self.0 & Self::HIGH
    }

    /// ASCII white space: space, and tab to carriage return.
    fn ascii_spaces(self) -> u64 {
        self.ascii_within(b' ', b' ') | self.ascii_within(b'\t', b'\r')
    }

    /// The bytes that may start a wider white-space character: 0xC2, 0xE1, 0xE2, 0xE3.
    fn wide_space_leads(self) -> u64 {
        (self.low_within(0x42, 0x42) | self.low_within(0x61, 0x63)) & self.0
    }
}

/// A fixed set of phrases looked for in one pass over a text. Conversion asks many such
/// questions of every paragraph, so the pass is kept cheap: a table of the byte pairs that
/// start a phrase lets all other positions go by with one look-up (where a substring search
/// per phrase would prepare and run a searcher for each).
struct Phrases {
    list: &'static [&'static str],
    /// One bit per pair of bytes (first byte times 256 plus second) that starts a phrase.
    starts: [u64; 1024],
    /// For each first byte (in lower case for words), the phrases that start with it, a bit
    /// each.
    by_first: [u64; 256],
    /// Whole words: a phrase starts a word, and ASCII letters match in either case (the
    /// phrases are written in lower case). Otherwise fragments, matched byte for byte
    /// anywhere.
    words: bool,
}

impl Phrases {
    /// Phrases that start a word, in any case (`terms of use` in `Terms of Use`).
    const fn words(list: &'static [&'static str]) -> Self {
        Self::new(list, true)
    }

    /// Fragments, matched exactly anywhere (`ookie` in `Cookies`).
    const fn fragments(list: &'static [&'static str]) -> Self {
        Self::new(list, false)
    }

    /// Each phrase has two bytes or more; 64 phrases at most.
    const fn new(list: &'static [&'static str], words: bool) -> Self {
        assert!(list.len() <= 64, "64 phrases at most");
        let mut starts = [0u64; 1024];
        let mut by_first = [0u64; 256];
        let mut i = 0;
        while i < list.len() {
            let b = list[i].as_bytes();
            assert!(b.len() >= 2, "a phrase has two bytes or more");
            by_first[b[0] as usize] |= 1 << i;
            let mut j = 0;
            while j < 4 {
                let (mut x, mut y) = (b[0], b[1]);
                if words && j & 1 == 1 {
                    x = x.to_ascii_uppercase();
                }
                if words && j & 2 == 2 {
                    y = y.to_ascii_uppercase();
                }
                let key = (x as usize) << 8 | y as usize;
                starts[key >> 6] |= 1 << (key & 63);
                j += 1;
            }
            i += 1;
        }
        Self {
            list,
            starts,
            by_first,
            words,
        }
    }

    /// Whether any of the phrases stands in `text`.
    fn found_in(&self, text: &str) -> bool {
        self.scan(text, true) != 0
    }

    /// How many of the phrases stand in `text` (each counted once).
    fn count_in(&self, text: &str) -> usize {
        self.scan(text, false).count_ones() as usize
    }

    /// One bit for each phrase found; stops at the first when `first` is set.
    fn scan(&self, text: &str, first: bool) -> u64 {
        if self.words {
            return self.scan_word_starts(text, first);
        }
        let b = text.as_bytes();
        let mut found = 0u64;
        for i in 0..b.len().saturating_sub(1) {
            let key = usize::from(b[i]) << 8 | usize::from(b[i + 1]);
            if self.starts[key >> 6] >> (key & 63) & 1 != 0 {
                found |= self.at(b, i);
                if first && found != 0 {
                    return found;
                }
            }
        }
        found
    }

    /// [`Phrases::scan`] for whole words: only the bytes that start a word are looked at, and
    /// those are found eight at a time.
    fn scan_word_starts(&self, text: &str, first: bool) -> u64 {
        let b = text.as_bytes();
        let mut found = 0u64;
        let mut look = |i: usize| {
            if i + 1 < b.len() {
                let key = usize::from(b[i]) << 8 | usize::from(b[i + 1]);
                if self.starts[key >> 6] >> (key & 63) & 1 != 0 {
                    found |= self.at(b, i);
                }
            }
            first && found != 0
        };
        // Whether the byte before the current one is outside a word (as before the first).
        let mut after_gap = true;
        let (chunks, rest) = b.as_chunks::<8>();
        for (n, chunk) in chunks.iter().enumerate() {
            let gaps = word_gaps(u64::from_le_bytes(*chunk));
            // The bytes after a gap start a word (the high bit of each such byte).
            let mut starts = gaps << 8 | u64::from(after_gap) << 7;
            after_gap = gaps >> 63 != 0;
            while starts != 0 {
                let i = n * 8 + (starts.trailing_zeros() / 8) as usize;
                starts &= starts - 1;
                if look(i) {
                    return found;
                }
            }
        }
        let tail = b.len() - rest.len();
        for (k, &c) in rest.iter().enumerate() {
            if after_gap && look(tail + k) {
                return found;
            }
            after_gap = !(c.is_ascii_alphanumeric() || c >= 0x80);
        }
        found
    }
    /// The phrases that start at byte `i` of `b` (which starts one of the pairs), a bit each.
    fn at(&self, b: &[u8], i: usize) -> u64 {
        let (x, y) = if self.words {
            (b[i].to_ascii_lowercase(), b[i + 1].to_ascii_lowercase())
        } else {
            (b[i], b[i + 1])
        };
        let mut found = 0;
        let mut candidates = self.by_first[usize::from(x)];
        while candidates != 0 {
            let k = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            let p = self.list[k].as_bytes();
            if p[1] == y
                && b.get(i..i + p.len()).is_some_and(|at| {
                    if self.words {
                        at.eq_ignore_ascii_case(p)
                    } else {
                        at == p
                    }
                })
            {
                found |= 1 << k;
            }
        }
        found
    }
}

/// `Tags: Afghanistan, Taliban, Doha`: a label, then a list of short names.
fn tag_line(text: &str) -> Option<&'static str> {
    // `Posted in A, B, C`, `TOPICS A / B`: a label with no mark after it, then two or more
    // names between separators.
    let bare = [
        "Posted in ",
        "Filed under ",
        "Tagged with ",
        "Tagged ",
        "TOPICS ",
        "TAGS ",
        "Related Topics ",
        "Related topics ",
        "Follow the topics in this article ",
        "Follow the topics in this story ",
        "FOLLOW THE TOPICS IN THIS ARTICLE ",
    ]
    .iter()
    .find_map(|&label| Some((label, text.strip_prefix(label)?)));
    if let Some((label, rest)) = bare {
        // (`+ Markets + Deals`: a follow button's mark before each name.)
        let items: Vec<&str> = rest
            .trim_start_matches([',', '|', '·', '•', ';', '/', '+', ' '])
            .split([',', '|', '·', '•', ';', '/', '+'])
            .map(str::trim)
            .collect();
        let follow = label.starts_with("Follow") || label.starts_with("FOLLOW");
        if (items.len() >= 2 || follow && rest.trim_start().starts_with('+'))
            && items.iter().all(|i| (1..=5).contains(&i.words().count()))
            && !rest.trim_end().ends_with(['.', '!', '?'])
        {
            return Some(TAGS);
        }
        // `Tagged with EPAC Treasurer Paul Keating`: names whose separators the scraper
        // lost, every word a name's (not after `Posted in` or `Filed under`, which a
        // dateline or a sentence may also open).
        let names = rest.words().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || matches!(w, "of" | "and" | "&" | "the" | "for" | "in")
        });
        if names
            && rest.words().nth(1).is_some()
            && rest.words().nth(20).is_none()
            && !rest.trim_end().ends_with(['.', '!', '?', ','])
            && !matches!(label, "Posted in " | "Filed under ")
        {
            return Some(TAGS);
        }
    }
    let (label, rest) = text.split_once([':', '—', '|', '›', '»', '–'])?;
    // (A label of four words at most.)
    if label.len() > 60 {
        return None;
    }
    let label_lower = label.trim().to_lowercase();
    let label_words = label_lower.words().count();
    let is_tag_label = (1..=4).contains(&label_words)
        && [
            "tag",
            "tags",
            "tagged",
            "topic",
            "topics",
            "keyword",
            "keywords",
            "filed",
            "categories",
            "category",
            "subjects",
            "subject",
            "more about",
            "in this story",
            "mentioned",
            "section",
            "labels",
            "posted in",
            "in this article",
            "sections",
            "more on",
            "explore",
            "explore more",
            "discover",
            "see more",
            "more from",
            "themes",
            "browse",
        ]
        .iter()
        .any(|w| {
            label_lower == *w
                || label_lower
                    .strip_prefix(w)
                    .is_some_and(|rest| rest.starts_with(' '))
                || label_lower
                    .strip_suffix(w)
                    .is_some_and(|rest| rest.ends_with(' '))
        });
    let items: Vec<&str> = rest
        .split([',', '|', '·', '•', ';', '/'])
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    let listy = !items.is_empty()
        && items.iter().all(|i| i.words().count() <= 5)
        && !rest.trim_end().ends_with('.');
    (is_tag_label && listy).then_some("tag footer")
}

/// Residue standing on a line of its own inside a paragraph: a marker between two wrapped
/// lines, or glued before or after the paragraph. `k` is the line's place in `block`.
///
/// A wrapped paragraph's lines all run to about the same width but the last, so a marker
/// stands out as a short line in the middle; the last line may be a marker only when the line
/// before it ends a sentence, and the first only when the line after it starts one. The line
/// itself must be made of a web page's words alone.
fn inline_residue(block: &[(usize, &str)], k: usize) -> Option<&'static str> {
    let line = block[k].1;
    let hyphenated = line
        .strip_suffix('-')
        .is_some_and(|l| l.ends_with(char::is_alphabetic));
    let edge = k == 0 || k + 1 == block.len();
    // `RELATED ARTICLES: A / B / C` under a sentence or a table's row: a box of links on one
    // line, however long.
    if k > 0
        && k + 1 == block.len()
        && (ends_a_sentence(block[k - 1].1) || is_table_row(block[k - 1].1))
        && let Some((label, rest)) = line.split_once(':')
        && label.words().nth(5).is_none()
        && label.starts_with(char::is_uppercase)
        && rest.trim_start().starts_with(char::is_uppercase)
        && (is_box_heading(label)
            || is_links_label(label)
            || footer_heading(label) == Some((RELATED, true)))
        && !reports_speech(line)
    {
        return Some(RELATED);
    }
    let words = line.words().count_upto(31);
    if line.ends_with(',') || hyphenated || words > 30 || !edge && words > 8 {
        return None;
    }
    let capital = starts_line(line);
    let after_sentence = k > 0 && ends_a_sentence(block[k - 1].1);
    // After a line that ends without a sentence's end (a table row, a dateline, or a wrapped
    // sentence going on), only residue whose words prose does not use, starting a new line.
    let relaxed = k + 1 == block.len() && !after_sentence;
    // A marker that never is prose (`Sponsored`, `Advertisement`) may also close a block.
    let marker = || {
        capital
            && !line.ends_with(['.', '!', '?'])
            && matches!(strict_residue(line), Some(ADVERT | CONTINUES))
    };
    let fits = if k + 1 == block.len() {
        after_sentence || capital && words >= 2 || marker()
    } else if k == 0 {
        block[1]
            .1
            .starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“' | '‘' | '\''))
    } else {
        // A short line that closes a sentence the line before left open is that sentence's
        // end (`... she has faced on` / `Twitter and Facebook.`), not a marker between lines.
        let closes_sentence = !after_sentence && ends_a_sentence(line);
        let longest = block.iter().map(|(_, l)| l.len()).max().unwrap_or(0);
        !closes_sentence && line.len() * 10 <= longest * 7
    };
    if !fits {
        return None;
    }
    if let Some(reason) = strict_residue(line) {
        return Some(reason);
    }
    let reason = None
        .or_else(|| {
            let core = undecorated(line);
            (core.words().nth(1).is_some() || !line.starts_with(char::is_lowercase))
                .then(|| furniture_line(core))
                .flatten()
        })
        .or_else(|| {
            // At an edge, whole-line rules too, but not those whose words prose also uses
            // (`share`, `follow`, `ads`) where a wrapped sentence may begin or end with them:
            // they stand only on the last line, under a sentence's end, ending none; or on the
            // first line, when it stops well short of the line under it, as no wrapped
            // sentence does.
            // (A bid that opens the line, `Sign up to receive ...`, `Join our Telegram
            // channel ...`, may end with a stop.)
            let bid = || {
                let words: Vec<&str> = line.words().take(20).collect();
                pitch(&words[..words.len().min(3)]).is_some()
                    || reader_prompt(line, &line.to_lowercase(), &words).is_some()
            };
            let whole_line = if k == 0 {
                line.len() * 10 <= block[1].1.len() * 6 && !ends_mid_sentence(line)
            } else {
                after_sentence && (!ends_a_sentence(line) || bid())
            };
            (edge && capital && words >= 2)
                .then(|| residue(line))
                .flatten()
                .filter(|&r| r != SHARE && r != ADVERT || whole_line)
        });
    // (Under a table's row, a button's words alone: `Turn on notifications`, `Close ×`.)
    reason.filter(|&r| {
        !relaxed
            || r != SHARE && r != ADVERT
            || capital
                && words <= 4
                && !line.ends_with(['.', '!', '?'])
                && furniture_line(undecorated(line)).is_some()
    })
}

/// Where the run of footer lines at the foot of `block` starts, its last line being residue
/// already: each line residue alone (`Published: 1987/03/02 19:51 GMT`, `Privacy Policy |
/// Terms of Service`, `© 1987 Al Jazeera`), under a line that ends a sentence. The last line's
/// place when there is no such run.
fn glued_tail(block: &[(usize, &str)]) -> usize {
    let last = block.len() - 1;
    let mut start = last;
    while start > 1 && tail_residue(block[start - 1].1).is_some() {
        start -= 1;
    }
    if start < last && ends_a_sentence(block[start - 1].1) {
        start
    } else {
        last
    }
}

/// A footer line in a run of them glued under a paragraph: residue alone, starting as a
/// line of its own does; a share or advertising line only when it is no sentence.
fn tail_residue(line: &str) -> Option<&'static str> {
    if line.ends_with(',') || !starts_line(line) || line.words().nth(30).is_some() {
        return None;
    }
    strict_residue(line)
        .or_else(|| {
            let core = undecorated(line);
            core.words()
                .nth(1)
                .is_some()
                .then(|| furniture_line(core))
                .flatten()
        })
        .or_else(|| {
            residue(line).filter(|&r| r != SHARE && r != ADVERT || !line.ends_with(['.', '!', '?']))
        })
}

/// Whether a line ends a sentence (`.`, `!` or `?`, perhaps inside a closing quotation mark
/// or bracket).
fn ends_a_sentence(line: &str) -> bool {
    line.trim_end()
        .trim_end_matches(['"', '\'', '’', '”', ')'])
        .ends_with(['.', '!', '?'])
}

/// Whether a line stops on a word no sentence ends with (`... went on under the`): a
/// wrapped sentence goes on below it.
fn ends_mid_sentence(line: &str) -> bool {
    matches!(
        line.rsplit(' ').next().unwrap_or(""),
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "and"
            | "or"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "with"
            | "from"
            | "under"
            | "that"
            | "is"
            | "was"
            | "were"
            | "are"
            | "its"
            | "their"
    )
}

/// Whether a line starts as a new line does: its first letter a capital, or a copyright
/// sign first (`© 2019 Example Media`, `(c) 2022 Midland Tribune`).
fn starts_line(line: &str) -> bool {
    line.starts_with('©')
        || line.starts_with("(c)")
        || line.starts_with("(C)")
        || line
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
}

/// Residue that is never a sentence of an article.
fn strict_residue(line: &str) -> Option<&'static str> {
    if line.len() > 48 {
        return None;
    }
    if is_glued_share_buttons(line) {
        return Some(SHARE);
    }
    let trimmed = line.trim();
    // `Advertisement 320`: the label and the slot's number.
    if let Some(slot) = trimmed
        .strip_prefix("Advertisement ")
        .or_else(|| trimmed.strip_prefix("ADVERTISEMENT "))
        && !slot.is_empty()
        && slot.len() <= 4
        && slot.bytes().all(|b| b.is_ascii_digit())
    {
        return Some(ADVERT);
    }
    // `AdvertisementScroll to continue with content`: two labels whose space was lost.
    if let Some(rest) = trimmed
        .strip_prefix("Advertisement")
        .or_else(|| trimmed.strip_prefix("ADVERTISEMENT"))
        && rest.starts_with(|c: char| c.is_uppercase())
        && strict_residue(rest).is_some()
    {
        return Some(ADVERT);
    }
    let bare = trimmed
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    match bare.as_str() {
        "advertisement"
        | "advertising"
        | "ad"
        | "sponsored"
        | "sponsored content"
        | "promoted"
        | "promoted content"
        | "paid content"
        | "scroll to continue with content"
        | "skip advertisement"
        | "ad feedback"
        | "video ad feedback"
        | "why this ad"
        | "paid post"
        | "ad (1 of 1"
        | "advertisement: continue reading below"
        | "ad · scroll to continue"
        // The word in the languages of pages that carry English news too.
        | "publicité"
        | "publicidad"
        | "pubblicità"
        | "anzeige"
        | "werbung"
        | "reklame" => Some("advertisement"),
        // `Ad: 0:15`, `Ad · 0:30`: a video advertisement's countdown.
        _ if bare
            .strip_prefix("ad")
            .map(|rest| rest.trim_start_matches([':', '·', '|', '-', ' ']))
            .is_some_and(|time| {
                time.contains(':')
                    && time.len() <= 13
                    && time.starts_with(|c: char| c.is_ascii_digit())
                    && time
                        .chars()
                        .all(|c| c.is_ascii_digit() || matches!(c, ':' | ' ' | '/'))
            }) =>
        {
            Some("advertisement")
        }
        "story continues below"
        | "story continues below advertisement"
        | "article continues below"
        | "article continues below advertisement"
        | "continue reading below"
        | "content continues below"
        | "continues below"
        | "the story continues below"
        | "continue reading the main story"
        | "story continues after advertisement"
        | "article continues after advertisement"
        | "story continues after this advertisement" => Some("\"story continues below\" marker"),
        "share" | "share this" | "share this article" | "share this story" | "share article"
        | "tweet" | "email" | "e-mail" | "facebook" | "twitter" | "whatsapp" | "linkedin"
        | "pinterest" | "reddit" | "telegram" | "copy link" | "copy article link" | "comments"
        | "save" | "save article" | "subscribe" | "subscribe now" | "log in" | "sign in"
        | "sign up" | "register" | "pin it" => Some("share, follow or subscribe line"),
        "restacks" | "ready for more" => Some("share, follow or subscribe line"),
        "printer-friendly version"
        | "printer friendly version"
        | "printable version"
        | "close banner"
        | "view non-amp version"
        | "view full site"
        | "go to full site"
        | "invalid email address"
        | "print version"
        | "print-friendly version"
        | "print this page"
        | "print this article" => Some("share, follow or subscribe line"),
        // A consent box's heading.
        "your data, your choice"
        | "your privacy, your choice"
        | "privacy preference center"
        | "privacy preference centre"
        | "before you continue"
        | "we value your privacy"
        | "we care about your privacy"
        | "your privacy choices"
        | "manage consent"
        | "manage cookies"
        | "cookie settings"
        | "cookie preferences"
        | "privacy settings" => Some(COOKIE),
        // The link beside a page's topics that explains them, and their label.
        "what are these" | "in this story" | "in this article" => Some(TAGS),
        "don't miss" | "don’t miss" | "do not miss" if line.trim_end().ends_with("...") => {
            Some(RELATED)
        }
        "start a conversation" | "share what you think" | "share your thoughts" => {
            Some("share, follow or subscribe line")
        }
        "read more" | "read more here" | "show more" | "continue reading" | "see more"
        | "keep reading" | "full story" => Some("\"read more\" link"),
        _ => None,
    }
}

/// A label of one to four words, all of the kind listing boxes are named with ("Don't miss",
/// "Editor's picks", "Must read").
fn is_listing_label(label: &str) -> bool {
    const WORDS: &[&str] = &[
        "don't",
        "dont",
        "miss",
        "must",
        "read",
        "reads",
        "see",
        "also",
        "related",
        "more",
        "recommended",
        "popular",
        "trending",
        "latest",
        "editor's",
        "editors",
        "pick",
        "picks",
        "top",
        "stories",
        "story",
        "news",
        "watch",
        "listen",
        "video",
        "catch",
        "up",
        "next",
        "further",
        "reading",
        "in",
        "case",
        "you",
        "missed",
        "it",
        "best",
        "of",
        "the",
        "week",
        "today",
        "now",
        "from",
        "our",
        "partners",
        "sponsored",
        "opinion",
        "live",
        "breaking",
        "photos",
        "photo",
        "gallery",
        "pictures",
        "explainer",
        "podcast",
        "analysis",
        "coverage",
        "previously",
        "full",
        "interactive",
        "quiz",
        "timeline",
        "depth",
        "background",
        "spotlight",
        "archive",
        "archives",
        "featured",
        "case",
    ];
    if label.words().nth(5).is_some() {
        return false;
    }
    let words: Vec<String> = label
        .words()
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| WORDS.contains(&w.as_str()))
        && words
            .iter()
            .any(|w| !["the", "of", "in", "it", "you", "up", "now", "our"].contains(&w.as_str()))
        // (`Reading` alone is a town as much as a label.)
        && !matches!(&words[..], [w] if matches!(w.as_str(), "reading" | "further" | "next" | "full" | "depth" | "case" | "week" | "today" | "from"))
}

fn is_headline_like(text: &str) -> bool {
    let text = list_item(text).unwrap_or(text);
    // A headline cut short with an ellipsis is still a headline.
    let text = text
        .strip_suffix("...")
        .or_else(|| text.strip_suffix('…'))
        .unwrap_or(text);
    let words = text.words().count();
    // A headline ends without a full stop, unless on an abbreviation (`IN U.S.`, `Co.`).
    let last = text.rsplit(' ').next().unwrap_or("");
    let abbreviation = last.len() <= 5 && last.strip_suffix('.').is_some_and(|l| l.contains('.'))
        || [
            "Inc.", "Corp.", "Co.", "Ltd.", "INC.", "CORP.", "CO.", "LTD.",
        ]
        .contains(&last);
    (2..=20).contains(&words) && (!text.ends_with('.') || abbreviation) || text.starts_with("http")
}

/// Words that are doubled in real English, and stay doubled.
const REAL_DOUBLES: &[&str] = &[
    "had", "that", "is", "so", "no", "very", "really", "bye", "far", "long", "many", "much",
    "more", "ha", "haha", "ho", "bla", "blah", "knock", "tut", "yes", "go", "boo", "chop", "choo",
    "dum", "pom", "tsk", "night", "little", "too", "round", "again", "hush", "there", "now",
    "bang", "ding", "dong", "rah", "nil", "na",
];

/// Repairs words a scraper doubled (`spokesman spokesman`, `will (will)`, `The the`); real
/// doubles (`had had`, `that that`) and doubled names (`Walla Walla`) stay.
fn undouble(text: &str, line: usize, removed: &mut Vec<Removal>) -> String {
    if !may_have_doubles(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut last_word: Option<(usize, usize)> = None; // word span in `out`
    let mut rest = text;
    while !rest.is_empty() {
        let word_len = rest
            .char_indices()
            .find(|(_, c)| !(c.is_alphabetic() || *c == '\''))
            .map_or(rest.len(), |(i, _)| i);
        if word_len == 0 {
            let c = rest.chars().next().unwrap_or(' ');
            // `will (will)`: a bracketed copy of the word just before.
            if c == '('
                && let Some((s, e)) = last_word
                && out[e..].chars().all(|c| c == ' ')
                && !out[e..].is_empty()
            {
                let prev = out[s..e].to_string();
                if let Some(after) = rest[1..].strip_prefix(prev.as_str())
                    && after.starts_with(')')
                    && is_doubling(&prev, &prev)
                    && !(brackets_figures(text) && is_table_value(&prev))
                    && text.matches(&format!("{prev} ({prev})")).nth(1).is_none()
                {
                    removed.push(Removal {
                        line,
                        text: format!("{prev} ({prev})"),
                        reason: "doubled word",
                    });
                    out.truncate(e);
                    rest = &after[1..];
                    continue;
                }
            }
            if c != ' ' {
                last_word = None;
            }
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let word = &rest[..word_len];
        if let Some((s, e)) = last_word
            && &out[e..] == " "
            && is_doubling(&out[s..e], word)
            && !repeats_again(&rest[word_len..], word)
            && !out[..s].ends_with(&format!("{word} "))
        {
            removed.push(Removal {
                line,
                text: format!("{} {word}", &out[s..e]),
                reason: "doubled word",
            });
            out.truncate(e);
            rest = &rest[word_len..];
            continue;
        }
        let start = out.len();
        // `break-in in 1999`: the part of a word after a hyphen or slash is no word of its own.
        let whole_word = out.is_empty() || out.ends_with(' ');
        out.push_str(word);
        last_word = whole_word.then_some((start, out.len()));
        rest = &rest[word_len..];
    }
    out
}

/// Whether `text` gives figures with earlier ones in brackets (`4.35 pct (4.30)`), twice or
/// more, as a table of rates does: there `unquoted (unquoted)` is a value beside its earlier
/// value. (A word in brackets repeated, `unquoted (unquoted)` twice, is such a table too.)
fn brackets_figures(text: &str) -> bool {
    text.match_indices(" (")
        .filter(|&(at, _)| {
            let before = text[..at].rsplit(' ').next().unwrap_or("");
            text[at + 2..].starts_with(|c: char| c.is_ascii_digit())
                && (before.ends_with(|c: char| c.is_ascii_digit()) || before == "pct")
        })
        .nth(1)
        .is_some()
}

/// A word that stands for a figure in a table (`nil`, `unquoted`, `unch`).
fn is_table_value(word: &str) -> bool {
    ["nil", "unquoted", "unch", "unchanged", "none", "na"]
        .iter()
        .any(|v| word.eq_ignore_ascii_case(v))
}

/// A quick look for two neighbouring words that are the same, or a word in brackets: only
/// then is the careful pass needed.
fn may_have_doubles(text: &str) -> bool {
    // Bytes, not characters: words are split at ASCII spaces and trimmed of ASCII marks, so
    // the answer is the same. The spaces are found eight bytes at a time.
    let b = text.as_bytes();
    // Where the word before the next space starts.
    let mut start = 0;
    let (chunks, rest) = b.as_chunks::<8>();
    for (n, chunk) in chunks.iter().enumerate() {
        let mut spaces = Eight::read(chunk).ascii_within(b' ', b' ');
        while spaces != 0 {
            let at = n * 8 + (spaces.trailing_zeros() / 8) as usize;
            spaces &= spaces - 1;
            if doubled_at(b, start, at) {
                return true;
            }
            start = at + 1;
        }
    }
    let tail = b.len() - rest.len();
    for (k, &c) in rest.iter().enumerate() {
        if c == b' ' {
            if doubled_at(b, start, tail + k) {
                return true;
            }
            start = tail + k + 1;
        }
    }
    false
}

/// Whether the word after the space at `at` repeats the word from `start` to the space, or
/// that word in brackets (`will (will)`), for [`may_have_doubles`].
fn doubled_at(b: &[u8], start: usize, at: usize) -> bool {
    fn trimmed(w: &[u8]) -> &[u8] {
        let end = w
            .iter()
            .rposition(|c| !c.is_ascii_punctuation())
            .map_or(0, |i| i + 1);
        &w[..end]
    }
    let previous = &b[start..at];
    // First letters compared before anything costlier.
    let Some(&first) = b.get(at + 1) else {
        return false;
    };
    // (`a a` is the one word of a letter doubled by mistake.)
    let long = previous.len() >= 2 || previous == b"a";
    if first != b'(' && !(long && first.eq_ignore_ascii_case(&previous[0])) {
        return false;
    }
    let end = b[at + 1..]
        .iter()
        .position(|&c| c == b' ')
        .map_or(b.len(), |p| at + 1 + p);
    let word = &b[at + 1..end];
    if let Some((b'(', w)) = word.split_first()
        && trimmed(w) == previous
    {
        return true;
    }
    long && word.len() >= previous.len() && trimmed(word).eq_ignore_ascii_case(previous)
}

/// Whether `rest` goes on with the same word again: three in a row (`nil nil nil` in a table)
/// is not a scraper's doubling.
fn repeats_again(rest: &str, word: &str) -> bool {
    rest.strip_prefix(' ')
        .and_then(|r| r.strip_prefix(word))
        .is_some_and(|r| !r.starts_with(char::is_alphabetic))
}

/// Whether `second` right after `first` is a scraper's doubling rather than real English.
fn is_doubling(first: &str, second: &str) -> bool {
    // (Every answer yes below has the two words the same but for case.)
    if first.is_ascii() && !first.eq_ignore_ascii_case(second) {
        return false;
    }
    if first.chars().count() < 2 && first != "a" {
        return false;
    }
    let lower = first.to_lowercase();
    if REAL_DOUBLES.contains(&lower.as_str()) {
        return false;
    }
    let first_upper = first.chars().next().is_some_and(char::is_uppercase);
    let second_upper = second.chars().next().is_some_and(char::is_uppercase);
    match (first_upper, second_upper) {
        (false, false) => first == second,
        // `The the`: a sentence start doubled.
        (true, false) => lower == second,
        // `Walla Walla`, `Sirhan Sirhan`: names stay.
        _ => false,
    }
}

/// `KABUL, July 17 (AFP) - ...`: the dateline at the start of a paragraph, if any.
pub fn dateline(paragraph: &str) -> Option<Dateline> {
    let dash = [" - ", " -- ", " — ", " – "]
        .iter()
        .filter_map(|d| paragraph.find(d).map(|i| (i, d.len())))
        .min_by_key(|(i, _)| *i)?;
    let head = &paragraph[..dash.0];
    if head.len() > 80 || head.is_empty() {
        return None;
    }
    let (before_source, source) = match head.rfind('(') {
        Some(open) if head.ends_with(')') => (
            head[..open].trim_end(),
            Some(head[open + 1..head.len() - 1].trim().to_string()),
        ),
        _ => (head, None),
    };
    let mut parts = before_source.split(", ");
    let place = parts.next()?.trim();
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || letters.iter().any(|c| c.is_lowercase()) {
        return None;
    }
    let mut place = place.to_string();
    for part in parts {
        // `SAN JOSE, Calif., March 3` or `KABUL, July 17`: a region, then the date.
        let is_date = part
            .words()
            .last()
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()));
        if is_date {
            break;
        }
        if part.words().count() > 3 {
            return None;
        }
        place.push_str(", ");
        place.push_str(part);
    }
    Some(Dateline {
        text: head.to_string(),
        place,
        source: source.filter(|s| !s.is_empty() && s.len() <= 40),
    })
}

/// The bytes that markdown may read as syntax, by value.
const MARKDOWN_SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let specials = b"\\`*_[]<>#|~&!$";
    let mut i = 0;
    while i < specials.len() {
        table[specials[i] as usize] = true;
        i += 1;
    }
    table
};

/// Escapes text so that markdown renders it exactly as written.
///
/// `block_start` marks text that begins a block, where `1984.`, `- `, `+ `, `=` and `#` would
/// otherwise start a list, a heading or a rule.
pub fn escape_markdown(text: &str, block_start: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    if block_start {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && digits <= 9 && matches!(text.as_bytes().get(digits), Some(b'.' | b')')) {
            out.push_str(&text[..digits]);
            out.push('\\');
            rest = &text[digits..];
        } else if text.starts_with(['-', '+', '=']) {
            out.push('\\');
        }
    }
    // Copy runs of ordinary bytes whole; every special character is ASCII.
    let mut start = 0;
    for (i, b) in rest.bytes().enumerate() {
        if MARKDOWN_SPECIAL[usize::from(b)] {
            out.push_str(&rest[start..i]);
            out.push('\\');
            start = i;
        }
    }
    out.push_str(&rest[start..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(text: &str) -> (String, Vec<Removal>) {
        let c = convert("a.txt", &format!("Title\n\n{text}"));
        (c.text(), c.removed)
    }

    /// `source` between two paragraphs of the article leaves `kept` between them (nothing,
    /// when `kept` is empty).
    fn assert_between(source: &str, kept: &str) {
        let (text, removed) = body(&format!("First.\n\n{source}\n\nLast."));
        let expected = if kept.is_empty() {
            "First.\n\nLast.".to_string()
        } else {
            format!("First.\n\n{kept}\n\nLast.")
        };
        assert_eq!(text, expected, "{source:?}: {removed:?}");
    }

    #[test]
    fn page_furniture_over_the_headline_goes_and_the_headline_is_the_title() {
        let cases = [
            "Skip to main content\nMenu\n\nTalks resume in Doha",
            "We use cookies to personalise content and ads. Accept all\nManage options\n\nTalks resume in Doha",
            "Advertisement\n\nBy Jane Smith and Omar Ali\nTalks resume in Doha",
            "You are here: Home › World\nTalks resume in Doha",
        ];
        for top in cases {
            let c = convert("a.txt", &format!("{top}\n\nThe talks resumed.\n"));
            assert_eq!(c.title, "Talks resume in Doha", "{top:?}: {:?}", c.removed);
            assert_eq!(c.text(), "The talks resumed.", "{top:?}");
            assert!(!c.removed.is_empty());
        }
        // Headlines that speak of ads, shares or stories are headlines.
        for title in [
            "Kraft cuts snack ads for children",
            "SHARE PRICES NEAR DAY'S LOWS AT LONDON MIDSESSION",
            "BRAZIL SEAMEN CONTINUE STRIKE AFTER COURT DECISION",
            "Cookie maker sold to rival",
        ] {
            let c = convert("a.txt", &format!("{title}\n\nThe talks resumed.\n"));
            assert_eq!(c.title, title);
            assert_eq!(c.text(), "The talks resumed.");
        }
        // Other residue goes too when a headline stands under it, alone, over the body.
        for top in [
            "Follow us on Reddit and YouTube",
            "Report this ad",
            "Tagged with: Money / Interest rates",
        ] {
            let c = convert(
                "a.txt",
                &format!("{top}\n\nTalks resume in Doha\n\nThe talks resumed.\n"),
            );
            assert_eq!(c.title, "Talks resume in Doha", "{top:?}: {:?}", c.removed);
            assert_eq!(c.text(), "The talks resumed.", "{top:?}");
        }
        // Not when what stands under it is not a headline (the start of a paragraph, a
        // dateline), nor over a headline in capitals: then the first line is the title.
        for (source, title) in [
            (
                "Kraft cuts snack ads for children\n\nKraft said it would stop the ads for\n\nAdvertisement\n\nchildren under twelve.",
                "Kraft cuts snack ads for children",
            ),
            (
                "Kraft cuts snack ads for children\n\nCHICAGO, March 3 - Kraft said\n\nit would stop the ads.",
                "Kraft cuts snack ads for children",
            ),
            (
                "SHARE TRADING IN CHEUNG KONG GROUP SUSPENDED\n\nJoin Harbour Post's Telegram and WhatsApp channels to keep up to date with latest news and events\n\nHONG KONG, March 1 - Trading was suspended.",
                "SHARE TRADING IN CHEUNG KONG GROUP SUSPENDED",
            ),
        ] {
            assert_eq!(convert("a.txt", source).title, title, "{source:?}");
        }
        // A file of furniture only keeps its first line as the title.
        assert_eq!(
            convert("a.txt", "Skip to content\n").title,
            "Skip to content"
        );
    }

    #[test]
    fn page_navigation_in_the_body_goes() {
        for line in [
            "Skip to main content",
            "Accessibility help Skip to navigation Skip to content",
            "Back to top ↑",
            "Click to enlarge",
            "You are here: Home › Sport › Football",
            "Home » Business » Markets",
        ] {
            assert_between(line, "");
        }
        // Rules and sub-headings stay.
        for line in ["- - - -", "Menu changes at the canteen"] {
            assert_between(line, line);
        }
    }

    #[test]
    fn a_page_s_head_over_the_headline_goes_and_the_headline_is_the_title() {
        let body = "CHARLOTTE, N.C., June 1 - Coca-Cola Bottling Co Consolidated said it has\n\
                    agreed to sell its Canadian unit.\n\nThe price was not disclosed.";
        let head = "Northfield Courier | northfieldcourier.co.uk\nPrint edition — Today's paper\n\
                    Home — UK — Weather — News — Travel — World\nPublished: 21 Jun 2022, 08:44\n";
        let c = convert(
            "a.txt",
            &format!("{head}\nCOKE CONSOLIDATED TO SELL CANADA UNIT\n\n{body}\n"),
        );
        assert_eq!(c.title, "COKE CONSOLIDATED TO SELL CANADA UNIT");
        assert!(
            c.text().starts_with("CHARLOTTE, N.C., June 1 - "),
            "{}",
            c.text()
        );
        assert!(
            c.removed
                .iter()
                .any(|r| r.text.starts_with("Northfield Courier"))
        );
        // The headline stays the title where what stands between it and the body may be the
        // article's or a banner's: a by-line and reading time under it, a first paragraph of
        // four words, a sub-heading, a consent banner.
        let stays = [
            (
                "LOUISIANA PACIFIC <LPX> TO BUY WALLBOARD PLANT",
                "Von Priya Brennan, Wirtschaftsredakteur  22. November 2017\n\
                 Lesezeit: 13 Minuten\n\n",
            ),
            (
                "Arsenal through on penalties",
                "\nArsenal win 4-2 on penalties\n\n",
            ),
            ("Home phones face a new future", "\nWhat happens next\n\n"),
            (
                "MIDWEST GRAIN FUTURES 11:00 EDT",
                "\nPrivacy notice\nOur partners and we process personal data such as IP \
                 addresses to show you ads.\nI agree   Options\n\n",
            ),
            (
                "TALKING POINT/BANK STOCKS",
                "\nClick to enlarge\nOfficials arrive for talks — Rex Features\n\n",
            ),
        ];
        for (title, between) in stays {
            let c = convert("a.txt", &format!("{title}\n{between}{body}\n"));
            assert_eq!(c.title, title, "{:?}", c.removed);
            assert!(
                c.text().ends_with("The price was not disclosed."),
                "{}",
                c.text()
            );
        }
        let c = convert(
            "a.txt",
            &format!("Arsenal through on penalties\n\nArsenal win 4-2 on penalties\n\n{body}"),
        );
        assert!(
            c.text().starts_with("Arsenal win 4-2 on penalties"),
            "{}",
            c.text()
        );
    }

    #[test]
    fn a_line_on_many_pages_of_the_archive_is_the_site_s_and_goes() {
        // Three pages of one site, each with the site's line, and lines an article repeats:
        // a note, a sentence, a table's label, a row whose figures differ from page to page.
        let page = |title: &str, n: usize| {
            format!(
                "{title}\n\nShares rose on the news.\n\nBaixe o app da Example Gazette\n\n\
                 Note: shr after preferred dividends\n\nTerms were not disclosed.\n\nYear\n\n\
                 Revs {n}.0 mln vs 9.0 mln ADVERTISEMENT\n"
            )
        };
        let pages: Vec<(String, String)> = ["Oil rises", "Gold falls", "Rates hold"]
            .iter()
            .enumerate()
            .map(|(n, t)| (t.to_string(), page(t, n)))
            .collect();
        let text_of = |pages: &[(String, String)]| {
            let mut headlines = Headlines::new(pages.iter().map(|(t, _)| t.as_str()));
            let keys: Vec<Vec<u64>> = pages
                .iter()
                .map(|(_, p)| crate::headlines::line_keys(p))
                .collect();
            headlines.count_lines(
                pages
                    .iter()
                    .zip(&keys)
                    .map(|((t, _), k)| (t.as_str(), &k[..])),
            );
            let c = convert_in("a.txt", &pages[0].1, &headlines);
            (c.text(), c.removed)
        };
        let site = "Baixe o app da Example Gazette";
        let (got, removed) = text_of(&pages);
        assert!(!got.contains(site), "{got}");
        assert!(
            removed
                .iter()
                .any(|r| r.reason == REPEATED && r.text == site),
            "{removed:?}"
        );
        for own in [
            "Shares rose on the news.",
            "Note: shr after preferred dividends",
            "Terms were not disclosed.",
            "Year",
            "Revs 0.0 mln vs 9.0 mln",
        ] {
            assert!(got.contains(own), "{own:?}: {got}");
        }
        // On two pages, or on three copies of one article, the line is not the site's yet.
        let (got, _) = text_of(&pages[..2]);
        assert!(got.contains(site), "{got}");
        let (got, _) = text_of(&vec![pages[0].clone(); 3]);
        assert!(got.contains(site), "{got}");
    }

    #[test]
    fn other_articles_titles_are_a_box_of_links_and_go() {
        let headlines = Headlines::new([
            "Central bank holds interest rates steady",
            "COPPER PRICES FALL ON WEAK DEMAND",
            "Strikes close three ports in the north",
            "Harvest hit by late frost",
        ]);
        let text = |body: &str| {
            let c = convert_in(
                "a.txt",
                &format!("Harvest hit by late frost\n\n{body}"),
                &headlines,
            );
            (c.text(), c.removed)
        };
        let cases = [
            // A box under its label, in its block or alone above it.
            "Also in Markets:\nCentral bank holds interest rates steady\n• Copper prices fall on weak demand (2h ago)",
            "Most read\n\n1. Strikes close three ports in the north | 3 min read",
            // Titles glued in one line, with their times and counts between them.
            "▸ COPPER PRICES FALL ON WEAK DEMAND (259 comments) - Strikes close three ports in the north",
            "Central bank holds interest rates steady (video)",
        ];
        for box_ in cases {
            let (got, removed) = text(&format!(
                "Frost hit the orchards.\n\n{box_}\n\nGrowers expect losses."
            ));
            assert_eq!(
                got, "Frost hit the orchards.\n\nGrowers expect losses.",
                "{box_:?}: {removed:?}"
            );
            assert!(removed.iter().all(|r| r.reason == RELATED), "{removed:?}");
        }
        // Glued under the article's last sentence, or over its first: only the titles go.
        let glued = [
            (
                "Growers expect losses. See also: Strikes close three ports in the north",
                "Growers expect losses.",
            ),
            (
                "Growers expect losses.See also: Strikes close three ports in the north",
                "Growers expect losses.",
            ),
            ("Pay May 15 COPPER PRICES FALL ON WEAK DEMAND", "Pay May 15"),
            (
                "Central bank holds interest rates steady Growers expect losses.",
                "Growers expect losses.",
            ),
        ];
        for (line, kept) in glued {
            assert_eq!(text(line).0, kept, "{line:?}");
        }
        // The article's own words stay: its own title, a title inside a sentence, a sentence
        // that runs on into a title's words, a long colon label that opens its own list.
        let kept = [
            "Harvest hit by late frost",
            "Officials said strikes close three ports in the north every winter.",
            "The report said central bank holds interest rates steady",
            "Vegetable oil registrations were:\n\nCOPPER PRICES FALL ON WEAK DEMAND",
        ];
        for body in kept {
            let expected = body.replace("\n\nCOPPER PRICES FALL ON WEAK DEMAND", "");
            assert_eq!(text(body).0, expected, "{body:?}");
        }
        // Outside an archive, nothing is known of other articles.
        assert_eq!(
            convert(
                "a.txt",
                "Title\n\nFirst.\n\nCentral bank holds interest rates steady\n\nLast."
            )
            .text(),
            "First.\n\nCentral bank holds interest rates steady\n\nLast."
        );
    }

    /// Each source, in the body that `frame` makes of it, keeps the text beside it.
    fn assert_keeps(cases: &[(&str, &str)], frame: impl Fn(&str) -> String) {
        for &(source, stays) in cases {
            let (text, removed) = body(&frame(source));
            assert!(text.contains(stays), "{source:?}: {text:?} {removed:?}");
        }
    }

    #[test]
    fn repairs_mojibake() {
        let cases = [
            ("Talibanâ€™s office", "Taliban’s office"),
            ("cafÃ© au lait", "café au lait"),
            ("costs Â£5", "costs £5"),
            ("â€œQuoteâ€\u{9d} and â€“ dash", "“Quote” and – dash"),
        ];
        for (bad, good) in cases {
            assert_eq!(repair_mojibake(bad).as_deref(), Some(good), "{bad}");
        }
        for fine in ["Zürich, São Paulo, Ångström", "plain ASCII", "Ça va", "Â"] {
            assert_eq!(repair_mojibake(fine), None, "{fine}");
        }
    }

    #[test]
    fn splits_words_as_the_standard_library_does() {
        let spaces = [
            ' ', '\t', '\n', '\u{b}', '\u{c}', '\r', '\u{85}', '\u{a0}', '\u{1680}', '\u{2000}',
            '\u{2005}', '\u{200a}', '\u{2028}', '\u{2029}', '\u{202f}', '\u{205f}', '\u{3000}',
        ];
        // Characters whose bytes look like a space's first bytes, but are none.
        let others = [
            "é", "\u{200b}", "\u{2010}", "\u{2019}", "\u{1681}", "\u{3001}", "€", "中", "🙂",
        ];
        for space in spaces {
            for other in others {
                let text = format!(
                    "{space}a{other}{space}{space}{other}b c{other}{space}longerword{other}xyz{space}"
                );
                let ours: Vec<&str> = text.words().collect();
                let std: Vec<&str> = text.split_whitespace().collect();
                assert_eq!(ours, std, "{text:?}");
            }
        }
        // Long ones too, shifted a byte at a time across the eight-byte groups.
        let long: Vec<String> = (0..8)
            .map(|k| {
                format!(
                    "{}{} abcdefghij\u{2019}klmnop\u{a0}qr\u{2003}stuvwxyz\u{3000}",
                    "x".repeat(k),
                    "é".repeat(5)
                )
            })
            .collect();
        let short = [
            "",
            " ",
            "a",
            " a  bb\u{3000}c\u{a0} d ",
            "x\u{2009}y\u{200b}z é",
        ];
        for text in short.iter().copied().chain(long.iter().map(String::as_str)) {
            let std: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(text.words().count(), std.len(), "{text:?}");
            for k in 0..6 {
                assert_eq!(text.words().nth(k), std.get(k).copied(), "{text:?} {k}");
                assert_eq!(text.words().count_upto(k), std.len().min(k), "{text:?} {k}");
                let mut ours = text.words();
                ours.next();
                assert_eq!(ours.nth(k), std.get(k + 1).copied(), "{text:?} {k}");
            }
        }
        assert_eq!("".words().count(), 0);
        assert_eq!(" \u{3000} ".words().count(), 0);
    }

    #[test]
    fn finds_every_pair_of_neighbouring_words_that_may_be_doubled() {
        // The plain way, a word at a time.
        fn reference(text: &str) -> bool {
            let words: Vec<&str> = text.split(' ').collect();
            words.windows(2).any(|pair| {
                let (previous, word) = (pair[0], pair[1]);
                let trimmed = word.trim_end_matches(|c: char| c.is_ascii_punctuation());
                word.strip_prefix('(').is_some_and(|w| {
                    w.trim_end_matches(|c: char| c.is_ascii_punctuation()) == previous
                }) || (previous.len() >= 2 || previous == "a")
                    && word.len() >= previous.len()
                    && trimmed.eq_ignore_ascii_case(previous)
            })
        }
        let pieces = [
            "the",
            "The",
            "spokesman",
            "(will)",
            "will",
            "a",
            "",
            "Walla,",
            "x",
            "é",
            "(",
            "so.",
        ];
        // Every pair and triple of pieces, after fillers of each length, so that each pair
        // falls at every place in the eight-byte groups the spaces are found in.
        for pad in 0..9 {
            let filler = "ab ".repeat(pad / 3) + &"z".repeat(pad % 3);
            for a in pieces {
                for b in pieces {
                    for c in ["", " will", " The"] {
                        let text = format!("{filler} {a} {b}{c}");
                        assert_eq!(may_have_doubles(&text), reference(&text), "{text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn tells_word_bytes_from_gaps_eight_at_a_time() {
        for v in 0..=255u8 {
            for at in 0..8 {
                for fill in [b'a', b' ', 0x80, b'Z'] {
                    let mut bytes = [fill; 8];
                    bytes[at] = v;
                    let gaps = word_gaps(u64::from_le_bytes(bytes));
                    for (k, &c) in bytes.iter().enumerate() {
                        let gap = !(c.is_ascii_alphanumeric() || c >= 0x80);
                        assert_eq!(gaps >> (k * 8 + 7) & 1 == 1, gap, "{bytes:?} byte {k}");
                    }
                }
            }
        }
    }

    #[test]
    fn finds_phrases_at_word_starts_in_any_case() {
        static SET: Phrases = Phrases::words(&["terms of use", "ad choices", "all rights"]);
        let naive = |text: &str| {
            let lower = text.to_ascii_lowercase();
            SET.list.iter().any(|p| {
                lower.match_indices(p).any(|(at, _)| {
                    !lower[..at]
                        .bytes()
                        .next_back()
                        .is_some_and(|c| c.is_ascii_alphanumeric() || c >= 0x80)
                })
            })
        };
        for pad in 0..10 {
            let filler = "x".repeat(pad);
            for text in [
                format!("{filler} See our Terms of Use"),
                format!("{filler}Terms of Use"),
                format!("{filler} (ad choices)"),
                format!("{filler} bad choices"),
                format!("{filler}é all rights"),
                format!("{filler} ALL RIGHTS"),
                format!("{filler} allrights"),
                format!("{filler} terms of us"),
            ] {
                assert_eq!(SET.found_in(&text), naive(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn removes_each_kind_of_residue() {
        let residue = [
            (
                "This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out if you wish. Accept Read More",
                "cookie",
            ),
            (
                "We use cookies to personalise content. By continuing you agree. Accept all",
                "cookie",
            ),
            ("Read more: Taliban take Spin Boldak", "read more"),
            ("READ MORE", "read more"),
            ("Share this article", "share"),
            ("Follow us on Twitter", "share"),
            ("Subscribe to our newsletter for daily briefings", "share"),
            ("Sign up for our morning briefing", "share"),
            ("Advertisement", "advertisement"),
            ("Story continues below advertisement", "story continues"),
            ("© 2021 Example News Ltd. All rights reserved.", "copyright"),
            ("Copyright 2021 Example Media", "copyright"),
            ("Tags: Afghanistan, Taliban, Doha", "tag"),
        ];
        for (line, kind) in residue {
            let (text, removed) = body(&format!("First paragraph.\n\n{line}\n\nLast paragraph."));
            assert_eq!(text, "First paragraph.\n\nLast paragraph.", "{line}");
            assert!(
                removed.iter().any(|r| r.reason.contains(kind)),
                "{line}: {removed:?}"
            );
        }
    }

    #[test]
    fn removes_related_footers_and_markers_inside_paragraphs() {
        let (text, _) =
            body("One.\n\nRelated articles\n\nTaliban take Kandahar\n\nUS leaves Bagram\n\nTwo.");
        assert_eq!(text, "One.\n\nTwo.");
        let (text, removed) = body("A wrapped paragraph\nAdvertisement\ncontinues here.\n\nEnd.");
        assert_eq!(text, "A wrapped paragraph continues here.\n\nEnd.");
        assert_eq!(removed[0].line, 4);
    }

    #[test]
    fn recognises_residue_by_its_shape() {
        for line in [
            "Follow the topics in this article + Currencies",
            "Don't miss...",
            "Join The Valley Courier's Telegram channel and get the latest breaking news delivered to you.",
            "Want the latest Wearside news? Join our WhatsApp community!",
            "What do you think? Join the conversation below.",
            "Advertisement 320\nThis advertisement has not loaded yet, but your article continues below.",
            "Sign up now and get a 10% discount",
            "Free trial: unlock all premium content",
            "Published by Example Newspapers Ltd",
            "Listen live on Coast FM 99.1",
            "Start a conversation",
            "FacebookTwitterWhatsAppEmail",
            "FACEBOOKTWITTERINSTAGRAMKOO APPYOUTUBE",
            "Notice\nWe and selected third parties use cookies or similar technologies for technical purposes and, with your consent, for other purposes.\nAccept\nReject\nLearn more and customise",
            "Read more at ktvn5.com",
            "Help Us Improve The Valley Courier",
            "Sign up to read more stories like this\nGet started",
            "Go ad-free with a subscription",
            "Close banner",
            "View non-AMP version",
            "Thanks for reading The Week in Money! Subscribe for free to receive new posts and support my work.",
            "The Week in Money is a reader-supported publication. To receive new posts and support my work, consider becoming a free or paid subscriber.",
            "We use your sign-up to provide content in the ways you've consented to and to improve our understanding of you. You can unsubscribe at any time.",
            "Copyright © Example Media Ltd 2021. Please use the sharing tools found via the share button at the top or side of articles.",
            "You've read 3 of 5 free articles this month.",
            "Thank you for reading The Sentinel.",
            "Enable notifications to get the latest updates as they happen. Not now Allow",
            "Have a story? Email news@example.com",
            "AdvertisementScroll to continue with content",
            "Printable version",
            "Keep up with us on Bluesky and Mastodon",
            "Start your free trial",
            "Ad Feedback",
            "Newsletter sign-up",
            "Already a subscriber? Log in",
            "This page keeps small files on your device so it works. Got it",
            "Related: Floods cut road to Kandahar",
            "[Editor's pick] KABUL TALKS RESUME IN DOHA",
            "**ALSO READ |** Teachers vote to accept revised pay offer",
            "**MORE FROM KEFA CHANNEL 4:** FLOODS CUT KANDAHAR ROAD",
            "[Keep reading] FLOODS CUT KANDAHAR ROAD (17h)",
            "CLICK HERE FOR MORE ENERGY COVERAGE: How fishermen in Sicily cope with fuel prices",
            "Go deeper: Floods cut road to Kandahar",
            "▸ ICYMI: Peru retailers brace for record heat >>",
            "Click here to read more",
            "Trending now",
            "Content copyright 2021 Example Herald Ltd",
            "More on: Taliban, Doha, Kabul",
            "Post to Facebook",
            "Share this page",
            "Related topics Kabul Doha Herat",
            "See more: Kabul · Doha · Herat",
            "Support independent journalism today",
            "Presented by Example Bank",
            "Click to share on Mastodon (Opens in new window)",
            "Do not sell my personal information",
            "» Floods cut the road to Kandahar",
            "#Kabul #Doha #Taliban",
            "Photos: Floods cut the road to Kandahar",
            "You have 2 free articles left this month. Subscribe for £1 a week",
            "The Briefing newsletter\nThe day's news from Kabul, in your inbox\nEnter your email address\nSign up",
            "Written by Mei Lin",
            "12K Followers",
            "More Afghanistan coverage: https://example.com/hub/afghanistan",
            "Find more of our reporting on trade:\nhttps://example.com/hub/trade",
            "Get it on Google Play",
            "Available on iOS and Android",
            "Watch Example News 9 free on Roku, Fire TV and Apple TV",
            "Install our free app",
            "Stay connected: @example on all platforms",
            "Follow KXYZ 9 on Threads and Bluesky",
            "Subscribe now from £9.99/month",
            "Get full access for just $9 a month",
            "This story is only available to subscribers",
            "Your subscription makes our reporting possible.",
            "Enjoying this article?",
            "Example News is reader-supported.",
            "Register for free to continue",
            "In case you missed it: FORD LAUNCHES MARK EUROBOND WITH WARRANTS",
            "PREVIOUSLY: FUJITSU MAY ASSEMBLE ITS OWN COMPUTERS IN U.S.",
            "[Catch up] Floods cut the road to Kandahar",
            "Read More » Floods cut the road to Kandahar https://example.com/floods",
            "Join 180,000+ readers",
            "Click “Accept all” to agree or “Manage settings” to choose.",
            "Page last updated at 21:02 GMT, Wednesday, Apr 11, 1987",
            "A version of this article appears in print on December 20, Section B, Page 8 of the New York edition with the headline: TALKS RESUME IN DOHA.",
            "Story from KEFA NEWS 4:",
            "Source: The Ledger and news agencies",
            "Tech Digest\nExpert analysis of the markets, every weekday afternoon.\nyour@email.com\nSign up",
            "Comments (12) · Share",
            "Printer-friendly version",
            "Bookmark with: Delicious | Digg | reddit | StumbleUpon",
            "New: try our redesigned app",
            "Open in the Example News app",
            "In this story\n— Mergers/Acquisitions\n— United States",
            "Posted in General Refractories | New York Stock | United States | World | Deals\n| Film",
            "Tagged with    EPAC  Treasurer Paul Keating  Economic Planning Advisory Council",
            "Related Topics North America • Breslube Enterprises of Toronto • Mergers/Acquisitions",
            "YOUR DATA, YOUR CHOICE",
            "Privacy Preference Center",
            "What are these?",
            "Install our free app\n\nApp Store | Google Play\n\nOpen",
            "Get the best experience in our app\n\nAvailable on iOS and Android\n\nInstall",
            "Share 47",
            "Ad: 0:15",
            "Publicité",
            "DON'T MISS ▶ FLOODS CUT KANDAHAR ROAD",
            "Read more at France 24",
            "Read the original article on The Ledger.",
            "Get unlimited digital access for $1 a week. Subscribe today.",
            "Simply sign up to the Markets Digest -- delivered directly to your inbox.",
            "Enjoying this? Subscribe to get every issue.",
            "Subscribe today and get 60% off",
            "Create a free account to keep reading.",
            "Please enable JavaScript to sign up",
            "Get the latest news from the KXYZ app. Download it here.",
            "Add Example News as a preferred source to see more of our stories on Google.",
            "Share this with | Email | Facebook | Messenger | Twitter | LinkedIn",
            "Free newsletter: the week's biggest stories, every Sunday",
            "Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside parties.",
            "Your Support Helps Keep Our Newsroom Independent. Become a Subscriber Today.",
            "This is a preview of subscription content",
            "Already registered? Log in",
            "Thanks for reading Policy Brief Weekly! Subscribe for free to receive new posts and support my work. >>",
            "Page last updated at 01:53 GMT, Friday, Mar 1, 1987\nThis material may not be published, broadcast, rewritten or redistributed.\n(c) 1987 Mountain View Media Group",
        ] {
            let (text, removed) = body(&format!("First paragraph.\n\n{line}\n\nLast paragraph."));
            assert_eq!(
                text, "First paragraph.\n\nLast paragraph.",
                "{line}: {removed:?}"
            );
        }
    }

    #[test]
    fn residue_glued_onto_the_end_of_a_line_goes_and_the_sentence_stays() {
        for (source, kept) in [
            (
                "The budget totalled 13,800.5 billion won. | example.co.uk © 2007",
                "The budget totalled 13,800.5 billion won.",
            ),
            (
                "Payment is due April 15, 1987. — (c) Copyright Example Newspapers 2010",
                "Payment is due April 15, 1987.",
            ),
            (
                "NOTE: Full name is Example Nursery Products Inc COPYRIGHT 2022 EXAMPLE MEDIA GROUP",
                "NOTE: Full name is Example Nursery Products Inc",
            ),
            (
                "Capital available 626 mln vs 467 mln. — Enjoying this article? Support our journalism: subscribe today.",
                "Capital available 626 mln vs 467 mln.",
            ),
            (
                "The talks went on, he said.Read More »",
                "The talks went on, he said.",
            ),
            ("Talks resumed.Read More »", "Talks resumed."),
            (
                "The talks went on, he said. — Report this ad | Subscribe to our YouTube channel for more videos",
                "The talks went on, he said.",
            ),
            (
                "Wrapped over\ntwo lines, the talks went on. Share this story: Facebook - X - WhatsApp",
                "Wrapped over two lines, the talks went on.",
            ),
        ] {
            let (text, removed) = body(&format!("First.\n\n{source}"));
            assert_eq!(text, format!("First.\n\n{kept}"), "{source:?}: {removed:?}");
        }
        // The article's own words after a sentence stay, and so does a notice that is
        // residue whole.
        for (source, kept) in [
            (
                "It is protected by U.S. copyright law, the company said.",
                "It is protected by U.S. copyright law, the company said.",
            ),
            (
                "Sales rose. Share prices fell 5 pct on the news.",
                "Sales rose. Share prices fell 5 pct on the news.",
            ),
            ("Part of the Example group © Example Newspapers Ltd", ""),
        ] {
            let (text, removed) = body(&format!("First.\n\n{source}"));
            let expected = if kept.is_empty() {
                "First.".to_string()
            } else {
                format!("First.\n\n{kept}")
            };
            assert_eq!(text, expected, "{source:?}: {removed:?}");
        }
    }

    #[test]
    fn removes_footer_lines_glued_under_the_last_sentence() {
        for (source, kept) in [
            (
                "Measures are likely to be announced in May, they said.\nSign up to receive daily headline news from The Valley Courier, a division of Example Press Network Inc.",
                "Measures are likely to be announced in May, they said.",
            ),
            (
                "The index rose 4.2 pct in February.\nRELATED ARTICLES: FLOODS CUT ROAD TO KANDAHAR / TALKS RESUME IN DOHA / BORDER CROSSING REOPENS / PRICES FALL AGAIN IN KABUL / BANKS CLOSE EARLY / MARKETS QUIET",
                "The index rose 4.2 pct in February.",
            ),
            (
                "Shr six cts vs five cts\nMore on this story: FLOODS CUT ROAD TO KANDAHAR - TALKS RESUME IN DOHA",
                "Shr six cts vs five cts",
            ),
            (
                "\"Talks go on,\" he said.\n© 2019 Meridian Local Media, LLC. All rights reserved.",
                "\"Talks go on,\" he said.",
            ),
            (
                "The talks went on.\n(c) 2022 Midland Tribune",
                "The talks went on.",
            ),
            (
                "The talks went on.\nPublished: 1987/03/02 19:51:04 GMT\nPrivacy Policy  |  Terms of Service  |  Ad Choices\n©1987 Example News",
                "The talks went on.",
            ),
            // Under a sentence that goes on, the lines are the sentence's.
            (
                "The talks went on under the\nPrivacy Policy | Terms of Service\n©1987 Example News",
                "The talks went on under the Privacy Policy | Terms of Service",
            ),
        ] {
            let (text, removed) = body(&format!("First.\n\n{source}"));
            assert!(
                text.starts_with(&format!("First.\n\n{kept}")),
                "{text:?} {removed:?}"
            );
            assert!(!removed.is_empty(), "{source:?}");
        }
    }

    #[test]
    fn a_wrapped_line_with_a_colon_is_part_of_its_paragraph() {
        // A town or a section's name before a colon is no link's label.
        for keep in [
            "Reading: Council approves budget for the town centre",
            "More energy: Oil prices rise",
        ] {
            assert_between(keep, keep);
        }
        let (text, removed) =
            body("He told reporters\nNews: the talks go on, and\nsaid the official.\n\nEnd.");
        assert_eq!(
            text, "He told reporters News: the talks go on, and said the official.\n\nEnd.",
            "{removed:?}"
        );
    }

    #[test]
    fn keeps_table_rows_and_short_lines_of_the_article() {
        for keep in [
            "Share 14.11p vs 12.13p",
            "Share of profits 14 mln vs seven mln",
            "MORE",
            "Ready for dialogue",
            "Talks resume in Doha",
            "Get your hands off the Clangers! Is nothing sacred?",
            "By Tuesday evening",
            "- - - -",
            "----",
            "Record April One",
            "Subscriptions rose 10 pct",
            "The company has 1.2 mln subscribers",
            "SUBSCRIPTION OFFER",
            "Netflix raised its price to $9.99 a month.",
            "Background: The company was founded by Mr. Smith in the U.S.",
            "Click \"here\" to read the full report.",
        ] {
            assert_between(keep, keep);
        }
    }

    #[test]
    fn keeps_sentences_that_only_look_like_residue() {
        for keep in [
            "The EU law requires websites to ask consent before they store cookies.",
            "Share prices fell sharply in Karachi on Monday.",
            "Follow-up talks are planned in Doha next week.",
            "Advertisement revenue at the state broadcaster halved.",
            "Read more widely, the report is a warning.",
            "Tags on the goods showed they came from Herat.",
            "Sign up rates rose 5 pct in March.",
            "Subscribers pay $1 a week for unlimited access.",
            "Reading at Oxford, she met him.",
            "You read 3 of the 5 reports, the judge told him.",
            "Thank you for reading the statement, the chairman told the board on Monday.",
            "Allow notifications of large trades within two days, the agency proposed.",
            "Send tips to the inspector at fraud@example.gov, the notice said.",
            "Join 40 other firms in the pact, the minister urged on Monday.",
            "Help us improve the schools, parents wrote to the council.",
            "Published by Penguin in 1990, the book sold two million copies.",
            "Farmers join a WhatsApp group to compare prices, the survey found.",
            "Read more at home, the minister said.",
            "Never again: sign up rates fell 5 pct in March.",
        ] {
            assert_between(keep, keep);
        }
        // A wrapped sentence whose end, on a short line, reads like a share line.
        let (text, removed) = body(
            "She read out the comments she had been sent on\nTwitter and Facebook.\n\
             \"You are a disgrace,\" said one of them, and she read that out too.",
        );
        assert!(
            text.contains("sent on Twitter and Facebook."),
            "{removed:?}"
        );
    }

    #[test]
    fn repairs_doubled_words_but_keeps_real_doubles() {
        let cases = [
            ("the spokesman spokesman said", "the spokesman said"),
            ("it will (will) speed up", "it will speed up"),
            ("The the talks", "The talks"),
            ("went to to Doha", "went to Doha"),
            (
                "said a a district court ruled",
                "said a district court ruled",
            ),
            ("Type A a second time", "Type A a second time"),
            ("he had had enough", "he had had enough"),
            ("said that that was", "said that that was"),
            ("in Walla Walla today", "in Walla Walla today"),
            ("it was so so", "it was so so"),
            ("Sirhan Sirhan was", "Sirhan Sirhan was"),
            ("talks, talks and more talks", "talks, talks and more talks"),
            (
                "stock and cash cash, subject to",
                "stock and cash, subject to",
            ),
            ("nil nil nil", "nil nil nil"),
            ("up up up", "up up up"),
            ("a break-in in 1999", "a break-in in 1999"),
            // A rate beside its earlier rate, in a table that brackets earlier figures.
            (
                "30-60 days 4.40 pct (4.36) 60-90 days 4.38 pct (4.29) 90-120 days unquoted \
                 (unquoted)",
                "30-60 days 4.40 pct (4.36) 60-90 days 4.38 pct (4.29) 90-120 days unquoted \
                 (unquoted)",
            ),
            (
                "60-90 days unquoted (unquoted) 90-120 days unquoted (unquoted)",
                "60-90 days unquoted (unquoted) 90-120 days unquoted (unquoted)",
            ),
            // A name doubled in such a table is a scraper's doubling.
            (
                "linseed 5,228 (4,473), maize nil (307), rapeseed (rapeseed) nil (nil)",
                "linseed 5,228 (4,473), maize nil (307), rapeseed nil (nil)",
            ),
            // One score in brackets is no such table.
            (
                "upset third seed (seed) Grosjean, then won 6-7 (3/7) 6-3",
                "upset third seed Grosjean, then won 6-7 (3/7) 6-3",
            ),
        ];
        for (input, expected) in cases {
            let mut removed = Vec::new();
            assert_eq!(undouble(input, 1, &mut removed), expected, "{input}");
            assert_eq!(removed.is_empty(), input == expected, "{input}");
        }
    }

    #[test]
    fn normalises_whitespace_and_invisible_characters() {
        let c = convert(
            "a.txt",
            "Title\r\n\r\nA\u{00A0}line  with\u{200B}stray   spaces \r\nwrapped.\r\n",
        );
        assert_eq!(c.text(), "A line withstray spaces wrapped.");
        // A word broken at a hyphen is mended; a hyphen waiting for a word further on stays.
        let c = convert(
            "a.txt",
            "Title\n\nThe well-\nknown bank placed medium-\nand long-term loans on hold.\n",
        );
        assert_eq!(
            c.text(),
            "The well-known bank placed medium- and long-term loans on hold."
        );
        // Joiners between Latin letters or spaces go, even beside other invisible characters;
        // inside Persian or emoji text they stay.
        let c = convert(
            "a.txt",
            "Title\n\nMan of \u{200D}\u{200B}the Year, \u{200C}said they; \u{0645}\u{200C}\u{06CC}.\n",
        );
        assert_eq!(
            c.text(),
            "Man of the Year, said they; \u{0645}\u{200C}\u{06CC}."
        );
    }

    #[test]
    fn finds_datelines() {
        let d = dateline("KABUL, July 17 (AFP) - Officials met.").unwrap();
        assert_eq!(
            (d.place.as_str(), d.source.as_deref()),
            ("KABUL", Some("AFP"))
        );
        let d = dateline("SALVADOR, Feb 26 - Showers continued.").unwrap();
        assert_eq!((d.place.as_str(), d.source), ("SALVADOR", None));
        let d = dateline("SAN JOSE, Calif., March 3 - A deal.").unwrap();
        assert_eq!(d.place, "SAN JOSE, Calif.");
        assert!(dateline("Officials said - as expected - little.").is_none());
        assert!(dateline("The talks - held in Doha - ended.").is_none());
    }

    #[test]
    fn joins_a_headline_wrapped_over_the_title_block() {
        for (source, title, first) in [
            (
                "AIR NEW ZEALAND WELCOMES GOVERNMENT\nSHARE SALE\n\nThe sale went ahead.",
                "AIR NEW ZEALAND WELCOMES GOVERNMENT SHARE SALE",
                "The sale went ahead.",
            ),
            (
                "Talks on a ceasefire resume in\nDoha\n\nThe talks began.",
                "Talks on a ceasefire resume in Doha",
                "The talks began.",
            ),
            // A by-line, a dateline and a first paragraph under the title are no part of it.
            (
                "Talks resume in Doha\nBy Ann Lee\n\nThe talks began.",
                "Talks resume in Doha",
                "The talks began.",
            ),
            (
                "TALKS RESUME\nKABUL, July 17 - Officials met.\n\nMore.",
                "TALKS RESUME",
                "KABUL, July 17 - Officials met.",
            ),
            (
                "Talks resume in\nDoha as the fighting goes on across the north of the country\n\nMore.",
                "Talks resume in",
                "Doha as the fighting goes on across the north of the country",
            ),
        ] {
            let c = convert("a.txt", source);
            assert_eq!(c.title, title, "{source:?}");
            assert!(c.text().starts_with(first), "{source:?}: {:?}", c.text());
        }
    }

    #[test]
    fn an_empty_body_and_a_banner_only_file() {
        let c = convert("a.txt", "Only a title\n");
        assert_eq!(c.title, "Only a title");
        assert!(c.blocks.is_empty());
        let c = convert(
            "a.txt",
            "Title\n\nThis website uses cookies to improve your experience. Accept\n",
        );
        assert!(c.blocks.is_empty());
        assert_eq!(c.removed.len(), 1);
    }

    #[test]
    fn escapes_markdown_specials() {
        assert_eq!(escape_markdown("1984. A year", true), "1984\\. A year");
        assert_eq!(escape_markdown("- not a list", true), "\\- not a list");
        assert_eq!(
            escape_markdown("<script>*x* [a](b) &copy; `c` | d_e \\", true),
            "\\<script\\>\\*x\\* \\[a\\](b) \\&copy; \\`c\\` \\| d\\_e \\\\"
        );
    }

    #[test]
    fn keeps_a_table_written_with_pipes_as_a_table() {
        // A table of services, whose cells alone would read as share buttons.
        let source = "Title\n\nSeveral services went dark.\n\n| Service | Status | Since |\n\
                      | :--- | ---: | --- |\n| Facebook | Down | 15:40 |\n\
                      | Email | *Working* \\| slow |\n| WhatsApp | Down | 15:42 | again |\n\n\
                      The company apologised.\n";
        let c = convert("a.txt", source);
        assert!(c.removed.is_empty(), "{:?}", c.removed);
        assert_eq!(
            c.text(),
            "Several services went dark.\n\nService | Status | Since\nFacebook | Down | 15:40\n\
             Email | *Working* | slow\nWhatsApp | Down | 15:42 | again\n\n\
             The company apologised."
        );
        // Every row as wide as the widest, each column aligned as the dashes say, and the
        // cells' own marks (a pipe, asterisks) escaped.
        assert_eq!(
            c.markdown(),
            "Several services went dark.\n\n\
             | Service | Status | Since |  |\n| :-- | --: | --- | --- |\n\
             | Facebook | Down | 15:40 |  |\n| Email | \\*Working\\* \\| slow |  |  |\n\
             | WhatsApp | Down | 15:42 | again |\n\nThe company apologised.\n"
        );
        // Without the row of dashes under its head, rows between pipes are no table.
        let c = convert(
            "a.txt",
            "Title\n\nFirst.\n\n| a | b |\n| c | d |\n\nLast.\n",
        );
        assert!(c.blocks.iter().all(|b| !matches!(b, Block::Table { .. })));
    }

    #[test]
    fn reads_header_title_and_sub_headings() {
        let c = convert(
            "x.txt",
            "Date: 2021-07-17\nSource: AFP\nTitel: x\n\nTalks in Doha\n\nFirst paragraph\nwrapped here.\n\n‘Ready for dialogue’\n\nSecond paragraph.\n",
        );
        assert_eq!(c.title, "Talks in Doha");
        assert_eq!(c.header.source.as_deref(), Some("AFP"));
        assert!(c.warnings[0].message.contains("did you mean `Title`"));
        assert_eq!(
            c.markdown(),
            "First paragraph wrapped here.\n\n## ‘Ready for dialogue’\n\nSecond paragraph.\n"
        );
    }

    #[test]
    fn recognises_decorated_and_labelled_residue() {
        for line in [
            "— Sponsored —",
            "Advertisements...",
            "👉 Keep up with us on Bluesky:",
            "[Bookmark for later]",
            "Continues after this advert ›",
            "Scrolling down keeps the story going",
            "Listen · 3:40 min",
            "Link copied",
            "Tap the bell to turn on notifications",
            "signup@example.org",
            "Thank you for reading! Subscribe to receive posts like this by e-mail.",
            "This site keeps cookies on your device to learn how readers use it.",
            "Privacy note: newsletters may carry ads from outside partners.",
            "Also worth reading | Floods cut the road to Kandahar",
            "[More] Floods cut the road to Kandahar",
            "Topics › Kabul · Doha · Herat",
            "Filed under: Kabul / Doha / Herat",
            "𝕏 f ✉",
            "By subscribing you accept our Terms of Use and Privacy Policy.",
            "Get the briefing in the Kabul Daily app",
            "WE USE COOKIES SO THAT THE SITE WORKS FOR YOU.",
            "More from Kabul Daily: Floods cut the road to Kandahar",
            "Also on the Herald: Talks resume in Doha",
            "More at https://example.org/news/floods-cut-road",
            "👉 Floods cut the road to Kandahar",
            "(→ Talks resume in Doha)",
            "Posted in Kabul, Doha, Spin Boldak",
            "TOPICS Taliban / Doha talks / Qatar",
            "(C) Kabul Daily Media 2024",
            "This material may not be published, broadcast, rewritten or redistributed.",
            "The views expressed in this article are the author's own.",
            "Quotes delayed at least 15 minutes. Market data provided by a vendor.",
            "Distributed by Kabul Content Agency",
            "Published: 2024/07/23 11:47:40 GMT",
            "About us | Contact | Careers | Privacy",
            "Click to expand",
        ] {
            let (text, removed) = body(&format!("First paragraph.\n\n{line}\n\nLast paragraph."));
            assert_eq!(
                text, "First paragraph.\n\nLast paragraph.",
                "{line}: {removed:?}"
            );
        }
    }

    #[test]
    fn removes_widgets_buttons_and_footers_as_wholes() {
        // A consent box: a heading, a notice, and buttons that are no residue on their own.
        let (text, removed) = body(
            "First.\n\nBefore you go on\nWe use cookies to see how readers use the site and our apps.\nOptions\nAccept all\n\nLast.",
        );
        assert_eq!(text, "First.\n\nLast.", "{removed:?}");
        // A sign-up box: a prompt, an e-mail field and a button.
        let (text, _) =
            body("First.\n\nGet the Kabul briefing\nyou@example.com\nJoin now\n\nLast.");
        assert_eq!(text, "First.\n\nLast.");
        // A tag list, one name a line, under its heading.
        let (text, _) = body("First.\n\nLast.\n\nRelated topics\nTaliban\nKabul\nSpin Boldak");
        assert_eq!(text, "First.\n\nLast.");
        // A box of links under a heading of plain words, at the foot of the article.
        let (text, _) = body(
            "First.\n\nLast.\n\nElsewhere on the site\n\nFloods cut road to Kandahar\n\nTalks resume in Doha",
        );
        assert_eq!(text, "First.\n\nLast.");
        // A footer mixing headlines with their times and sections, then a tag list in lower
        // case.
        let (text, removed) = body(
            "First.\n\nLast.\n\nMore stories\n\nFloods cut road to Kandahar\n6 min read\n\nWorld\nTalks resume in Doha\n\nBorder crossing reopens | March 3, 2024\n\nExplore more on these topics\nspin boldak\nqatar",
        );
        assert_eq!(text, "First.\n\nLast.", "{removed:?}");
        let (text, removed) =
            body("First.\n\nLast.\n\nMore about\n\nTaliban\n\nSpin Boldak\n\nBalochistan");
        assert_eq!(text, "First.\n\nLast.", "{removed:?}");
    }

    #[test]
    fn removes_breadcrumbs_advert_boxes_and_link_labels() {
        let (text, removed) = body(
            "Home > World > Asia\n\nFirst.\n\nSponsored by Acme Travel\nThe trip everyone is talking about\nBook now\n\nICYMI\n\nFloods cut the road to Kandahar\n\nLast.",
        );
        assert_eq!(text, "First.\n\nLast.", "{removed:?}");
        // A marker glued above a table's rows, a sub-heading over a short line, and a path
        // inside the article stay.
        // `Read more` alone over a headline in the next paragraph; share buttons' icons one
        // a paragraph; a row of buttons past twelve words; a copyright line's end wrapped.
        let (text, removed) = body(
            "First.\n\nREAD MORE\n\nFloods Cut The Road To Kandahar\n\nf\n\nX\n\nin\n\n✉\n\nShare this: · Click to share on Twitter (Opens in new window) · Click to share on Facebook (Opens in new window) · Like this: · Like Loading...\n\n© 2023 Example News Network. All Rights\nReserved.",
        );
        assert_eq!(text, "First.", "{removed:?}");
        let kept = "First.\n\nQtly div 30 cts vs 30 cts prior\n\nPay June one\n\nBackground\n\nTalks resume in Doha\n\nThe road runs Kabul > Kandahar > Spin Boldak, officials said.";
        let (text, removed) = body(&format!("{kept}\n\nLast."));
        assert_eq!(text, format!("{kept}\n\nLast."), "{removed:?}");
        // Under `See more`, a table's row and a quotation are the article's.
        let kept = "First.\n\nSee more\n\n5.00 pct 184-360 days\n\nSee more\n\n\"If we can get more we'll take it.\"";
        let (text, removed) = body(&format!("{kept}\n\nLast."));
        assert_eq!(
            text,
            "First.\n\n5.00 pct 184-360 days\n\n\"If we can get more we'll take it.\"\n\nLast.",
            "{removed:?}"
        );
        let (text, removed) =
            body("First.\n\nAdvertisement\nPay June one\nRecord May eight\n\nLast.");
        assert_eq!(
            text, "First.\n\nPay June one Record May eight\n\nLast.",
            "{removed:?}"
        );
    }

    #[test]
    fn removes_boxes_that_sell_a_subscription() {
        let (text, removed) = body(
            "First.\n\nSupport independent reporting\nYour subscription pays for our newsroom.\nSee subscription options\n\nEnjoying this article?\nSubscribe for full access to the Kabul Daily.\nSubscribe\n\nLast.",
        );
        assert_eq!(text, "First.\n\nLast.", "{removed:?}");
        // A sentence of the article glued above such lines stays.
        let (text, removed) = body(
            "First.\n\nNo comment was immediately available from the ministry.\nSitemap · Contact · Jobs · Terms of Use\nTerms · Privacy · Cookies",
        );
        assert!(
            text.starts_with("First.\n\nNo comment was immediately available from the ministry."),
            "{text}"
        );
        assert!(!text.contains("Cookies"), "{removed:?}");
    }

    #[test]
    fn separates_wrapped_banners_from_the_paragraphs_they_are_glued_to() {
        // A banner wrapped over three lines, glued above a wrapped paragraph: only the banner
        // goes, and the paragraph's lines are all kept.
        let (text, removed) = body(
            "First.\n\nOur website uses cookies. By continuing to use this site you\nconsent to our use of cookies as described in our Cookie\nPolicy. OK\nKABUL, July 17 - Talks between the two sides resumed\nin Doha on Sunday, officials said.\n\nLast.",
        );
        assert_eq!(
            text,
            "First.\n\nKABUL, July 17 - Talks between the two sides resumed in Doha on Sunday, officials said.\n\nLast.",
            "{removed:?}"
        );
        // The same below the paragraph.
        let (text, removed) = body(
            "First.\n\nTalks between the two sides resumed in Doha on Sunday,\nofficials said.\nTo give you the best experience, this site uses cookies.\nContinuing means you agree to our use of cookies.",
        );
        assert_eq!(
            text,
            "First.\n\nTalks between the two sides resumed in Doha on Sunday, officials said.",
            "{removed:?}"
        );
        // A consent box whose purposes are listed one a paragraph, in lower case.
        let (text, removed) = body(
            "First.\n\nKabul is part of the Kabul family of brands.\nWhen you use our sites, we use cookies to:\n\nprovide our sites to you\n\nmeasure your use of our sites\n\nAccept all\n\nLast.",
        );
        assert_eq!(text, "First.\n\nLast.", "{removed:?}");
        // Boxes glued above a paragraph or below its last sentence: an advertisement, share
        // buttons, a line that bids the reader turn on alerts.
        for (source, kept) in [
            (
                "From our partners\nRetirees are rushing to claim this benefit\nFind out more ›\nThe bank said profit rose.",
                "The bank said profit rose.",
            ),
            (
                "Email\nShare on Bluesky\nShare on Telegram\nShare on WhatsApp\nThe disclosure of the unit's interest in Cyclops'\nIndustrial Group came in documents filed with the SEC.",
                "The disclosure of the unit's interest in Cyclops' Industrial Group came in documents filed with the SEC.",
            ),
            (
                "The bank said it completed the deal.\nShare\nPrint\nFacebook\nCopy link\nX\nWhatsApp",
                "The bank said it completed the deal.",
            ),
            (
                "The bank said it completed the deal.\nEnable push notifications to get breaking news first",
                "The bank said it completed the deal.",
            ),
            (
                "Support our journalism ▸\nThe notes will be bought back at par, and interest will cease to accrue on May one, the unit said.",
                "The notes will be bought back at par, and interest will cease to accrue on May one, the unit said.",
            ),
            // A wrapped sentence that opens with a share's words stays whole.
            (
                "Share prices on the London Stock\nExchange fell sharply on Monday.",
                "Share prices on the London Stock Exchange fell sharply on Monday.",
            ),
            // A sign-up box glued under a sentence, its field and button on one line.
            (
                "The sources said the meeting would be informal.\nSign up for our newsletter\n\
                 your@email.com SIGN UP\nPrivacy notice: newsletters may contain information \
                 about charities, online ads and content funded by outside parties.",
                "The sources said the meeting would be informal.",
            ),
            // A sentence of the article, wrapped, over a link or under a banner's line that
            // goes on in lower case: the sentence stays.
            (
                "WASHINGTON, March 18 - U.S. power companies generated a net 48.31\n\
                 billion kilowatt-hours in the week ended March 14, the Edison Electric\n\
                 Institute (EEI) said.\n\
                 » BANK OF ENGLAND TO MONITOR WHEN-ISSUED TRADING (opens in new tab)",
                "WASHINGTON, March 18 - U.S. power companies generated a net 48.31 billion \
                 kilowatt-hours in the week ended March 14, the Edison Electric Institute (EEI) \
                 said.",
            ),
            (
                "First Wisconsin said it will continue to occupy the area.\n\
                 we and our partners use cookies and similar technologies to store and access \
                 personal data on your device.",
                "First Wisconsin said it will continue to occupy the area.",
            ),
            // A dateline is the article's, under a link glued above it.
            (
                "ICYMI: Ontario to Review Merger Plan After Outcry\nWASHINGTON, April 9 - The U.S. Agriculture Department forecast South\nAfrica's corn crop at 8.50 mln tonnes.",
                "WASHINGTON, April 9 - The U.S. Agriculture Department forecast South Africa's corn crop at 8.50 mln tonnes.",
            ),
        ] {
            assert_between(source, kept);
        }
    }

    #[test]
    fn a_period_over_a_table_stays_beside_a_banner() {
        // `Nine mths` heads the rows under it, though a consent banner is glued below it.
        let (text, removed) = body(
            "Shr 1.20 dlrs vs 1.10 dlrs\n\nNine mths\nWe care about your privacy\n\
             We and our 142 advertising partners store and/or access information on a device, \
             such as cookies, to personalise content and ads.\n\
             You can withdraw consent at any time using the Privacy link at the foot of each \
             page.\n\nShr 3.10 dlrs vs 2.90 dlrs",
        );
        assert_eq!(
            text, "Shr 1.20 dlrs vs 1.10 dlrs\n\nNine mths\n\nShr 3.10 dlrs vs 2.90 dlrs",
            "{removed:?}"
        );
        assert_eq!(removed.len(), 3, "{removed:?}");
        // Above a paragraph of prose, a period glued to a banner is no table's head.
        let (text, _) = body(
            "The bank said profit rose.\n\nSix months\nWe care about your privacy\n\
             You can withdraw consent at any time using the Privacy link at the foot of each \
             page.\n\nThe shares rose.",
        );
        assert_eq!(text, "The bank said profit rose.\n\nThe shares rose.");
    }

    #[test]
    fn a_by_line_in_the_body_names_the_author() {
        let conv = convert(
            "a.txt",
            "Title\n\nWritten by Mei Lin\n\nKABUL - Talks resumed.\n",
        );
        assert_eq!(conv.header.author.as_deref(), Some("Mei Lin"));
        assert_eq!(conv.text(), "KABUL - Talks resumed.");
        let conv = convert(
            "a.txt",
            "Author: Tom Hale\n\nTitle\n\nBy Mei Lin\n\nTalks resumed.\n",
        );
        assert_eq!(conv.header.author.as_deref(), Some("Tom Hale"));
    }

    #[test]
    fn residue_takes_the_short_lines_beside_it() {
        // A consent form's purposes, its buttons, a divider and a bare address beside a banner.
        let (text, removed) = body(
            "First.\n\nWe and our partners use cookies to store and access information on your device. Accept all\n\nStore and/or access information on a device\n\nVendor list\n\nLegitimate interest\n\nAgree & close\n\n* * *\n\nLast.",
        );
        assert_eq!(text, "First.\n\nLast.", "{removed:?}");
        let (text, removed) = body(
            "First.\n\nWe use cookies to improve your experience on our site.\n\nYes, I'm happy No, take me to settings\n\nAgree and proceed\n\nI accept | More info\n\nLast.",
        );
        assert_eq!(text, "First.\n\nLast.", "{removed:?}");
        let (text, removed) =
            body("First.\n\nRead more:\n\nhttps://example.com/2024/floods-cut-road\n\nLast.");
        assert_eq!(text, "First.\n\nLast.", "{removed:?}");
        // Sentences of the article beside residue stay, even when they speak to the reader,
        // and so do a table's rules.
        for keep in [
            "Search sites want to get to know you better.",
            "Piedmont has received bids from Norfolk Southern Corp and US Air Corp.",
            "Faithfully yours,",
            "- - - -",
        ] {
            let (text, removed) = body(&format!("First.\n\nAdvertisement\n\n{keep}\n\nLast."));
            assert_eq!(text, format!("First.\n\n{keep}\n\nLast."), "{removed:?}");
        }
    }

    #[test]
    fn tags_under_a_follow_label_go_but_a_table_under_a_button_stays() {
        let (text, removed) =
            body("First.\n\nLast.\n\nFollow the topics in this article\n• Politics\n• Kabul");
        assert_eq!(text, "First.\n\nLast.", "{removed:?}");
        let table =
            "MONTHS LAST DIFFERENCE\nMay/Jul 0.34 under 0.35 under\nJul/Aug 0.16 under 0.17 under";
        for label in ["Follow this topic", "Follow the topics in this story"] {
            let (text, removed) = body(&format!("First.\n\n{label}\n\n{table}"));
            assert_eq!(
                text,
                "First.\n\nMONTHS LAST DIFFERENCE May/Jul 0.34 under 0.35 under Jul/Aug 0.16 under 0.17 under",
                "{removed:?}"
            );
        }
        // A marker between the lines of a wrapped paragraph, and a button glued under a row.
        let (text, removed) = body(
            "First.\n\nThe rights will be priced at 50 cents for the shares on offer, on the\nContinue reading the main story\nsame terms as before.\n\nQtly div 14 cts vs 12.5 cts in prior qtr\nTurn on notifications\n\nLast.",
        );
        assert_eq!(
            text,
            "First.\n\nThe rights will be priced at 50 cents for the shares on offer, on the same terms as before.\n\nQtly div 14 cts vs 12.5 cts in prior qtr\n\nLast.",
            "{removed:?}"
        );
    }

    #[test]
    fn the_article_beside_a_box_of_links_stays() {
        // A row or a sentence of the article over lines that are each residue by themselves.
        for (source, kept) in [
            (
                "Record June 30\ncopyright 2021 Example Media. all rights reserved.",
                "Record June 30",
            ),
            (
                "The issue has been placed privately and will not be listed.\nsign up to our free newsletters",
                "The issue has been placed privately and will not be listed.",
            ),
        ] {
            let (text, removed) = body(&format!("First.\n\n{source}\n\nLast."));
            assert_eq!(text, format!("First.\n\n{kept}\n\nLast."), "{removed:?}");
        }
        // A sentence over a copyright line glued under it.
        let (text, removed) = body(
            "First.\n\nValue was not disclosed.\nCopyright (C) 2022 Example Radio, Inc.. Reproduction without\npermission is prohibited.",
        );
        assert_eq!(text, "First.\n\nValue was not disclosed.", "{removed:?}");
        // A table's rows and a last sentence without its stop after a box of links.
        for (source, kept) in [
            (
                "Read more...\n\nOct 4462\n\nDec 167\n\nRead More – FLOODS CUT ROAD TO KANDAHAR\n\nMay 170",
                "Oct 4462\n\nDec 167\n\nMay 170",
            ),
            (
                "ALSO READ\nFLOODS CUT ROAD TO KANDAHAR\n\nuk 12.647 - 12.659\n\nus/switz 1.5130 - 1.5140\n\nShare via",
                "uk 12.647 - 12.659\n\nus/switz 1.5130 - 1.5140",
            ),
            (
                "Recommended\n\n→ FLOODS CUT ROAD TO KANDAHAR [Video]\n\n→ TALKS RESUME IN DOHA\n\nShareholders also approved increasing the number of shares reserved for options to employees to 300,000 from 150,000",
                "Shareholders also approved increasing the number of shares reserved for options to employees to 300,000 from 150,000",
            ),
        ] {
            let (text, removed) = body(&format!("First.\n\n{source}"));
            assert_eq!(text, format!("First.\n\n{kept}"), "{removed:?}");
        }
    }

    #[test]
    fn a_paragraph_that_residue_split_is_joined_again() {
        // The advertisement stood in a paragraph of its own between two halves of a sentence.
        for (source, joined) in [
            (
                "Proceeds will repay debt incurred to finance\n\nAdvertisement\n\nrecent acquisitions, it said.",
                "Proceeds will repay debt incurred to finance recent acquisitions, it said.",
            ),
            (
                "Record bonuses were paid in\n\nStory continues below\n\n1985 and 1986.",
                "Record bonuses were paid in 1985 and 1986.",
            ),
        ] {
            let (text, removed) = body(&format!("First.\n\n{source}\n\nLast."));
            assert_eq!(text, format!("First.\n\n{joined}\n\nLast."), "{removed:?}");
        }
        // Paragraphs that end a sentence, a table's rows, and paragraphs with nothing removed
        // between them stay apart.
        for (source, kept) in [
            (
                "The bank raised its rate.\n\nAdvertisement\n\nbut markets barely moved.",
                "The bank raised its rate.\n\nbut markets barely moved.",
            ),
            (
                "Shr 12 cts vs 10 cts\n\nAdvertisement\n\navg shrs 1,200,000",
                "Shr 12 cts vs 10 cts\n\navg shrs 1,200,000",
            ),
            (
                "Talks went on in\n\nrecent weeks.",
                "Talks went on in\n\nrecent weeks.",
            ),
        ] {
            let (text, removed) = body(&format!("First.\n\n{source}\n\nLast."));
            assert_eq!(text, format!("First.\n\n{kept}\n\nLast."), "{removed:?}");
        }
    }

    #[test]
    fn removes_tag_footers_under_their_label() {
        // A label over names: one a line, after a list's marker, in the next paragraph, between
        // separators, run together, or glued below the last paragraph.
        for footer in [
            "Posted in\n• Trade\n• Brazil",
            "Section\n○ Investment Company Institute\n○ Money Supply\n○ United States",
            "See more on\nAgriculture Department\nNorthern European Price",
            "Explore\n\nCanadian, Texaco Canada",
            "In this story\n\nCPO, , Indonesia, Energy",
            "Section\n\nfederal reserve, money supply, united states, companies, business",
            "Explore\n\nFederal Communications Commission Bell Atlantic United States",
            "More about: sentuc porxpan · mergers/acquisitions · united states\n· companies · economy",
            "Topics: Trans World Airlines / TWA / Department of Transportation / Mark\nBuckstein / Mergers/Acquisitions",
            "This entry was posted in Autos and tagged Love Companies, Punta Gorda, Naples\nFederal Savings. Bookmark the permalink.",
        ] {
            let (text, removed) = body(&format!("First.\n\nLast.\n\n{footer}"));
            assert_eq!(text, "First.\n\nLast.", "{footer:?}: {removed:?}");
        }
        let (text, removed) =
            body("First.\n\nLast.\nTopics\nJack Kirnan of Kidder Peabody\nNew York");
        assert_eq!(text, "First.\n\nLast.", "{removed:?}");
        // A label that names itself tags goes anywhere; one of common words only at the foot.
        let (text, removed) =
            body("First.\n\nTAGS\nChrysler Credit\nMergers/Acquisitions\n\nLast.");
        assert_eq!(text, "First.\n\nLast.", "{removed:?}");
        let keeps = [
            (
                "Explore\n\nCanadian, Texaco Canada\n\nLast.",
                "Canadian, Texaco Canada",
            ),
            // A table's rows hold figures, and a sentence is no name.
            (
                "Last.\n\nSee more\n\nSeattle 1.87 2.10 1.68 -- -- --\nStockton 2.18 2.23 2.10",
                "Seattle 1.87 2.10 1.68 -- -- -- Stockton 2.18 2.23 2.10",
            ),
            (
                "Last.\n\nSection\n\nThe company said it would sell the unit",
                "The company said it would sell the unit",
            ),
        ];
        assert_keeps(&keeps, |source| format!("First.\n\n{source}"));
    }

    #[test]
    fn removes_boxes_of_stories_under_their_label() {
        // A label of the box's words (and perhaps a section's or a site's name), then two
        // headlines or more: in its block, one a paragraph, with their times, sections, counts
        // or markers; or all on the label's line.
        for box_ in [
            "Popular Right Now\n• Floods cut road to Kandahar\n• Talks resume in Doha",
            "More Deals news\n▸ ALLEGIS <AEG> MEETS WITH UNITED EMPLOYEES GROUP — 5 min read\n▸ FIRST FEDERAL SAVINGS <FFKZ> YEAR NET — 6 min read",
            "Related Internet links\nWales doctors count cost of rate rise | Yahoo News\nU.S. senate team wants gulf force | Bloomberg",
            "What others are reading \u{bb}\n\nHow truckers are coping with pension reform (16 comments)\n\nPort congestion eases as exports recover (27 comments)",
            "\u{1f5de}\u{fe0f} Top Markets stories now\n\u{25e6} AMEX STARTS TRADING SHERWOOD GROUP <SHD>\n\u{25ba} World dependency on mideast oil said inevitable",
            "MORE FROM KEFA NEWS 4\n\nAlicia Keys to open US Super Bowl | KEFA News\n\nWhy banks push back on rate rise",
            "Latest\n\nGREAT AMERICAN <GTA> GAINS OVER 80 MLN IN LOANS\nPublished 4 hours ago\n\nQueensland truckers seek help over housing shortage\nPublished 19 hours ago",
            "Up next\nCompanies\nSOFTWARE COS SUPPORT NEW APPLE <AAPL> PRODUCTS\nFilm\nFive things to watch in the markets this week",
            "Sponsored Stories\n1) Inflation eases slightly but food costs stay high\n2) Could port strike be the next big worry for insurers?",
            "Most viewed: EXXON GETS 99.2 MLN DLR CONTRACT - MSN | Analysis: can the coalition survive the summer? - Al Jazeera",
            "Recommended for you: 01 NEW GENERATION PRODUCTS MAKES ACQUISITION \u{2022} 02 Why banks in Vietnam seek help over water shortages",
            "-> Previously\n\n\u{2022} JAPAN RULING PARTY PREPARES FINAL ECONOMIC PACKAGE\n\n\u{2022} 6 things we learned about toll increase",
            "[Read]\n\nKANSAS EXCHANGE HITS CFTC POSITION LIMIT PLAN\n\nPension insurance group <pgai> 4th qtr net",
            "More coverage\n\n- Budget airline adds 20 summer routes\n\n- Could chip shortage be the next big worry for banks?\n\n- Singer cancels tour dates over illness",
        ] {
            for source in [
                format!("First.\n\n{box_}\n\nLast."),
                format!("First.\n\nLast.\n\n{box_}"),
            ] {
                let (text, removed) = body(&source);
                assert_eq!(text, "First.\n\nLast.", "{source:?}: {removed:?}");
            }
        }
        // The article's own lines stay: a sub-heading after the box, the article's last
        // paragraph under a lone link label, a table under an advertisement's marker, the
        // dateline's paragraph, a sub-heading of the box's words over prose.
        let keeps = [
            (
                "Featured\n\nRail strike called off after talks\n\nMortgage approvals fall again\n\nMarket reaction\n\nShares rose.",
                "Market reaction",
            ),
            (
                "Keep reading\n\nClark Boyd is technology correspondent for The World, a BBC World Service co-production",
                "Clark Boyd is technology correspondent",
            ),
            (
                "Sponsored links\n\n600/700 98-1/2b no comparison\n700/800 98-1/2b no comparison\n\nCHOICE HEIFERS",
                "600/700 98-1/2b",
            ),
            (
                "Related coverage\n\nBANKS IN SINGAPORE SET TO INCREASE SECURITISATION\n\nTOKYO, Oct 19 - Third quarter ended August 31",
                "TOKYO, Oct 19",
            ),
            (
                "The latest\n\nThe minister also announced a review of rail fares.",
                "The latest",
            ),
            (
                "Read More >>\n\nNOTE: Full name is Central Illinois Public Service Co\n\nPer-share results reflect payment of preferred dividends",
                "NOTE: Full name",
            ),
            (
                "Background\n\n- 1996 Taliban take Kabul for the first time\n- 2001 US-led forces drive the Taliban out",
                "1996 Taliban take Kabul",
            ),
        ];
        assert_keeps(&keeps, |source| format!("First.\n\n{source}\n\nLast."));
    }

    #[test]
    fn removes_advertisers_boxes_and_markers() {
        // A marker, or a box: its label (or its sponsor), the pitch, a button or the
        // advertiser.
        for advert in [
            "Why this ad?",
            "Ad (1 of 1)",
            "Paid post",
            "Video Ad Feedback",
            "Sponsored\nThis little gadget is taking the country by storm\nShop now",
            "Sponsored by Helio Homes\nCompare the best savings rates of 2019\nCompare now",
            "From our partners\nRetirees are rushing to claim this benefit\nFind out more \u{203a}",
        ] {
            assert_between(advert, "");
        }
        // A sentence wrapped onto a name's line under a marker stays.
        let (text, removed) = body(
            "First.\n\nSkip Advertisement\nThe borrower is an affiliate of West Germany's Hessische\nLandesbank Girozentral\n\nLast.",
        );
        assert!(text.contains("The borrower is an affiliate"), "{removed:?}");
    }

    #[test]
    fn removes_sign_up_boxes_whole() {
        // The box's name, blurb, field, button and small print, in one block or a paragraph a
        // line.
        for sign_up in [
            "Markets Today\nExpert analysis of the markets, every weekday afternoon.\nJoin\nThis site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
            "Stay informed\nOur editors' pick of the week's most important stories.\nSubscribe",
            "The best of WMEY News, straight to your inbox\nThe news you need to start your day, in five minutes.\nSubscribe",
            "📩 Markets Today\n\nOur editors' pick of the week's most important stories.\n\nyour@email.com\n\nGo\n\nYou can unsubscribe at any time.",
            "Sign up for our newsletter\n\nGet the day's top stories every morning\n\nEmail address\n\nGo",
            "Sports Roundup – free newsletter",
            "NEWSLETTER\n\nFive Things\n\nGet the day's top stories delivered to your inbox every weekday morning.\nEnter your email address\nSign up",
            "FIRST EDITION\n\nThe biggest stories of the day, straight to your inbox.\n\nYour email\nSubmit",
            "Get Business Today\nThe week's top stories, chosen by hand.\nYour email · SIGN UP\nThank you for subscribing!",
            "Sign up to Markets Wrap\n\nFree weekly newsletter\n\nStart the working day knowing what happened overnight – we'll bring you all the news and analysis you need every morning\n\nEnter your email address\n\nSign up",
            "Stay informed\n\nJoin 79,000 readers who get Markets Wrap every weekday.\n\nSUBSCRIBE",
            "Never miss a story: sign up for Markets Wrap",
        ] {
            assert_between(sign_up, "");
        }
        // A box after nine paragraphs of one line each is seen whole.
        let article: String = (1..=9).map(|n| format!("Paragraph {n}.\n\n")).collect();
        let (text, removed) = body(&format!(
            "{article}Money Matters\n\nExpert analysis of the markets, every weekday \
             afternoon.\n\nyour@email.com\n\nSubscribe →\n\nLast."
        ));
        assert_eq!(
            text,
            format!("{}\n\nLast.", article.trim_end()),
            "{removed:?}"
        );
        // A short paragraph of the article between two lines of sign-up boxes stays.
        for keep in [
            "Enter your email to get our top stories\n\nTerms were not disclosed.\n\nDon't miss out – subscribe to our free newsletter",
            "Newsletter sign-up: get the morning briefing\n\nPay May One\n\nSubscribe to continue reading:",
            // Under a table's row, a short line heads the next rows.
            "Sales 1,593,000 vs 4,366,000\n\nNine Mths\n\nGet breaking news alerts delivered to your inbox\n\nEmail address\n\nGo",
        ] {
            let (text, removed) = body(&format!("First.\n\n{keep}\n\nLast."));
            let middle = keep.split("\n\n").nth(1).unwrap();
            assert!(text.contains(middle), "{keep:?}: {removed:?}");
        }
    }

    #[test]
    fn removes_consent_banners_that_name_the_site() {
        // Buttons quoted in the notice's sentence.
        let (text, removed) = body(
            "First.\n\nCOOKIE CONSENT\nThis website uses cookies to analyse traffic and to personalise content and ads. Click “Accept all” to agree or “Manage options” to choose.\nAllow all · Only necessary\n\nLast.",
        );
        assert_eq!(text, "First.\n\nLast.", "{removed:?}");
        let (text, removed) = body(
            "First.\n\nHelp us improve your experience\nThe Margin Note collects data through cookies to improve your browsing experience.\nSelect 'Reject' to refuse non-essential cookies.\nVendor list\nAGREE\n\nLast.",
        );
        assert_eq!(text, "First.\n\nLast.", "{removed:?}");
        let (text, removed) = body(
            "First.\n\nCookie notice\n\nPrairie Examiner uses cookies so the site works properly and so we can see how it is used.\n\nYou can change your settings at any time.\n\nLast.",
        );
        assert_eq!(text, "First.\n\nLast.", "{removed:?}");
        // A notice longer than a box's line, the form's purposes over two lines, and a row
        // of buttons, each worded its own way.
        for banner in [
            "Let Us Know You Agree to Cookies\nWe and our 842 advertising partners use cookies and similar technologies so the site works properly and so we can see how it is used. Select 'Reject' to refuse non-essential cookies.\nVendor list\nLegitimate interest\nGot it!",
            "Privacy Preference Center\n\nThe Long Game and its partners rely on cookies to give you the best experience on our website.\n\nList of partners (vendors)\nStore and/or access information on a device\n\nI agree\nManage options",
            "Cookie preferences\n\nWe place small files called cookies on your device to measure our audience.\n\n( Yes, I agree ) ( No, take me to settings )",
            "COOKIE NOTICE\nKTXF News uses essential and optional cookies to improve your browsing experience.\n<Accept & continue> <Continue without accepting>",
            "This website uses cookies\nWe use cookies to personalise content and ads and to analyse our traffic.\nNecessary\nPreferences\nStatistics\nMarketing\nShow details",
            "COOKIE POLICY: THIS WEBSITE USES COOKIES TO ENSURE YOU GET THE\nBEST EXPERIENCE. GOT IT!",
        ] {
            assert_between(banner, "");
        }
        // News about cookies is news.
        let keep = "Regulators said the site used cookies to track readers across the web.";
        assert_between(keep, keep);
    }

    #[test]
    fn listed_headlines_keep_their_times_and_dates_out_of_the_way() {
        // Times, dates, counts and ranks beside listed headlines do not make them a table.
        let kept = "First.\n\nThe talks went on.";
        for list in [
            "Related articles\nPERKIN-ELMER WINS EPA CONTRACT (March 1, 1987)\nPLY GEM INDUSTRIES INC 3RD QTR NET (March 1, 1987)",
            "Most shared\nJAPAN STUDY URGES FARM ACCESS 19h ago\nPLANTRONICS INC 3RD QTR MARCH 28 NET 14h ago",
            "MOST READ\n01 Bank Shares Rally on Merger Hopes\n02 WTD INDUSTRIES INC 3RD QTR JAN 31 NET",
            "RELATED COVERAGE\nSun 2 Apr 1987 14.32 GMT | MANILA OFFERS DEBT BONDS\nTue 1 Apr 1987 17.57 GMT | Brougher insurance 4th qtr loss",
        ] {
            let (text, removed) = body(&format!("{kept}\n\n{list}"));
            assert_eq!(text, kept, "{removed:?}");
        }
        // Between paragraphs, under a heading that names itself a list of links.
        let (text, removed) = body(
            "First.\n\nMore stories\n\nFORD LATE FEBRUARY CAR SALES UP 29.3 PCT\n\nBrazil reviews rate rise · 9 min read\n\nUpdated 6:24 a.m. EST\n\nThe talks went on.",
        );
        assert_eq!(text, "First.\n\nThe talks went on.", "{removed:?}");
        // A quoted sentence, or a table's label, after the links is the article's again.
        let kept = "The companies said they \"plan to finish by April 23.\"\n\nSix months\n\nShr loss 54 cts vs loss 75 cts";
        let (text, removed) = body(&format!(
            "First.\n\nMore stories\n\nBrazil reviews rate rise\n\n{kept}"
        ));
        assert_eq!(text, format!("First.\n\n{kept}"), "{removed:?}");
        assert_eq!(
            without_listing_meta("Floods cut road · 5 min read"),
            "Floods cut road"
        );
        assert_eq!(
            without_listing_meta("Floods cut road 💬 251"),
            "Floods cut road"
        );
        assert_eq!(without_listing_meta("Pay April 10"), "Pay April 10");
    }

    #[test]
    fn keeps_article_lines_that_share_residue_words() {
        // The same plain heading mid-article, over a short line, is article text.
        let kept =
            "First.\n\nLatest news\n\nTalks resume in Doha\n\nThe delegations met on Sunday.";
        assert_eq!(body(kept).0, kept);
        // A table at the foot of a wire story stays, after any link above it.
        let kept = "Qtly div 30 cts vs 30 cts prior\n\nPay June one\n\nRecord May eight";
        let (text, removed) = body(&format!("{kept}\n\nRead more: Floods cut road to Kandahar"));
        assert_eq!(text, kept, "{removed:?}");
        // Wrapped lines full of page words, and a marker word ending a paragraph, stay.
        let kept = "Sen. Smith, the bill's sponsor, said airline ads now are\noften misleading.\n\nThe company launched a service called\nVideo.";
        assert_eq!(
            body(kept).0,
            "Sen. Smith, the bill's sponsor, said airline ads now are often misleading.\n\nThe company launched a service called Video."
        );
        // Residue glued to a paragraph (no blank line between) goes alone.
        let (text, removed) = body(
            "First.\n\nWe use cookies to give you the best experience on our site. Accept all\nKABUL, July 17 - Talks resumed on Sunday.\n\nLast.",
        );
        assert_eq!(
            text, "First.\n\nKABUL, July 17 - Talks resumed on Sunday.\n\nLast.",
            "{removed:?}"
        );
        let (text, removed) =
            body("First.\n\nAdvertisement\nQtly div 30 cts vs 30 cts prior\nSponsored\n\nLast.");
        assert_eq!(
            text, "First.\n\nQtly div 30 cts vs 30 cts prior\n\nLast.",
            "{removed:?}"
        );
        // A counter goes beside share buttons; a sentence about advertising stays.
        let (text, _) = body("First.\n\nShare this article\n\n340 shares\n\nLast.");
        assert_eq!(text, "First.\n\nLast.");
        let kept = "First.\n\nA man in the US sells advertising space on his forehead on our site.";
        assert_eq!(body(kept).0, kept);
        // A heading of links glued above a wire story's first line of figures keeps the line.
        let (text, removed) = body(
            "First.\n\n› More on this\nNEW YORK, April 2 - Qtly div 20 cts vs 20 cts prior\n\nLast.",
        );
        assert!(
            text.contains("NEW YORK, April 2 - Qtly div 20 cts vs 20 cts prior"),
            "{removed:?}"
        );
        // The wire's continuation mark stays beside residue.
        let (text, _) = body("First.\n\nMORE\n\nShare via LinkedIn");
        assert_eq!(text, "First.\n\nMORE");
    }

    #[test]
    fn no_input_makes_the_conversion_panic() {
        // Lines built from a palette of awkward pieces: multi-byte letters at the ends of
        // words, decorations, separators, e-mail signs, figures, empty and marker lines.
        let pieces = [
            "é",
            "Ünïcödé.",
            "…",
            "›",
            "[",
            "]",
            " ",
            "@",
            ".",
            "U.S.",
            "ä.",
            "—",
            "|",
            ":",
            "Read",
            "more",
            "Related",
            "topics",
            "1h",
            "2,000",
            "vs",
            "\u{200D}",
            "🍪",
            "𝕏",
            "\t",
            "Share",
            "- ",
            "* ",
            "> ",
            "#",
            "\"",
            "(",
            ")",
            "ß",
            "Advertisement",
        ];
        let mut state = 0x2545_F491_u32;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state as usize
        };
        for _ in 0..2000 {
            let mut text = String::new();
            for _ in 0..next() % 40 {
                text.push_str(pieces[next() % pieces.len()]);
                if next() % 4 == 0 {
                    text.push_str(if next() % 3 == 0 { "\n\n" } else { "\n" });
                }
            }
            let c = convert("fuzz.txt", &text);
            let _ = (c.markdown(), c.text());
        }
    }
}
