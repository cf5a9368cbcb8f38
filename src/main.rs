//! The `briefing` command line: parses arguments, runs the library, renders its errors, and
//! maps the outcome to an exit code (0 success, 1 the archive has errors, 2 usage errors).

use briefing::{BuildError, BuildOptions, Destination};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// A static site generator for news briefing archives.
#[derive(Parser)]
#[command(name = "briefing", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the archive into a static site.
    Build {
        /// The archive's folder (holding content/ and site.toml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: ROOT/site].
        #[arg(long)]
        output: Option<PathBuf>,
        /// Include articles marked `draft = true`.
        #[arg(long)]
        drafts: bool,
        /// Print errors only.
        #[arg(long, short)]
        quiet: bool,
        /// Replace a non-empty output folder that is not a previous build.
        #[arg(long)]
        force: bool,
    },
    /// Show what the pipeline makes of each source: title, date, cleaned text, what was removed.
    Extract {
        /// Print one JSON object per article and line, for scripts and scorers.
        #[arg(long)]
        json: bool,
        /// The archive's folder; its content/ is read when no FILES are given.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Source files, or folders searched for .txt and .md files.
        files: Vec<PathBuf>,
    },
    /// Convert plain-text sources into content/<date>-<slug>.md for curators to correct.
    Import {
        /// Source files, or folders searched for .txt files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The archive's folder (its content/ receives the files).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Replace files that exist.
        #[arg(long)]
        force: bool,
        /// Say what would be written, and write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Check the archive (sources, config, templates) and write nothing.
    Check {
        /// The archive's folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Check drafts too.
        #[arg(long)]
        drafts: bool,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Build {
            root,
            output,
            drafts,
            quiet,
            force,
        } => {
            let options = BuildOptions {
                root,
                output,
                drafts,
                force,
            };
            run(&options, Destination::Disk, quiet)
        }
        Command::Extract { json, root, files } => extract(json, &root, files),
        Command::Import {
            files,
            root,
            force,
            dry_run,
        } => import(&files, &root, force, dry_run),
        Command::Check { root, drafts } => {
            let options = BuildOptions {
                root,
                output: None,
                drafts,
                force: false,
            };
            run(&options, Destination::Nowhere, false)
        }
    }
}

fn run(options: &BuildOptions, destination: Destination, quiet: bool) -> ExitCode {
    let started = Instant::now();
    match briefing::build(options, destination) {
        Ok(report) => {
            if !quiet {
                for w in &report.warnings {
                    eprintln!("warning: {w}");
                }
                let seconds = started.elapsed().as_secs_f64();
                match destination {
                    Destination::Disk => eprintln!(
                        "built {} articles into {} ({} pages) in {seconds:.2}s",
                        report.articles,
                        report.output.display(),
                        report.pages
                    ),
                    Destination::Nowhere => eprintln!(
                        "checked {} articles ({} pages): no errors, {} warning(s)",
                        report.articles,
                        report.pages,
                        report.warnings.len()
                    ),
                }
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Archive { errors, warnings }) => {
            if !quiet {
                for w in &warnings {
                    eprintln!("warning: {w}");
                }
            }
            for e in &errors {
                eprintln!("error: {e}");
            }
            eprintln!(
                "{} error(s): nothing was written{}",
                errors.len(),
                if destination == Destination::Disk {
                    "; the previous site is unchanged"
                } else {
                    ""
                }
            );
            ExitCode::from(1)
        }
        Err(BuildError::Write(e @ briefing::write::WriteError::Refused { .. })) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("error: {e}");
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                eprintln!("  caused by: {s}");
                source = s.source();
            }
            eprintln!("nothing was written; the previous site is unchanged");
            ExitCode::from(1)
        }
    }
}

fn extract(json: bool, root: &std::path::Path, files: Vec<PathBuf>) -> ExitCode {
    use rayon::prelude::*;
    use std::io::Write;
    let given = !files.is_empty();
    let paths = if files.is_empty() {
        vec![root.join("content")]
    } else {
        files
    };
    let (sources, mut problems) = briefing::extract::source_files(&paths);
    let config = match briefing::config::Config::load(root) {
        Ok(config) => config,
        Err(errors) => {
            // Extraction goes on with the defaults; the errors are reported with the rest.
            problems.extend(errors);
            briefing::config::Config::default()
        }
    };
    let gazetteer = briefing::gazetteer::Gazetteer::get();
    let (settings, setting_problems) =
        briefing::places::Settings::new(gazetteer, &config.places.stop, &config.places.names);
    problems.extend(
        setting_problems
            .into_iter()
            .map(|p| briefing::diagnostic::Diagnostic::warning("site.toml", p)),
    );
    let read: Vec<_> = sources
        .par_iter()
        .map(|(path, kind)| briefing::extract::read_file(path, *kind, &path.display().to_string()))
        .collect();
    // Titles of the archive's other articles tell boxes of links to them: those of the files
    // given, and of the archive under the root when files are named.
    let archive = if given && root.join("content").is_dir() {
        briefing::load::load(root).sources
    } else {
        Vec::new()
    };
    let titled: Vec<&briefing::load::Source> = read
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|r| &r.source)
        .chain(&archive)
        .collect();
    let headlines = briefing::parse::headlines(&titled);
    drop(archive);
    let results: Vec<_> = read
        .into_par_iter()
        .map(|r| briefing::extract::extract(r?, &settings, &headlines))
        .collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for result in results {
        match result {
            Ok((extraction, warnings)) => {
                problems.extend(warnings);
                let written = if json {
                    serde_json::to_writer(&mut out, &extraction)
                        .and_then(|()| writeln!(out).map_err(serde_json::Error::io))
                } else {
                    writeln!(out, "{}", briefing::extract::report(&extraction))
                        .map_err(serde_json::Error::io)
                };
                if written.is_err() {
                    // The reader went away (a closed pipe): stop quietly.
                    return ExitCode::SUCCESS;
                }
            }
            Err(errors) => problems.extend(errors),
        }
    }
    let _ = out.flush();
    report_problems(&problems)
}

fn import(files: &[PathBuf], root: &std::path::Path, force: bool, dry_run: bool) -> ExitCode {
    use briefing::import::{ImportOptions, Outcome};
    let (outcomes, problems) =
        briefing::import::import(files, root, ImportOptions { force, dry_run });
    let verb = if dry_run { "would write" } else { "wrote" };
    let (mut wrote, mut skipped) = (0, 0);
    for (source, outcome) in &outcomes {
        match outcome {
            Outcome::Wrote(target) => {
                wrote += 1;
                println!("{verb} {target} (from {source})");
            }
            Outcome::Skipped(why) => {
                skipped += 1;
                println!("skipped {source}: {why}");
            }
        }
    }
    let code = report_problems(&problems);
    eprintln!(
        "{wrote} {}, {skipped} skipped",
        if dry_run { "to write" } else { "written" }
    );
    code
}

/// Prints warnings and errors; exit code 1 when there is an error.
fn report_problems(problems: &[briefing::diagnostic::Diagnostic]) -> ExitCode {
    let mut failed = false;
    for p in problems {
        if p.is_error() {
            failed = true;
            eprintln!("error: {p}");
        } else {
            eprintln!("warning: {p}");
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
