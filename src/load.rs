//! The first stage: find the article sources under `content/` and read them as text.
//!
//! Takes the archive root; gives every `.md` and `.txt` file (hidden files and folders skipped)
//! decoded to a `String`, in a stable order. UTF-8 is expected; other bytes are read as
//! Windows-1252 (a superset of Latin-1) with a warning. Empty and binary files are errors.

use crate::diagnostic::Diagnostic;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// The two source formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// Markdown with front matter.
    Markdown,
    /// Plain text as a scraper left it.
    Text,
}

/// One article source, read and decoded.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to the archive root, `/`-separated: `content/2021-07-17-kabul.txt`.
    pub path: String,
    /// Markdown or plain text.
    pub kind: SourceKind,
    /// The file's text, byte order mark removed.
    pub text: String,
}

/// What loading found: the sources, and the problems (errors and warnings) on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Sources in path order.
    pub sources: Vec<Source>,
    /// Problems, one or more per bad file.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads every article source under `root/content`, in parallel.
pub fn load(root: &Path) -> Loaded {
    let content = root.join("content");
    if !content.is_dir() {
        return Loaded {
            sources: Vec::new(),
            diagnostics: vec![Diagnostic::error(
                "content",
                format!(
                    "no content/ folder in {}: put the article sources there (or pass --root to the archive's folder)",
                    root.display()
                ),
            )],
        };
    }
    let mut files: Vec<(PathBuf, String, SourceKind)> = Vec::new();
    let mut diagnostics = Vec::new();
    let walker = walkdir::WalkDir::new(&content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| relative(root, p))
                    .unwrap_or_else(|| "content".into());
                diagnostics.push(Diagnostic::error(path, format!("cannot read: {e}")));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let kind = match entry.path().extension().and_then(|e| e.to_str()) {
            Some("md") => SourceKind::Markdown,
            Some("txt") => SourceKind::Text,
            _ => continue,
        };
        files.push((
            entry.path().to_path_buf(),
            relative(root, entry.path()),
            kind,
        ));
    }
    let read: Vec<Result<(Source, Option<Diagnostic>), Diagnostic>> = files
        .into_par_iter()
        .map(|(full, path, kind)| {
            let bytes = std::fs::read(&full)
                .map_err(|e| Diagnostic::error(&path, format!("cannot read: {e}")))?;
            let (text, warning) = decode(&path, &bytes)?;
            Ok((Source { path, kind, text }, warning))
        })
        .collect();
    let mut sources = Vec::with_capacity(read.len());
    for r in read {
        match r {
            Ok((source, warning)) => {
                diagnostics.extend(warning);
                sources.push(source);
            }
            Err(d) => diagnostics.push(d),
        }
    }
    Loaded {
        sources,
        diagnostics,
    }
}

/// `root/content/a/b.md` -> `content/a/b.md`, with `/` on every platform.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Bytes to text: UTF-8, else Windows-1252 with a warning; empty and binary files are errors.
pub fn decode(path: &str, bytes: &[u8]) -> Result<(String, Option<Diagnostic>), Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err(Diagnostic::error(
            path,
            "this is a binary file, not an article (it contains NUL bytes): remove it from content/ or save it as text",
        ));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Diagnostic::error(
            path,
            "the file is empty: write the article into it, or remove it",
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), None)),
        Err(e) => {
            let (line, column) = {
                let good = &bytes[..e.valid_up_to()];
                let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
                let start = good.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
                let column = String::from_utf8_lossy(&good[start..]).chars().count() + 1;
                (line, column)
            };
            let warning = Diagnostic::warning(
                path,
                "not valid UTF-8; read as Windows-1252 (Latin-1). Save the file as UTF-8 to silence this",
            )
            .at(line, column);
            Ok((
                bytes.iter().map(|&b| windows_1252(b)).collect(),
                Some(warning),
            ))
        }
    }
}

/// One Windows-1252 byte as a character (bytes it leaves undefined map to the same code point,
/// as browsers do).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}',
        '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}',
        '\u{178}',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf8_and_strips_bom() {
        let (t, w) = decode("a.txt", "\u{FEFF}Zürich".as_bytes()).unwrap();
        assert_eq!(t, "Zürich");
        assert!(w.is_none());
    }

    #[test]
    fn falls_back_to_windows_1252_with_a_warning() {
        let (t, w) = decode("a.txt", b"Caf\xe9 \x93au lait\x94\n").unwrap();
        assert_eq!(t, "Café “au lait”\n");
        let w = w.unwrap();
        assert!(!w.is_error());
        assert_eq!((w.line, w.column), (Some(1), Some(4)));
    }

    #[test]
    fn empty_and_binary_files_are_errors() {
        assert!(decode("a.txt", b"").unwrap_err().message.contains("empty"));
        assert!(decode("a.txt", b" \n\n").unwrap_err().is_error());
        assert!(
            decode("a.md", b"PK\x03\x04\x00\x00")
                .unwrap_err()
                .message
                .contains("binary")
        );
    }
}
