//! `briefing extract`: what the pipeline makes of each source, for curators and scorers.
//!
//! Takes source files or folders; gives one [`Extraction`] per article: its title, date and
//! source, the cleaned body as plain text and as markdown, every line the conversion dropped
//! or repaired with the reason, and the places found with their mentions. Nothing is written.

use crate::convert::{Dateline, Removal};
use crate::diagnostic::Diagnostic;
use crate::gazetteer::Gazetteer;
use crate::headlines::Headlines;
use crate::load::{SourceKind, decode};
use crate::places::{self, FoundPlace};
use crate::{enrich, parse};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// One article as the pipeline sees it.
#[derive(Debug, Serialize)]
pub struct Extraction {
    /// The source file, as named on the command line (or relative to the root).
    pub file: String,
    /// The title.
    pub title: String,
    /// `YYYY-MM-DD`, or with a time; null when undated.
    pub date: Option<String>,
    /// Who published it.
    pub source: Option<String>,
    /// The dateline of a plain-text source, if it has one.
    pub dateline: Option<Dateline>,
    /// The body as a reader sees it: blocks separated by one blank line.
    pub text: String,
    /// The body as markdown.
    pub markdown: String,
    /// Lines dropped and repairs made, with reasons (plain-text sources only).
    pub removed: Vec<Removal>,
    /// The places found (or curated), with their mentions as code-point offsets into the
    /// source file.
    pub places: Vec<FoundPlace>,
}

/// The `.txt` and `.md` files named, folders searched recursively (hidden entries skipped),
/// in a stable order; a name that does not exist is an error.
pub fn source_files(paths: &[PathBuf]) -> (Vec<(PathBuf, SourceKind)>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if path.is_dir() {
            let walker = walkdir::WalkDir::new(path)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                });
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() => {
                        if let Some(kind) = kind_of(e.path()) {
                            files.push((e.path().to_path_buf(), kind));
                        }
                    }
                    Ok(_) => {}
                    Err(e) => problems.push(Diagnostic::error(
                        path.display().to_string(),
                        format!("cannot read: {e}"),
                    )),
                }
            }
        } else if path.is_file() {
            match kind_of(path) {
                Some(kind) => files.push((path.clone(), kind)),
                None => problems.push(Diagnostic::error(
                    path.display().to_string(),
                    "not an article source: give .txt or .md files, or folders holding them",
                )),
            }
        } else {
            problems.push(Diagnostic::error(
                path.display().to_string(),
                "no such file or folder: check the path, or give the folder that holds the sources",
            ));
        }
    }
    (files, problems)
}

fn kind_of(path: &Path) -> Option<SourceKind> {
    match path.extension().and_then(|e| e.to_str()) {
        Some("txt") => Some(SourceKind::Text),
        Some("md") => Some(SourceKind::Markdown),
        _ => None,
    }
}

/// A source read for extraction: decoded, with the warnings decoding gave.
pub struct Read {
    /// The source, named as it is shown.
    pub source: crate::load::Source,
    /// Whether the file starts with a byte-order mark (offsets count it).
    bom: bool,
    /// Decoding's warnings (a file that was not UTF-8).
    warnings: Vec<Diagnostic>,
}

/// Reads one source file; `shown` is how it is named in the output.
pub fn read_file(path: &Path, kind: SourceKind, shown: &str) -> Result<Read, Vec<Diagnostic>> {
    let bytes = std::fs::read(path)
        .map_err(|e| vec![Diagnostic::error(shown, format!("cannot read: {e}"))])?;
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let (text, warning) = decode(shown, &bytes).map_err(|d| vec![d])?;
    Ok(Read {
        source: crate::load::Source {
            path: shown.to_string(),
            kind,
            text,
        },
        bom,
        warnings: warning.into_iter().collect(),
    })
}

/// Extracts one source read by [`read_file`], in an archive whose titles are `headlines`.
pub fn extract(
    read: Read,
    settings: &places::Settings,
    headlines: &Headlines,
) -> Result<(Extraction, Vec<Diagnostic>), Vec<Diagnostic>> {
    let Read {
        source,
        bom,
        mut warnings,
    } = read;
    // Offsets count the byte-order mark that decoding drops, as the file on disk has it.
    let bom = usize::from(bom);
    let shown = source.path.as_str();
    let gazetteer = Gazetteer::get();
    let parsed = parse::parse_source_in(&source, headlines)?;
    warnings.extend(parsed.warnings);
    let article = &parsed.article;
    let (found, problems) = enrich::places(
        gazetteer,
        settings,
        &source,
        article,
        parsed.conversion.as_ref(),
    );
    warnings.extend(problems.into_iter().map(|p| Diagnostic::warning(shown, p)));
    let extraction = match parsed.conversion {
        Some(conv) => Extraction {
            file: shown.to_string(),
            title: parsed.article.title,
            date: parsed.article.date.map(|d| d.to_string()),
            source: parsed.article.source,
            dateline: conv.dateline.clone(),
            text: conv.text(),
            markdown: parsed.article.body,
            removed: conv.removed,
            places: shift(found, bom),
        },
        None => Extraction {
            file: shown.to_string(),
            title: parsed.article.title,
            date: parsed.article.date.map(|d| d.to_string()),
            source: parsed.article.source,
            dateline: None,
            text: crate::markdown::plain_text(&parsed.article.body),
            markdown: parsed.article.body,
            removed: Vec::new(),
            places: shift(found, bom),
        },
    };
    Ok((extraction, warnings))
}

fn shift(mut found: Vec<FoundPlace>, by: usize) -> Vec<FoundPlace> {
    if by > 0 {
        for m in found.iter_mut().flat_map(|p| p.mentions.iter_mut()) {
            m.start += by;
            m.end += by;
        }
    }
    found
}

/// A curator's report of one extraction.
pub fn report(e: &Extraction) -> String {
    let mut out = format!("{}\n  title:  {}\n", e.file, e.title);
    out.push_str(&format!(
        "  date:   {}\n",
        e.date.as_deref().unwrap_or("(none)")
    ));
    if let Some(s) = &e.source {
        out.push_str(&format!("  source: {s}\n"));
    }
    if let Some(d) = &e.dateline {
        out.push_str(&format!("  dateline: {} (place {})\n", d.text, d.place));
    }
    let paragraphs = e.text.split("\n\n").filter(|p| !p.is_empty()).count();
    out.push_str(&format!(
        "  body:   {paragraphs} blocks, {} words\n",
        e.text.split_whitespace().count()
    ));
    if e.places.is_empty() {
        out.push_str("  places: none found\n");
    } else {
        out.push_str(&format!("  places ({}):\n", e.places.len()));
        for p in &e.places {
            let chain = if p.parents.is_empty() {
                String::new()
            } else {
                format!(" < {}", p.parents.join(" < "))
            };
            let offsets: Vec<String> = p
                .mentions
                .iter()
                .take(6)
                .map(|m| format!("{}-{}", m.start, m.end))
                .collect();
            out.push_str(&format!(
                "    {:<5} {}{chain}: {} mention(s) at {}{}\n",
                if p.about { "about" } else { "" },
                p.name,
                p.mentions.len(),
                offsets.join(", "),
                if p.mentions.len() > 6 { ", ..." } else { "" }
            ));
        }
    }
    if e.removed.is_empty() {
        out.push_str("  nothing removed or repaired\n");
    } else {
        out.push_str(&format!("  removed or repaired ({}):\n", e.removed.len()));
        for r in &e.removed {
            let mut text: String = r.text.chars().take(90).collect();
            if r.text.chars().count() > 90 {
                text.push('…');
            }
            out.push_str(&format!(
                "    line {:>4}  {:<36} {text}\n",
                r.line, r.reason
            ));
        }
    }
    out
}
