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
