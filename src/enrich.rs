//! The enrich stage: what the machine adds to a parsed article, curated front matter winning.
//!
//! Takes an [`Article`], its source text and (for plain text) the conversion behind it; gives
//! its places: the ones its source lists (`places`, `places_mentioned`) resolved in the
//! gazetteer, else the ones detection finds, minus `places_exclude`. `briefing build`,
//! `extract` and `import` all come through here, so the three agree on every article.

use crate::convert::Conversion;
use crate::gazetteer::Gazetteer;
use crate::load::{Source, SourceKind};
use crate::parse::Article;
use crate::places::{self, Document, FoundPlace, Settings};

/// An article with what enrichment found for it.
#[derive(Debug, Clone, Default)]
pub struct Enriched {
    /// The article as parsed.
    pub article: Article,
    /// Its places, in the order of their first mention (curated ones in the curator's order),
    /// each marked `about` or not.
    pub places: Vec<FoundPlace>,
}

/// The places of one article and the warnings for its source (curated places the gazetteer
/// does not know). `conversion` is the conversion of a plain-text source, `None` for markdown.
///
/// A curated list replaces detection: `places` are the places the article is about,
/// `places_mentioned` those it names in passing (a place in both is about); an empty list
/// means none. Otherwise detection decides, and `places_exclude` removes its false hits.
pub fn places(
    gazetteer: &Gazetteer,
    settings: &Settings,
    source: &Source,
    article: &Article,
    conversion: Option<&Conversion>,
) -> (Vec<FoundPlace>, Vec<String>) {
    let about = article.places.as_deref().unwrap_or_default();
    let mentioned = article.places_mentioned.as_deref().unwrap_or_default();
    if article.places_curated() && about.is_empty() && mentioned.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let mut document = match (source.kind, conversion) {
        (SourceKind::Text, Some(conversion)) => Document::of_text(&source.text, conversion),
        _ => Document::of_markdown(&source.text, body_offset(&source.text), &article.title),
    };
    document.date = article.date;
    // A place in both lists is named once (curate keeps a repeated unknown name twice).
    let mut curated: Vec<String> = Vec::new();
    for reference in about.iter().chain(mentioned) {
        if !curated.iter().any(|c| c.trim() == reference.trim()) {
            curated.push(reference.clone());
        }
    }
    let (mut found, warnings) = places::curate(
        gazetteer,
        settings,
        &document,
        &curated,
        &article.places_exclude,
    );
    if !mentioned.is_empty() {
        let about_ids: Vec<_> = about
            .iter()
            .filter_map(|r| places::resolve_curated(gazetteer, r, &found))
            .collect();
        let passing: Vec<_> = mentioned
            .iter()
            .map(|r| (places::resolve_curated(gazetteer, r, &found), r.trim()))
            .collect();
        for place in &mut found {
            let in_passing = match place.place {
                Some(id) => passing.iter().any(|p| p.0 == Some(id)) && !about_ids.contains(&id),
                None => {
                    passing.iter().any(|p| p.0.is_none() && p.1 == place.name)
                        && !about.iter().any(|r| r.trim() == place.name)
                }
            };
            if in_passing {
                place.about = false;
            }
        }
    }
    // Curated places, like detected ones, are in the country they were in on the article's
    // date (Moscow in 1987: the Soviet Union).
    if let Some(date) = article.date {
        for place in &mut found {
            if let Some(code) = place
                .country
                .as_deref()
                .and_then(|c| places::former_state_on(gazetteer, c, date))
            {
                place.country = Some(code.to_string());
            }
        }
    }
    (found, warnings)
}

/// Where the body of a markdown source starts, in bytes: after its front matter's closing
/// fence, or at the start when it has none.
pub fn body_offset(text: &str) -> usize {
    let first = text.lines().next().unwrap_or("").trim_end();
    let fence = match first {
        "+++" | "---" => first,
        _ => return 0,
    };
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        offset += line.len();
        let t = line.trim_end();
        if i > 0 && (t == fence || (fence == "---" && t == "...")) {
            return offset;
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markdown(text: &str) -> (Vec<FoundPlace>, Vec<String>) {
        let source = Source {
            path: "content/a.md".into(),
            kind: SourceKind::Markdown,
            text: text.into(),
        };
        let (article, _) = crate::parse::parse(&source).unwrap();
        places(
            Gazetteer::get(),
            &Settings::default(),
            &source,
            &article,
            None,
        )
    }

    fn names(found: &[FoundPlace]) -> Vec<(&str, bool)> {
        found.iter().map(|p| (p.name.as_str(), p.about)).collect()
    }

    const BODY: &str = "KABUL - Officials in Kabul said the talks in Kabul would go on, and that \
                        Kabul expected an answer from Islamabad.\n";

    #[test]
    fn detection_runs_when_nothing_is_curated() {
        let (found, warnings) = markdown(&format!("+++\ntitle = \"Talks\"\n+++\n{BODY}"));
        assert!(warnings.is_empty());
        let kabul = found.iter().find(|p| p.name == "Kabul").expect("Kabul");
        assert!(kabul.about);
        assert!(found.iter().any(|p| p.name == "Islamabad" && !p.about));
    }

    #[test]
    fn curated_lists_replace_detection_and_say_what_is_passing() {
        let (found, warnings) = markdown(&format!(
            "+++\ntitle = \"Talks\"\nplaces = [\"Doha\", \"Camp Nowhere\"]\nplaces_mentioned = [\"Kabul\", \"Camp Nowhere\", \"Georgia, US\"]\n+++\n{BODY}"
        ));
        assert_eq!(
            names(&found),
            [
                ("Doha", true),
                ("Camp Nowhere", true),
                ("Kabul", false),
                ("Georgia", false)
            ]
        );
        assert_eq!(found[3].country.as_deref(), Some("US"));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("Camp Nowhere"));
    }

    #[test]
    fn curated_places_are_in_their_country_of_the_day() {
        let (found, _) = markdown(
            "+++\ntitle = \"Grain\"\ndate = 1987-03-02\nplaces = [\"Moscow\"]\n+++\nGrain talks.\n",
        );
        assert_eq!(found[0].country.as_deref(), Some("SU"));
    }

    #[test]
    fn an_empty_curated_list_means_no_places() {
        let (found, _) = markdown(&format!("+++\ntitle = \"Talks\"\nplaces = []\n+++\n{BODY}"));
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn excluded_places_are_removed_from_detection() {
        let (found, _) = markdown(&format!(
            "+++\ntitle = \"Talks\"\nplaces_exclude = [\"Islamabad\"]\n+++\n{BODY}"
        ));
        assert!(found.iter().any(|p| p.name == "Kabul"));
        assert!(!found.iter().any(|p| p.name == "Islamabad"), "{found:?}");
    }

    #[test]
    fn body_starts_after_the_front_matter() {
        assert_eq!(body_offset("+++\ntitle = \"x\"\n+++\nBody"), 20);
        assert_eq!(body_offset("---\ntitle: x\n...\nBody"), 17);
        assert_eq!(body_offset("# Title\nBody"), 0);
    }
}
