//! Place detection throughput on one core: `cargo bench --bench places`.
//!
//! Detects the places of the example archive's articles (the scraped seed and the briefings'
//! bodies, each read as a plain-text source) over and over on one thread, and prints
//! megabytes of source text per second of that thread's CPU time (on Linux; wall time
//! elsewhere). The gazetteer is loaded before timing starts, and the conversion that cuts a
//! source into lines is done once: this measures detection and its decisions only.

use briefing::gazetteer::Gazetteer;
use briefing::places::{Document, Settings, detect};
use std::time::Instant;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut sources: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(&root).expect("content/") {
        let path = entry.expect("entry").path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        // Markdown bodies stand in for clean article text: drop their front matter.
        let body = match text
            .strip_prefix("+++\n")
            .or_else(|| text.strip_prefix("---\n"))
        {
            Some(rest) => rest
                .split_once("\n+++\n")
                .or_else(|| rest.split_once("\n---\n"))
                .map_or(rest, |(_, b)| b),
            None => &text,
        };
        sources.push(format!("A title line\n\n{}\n", body.trim()));
    }
    sources.sort();
    let conversions: Vec<_> = sources
        .iter()
        .map(|s| briefing::convert::convert("a.txt", s))
        .collect();
    let documents: Vec<Document> = sources
        .iter()
        .zip(&conversions)
        .map(|(s, c)| Document::of_text(s, c))
        .collect();
    let gazetteer = Gazetteer::get();
    let settings = Settings::default();
    let bytes: usize = sources.iter().map(String::len).sum();
    let mut found = 0;
    for d in &documents {
        found += detect(gazetteer, &settings, d).len();
    }
    let started = Instant::now();
    let cpu_started = thread_cpu_seconds();
    let mut rounds = 0usize;
    while started.elapsed().as_secs_f64() < 3.0 {
        for d in &documents {
            std::hint::black_box(detect(gazetteer, &settings, d));
        }
        rounds += 1;
    }
    let wall = started.elapsed().as_secs_f64();
    let seconds = match (cpu_started, thread_cpu_seconds()) {
        (Some(start), Some(end)) => end - start,
        _ => wall,
    };
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "detected places in {} articles ({} KB, {found} places) x {rounds} rounds in {seconds:.2} s of CPU ({wall:.2} s wall) on one thread: {:.1} MB/s (budget: 20 MB/s)",
        documents.len(),
        bytes / 1000,
        mb / seconds
    );
}

/// CPU time of the calling thread, in seconds.
#[cfg(target_os = "linux")]
fn thread_cpu_seconds() -> Option<f64> {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to fill.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    (rc == 0).then(|| t.tv_sec as f64 + t.tv_nsec as f64 / 1e9)
}

#[cfg(not(target_os = "linux"))]
fn thread_cpu_seconds() -> Option<f64> {
    None
}
