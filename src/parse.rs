//! The second stage: one source file to one [`Article`] with a markdown body.
//!
//! Markdown sources: TOML (`+++`) or YAML (`---`) front matter, then the body as written.
//! Plain-text sources: an optional `Key: value` header block, a title line, then paragraphs,
//! which are converted to markdown with every markdown-special character escaped.

use crate::config::key_position;
use crate::date::{self, Date};
use crate::diagnostic::{Diagnostic, line_column, suggest};
use crate::headlines::Headlines;
use crate::load::{Source, SourceKind};
use serde_json::Value;

/// One article as its source states it, before enrichment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// Source path relative to the archive root.
    pub path: String,
    /// Plain-text title.
    pub title: String,
    /// Publication date, if the source gives one.
    pub date: Option<Date>,
    /// Date of the last update, if any.
    pub updated: Option<Date>,
    /// Who published it (`AFP`, `Briefing desk`).
    pub source: Option<String>,
    /// Where the original is.
    pub source_url: Option<String>,
    /// Who wrote it.
    pub author: Option<String>,
    /// A one-paragraph summary written by a curator.
    pub summary: Option<String>,
    /// Topics named in the source (curated).
    pub topics: Vec<String>,
    /// The places the article is about, as the source lists them (curated). A list, even an
    /// empty one, replaces detection; `None` leaves the places to detection.
    pub places: Option<Vec<String>>,
    /// The places the article names in passing, as the source lists them (curated, like
    /// `places`).
    pub places_mentioned: Option<Vec<String>>,
    /// Places detection must not give this article (false hits a curator removed).
    pub places_exclude: Vec<String>,
    /// A slug chosen by the curator.
    pub slug: Option<String>,
    /// Drafts are built only on request.
    pub draft: bool,
    /// Language tag, when it differs from the site's.
    pub language: Option<String>,
    /// The body as markdown.
    pub body: String,
}

/// The front matter keys of markdown sources.
pub const FRONT_MATTER_KEYS: [&str; 14] = [
    "title",
    "date",
    "updated",
    "source",
    "source_url",
    "author",
    "summary",
    "topics",
    "places",
    "places_mentioned",
    "places_exclude",
    "slug",
    "draft",
    "language",
];

/// A source parsed: the article, its warnings, and for plain text the conversion behind it
/// (which place detection reads, to search the file itself and skip what was dropped).
#[derive(Debug)]
pub struct Parsed {
    /// The article.
    pub article: Article,
    /// Problems that did not stop parsing.
    pub warnings: Vec<Diagnostic>,
    /// The conversion of a plain-text source; `None` for markdown.
    pub conversion: Option<crate::convert::Conversion>,
}

impl Article {
    /// Whether the source lists its places (`places` or `places_mentioned`, even empty), so
    /// that detection is not asked.
    pub fn places_curated(&self) -> bool {
        self.places.is_some() || self.places_mentioned.is_some()
    }
}

/// Parses one source; errors name the line. Warnings come back beside the article.
pub fn parse(source: &Source) -> Result<(Article, Vec<Diagnostic>), Vec<Diagnostic>> {
    parse_source(source).map(|p| (p.article, p.warnings))
}

/// Parses one source, keeping the conversion of a plain-text source.
pub fn parse_source(source: &Source) -> Result<Parsed, Vec<Diagnostic>> {
    parse_source_in(source, &Headlines::default())
}

/// The title of a source, read cheaply (for [`Headlines`]): the front matter's, or the title
/// line of a plain-text source; none when the front matter is broken.
pub fn title_of(source: &Source) -> Option<String> {
    match source.kind {
        SourceKind::Markdown => parse_markdown(&source.path, &source.text)
            .ok()
            .map(|(article, _)| article.title),
        SourceKind::Text => {
            // The title stands in the first lines: the first 16 KiB hold them.
            let mut end = source.text.len().min(16 * 1024);
            while !source.text.is_char_boundary(end) {
                end -= 1;
            }
            let head = source.text[..end].replace("\r\n", "\n").replace('\r', "\n");
            Some(crate::convert::title_of(&head))
        }
    }
}

/// The titles of the sources of an archive, for telling boxes of links to them in the body of
/// a plain-text source.
///
/// It also counts the short lines of the plain-text sources: a line that stands on the pages
/// of many articles is the site's furniture (`Follow our live coverage on WhatsApp`).
pub fn headlines(sources: &[&Source]) -> Headlines {
    use rayon::prelude::*;
    let read: Vec<(String, Vec<u64>)> = sources
        .par_iter()
        .filter_map(|s| {
            let keys = match s.kind {
                SourceKind::Text => crate::headlines::line_keys(&s.text),
                SourceKind::Markdown => Vec::new(),
            };
            Some((title_of(s)?, keys))
        })
        .collect();
    let mut headlines = Headlines::new(read.iter().map(|(t, _)| t.as_str()));
    headlines.count_lines(read.iter().map(|(t, k)| (t.as_str(), k.as_slice())));
    headlines
}

/// Parses one source of an archive whose titles are `headlines`, keeping the conversion of a
/// plain-text source.
pub fn parse_source_in(source: &Source, headlines: &Headlines) -> Result<Parsed, Vec<Diagnostic>> {
    let text = source.text.replace("\r\n", "\n").replace('\r', "\n");
    let mut parsed = match source.kind {
        SourceKind::Markdown => {
            let (article, warnings) = parse_markdown(&source.path, &text)?;
            Parsed {
                article,
                warnings,
                conversion: None,
            }
        }
        SourceKind::Text => {
            let (article, mut conversion) = text_article_in(&source.path, &text, headlines);
            Parsed {
                article,
                warnings: std::mem::take(&mut conversion.warnings),
                conversion: Some(conversion),
            }
        }
    };
    if parsed.article.date.is_none() {
        parsed.article.date = date_from_path(&source.path);
        if parsed.article.date.is_none() {
            parsed.warnings.push(Diagnostic::warning(
                &source.path,
                "no date (front matter `date`, a `Date:` header, or a YYYY-MM-DD file name prefix): listed as undated",
            ));
        }
    }
    Ok(parsed)
}

fn parse_markdown(path: &str, text: &str) -> Result<(Article, Vec<Diagnostic>), Vec<Diagnostic>> {
    let first = text.lines().next().unwrap_or("").trim_end();
    let (fence, format) = match first {
        "+++" => ("+++", Format::Toml),
        "---" => ("---", Format::Yaml),
        _ => return parse_bare_markdown(path, text),
    };
    let after_open = first.len() + 1;
    let rest = text.get(after_open..).unwrap_or("");
    let mut close = None;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let t = line.trim_end();
        if t == fence || (format == Format::Yaml && t == "...") {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((fm_end, body_start)) = close else {
        return Err(vec![
            Diagnostic::error(
                path,
                format!(
                    "the front matter opened with `{fence}` is never closed: did you forget the closing `{fence}` line?"
                ),
            )
            .at(1, 1),
        ]);
    };
    let fm = &rest[..fm_end];
    let body = rest[body_start..].trim_start_matches('\n').to_string();
    // Front matter line numbers count from the line after the opening fence.
    let locate = |line: usize, column: usize| (line + 1, column);
    let map = match format {
        Format::Toml => match toml::from_str::<toml::Table>(fm) {
            Ok(t) => toml_to_json(toml::Value::Table(t)),
            Err(e) => {
                let (l, c) = e.span().map_or((1, 1), |s| line_column(fm, s.start));
                let (l, c) = locate(l, c);
                return Err(vec![
                    Diagnostic::error(path, {
                        let message = first_line(e.message());
                        // A date gets its own advice; other syntax errors the usual reminder.
                        let hint = if message.contains("date") || message.contains("time") {
                            "write dates as 2021-07-17"
                        } else {
                            "strings need quotes; lists look like [\"a\", \"b\"]"
                        };
                        format!("invalid TOML front matter: {message} ({hint})")
                    })
                    .at(l, c),
                ]);
            }
        },
        Format::Yaml => match serde_norway::from_str::<serde_norway::Value>(fm) {
            Ok(v) => serde_json::to_value(&v).unwrap_or(Value::Null),
            Err(e) => {
                let (l, c) = e
                    .location()
                    .map_or((1, 1), |loc| (loc.line().max(1), loc.column().max(1)));
                let (l, c) = locate(l, c);
                let msg = e.to_string();
                let msg = msg.split(" at line ").next().unwrap_or(&msg);
                return Err(vec![
                    Diagnostic::error(
                        path,
                        format!("invalid YAML front matter: {msg} (each line is `key: value`)"),
                    )
                    .at(l, c),
                ]);
            }
        },
    };
    let map = match map {
        Value::Object(m) => m,
        Value::Null => serde_json::Map::new(),
        _ => {
            return Err(vec![
                Diagnostic::error(
                    path,
                    "the front matter should be a list of `key = value` (TOML) or `key: value` (YAML) lines",
                )
                .at(2, 1),
            ]);
        }
    };
    let mut fields = Fields::new(path, fm, 1);
    let mut article = Article {
        path: path.to_string(),
        body,
        ..Article::default()
    };
    for (key, value) in &map {
        match key.as_str() {
            "title" => article.title = fields.string(key, value).unwrap_or_default(),
            "date" => article.date = fields.date(key, value),
            "updated" => article.updated = fields.date(key, value),
            "source" => article.source = fields.string(key, value),
            "source_url" => article.source_url = fields.string(key, value),
            "author" => article.author = fields.string(key, value),
            "summary" => article.summary = fields.string(key, value),
            "topics" => article.topics = fields.list(key, value),
            "places" => article.places = fields.optional_list(key, value),
            "places_mentioned" => article.places_mentioned = fields.optional_list(key, value),
            "places_exclude" => article.places_exclude = fields.list(key, value),
            "slug" => article.slug = fields.slug(key, value),
            "draft" => article.draft = fields.boolean(key, value),
            "language" => article.language = fields.string(key, value),
            other => fields.unknown(other, &FRONT_MATTER_KEYS),
        }
    }
    if article.title.trim().is_empty() && !fields.has_error_for("title") {
        fields.problems.push(
            Diagnostic::error(path, "no title: add `title = \"...\"` to the front matter").at(2, 1),
        );
    }
    article.title = article.title.trim().to_string();
    if fields.problems.is_empty() {
        Ok((article, Vec::new()))
    } else {
        Err(fields.problems)
    }
}

/// Markdown with no front matter: the first `# ` heading is the title.
fn parse_bare_markdown(
    path: &str,
    text: &str,
) -> Result<(Article, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut lines = text.lines();
    let mut title = None;
    let mut consumed = 0;
    for line in lines.by_ref() {
        consumed += line.len() + 1;
        if line.trim().is_empty() {
            continue;
        }
        if let Some(h) = line.strip_prefix("# ") {
            title = Some(h.trim().trim_end_matches('#').trim().to_string());
        }
        break;
    }
    match title {
        Some(title) if !title.is_empty() => Ok((
            Article {
                path: path.to_string(),
                title,
                body: text.get(consumed.min(text.len())..).unwrap_or("").trim_start().to_string(),
                ..Article::default()
            },
            Vec::new(),
        )),
        _ => Err(vec![
            Diagnostic::error(
                path,
                "no front matter and no `# Title` line: start the file with `+++`, a line `title = \"...\"`, and `+++` (did you forget the `+++`?)",
            )
            .at(1, 1),
        ]),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Toml,
    Yaml,
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s).trim()
}

fn toml_to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

/// Typed reads of front-matter values, collecting one problem per bad field.
struct Fields<'a> {
    path: &'a str,
    text: &'a str,
    line_offset: usize,
    problems: Vec<Diagnostic>,
    bad_keys: Vec<String>,
}

impl<'a> Fields<'a> {
    fn new(path: &'a str, text: &'a str, line_offset: usize) -> Self {
        Fields {
            path,
            text,
            line_offset,
            problems: Vec::new(),
            bad_keys: Vec::new(),
        }
    }

    fn problem(&mut self, key: &str, message: String) {
        let (l, c) = key_position(self.text, key);
        self.problems
            .push(Diagnostic::error(self.path, message).at(l + self.line_offset, c));
        self.bad_keys.push(key.to_string());
    }

    fn has_error_for(&self, key: &str) -> bool {
        self.bad_keys.iter().any(|k| k == key)
    }

    fn string(&mut self, key: &str, v: &Value) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Null => None,
            _ => {
                self.problem(key, format!("`{key}` should be text in quotes"));
                None
            }
        }
    }

    fn date(&mut self, key: &str, v: &Value) -> Option<Date> {
        let s = self.string(key, v)?;
        match Date::parse(&s) {
            Ok(d) => Some(d),
            Err(e) => {
                self.problem(key, format!("`{key}`: {e}"));
                None
            }
        }
    }

    fn list(&mut self, key: &str, v: &Value) -> Vec<String> {
        let items: Vec<String> = match v {
            Value::Array(items) => items
                .iter()
                .filter_map(|i| match i {
                    Value::String(s) => Some(s.trim().to_string()),
                    Value::Number(n) => Some(n.to_string()),
                    _ => None,
                })
                .collect(),
            Value::String(s) => s.split(',').map(|s| s.trim().to_string()).collect(),
            Value::Null => Vec::new(),
            _ => {
                self.problem(
                    key,
                    format!("`{key}` should be a list: {key} = [\"a\", \"b\"]"),
                );
                return Vec::new();
            }
        };
        if let Value::Array(raw) = v
            && raw.len() != items.len()
        {
            self.problem(
                key,
                format!("every item of `{key}` should be text in quotes"),
            );
        }
        items.into_iter().filter(|s| !s.is_empty()).collect()
    }

    /// A list whose presence matters: `None` when the key is empty (`places:` in YAML), so
    /// that only a written list, even `[]`, counts as curated.
    fn optional_list(&mut self, key: &str, v: &Value) -> Option<Vec<String>> {
        match v {
            Value::Null => None,
            _ => Some(self.list(key, v)),
        }
    }

    fn slug(&mut self, key: &str, v: &Value) -> Option<String> {
        let s = self.string(key, v)?;
        match crate::slug::check_curated(&s) {
            Ok(()) => Some(s),
            Err(e) => {
                self.problem(key, e);
                None
            }
        }
    }

    fn boolean(&mut self, key: &str, v: &Value) -> bool {
        match v {
            Value::Bool(b) => *b,
            _ => {
                self.problem(key, format!("`{key}` should be true or false"));
                false
            }
        }
    }

    fn unknown(&mut self, key: &str, known: &[&str]) {
        let hint = match suggest(key, known) {
            Some(k) => format!(", did you mean `{k}`?"),
            None => format!("; the keys are {}", known.join(", ")),
        };
        self.problem(key, format!("unknown front matter key `{key}`{hint}"));
    }
}

/// The date in a `YYYY-MM-DD` prefix of a source's file name, if there is one.
pub fn date_from_path(path: &str) -> Option<Date> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    date::from_file_name(stem)
}

/// The article a plain-text source makes, and the conversion behind it (for `extract` and
/// `import`, which show or keep what the build uses).
pub fn text_article(path: &str, text: &str) -> (Article, crate::convert::Conversion) {
    text_article_in(path, text, &Headlines::default())
}

/// [`text_article`] in an archive whose titles are `headlines`.
pub fn text_article_in(
    path: &str,
    text: &str,
    headlines: &Headlines,
) -> (Article, crate::convert::Conversion) {
    let conv = crate::convert::convert_in(path, text, headlines);
    let h = &conv.header;
    let source = h
        .source
        .clone()
        .or_else(|| conv.dateline.as_ref().and_then(|d| d.source.clone()));
    let article = Article {
        path: path.to_string(),
        title: conv.title.clone(),
        // A date in the file name counts when the header gives none, as for every source.
        date: h.date.or_else(|| date_from_path(path)),
        updated: None,
        source,
        source_url: h.url.clone(),
        author: h.author.clone(),
        summary: h.summary.clone(),
        topics: h.topics.clone(),
        places: (!h.places.is_empty()).then(|| h.places.clone()),
        places_mentioned: None,
        places_exclude: Vec::new(),
        slug: h.slug.clone(),
        draft: false,
        language: h.language.clone(),
        body: conv.markdown(),
    };
    (article, conv)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> Result<(Article, Vec<Diagnostic>), Vec<Diagnostic>> {
        parse(&Source {
            path: "content/a.md".into(),
            kind: SourceKind::Markdown,
            text: text.into(),
        })
    }

    fn txt(name: &str, text: &str) -> (Article, Vec<Diagnostic>) {
        parse(&Source {
            path: format!("content/{name}"),
            kind: SourceKind::Text,
            text: text.into(),
        })
        .unwrap()
    }

    #[test]
    fn reads_toml_front_matter() {
        let (a, w) = md("+++\ntitle = \"Kabul\"\ndate = 2021-07-17\ntopics = [\"politics\"]\nplaces = [\"Kabul\", \"Doha\"]\ndraft = false\n+++\n\nBody *here*.\n").unwrap();
        assert_eq!(a.title, "Kabul");
        assert_eq!(a.date.unwrap().iso(), "2021-07-17");
        assert_eq!(a.places.unwrap(), ["Kabul", "Doha"]);
        assert_eq!(a.places_mentioned, None);
        assert_eq!(a.body, "Body *here*.\n");
        let (a, _) = md("+++\ntitle = \"x\"\nplaces_exclude = [\"Mobile\"]\n+++\nBody\n").unwrap();
        assert_eq!(a.places_exclude, ["Mobile"]);
        assert!(w.is_empty());
    }

    #[test]
    fn reads_yaml_front_matter() {
        let (a, _) = md("---\ntitle: \"Doha talks\"\ndate: 1987-02-26T15:01:01\ntopics: [\"a\", \"b\"]\nsource: Reuters\n---\nText\n").unwrap();
        assert_eq!(a.title, "Doha talks");
        assert_eq!(a.date.unwrap().seconds, Some(54061));
        assert_eq!(a.source.as_deref(), Some("Reuters"));
    }

    #[test]
    fn errors_name_the_line() {
        let e = md("+++\ntitle = \"x\"\ndate = \"not a date\"\npalces = [\"Kabul\"]\n+++\n")
            .unwrap_err();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].line, Some(3));
        assert!(e[0].message.contains("not a date"));
        assert_eq!(e[1].line, Some(4));
        assert!(e[1].message.contains("did you mean `places`?"));
    }

    #[test]
    fn toml_and_yaml_syntax_errors_have_positions() {
        let e = md("+++\ntitle = \"x\"\ndate = = 2\n+++\n").unwrap_err();
        assert_eq!(e[0].line, Some(3), "{}", e[0]);
        // A bad date is told how to write one; a bare word that strings need quotes.
        let e = md("+++\ntitle = \"x\"\ndate = 2021-13-40\n+++\n").unwrap_err();
        assert!(
            e[0].message.contains("write dates as 2021-07-17"),
            "{}",
            e[0]
        );
        let e = md("+++\ntitle = x\n+++\n").unwrap_err();
        assert!(e[0].message.contains("strings need quotes"), "{}", e[0]);
        let e = md("---\ntitle: x\n  bad: [unclosed\n---\n").unwrap_err();
        assert!(e[0].line.unwrap() >= 2, "{}", e[0]);
        assert!(e[0].message.contains("YAML"));
    }

    #[test]
    fn unclosed_front_matter_says_so() {
        let e = md("+++\ntitle = \"x\"\n").unwrap_err();
        assert!(e[0].message.contains("never closed"));
    }

    #[test]
    fn bad_slugs_are_errors() {
        let e = md("+++\ntitle = \"x\"\nslug = \"../../evil\"\n+++\n").unwrap_err();
        assert_eq!(e[0].line, Some(3));
    }

    #[test]
    fn reads_a_text_source() {
        let (a, w) = txt(
            "x.txt",
            "Date: 2021-07-17\nSource: AFP\n\nTaliban, Kabul officials hold talks\n\nFirst paragraph\nwrapped here.\n\n‘Ready for dialogue’\n\nSecond paragraph.\n",
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(a.title, "Taliban, Kabul officials hold talks");
        assert_eq!(a.source.as_deref(), Some("AFP"));
        assert_eq!(
            a.body,
            "First paragraph wrapped here.\n\n## ‘Ready for dialogue’\n\nSecond paragraph.\n"
        );
    }

    #[test]
    fn text_dates_come_from_file_names() {
        let (a, w) = txt("2021-07-17-kabul.txt", "Title\n\nBody.\n");
        assert_eq!(a.date.unwrap().iso(), "2021-07-17");
        assert!(w.is_empty());
        let (a, w) = txt("kabul.txt", "Title\n\nBody.\n");
        assert!(a.date.is_none());
        assert!(w[0].message.contains("undated"));
    }
}
