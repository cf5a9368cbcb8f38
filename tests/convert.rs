//! The conversion of scraped plain text, seen through the `briefing` binary: the seed
//! article, `extract --json`, and `import` (whose output must build to the same site).

#[allow(dead_code)] // shared with tests/build.rs, which uses the rest
mod common;

use std::path::Path;
use std::process::Command;

const SEED: &str = "content/2021-07-17-taliban-kabul-talks-qatar.txt";

fn briefing(args: &[&str], dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run briefing")
}

fn extract_json(file: &Path) -> serde_json::Value {
    let out = briefing(
        &["extract", "--json", &file.display().to_string()],
        Path::new("."),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).expect("utf-8 output");
    assert_eq!(stdout.lines().count(), 1, "one JSON object per article");
    serde_json::from_str(stdout.trim()).expect("a JSON object")
}

#[test]
fn the_seed_article_converts_to_clean_markdown() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    let e = extract_json(&seed);
    assert_eq!(
        e["title"],
        "Taliban, Kabul officials hold talks in Qatar as"
    );
    assert_eq!(e["date"], "2021-07-17");
    let markdown = e["markdown"].as_str().unwrap();
    let headings: Vec<&str> = markdown.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(headings, ["## ‘Ready for dialogue’", "## Taliban attacks"]);
    let text = e["text"].as_str().unwrap();
    for gone in [
        "cookies",
        "spokesman spokesman",
        "will (will)",
        "Accept Read More",
    ] {
        assert!(!text.contains(gone), "{gone:?} is still in the text");
    }
    // Every paragraph of the article, in order: first, middle and last.
    let raw = std::fs::read_to_string(&seed).unwrap();
    let article_paragraphs: Vec<&str> = raw
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty() && !p.starts_with("This website uses cookies"))
        .skip(1)
        .collect();
    let got: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(got.len(), article_paragraphs.len());
    assert_eq!(got[0], article_paragraphs[0]);
    assert_eq!(got.last(), article_paragraphs.last());
    assert!(text.contains("it will speed up the talks"));
    assert!(text.contains("” spokesman Muhamad Naeem told"));
    assert!(text.contains("Abdullah Abdullah"), "a doubled name stays");
    let removed: Vec<&str> = e["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reason"].as_str().unwrap())
        .collect();
    assert_eq!(
        removed,
        ["doubled word", "doubled word", "cookie or consent banner"]
    );
    insta::assert_snapshot!("seed_markdown", markdown);
}

#[test]
fn extract_reports_in_words_for_curators() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    let out = briefing(&["extract", &seed.display().to_string()], Path::new("."));
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("title:  Taliban, Kabul officials hold talks in Qatar as"));
    assert!(
        report.contains("line   61  cookie or consent banner"),
        "{report}"
    );
}

#[test]
fn importing_then_building_gives_the_same_site_as_building_the_text() {
    let tmp = tempfile::tempdir().unwrap();
    let raw_dir = tmp.path().join("raw");
    std::fs::create_dir_all(raw_dir.join("content")).unwrap();
    let sources = [
        ("2021-07-17-seed.txt", std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED)).unwrap()),
        (
            "border.txt",
            b"Date: 2021-07-18T09:30:00\nSource: Reuters\nTopics: conflict, war and peace\nPlaces: Spin Boldak, Chaman\n\nBorder crossing *reopens*\n\nCHAMAN, July 18 (Reuters) - Pakistan reopened\nthe crossing on Sunday.\n\nAdvertisement\n\n1984. was a year & <b>bold</b> [x](y)\n\n- first item\n- second item\n\n> a quote\n".to_vec(),
        ),
        ("latin.txt", b"Caf\xe9 talks\n\nThe caf\xe9 reopened.\n".to_vec()),
        (
            "2021-07-19-aid.txt",
            b"Aid convoys wait at the border\n\nTrucks queued at Chaman.\n\nTALIBAN AND KABUL ENVOYS MEET IN DOHA (2h ago)\nThe queue grew.\n".to_vec(),
        ),
        (
            "2021-07-19-doha.txt",
            b"Taliban and Kabul envoys meet in Doha\n\nThe envoys met.\n".to_vec(),
        ),
    ];
    for (name, bytes) in &sources {
        std::fs::write(raw_dir.join("content").join(name), bytes).unwrap();
    }
    let built = |root: &Path, out: &Path| {
        let o = briefing(
            &[
                "build",
                "--root",
                &root.display().to_string(),
                "--output",
                &out.display().to_string(),
                "--quiet",
            ],
            Path::new("."),
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        common::tree_bytes(out)
    };
    let from_text = built(&raw_dir, &tmp.path().join("site-text"));
    // A box of links to another article of the archive goes: its title is known.
    let out = briefing(
        &[
            "extract",
            "--json",
            &raw_dir.join("content").display().to_string(),
        ],
        Path::new("."),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let aid = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|e| e["title"] == "Aid convoys wait at the border")
        .expect("the aid article");
    assert_eq!(aid["text"], "Trucks queued at Chaman.\n\nThe queue grew.");
    assert!(
        aid["removed"].as_array().unwrap().iter().any(|r| r["text"]
            == "TALIBAN AND KABUL ENVOYS MEET IN DOHA (2h ago)"
            && r["reason"] == "related-articles footer"),
        "{aid}"
    );

    let archive = tmp.path().join("imported");
    std::fs::create_dir_all(&archive).unwrap();
    let o = briefing(
        &[
            "import",
            "--root",
            &archive.display().to_string(),
            &raw_dir.join("content").display().to_string(),
        ],
        Path::new("."),
    );
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        stdout.contains("wrote content/2021-07-18-border-crossing-reopens.md"),
        "{stdout}"
    );
    let from_markdown = built(&archive, &tmp.path().join("site-md"));
    let pages = |t: &std::collections::BTreeMap<String, common::Entry>| -> Vec<String> {
        t.keys().cloned().collect()
    };
    assert_eq!(pages(&from_text), pages(&from_markdown));
    assert_eq!(from_text, from_markdown, "the two sites differ");
    // Places are part of it: curated in a header, and detected in the seed.
    for page in [
        "places/chaman.html",
        "places/spin-boldak.html",
        "places/kabul.html",
        "places/asia.html",
    ] {
        assert!(from_text.contains_key(page), "{page} missing");
    }
    let border =
        std::fs::read_to_string(archive.join("content/2021-07-18-border-crossing-reopens.md"))
            .unwrap();
    assert!(
        border.contains("places = [\"Spin Boldak\", \"Chaman\"]\n"),
        "{border}"
    );
    let seed = std::fs::read_dir(archive.join("content"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("2021-07-17-")
        })
        .map(|p| std::fs::read_to_string(p).unwrap())
        .expect("the seed, imported");
    assert!(seed.contains("\nplaces = [\"Kabul\", "), "{seed}");
    assert!(seed.contains("\nplaces_mentioned = ["), "{seed}");

    // A second import refuses to overwrite, and says so; --force replaces.
    let again = briefing(
        &[
            "import",
            "--root",
            &archive.display().to_string(),
            &raw_dir.join("content").display().to_string(),
        ],
        Path::new("."),
    );
    let said = String::from_utf8_lossy(&again.stdout);
    assert_eq!(said.matches("skipped").count(), sources.len(), "{said}");
    assert!(said.contains("exists (--force replaces it)"));
    let forced = briefing(
        &[
            "import",
            "--force",
            "--dry-run",
            "--root",
            &archive.display().to_string(),
            &raw_dir.join("content").display().to_string(),
        ],
        Path::new("."),
    );
    assert_eq!(
        String::from_utf8_lossy(&forced.stdout)
            .matches("would write")
            .count(),
        sources.len()
    );
}
