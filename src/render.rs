//! The render stage: the archive to pages, through the theme's tera templates, into the writer.
//!
//! Takes an [`Archive`], the [`Config`] and a [`Theme`]; renders article bodies (markdown),
//! computes every listing's values once, then renders and writes all pages in parallel.
//! Every link a template receives is relative to the site root, and each page gets `root`, its
//! own way back to it (`../`), so the site works under any path and from disk.

use crate::archive::{Archive, Term};
use crate::config::{Config, UrlStyle};
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
    places: Vec<Link>,
    has_code: bool,
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

/// One page to render.
enum Job<'a> {
    Home,
    Article(usize),
    TopicIndex,
    PlaceIndex,
    ArchiveIndex,
    Listing {
        kind: &'static str,
        heading: String,
        base: String,
        items: &'a [usize],
        page: usize,
        related: Vec<Link>,
        related_heading: &'static str,
    },
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
    let place_links: Vec<Link> = term_links(&archive.places, "places", urls);
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

    let mut jobs: Vec<Job> = vec![
        Job::Home,
        Job::TopicIndex,
        Job::PlaceIndex,
        Job::ArchiveIndex,
        Job::NotFound,
    ];
    jobs.extend((0..archive.articles.len()).map(Job::Article));
    let per_page = config.per_page.max(1);
    for term in &archive.topics {
        let related = co_occurring(archive, &term.articles, |e| &e.places, &place_links);
        push_listing(
            &mut jobs,
            per_page,
            "topic",
            term.name.clone(),
            format!("topics/{}", term.slug),
            &term.articles,
            related,
            "Places in this topic",
        );
    }
    for term in &archive.places {
        let related = co_occurring(archive, &term.articles, |e| &e.topics, &topic_links);
        push_listing(
            &mut jobs,
            per_page,
            "place",
            term.name.clone(),
            format!("places/{}", term.slug),
            &term.articles,
            related,
            "Topics in this place",
        );
    }
    for month in &archive.months {
        let heading = format!(
            "{} {}",
            crate::date::MONTHS[usize::from(month.month) - 1],
            month.year
        );
        push_listing(
            &mut jobs,
            per_page,
            "month",
            heading,
            format!("archive/{}", month.key()),
            &month.articles,
            Vec::new(),
            "",
        );
    }
    if !archive.undated.is_empty() {
        push_listing(
            &mut jobs,
            per_page,
            "undated",
            "Undated".into(),
            "archive/undated".into(),
            &archive.undated,
            Vec::new(),
            "",
        );
    }

    let renderer = PageRenderer {
        archive,
        config,
        theme,
        urls,
        bodies: &bodies,
        cards: &cards,
        topic_links: &topic_links,
        place_links: &place_links,
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

#[allow(clippy::too_many_arguments)]
fn push_listing<'a>(
    jobs: &mut Vec<Job<'a>>,
    per_page: usize,
    kind: &'static str,
    heading: String,
    base: String,
    items: &'a [usize],
    related: Vec<Link>,
    related_heading: &'static str,
) {
    let pages = items.len().div_ceil(per_page).max(1);
    for page in 1..=pages {
        jobs.push(Job::Listing {
            kind,
            heading: heading.clone(),
            base: base.clone(),
            items,
            page,
            related: related.clone(),
            related_heading,
        });
    }
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
fn co_occurring(
    archive: &Archive,
    articles: &[usize],
    terms_of: impl Fn(&crate::archive::Entry) -> &Vec<usize>,
    links: &[Link],
) -> Vec<Link> {
    let mut counts: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for &i in articles {
        for &t in terms_of(&archive.articles[i]) {
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
                ctx.insert("top_places", &top(self.place_links, 10));
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
                        .map(|&p| self.place_links[p].clone())
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
            Job::Listing {
                kind,
                heading,
                base,
                items,
                page,
                related,
                related_heading,
            } => {
                let total = items.len().div_ceil(self.per_page).max(1);
                let start = (page - 1) * self.per_page;
                let shown: Vec<&Card> = items
                    .iter()
                    .skip(start)
                    .take(self.per_page)
                    .map(|&i| &self.cards[i])
                    .collect();
                ctx.insert("articles", &shown);
                ctx.insert("count", &items.len());
                ctx.insert("heading", heading);
                ctx.insert("listing", kind);
                ctx.insert("related", related);
                ctx.insert("related_heading", related_heading);
                ctx.insert("pagination", &pagination(urls, base, *page, total));
                let title = if *page > 1 {
                    format!("{heading} (page {page})")
                } else {
                    heading.clone()
                };
                let description = format!("{} briefings", items.len());
                (
                    urls.paged(base, *page),
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

    #[test]
    fn shortens_at_words() {
        assert_eq!(shorten("one two three", 100), "one two three");
        assert_eq!(shorten("one two, three", 9), "one two…");
    }
}
