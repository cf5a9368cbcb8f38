//! Briefing: a static site generator for news briefing archives.
//!
//! The pipeline runs one way, a module per stage: [`load`] reads `content/`, [`parse`] turns
//! each source into an [`parse::Article`], [`enrich`] finds its places, [`archive`] orders and
//! indexes them (places with their hierarchy), [`render`]
//! renders every page through the [`theme`]'s templates, and [`write`] is the one place that
//! writes output. [`build`] runs them all; the `briefing` binary is a thin shell around it.

pub mod archive;
pub mod config;
pub mod convert;
pub mod date;
pub mod diagnostic;
pub mod enrich;
pub mod extract;
pub mod gazetteer;
pub mod headlines;
pub mod import;
pub mod load;
pub mod map;
pub mod markdown;
pub mod parse;
pub mod places;
pub mod render;
pub mod slug;
pub mod theme;
pub mod write;

/// The gazetteer's compiled form, written by `build.rs` from `data/gazetteer/`.
mod compiled {
    pub(crate) const GAZETTEER: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));
}

use diagnostic::Diagnostic;
use rayon::prelude::*;
use std::path::PathBuf;

/// What `build` is asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The archive's folder (holds `content/`, maybe `site.toml`, `templates/`, `static/`).
    pub root: PathBuf,
    /// Where the site goes; `root/site` by default.
    pub output: Option<PathBuf>,
    /// Build drafts too.
    pub drafts: bool,
    /// Replace a non-empty output folder that is not a previous build.
    pub force: bool,
}

/// Where a build's files go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Destination {
    /// Written to the output folder, swapped in atomically.
    Disk,
    /// Rendered and checked, nothing written.
    Nowhere,
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Articles in the site.
    pub articles: usize,
    /// HTML pages rendered.
    pub pages: usize,
    /// Files written in all.
    pub files: usize,
    /// The output folder.
    pub output: PathBuf,
    /// Warnings (the build went on).
    pub warnings: Vec<Diagnostic>,
}

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The archive has errors; every one is listed, with the warnings.
    #[error("the archive has {} error(s)", .errors.len())]
    Archive {
        /// Errors, by file.
        errors: Vec<Diagnostic>,
        /// Warnings, by file.
        warnings: Vec<Diagnostic>,
    },
    /// The output folder was refused or could not be written.
    #[error(transparent)]
    Write(#[from] write::WriteError),
    /// A template failed while rendering.
    #[error(transparent)]
    Render(render::RenderError),
}

/// Runs the whole pipeline. On any error the previous output is left exactly as it was.
pub fn build(options: &BuildOptions, destination: Destination) -> Result<BuildReport, BuildError> {
    let root = &options.root;
    let output = options.output.clone().unwrap_or_else(|| root.join("site"));
    let mut diagnostics: Vec<Diagnostic> = Vec::new();

    let config = match config::Config::load(root) {
        Ok(c) => Some(c),
        Err(d) => {
            diagnostics.extend(d);
            None
        }
    };
    let gazetteer = gazetteer::Gazetteer::get();
    let settings = match &config {
        Some(c) => {
            let (settings, problems) =
                places::Settings::new(gazetteer, &c.places.stop, &c.places.names);
            diagnostics.extend(
                problems
                    .into_iter()
                    .map(|p| Diagnostic::warning("site.toml", p)),
            );
            settings
        }
        None => places::Settings::default(),
    };
    let loaded = load::load(root);
    diagnostics.extend(loaded.diagnostics);
    let headlines = parse::headlines(&loaded.sources.iter().collect::<Vec<_>>());
    type Enrichment = Result<(Option<enrich::Enriched>, Vec<Diagnostic>), Vec<Diagnostic>>;
    let parsed: Vec<Enrichment> = loaded
        .sources
        .par_iter()
        .map(|source| {
            let parsed = parse::parse_source_in(source, &headlines)?;
            if parsed.article.draft && !options.drafts {
                return Ok((None, parsed.warnings));
            }
            let (mut places, problems) = enrich::places(
                gazetteer,
                &settings,
                source,
                &parsed.article,
                parsed.conversion.as_ref(),
            );
            // The site needs each place and whether the article is about it; the evidence
            // (mentions, chains as names) is for `extract`, and held for every article it
            // would only cost memory.
            for place in &mut places {
                place.mentions = Vec::new();
                place.parents = Vec::new();
            }
            let mut warnings = parsed.warnings;
            warnings.extend(
                problems
                    .into_iter()
                    .map(|p| Diagnostic::warning(&source.path, p)),
            );
            let article = enrich::Enriched {
                article: parsed.article,
                places,
            };
            Ok((Some(article), warnings))
        })
        .collect();
    let mut articles = Vec::with_capacity(parsed.len());
    for result in parsed {
        match result {
            Ok((article, warnings)) => {
                diagnostics.extend(warnings);
                articles.extend(article);
            }
            Err(errors) => diagnostics.extend(errors),
        }
    }
    let theme = config.as_ref().map(|c| theme::Theme::load(root, c));
    let archive = archive::Archive::new(articles, gazetteer);
    if let Err(d) = &archive {
        diagnostics.extend(d.iter().cloned());
    }
    if let Some(Err(d)) = &theme {
        diagnostics.extend(d.iter().cloned());
    }
    diagnostics.sort();
    let (errors, warnings): (Vec<_>, Vec<_>) =
        diagnostics.into_iter().partition(Diagnostic::is_error);
    let (Some(config), Some(Ok(theme)), Ok(archive), true) =
        (config, theme, archive, errors.is_empty())
    else {
        return Err(BuildError::Archive { errors, warnings });
    };

    let writer = match destination {
        Destination::Disk => write::Writer::to_disk(root, &output, options.force)?,
        Destination::Nowhere => write::Writer::in_memory(),
    };
    match render::render_site(&archive, &config, &theme, &writer) {
        Ok(rendering) => {
            writer.finish()?;
            Ok(BuildReport {
                articles: archive.articles.len(),
                pages: rendering.pages,
                files: rendering.files,
                output,
                warnings,
            })
        }
        Err(e) => {
            writer.abandon();
            Err(match e {
                render::RenderError::Write(w) => BuildError::Write(w),
                other => BuildError::Render(other),
            })
        }
    }
}
