//! Helpers for the integration tests: run the `briefing` binary, copy and compare folders,
//! read the pages it writes (a small tag scanner, enough for the theme's stable hooks), and
//! check that every internal link of a built site resolves to a file inside it.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// A build that hangs is a failure, not a stuck test run.
const BUILD_TIMEOUT: Duration = Duration::from_secs(300);

/// The `briefing` binary built by cargo for these tests.
pub(crate) fn briefing() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_briefing"));
    command.env("NO_COLOR", "1").stdin(Stdio::null());
    command
}

/// `tests/fixtures/<name>`.
pub(crate) fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// What one run of the binary left behind.
pub(crate) struct Run {
    pub(crate) status: ExitStatus,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Run {
    /// The exit code; `None` when a signal ended the process.
    pub(crate) fn code(&self) -> Option<i32> {
        self.status.code()
    }

    /// Panics, showing the run's output, unless the process exited with `code`.
    pub(crate) fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code(),
            Some(code),
            "expected exit code {code}\n--- stdout:\n{}\n--- stderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// Panics unless the build succeeded.
    pub(crate) fn assert_success(&self) -> &Self {
        self.assert_code(0)
    }

    /// Stderr lines that start with `prefix`.
    pub(crate) fn stderr_lines_starting(&self, prefix: &str) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|line| line.starts_with(prefix))
            .collect()
    }

    /// Panics unless some stderr line starts with `prefix`.
    pub(crate) fn assert_stderr_line_starting(&self, prefix: &str) -> &Self {
        assert!(
            !self.stderr_lines_starting(prefix).is_empty(),
            "no stderr line starts with {prefix:?}\n--- stderr:\n{}",
            self.stderr
        );
        self
    }
}

/// Runs `briefing` with `args` and waits for it (with a generous time limit).
pub(crate) fn run(args: &[&str]) -> Run {
    let mut child = briefing()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the briefing binary");
    let stdout = drain(child.stdout.take().expect("piped stdout"));
    let stderr = drain(child.stderr.take().expect("piped stderr"));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for briefing") {
            break status;
        }
        if started.elapsed() > BUILD_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("briefing {args:?} did not finish within {BUILD_TIMEOUT:?}");
        }
        thread::sleep(Duration::from_millis(5));
    };
    Run {
        status,
        stdout: stdout.join().expect("read stdout"),
        stderr: stderr.join().expect("read stderr"),
    }
}

fn drain(mut pipe: impl Read + Send + 'static) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// `briefing build --root <root> --output <output> <extra...>`.
pub(crate) fn run_build(root: &Path, output: &Path, extra: &[&str]) -> Run {
    let root = root.to_str().expect("UTF-8 temp path");
    let output = output.to_str().expect("UTF-8 temp path");
    let mut args = vec!["build", "--root", root, "--output", output];
    args.extend_from_slice(extra);
    run(&args)
}

/// A fresh temporary folder.
pub(crate) fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("create a temporary folder")
}

/// Builds fixture `name` (read in place) into `<tmp>/site`; panics unless it succeeds.
pub(crate) fn build_fixture(name: &str, tmp: &Path) -> PathBuf {
    let site = tmp.join("site");
    run_build(&fixture(name), &site, &[]).assert_success();
    site
}

/// Copies the folder `from` to `to` (created), recursively.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create copy target");
    for entry in fs::read_dir(from).expect("read folder to copy") {
        let entry = entry.expect("read folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Copies fixture `name` to `<tmp>/root` so a test can change it; returns the copy.
pub(crate) fn copy_fixture(name: &str, tmp: &Path) -> PathBuf {
    let root = tmp.join("root");
    copy_dir(&fixture(name), &root);
    root
}

/// One entry of a folder tree, as compared byte for byte.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Entry {
    Dir,
    File(Vec<u8>),
    Symlink(PathBuf),
}

/// Every path under `dir` (relative, '/'-separated) with what it holds. Empty when `dir`
/// does not exist.
pub(crate) fn tree_bytes(dir: &Path) -> BTreeMap<String, Entry> {
    let mut tree = BTreeMap::new();
    if dir.exists() {
        collect_tree(dir, dir, &mut tree);
    }
    tree
}

fn collect_tree(base: &Path, dir: &Path, tree: &mut BTreeMap<String, Entry>) {
    for entry in fs::read_dir(dir).expect("read folder") {
        let entry = entry.expect("read folder entry");
        let path = entry.path();
        let rel = relative(base, &path);
        let kind = entry.file_type().expect("file type");
        if kind.is_symlink() {
            let target = fs::read_link(&path).expect("read symlink");
            tree.insert(rel, Entry::Symlink(target));
        } else if kind.is_dir() {
            tree.insert(rel, Entry::Dir);
            collect_tree(base, &path, tree);
        } else {
            tree.insert(rel, Entry::File(fs::read(&path).expect("read file")));
        }
    }
}

fn relative(base: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(base).expect("path under base");
    let parts: Vec<_> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// Panics with the paths that differ (never with the bytes) unless the trees are equal.
pub(crate) fn assert_same_tree(
    before: &BTreeMap<String, Entry>,
    after: &BTreeMap<String, Entry>,
    what: &str,
) {
    let mut differences = Vec::new();
    for (path, entry) in before {
        match after.get(path) {
            None => differences.push(format!("removed: {path}")),
            Some(other) if other != entry => differences.push(format!("changed: {path}")),
            Some(_) => {}
        }
    }
    for path in after.keys() {
        if !before.contains_key(path) {
            differences.push(format!("added: {path}"));
        }
    }
    assert!(
        differences.is_empty(),
        "{what}: {} difference(s):\n{}",
        differences.len(),
        differences.join("\n")
    );
}

/// Site-relative paths ('/'-separated) of every file under `site` ending in `suffix`.
pub(crate) fn files_ending(site: &Path, suffix: &str) -> Vec<String> {
    tree_bytes(site)
        .into_iter()
        .filter(|(path, entry)| matches!(entry, Entry::File(_)) && path.ends_with(suffix))
        .map(|(path, _)| path)
        .collect()
}

/// Site-relative paths of the article pages.
pub(crate) fn article_pages(site: &Path) -> Vec<String> {
    files_ending(site, ".html")
        .into_iter()
        .filter(|path| path.starts_with("articles/"))
        .collect()
}

/// Panics unless `site/<rel>` is a file.
pub(crate) fn assert_file(site: &Path, rel: &str) {
    assert!(
        site.join(rel).is_file(),
        "{rel} was not written; the site has:\n{}",
        files_ending(site, "").join("\n")
    );
}

/// Panics if `site/<rel>` exists.
pub(crate) fn assert_no_file(site: &Path, rel: &str) {
    assert!(!site.join(rel).exists(), "{rel} should not exist");
}

// ---------------------------------------------------------------------------------------
// Reading pages

/// One start or end tag of an HTML page.
#[derive(Debug, Clone)]
pub(crate) struct Tag {
    /// Lower-case element name.
    pub(crate) name: String,
    pub(crate) closing: bool,
    /// Attribute names (lower-case) and values (entities decoded).
    pub(crate) attrs: Vec<(String, String)>,
    /// Byte offsets of `<` and just after `>`.
    pub(crate) start: usize,
    pub(crate) end: usize,
}

impl Tag {
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// Whether the whitespace-separated attribute `name` holds `word` (class, rel).
    pub(crate) fn has_word(&self, name: &str, word: &str) -> bool {
        self.attr(name)
            .is_some_and(|value| value.split_whitespace().any(|w| w == word))
    }
}

/// Every start and end tag in `html`, in order. Comments and declarations are skipped, and
/// so is the content of `<script>` and `<style>`.
pub(crate) fn tags(html: &str) -> Vec<Tag> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        let start = i + offset;
        if html[start..].starts_with("<!--") {
            i = html[start..]
                .find("-->")
                .map_or(html.len(), |end| start + end + 3);
            continue;
        }
        let closing = bytes.get(start + 1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            i = start + 1;
            continue;
        }
        let mut j = name_start;
        while j < bytes.len() && !bytes[j].is_ascii_whitespace() && !b"/>".contains(&bytes[j]) {
            j += 1;
        }
        let name = html[name_start..j].to_ascii_lowercase();
        let (attrs, end) = attributes(html, j);
        let raw_text = !closing && (name == "script" || name == "style");
        tags.push(Tag {
            name: name.clone(),
            closing,
            attrs,
            start,
            end,
        });
        i = end;
        if raw_text {
            let close = format!("</{name}");
            match html[i..].to_ascii_lowercase().find(&close) {
                Some(offset) => i += offset,
                None => i = html.len(),
            }
        }
    }
    tags
}

/// Parses attributes from `i` up to the tag's `>`; returns them and the offset after `>`.
fn attributes(html: &str, mut i: usize) -> (Vec<(String, String)>, usize) {
    let bytes = html.as_bytes();
    let mut attrs = Vec::new();
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return (attrs, i);
        }
        if bytes[i] == b'>' {
            return (attrs, i + 1);
        }
        let name_start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !b"=>/".contains(&bytes[i]) {
            i += 1;
        }
        let name = html[name_start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                Some(&quote) if quote == b'"' || quote == b'\'' => {
                    let value_start = i + 1;
                    let value_end = html[value_start..]
                        .find(quote as char)
                        .map_or(html.len(), |end| value_start + end);
                    value = decode_entities(&html[value_start..value_end]);
                    i = (value_end + 1).min(html.len());
                }
                _ => {
                    let value_start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = decode_entities(&html[value_start..i]);
                }
            }
        }
        if !name.is_empty() {
            attrs.push((name, value));
        }
    }
}

/// Decodes the character references a page is likely to hold.
pub(crate) fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let entity = &rest[1..semi];
            let ch = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                    .and_then(char::from_u32),
            };
            ch.map(|ch| (ch, semi))
        });
        match decoded {
            Some((ch, semi)) => {
                out.push(ch);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// One element of a page: its start tag and what lies between it and its end tag.
pub(crate) struct Element<'a> {
    pub(crate) tag: Tag,
    pub(crate) inner: &'a str,
}

impl Element<'_> {
    /// The text content: tags removed, entities decoded, whitespace collapsed.
    pub(crate) fn text(&self) -> String {
        text_of(self.inner)
    }
}

/// Elements that start a new line of text; other tags (span, a, em, ...) sit inside a line.
const BLOCK_ELEMENTS: [&str; 28] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "ul",
];

/// The text of an HTML fragment: tags removed (block elements separate words), entities
/// decoded, whitespace collapsed.
pub(crate) fn text_of(fragment: &str) -> String {
    let mut text = String::new();
    let mut last = 0;
    for tag in tags(fragment) {
        text.push_str(&fragment[last..tag.start]);
        let table_cell = ["td", "th", "tr", "table"].contains(&tag.name.as_str());
        if table_cell || BLOCK_ELEMENTS.contains(&tag.name.as_str()) {
            text.push(' ');
        }
        last = tag.end;
    }
    text.push_str(&fragment[last..]);
    decode_entities(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A page of a built site.
pub(crate) struct Page {
    /// Site-relative path, '/'-separated.
    pub(crate) path: String,
    pub(crate) html: String,
    pub(crate) tags: Vec<Tag>,
    site: PathBuf,
}

impl Page {
    /// Reads `site/<rel>`; panics with the site's file list when it is missing.
    pub(crate) fn open(site: &Path, rel: &str) -> Page {
        assert_file(site, rel);
        let html = fs::read_to_string(site.join(rel))
            .unwrap_or_else(|err| panic!("{rel} is not UTF-8: {err}"));
        Page {
            path: rel.to_owned(),
            tags: tags(&html),
            html,
            site: site.to_owned(),
        }
    }

    /// The pages of a paginated listing (at most 20), following
    /// `nav.pagination a[rel=next]` from `site/<first>`.
    pub(crate) fn listing(site: &Path, first: &str) -> Vec<Page> {
        let mut pages = vec![Page::open(site, first)];
        while pages.len() < 20 {
            let last = pages.last().expect("at least one page");
            let next = last
                .elements("nav", Some("pagination"))
                .first()
                .and_then(|_| last.rel_target_within("nav", "pagination", "next"));
            match next {
                Some(next) => pages.push(Page::open(site, &next)),
                None => break,
            }
        }
        pages
    }

    /// Elements named `name` (and having class `class`, when given), in page order.
    pub(crate) fn elements(&self, name: &str, class: Option<&str>) -> Vec<Element<'_>> {
        let mut found = Vec::new();
        for (index, tag) in self.tags.iter().enumerate() {
            if tag.closing || tag.name != name {
                continue;
            }
            if class.is_some_and(|class| !tag.has_word("class", class)) {
                continue;
            }
            let mut depth = 0;
            let mut inner_end = self.html.len();
            for later in &self.tags[index + 1..] {
                if later.name != name {
                    continue;
                }
                if !later.closing {
                    depth += 1;
                } else if depth == 0 {
                    inner_end = later.start;
                    break;
                } else {
                    depth -= 1;
                }
            }
            found.push(Element {
                tag: tag.clone(),
                inner: &self.html[tag.end..inner_end],
            });
        }
        found
    }

    /// The first element named `name` with class `class`; panics when there is none.
    pub(crate) fn element(&self, name: &str, class: &str) -> Element<'_> {
        self.elements(name, Some(class))
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("{}: no <{name} class=\"{class}\">", self.path))
    }

    /// The text of the first `name` element (h1, title, ...); panics when there is none.
    pub(crate) fn text_of_first(&self, name: &str) -> String {
        self.elements(name, None)
            .first()
            .unwrap_or_else(|| panic!("{}: no <{name}>", self.path))
            .text()
    }

    /// Where a link from this page leads: the site-relative path of the file it names, or
    /// `None` for external links and pure fragments. Panics on links the site may not hold
    /// (absolute, outside the site).
    pub(crate) fn target(&self, link: &str) -> Option<String> {
        match resolve(&self.path, link) {
            Resolved::External => None,
            Resolved::Internal(path) => Some(path),
            Resolved::Broken(why) => panic!("{}: link {link:?} {why}", self.path),
        }
    }

    /// Targets of the `<a href>` links in `fragment` (a part of this page).
    pub(crate) fn link_targets_in(&self, fragment: &str) -> Vec<String> {
        tags(fragment)
            .iter()
            .filter(|tag| tag.name == "a" && !tag.closing)
            .filter_map(|tag| tag.attr("href"))
            .filter_map(|href| self.target(href))
            .collect()
    }

    /// Targets of every `<a href>` link on the page.
    pub(crate) fn link_targets(&self) -> Vec<String> {
        self.link_targets_in(&self.html)
    }

    /// Targets of the `<a href>` links inside the first `<name class="class">`.
    pub(crate) fn link_targets_within(&self, name: &str, class: &str) -> Vec<String> {
        self.link_targets_in(self.element(name, class).inner)
    }

    /// Target of the `<a rel="rel">` inside the first `<name class="class">`, if any.
    pub(crate) fn rel_target_within(&self, name: &str, class: &str, rel: &str) -> Option<String> {
        tags(self.element(name, class).inner)
            .iter()
            .find(|tag| tag.name == "a" && !tag.closing && tag.has_word("rel", rel))
            .map(|tag| {
                let href = tag.attr("href").unwrap_or_default();
                self.target(href)
                    .unwrap_or_else(|| panic!("{}: rel={rel} link {href:?}", self.path))
            })
    }

    /// Whether a link of this page leads to `target` (site-relative).
    pub(crate) fn links_to(&self, target: &str) -> bool {
        self.link_targets().iter().any(|t| t == target)
    }

    /// Panics unless a link of this page leads to `target`.
    pub(crate) fn assert_links_to(&self, target: &str) {
        assert!(
            self.links_to(target),
            "{} has no link to {target}; it links to:\n{}",
            self.path,
            self.link_targets().join("\n")
        );
        assert!(
            self.site.join(target).is_file(),
            "{} links to {target}, which was not written",
            self.path
        );
    }
}

// ---------------------------------------------------------------------------------------
// Link checking

/// What a link in a page points at.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Resolved {
    /// http(s), mailto, tel, data, or a fragment of the same page: nothing to check.
    External,
    /// The site-relative path of the file the link names.
    Internal(String),
    /// Why the link cannot be right.
    Broken(String),
}

/// Resolves `link`, found in the site-relative page `page`. A link ending in `/` names the
/// folder's `index.html`; `?query` and `#fragment` are dropped.
pub(crate) fn resolve(page: &str, link: &str) -> Resolved {
    let link = link.trim();
    if link.starts_with('#') {
        return Resolved::External;
    }
    if link.starts_with('/') {
        return Resolved::Broken("starts with '/' (not relative)".into());
    }
    if let Some((scheme, _)) = link.split_once(':')
        && !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        && !scheme.contains('/')
    {
        return match scheme.to_ascii_lowercase().as_str() {
            "http" | "https" | "mailto" | "tel" | "data" => Resolved::External,
            other => Resolved::Broken(format!("has the scheme {other:?}")),
        };
    }
    let path = link.split(['#', '?']).next().unwrap_or_default();
    let path = percent_decode(path);
    let mut parts: Vec<String> = page.split('/').map(str::to_owned).collect();
    parts.pop(); // the page's own file name
    for component in Path::new(&path).components() {
        match component {
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            Component::ParentDir => {
                if parts.pop().is_none() {
                    return Resolved::Broken("leads outside the site".into());
                }
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => {
                return Resolved::Broken("is absolute".into());
            }
        }
    }
    if path.is_empty() {
        // An empty link names the page itself.
        return Resolved::Internal(page.to_owned());
    }
    if path.ends_with('/') || path == "." || path == ".." || path.ends_with("/.") {
        parts.push("index.html".into());
    }
    Resolved::Internal(parts.join("/"))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = text
                .get(i + 1..i + 3)
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every `href` and `src` of every `.html` file of `site` that is internal must name an
/// existing file inside `site`, and none may start with `/`. Returns the problems found.
pub(crate) fn link_check(site: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for page in files_ending(site, ".html") {
        let html = match fs::read_to_string(site.join(&page)) {
            Ok(html) => html,
            Err(err) => {
                problems.push(format!("{page}: not UTF-8 ({err})"));
                continue;
            }
        };
        for tag in tags(&html) {
            for (name, link) in &tag.attrs {
                if name != "href" && name != "src" {
                    continue;
                }
                match resolve(&page, link) {
                    Resolved::External => {}
                    Resolved::Broken(why) => {
                        problems.push(format!("{page}: {name}={link:?} {why}"));
                    }
                    Resolved::Internal(target) => {
                        if !site.join(&target).is_file() {
                            problems.push(format!(
                                "{page}: {name}={link:?} -> {target}, which does not exist"
                            ));
                        }
                    }
                }
            }
        }
    }
    problems
}

/// Panics with every broken link of `site`.
pub(crate) fn assert_links_resolve(site: &Path) {
    let problems = link_check(site);
    assert!(
        problems.is_empty(),
        "{} broken link(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}
