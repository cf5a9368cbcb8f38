//! The whole archive in memory: stable unique slugs, and the indexes by topic, place and month.
//!
//! Takes parsed [`Article`]s; gives an [`Archive`] with articles newest first, every topic and
//! place with its articles, and the date archive. Computed once per build, so pages receive
//! small ready-made values instead of walking the archive themselves.

use crate::diagnostic::Diagnostic;
use crate::parse::Article;
use crate::slug::slugify;
use std::collections::{BTreeMap, HashMap};

/// A topic or a place, with the articles that carry it.
#[derive(Debug, Clone)]
pub struct Term {
    /// Display name, as first written in the archive (in source path order).
    pub name: String,
    /// URL slug, unique within its kind.
    pub slug: String,
    /// Indexes into [`Archive::articles`], newest first.
    pub articles: Vec<usize>,
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
    /// Indexes into [`Archive::places`].
    pub places: Vec<usize>,
}

/// The archive, ready to render.
#[derive(Debug, Clone, Default)]
pub struct Archive {
    /// Every article, newest first; undated articles last, in path order.
    pub articles: Vec<Entry>,
    /// Topics, by name.
    pub topics: Vec<Term>,
    /// Places, by name.
    pub places: Vec<Term>,
    /// Months, newest first.
    pub months: Vec<Month>,
    /// Articles with no date, in path order.
    pub undated: Vec<usize>,
}

impl Archive {
    /// Orders the articles, gives each a unique slug and builds the indexes.
    ///
    /// Errors: two curated slugs that are the same.
    pub fn new(mut articles: Vec<Article>) -> Result<Archive, Vec<Diagnostic>> {
        articles.sort_by(|a, b| match (&a.date, &b.date) {
            (Some(x), Some(y)) => y.cmp(x).then_with(|| a.path.cmp(&b.path)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.path.cmp(&b.path),
        });
        let slugs = assign_slugs(&articles)?;

        // Names are chosen in path order, so adding an article never renames a topic.
        let mut by_path: Vec<usize> = (0..articles.len()).collect();
        by_path.sort_by(|&a, &b| articles[a].path.cmp(&articles[b].path));
        let topics = Terms::collect(&articles, &by_path, |a| &a.topics);
        let places = Terms::collect(&articles, &by_path, |a| {
            a.places.as_deref().unwrap_or_default()
        });

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
            .enumerate()
            .map(|(i, (article, slug))| Entry {
                topics: topics.of_article[i].clone(),
                places: places.of_article[i].clone(),
                article,
                slug,
            })
            .collect();
        Ok(Archive {
            articles,
            topics: topics.terms,
            places: places.terms,
            months,
            undated,
        })
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
        names: impl Fn(&Article) -> &[String],
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

    fn article(path: &str, title: &str, date: Option<&str>) -> Article {
        Article {
            path: path.into(),
            title: title.into(),
            date: date.map(|d| Date::parse(d).unwrap()),
            ..Article::default()
        }
    }

    fn slug_of(a: &Archive, path: &str) -> String {
        a.articles
            .iter()
            .find(|e| e.article.path == path)
            .unwrap()
            .slug
            .clone()
    }

    #[test]
    fn same_titles_get_distinct_stable_slugs() {
        let one = vec![
            article("content/b.md", "Talks in Doha", Some("2021-07-17")),
            article("content/a.md", "Talks in Doha", Some("2021-07-18")),
        ];
        let archive = Archive::new(one.clone()).unwrap();
        assert_eq!(slug_of(&archive, "content/b.md"), "talks-in-doha");
        let second = slug_of(&archive, "content/a.md");
        assert!(second.starts_with("talks-in-doha-") && second.len() == "talks-in-doha-".len() + 6);

        let mut more = one;
        more.push(article("content/0.md", "Talks in Doha", Some("2021-08-01")));
        let grown = Archive::new(more).unwrap();
        assert_eq!(slug_of(&grown, "content/b.md"), "talks-in-doha");
        assert_eq!(slug_of(&grown, "content/a.md"), second);
    }

    #[test]
    fn curated_slugs_win_and_must_be_unique() {
        let mut a = article("content/a.md", "Kabul", None);
        a.slug = Some("kabul".into());
        let b = article("content/b.md", "Kabul", Some("2020-01-01"));
        let archive = Archive::new(vec![a.clone(), b]).unwrap();
        assert_eq!(slug_of(&archive, "content/a.md"), "kabul");
        assert_ne!(slug_of(&archive, "content/b.md"), "kabul");

        let mut c = article("content/c.md", "Other", None);
        c.slug = Some("kabul".into());
        let errs = Archive::new(vec![a, c]).unwrap_err();
        assert!(errs[0].message.contains("also the slug of content/a.md"));
    }

    #[test]
    fn indexes_by_topic_place_and_month_newest_first() {
        let mut a = article("content/a.md", "A", Some("2021-07-17"));
        a.topics = vec!["Politics".into()];
        a.places = Some(vec!["Kabul".into(), "Doha".into()]);
        let mut b = article("content/b.md", "B", Some("2021-08-02"));
        b.topics = vec!["politics".into(), "Health".into()];
        b.places = Some(vec!["Kabul".into()]);
        let c = article("content/c.md", "C", None);
        let archive = Archive::new(vec![a, b, c]).unwrap();
        assert_eq!(archive.articles[0].article.title, "B");
        assert_eq!(archive.articles[2].article.title, "C");
        let names: Vec<&str> = archive.topics.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Health", "Politics"]);
        assert_eq!(archive.topics[1].articles, [0, 1]);
        let kabul = archive.places.iter().find(|p| p.slug == "kabul").unwrap();
        assert_eq!(kabul.articles.len(), 2);
        assert_eq!(archive.months.len(), 2);
        assert_eq!(archive.months[0].key(), "2021-08");
        assert_eq!(archive.undated, [2]);
    }
}
