//! The render stage: the archive to pages, through the theme's tera templates, into the writer.
//!
//! Takes an [`Archive`], the [`Config`] and a [`Theme`]; renders article bodies (markdown),
//! computes every listing's values once, then renders and writes all pages in parallel.
//! Every link a template receives is relative to the site root, and each page gets `root`, its
//! own way back to it (`../`), so the site works under any path and from disk.

use crate::archive::{Archive, Entry, Place, Term};
use crate::config::{Config, UrlStyle};
use crate::gazetteer::{Gazetteer, Kind};
use crate::markdown::{self, Rendered};
use crate::theme::Theme;
use crate::write::{WriteError, Writer};
use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

/// Why rendering failed.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template could not render a page.
    #[error("template `{template}` failed on {page}: {message}")]
    Template {
        /// The template's name.
        template: String,
        /// The page being rendered.
        page: String,
        /// Tera's message, with its causes.
        message: String,
    },
    /// Writing failed.
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// How many pages a build rendered.
#[derive(Debug, Default, Clone, Copy)]
pub struct Rendering {
    /// HTML pages written.
    pub pages: usize,
    /// Files written in all (pages, stylesheets, copied files).
    pub files: usize,
}

/// A link as templates receive it: a name, a URL relative to the site root, maybe a count.
#[derive(Debug, Clone, Serialize)]
struct Link {
    name: String,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    count: Option<usize>,
}

/// One article in a listing.
#[derive(Debug, Clone, Serialize)]
struct Card<'a> {
    title: &'a str,
    url: String,
    date: Option<String>,
    date_display: Option<String>,
    summary: String,
    source: Option<&'a str>,
    topics: Vec<Link>,
}

/// The full article, for its own page.
#[derive(Debug, Serialize)]
struct ArticleView<'a> {
    title: &'a str,
    url: String,
    date: Option<String>,
    date_display: Option<String>,
    updated: Option<String>,
    updated_display: Option<String>,
    source: Option<&'a str>,
    source_url: Option<&'a str>,
    author: Option<&'a str>,
    summary: Option<&'a str>,
    body: &'a str,
    words: usize,
    reading_minutes: usize,
    topics: Vec<Link>,
    places: Vec<PlaceLink>,
    has_code: bool,
}

/// One of an article's places, for its page.
#[derive(Debug, Clone, Serialize)]
struct PlaceLink {
    name: String,
    url: String,
    count: usize,
    /// Whether the article is about it, rather than naming it in passing.
    about: bool,
    /// The places above it, nearest first, continents left out: "Kandahar, Afghanistan".
    within: String,
}

/// A place page's own values (`place` in `list.html`).
#[derive(Debug, Clone, Serialize)]
struct PlaceView {
    name: String,
    url: String,
    /// `continent`, `country`, `region`, `sea`, `admin1`, `city`; null when unknown.
    kind: Option<&'static str>,
    /// The kind in words: `Continent`, `Country`, `Region`, `Sea`, `Town`, `Place`.
    kind_label: &'static str,
    within: String,
    /// The places above it, from the top down to its parent.
    chain: Vec<Link>,
    /// The places directly below it that have pages, with their counts.
    children: Vec<Link>,
    about_count: usize,
    mention_count: usize,
    geonames_url: Option<String>,
}

/// One place of the place tree, with the places below it.
#[derive(Debug, Clone, Serialize)]
struct TreeNode {
    name: String,
    url: String,
    count: usize,
    about: usize,
    kind: Option<&'static str>,
    children: Vec<TreeNode>,
}

pub use crate::map::{Dot, Focus};

/// Which map a page shows.
#[derive(Debug, Clone, PartialEq)]
pub enum MapView {
    /// The whole world, with the archive's countries as dots.
    World,
    /// Where one place is.
    Locator(Focus),
}

#[derive(Debug, Serialize)]
struct PageInfo {
    kind: &'static str,
    title: String,
    description: String,
    path: String,
}

#[derive(Debug, Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    pages: Vec<PageNumber>,
}

#[derive(Debug, Serialize)]
struct PageNumber {
    number: usize,
    url: Option<String>,
    current: bool,
}

#[derive(Debug, Serialize)]
struct YearView {
    year: i32,
    count: usize,
    months: Vec<Link>,
}

/// URL and file of every page, in the configured style.
#[derive(Debug, Clone, Copy)]
struct Urls {
    style: UrlStyle,
}

impl Urls {
    /// `base` is a page's path without extension: `articles/x`, `topics/index`, `index`.
    fn link(&self, base: &str) -> String {
        match self.style {
            UrlStyle::Ugly => format!("{base}.html"),
            UrlStyle::Pretty => match base.strip_suffix("index") {
                Some(dir) if dir.is_empty() || dir.ends_with('/') => dir.to_string(),
                _ => format!("{base}/"),
            },
        }
    }

    fn file(&self, base: &str) -> String {
        match self.style {
            UrlStyle::Ugly => format!("{base}.html"),
            UrlStyle::Pretty => {
                if base == "index" || base.ends_with("/index") {
                    format!("{base}.html")
                } else {
                    format!("{base}/index.html")
                }
            }
        }
    }

    /// Page `n` (1-based) of a paginated listing at `base`.
    fn paged(&self, base: &str, n: usize) -> String {
        match (n, self.style) {
            (1, _) => base.to_string(),
            (n, UrlStyle::Ugly) => format!("{base}/page-{n}"),
            (n, UrlStyle::Pretty) => format!("{base}/page/{n}"),
        }
    }
}

/// The way from a file back to the site root: `./`, `../`, `../../`.
fn root_of(file: &str) -> String {
    match file.matches('/').count() {
        0 => "./".to_string(),
        depth => "../".repeat(depth),
    }
}

/// A paginated list of articles: a topic, a place, a month or the undated.
struct Listing<'a> {
    kind: &'static str,
    heading: String,
    base: String,
    /// The articles, in the order shown; for a place, those about it, then the others.
    items: &'a [usize],
    /// How many of `items` (from the first) are about the place; all of them elsewhere.
    about: usize,
    /// The place of a place listing (index into [`Archive::places`]).
    place: Option<usize>,
    related: Vec<Link>,
    related_heading: &'static str,
}

impl Listing<'_> {
    fn pages(&self, per_page: usize) -> usize {
        self.items.len().div_ceil(per_page).max(1)
    }
}

/// One page to render.
enum Job<'a> {
    Home,
    Article(usize),
    TopicIndex,
    PlaceIndex,
    ArchiveIndex,
    /// A listing and the page of it (from 1).
    Listing(&'a Listing<'a>, usize),
    NotFound,
}

/// Renders the whole site into `writer`.
pub fn render_site(
    archive: &Archive,
    config: &Config,
    theme: &Theme,
    writer: &Writer,
) -> Result<Rendering, RenderError> {
    let urls = Urls {
        style: config.url_style,
    };
    let bodies: Vec<Rendered> = archive
        .articles
        .par_iter()
        .map(|e| markdown::render(&e.article.body))
        .collect();
    let article_base = |i: usize| format!("articles/{}", archive.articles[i].slug);
    let topic_links: Vec<Link> = term_links(&archive.topics, "topics", urls);
    let place_links: Vec<Link> = archive
        .places
        .iter()
        .map(|p| Link {
            name: p.name.clone(),
            url: urls.link(&format!("places/{}", p.slug)),
            count: Some(p.count()),
        })
        .collect();
    let place_within: Vec<String> = (0..archive.places.len())
        .map(|p| within(archive, p))
        .collect();
    let cards: Vec<Card> = archive
        .articles
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let a = &e.article;
            Card {
                title: &a.title,
                url: urls.link(&article_base(i)),
                date: a.date.map(|d| d.iso()),
                date_display: a.date.map(|d| d.long()),
                summary: a
                    .summary
                    .clone()
                    .unwrap_or_else(|| shorten(&bodies[i].lead, 280)),
                source: a.source.as_deref(),
                topics: e
                    .topics
                    .iter()
                    .take(3)
                    .map(|&t| topic_links[t].clone())
                    .collect(),
            }
        })
        .collect();
    // A place's listing: the articles about it, then those naming it in passing.
    let place_items: Vec<Vec<usize>> = archive
        .places
        .iter()
        .map(|p| p.about.iter().chain(&p.mentions).copied().collect())
        .collect();
    let place_views: Vec<PlaceView> = (0..archive.places.len())
        .map(|p| place_view(archive, p, &place_links, &place_within))
        .collect();

    let per_page = config.per_page.max(1);
    let mut listings: Vec<Listing> = Vec::new();
    for term in &archive.topics {
        listings.push(Listing {
            kind: "topic",
            heading: term.name.clone(),
            base: format!("topics/{}", term.slug),
            items: &term.articles,
            about: term.articles.len(),
            place: None,
            related: co_occurring(
                archive,
                &term.articles,
                |e| e.places.iter().map(|r| r.place),
                &place_links,
            ),
            related_heading: "Places in this topic",
        });
    }
    for (p, place) in archive.places.iter().enumerate() {
        listings.push(Listing {
            kind: "place",
            heading: place.name.clone(),
            base: format!("places/{}", place.slug),
            items: &place_items[p],
            about: place.about.len(),
            place: Some(p),
            related: co_occurring(
                archive,
                &place_items[p],
                |e| e.topics.iter().copied(),
                &topic_links,
            ),
            related_heading: "Topics in this place",
        });
    }
    for month in &archive.months {
        listings.push(Listing {
            kind: "month",
            heading: format!(
                "{} {}",
                crate::date::MONTHS[usize::from(month.month) - 1],
                month.year
            ),
            base: format!("archive/{}", month.key()),
            items: &month.articles,
            about: month.articles.len(),
            place: None,
            related: Vec::new(),
            related_heading: "",
        });
    }
    if !archive.undated.is_empty() {
        listings.push(Listing {
            kind: "undated",
            heading: "Undated".into(),
            base: "archive/undated".into(),
            items: &archive.undated,
            about: archive.undated.len(),
            place: None,
            related: Vec::new(),
            related_heading: "",
        });
    }
    let mut jobs: Vec<Job> = vec![
        Job::Home,
        Job::TopicIndex,
        Job::PlaceIndex,
        Job::ArchiveIndex,
        Job::NotFound,
    ];
    jobs.extend((0..archive.articles.len()).map(Job::Article));
    for listing in &listings {
        jobs.extend((1..=listing.pages(per_page)).map(|page| Job::Listing(listing, page)));
    }

    let tree = place_tree(archive, &place_links);
    let renderer = PageRenderer {
        archive,
        config,
        theme,
        urls,
        bodies: &bodies,
        cards: &cards,
        topic_links: &topic_links,
        place_links: &place_links,
        place_within: &place_within,
        place_views: &place_views,
        tree: &tree,
        per_page,
    };
    // Pages are rendered in parallel and written by one thread: creating files in one folder
    // is serialised by the file system anyway, and this way rendering goes on meanwhile.
    let (pages, written) = std::sync::mpsc::sync_channel::<(String, String)>(512);
    let results: Vec<Result<(), RenderError>> = std::thread::scope(|scope| {
        let write_all = scope.spawn(move || -> Result<(), WriteError> {
            for (file, html) in written {
                writer.write(&file, html.as_bytes())?;
            }
            Ok(())
        });
        let mut results: Vec<Result<(), RenderError>> =
            jobs.par_iter()
                .map_with(pages, |pages, job| {
                    let (file, template, context) = renderer.context(job);
                    let html = theme.tera.render(template, &context).map_err(|e| {
                        RenderError::Template {
                            template: template.to_string(),
                            page: file.clone(),
                            message: crate::diagnostic::error_chain(&e)
                                .trim_start_matches("error: ")
                                .to_string(),
                        }
                    })?;
                    // A closed channel means the writer stopped on an error, reported below.
                    let _ = pages.send((file, html));
                    Ok(())
                })
                .collect();
        match write_all.join() {
            Ok(Ok(())) => {}
            Ok(Err(e)) => results.push(Err(e.into())),
            // A panic in the writer is a bug: let it surface as one.
            Err(panic) => std::panic::resume_unwind(panic),
        }
        results
    });
    if let Some(err) = results.into_iter().find_map(Result::err) {
        return Err(err);
    }
    let mut files = jobs.len();
    for (path, bytes) in &theme.static_files {
        writer.write(path, bytes)?;
        files += 1;
    }
    if bodies.iter().any(|b| b.has_code) {
        writer.write("highlight.css", markdown::highlight_css().as_bytes())?;
        files += 1;
    }
    Ok(Rendering {
        pages: jobs.len(),
        files,
    })
}

fn term_links(terms: &[Term], section: &str, urls: Urls) -> Vec<Link> {
    terms
        .iter()
        .map(|t| Link {
            name: t.name.clone(),
            url: urls.link(&format!("{section}/{}", t.slug)),
            count: Some(t.articles.len()),
        })
        .collect()
}

/// The terms of the other kind that the given articles carry most, with how often.
fn co_occurring<'e, T: IntoIterator<Item = usize>>(
    archive: &'e Archive,
    articles: &[usize],
    terms_of: impl Fn(&'e Entry) -> T,
    links: &[Link],
) -> Vec<Link> {
    let mut counts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for &i in articles {
        for t in terms_of(&archive.articles[i]) {
            *counts.entry(t).or_default() += 1;
        }
    }
    let mut ranked: Vec<(usize, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
        .into_iter()
        .take(12)
        .map(|(t, n)| Link {
            count: Some(n),
            ..links[t].clone()
        })
        .collect()
}

/// The places above a place, nearest first, leaving out continents and a region of the
/// place's own name ("Kandahar, Afghanistan" for Spin Boldak, "Afghanistan" for Kabul), to
/// tell apart places of one name.
fn within(archive: &Archive, place: usize) -> String {
    let own = &archive.places[place].name;
    let mut chain = archive.chain(place);
    chain.reverse();
    let names: Vec<&str> = chain
        .into_iter()
        .map(|p| &archive.places[p])
        .filter(|p| p.kind != Some(Kind::Continent) && p.name != *own)
        .map(|p| p.name.as_str())
        .collect();
    names.join(", ")
}

/// A kind of place in words, as a place page names it.
fn kind_label(place: &Place) -> &'static str {
    match place.kind {
        Some(Kind::Continent) => "Continent",
        Some(Kind::Country) => "Country",
        Some(Kind::Region | Kind::Admin1) => "Region",
        Some(Kind::Sea) => "Sea",
        Some(Kind::City) => "City",
        None => "Place",
    }
}

fn place_view(archive: &Archive, p: usize, links: &[Link], within: &[String]) -> PlaceView {
    let place = &archive.places[p];
    let mut children: Vec<Link> = place.children.iter().map(|&c| links[c].clone()).collect();
    children.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    PlaceView {
        name: place.name.clone(),
        url: links[p].url.clone(),
        kind: place.kind.map(Kind::as_str),
        kind_label: kind_label(place),
        within: within[p].clone(),
        chain: archive
            .chain(p)
            .into_iter()
            .map(|c| Link {
                count: None,
                ..links[c].clone()
            })
            .collect(),
        children,
        about_count: place.about.len(),
        mention_count: place.mentions.len(),
        geonames_url: place
            .geonames_id
            .map(|id| format!("https://www.geonames.org/{id}")),
    }
}

/// The place tree: continents (and other places with nothing above them), each with the
/// places below it, by name at every level.
fn place_tree(archive: &Archive, links: &[Link]) -> Vec<TreeNode> {
    fn node(archive: &Archive, links: &[Link], p: usize, depth: usize) -> TreeNode {
        let place = &archive.places[p];
        TreeNode {
            name: place.name.clone(),
            url: links[p].url.clone(),
            count: place.count(),
            about: place.about.len(),
            kind: place.kind.map(Kind::as_str),
            // A chain is at most continent > country > region > town; the bound keeps a
            // template's four nested loops enough whatever the data.
            children: if depth < 3 {
                place
                    .children
                    .iter()
                    .map(|&c| node(archive, links, c, depth + 1))
                    .collect()
            } else {
                Vec::new()
            },
        }
    }
    // Places are sorted by name, so every level is.
    let mut roots: Vec<usize> = (0..archive.places.len())
        .filter(|&p| archive.places[p].parent.is_none() && archive.places[p].id.is_some())
        .collect();
    roots.sort_by_key(|&p| archive.places[p].kind != Some(Kind::Continent));
    roots
        .into_iter()
        .map(|p| node(archive, links, p, 0))
        .collect()
}

/// The world map's dots: one per country, sized by its articles; `root` leads from the page
/// that holds the map to the site root.
fn world_dots(archive: &Archive, links: &[Link], root: &str) -> Vec<Dot> {
    archive
        .places
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == Some(Kind::Country))
        .filter_map(|(i, p)| dot(p, &links[i], root))
        .collect()
}

fn dot(place: &Place, link: &Link, root: &str) -> Option<Dot> {
    let (lat, lon) = place.point?;
    Some(Dot {
        lat,
        lon,
        count: place.count(),
        label: place.name.clone(),
        href: Some(format!("{root}{}", link.url)),
    })
}

/// A place's locator: its country (or a continent's countries, or an area's) highlighted,
/// its own point when it is smaller than a country, and its sub-places as dots (or itself,
/// when it has none). `None` for a place with no position.
fn locator(archive: &Archive, p: usize, links: &[Link], root: &str) -> Option<(Focus, Vec<Dot>)> {
    let place = &archive.places[p];
    let id = place.id?;
    let gazetteer = Gazetteer::get();
    let highlight: Vec<String> = match place.kind {
        Some(Kind::Continent) => place
            .children
            .iter()
            .filter_map(|&c| archive.places[c].country.clone())
            .collect(),
        Some(Kind::Region | Kind::Sea) if place.country.is_none() => gazetteer
            .members(id)
            .filter_map(|m| m.country().map(str::to_string))
            .collect(),
        _ => place.country.iter().cloned().collect(),
    };
    let point = match place.kind {
        Some(Kind::Continent | Kind::Country) => None,
        _ => place.point,
    };
    let mut dots: Vec<Dot> = place
        .children
        .iter()
        .filter_map(|&c| dot(&archive.places[c], &links[c], root))
        .collect();
    if dots.is_empty() {
        dots.extend(dot(place, &links[p], root));
    }
    Some((Focus { highlight, point }, dots))
}

/// The inline SVG map of a page, or `None` when there is none to draw.
fn draw_map(view: &MapView, dots: &[Dot], title: &str) -> Option<String> {
    Some(match view {
        MapView::World => crate::map::world(dots, title),
        MapView::Locator(focus) => crate::map::locator(focus, dots, title),
    })
}

/// Shortens text at a word boundary, adding an ellipsis.
fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

struct PageRenderer<'a> {
    archive: &'a Archive,
    config: &'a Config,
    theme: &'a Theme,
    urls: Urls,
    bodies: &'a [Rendered],
    cards: &'a [Card<'a>],
    topic_links: &'a [Link],
    place_links: &'a [Link],
    place_within: &'a [String],
    place_views: &'a [PlaceView],
    tree: &'a [TreeNode],
    per_page: usize,
}

impl PageRenderer<'_> {
    /// The output file, the template and the values of one page.
    fn context(&self, job: &Job) -> (String, &'static str, Context) {
        let urls = self.urls;
        let mut ctx = Context::new();
        let (base, template, title, kind, description) = match job {
            Job::Home => {
                let latest: Vec<&Card> = self.cards.iter().take(10).collect();
                ctx.insert("latest", &latest);
                ctx.insert("top_topics", &top(self.topic_links, 10));
                let ranked: Vec<Link> = self
                    .place_links
                    .iter()
                    .zip(&self.archive.places)
                    .filter(|(_, p)| p.kind != Some(Kind::Continent))
                    .map(|(l, _)| l.clone())
                    .collect();
                ctx.insert("top_places", &top(&ranked, 10));
                let dots = world_dots(self.archive, self.place_links, "./");
                ctx.insert(
                    "map",
                    &draw_map(&MapView::World, &dots, "Places in the archive"),
                );
                let months: Vec<Link> = self
                    .archive
                    .months
                    .iter()
                    .take(12)
                    .map(|m| Link {
                        name: format!(
                            "{} {}",
                            crate::date::MONTHS[usize::from(m.month) - 1],
                            m.year
                        ),
                        url: urls.link(&format!("archive/{}", m.key())),
                        count: Some(m.articles.len()),
                    })
                    .collect();
                ctx.insert("recent_months", &months);
                ctx.insert("article_count", &self.archive.articles.len());
                ctx.insert("topic_count", &self.archive.topics.len());
                ctx.insert("place_count", &self.archive.places.len());
                (
                    "index".to_string(),
                    "index.html",
                    self.config.title.clone(),
                    "home",
                    self.config.description.clone(),
                )
            }
            Job::Article(i) => {
                let e = &self.archive.articles[*i];
                let a = &e.article;
                let body = &self.bodies[*i];
                let view = ArticleView {
                    title: &a.title,
                    url: self.cards[*i].url.clone(),
                    date: a.date.map(|d| d.iso()),
                    date_display: a.date.map(|d| d.long()),
                    updated: a.updated.map(|d| d.iso()),
                    updated_display: a.updated.map(|d| d.long()),
                    source: a.source.as_deref(),
                    source_url: a.source_url.as_deref().filter(|u| is_web_url(u)),
                    author: a.author.as_deref(),
                    summary: a.summary.as_deref(),
                    body: &body.html,
                    words: body.words,
                    reading_minutes: body.words.div_ceil(230).max(1),
                    topics: e
                        .topics
                        .iter()
                        .map(|&t| self.topic_links[t].clone())
                        .collect(),
                    places: e
                        .places
                        .iter()
                        .map(|r| PlaceLink {
                            name: self.place_links[r.place].name.clone(),
                            url: self.place_links[r.place].url.clone(),
                            count: self.archive.places[r.place].count(),
                            about: r.about,
                            within: self.place_within[r.place].clone(),
                        })
                        .collect(),
                    has_code: body.has_code,
                };
                ctx.insert("article", &view);
                // Articles are newest first: the previous (older) one follows in the list.
                let link = |j: usize| Link {
                    name: self.archive.articles[j].article.title.clone(),
                    url: self.cards[j].url.clone(),
                    count: None,
                };
                ctx.insert(
                    "prev",
                    &(*i + 1 < self.archive.articles.len()).then(|| link(*i + 1)),
                );
                ctx.insert("next", &(*i > 0).then(|| link(*i - 1)));
                let description = self.cards[*i].summary.clone();
                (
                    format!("articles/{}", e.slug),
                    "article.html",
                    a.title.clone(),
                    "article",
                    description,
                )
            }
            Job::TopicIndex => {
                ctx.insert("terms", self.topic_links);
                (
                    "topics/index".to_string(),
                    "topics.html",
                    "Topics".to_string(),
                    "topics",
                    String::new(),
                )
            }
            Job::PlaceIndex => {
                ctx.insert("terms", self.place_links);
                ctx.insert("tree", self.tree);
                let unlocated: Vec<&Link> = self
                    .place_links
                    .iter()
                    .zip(&self.archive.places)
                    .filter(|(_, p)| p.id.is_none())
                    .map(|(l, _)| l)
                    .collect();
                ctx.insert("unlocated", &unlocated);
                let dots = world_dots(self.archive, self.place_links, "../");
                ctx.insert(
                    "map",
                    &draw_map(&MapView::World, &dots, "Places in the archive"),
                );
                (
                    "places/index".to_string(),
                    "places.html",
                    "Places".to_string(),
                    "places",
                    String::new(),
                )
            }
            Job::ArchiveIndex => {
                let mut years: Vec<YearView> = Vec::new();
                for m in &self.archive.months {
                    let link = Link {
                        name: crate::date::MONTHS[usize::from(m.month) - 1].to_string(),
                        url: urls.link(&format!("archive/{}", m.key())),
                        count: Some(m.articles.len()),
                    };
                    match years.last_mut() {
                        Some(y) if y.year == m.year => {
                            y.count += m.articles.len();
                            y.months.push(link);
                        }
                        _ => years.push(YearView {
                            year: m.year,
                            count: m.articles.len(),
                            months: vec![link],
                        }),
                    }
                }
                ctx.insert("years", &years);
                let undated = (!self.archive.undated.is_empty()).then(|| Link {
                    name: "Undated".into(),
                    url: urls.link("archive/undated"),
                    count: Some(self.archive.undated.len()),
                });
                ctx.insert("undated", &undated);
                (
                    "archive/index".to_string(),
                    "archive.html",
                    "Archive".to_string(),
                    "archive",
                    String::new(),
                )
            }
            Job::Listing(listing, page) => {
                let page = *page;
                let Listing {
                    kind,
                    heading,
                    base,
                    items,
                    about,
                    place,
                    related,
                    related_heading,
                } = listing;
                let total = listing.pages(self.per_page);
                let start = (page - 1) * self.per_page;
                let end = (start + self.per_page).min(items.len());
                let cards = |range: std::ops::Range<usize>| -> Vec<&Card> {
                    items
                        .get(range)
                        .unwrap_or_default()
                        .iter()
                        .map(|&i| &self.cards[i])
                        .collect()
                };
                let split = (*about).clamp(start, end.max(start));
                ctx.insert("articles", &cards(start..split));
                ctx.insert("mentions", &cards(split..end.max(split)));
                ctx.insert("count", &items.len());
                ctx.insert("heading", heading);
                ctx.insert("listing", kind);
                ctx.insert("related", related);
                ctx.insert("related_heading", related_heading);
                ctx.insert("pagination", &pagination(urls, base, page, total));
                let view = place.map(|p| &self.place_views[p]);
                ctx.insert("place", &view);
                // The locator is drawn once per place, on its first page.
                let map = match place {
                    Some(p) if page == 1 => {
                        let root = root_of(&urls.file(base));
                        locator(self.archive, *p, self.place_links, &root).and_then(
                            |(focus, dots)| {
                                let title = match view.map(|v| v.within.as_str()) {
                                    Some(within) if !within.is_empty() => {
                                        format!("{heading}, {within}, on the map")
                                    }
                                    _ => format!("{heading} on the map"),
                                };
                                draw_map(&MapView::Locator(focus), &dots, &title)
                            },
                        )
                    }
                    _ => None,
                };
                ctx.insert("map", &map);
                let title = if page > 1 {
                    format!("{heading} (page {page})")
                } else {
                    heading.clone()
                };
                let description = format!("{} briefings", items.len());
                (
                    urls.paged(base, page),
                    "list.html",
                    title,
                    "list",
                    description,
                )
            }
            Job::NotFound => (
                "404".to_string(),
                "404.html",
                "Page not found".to_string(),
                "404",
                String::new(),
            ),
        };
        let file = match job {
            Job::NotFound => "404.html".to_string(),
            _ => urls.file(&base),
        };
        ctx.insert("root", &root_of(&file));
        ctx.insert(
            "page",
            &PageInfo {
                kind,
                title,
                description,
                path: urls.link(&base),
            },
        );
        ctx.insert("nav", &self.theme.nav);
        (file, template, ctx)
    }
}

fn is_web_url(u: &str) -> bool {
    let lower = u.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

fn top(links: &[Link], n: usize) -> Vec<Link> {
    let mut v: Vec<&Link> = links.iter().collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    v.into_iter().take(n).cloned().collect()
}

fn pagination(urls: Urls, base: &str, current: usize, total: usize) -> Pagination {
    let url = |n: usize| urls.link(&urls.paged(base, n));
    let mut pages = Vec::new();
    let mut gap = false;
    for n in 1..=total {
        if n == 1 || n == total || n.abs_diff(current) <= 2 {
            pages.push(PageNumber {
                number: n,
                url: Some(url(n)),
                current: n == current,
            });
            gap = false;
        } else if !gap {
            pages.push(PageNumber {
                number: n,
                url: None,
                current: false,
            });
            gap = true;
        }
    }
    Pagination {
        current,
        total,
        prev: (current > 1).then(|| url(current - 1)),
        next: (current < total).then(|| url(current + 1)),
        pages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_in_both_styles() {
        let ugly = Urls {
            style: UrlStyle::Ugly,
        };
        let pretty = Urls {
            style: UrlStyle::Pretty,
        };
        assert_eq!(ugly.link("articles/x"), "articles/x.html");
        assert_eq!(pretty.link("articles/x"), "articles/x/");
        assert_eq!(pretty.file("articles/x"), "articles/x/index.html");
        assert_eq!(pretty.link("topics/index"), "topics/");
        assert_eq!(pretty.file("topics/index"), "topics/index.html");
        assert_eq!(pretty.link("index"), "");
        assert_eq!(ugly.paged("topics/x", 2), "topics/x/page-2");
        assert_eq!(pretty.paged("topics/x", 3), "topics/x/page/3");
        assert_eq!(root_of("index.html"), "./");
        assert_eq!(root_of("topics/x/page-2.html"), "../../");
    }

    #[test]
    fn pagination_elides_far_pages() {
        let p = pagination(
            Urls {
                style: UrlStyle::Ugly,
            },
            "topics/x",
            10,
            30,
        );
        let shown: Vec<Option<usize>> = p
            .pages
            .iter()
            .map(|n| n.url.as_ref().map(|_| n.number))
            .collect();
        assert_eq!(
            shown,
            [
                Some(1),
                None,
                Some(8),
                Some(9),
                Some(10),
                Some(11),
                Some(12),
                None,
                Some(30)
            ]
        );
        assert_eq!(p.prev.as_deref(), Some("topics/x/page-9.html"));
        assert_eq!(p.next.as_deref(), Some("topics/x/page-11.html"));
        let first = pagination(
            Urls {
                style: UrlStyle::Ugly,
            },
            "topics/x",
            2,
            2,
        );
        assert_eq!(first.prev.as_deref(), Some("topics/x.html"));
    }

    /// An archive of three articles: about Spin Boldak, about Afghanistan, and about an
    /// unknown camp.
    fn placed_archive() -> (Archive, Vec<Link>) {
        use crate::enrich::Enriched;
        use crate::places::{FoundPlace, found_place, resolve_curated};
        let g = Gazetteer::get();
        let place = |reference: &str| FoundPlace {
            about: true,
            ..found_place(g, resolve_curated(g, reference, &[]).unwrap())
        };
        let article = |path: &str, places: Vec<FoundPlace>| Enriched {
            article: crate::parse::Article {
                path: path.into(),
                title: path.into(),
                ..Default::default()
            },
            places,
        };
        let mut camp = place("Kabul");
        camp.place = None;
        camp.name = "Camp Nowhere".into();
        let archive = Archive::new(
            vec![
                article("content/a.md", vec![place("Spin Boldak")]),
                article(
                    "content/b.md",
                    vec![place("Afghanistan"), place("Pakistan")],
                ),
                article("content/c.md", vec![camp]),
            ],
            g,
        )
        .unwrap();
        let links = archive
            .places
            .iter()
            .map(|p| Link {
                name: p.name.clone(),
                url: format!("places/{}.html", p.slug),
                count: Some(p.count()),
            })
            .collect();
        (archive, links)
    }

    fn at(archive: &Archive, slug: &str) -> usize {
        archive.places.iter().position(|p| p.slug == slug).unwrap()
    }

    #[test]
    fn the_world_map_has_a_dot_per_country_linking_its_page() {
        let (archive, links) = placed_archive();
        let dots = world_dots(&archive, &links, "../");
        let labels: Vec<(&str, usize, Option<&str>)> = dots
            .iter()
            .map(|d| (d.label.as_str(), d.count, d.href.as_deref()))
            .collect();
        assert_eq!(
            labels,
            [
                ("Afghanistan", 2, Some("../places/afghanistan.html")),
                ("Pakistan", 1, Some("../places/pakistan.html"))
            ]
        );
        assert!((dots[0].lat - 33.0).abs() < 5.0 && (dots[0].lon - 66.0).abs() < 5.0);
    }

    #[test]
    fn a_locator_shows_the_country_the_point_and_the_places_inside() {
        let (archive, links) = placed_archive();
        let (focus, dots) = locator(&archive, at(&archive, "spin-boldak"), &links, "../").unwrap();
        assert_eq!(focus.highlight, ["AF"]);
        assert!(focus.point.is_some());
        assert_eq!(dots.len(), 1);
        assert_eq!(dots[0].href.as_deref(), Some("../places/spin-boldak.html"));

        let (focus, dots) = locator(&archive, at(&archive, "afghanistan"), &links, "../").unwrap();
        assert_eq!(
            focus,
            Focus {
                highlight: vec!["AF".into()],
                point: None
            }
        );
        let labels: Vec<&str> = dots.iter().map(|d| d.label.as_str()).collect();
        assert_eq!(labels, ["Kandahar"]);

        let (focus, dots) = locator(&archive, at(&archive, "asia"), &links, "../").unwrap();
        assert_eq!(focus.highlight, ["AF", "PK"]);
        assert_eq!(dots.len(), 2);

        assert!(locator(&archive, at(&archive, "camp-nowhere"), &links, "../").is_none());
    }

    #[test]
    fn the_place_tree_starts_at_the_continents() {
        let (archive, links) = placed_archive();
        let tree = place_tree(&archive, &links);
        assert_eq!(tree.len(), 1);
        assert_eq!(tree[0].name, "Asia");
        assert_eq!(tree[0].count, 2);
        let town = &tree[0].children[0].children[0].children[0];
        assert_eq!((town.name.as_str(), town.count), ("Spin Boldak", 1));
        assert_eq!(
            within(&archive, at(&archive, "spin-boldak")),
            "Kandahar, Afghanistan"
        );
    }

    #[test]
    fn shortens_at_words() {
        assert_eq!(shorten("one two three", 100), "one two three");
        assert_eq!(shorten("one two, three", 9), "one two…");
    }
}
