//! Gazetteer start-up and lookup speed: `cargo bench --bench gazetteer`.
//!
//! Start-up: times `Gazetteer::load` (what `Gazetteer::get` runs once per process: reading
//! the form `build.rs` compiled from the tables) over and over, and prints the fastest and
//! the median run; the budget is 30 ms. The first run also pays for the process's first touch
//! of the compiled-in data and of its memory, as a real start does, so it is shown apart. For
//! comparison, it also times `Gazetteer::parse` (the tables themselves, as `build.rs` reads
//! them: this thread and one helper).
//!
//! Lookups: a scan like a detector's over the example archive's text (every word, with the
//! words after it while a longer name may follow), on one thread, in megabytes of text per
//! second. It measures the gazetteer's part of detection, not detection.

use briefing::gazetteer::{Gazetteer, ParseError, normalize};
use std::time::Instant;

fn time(what: &str, run: fn() -> Result<Gazetteer, ParseError>) {
    let started = Instant::now();
    let first = run().expect("the gazetteer reads");
    let first_ms = started.elapsed().as_secs_f64() * 1e3;
    let places = first.places().count();
    drop(first);
    let mut runs = Vec::new();
    let bench_started = Instant::now();
    while runs.len() < 10 || (bench_started.elapsed().as_secs_f64() < 3.0 && runs.len() < 100) {
        let t = Instant::now();
        let g = run().expect("the gazetteer reads");
        runs.push(t.elapsed().as_secs_f64() * 1e3);
        std::hint::black_box(&g);
        drop(g);
    }
    runs.sort_by(f64::total_cmp);
    println!(
        "{what}: {places} places; first run {first_ms:.1} ms; then {} runs: fastest {:.1} ms, median {:.1} ms",
        runs.len(),
        runs[0],
        runs[runs.len() / 2]
    );
}

fn main() {
    time("load (compiled form; budget 30 ms)", Gazetteer::load);
    time("parse (the tables, as build.rs does)", Gazetteer::parse);

    let gazetteer = Gazetteer::get();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut text = String::new();
    for entry in std::fs::read_dir(&root).expect("content/") {
        let path = entry.expect("entry").path();
        if let Ok(t) = std::fs::read_to_string(&path) {
            text.push_str(&t);
            text.push('\n');
        }
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '"'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut key = String::new();
    let mut hits = 0usize;
    let started = Instant::now();
    let mut rounds = 0usize;
    while started.elapsed().as_secs_f64() < 2.0 {
        for i in 0..words.len() {
            key.clear();
            for word in &words[i..words.len().min(i + gazetteer.max_words())] {
                normalize(word, &mut key);
                let lookup = gazetteer.lookup(&key);
                hits += lookup.names.len();
                if !lookup.extends {
                    break;
                }
            }
        }
        rounds += 1;
    }
    let seconds = started.elapsed().as_secs_f64();
    let mb = (text.len() * rounds) as f64 / 1e6;
    println!(
        "lookups: every word of {} KB x {rounds} rounds on one thread: {:.1} MB/s ({} names matched)",
        text.len() / 1000,
        mb / seconds,
        std::hint::black_box(hits) / rounds.max(1)
    );
}
