//! Place detection seen through `briefing extract --json`: the seed article's places, and
//! mentions whose offsets point at the text in the file.

use std::path::Path;
use std::process::Command;

const SEED: &str = "content/2021-07-17-taliban-kabul-talks-qatar.txt";

fn extract_json(file: &Path) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["extract", "--json", &file.display().to_string()])
        .output()
        .expect("run briefing");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(String::from_utf8(out.stdout).expect("utf-8").trim()).expect("JSON")
}

#[test]
fn the_seed_articles_places_are_found_and_nothing_else() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    let e = extract_json(&seed);
    let places = e["places"].as_array().expect("places");
    let names: Vec<&str> = places.iter().map(|p| p["name"].as_str().unwrap()).collect();
    for expected in [
        "Doha",
        "Qatar",
        "Kabul",
        "Afghanistan",
        "Pakistan",
        "Islamabad",
        "Spin Boldak",
        "Balochistan",
        "Turkmenistan",
        "India",
        "China",
        "Germany",
        "Canada",
        "France",
        "United States",
    ] {
        assert!(
            names.contains(&expected),
            "{expected} missing from {names:?}"
        );
    }
    assert_eq!(names.len(), 15, "only the article's places: {names:?}");

    let raw: Vec<char> = std::fs::read_to_string(&seed).unwrap().chars().collect();
    for place in places {
        assert!(place["lat"].is_number() && place["lon"].is_number());
        assert_eq!(place["country"].as_str().map(str::len), Some(2), "{place}");
        for m in place["mentions"].as_array().unwrap() {
            let (start, end) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
            let text: String = raw[start as usize..end as usize].iter().collect();
            assert_eq!(
                text,
                m["text"].as_str().unwrap(),
                "offsets point at the mention"
            );
            for not_a_place in [
                "Jazeera", "Quran", "Eid", "Abdullah", "Karzai", "Baradar", "Dostum", "Naeem",
                "Anwari", "Tayyab",
            ] {
                assert!(!text.contains(not_a_place), "{text} taken for a place");
            }
        }
    }
    let place = |name: &str| places.iter().find(|p| p["name"] == name).unwrap();
    // The article is about Afghanistan and the talks in Doha; India is named in passing.
    assert_eq!(place("Afghanistan")["about"], true);
    assert_eq!(place("Doha")["about"], true);
    assert_eq!(place("India")["about"], false);
    // Demonyms count for their country.
    let afghanistan: Vec<&str> = place("Afghanistan")["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["text"].as_str().unwrap())
        .collect();
    assert!(afghanistan.contains(&"Afghan"), "{afghanistan:?}");
    // Every place knows its chain.
    assert_eq!(
        place("Spin Boldak")["parents"],
        serde_json::json!(["Kandahar", "Afghanistan", "Asia"])
    );
    assert!(place("Spin Boldak")["geonames_id"].is_u64());
}

#[test]
fn the_report_lists_the_places() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["extract", &seed.display().to_string()])
        .output()
        .expect("run briefing");
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains("places (15):"), "{report}");
    assert!(
        report.contains("Spin Boldak < Kandahar < Afghanistan < Asia"),
        "{report}"
    );
}
