//! URL slugs: ASCII, lower case, words joined by `-`, the same for the same input on any machine.
//!
//! Non-ASCII letters are transliterated (`Zürich` becomes `zurich`), so slugs are readable in
//! any browser and file system.

/// The slug of a title or name: `Taliban, Kabul officials meet` -> `taliban-kabul-officials-meet`.
///
/// Never empty: a title with no letters or digits at all gives `untitled`.
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut slug = String::with_capacity(ascii.len());
    let mut pending_dash = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.push(c.to_ascii_lowercase());
        } else if c != '\'' {
            pending_dash = true;
        }
    }
    const MAX: usize = 80;
    if slug.len() > MAX {
        let cut = slug[..MAX].rfind('-').unwrap_or(MAX);
        slug.truncate(cut);
    }
    if slug.is_empty() {
        slug.push_str("untitled");
    }
    slug
}

/// Checks a slug written by a curator: it names one file in one folder, nothing else.
pub fn check_curated(slug: &str) -> Result<(), String> {
    let ok = !slug.is_empty()
        && slug.len() <= 200
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && !slug.starts_with(['-', '_']);
    if ok {
        Ok(())
    } else {
        Err(format!(
            "slug `{slug}` is not allowed: use lower-case letters, digits, `-` and `_` only (it names one file in articles/), e.g. `{}`",
            slugify(slug)
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_words() {
        assert_eq!(slugify("Zürich talks"), "zurich-talks");
        assert_eq!(
            slugify("Taliban, Kabul officials hold talks in Qatar"),
            "taliban-kabul-officials-hold-talks-in-qatar"
        );
        assert_eq!(
            slugify("  U.S. troops' exit -- 2021 "),
            "u-s-troops-exit-2021"
        );
        assert_eq!(slugify("Saturday’s talks"), "saturdays-talks");
        assert_eq!(slugify("!!!"), "untitled");
        assert_eq!(slugify("Кабул"), "kabul");
    }

    #[test]
    fn long_titles_are_cut_at_a_word() {
        let s = slugify(&"word ".repeat(40));
        assert!(s.len() <= 80 && !s.ends_with('-'));
    }

    #[test]
    fn curated_slugs_cannot_leave_their_folder() {
        assert!(check_curated("kabul-talks_2").is_ok());
        for bad in ["../../evil", "a/b", "a\\b", "..", "", "Kabul", "-x"] {
            assert!(check_curated(bad).is_err(), "{bad}");
        }
    }
}
