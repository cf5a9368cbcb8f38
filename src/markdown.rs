//! Markdown to HTML for article bodies, safe to put in a page.
//!
//! Takes a markdown body; gives its HTML, the plain text of its first paragraph (for listings)
//! and its word count. Raw HTML in the source is shown as text, links with script-running
//! schemes are dropped, and fenced code is highlighted with syntect (loaded on first use only).

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::sync::OnceLock;
use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::SyntaxSet;

/// An article body, rendered.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The body as HTML.
    pub html: String,
    /// Plain text of the first paragraph, for listings that have no curated summary.
    pub lead: String,
    /// Words of text in the body.
    pub words: usize,
    /// Whether the body has a highlighted code block (the page then links `highlight.css`).
    pub has_code: bool,
}

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Renders a markdown body.
pub fn render(markdown: &str) -> Rendered {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut out = Rendered::default();
    let mut events: Vec<Event> = Vec::new();
    let mut code: Option<(String, String)> = None; // (language, text)
    let mut dropped_ends: Vec<usize> = Vec::new(); // nesting depths of links we removed
    let mut depth = 0usize;
    let mut lead_state = Lead::Waiting;
    for event in Parser::new_ext(markdown, options) {
        if let Some((_, text)) = code.as_mut() {
            match event {
                Event::Text(t) => {
                    text.push_str(&t);
                    continue;
                }
                Event::End(TagEnd::CodeBlock) => {
                    let (lang, text) = code.take().unwrap_or_default();
                    let (html, highlighted) = highlight(&lang, &text);
                    out.has_code |= highlighted;
                    events.push(Event::Html(CowStr::from(html)));
                    continue;
                }
                _ => continue,
            }
        }
        match &event {
            Event::Text(t) | Event::Code(t) => {
                out.words += t.split_whitespace().count();
                if lead_state == Lead::InFirst {
                    out.lead.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak if lead_state == Lead::InFirst => {
                out.lead.push(' ')
            }
            Event::Start(Tag::Paragraph) if lead_state == Lead::Waiting => {
                lead_state = Lead::InFirst
            }
            Event::End(TagEnd::Paragraph) if lead_state == Lead::InFirst => lead_state = Lead::Done,
            _ => {}
        }
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            // Raw HTML is shown as written, never passed to the page.
            Event::Start(Tag::HtmlBlock) => {
                events.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)))
            }
            Event::End(TagEnd::HtmlBlock) => events.push(Event::End(TagEnd::CodeBlock)),
            Event::Html(t) | Event::InlineHtml(t) => events.push(Event::Text(t)),
            Event::Start(Tag::Link { ref dest_url, .. } | Tag::Image { ref dest_url, .. }) => {
                depth += 1;
                if safe_url(dest_url) {
                    events.push(event);
                } else {
                    dropped_ends.push(depth);
                }
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if dropped_ends.last() == Some(&depth) {
                    dropped_ends.pop();
                } else {
                    events.push(event);
                }
                depth = depth.saturating_sub(1);
            }
            other => events.push(other),
        }
    }
    outline_headings(&mut events);
    out.lead = out.lead.split_whitespace().collect::<Vec<_>>().join(" ");
    out.html.reserve(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut out.html, events.into_iter());
    out
}

/// The words of a markdown body as a reader sees them: blocks separated by one blank line,
/// list items and table rows one a line, markup gone.
pub fn plain_text(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut out = String::new();
    let mut block = String::new();
    let flush = |block: &mut String, out: &mut String| {
        let text = block.trim();
        if !text.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(text);
        }
        block.clear();
    };
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                block.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => block.push(' '),
            Event::End(TagEnd::Item | TagEnd::TableRow | TagEnd::TableHead) => block.push('\n'),
            Event::End(TagEnd::TableCell) => block.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::CodeBlock
                | TagEnd::List(_)
                | TagEnd::Table
                | TagEnd::HtmlBlock,
            ) => flush(&mut block, &mut out),
            _ => {}
        }
    }
    flush(&mut block, &mut out);
    out
}

#[derive(PartialEq, Eq)]
enum Lead {
    Waiting,
    InFirst,
    Done,
}

/// The page has its own `<h1>`: body headings are shifted so that the highest of them is an
/// `<h2>` and the outline has no gaps at its top (`#` and `###` alike become `<h2>`).
fn outline_headings(events: &mut [Event]) {
    let Some(top) = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .min()
    else {
        return;
    };
    let shift = |level: HeadingLevel| {
        let n = (level as usize + 2).saturating_sub(top).clamp(2, 6);
        HeadingLevel::try_from(n).unwrap_or(HeadingLevel::H6)
    };
    for e in events.iter_mut() {
        match e {
            Event::Start(Tag::Heading { level, .. }) => *level = shift(*level),
            Event::End(TagEnd::Heading(level)) => *level = shift(*level),
            _ => {}
        }
    }
}

/// Whether a link target is safe to click: relative, or one of the web's ordinary schemes.
/// Browsers ignore tabs and newlines inside a scheme, so they are ignored here too.
fn safe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(32)
        .collect();
    match cleaned.find(':') {
        None => true,
        Some(colon) => {
            let scheme = &cleaned[..colon];
            if scheme.contains(['/', '?', '#']) {
                return true;
            }
            matches!(
                scheme.to_ascii_lowercase().as_str(),
                "http" | "https" | "mailto" | "tel" | "ftp"
            )
        }
    }
}

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// A code block as HTML; highlighted (true) when its language is known.
fn highlight(lang: &str, code: &str) -> (String, bool) {
    let plain = || {
        let mut html = String::from("<pre class=\"code\"><code>");
        pulldown_cmark_escape::escape_html_body_text(&mut html, code).ok();
        html.push_str("</code></pre>\n");
        html
    };
    if lang.is_empty() {
        return (plain(), false);
    }
    let set = syntaxes();
    let Some(syntax) = set
        .find_syntax_by_token(lang)
        .or_else(|| set.find_syntax_by_extension(lang))
    else {
        return (plain(), false);
    };
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, CLASS_STYLE);
    for line in syntect::util::LinesWithEndings::from(code) {
        if generator
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return (plain(), false);
        }
    }
    let mut class = String::new();
    pulldown_cmark_escape::escape_html(&mut class, lang).ok();
    (
        format!(
            "<pre class=\"code highlight\"><code class=\"language-{class}\">{}</code></pre>\n",
            generator.finalize()
        ),
        true,
    )
}

/// The stylesheet for highlighted code: a light theme, and a dark one for dark mode.
pub fn highlight_css() -> String {
    let themes = ThemeSet::load_defaults();
    let mut css =
        String::from("/* Code highlighting, generated by Briefing from syntect's themes. */\n");
    if let Some(light) = themes.themes.get("InspiredGitHub")
        && let Ok(rules) = css_for_theme_with_class_style(light, CLASS_STYLE)
    {
        // Scoped, so that no light colour survives where the dark theme sets none.
        css.push_str("@media not all and (prefers-color-scheme: dark) {\n");
        css.push_str(&rules);
        css.push_str("}\n");
    }
    if let Some(dark) = themes.themes.get("base16-ocean.dark")
        && let Ok(rules) = css_for_theme_with_class_style(dark, CLASS_STYLE)
    {
        css.push_str("@media (prefers-color-scheme: dark) {\n");
        css.push_str(&rules);
        css.push_str("}\n");
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_shown_as_text() {
        let r = render(
            "Hello <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n<div onclick=\"x()\">block</div>\n",
        );
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.contains("<img"), "{}", r.html);
        assert!(!r.html.contains("<div"), "{}", r.html);
        assert!(r.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(r.html.contains("&lt;div onclick"));
    }

    #[test]
    fn script_links_are_dropped_but_their_text_kept() {
        let r = render(
            "[click](javascript:alert(1)) [ok](https://example.org) [rel](../a.html) [x](JaVa\tScRiPt:alert(1)) ![i](data:text/html,x)",
        );
        assert!(!r.html.to_lowercase().contains("javascript"), "{}", r.html);
        assert!(!r.html.contains("data:"), "{}", r.html);
        assert!(r.html.contains("click"));
        assert!(r.html.contains("href=\"https://example.org\""));
        assert!(r.html.contains("href=\"../a.html\""));
    }

    #[test]
    fn tables_footnotes_strikethrough() {
        let r = render("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^n] ~~old~~\n\n[^n]: Note.\n");
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("<del>old</del>"));
        assert!(r.html.contains("footnote-definition"));
    }

    #[test]
    fn code_is_highlighted_with_classes() {
        let r = render("```rust\nfn main() { let x = 1; }\n```\n");
        assert!(r.has_code);
        assert!(r.html.contains("class=\"hl-"), "{}", r.html);
        assert!(r.html.contains("language-rust"));
        let plain = render("```\n<b>x</b>\n```\n");
        assert!(!plain.has_code);
        assert!(plain.html.contains("&lt;b&gt;x&lt;/b&gt;"));
        assert!(highlight_css().contains(".hl-"));
    }

    #[test]
    fn headings_start_below_the_page_title_and_lead_is_the_first_paragraph() {
        let r = render("# Part\n\nFirst *para*\nwraps.\n\n## Sub\n\nSecond.\n");
        assert!(r.html.contains("<h2>Part</h2>"));
        assert!(r.html.contains("<h3>Sub</h3>"));
        assert!(
            render("## A\n\n#### B\n")
                .html
                .contains("<h2>A</h2>\n<h4>B</h4>")
        );
        assert!(render("### Only\n").html.contains("<h2>Only</h2>"));
        assert_eq!(r.lead, "First para wraps.");
        assert_eq!(r.words, 6);
    }
}
