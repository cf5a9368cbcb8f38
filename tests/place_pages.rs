//! Place pages, seen through `briefing build` on `tests/fixtures/places`: a town and its
//! country, places detected in a plain-text source, curated places (known, unknown, hostile,
//! excluded), two places of one name, and the place tree.

#[allow(dead_code)] // shared with tests/build.rs, which uses the rest
mod common;

use common::{
    Page, assert_file, assert_links_resolve, assert_no_file, copy_fixture, run_build, tags, tempdir,
};
use std::path::{Path, PathBuf};

// The articles of `tests/fixtures/places`.
const TOWN: &str = "articles/border-crossing-reopens-at-spin-boldak.html"; // Spin Boldak; India in passing
const COUNTRY: &str = "articles/new-cabinet-named.html"; // Afghanistan
const KABUL: &str = "articles/talks-resume-in-kabul.html"; // plain text, places detected
const NEIGHBOURS: &str = "articles/pakistan-reopens-its-consulate.html"; // Pakistan; Kandahar in passing
const TRUCKS: &str = "articles/trucks-wait-at-the-border.html"; // detected, Chaman excluded
const CAMP: &str = "articles/supplies-reach-the-camp.html"; // Camp Nowhere, unknown
const HOSTILE: &str = "articles/a-place-with-a-hostile-name.html";
const TBILISI: &str = "articles/protests-in-tbilisi.html"; // Georgia, the country
const ATLANTA: &str = "articles/atlanta-votes.html"; // Georgia, US
const ENVOY: &str = "articles/envoy-leaves-for-talks.html"; // "U.S."
const TROOPS: &str = "articles/troops-leave-the-base.html"; // "United States"

fn build(tmp: &Path) -> PathBuf {
    let site = tmp.join("site");
    run_build(&common::fixture("places"), &site, &[]).assert_success();
    site
}

/// The articles a place lists, over all its pages: those about it, and those naming it in
/// passing (the `ol.article-list.mentions`), each in page order.
fn listed(site: &Path, place: &str) -> (Vec<String>, Vec<String>) {
    let (mut about, mut passing) = (Vec::new(), Vec::new());
    for page in Page::listing(site, &format!("places/{place}.html")) {
        for list in page.elements("ol", Some("article-list")) {
            let into = if list.tag.has_word("class", "mentions") {
                &mut passing
            } else {
                &mut about
            };
            for tag in tags(list.inner) {
                if tag.name == "a" && !tag.closing && tag.has_word("class", "article-link") {
                    into.extend(page.target(tag.attr("href").unwrap_or_default()));
                }
            }
        }
    }
    (about, passing)
}

fn sorted(mut items: Vec<String>) -> Vec<String> {
    items.sort();
    items
}

fn strings(items: &[&str]) -> Vec<String> {
    sorted(items.iter().map(|s| s.to_string()).collect())
}

#[test]
fn a_country_lists_its_towns_articles_and_a_town_only_its_own() {
    let tmp = tempdir();
    let site = build(tmp.path());

    let (about, passing) = listed(&site, "afghanistan");
    assert_eq!(sorted(about), strings(&[COUNTRY, TOWN, KABUL]));
    // Kandahar, named in passing, is in Afghanistan: the country is named in passing too.
    assert_eq!(passing, [NEIGHBOURS]);

    assert_eq!(listed(&site, "spin-boldak"), (strings(&[TOWN]), Vec::new()));
    assert_eq!(
        listed(&site, "kandahar"),
        (strings(&[TOWN]), strings(&[NEIGHBOURS]))
    );
    // No article names Asia or Kandahar's province by name, yet both have pages.
    let (asia, _) = listed(&site, "asia");
    for article in [COUNTRY, TOWN, KABUL, NEIGHBOURS] {
        assert!(
            asia.iter().any(|a| a == article),
            "{article} not on Asia's page"
        );
    }
}

#[test]
fn a_place_page_lists_the_articles_about_it_before_those_naming_it_in_passing() {
    let tmp = tempdir();
    let site = build(tmp.path());
    let page = Page::open(&site, "places/kandahar.html");
    let about = page.html.find(TOWN).expect("the town's article");
    let passing = page.html.find(NEIGHBOURS).expect("the neighbour's article");
    assert!(about < passing);
    assert_eq!(
        page.element("section", "listing")
            .text()
            .matches("Also mentioned in")
            .count(),
        1
    );
    assert_eq!(listed(&site, "india"), (Vec::new(), strings(&[TOWN])));
}

#[test]
fn breadcrumbs_and_sub_places_link_to_pages_that_exist() {
    let tmp = tempdir();
    let site = build(tmp.path());
    let town = Page::open(&site, "places/spin-boldak.html");
    assert_eq!(
        town.link_targets_within("nav", "breadcrumb"),
        [
            "places/index.html",
            "places/asia.html",
            "places/afghanistan.html",
            "places/kandahar.html"
        ]
    );
    for target in town.link_targets_within("nav", "breadcrumb") {
        town.assert_links_to(&target);
    }
    assert_eq!(town.text_of_first("h1"), "Spin Boldak");
    assert!(
        town.element("p", "kicker")
            .text()
            .contains("Kandahar, Afghanistan")
    );

    let country = Page::open(&site, "places/afghanistan.html");
    let sidebar = country.link_targets_within("aside", "sidebar");
    for sub_place in ["places/kandahar.html", "places/kabul-af-region.html"] {
        assert!(sidebar.iter().any(|t| t == sub_place), "{sidebar:?}");
        country.assert_links_to(sub_place);
    }
    // Its most frequent topics.
    assert!(
        sidebar.iter().any(|t| t == "topics/politics.html"),
        "{sidebar:?}"
    );
    assert_links_resolve(&site);
}

#[test]
fn an_article_page_links_its_places_about_ones_first() {
    let tmp = tempdir();
    let site = build(tmp.path());
    let town = Page::open(&site, TOWN);
    assert_eq!(
        town.link_targets_within("ul", "places"),
        ["places/spin-boldak.html", "places/india.html"]
    );
    let classes: Vec<String> = tags(town.element("ul", "places").inner)
        .into_iter()
        .filter(|t| t.name == "li" && !t.closing)
        .map(|t| t.attr("class").unwrap_or_default().to_string())
        .collect();
    assert_eq!(classes, ["about", "passing"]);

    // The plain-text source's places were detected: its dateline makes it about Kabul.
    let kabul = Page::open(&site, KABUL);
    kabul.assert_links_to("places/kabul.html");
    assert_eq!(listed(&site, "kabul").0, [KABUL]);
}

#[test]
fn an_excluded_place_gets_no_page_and_without_the_exclusion_it_would() {
    let tmp = tempdir();
    let site = build(tmp.path());
    assert_no_file(&site, "places/chaman.html");
    assert!(!Page::open(&site, TRUCKS).links_to("places/chaman.html"));

    let root = copy_fixture("places", tmp.path());
    let source = root.join("content/excluded.md");
    let text = std::fs::read_to_string(&source).expect("read the fixture");
    let without: String = text
        .lines()
        .filter(|line| !line.starts_with("places_exclude"))
        .map(|line| format!("{line}\n"))
        .collect();
    std::fs::write(&source, without).expect("write the fixture");
    let site = tmp.path().join("site-without");
    run_build(&root, &site, &[]).assert_success();
    assert_file(&site, "places/chaman.html");
    let (about, passing) = listed(&site, "chaman");
    assert_eq!([about, passing].concat(), [TRUCKS]);
}

#[test]
fn a_curated_place_the_gazetteer_lacks_gets_a_page_and_a_warning_naming_the_file() {
    let tmp = tempdir();
    let site = tmp.path().join("site");
    let run = run_build(&common::fixture("places"), &site, &[]);
    run.assert_success();
    let warnings = run.stderr_lines_starting("warning: content/unknown.md:");
    assert_eq!(warnings.len(), 1, "{}", run.stderr);
    assert!(
        warnings[0].contains("`Camp Nowhere` is not in the gazetteer"),
        "{}",
        warnings[0]
    );
    assert_eq!(listed(&site, "camp-nowhere").0, [CAMP]);
    let index = Page::open(&site, "places/index.html");
    assert!(
        index
            .link_targets_within("section", "unlocated")
            .contains(&"places/camp-nowhere.html".to_string())
    );
    // Without a place in the gazetteer, there is no chain to show.
    let camp = Page::open(&site, "places/camp-nowhere.html");
    assert_eq!(
        camp.link_targets_within("nav", "breadcrumb"),
        ["places/index.html"]
    );
}

#[test]
fn hostile_place_names_are_shown_as_text() {
    let tmp = tempdir();
    let site = build(tmp.path());
    let script = "<script>alert(1)</script> Town";
    let quoted = "Camp \"Quoted\" <b>bold</b> & co";
    let article = Page::open(&site, HOSTILE);
    let places = article.element("ul", "places").text();
    assert!(
        places.contains(script) && places.contains(quoted),
        "{places}"
    );

    let mut pages = vec![article, Page::open(&site, "places/index.html")];
    for target in pages[0].link_targets_within("ul", "places") {
        pages.push(Page::open(&site, &target));
    }
    assert_eq!(pages.len(), 4);
    let names: Vec<String> = pages[2..].iter().map(|p| p.text_of_first("h1")).collect();
    assert_eq!(names, [script, quoted]);
    for (n, page) in pages.iter().enumerate() {
        assert!(!page.html.contains("<script>alert"), "{}", page.path);
        assert!(!page.html.contains("<b>bold"), "{}", page.path);
        if n != 3 {
            assert!(
                page.html.contains("&lt;script&gt;alert(1)"),
                "{}",
                page.path
            );
        }
        if n != 2 {
            assert!(page.html.contains("&lt;b&gt;bold"), "{}", page.path);
        }
    }
}

#[test]
fn two_places_of_one_name_get_two_pages_and_one_place_one_page() {
    let tmp = tempdir();
    let site = build(tmp.path());
    assert_eq!(listed(&site, "georgia").0, [TBILISI]);
    assert_eq!(listed(&site, "georgia-us").0, [ATLANTA]);
    let state = Page::open(&site, "places/georgia-us.html");
    assert_eq!(state.text_of_first("h1"), "Georgia");
    assert!(
        state
            .element("p", "kicker")
            .text()
            .contains("United States")
    );
    assert!(state.links_to("places/north-america.html"));

    // "U.S." and "United States" are one place, which also holds its state's article.
    assert_eq!(
        sorted(listed(&site, "united-states").0),
        strings(&[ENVOY, TROOPS, ATLANTA])
    );
    assert_no_file(&site, "places/u-s.html");
}

#[test]
fn the_place_index_is_a_tree_of_continents_countries_regions_and_towns() {
    let tmp = tempdir();
    let site = build(tmp.path());
    let index = Page::open(&site, "places/index.html");
    let asia = index
        .elements("section", Some("tree-root"))
        .into_iter()
        .find(|s| s.text().starts_with("Asia"))
        .expect("a section for Asia");
    let details = tags(asia.inner);
    assert!(details.iter().any(|t| t.name == "details"));
    // Afghanistan's branch holds its region and town, not Pakistan's.
    let branch = index
        .elements("details", None)
        .into_iter()
        .find(|d| {
            index
                .link_targets_in(d.inner)
                .first()
                .is_some_and(|t| t == "places/afghanistan.html")
        })
        .expect("a branch for Afghanistan");
    let targets = index.link_targets_in(branch.inner);
    for place in ["kandahar", "spin-boldak", "kabul-af-region", "kabul"] {
        assert!(
            targets.contains(&format!("places/{place}.html")),
            "{place} not under Afghanistan: {targets:?}"
        );
    }
    assert!(!targets.contains(&"places/pakistan.html".to_string()));
    // Counts: three articles about Afghanistan, one naming Kandahar in passing.
    assert!(
        branch.text().starts_with("Afghanistan 4"),
        "{}",
        branch.text()
    );
}

#[test]
fn a_place_keeps_its_page_when_other_articles_come_and_go() {
    let tmp = tempdir();
    let root = copy_fixture("places", tmp.path());
    std::fs::remove_file(root.join("content/georgia-country.md")).expect("remove an article");
    let site = tmp.path().join("site");
    run_build(&root, &site, &[]).assert_success();
    assert_no_file(&site, "places/georgia.html");
    assert_eq!(listed(&site, "georgia-us").0, [ATLANTA]);
}

#[test]
fn pretty_urls_give_place_folders_whose_links_resolve() {
    let tmp = tempdir();
    let root = copy_fixture("places", tmp.path());
    let config = root.join("site.toml");
    let mut text = std::fs::read_to_string(&config).expect("read site.toml");
    text.push_str("url_style = \"pretty\"\n");
    std::fs::write(&config, text).expect("write site.toml");
    let site = tmp.path().join("site");
    run_build(&root, &site, &[]).assert_success();
    let town = Page::open(&site, "places/spin-boldak/index.html");
    assert_eq!(
        town.link_targets_within("nav", "breadcrumb"),
        [
            "places/index.html",
            "places/asia/index.html",
            "places/afghanistan/index.html",
            "places/kandahar/index.html"
        ]
    );
    assert_links_resolve(&site);
}
