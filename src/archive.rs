//! The whole archive in memory: stable unique slugs, and the indexes by topic, place and month.
//!
//! Takes enriched articles ([`Enriched`]) and the gazetteer; gives an [`Archive`] with articles
//! newest first, every topic with its articles, every place with its parent chain, sub-places
//! and the articles about it or naming it in passing (its own and its sub-places'), and the
//! date archive. Computed once per build, so pages receive small ready-made values instead of
//! walking the archive themselves.

use crate::diagnostic::Diagnostic;
use crate::enrich::Enriched;
use crate::gazetteer::{Gazetteer, Kind, PlaceId};
use crate::parse::Article;
use crate::slug::slugify;
use std::collections::{BTreeMap, HashMap};

/// A topic, with the articles that carry it.
#[derive(Debug, Clone)]
pub struct Term {
    /// Display name, as first written in the archive (in source path order).
    pub name: String,
    /// URL slug, unique within its kind.
    pub slug: String,
    /// Indexes into [`Archive::articles`], newest first.
    pub articles: Vec<usize>,
}

/// A place with a page: one the gazetteer knows (named by an article, or above a place an
/// article names: Kandahar and Asia for Spin Boldak), or a curated place it does not know.
#[derive(Debug, Clone)]
pub struct Place {
    /// Its English name from the gazetteer ("United States" for "U.S."); for a place the
    /// gazetteer does not know, as first written in the archive (in source path order).
    pub name: String,
    /// URL slug, unique among places and independent of the other articles (README: "URLs
    /// and slugs").
    pub slug: String,
    /// The gazetteer's place; `None` for a curated place it does not know.
    pub id: Option<PlaceId>,
    /// What kind of place it is; `None` when unknown.
    pub kind: Option<Kind>,
    /// Its GeoNames id, where GeoNames has one.
    pub geonames_id: Option<u32>,
    /// Its country's ISO 3166-1 alpha-2 code (a country's own); `None` for continents, areas
    /// across countries and unknown places.
    pub country: Option<String>,
    /// Latitude and longitude in degrees, when known.
    pub point: Option<(f64, f64)>,
    /// The place directly above it (index into [`Archive::places`]).
    pub parent: Option<usize>,
    /// The places directly below it that have pages, by name.
    pub children: Vec<usize>,
    /// Articles about it or about a place inside it, newest first.
    pub about: Vec<usize>,
    /// Articles naming it or a place inside it only in passing, newest first.
    pub mentions: Vec<usize>,
}

impl Place {
    /// How many articles it has, about it or not.
    pub fn count(&self) -> usize {
        self.about.len() + self.mentions.len()
    }
}

/// One of an article's own places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceRef {
    /// Index into [`Archive::places`].
    pub place: usize,
    /// Whether the article is about it, rather than naming it in passing.
    pub about: bool,
}

/// The articles of one calendar month.
#[derive(Debug, Clone)]
pub struct Month {
    /// Year.
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    /// Indexes into [`Archive::articles`], newest first.
    pub articles: Vec<usize>,
}

impl Month {
    /// `2021-07`.
    pub fn key(&self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }
}

/// An article with its place in the archive.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The article as parsed.
    pub article: Article,
    /// Unique slug: its page is `articles/<slug>.html`.
    pub slug: String,
    /// Indexes into [`Archive::topics`], in the order the article names them.
    pub topics: Vec<usize>,
    /// The places it names itself (not their parents): those it is about first, each group
    /// in the order of the text (or of the curated list).
    pub places: Vec<PlaceRef>,
}

/// The archive, ready to render.
#[derive(Debug, Clone, Default)]
pub struct Archive {
    /// Every article, newest first; undated articles last, in path order.
    pub articles: Vec<Entry>,
    /// Topics, by name.
    pub topics: Vec<Term>,
    /// Places, by name.
    pub places: Vec<Place>,
    /// Months, newest first.
    pub months: Vec<Month>,
    /// Articles with no date, in path order.
    pub undated: Vec<usize>,
}

impl Archive {
    /// Orders the articles, gives each a unique slug and builds the indexes.
    ///
    /// Errors: two curated slugs that are the same.
    pub fn new(
        mut articles: Vec<Enriched>,
        gazetteer: &Gazetteer,
    ) -> Result<Archive, Vec<Diagnostic>> {
        articles.sort_by(|a, b| {
            let (a, b) = (&a.article, &b.article);
            match (&a.date, &b.date) {
                (Some(x), Some(y)) => y.cmp(x).then_with(|| a.path.cmp(&b.path)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => a.path.cmp(&b.path),
            }
        });
        let (articles, found): (Vec<Article>, Vec<_>) =
            articles.into_iter().map(|e| (e.article, e.places)).unzip();
        let slugs = assign_slugs(&articles)?;

        // Names are chosen in path order, so adding an article never renames a topic.
        let mut by_path: Vec<usize> = (0..articles.len()).collect();
        by_path.sort_by(|&a, &b| articles[a].path.cmp(&articles[b].path));
        let topics = Terms::collect(&articles, &by_path, |a| &a.topics);
        let places = PlaceIndex::collect(gazetteer, &found, &by_path);

        let mut months: BTreeMap<(i32, u8), Vec<usize>> = BTreeMap::new();
        let mut undated = Vec::new();
        for (i, a) in articles.iter().enumerate() {
            match a.date {
                Some(d) => months.entry((d.year, d.month)).or_default().push(i),
                None => undated.push(i),
            }
        }
        let months = months
            .into_iter()
            .rev()
            .map(|((year, month), articles)| Month {
                year,
                month,
                articles,
            })
            .collect();

        let articles = articles
            .into_iter()
            .zip(slugs)
            .zip(places.of_article)
            .enumerate()
            .map(|(i, ((article, slug), places))| Entry {
                topics: topics.of_article[i].clone(),
                places,
                article,
                slug,
            })
            .collect();
        Ok(Archive {
            articles,
            topics: topics.terms,
            places: places.places,
            months,
            undated,
        })
    }

    /// The chain above a place, from the top (its continent) down to its parent.
    pub fn chain(&self, place: usize) -> Vec<usize> {
        let mut chain = Vec::new();
        let mut at = self.places[place].parent;
        while let Some(p) = at {
            // A chain is a few steps long; the bound only guards against a cycle.
            if chain.len() > 16 {
                break;
            }
            chain.push(p);
            at = self.places[p].parent;
        }
        chain.reverse();
        chain
    }
}

struct Terms {
    terms: Vec<Term>,
    of_article: Vec<Vec<usize>>,
}

impl Terms {
    fn collect(
        articles: &[Article],
        by_path: &[usize],
        names: impl Fn(&Article) -> &Vec<String>,
    ) -> Terms {
        // slug -> display name, first spelling in path order wins.
        let mut first_name: BTreeMap<String, String> = BTreeMap::new();
        for &i in by_path {
            for name in names(&articles[i]) {
                first_name
                    .entry(slugify(name))
                    .or_insert_with(|| name.clone());
            }
        }
        let mut terms: Vec<Term> = first_name
            .into_iter()
            .map(|(slug, name)| Term {
                name,
                slug,
                articles: Vec::new(),
            })
            .collect();
        terms.sort_by(|a, b| {
            a.name
                .to_lowercase()
                .cmp(&b.name.to_lowercase())
                .then_with(|| a.slug.cmp(&b.slug))
        });
        let index: HashMap<String, usize> = terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.slug.clone(), i))
            .collect();
        let mut of_article = Vec::with_capacity(articles.len());
        for (i, a) in articles.iter().enumerate() {
            let mut mine: Vec<usize> = Vec::new();
            for name in names(a) {
                if let Some(&t) = index.get(&slugify(name))
                    && !mine.contains(&t)
                {
                    mine.push(t);
                    terms[t].articles.push(i);
                }
            }
            of_article.push(mine);
        }
        Terms { terms, of_article }
    }
}

/// What makes two places one page: the gazetteer's place, or for a place it does not know,
/// the slug of its name (so "Camp Nowhere" and "camp nowhere" are one).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum PlaceKey {
    Known(PlaceId),
    Unknown(String),
}

struct PlaceIndex {
    places: Vec<Place>,
    of_article: Vec<Vec<PlaceRef>>,
}

impl PlaceIndex {
    fn collect(
        gazetteer: &Gazetteer,
        found: &[Vec<crate::places::FoundPlace>],
        by_path: &[usize],
    ) -> PlaceIndex {
        // Every article's own places, and every place above them, with whether the article
        // is about it (about a place is about every place it lies in).
        let mut own: Vec<Vec<(PlaceKey, bool)>> = Vec::with_capacity(found.len());
        let mut covered: Vec<Vec<(PlaceKey, bool)>> = Vec::with_capacity(found.len());
        for places in found {
            let mut mine: Vec<(PlaceKey, bool)> = Vec::new();
            let mut all: Vec<(PlaceKey, bool)> = Vec::new();
            let cover = |key: PlaceKey, about: bool, list: &mut Vec<(PlaceKey, bool)>| match list
                .iter_mut()
                .find(|(k, _)| *k == key)
            {
                Some(entry) => entry.1 |= about,
                None => list.push((key, about)),
            };
            for p in places {
                let key = match p.place {
                    Some(id) => PlaceKey::Known(id),
                    None => PlaceKey::Unknown(slugify(&p.name)),
                };
                cover(key.clone(), p.about, &mut mine);
                cover(key, p.about, &mut all);
                let Some(id) = p.place else { continue };
                for parent in gazetteer.parents(id) {
                    cover(PlaceKey::Known(parent.id), p.about, &mut all);
                }
                // Moscow in 1987: the article counts for the Soviet Union too.
                if let Some(former) = former_country(gazetteer, id, p.country.as_deref()) {
                    cover(PlaceKey::Known(former), p.about, &mut all);
                    for parent in gazetteer.parents(former) {
                        cover(PlaceKey::Known(parent.id), p.about, &mut all);
                    }
                }
            }
            // Those it is about first; a stable sort keeps the text's order in each group.
            mine.sort_by_key(|(_, about)| !about);
            own.push(mine);
            covered.push(all);
        }

        // Unknown places are named as first written, in path order.
        let mut unknown_names: BTreeMap<String, String> = BTreeMap::new();
        for &i in by_path {
            for p in found[i].iter().filter(|p| p.place.is_none()) {
                unknown_names
                    .entry(slugify(&p.name))
                    .or_insert_with(|| p.name.trim().to_string());
            }
        }
        let mut keys: Vec<PlaceKey> = covered.iter().flatten().map(|(k, _)| k.clone()).collect();
        keys.sort();
        keys.dedup();
        let mut places: Vec<Place> = keys
            .iter()
            .map(|key| match key {
                PlaceKey::Known(id) => {
                    let g = gazetteer.place(*id);
                    Place {
                        name: g.name().to_string(),
                        slug: place_slug(gazetteer, *id),
                        id: Some(*id),
                        kind: Some(g.kind),
                        geonames_id: (g.geonames_id != 0).then_some(g.geonames_id),
                        country: g.country().map(str::to_string),
                        point: Some((g.lat(), g.lon())),
                        parent: None,
                        children: Vec::new(),
                        about: Vec::new(),
                        mentions: Vec::new(),
                    }
                }
                PlaceKey::Unknown(key) => {
                    let name = unknown_names
                        .get(key)
                        .cloned()
                        .unwrap_or_else(|| key.clone());
                    Place {
                        slug: unknown_slug(gazetteer, &name),
                        name,
                        id: None,
                        kind: None,
                        geonames_id: None,
                        country: None,
                        point: None,
                        parent: None,
                        children: Vec::new(),
                        about: Vec::new(),
                        mentions: Vec::new(),
                    }
                }
            })
            .collect();
        make_unique(&mut places);
        places.sort_by(|a, b| {
            a.name
                .to_lowercase()
                .cmp(&b.name.to_lowercase())
                .then_with(|| a.slug.cmp(&b.slug))
        });
        let index: HashMap<PlaceKey, usize> = places
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let key = match p.id {
                    Some(id) => PlaceKey::Known(id),
                    None => PlaceKey::Unknown(slugify(&p.name)),
                };
                (key, i)
            })
            .collect();
        for i in 0..places.len() {
            let parent = places[i]
                .id
                .and_then(|id| gazetteer.place(id).parent())
                .and_then(|p| index.get(&PlaceKey::Known(p)).copied());
            places[i].parent = parent;
            if let Some(p) = parent {
                places[p].children.push(i);
            }
        }
        for (i, all) in covered.iter().enumerate() {
            for (key, about) in all {
                if let Some(&p) = index.get(key) {
                    if *about {
                        places[p].about.push(i);
                    } else {
                        places[p].mentions.push(i);
                    }
                }
            }
        }
        let of_article = own
            .into_iter()
            .map(|mine| {
                mine.into_iter()
                    .filter_map(|(key, about)| {
                        index.get(&key).map(|&place| PlaceRef { place, about })
                    })
                    .collect()
            })
            .collect();
        PlaceIndex { places, of_article }
    }
}

/// The former state a place was in on the article's date, when detection gave it one
/// (`country` is "SU" for Moscow in 1987) and the gazetteer's chain does not hold it.
fn former_country(gazetteer: &Gazetteer, id: PlaceId, country: Option<&str>) -> Option<PlaceId> {
    let country = country?;
    if gazetteer.place(id).country() == Some(country) {
        return None;
    }
    let former = gazetteer.country(country)?;
    (former.is_historic() && former.id != id).then_some(former.id)
}

/// The slug of a gazetteer place, from the gazetteer alone, so that it never changes when
/// articles come and go: the name's slug for the most important place of that name
/// (`georgia`, the country), else the name with its country code (`georgia-us`), then with its
/// kind (`kandahar-af-city`, beside the province), then with its region's code
/// (`springfield-us-il`), and last with its GeoNames id.
pub fn place_slug(gazetteer: &Gazetteer, id: PlaceId) -> String {
    let place = gazetteer.place(id);
    let base = slugify(place.name());
    let mut senses: Vec<&crate::gazetteer::Place> = Vec::new();
    for name in gazetteer.lookup_name(place.name()).names {
        let sense = gazetteer.place(name.place);
        if !senses.iter().any(|s| s.id == sense.id) && slugify(sense.name()) == base {
            senses.push(sense);
        }
    }
    if senses.first().is_none_or(|s| s.id == id) {
        return base;
    }
    let others: Vec<_> = senses.into_iter().filter(|s| s.id != id).collect();
    let kind = kind_word(place.kind);
    match place.country() {
        Some(country) => {
            let code = country.to_ascii_lowercase();
            let same_country: Vec<_> = others
                .iter()
                .filter(|o| o.country() == Some(country))
                .collect();
            if same_country.is_empty() {
                return format!("{base}-{code}");
            }
            let same_kind: Vec<_> = same_country
                .into_iter()
                .filter(|o| o.kind == place.kind)
                .collect();
            if same_kind.is_empty() {
                return format!("{base}-{code}-{kind}");
            }
            let region = place.admin1();
            if !region.is_empty() && !same_kind.iter().any(|o| o.admin1() == region) {
                return format!("{base}-{code}-{}", slugify(region));
            }
        }
        None => {
            if !others.iter().any(|o| o.kind == place.kind) {
                return format!("{base}-{kind}");
            }
        }
    }
    match place.geonames_id {
        0 => format!("{base}-{}", slugify(place.code())),
        geonames_id => format!("{base}-{geonames_id}"),
    }
}

/// How a slug names a kind of place.
fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Continent => "continent",
        Kind::Country => "country",
        Kind::Region => "area",
        Kind::Sea => "sea",
        Kind::Admin1 => "region",
        Kind::City => "city",
    }
}

/// The slug of a curated place the gazetteer does not know: its name's, with a suffix from
/// the name when the gazetteer has a place of that name (whose page may hold the plain slug).
fn unknown_slug(gazetteer: &Gazetteer, name: &str) -> String {
    let base = slugify(name);
    let taken = !gazetteer.lookup_name(name).names.is_empty()
        || !gazetteer
            .lookup_name(&base.replace('-', " "))
            .names
            .is_empty();
    if taken {
        format!("{base}-{}", path_hash(name))
    } else {
        base
    }
}

/// A last guard, for names whose slugs meet by accident ("Georgia US" the name against
/// `georgia-us`): the place first in a stable order keeps its slug, the others are numbered.
fn make_unique(places: &mut [Place]) {
    let mut order: Vec<usize> = (0..places.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&places[a], &places[b]);
        (a.id.is_none(), a.geonames_id, &a.name).cmp(&(b.id.is_none(), b.geonames_id, &b.name))
    });
    let mut taken: HashMap<String, usize> = HashMap::new();
    for i in order {
        let base = places[i].slug.clone();
        let mut slug = base.clone();
        let mut n = 2;
        while taken.contains_key(&slug) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(slug.clone(), i);
        places[i].slug = slug;
    }
}

/// Slugs that stay put: a curated slug is kept as written; otherwise the title's slug, and
/// when several articles share it, the earliest (by date, then path) keeps it plain and each
/// other gets a suffix computed from its own source path, which does not depend on the others.
fn assign_slugs(articles: &[Article]) -> Result<Vec<String>, Vec<Diagnostic>> {
    let mut slugs = vec![String::new(); articles.len()];
    let mut taken: HashMap<String, usize> = HashMap::new();
    let mut problems = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        if let Some(s) = &a.slug {
            if let Some(&other) = taken.get(s) {
                problems.push(Diagnostic::error(
                    &a.path,
                    format!(
                        "slug `{s}` is also the slug of {}: give one of them another slug",
                        articles[other].path
                    ),
                ));
            } else {
                taken.insert(s.clone(), i);
                slugs[i] = s.clone();
            }
        }
    }
    if !problems.is_empty() {
        problems.sort();
        return Err(problems);
    }
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        if a.slug.is_none() {
            groups.entry(slugify(&a.title)).or_default().push(i);
        }
    }
    for (base, mut members) in groups {
        members.sort_by(|&x, &y| {
            let (a, b) = (&articles[x], &articles[y]);
            match (&a.date, &b.date) {
                (Some(p), Some(q)) => p.cmp(q),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
            .then_with(|| a.path.cmp(&b.path))
        });
        for (rank, &i) in members.iter().enumerate() {
            let mut slug = if rank == 0 && !taken.contains_key(&base) {
                base.clone()
            } else {
                format!("{base}-{}", path_hash(&articles[i].path))
            };
            let mut n = 2;
            while taken.contains_key(&slug) {
                slug = format!("{base}-{}-{n}", path_hash(&articles[i].path));
                n += 1;
            }
            taken.insert(slug.clone(), i);
            slugs[i] = slug;
        }
    }
    Ok(slugs)
}

/// Six hex digits from a source path (FNV-1a): the same on every machine and every run.
fn path_hash(path: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in path.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:06x}", h >> 40)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::places::{FoundPlace, found_place};

    fn article(path: &str, title: &str, date: Option<&str>) -> Article {
        Article {
            path: path.into(),
            title: title.into(),
            date: date.map(|d| Date::parse(d).unwrap()),
            ..Article::default()
        }
    }

    fn archive(articles: Vec<Article>) -> Result<Archive, Vec<Diagnostic>> {
        let enriched = articles
            .into_iter()
            .map(|article| Enriched {
                article,
                places: Vec::new(),
            })
            .collect();
        Archive::new(enriched, Gazetteer::get())
    }

    /// A known place, found by curated reference ("Spin Boldak", "Georgia, US").
    fn place(reference: &str, about: bool) -> FoundPlace {
        let g = Gazetteer::get();
        let id = crate::places::resolve_curated(g, reference, &[]).expect(reference);
        FoundPlace {
            about,
            ..found_place(g, id)
        }
    }

    fn unknown(name: &str) -> FoundPlace {
        FoundPlace::unknown(name)
    }

    fn with_places(article: Article, places: Vec<FoundPlace>) -> Enriched {
        Enriched { article, places }
    }

    fn slug_of(a: &Archive, path: &str) -> String {
        a.articles
            .iter()
            .find(|e| e.article.path == path)
            .unwrap()
            .slug
            .clone()
    }

    fn by_slug<'a>(a: &'a Archive, slug: &str) -> &'a Place {
        a.places.iter().find(|p| p.slug == slug).unwrap_or_else(|| {
            let slugs: Vec<&str> = a.places.iter().map(|p| p.slug.as_str()).collect();
            panic!("no place {slug} in {slugs:?}")
        })
    }

    fn titles(a: &Archive, articles: &[usize]) -> Vec<String> {
        articles
            .iter()
            .map(|&i| a.articles[i].article.title.clone())
            .collect()
    }

    #[test]
    fn same_titles_get_distinct_stable_slugs() {
        let one = vec![
            article("content/b.md", "Talks in Doha", Some("2021-07-17")),
            article("content/a.md", "Talks in Doha", Some("2021-07-18")),
        ];
        let archive_one = archive(one.clone()).unwrap();
        assert_eq!(slug_of(&archive_one, "content/b.md"), "talks-in-doha");
        let second = slug_of(&archive_one, "content/a.md");
        assert!(second.starts_with("talks-in-doha-") && second.len() == "talks-in-doha-".len() + 6);

        let mut more = one;
        more.push(article("content/0.md", "Talks in Doha", Some("2021-08-01")));
        let grown = archive(more).unwrap();
        assert_eq!(slug_of(&grown, "content/b.md"), "talks-in-doha");
        assert_eq!(slug_of(&grown, "content/a.md"), second);
    }

    #[test]
    fn curated_slugs_win_and_must_be_unique() {
        let mut a = article("content/a.md", "Kabul", None);
        a.slug = Some("kabul".into());
        let b = article("content/b.md", "Kabul", Some("2020-01-01"));
        let built = archive(vec![a.clone(), b]).unwrap();
        assert_eq!(slug_of(&built, "content/a.md"), "kabul");
        assert_ne!(slug_of(&built, "content/b.md"), "kabul");

        let mut c = article("content/c.md", "Other", None);
        c.slug = Some("kabul".into());
        let errs = archive(vec![a, c]).unwrap_err();
        assert!(errs[0].message.contains("also the slug of content/a.md"));
    }

    #[test]
    fn indexes_by_topic_and_month_newest_first() {
        let mut a = article("content/a.md", "A", Some("2021-07-17"));
        a.topics = vec!["Politics".into()];
        let mut b = article("content/b.md", "B", Some("2021-08-02"));
        b.topics = vec!["politics".into(), "Health".into()];
        let c = article("content/c.md", "C", None);
        let built = archive(vec![a, b, c]).unwrap();
        assert_eq!(built.articles[0].article.title, "B");
        assert_eq!(built.articles[2].article.title, "C");
        let names: Vec<&str> = built.topics.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Health", "Politics"]);
        assert_eq!(built.topics[1].articles, [0, 1]);
        assert_eq!(built.months.len(), 2);
        assert_eq!(built.months[0].key(), "2021-08");
        assert_eq!(built.undated, [2]);
    }

    #[test]
    fn a_place_lists_its_own_articles_and_its_sub_places_about_ones_first() {
        let town = with_places(
            article("content/town.md", "Town", Some("2021-07-14")),
            vec![place("Spin Boldak", true), place("India", false)],
        );
        let country = with_places(
            article("content/country.md", "Country", Some("2021-07-10")),
            vec![place("Afghanistan", true)],
        );
        let passing = with_places(
            article("content/passing.md", "Passing", Some("2021-07-20")),
            vec![place("Pakistan", true), place("Kandahar", false)],
        );
        let built = Archive::new(vec![town, country, passing], Gazetteer::get()).unwrap();

        let afghanistan = by_slug(&built, "afghanistan");
        assert_eq!(titles(&built, &afghanistan.about), ["Town", "Country"]);
        assert_eq!(titles(&built, &afghanistan.mentions), ["Passing"]);
        let spin_boldak = by_slug(&built, "spin-boldak");
        assert_eq!(titles(&built, &spin_boldak.about), ["Town"]);
        assert!(spin_boldak.mentions.is_empty());
        // Asia holds all three, and is what each of them is about.
        assert_eq!(by_slug(&built, "asia").about.len(), 3);

        // Parents get pages though no article names them; the chain runs to the continent.
        let chain: Vec<&str> = built
            .chain(
                built
                    .places
                    .iter()
                    .position(|p| p.slug == "spin-boldak")
                    .unwrap(),
            )
            .into_iter()
            .map(|p| built.places[p].name.as_str())
            .collect();
        assert_eq!(chain, ["Asia", "Afghanistan", "Kandahar"]);
        let kandahar = by_slug(&built, "kandahar");
        let children: Vec<&str> = kandahar
            .children
            .iter()
            .map(|&c| built.places[c].name.as_str())
            .collect();
        assert_eq!(children, ["Spin Boldak"]);
        // The province is named in passing by one article and holds the town another is about.
        assert_eq!(titles(&built, &kandahar.about), ["Town"]);
        assert_eq!(titles(&built, &kandahar.mentions), ["Passing"]);

        // An article's own places, the ones it is about first.
        let entry = built
            .articles
            .iter()
            .find(|e| e.article.title == "Passing")
            .unwrap();
        let own: Vec<(&str, bool)> = entry
            .places
            .iter()
            .map(|r| (built.places[r.place].name.as_str(), r.about))
            .collect();
        assert_eq!(own, [("Pakistan", true), ("Kandahar", false)]);
    }

    #[test]
    fn one_place_however_written_and_two_places_of_one_name() {
        let a = with_places(
            article("content/a.md", "A", Some("2021-07-14")),
            vec![place("U.S.", true), place("Georgia", true)],
        );
        let b = with_places(
            article("content/b.md", "B", Some("2021-07-15")),
            vec![place("United States", true), place("Georgia, US", true)],
        );
        let built = Archive::new(vec![a, b], Gazetteer::get()).unwrap();
        assert_eq!(by_slug(&built, "united-states").count(), 2);
        assert_eq!(titles(&built, &by_slug(&built, "georgia").about), ["A"]);
        let state = by_slug(&built, "georgia-us");
        assert_eq!(state.name, "Georgia");
        assert_eq!(titles(&built, &state.about), ["B"]);
        assert_eq!(built.places[state.parent.unwrap()].name, "United States");
    }

    #[test]
    fn place_slugs_come_from_the_gazetteer_alone() {
        let g = Gazetteer::get();
        let slug = |reference: &str| {
            place_slug(
                g,
                crate::places::resolve_curated(g, reference, &[]).expect(reference),
            )
        };
        assert_eq!(slug("Georgia"), "georgia");
        assert_eq!(slug("Georgia, US"), "georgia-us");
        assert_eq!(slug("Kandahar"), "kandahar");
        let city = g
            .lookup_name("Kandahar")
            .names
            .iter()
            .map(|n| g.place(n.place))
            .find(|p| p.kind == Kind::City && p.country() == Some("AF"))
            .unwrap();
        assert_eq!(place_slug(g, city.id), "kandahar-af-city");
        assert_eq!(slug("Spin Boldak"), "spin-boldak");
        // Many towns of one name in one country are told apart by their regions.
        let springfields: Vec<String> = g
            .lookup_name("Springfield")
            .names
            .iter()
            .map(|n| place_slug(g, n.place))
            .collect();
        let mut unique = springfields.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), springfields.len(), "{springfields:?}");
    }

    #[test]
    fn unknown_places_are_kept_by_name_and_slugs_never_meet() {
        let a = with_places(
            article("content/a.md", "A", Some("2021-07-14")),
            vec![
                unknown("Camp Nowhere"),
                unknown("Kabul!"),
                place("Kabul", true),
            ],
        );
        let b = with_places(
            article("content/b.md", "B", Some("2021-07-15")),
            vec![unknown("camp nowhere")],
        );
        let built = Archive::new(vec![a, b], Gazetteer::get()).unwrap();
        let camp = by_slug(&built, "camp-nowhere");
        assert_eq!(camp.name, "Camp Nowhere");
        assert_eq!(camp.count(), 2);
        assert!(camp.parent.is_none() && camp.point.is_none());
        assert_eq!(by_slug(&built, "kabul").kind, Some(Kind::City));
        let mut slugs: Vec<&str> = built.places.iter().map(|p| p.slug.as_str()).collect();
        let all = slugs.len();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), all);
        assert!(
            built
                .places
                .iter()
                .any(|p| p.name == "Kabul!" && p.slug != "kabul")
        );
    }

    #[test]
    fn a_place_in_a_former_state_counts_for_it_on_the_articles_date() {
        let mut moscow = place("Moscow", true);
        moscow.country = Some("SU".into());
        let a = with_places(
            article("content/a.md", "Grain talks", Some("1987-03-02")),
            vec![moscow],
        );
        let built = Archive::new(vec![a], Gazetteer::get()).unwrap();
        let soviet = by_slug(&built, "soviet-union");
        assert_eq!(titles(&built, &soviet.about), ["Grain talks"]);
        assert_eq!(
            titles(&built, &by_slug(&built, "russia").about),
            ["Grain talks"]
        );
    }
}
