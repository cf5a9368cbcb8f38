//! Whole-build benchmark on a generated archive: `cargo bench --bench build [-- ARTICLES]`.
//!
//! Writes ARTICLES (default 5,000) synthetic markdown briefings with topics and places into a
//! temporary archive, then times full builds (into a fresh folder) and no-change rebuilds
//! (over the previous output), five of each after one warm-up, and prints the medians. For
//! the comparison with Hugo on real articles, see `../shared/bench/bench.py`.

use briefing::{BuildOptions, Destination};
use std::time::{Duration, Instant};

const TOPICS: [&str; 8] = [
    "politics",
    "conflict, war and peace",
    "economy, business and finance",
    "health",
    "education",
    "disaster, accident and emergency incident",
    "sport",
    "environment",
];
const PLACES: [&str; 12] = [
    "Kabul",
    "Kandahar",
    "Herat",
    "Doha",
    "Islamabad",
    "Quetta",
    "Tehran",
    "Dushanbe",
    "Tashkent",
    "Geneva",
    "Washington",
    "Ankara",
];
const WORDS: [&str; 16] = [
    "officials",
    "said",
    "the",
    "talks",
    "border",
    "crossing",
    "would",
    "reopen",
    "after",
    "weeks",
    "of",
    "fighting",
    "in",
    "province",
    "aid",
    "convoys",
];

fn main() {
    let articles: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(5_000);
    let dir = tempfile::tempdir().expect("temporary folder");
    let root = dir.path().join("archive");
    write_archive(&root, articles);
    let options = |output: &str| BuildOptions {
        root: root.clone(),
        output: Some(dir.path().join(output)),
        drafts: false,
        force: false,
    };

    let mut full = Vec::new();
    for run in 0..6 {
        let _ = std::fs::remove_dir_all(dir.path().join("full"));
        let t = Instant::now();
        briefing::build(&options("full"), Destination::Disk).expect("build");
        if run > 0 {
            full.push(t.elapsed());
        }
    }
    let mut rebuild = Vec::new();
    for run in 0..6 {
        let t = Instant::now();
        briefing::build(&options("full"), Destination::Disk).expect("rebuild");
        if run > 0 {
            rebuild.push(t.elapsed());
        }
    }
    let mb = folder_bytes(&root.join("content")) as f64 / 1e6;
    println!("archive: {articles} articles, {mb:.1} MB of markdown");
    report("full build", &mut full, articles);
    report("no-change rebuild", &mut rebuild, articles);
}

fn report(name: &str, times: &mut [Duration], articles: usize) {
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "{name:>18}: median {:.3} s (min {:.3}, max {:.3}), {:.0} articles/s",
        median.as_secs_f64(),
        times[0].as_secs_f64(),
        times[times.len() - 1].as_secs_f64(),
        articles as f64 / median.as_secs_f64()
    );
}

/// A deterministic archive: the same bytes on every run and machine.
fn write_archive(root: &std::path::Path, n: usize) {
    let content = root.join("content");
    std::fs::create_dir_all(&content).expect("content folder");
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for i in 0..n {
        let pick = |r: u64, len: usize| (r % len as u64) as usize;
        let title: Vec<&str> = (0..7).map(|_| WORDS[pick(next(), WORDS.len())]).collect();
        let mut body = String::new();
        for _ in 0..5 {
            let sentence: Vec<&str> = (0..30).map(|_| WORDS[pick(next(), WORDS.len())]).collect();
            body.push_str(&sentence.join(" "));
            body.push_str(".\n\n");
        }
        let text = format!(
            "+++\ntitle = \"{} {i}\"\ndate = {}-{:02}-{:02}\ntopics = [\"{}\", \"{}\"]\nplaces = [\"{}\", \"{}\"]\n+++\n{body}",
            title.join(" "),
            2000 + i % 20,
            1 + i % 12,
            1 + i % 28,
            TOPICS[pick(next(), TOPICS.len())],
            TOPICS[pick(next(), TOPICS.len())],
            PLACES[pick(next(), PLACES.len())],
            PLACES[pick(next(), PLACES.len())],
        );
        std::fs::write(content.join(format!("a{i:06}.md")), text).expect("article");
    }
}

fn folder_bytes(dir: &std::path::Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}
