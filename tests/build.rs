//! Integration tests for `briefing build`: they run the binary on the small archives in
//! `tests/fixtures/` and check what a user would see: the pages written, links that
//! resolve, text that is escaped, errors that name the file and line, and an output folder
//! that a failed, refused or killed build leaves exactly as it was.

mod common;

use common::{
    Entry, Page, Run, article_pages, assert_file, assert_links_resolve, assert_no_file,
    assert_same_tree, briefing, build_fixture, copy_fixture, files_ending, fixture, link_check,
    run_build, tags, tempdir, text_of, tree_bytes,
};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::Stdio;
use std::thread;
use std::time::{Duration, Instant};

// The articles of `tests/fixtures/basic`, oldest first. Five share the topic "Security",
// which with `per_page = 2` makes three topic pages.
const ZURICH: &str = "articles/zurich-talks.html"; // 2021-05-04
const OFFENSIVE: &str = "articles/offensive-in-the-north.html"; // 2021-06-30
const EVACUATION: &str = "articles/france-evacuates-citizens.html"; // 2021-07-16
const DOHA: &str = "articles/taliban-kabul-officials-hold-talks-in-qatar.html"; // 2021-07-17
const BORDER: &str = "articles/border-crossing-reopens-at-spin-boldak.html"; // 2021-07-18
const CEASEFIRE: &str = "articles/eid-ceasefire-announced.html"; // 2021-08-02

const BASIC_ARTICLES: [&str; 6] = [ZURICH, OFFENSIVE, EVACUATION, DOHA, BORDER, CEASEFIRE];

fn set<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> BTreeSet<String> {
    items.into_iter().map(|s| s.as_ref().to_owned()).collect()
}

/// Targets of the `a.article-link` links of a listing page's `ol.article-list`.
fn listed_articles(page: &Page) -> Vec<String> {
    let mut listed = Vec::new();
    for list in page.elements("ol", Some("article-list")) {
        for tag in tags(list.inner) {
            if tag.name == "a" && !tag.closing && tag.has_word("class", "article-link") {
                let href = tag.attr("href").unwrap_or_default();
                listed.extend(page.target(href));
            }
        }
    }
    listed
}

/// The `datetime` values of the `<time>` elements inside the page's `article.article`.
fn article_dates(page: &Page) -> Vec<String> {
    tags(page.element("article", "article").inner)
        .iter()
        .filter(|tag| tag.name == "time" && !tag.closing)
        .filter_map(|tag| tag.attr("datetime").map(str::to_owned))
        .collect()
}

fn paths(pages: &[Page]) -> Vec<&str> {
    pages.iter().map(|page| page.path.as_str()).collect()
}

/// Targets of the page's `<link rel="stylesheet">` elements.
fn stylesheets(page: &Page) -> Vec<String> {
    page.tags
        .iter()
        .filter(|tag| tag.name == "link" && tag.has_word("rel", "stylesheet"))
        .filter_map(|tag| page.target(tag.attr("href").unwrap_or_default()))
        .collect()
}

/// The names of the entries of `dir`.
fn folder_names(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .expect("list folder")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Pages and links

#[test]
fn every_page_kind_is_written() {
    let tmp = tempdir();
    let site = build_fixture("basic", tmp.path());
    let expected = [
        "index.html",
        "topics/index.html",
        "topics/diplomacy.html",
        "topics/security.html",
        "places/index.html",
        "places/doha.html",
        "places/kabul.html",
        "places/kunduz.html",
        "places/spin-boldak.html",
        "places/zurich.html",
        "archive/index.html",
        "archive/2021-05.html",
        "archive/2021-06.html",
        "archive/2021-07.html",
        "archive/2021-08.html",
        "404.html",
        "style.css",
        ".briefing-output",
    ];
    for rel in expected.iter().chain(BASIC_ARTICLES.iter()) {
        assert_file(&site, rel);
    }
    assert_eq!(set(article_pages(&site)), set(BASIC_ARTICLES));
}

#[test]
fn every_page_has_the_stylesheet_site_navigation_main_landmark_and_data_credits() {
    let tmp = tempdir();
    let site = build_fixture("basic", tmp.path());
    let pages = files_ending(&site, ".html");
    assert!(pages.len() > 20, "too few pages: {pages:?}");
    for rel in pages {
        let page = Page::open(&site, &rel);
        let html_tag = page.elements("html", None);
        assert_eq!(
            html_tag.first().and_then(|html| html.tag.attr("lang")),
            Some("en"),
            "{rel}: <html lang>"
        );
        let linked = stylesheets(&page);
        assert!(
            linked.iter().any(|css| css == "style.css"),
            "{rel}: no stylesheet link to style.css ({linked:?})"
        );
        assert!(
            page.tags.iter().any(|tag| tag.name == "a"
                && tag.has_word("class", "skip-link")
                && tag.attr("href") == Some("#main")),
            "{rel}: no skip link to #main"
        );
        assert!(
            page.tags
                .iter()
                .any(|tag| tag.name == "main" && tag.attr("id") == Some("main")),
            "{rel}: no <main id=\"main\">"
        );
        assert!(
            !page.elements("header", Some("site-header")).is_empty(),
            "{rel}: no header.site-header"
        );
        let footer = page.element("footer", "site-footer");
        // GeoNames' licence (CC BY 4.0) asks for credit wherever its data is shown.
        let credits: Vec<&str> = tags(footer.inner)
            .iter()
            .filter(|tag| tag.name == "a" && !tag.closing)
            .filter_map(|tag| tag.attr("href"))
            .map(|href| {
                if href.starts_with("https://www.geonames.org") {
                    "geonames"
                } else if href.starts_with("https://creativecommons.org/licenses/by/4.0") {
                    "licence"
                } else if href.starts_with("https://www.naturalearthdata.com") {
                    "natural earth"
                } else {
                    "other"
                }
            })
            .filter(|credit| *credit != "other")
            .collect();
        assert_eq!(
            credits,
            ["geonames", "licence", "natural earth"],
            "{rel}: the footer's credits"
        );
        assert!(
            footer.text().contains("CC BY 4.0"),
            "{rel}: {}",
            footer.text()
        );
        let nav = page
            .elements("nav", None)
            .into_iter()
            .find(|nav| nav.tag.attr("aria-label") == Some("Site"))
            .unwrap_or_else(|| panic!("{rel}: no <nav aria-label=\"Site\">"));
        let mut nav_targets = page.link_targets_in(nav.inner);
        // The home link may sit next to the nav, in the header.
        nav_targets.extend(page.link_targets_within("header", "site-header"));
        for target in [
            "index.html",
            "topics/index.html",
            "places/index.html",
            "archive/index.html",
        ] {
            assert!(
                nav_targets.iter().any(|t| t == target),
                "{rel}: site navigation does not link to {target} ({nav_targets:?})"
            );
        }
    }
}

#[test]
fn article_page_shows_its_metadata_and_links_to_topics_places_and_neighbours() {
    let tmp = tempdir();
    let site = build_fixture("basic", tmp.path());
    let page = Page::open(&site, DOHA);

    assert_eq!(
        page.text_of_first("h1"),
        "Taliban, Kabul officials hold talks in Qatar"
    );
    assert!(
        article_dates(&page).iter().any(|d| d == "2021-07-17"),
        "no <time datetime=\"2021-07-17\"> in {:?}",
        article_dates(&page)
    );
    assert!(page.element("article", "article").text().contains("AFP"));
    assert!(
        page.element("div", "article-body")
            .text()
            .contains("met in Doha for talks on Saturday")
    );
    assert_eq!(
        set(page.link_targets_within("ul", "topics")),
        set(["topics/diplomacy.html", "topics/security.html"])
    );
    assert_eq!(
        set(page.link_targets_within("ul", "places")),
        set(["places/doha.html", "places/kabul.html"])
    );

    // The neighbours in date order are France (07-16) and the border (07-18).
    let prev = page.rel_target_within("nav", "prev-next", "prev");
    let next = page.rel_target_within("nav", "prev-next", "next");
    let neighbours: BTreeSet<_> = prev.iter().chain(next.iter()).cloned().collect();
    assert_eq!(neighbours, set([EVACUATION, BORDER]));
    let older = if prev.as_deref() == Some(EVACUATION) {
        "prev"
    } else {
        "next"
    };
    let newer = if older == "prev" { "next" } else { "prev" };

    // The oldest and the newest article each have one neighbour, in the same direction.
    let oldest = Page::open(&site, ZURICH);
    assert_eq!(oldest.rel_target_within("nav", "prev-next", older), None);
    assert_eq!(
        oldest
            .rel_target_within("nav", "prev-next", newer)
            .as_deref(),
        Some(OFFENSIVE)
    );
    let newest = Page::open(&site, CEASEFIRE);
    assert_eq!(newest.rel_target_within("nav", "prev-next", newer), None);
    assert_eq!(
        newest
            .rel_target_within("nav", "prev-next", older)
            .as_deref(),
        Some(BORDER)
    );
}

#[test]
fn topic_pages_list_their_articles_and_the_topic_index_lists_topics() {
    let tmp = tempdir();
    let site = build_fixture("basic", tmp.path());

    let diplomacy = Page::open(&site, "topics/diplomacy.html");
    assert_eq!(set(listed_articles(&diplomacy)), set([DOHA, ZURICH]));

    let index = Page::open(&site, "topics/index.html");
    index.assert_links_to("topics/diplomacy.html");
    index.assert_links_to("topics/security.html");
}

#[test]
fn place_pages_list_their_articles_and_the_place_index_lists_places() {
    let tmp = tempdir();
    let site = build_fixture("basic", tmp.path());

    let spin_boldak = Page::open(&site, "places/spin-boldak.html");
    assert_eq!(listed_articles(&spin_boldak), vec![BORDER.to_owned()]);

    let kabul = Page::listing(&site, "places/kabul.html");
    let listed: Vec<_> = kabul.iter().flat_map(listed_articles).collect();
    assert_eq!(set(&listed), set([DOHA, EVACUATION, CEASEFIRE]));

    let index = Page::open(&site, "places/index.html");
    for place in ["doha", "kabul", "kunduz", "spin-boldak", "zurich"] {
        index.assert_links_to(&format!("places/{place}.html"));
    }
}

#[test]
fn archive_lists_months_and_month_pages_list_their_articles() {
    let tmp = tempdir();
    let site = build_fixture("basic", tmp.path());

    let index = Page::open(&site, "archive/index.html");
    for month in ["2021-05", "2021-06", "2021-07", "2021-08"] {
        index.assert_links_to(&format!("archive/{month}.html"));
    }

    let june = Page::open(&site, "archive/2021-06.html");
    assert_eq!(listed_articles(&june), vec![OFFENSIVE.to_owned()]);

    // Three July articles at two per page: archive/2021-07/page-2.html.
    let july = Page::listing(&site, "archive/2021-07.html");
    assert_eq!(
        paths(&july),
        ["archive/2021-07.html", "archive/2021-07/page-2.html"]
    );
    let listed: Vec<_> = july.iter().flat_map(listed_articles).collect();
    assert_eq!(listed.len(), 3, "{listed:?}");
    assert_eq!(set(&listed), set([EVACUATION, DOHA, BORDER]));
}

#[test]
fn home_page_links_to_the_latest_article() {
    let tmp = tempdir();
    let site = build_fixture("basic", tmp.path());
    let home = Page::open(&site, "index.html");
    assert!(
        listed_articles(&home).iter().any(|a| a == CEASEFIRE),
        "the home page does not list the latest article; it lists {:?}",
        listed_articles(&home)
    );
}

#[test]
fn topic_with_more_articles_than_per_page_is_paginated() {
    let tmp = tempdir();
    let site = build_fixture("basic", tmp.path());

    let pages = Page::listing(&site, "topics/security.html");
    assert_eq!(
        paths(&pages),
        [
            "topics/security.html",
            "topics/security/page-2.html",
            "topics/security/page-3.html"
        ]
    );
    let listed: Vec<_> = pages.iter().flat_map(listed_articles).collect();
    assert_eq!(listed.len(), 5, "{listed:?}");
    assert_eq!(
        set(&listed),
        set([OFFENSIVE, EVACUATION, DOHA, BORDER, CEASEFIRE])
    );
    for page in &pages {
        let count = listed_articles(page).len();
        assert!(
            (1..=2).contains(&count),
            "{} lists {count} articles",
            page.path
        );
    }

    let prev = |page: &Page| page.rel_target_within("nav", "pagination", "prev");
    let next = |page: &Page| page.rel_target_within("nav", "pagination", "next");
    assert_eq!(prev(&pages[0]), None);
    assert_eq!(prev(&pages[1]).as_deref(), Some("topics/security.html"));
    assert_eq!(
        prev(&pages[2]).as_deref(),
        Some("topics/security/page-2.html")
    );
    assert_eq!(next(&pages[2]), None);
    assert_no_file(&site, "topics/security/page-4.html");

    // Two articles at two per page fit on one page.
    assert_no_file(&site, "topics/diplomacy/page-2.html");
}

#[test]
fn every_internal_link_of_a_fixture_site_resolves() {
    let tmp = tempdir();
    let site = build_fixture("basic", tmp.path());
    assert_links_resolve(&site);
}

#[test]
fn every_internal_link_of_the_example_archive_resolves() {
    let tmp = tempdir();
    let site = tmp.path().join("site");
    run_build(Path::new(env!("CARGO_MANIFEST_DIR")), &site, &[]).assert_success();
    assert!(
        !article_pages(&site).is_empty(),
        "the example archive in content/ built no article pages"
    );
    assert_links_resolve(&site);
}

#[test]
fn link_checker_reports_broken_and_absolute_links() {
    // The checker itself must be able to fail: break a built site and look.
    let tmp = tempdir();
    let site = build_fixture("basic", tmp.path());
    let page = site.join("topics/index.html");
    let mut html = fs::read_to_string(&page).expect("read topics/index.html");
    html.push_str(
        r#"<a href="../missing.html">x</a><a href="/index.html">y</a><img src="../articles/">"#,
    );
    fs::write(&page, html).expect("write topics/index.html");
    let problems = link_check(&site);
    assert_eq!(problems.len(), 3, "{problems:#?}");
}

#[test]
fn build_ends_with_a_summary_line_unless_quiet() {
    let tmp = tempdir();
    let root = fixture("basic");

    let run = run_build(&root, &tmp.path().join("loud"), &[]);
    run.assert_success();
    let last = run.stderr.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("built 6 articles into ")
            && last.contains(" pages) in ")
            && last.ends_with('s'),
        "last stderr line: {last:?}"
    );

    let quiet = run_build(&root, &tmp.path().join("quiet"), &["--quiet"]);
    quiet.assert_success();
    assert_eq!(quiet.stderr, "", "--quiet should print nothing here");
}

// ---------------------------------------------------------------------------------------
// Escaping

/// What the default theme itself ships: its `<script ...>` tags and `on*` attributes.
fn theme_markup(tmp: &Path) -> (BTreeSet<String>, BTreeSet<String>) {
    let site = build_fixture("basic", &tmp.join("theme"));
    let mut scripts = BTreeSet::new();
    let mut handlers = BTreeSet::new();
    for rel in files_ending(&site, ".html") {
        let html = fs::read_to_string(site.join(rel)).expect("read page");
        for tag in tags(&html) {
            if tag.name == "script" && !tag.closing {
                scripts.insert(html[tag.start..tag.end].to_owned());
            }
            for (name, _) in &tag.attrs {
                if name.starts_with("on") {
                    handlers.insert(name.clone());
                }
            }
        }
    }
    (scripts, handlers)
}

#[test]
fn raw_html_in_sources_is_shown_as_text_never_as_markup() {
    let tmp = tempdir();
    let (theme_scripts, theme_handlers) = theme_markup(tmp.path());
    let site = build_fixture("hostile", tmp.path());

    for (rel, entry) in tree_bytes(&site) {
        let Entry::File(bytes) = entry else { continue };
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        for needle in [
            "<script>alert",
            "<img src=x onerror",
            "<img src=\"x\" onerror",
        ] {
            assert!(!text.contains(needle), "{rel} contains {needle:?}");
        }
        if !rel.ends_with(".html") {
            continue;
        }
        for tag in tags(&text) {
            if tag.name == "script" && !tag.closing {
                let script = &text[tag.start..tag.end];
                assert!(
                    theme_scripts.iter().any(|s| s.to_lowercase() == script),
                    "{rel}: a <script> the theme does not ship: {script}"
                );
            }
            for (name, value) in &tag.attrs {
                assert!(
                    !name.starts_with("on") || theme_handlers.contains(name),
                    "{rel}: <{} {name}={value:?}> came from the sources",
                    tag.name
                );
            }
            assert!(
                !(tag.name == "img" && tag.attr("src") == Some("x")),
                "{rel}: an <img src=x> came from the sources"
            );
        }
    }

    let script = "<script>alert(1)</script>";
    let img = "<img src=x onerror=alert(1)>";
    for (slug, title) in [
        ("hostile-markdown", format!("{script} Breaking {img}")),
        ("hostile-yaml", format!("{script} Yaml {img}")),
        ("hostile-text", format!("{script} Plain {img}")),
    ] {
        let page = Page::open(&site, &format!("articles/{slug}.html"));
        assert!(
            page.html.contains("&lt;script&gt;alert(1)"),
            "{slug}: no escaped &lt;script&gt; on the page"
        );
        // What the reader sees is the source's text, character for character.
        assert_eq!(page.text_of_first("h1"), title, "{slug}: title");
        let body = page.element("div", "article-body").text();
        assert!(body.contains(script), "{slug}: body text {body:?}");
    }

    let markdown = Page::open(&site, "articles/hostile-markdown.html");
    let body = markdown.element("div", "article-body").text();
    for shown in [img, "<b>bold</b>", "<img src=\"x\" onerror=\"alert(1)\">"] {
        assert!(
            body.contains(shown),
            "markdown body does not show {shown:?}: {body:?}"
        );
    }
    let article = markdown.element("article", "article").text();
    assert!(
        article.contains(&format!("{script} Agency {img}")),
        "source: {article:?}"
    );
    let topics = markdown.element("ul", "topics").text();
    assert!(
        topics.contains(&format!("Security {img}")),
        "topics: {topics:?}"
    );
    let places = markdown.element("ul", "places").text();
    assert!(
        places.contains(&format!("Kabul {img}")),
        "places: {places:?}"
    );

    let text = Page::open(&site, "articles/hostile-text.html");
    let body = text.element("div", "article-body").text();
    assert!(
        body.contains(img),
        "text body does not show {img:?}: {body:?}"
    );
    let places = text.element("ul", "places").text();
    assert!(
        places.contains(&format!("Doha {img}")),
        "places: {places:?}"
    );

    // A title that came from the first line of a .txt file.
    let untitled = article_pages(&site)
        .into_iter()
        .map(|rel| Page::open(&site, &rel))
        .find(|page| page.text_of_first("h1").contains("Title line"))
        .expect("an article page for untitled-hostile.txt");
    assert_eq!(
        untitled.text_of_first("h1"),
        format!("{script} Title line {img}")
    );

    assert_links_resolve(&site);
}

#[test]
fn links_with_a_javascript_scheme_are_never_written() {
    let tmp = tempdir();
    let site = tmp.path().join("site");
    let run = run_build(&fixture("hostile-url"), &site, &[]);
    match run.code() {
        Some(0) => {
            for rel in files_ending(&site, ".html") {
                let html = fs::read_to_string(site.join(&rel)).expect("read page");
                for tag in tags(&html) {
                    for (name, value) in &tag.attrs {
                        let value: String = value
                            .chars()
                            .filter(|c| !c.is_whitespace() && !c.is_control())
                            .collect();
                        assert!(
                            !value.to_lowercase().starts_with("javascript:"),
                            "{rel}: <{} {name}={value:?}>",
                            tag.name
                        );
                    }
                }
            }
        }
        Some(1) => {
            run.assert_stderr_line_starting("error: content/links.md:");
        }
        _ => panic!("unexpected result\n--- stderr:\n{}", run.stderr),
    }
}

// ---------------------------------------------------------------------------------------
// Slugs

fn is_suffixed(rel: &str, base: &str) -> bool {
    rel.strip_prefix(&format!("articles/{base}-"))
        .and_then(|rest| rest.strip_suffix(".html"))
        .is_some_and(|hex| hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[test]
fn articles_with_one_title_get_separate_pages_whose_urls_are_stable() {
    let tmp = tempdir();
    let root = copy_fixture("same-title", tmp.path());
    let site = tmp.path().join("site");
    let plain = "articles/ceasefire-talks-resume.html";
    let body = |rel: &str| Page::open(&site, rel).element("div", "article-body").text();

    run_build(&root, &site, &[]).assert_success();
    let pages = article_pages(&site);
    assert_eq!(pages.len(), 2, "{pages:?}");
    // The earliest article keeps the plain slug although its file sorts last.
    assert!(
        body(plain).contains("First report"),
        "{plain}: {}",
        body(plain)
    );
    let second = pages
        .iter()
        .find(|rel| is_suffixed(rel, "ceasefire-talks-resume"))
        .unwrap_or_else(|| panic!("no page with a 6-hex-digit suffix: {pages:?}"))
        .clone();
    assert!(body(&second).contains("Second report"));

    fs::write(
        root.join("content/m-third.md"),
        "+++\ntitle = \"Ceasefire talks resume\"\ndate = 2021-07-03\n+++\nThird report of the talks.\n",
    )
    .expect("add a third article");
    run_build(&root, &site, &[]).assert_success();
    let pages = article_pages(&site);
    assert_eq!(pages.len(), 3, "{pages:?}");
    assert!(body(plain).contains("First report"));
    assert!(body(&second).contains("Second report"));
    let third = pages
        .iter()
        .find(|rel| *rel != plain && **rel != second)
        .expect("a page for the third article");
    assert!(is_suffixed(third, "ceasefire-talks-resume"), "{third}");
    assert!(body(third).contains("Third report"));
}

#[test]
fn non_ascii_title_is_transliterated_in_the_slug() {
    let tmp = tempdir();
    let site = build_fixture("basic", tmp.path());
    let page = Page::open(&site, ZURICH);
    assert_eq!(page.text_of_first("h1"), "Zürich talks");
    assert_eq!(
        page.link_targets_within("ul", "places"),
        vec!["places/zurich.html".to_owned()]
    );
    assert_file(&site, "places/zurich.html");
}

#[test]
fn front_matter_slug_that_leaves_the_folder_is_an_error() {
    let tmp = tempdir();
    let deep = tmp.path().join("a/b");
    let root = copy_fixture("evil-slug", &deep);
    let absolute = deep.join("absolute-evil");
    fs::write(
        root.join("content/absolute.md"),
        format!(
            "+++\ntitle = \"Absolute\"\nslug = \"{}\"\ndate = 2021-07-17\n+++\nBody.\n",
            absolute.display()
        ),
    )
    .expect("write absolute.md");
    let before = tree_bytes(tmp.path());

    let run = run_build(&root, &deep.join("site"), &[]);
    run.assert_code(1);
    run.assert_stderr_line_starting("error: content/evil.md:");
    run.assert_stderr_line_starting("error: content/absolute.md:");
    assert_same_tree(&before, &tree_bytes(tmp.path()), "the temporary folder");
}

// ---------------------------------------------------------------------------------------
// Errors and warnings

#[test]
fn malformed_front_matter_is_reported_per_file_and_leaves_the_output_untouched() {
    let tmp = tempdir();
    let root = copy_fixture("basic", tmp.path());
    let site = tmp.path().join("site");
    run_build(&root, &site, &[]).assert_success();
    let before = tree_bytes(&site);

    common::copy_dir(&fixture("malformed").join("content"), &root.join("content"));
    let run = run_build(&root, &site, &[]);
    run.assert_code(1);
    for located in [
        "error: content/bad-toml.md:3:",
        "error: content/bad-yaml.md:3:",
        "error: content/bad-date.md:3:",
        "error: content/unknown-key.md:4:",
    ] {
        run.assert_stderr_line_starting(located);
    }
    let unknown = run.stderr_lines_starting("error: content/unknown-key.md:");
    assert!(
        unknown
            .iter()
            .any(|line| line.contains("palces") && line.contains("did you mean `places`")),
        "{unknown:?}"
    );

    assert_same_tree(&before, &tree_bytes(&site), "the previous output");
    let left = folder_names(tmp.path());
    assert_eq!(
        left,
        set(["root", "site"]),
        "a failed build left files behind"
    );
}

#[test]
fn undated_article_builds_with_a_warning_and_is_listed_as_undated() {
    let tmp = tempdir();
    let site = tmp.path().join("site");
    let run = run_build(&fixture("undated"), &site, &[]);
    run.assert_success();
    run.assert_stderr_line_starting("warning: content/no-date.md");

    let undated = Page::open(&site, "archive/undated.html");
    assert_eq!(
        listed_articles(&undated),
        vec!["articles/undated-note.html".to_owned()]
    );
    Page::open(&site, "archive/index.html").assert_links_to("archive/undated.html");
    assert_links_resolve(&site);
}

#[test]
fn windows_1252_text_is_decoded_with_a_warning() {
    let tmp = tempdir();
    let root = tmp.path().join("root");
    fs::create_dir_all(root.join("content")).expect("create content/");
    fs::write(
        root.join("content/cafe.txt"),
        b"Caf\xe9 au lait\n\nThe caf\xe9 owner said \x93yes\x94 on Monday.\n",
    )
    .expect("write cafe.txt");
    let site = tmp.path().join("site");

    let run = run_build(&root, &site, &[]);
    run.assert_success();
    run.assert_stderr_line_starting("warning: content/cafe.txt");
    let page = Page::open(&site, "articles/cafe-au-lait.html");
    assert_eq!(page.text_of_first("h1"), "Café au lait");
    let body = page.element("div", "article-body").text();
    assert!(
        body.contains("The café owner said “yes” on Monday."),
        "{body:?}"
    );
}

#[test]
fn empty_and_binary_sources_are_errors_naming_the_file() {
    let tmp = tempdir();
    let root = tmp.path().join("root");
    fs::create_dir_all(root.join("content")).expect("create content/");
    fs::write(root.join("content/empty.md"), b"").expect("write empty.md");
    fs::write(
        root.join("content/nul.txt"),
        b"Title\n\nSome\0binary\0data\n",
    )
    .expect("write");
    fs::write(
        root.join("content/good.md"),
        "+++\ntitle = \"Good\"\ndate = 2021-07-17\n+++\nBody.\n",
    )
    .expect("write good.md");
    let site = tmp.path().join("site");

    let run = run_build(&root, &site, &[]);
    run.assert_code(1);
    run.assert_stderr_line_starting("error: content/empty.md:");
    run.assert_stderr_line_starting("error: content/nul.txt:");
    assert!(!site.exists(), "a failed build wrote {}", site.display());
}

#[test]
fn unknown_site_toml_key_is_an_error_with_a_suggestion() {
    let tmp = tempdir();
    let site = tmp.path().join("site");
    let run = run_build(&fixture("bad-config"), &site, &[]);
    run.assert_code(1);
    let lines = run.stderr_lines_starting("error: site.toml:2:");
    assert!(
        lines
            .iter()
            .any(|line| line.contains("titel") && line.contains("`title`")),
        "no error naming site.toml:2 suggesting `title`\n--- stderr:\n{}",
        run.stderr
    );
    assert!(!site.exists(), "a failed build wrote {}", site.display());
}

// ---------------------------------------------------------------------------------------
// The output folder

#[test]
fn same_input_gives_byte_identical_output() {
    for name in ["basic", "plain-text", "markdown", "hostile"] {
        let tmp = tempdir();
        let one = tmp.path().join("one");
        let two = tmp.path().join("two");
        run_build(&fixture(name), &one, &[]).assert_success();
        run_build(&fixture(name), &two, &[]).assert_success();
        assert_same_tree(
            &tree_bytes(&one),
            &tree_bytes(&two),
            &format!("two builds of {name}"),
        );
    }
}

fn write_large_archive(root: &Path, count: usize) {
    const TOPICS: [&str; 7] = [
        "Security",
        "Diplomacy",
        "Economy",
        "Health",
        "Education",
        "Disaster",
        "Sport",
    ];
    const PLACES: [&str; 5] = ["Kabul", "Herat", "Kandahar", "Doha", "Islamabad"];
    let content = root.join("content");
    fs::create_dir_all(&content).expect("create content/");
    for i in 0..count {
        let year = 2010 + i / 336;
        let month = 1 + (i / 28) % 12;
        let day = 1 + i % 28;
        let text = format!(
            "+++\ntitle = \"Briefing number {i}\"\ndate = {year}-{month:02}-{day:02}\n\
             topics = [\"{}\"]\nplaces = [\"{}\"]\n+++\n\
             Paragraph one of briefing {i}, with enough words to be a paragraph.\n\n\
             Paragraph two of briefing {i}: officials met and talked.\n",
            TOPICS[i % TOPICS.len()],
            PLACES[i % PLACES.len()],
        );
        fs::write(content.join(format!("article-{i:04}.md")), text).expect("write article");
    }
}

#[test]
fn killed_build_leaves_the_previous_output_untouched() {
    let tmp = tempdir();
    let root = tmp.path().join("root");
    let out = tmp.path().join("out");
    let temporary = tmp.path().join(".out.briefing-new");
    write_large_archive(&root, 3000);
    fs::write(root.join("site.toml"), "title = \"Large archive\"\n").expect("write site.toml");
    run_build(&root, &out, &["--quiet"]).assert_success();
    let before = tree_bytes(&out);

    // One article changes, and so does the site title, which every page shows: a build
    // that wrote into out/ in place would leave some pages changed at any moment.
    let changed = root.join("content/article-0000.md");
    let source = fs::read_to_string(&changed).expect("read article-0000.md");
    fs::write(
        &changed,
        source.replace("Paragraph two", "Changed paragraph"),
    )
    .expect("change article-0000.md");
    fs::write(
        root.join("site.toml"),
        "title = \"Large archive, revised\"\n",
    )
    .expect("write site.toml");

    // What a complete build of the changed archive gives, built elsewhere.
    let elsewhere = tempdir();
    let reference = elsewhere.path().join("out");
    run_build(&root, &reference, &["--quiet"]).assert_success();
    let reference = tree_bytes(&reference);

    // Kill the build as soon as its temporary folder appears (or after 150 ms): out/ must be
    // as it was. Then kill later builds at later moments, until one finishes by itself: out/
    // must always be the previous build or the new one, whole, never a mix.
    let kill_points = [None, Some(250), Some(500), Some(900), Some(1400)];
    for (attempt, kill_at) in kill_points.into_iter().enumerate() {
        let mut child = briefing()
            .args(["build", "--quiet", "--root"])
            .arg(&root)
            .arg("--output")
            .arg(&out)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the build");
        let started = Instant::now();
        loop {
            let due = match kill_at {
                None => temporary.exists() || started.elapsed() >= Duration::from_millis(150),
                Some(ms) => started.elapsed() >= Duration::from_millis(ms),
            };
            if due {
                break;
            }
            thread::sleep(Duration::from_millis(1));
        }
        if let Some(status) = child.try_wait().expect("poll the build") {
            assert!(
                attempt > 0,
                "the build finished ({status}) before it could be killed; make the archive larger"
            );
            break;
        }
        child.kill().expect("SIGKILL the build");
        child.wait().expect("reap the build");
        let after = tree_bytes(&out);
        if attempt > 0 && after == reference {
            continue;
        }
        assert_same_tree(
            &before,
            &after,
            &format!(
                "out/ after a build was killed at {kill_at:?} ms (and it is not the new build either)"
            ),
        );
    }

    run_build(&root, &out, &["--quiet"]).assert_success();
    let left = folder_names(tmp.path());
    assert_eq!(
        left,
        set(["out", "root"]),
        "temporary folders were left behind"
    );
    assert!(
        Page::open(&out, "index.html")
            .html
            .contains("Large archive, revised")
    );
    let page = Page::open(&out, "articles/briefing-number-0.html");
    assert!(
        page.element("div", "article-body")
            .text()
            .contains("Changed paragraph")
    );
}

/// Runs a build into `output` and checks it is refused (exit 2) and changes nothing under
/// `watched`.
fn assert_refused(root: &Path, output: &Path, watched: &Path) -> Run {
    let before = tree_bytes(watched);
    let run = run_build(root, output, &[]);
    assert_eq!(
        run.code(),
        Some(2),
        "--output {} was not refused\n--- stderr:\n{}",
        output.display(),
        run.stderr
    );
    assert!(
        run.stderr.contains("error"),
        "no error message: {}",
        run.stderr
    );
    assert_same_tree(
        &before,
        &tree_bytes(watched),
        &format!("after refusing --output {}", output.display()),
    );
    run
}

/// A copy of `basic` at `<tmp>/a/root`, with a `templates/` and a `static/` folder.
fn archive_with_theme_folders(tmp: &Path) -> std::path::PathBuf {
    let root = copy_fixture("basic", &tmp.join("a"));
    fs::create_dir_all(root.join("templates")).expect("create templates/");
    fs::create_dir_all(root.join("static")).expect("create static/");
    fs::write(root.join("static/robots.txt"), "User-agent: *\n").expect("write robots.txt");
    root
}

#[test]
fn output_folder_that_is_the_root_is_refused() {
    let tmp = tempdir();
    let root = archive_with_theme_folders(tmp.path());
    assert_refused(&root, &root, tmp.path());
    assert_refused(&root, &root.join("content/.."), tmp.path());
}

#[test]
fn output_folder_that_is_content_templates_or_static_is_refused() {
    let tmp = tempdir();
    let root = archive_with_theme_folders(tmp.path());
    for folder in ["content", "templates", "static"] {
        assert_refused(&root, &root.join(folder), tmp.path());
    }
}

#[test]
fn output_folder_that_contains_the_root_is_refused() {
    let tmp = tempdir();
    let root = archive_with_theme_folders(tmp.path());
    assert_refused(&root, &tmp.path().join("a"), tmp.path());
    assert_refused(&root, tmp.path(), tmp.path());
}

#[test]
fn non_empty_output_folder_without_marker_is_refused_unless_forced() {
    let tmp = tempdir();
    let root = fixture("basic");
    let precious = tmp.path().join("precious");
    fs::create_dir_all(&precious).expect("create folder");
    fs::write(precious.join("notes.txt"), "my notes\n").expect("write notes");

    assert_refused(&root, &precious, tmp.path());
    assert_eq!(
        fs::read_to_string(precious.join("notes.txt")).expect("notes.txt still there"),
        "my notes\n"
    );

    run_build(&root, &precious, &["--force"]).assert_success();
    assert_file(&precious, "index.html");
    assert_file(&precious, ".briefing-output");
}

#[test]
fn empty_output_folder_is_accepted() {
    let tmp = tempdir();
    let empty = tmp.path().join("empty");
    fs::create_dir_all(&empty).expect("create folder");
    run_build(&fixture("basic"), &empty, &[]).assert_success();
    assert_file(&empty, "index.html");
}

#[test]
fn article_whose_source_is_deleted_disappears_on_rebuild() {
    let tmp = tempdir();
    let root = copy_fixture("basic", tmp.path());
    let site = tmp.path().join("site");
    run_build(&root, &site, &[]).assert_success();
    assert_file(&site, ZURICH);

    fs::remove_file(root.join("content/zurich.md")).expect("delete zurich.md");
    run_build(&root, &site, &[]).assert_success();
    assert_no_file(&site, ZURICH);
    // Zürich had only this article, and so had May 2021.
    assert_no_file(&site, "places/zurich.html");
    assert_no_file(&site, "archive/2021-05.html");
    let diplomacy = Page::open(&site, "topics/diplomacy.html");
    assert_eq!(listed_articles(&diplomacy), vec![DOHA.to_owned()]);
    assert_links_resolve(&site);
}

// ---------------------------------------------------------------------------------------
// Sources, config and theme

#[test]
fn plain_text_header_block_and_sub_heading_are_understood() {
    let tmp = tempdir();
    let site = build_fixture("plain-text", tmp.path());
    let page = Page::open(&site, BORDER);

    assert_eq!(
        page.text_of_first("h1"),
        "Border crossing reopens at Spin Boldak"
    );
    assert!(
        article_dates(&page).iter().any(|d| d == "2021-07-18"),
        "{:?}",
        article_dates(&page)
    );
    assert!(
        page.element("article", "article")
            .text()
            .contains("Reuters")
    );

    let body = page.element("div", "article-body");
    let headings: Vec<_> = tags(body.inner)
        .into_iter()
        .filter(|tag| {
            !tag.closing && ["h1", "h2", "h3", "h4", "h5", "h6"].contains(&tag.name.as_str())
        })
        .map(|tag| {
            let close = format!("</{}>", tag.name);
            let inner = &body.inner[tag.end..];
            let inner = &inner[..inner.find(&close).unwrap_or(inner.len())];
            format!("<{}>{}", tag.name, text_of(inner))
        })
        .collect();
    assert_eq!(
        headings,
        ["<h2>Relative calm"],
        "headings in the article body"
    );
    let body_text = body.text();
    for header in ["Title:", "Date:", "Source:"] {
        assert!(
            !body_text.contains(header),
            "body shows {header:?}: {body_text}"
        );
    }
    assert!(body_text.starts_with("Pakistan on Saturday"), "{body_text}");
}

#[test]
fn file_name_date_prefix_dates_a_plain_text_article() {
    let tmp = tempdir();
    let site = build_fixture("plain-text", tmp.path());
    let page = Page::open(&site, DOHA);
    assert_eq!(
        page.text_of_first("h1"),
        "Taliban, Kabul officials hold talks in Qatar"
    );
    assert!(
        article_dates(&page).iter().any(|d| d == "2021-07-17"),
        "{:?}",
        article_dates(&page)
    );
    let body = page.element("div", "article-body").text();
    assert!(
        body.starts_with("Representatives of the Afghan government"),
        "{body}"
    );
    let july = Page::listing(&site, "archive/2021-07.html");
    let listed: Vec<_> = july.iter().flat_map(listed_articles).collect();
    assert!(listed.iter().any(|a| a == DOHA), "{listed:?}");
}

#[test]
fn drafts_are_built_only_with_the_drafts_flag() {
    let tmp = tempdir();
    let without = tmp.path().join("without");
    run_build(&fixture("drafts"), &without, &[]).assert_success();
    assert_file(&without, "articles/published-report.html");
    assert_no_file(&without, "articles/secret-plan.html");
    for (rel, entry) in tree_bytes(&without) {
        if let Entry::File(bytes) = entry {
            assert!(
                !String::from_utf8_lossy(&bytes).contains("Secret plan"),
                "{rel} mentions the draft"
            );
        }
    }

    let with = tmp.path().join("with");
    run_build(&fixture("drafts"), &with, &["--drafts"]).assert_success();
    assert_file(&with, "articles/secret-plan.html");
}

#[test]
fn pretty_urls_give_folders_and_links_still_resolve() {
    let tmp = tempdir();
    let root = copy_fixture("basic", tmp.path());
    let config = fs::read_to_string(root.join("site.toml")).expect("read site.toml");
    fs::write(
        root.join("site.toml"),
        format!("{config}url_style = \"pretty\"\n"),
    )
    .expect("write site.toml");
    let site = tmp.path().join("site");
    run_build(&root, &site, &[]).assert_success();

    for article in BASIC_ARTICLES {
        let folder = article.trim_end_matches(".html");
        assert_file(&site, &format!("{folder}/index.html"));
        assert_no_file(&site, article);
    }
    for rel in [
        "topics/security/index.html",
        "topics/security/page/2/index.html",
        "topics/security/page/3/index.html",
        "places/spin-boldak/index.html",
        "archive/2021-07/index.html",
        "index.html",
        "404.html",
    ] {
        assert_file(&site, rel);
    }
    assert_links_resolve(&site);

    let home = Page::open(&site, "index.html");
    let hrefs: Vec<_> = home
        .tags
        .iter()
        .filter(|tag| tag.name == "a" && tag.has_word("class", "article-link"))
        .filter_map(|tag| tag.attr("href"))
        .collect();
    assert!(!hrefs.is_empty(), "the home page lists no articles");
    for href in hrefs {
        assert!(
            href.ends_with('/'),
            "article link {href:?} does not point to a folder"
        );
    }
}

#[test]
fn site_templates_override_the_default_theme_file_by_file() {
    let tmp = tempdir();
    let site = build_fixture("custom-templates", tmp.path());

    let article = Page::open(&site, "articles/overridden-article.html");
    assert!(
        article
            .html
            .contains(r#"<p class="custom">CUSTOM Overridden article</p>"#),
        "the site's templates/article.html was not used"
    );
    let main = &article.elements("main", None)[0];
    assert!(
        !main
            .inner
            .contains("The default theme would show this body."),
        "the default article template was used: {}",
        main.inner
    );
    assert!(!article.elements("header", Some("site-header")).is_empty());

    for rel in ["index.html", "topics/diplomacy.html", "archive/index.html"] {
        let page = Page::open(&site, rel);
        assert!(
            !page.html.contains("CUSTOM"),
            "{rel} uses the article template"
        );
        assert!(
            !page.elements("header", Some("site-header")).is_empty(),
            "{rel}"
        );
    }
    let home = Page::open(&site, "index.html");
    assert_eq!(
        listed_articles(&home),
        vec!["articles/overridden-article.html".to_owned()]
    );
}

#[test]
fn markdown_tables_footnotes_strikethrough_and_highlighted_code() {
    let tmp = tempdir();
    let site = build_fixture("markdown", tmp.path());
    let page = Page::open(&site, "articles/markdown-features.html");
    let body = page.element("div", "article-body");
    let body_tags = tags(body.inner);

    assert!(
        body_tags.iter().any(|tag| tag.name == "table"),
        "no <table> in the body"
    );
    let cells: Vec<_> = page
        .elements("td", None)
        .iter()
        .map(|td| td.text())
        .collect();
    assert!(cells.iter().any(|c| c == "Kandahar"), "{cells:?}");

    let struck: Vec<_> = page
        .elements("del", None)
        .iter()
        .map(|d| d.text())
        .collect();
    assert_eq!(struck, ["cancelled"]);

    // A footnote reference is a link to an element of the same page holding the note.
    let fragments: Vec<_> = body_tags
        .iter()
        .filter(|tag| tag.name == "a")
        .filter_map(|tag| tag.attr("href")?.strip_prefix('#'))
        .collect();
    assert!(!fragments.is_empty(), "no footnote reference link");
    let noted = fragments.iter().any(|id| {
        page.tags
            .iter()
            .position(|tag| !tag.closing && tag.attr("id") == Some(id))
            .is_some_and(|at| {
                text_of(&page.html[page.tags[at].start..]).contains("Reported by a news wire")
            })
    });
    assert!(
        noted,
        "no footnote target holding the note; fragments {fragments:?}"
    );
    assert!(body.inner.contains("footnote"), "no footnote markup");

    let code = page
        .elements("pre", None)
        .into_iter()
        .next()
        .expect("a <pre> code block");
    assert!(
        code.text().contains(r#"let talks = "resumed";"#),
        "code text changed: {}",
        code.text()
    );
    let highlighted = tags(code.inner)
        .iter()
        .filter(|tag| tag.name == "span" && tag.attr("class").is_some_and(|c| !c.is_empty()))
        .count();
    assert!(
        highlighted >= 3,
        "{highlighted} highlighted spans in the code block"
    );

    assert_file(&site, "highlight.css");
    let linked = stylesheets(&page);
    assert!(
        linked.iter().any(|css| css == "highlight.css"),
        "the page with code does not link highlight.css: {linked:?}"
    );
    let plain = Page::open(&site, "articles/no-code-here.html");
    assert_eq!(stylesheets(&plain), ["style.css"], "a page without code");
    assert_links_resolve(&site);
}

#[test]
fn article_page_main_element_matches_the_reviewed_snapshot() {
    // A change to the default theme's article page shows up here; review it, then accept it
    // with `cargo insta review` (or INSTA_UPDATE=always).
    let tmp = tempdir();
    let site = build_fixture("basic", tmp.path());
    let page = Page::open(&site, DOHA);
    let main = page
        .elements("main", None)
        .into_iter()
        .next()
        .expect("a <main> element");
    insta::assert_snapshot!("article_main", main.inner.trim());
}
