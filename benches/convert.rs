//! Conversion throughput on one core: `cargo bench --bench convert`.
//!
//! Converts the example archive's article texts (the scraped seed and the briefings' bodies,
//! with residue, mojibake and doubled words added so every repair path runs) over and over
//! on one thread, and prints megabytes of source text per second of that thread's CPU time
//! (on Linux; wall time elsewhere), so that other work on a shared machine does not count.
//! Then again as the build converts them, among the titles of an archive of 20,000 articles.

use std::time::Instant;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut articles: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(&root).expect("content/") {
        let path = entry.expect("entry").path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        // Markdown bodies stand in for clean scraped text: drop their front matter.
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
        let noisy = format!(
            "Date: 2021-07-17\nSource: AFP\n\nA title line\n\nKABUL, July 17 (AFP) - {}\n\nAdvertisement\n\nShare this article\n\nthe spokesman spokesman said it will (will) matter, Talibanâ€™s view.\n\nThis website uses cookies to improve your experience. Accept Read More\n",
            body.trim()
        );
        articles.push(noisy);
    }
    articles.sort();
    measure("", &articles, &briefing::headlines::Headlines::default());

    // In an archive of 20,000 articles, each body listing three of the others in a box of
    // links: every line is looked up among their titles.
    let words: Vec<&str> = articles
        .iter()
        .flat_map(|a| a.split_whitespace())
        .filter(|w| w.chars().all(char::is_alphabetic))
        .collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut pick = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        words[(seed % words.len() as u64) as usize]
    };
    let titles: Vec<String> = (0..20_000)
        .map(|_| (0..7).map(|_| pick()).collect::<Vec<_>>().join(" "))
        .collect();
    let headlines = briefing::headlines::Headlines::new(titles.iter().map(String::as_str));
    let in_archive: Vec<String> = articles
        .iter()
        .enumerate()
        .map(|(k, a)| {
            let listed: Vec<&str> = (0..3).map(|j| titles[k * 3 + j].as_str()).collect();
            format!("{a}\nMore from Markets:\n\n{}\n", listed.join("\n"))
        })
        .collect();
    measure(" in an archive of 20,000 titles", &in_archive, &headlines);
}

/// Converts `articles` over and over for two seconds, and prints the throughput.
fn measure(what: &str, articles: &[String], headlines: &briefing::headlines::Headlines) {
    let bytes: usize = articles.iter().map(String::len).sum();
    // Warm up, then run for at least two seconds.
    for a in articles {
        std::hint::black_box(briefing::convert::convert_in("a.txt", a, headlines).markdown());
    }
    let started = Instant::now();
    let cpu_started = thread_cpu_seconds();
    let mut rounds = 0usize;
    while started.elapsed().as_secs_f64() < 2.0 {
        for a in articles {
            let c = briefing::convert::convert_in("a.txt", a, headlines);
            std::hint::black_box((c.markdown(), c.text()));
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
        "converted {} articles{what} x {rounds} rounds ({mb:.1} MB) in {seconds:.2} s of CPU ({wall:.2} s wall) on one thread: {:.1} MB/s (markdown and text both produced)",
        articles.len(),
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
