//! The archive's settings, read from `site.toml` at its root (optional).
//!
//! Every key has a default, so an archive needs no config at all; an unknown key is an error
//! with a suggestion, because a misspelt setting that is silently ignored costs hours.

use crate::diagnostic::{Diagnostic, line_column, suggest};
use serde::Serialize;
use std::path::Path;

/// How page URLs look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum UrlStyle {
    /// `articles/kabul-talks.html`: works everywhere, including opened from disk.
    #[default]
    Ugly,
    /// `articles/kabul-talks/`: for web servers that serve a folder's `index.html`.
    Pretty,
}

/// Settings of one archive.
#[derive(Debug, Clone, Serialize)]
pub struct Config {
    /// The site's name, in every page's header and title.
    pub title: String,
    /// One sentence about the archive, for the home page and metadata.
    pub description: String,
    /// Absolute URL the site is published at; only feeds and the sitemap use it.
    pub base_url: String,
    /// BCP 47 language tag of the pages (`en`, `fr-CA`).
    pub language: String,
    /// Articles per page in listings.
    pub per_page: usize,
    /// File-style or folder-style URLs.
    pub url_style: UrlStyle,
    /// Place detection's own rules for this archive (`[places]`).
    pub places: PlacesConfig,
}

/// `[places]` in `site.toml`: names detection must never take for places, and names the
/// gazetteer lacks.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PlacesConfig {
    /// `stop = ["Mobile", "Reading"]`: never a place in this archive.
    pub stop: Vec<String>,
    /// `names = { "Camp Bastion" = "Helmand, Afghanistan" }`: more names for known places
    /// (the place as a name, `Name, Country` or a GeoNames id).
    pub names: Vec<(String, String)>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Briefing".into(),
            description: String::new(),
            base_url: String::new(),
            language: "en".into(),
            per_page: 20,
            url_style: UrlStyle::Ugly,
            places: PlacesConfig::default(),
        }
    }
}

const KEYS: [&str; 7] = [
    "title",
    "description",
    "base_url",
    "language",
    "per_page",
    "url_style",
    "places",
];

const PLACES_KEYS: [&str; 2] = ["stop", "names"];

impl Config {
    /// Reads `root/site.toml`; a missing file gives the defaults.
    pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        let path = root.join("site.toml");
        match std::fs::read_to_string(&path) {
            Ok(text) => Config::parse(&text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(vec![Diagnostic::error(
                "site.toml",
                format!("cannot read the config: {e}"),
            )]),
        }
    }

    /// Parses the text of a `site.toml`, reporting every problem at once.
    pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        const FILE: &str = "site.toml";
        let table: toml::Table = match toml::from_str(text) {
            Ok(t) => t,
            Err(e) => {
                let mut d =
                    Diagnostic::error(FILE, format!("invalid TOML: {}", e.message().trim_end()));
                if let Some(span) = e.span() {
                    let (l, c) = line_column(text, span.start);
                    d = d.at(l, c);
                }
                return Err(vec![d]);
            }
        };
        let mut config = Config::default();
        let mut problems = Vec::new();
        for (key, value) in &table {
            let (line, column) = key_position(text, key);
            let mut wrong = |expected: &str| {
                problems.push(
                    Diagnostic::error(FILE, format!("`{key}` should be {expected}"))
                        .at(line, column),
                );
            };
            match key.as_str() {
                "title" | "description" | "base_url" | "language" => match value.as_str() {
                    Some(s) => {
                        let s = s.to_string();
                        match key.as_str() {
                            "title" => config.title = s,
                            "description" => config.description = s,
                            "base_url" => config.base_url = s,
                            _ => config.language = s,
                        }
                    }
                    None => wrong("a string in quotes"),
                },
                "per_page" => match value.as_integer() {
                    Some(n) if (1..=10_000).contains(&n) => config.per_page = n as usize,
                    _ => wrong("a whole number from 1 to 10000"),
                },
                "url_style" => match value.as_str() {
                    Some("ugly") => config.url_style = UrlStyle::Ugly,
                    Some("pretty") => config.url_style = UrlStyle::Pretty,
                    _ => wrong("\"ugly\" (articles/x.html) or \"pretty\" (articles/x/)"),
                },
                "places" => match value.as_table() {
                    Some(table) => {
                        read_places(text, table, &mut config.places, &mut problems);
                    }
                    None => wrong("a table: [places] with `stop` and `names`"),
                },
                other => {
                    let hint = match suggest(other, &KEYS) {
                        Some(k) => format!(", did you mean `{k}`?"),
                        None => format!("; the keys are {}", KEYS.join(", ")),
                    };
                    problems.push(
                        Diagnostic::error(FILE, format!("unknown key `{other}`{hint}"))
                            .at(line, column),
                    );
                }
            }
        }
        if problems.is_empty() {
            Ok(config)
        } else {
            Err(problems)
        }
    }
}

fn read_places(
    text: &str,
    table: &toml::Table,
    places: &mut PlacesConfig,
    problems: &mut Vec<Diagnostic>,
) {
    const FILE: &str = "site.toml";
    for (key, value) in table {
        let (line, column) = key_position(text, key);
        let mut wrong = |expected: &str| {
            problems.push(
                Diagnostic::error(FILE, format!("`places.{key}` should be {expected}"))
                    .at(line, column),
            );
        };
        match key.as_str() {
            "stop" => match value.as_array() {
                Some(items) if items.iter().all(|i| i.is_str()) => {
                    places.stop = items
                        .iter()
                        .filter_map(|i| i.as_str())
                        .map(str::to_string)
                        .collect();
                }
                _ => wrong("a list of names: stop = [\"Mobile\", \"Reading\"]"),
            },
            "names" => match value.as_table() {
                Some(names)
                    if names
                        .values()
                        .all(|v| v.is_str() || matches!(v, toml::Value::Integer(_))) =>
                {
                    places.names = names
                        .iter()
                        .map(|(name, place)| {
                            let place = match place {
                                toml::Value::String(s) => s.clone(),
                                other => other.as_integer().unwrap_or(0).to_string(),
                            };
                            (name.clone(), place)
                        })
                        .collect();
                }
                _ => wrong(
                    "a table of names and places: names = { \"Camp Bastion\" = \"Helmand, Afghanistan\" }",
                ),
            },
            other => {
                let hint = match suggest(other, &PLACES_KEYS) {
                    Some(k) => format!(", did you mean `{k}`?"),
                    None => format!("; the keys are {}", PLACES_KEYS.join(", ")),
                };
                problems.push(
                    Diagnostic::error(FILE, format!("unknown key `places.{other}`{hint}"))
                        .at(line, column),
                );
            }
        }
    }
}

/// Line and column of `key` at the start of a line of `text` (TOML or YAML), or of line 1.
pub(crate) fn key_position(text: &str, key: &str) -> (usize, usize) {
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        let unquoted = trimmed.trim_start_matches(['"', '\'']);
        if let Some(rest) = unquoted.strip_prefix(key) {
            let rest = rest.trim_start_matches(['"', '\'']).trim_start();
            if rest.starts_with('=') || rest.starts_with(':') {
                return (i + 1, line.len() - trimmed.len() + 1);
            }
        }
    }
    (1, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_without_a_file() {
        let c = Config::parse("").unwrap();
        assert_eq!(c.per_page, 20);
        assert_eq!(c.url_style, UrlStyle::Ugly);
    }

    #[test]
    fn reads_every_key() {
        let c = Config::parse(
            "title = \"Afghan desk\"\ndescription = \"d\"\nbase_url = \"https://x.org/a/\"\nlanguage = \"fr\"\nper_page = 5\nurl_style = \"pretty\"\n",
        )
        .unwrap();
        assert_eq!(c.title, "Afghan desk");
        assert_eq!(c.per_page, 5);
        assert_eq!(c.url_style, UrlStyle::Pretty);
    }

    #[test]
    fn unknown_and_wrong_keys_are_all_reported_with_lines() {
        let errs = Config::parse("titel = \"x\"\nper_page = \"ten\"\n").unwrap_err();
        assert_eq!(errs.len(), 2);
        let text: Vec<String> = errs.iter().map(|d| d.to_string()).collect();
        assert!(
            text.iter()
                .any(|t| t.contains("site.toml:1:1") && t.contains("did you mean `title`"))
        );
        assert!(
            text.iter()
                .any(|t| t.starts_with("site.toml:2:1") && t.contains("per_page"))
        );
    }

    #[test]
    fn reads_the_places_table() {
        let c = Config::parse(
            "[places]\nstop = [\"Mobile\"]\nnames = { \"Camp Bastion\" = \"Helmand, Afghanistan\", \"Torkham\" = 1131316 }\n",
        )
        .unwrap();
        assert_eq!(c.places.stop, ["Mobile"]);
        assert_eq!(
            c.places.names,
            [
                (
                    "Camp Bastion".to_string(),
                    "Helmand, Afghanistan".to_string()
                ),
                ("Torkham".to_string(), "1131316".to_string())
            ]
        );
        let errs = Config::parse("[places]\nstpo = [\"x\"]\nnames = 3\n").unwrap_err();
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert!(
            errs.iter()
                .any(|e| e.message.contains("did you mean `stop`")),
            "{errs:?}"
        );
    }

    #[test]
    fn bad_toml_names_the_line() {
        let errs = Config::parse("title = \"x\"\nper_page = = 3\n").unwrap_err();
        assert_eq!(errs[0].line, Some(2));
    }
}
