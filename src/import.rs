//! `briefing import`: plain-text sources into `content/` as markdown a curator can correct.
//!
//! Takes source files or folders and the archive root; for each `.txt` it writes
//! `content/<date>-<slug>.md` with TOML front matter, exactly the article the build would make
//! from the `.txt` itself, its places included (written so that reading them back gives the
//! same places). It never overwrites a file unless asked, and says what it did.

use crate::date::Date;
use crate::diagnostic::Diagnostic;
use crate::gazetteer::{Gazetteer, NameFlags};
use crate::headlines::Headlines;
use crate::load::{Source, SourceKind, decode};
use crate::parse::{self, Article};
use crate::places::{self, FoundPlace, Settings};
use crate::{config, enrich};
use std::path::{Path, PathBuf};

/// What import did with one source.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Written (or, in a dry run, would be written) to this path, relative to the root.
    Wrote(String),
    /// Not written, and why.
    Skipped(String),
}

/// How to import.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Replace files that exist.
    pub force: bool,
    /// Say what would be written, write nothing.
    pub dry_run: bool,
}

/// Imports every source; one outcome per source file, plus the problems met.
pub fn import(
    paths: &[PathBuf],
    root: &Path,
    options: ImportOptions,
) -> (Vec<(String, Outcome)>, Vec<Diagnostic>) {
    let (files, mut problems) = crate::extract::source_files(paths);
    let gazetteer = Gazetteer::get();
    let config = config::Config::load(root).unwrap_or_else(|errors| {
        // Import goes on with the defaults; the errors are reported with the rest.
        problems.extend(errors);
        config::Config::default()
    });
    let (settings, setting_problems) =
        Settings::new(gazetteer, &config.places.stop, &config.places.names);
    problems.extend(
        setting_problems
            .into_iter()
            .map(|p| Diagnostic::warning("site.toml", p)),
    );
    let content = root.join("content");
    let mut outcomes = Vec::new();
    let mut planned: Vec<String> = Vec::new();
    // Every source is read first: the titles of all of them, and of the archive's articles,
    // tell boxes of links to them in each.
    let mut read = Vec::new();
    for (path, kind) in files {
        let shown = path.display().to_string();
        if kind == SourceKind::Markdown {
            outcomes.push((
                shown,
                Outcome::Skipped("already markdown: copy it into content/ as it is".into()),
            ));
            continue;
        }
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                problems.push(Diagnostic::error(&shown, format!("cannot read: {e}")));
                continue;
            }
        };
        let text = match decode(&shown, &bytes) {
            Ok((text, warning)) => {
                problems.extend(warning);
                text
            }
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        read.push(Source {
            path: shown,
            kind,
            text,
        });
    }
    let archive = if content.is_dir() {
        crate::load::load(root).sources
    } else {
        Vec::new()
    };
    let headlines = parse::headlines(&read.iter().chain(&archive).collect::<Vec<_>>());
    drop(archive);
    for source in read {
        let shown = source.path.clone();
        let (article, warnings) = match with_places(gazetteer, &settings, &source, &headlines) {
            Ok(done) => done,
            Err(errors) => {
                problems.extend(errors);
                continue;
            }
        };
        problems.extend(warnings);
        let slug = article
            .slug
            .clone()
            .unwrap_or_else(|| crate::slug::slugify(&article.title));
        let name = match article.date {
            Some(d) => format!("{}-{slug}.md", d.iso()),
            None => format!("{slug}.md"),
        };
        let target = content.join(&name);
        let relative = format!("content/{name}");
        if planned.contains(&relative) {
            outcomes.push((
                shown,
                Outcome::Skipped(format!("another source of this run also makes {relative}")),
            ));
            continue;
        }
        if target.exists() && !options.force {
            outcomes.push((
                shown,
                Outcome::Skipped(format!("{relative} exists (--force replaces it)")),
            ));
            continue;
        }
        planned.push(relative.clone());
        if !options.dry_run {
            let written = std::fs::create_dir_all(&content)
                .and_then(|()| std::fs::write(&target, markdown_source(&article)));
            if let Err(e) = written {
                problems.push(Diagnostic::error(&relative, format!("cannot write: {e}")));
                continue;
            }
        }
        outcomes.push((shown, Outcome::Wrote(relative)));
    }
    (outcomes, problems)
}

/// The article a plain-text source makes, with its places written into `places` (those it is
/// about) and `places_mentioned` (the others), as the build finds them.
fn with_places(
    gazetteer: &Gazetteer,
    settings: &Settings,
    source: &Source,
    headlines: &Headlines,
) -> Result<(Article, Vec<Diagnostic>), Vec<Diagnostic>> {
    let parsed = parse::parse_source_in(source, headlines)?;
    let mut warnings = parsed.warnings;
    let mut article = parsed.article;
    let (found, problems) = enrich::places(
        gazetteer,
        settings,
        source,
        &article,
        parsed.conversion.as_ref(),
    );
    warnings.extend(
        problems
            .into_iter()
            .map(|p| Diagnostic::warning(&source.path, p)),
    );
    let (about, passing): (Vec<&FoundPlace>, Vec<&FoundPlace>) =
        found.iter().partition(|p| p.about);
    // Names as a curator writes them; where reading them back would give other places (a
    // name detection takes in another sense in the markdown), every place is written so that
    // no detection is needed to read it.
    for strict in [false, true] {
        let write = |list: &[&FoundPlace]| -> Vec<String> {
            list.iter()
                .map(|p| place_reference(gazetteer, p, strict))
                .collect()
        };
        article.places = Some(write(&about));
        article.places_mentioned = (!passing.is_empty()).then(|| write(&passing));
        if strict || reads_back(gazetteer, settings, &article, &found) {
            break;
        }
    }
    Ok((article, warnings))
}

/// Whether the markdown written for `article` gives back the places `found`.
fn reads_back(
    gazetteer: &Gazetteer,
    settings: &Settings,
    article: &Article,
    found: &[FoundPlace],
) -> bool {
    let source = Source {
        path: article.path.clone(),
        kind: SourceKind::Markdown,
        text: markdown_source(article),
    };
    let Ok((back, _)) = parse::parse(&source) else {
        return false;
    };
    let (again, _) = enrich::places(gazetteer, settings, &source, &back, None);
    let key = |p: &FoundPlace| (p.place, p.place.is_none().then(|| p.name.clone()), p.about);
    let mut before: Vec<_> = found.iter().map(key).collect();
    let mut after: Vec<_> = again.iter().map(key).collect();
    before.sort();
    after.sort();
    before == after
}

/// How a place is written so that reading it back gives the same place: its name when that
/// is the name's most important place (when `strict`, only when no other place has the name),
/// else `Name, Country` (`Georgia, United States`), else the name with another place above it
/// (`Kandahar, Asia`), else its GeoNames id.
pub fn place_reference(gazetteer: &Gazetteer, found: &FoundPlace, strict: bool) -> String {
    let Some(id) = found.place else {
        return found.name.clone();
    };
    let place = gazetteer.place(id);
    let name = place.name();
    let reads_back =
        |reference: &str| places::resolve_curated(gazetteer, reference, &[]) == Some(id);
    let mut senses = gazetteer
        .lookup_name(name)
        .names
        .iter()
        .filter(|n| !n.flags.contains(NameFlags::ABBREVIATION))
        .map(|n| n.place)
        .collect::<Vec<_>>();
    senses.sort();
    senses.dedup();
    if (!strict || senses.len() <= 1) && reads_back(name) {
        return name.to_string();
    }
    let mut parents: Vec<&crate::gazetteer::Place> = gazetteer.parents(id).collect();
    // The country first: `Name, Country` is how a curator writes it.
    parents.sort_by_key(|p| p.kind != crate::gazetteer::Kind::Country);
    for parent in parents {
        let reference = format!("{name}, {}", parent.name());
        if reads_back(&reference) {
            return reference;
        }
    }
    if place.geonames_id != 0 && reads_back(&place.geonames_id.to_string()) {
        return place.geonames_id.to_string();
    }
    name.to_string()
}

/// The markdown source of an article: TOML front matter, then the body.
pub fn markdown_source(a: &Article) -> String {
    let mut fm = String::from("+++\n");
    let date = a.date.map(toml_date);
    let fields: [(&str, Option<&str>); 8] = [
        ("title", Some(a.title.as_str())),
        ("date", None),
        ("source", a.source.as_deref()),
        ("source_url", a.source_url.as_deref()),
        ("author", a.author.as_deref()),
        ("summary", a.summary.as_deref()),
        ("slug", a.slug.as_deref()),
        ("language", a.language.as_deref()),
    ];
    for (key, value) in fields {
        match (key, value, &date) {
            ("date", _, Some(d)) => fm.push_str(&format!("date = {d}\n")),
            (_, Some(v), _) => fm.push_str(&format!("{key} = {}\n", toml_string(v))),
            _ => {}
        }
    }
    let topics = (!a.topics.is_empty()).then_some(&a.topics);
    let exclude = (!a.places_exclude.is_empty()).then_some(&a.places_exclude);
    for (key, list) in [
        ("topics", topics),
        ("places", a.places.as_ref()),
        ("places_mentioned", a.places_mentioned.as_ref()),
        ("places_exclude", exclude),
    ] {
        if let Some(list) = list {
            let items: Vec<String> = list.iter().map(|s| toml_string(s)).collect();
            fm.push_str(&format!("{key} = [{}]\n", items.join(", ")));
        }
    }
    fm.push_str("+++\n\n");
    fm.push_str(&a.body);
    fm
}

fn toml_date(d: Date) -> String {
    match d.seconds {
        None => d.iso(),
        Some(s) => format!(
            "{}T{:02}:{:02}:{:02}",
            d.iso(),
            s / 3600,
            s / 60 % 60,
            s % 60
        ),
    }
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Source;

    #[test]
    fn imported_markdown_parses_back_to_the_same_article() {
        let text = "Date: 1987-02-26T15:01:01\nSource: Reuters\nURL: https://example.org/a\nTopics: cocoa\n\nCOCOA \"REVIEW\" \\ <b>\n\nSALVADOR, Feb 26 - Showers *continued* [1].\n\nDry period\n\nArrivals 1984. were up.\n";
        let (mut article, _) = parse::text_article("content/a.txt", text);
        article.path = "content/x.md".into();
        let md = markdown_source(&article);
        let (back, warnings) = parse::parse(&Source {
            path: "content/x.md".into(),
            kind: SourceKind::Markdown,
            text: md.clone(),
        })
        .unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(back, article, "{md}");
    }

    #[test]
    fn strings_are_escaped_for_toml() {
        assert_eq!(toml_string("a \"b\" \\ c\n"), "\"a \\\"b\\\" \\\\ c\\n\"");
    }
}
