//! The default theme (compiled into the binary) and a site's own overrides, file by file.
//!
//! Takes the archive root and config; gives a ready [`tera::Tera`] with every template parsed
//! once, the static files to copy, and the navigation links every page shows.

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::load::relative;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The default theme's templates, by name.
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("index.html", include_str!("../templates/index.html")),
    ("article.html", include_str!("../templates/article.html")),
    ("list.html", include_str!("../templates/list.html")),
    ("topics.html", include_str!("../templates/topics.html")),
    ("places.html", include_str!("../templates/places.html")),
    ("archive.html", include_str!("../templates/archive.html")),
    ("404.html", include_str!("../templates/404.html")),
    (
        "partials/card.html",
        include_str!("../templates/partials/card.html"),
    ),
    (
        "partials/pagination.html",
        include_str!("../templates/partials/pagination.html"),
    ),
];

/// The default theme's static files, by output path.
pub const DEFAULT_STATIC: &[(&str, &[u8])] =
    &[("style.css", include_bytes!("../static/style.css"))];

/// Site-wide values every template receives as `site`.
#[derive(Debug, Serialize)]
struct SiteValues<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    base_url: &'a str,
}

/// The links of the site's main navigation, relative to the site root.
#[derive(Debug, Clone, Serialize)]
pub struct Nav {
    /// The home page.
    pub home: String,
    /// The topic index.
    pub topics: String,
    /// The place index.
    pub places: String,
    /// The date archive.
    pub archive: String,
}

/// Templates, static files and navigation for one build.
pub struct Theme {
    /// Every template, parsed.
    pub tera: tera::Tera,
    /// Files copied to the output as they are: output path and bytes.
    pub static_files: Vec<(String, Vec<u8>)>,
    /// Main navigation.
    pub nav: Nav,
}

impl Theme {
    /// The default theme with `root/templates` and `root/static` laid over it.
    pub fn load(root: &Path, config: &Config) -> Result<Theme, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let mut templates: BTreeMap<String, (String, String)> = DEFAULT_TEMPLATES
            .iter()
            .map(|(name, text)| {
                (
                    name.to_string(),
                    (format!("default theme: templates/{name}"), text.to_string()),
                )
            })
            .collect();
        for (name, full) in files_under(&root.join("templates"), &mut problems, root) {
            if !(name.ends_with(".html") || name.ends_with(".xml") || name.ends_with(".txt")) {
                continue;
            }
            let shown = relative(root, &full);
            match std::fs::read_to_string(&full) {
                Ok(text) => {
                    templates.insert(name, (shown, text));
                }
                Err(e) => problems.push(Diagnostic::error(
                    shown,
                    format!("cannot read the template: {e}"),
                )),
            }
        }
        let mut tera = tera::Tera::new();
        if let Err(e) = tera.add_raw_templates(
            templates
                .iter()
                .map(|(name, (_, text))| (name.as_str(), text.as_str())),
        ) {
            let message = crate::diagnostic::error_chain(&e);
            let message = message.trim_start_matches("error: ");
            // Name the file the error is in when tera says which template it is.
            let shown = templates
                .iter()
                .find(|(name, _)| message.contains(name.as_str()))
                .map_or("templates".to_string(), |(_, (shown, _))| shown.clone());
            problems.push(Diagnostic::error(
                shown,
                format!("template error: {message}"),
            ));
        }
        tera.global_context().insert(
            "site",
            &SiteValues {
                title: &config.title,
                description: &config.description,
                language: &config.language,
                base_url: &config.base_url,
            },
        );

        let mut static_files: BTreeMap<String, Vec<u8>> = DEFAULT_STATIC
            .iter()
            .map(|(p, b)| (p.to_string(), b.to_vec()))
            .collect();
        for (name, full) in files_under(&root.join("static"), &mut problems, root) {
            match std::fs::read(&full) {
                Ok(bytes) => {
                    static_files.insert(name, bytes);
                }
                Err(e) => problems.push(Diagnostic::error(
                    relative(root, &full),
                    format!("cannot read: {e}"),
                )),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let link = |base: &str| match config.url_style {
            crate::config::UrlStyle::Ugly => format!("{base}.html"),
            crate::config::UrlStyle::Pretty => base.trim_end_matches("index").to_string(),
        };
        Ok(Theme {
            tera,
            static_files: static_files.into_iter().collect(),
            nav: Nav {
                home: link("index"),
                topics: link("topics/index"),
                places: link("places/index"),
                archive: link("archive/index"),
            },
        })
    }
}

/// Files below `dir` (hidden ones skipped): their `/`-separated path inside `dir`, and full path.
fn files_under(
    dir: &Path,
    problems: &mut Vec<Diagnostic>,
    root: &Path,
) -> Vec<(String, std::path::PathBuf)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                out.push((relative(dir, e.path()), e.path().to_path_buf()))
            }
            Ok(_) => {}
            Err(e) => problems.push(Diagnostic::error(
                e.path()
                    .map_or_else(|| relative(root, dir), |p| relative(root, p)),
                format!("cannot read: {e}"),
            )),
        }
    }
    out
}
