//! The gazetteer: every place Briefing can recognise, with its names, its point and its parents.
//!
//! Takes the tables in `data/gazetteer/` (compiled into the binary; derived from GeoNames by
//! `data/make_gazetteer.py`, see `data/README.md`) and gives, once per process, a
//! [`Gazetteer`]: places (continents, well-known regions and seas, countries and former states,
//! first-level regions, 170,000 towns) and one hash table from every name, alias and demonym,
//! in a normalised form, to the places it may stand for.
//!
//! # Using it to find places in text
//!
//! A detector walks the words of an article once. At a word that may start a name
//! (capitalised, or an acronym), it looks up the word, then the word with the next one, and so
//! on, while [`Lookup::extends`] says a longer name begins this way, up to
//! [`Gazetteer::max_words`]; the longest match with names wins, and the words it covers are
//! skipped. Keys are built with [`normalize`] into one reused `String` (or by
//! [`Gazetteer::lookup_words`], on the stack), so the pass allocates nothing:
//!
//! ```
//! use briefing::gazetteer::{normalize, Gazetteer};
//! let gazetteer = Gazetteer::get();
//! let words = ["talks", "in", "Spin", "Boldak", "on", "Sunday"];
//! let mut key = String::new();
//! let mut found = Vec::new();
//! let mut i = 0;
//! while i < words.len() {
//!     key.clear();
//!     let mut best = None;
//!     for n in 1..=gazetteer.max_words().min(words.len() - i) {
//!         normalize(words[i + n - 1], &mut key);
//!         let lookup = gazetteer.lookup(&key);
//!         if !lookup.names.is_empty() {
//!             best = Some((n, lookup));
//!         }
//!         if !lookup.extends {
//!             break;
//!         }
//!     }
//!     match best {
//!         Some((n, lookup)) if words[i].starts_with(char::is_uppercase) => {
//!             found.push(gazetteer.place(lookup.names[0].place).name());
//!             i += n;
//!         }
//!         _ => i += 1,
//!     }
//! }
//! assert_eq!(found, ["Spin Boldak"]);
//! ```
//!
//! What the table deliberately leaves to the detector: case (keys are lower case; a name's
//! [`NameFlags::ACRONYM`] says it must be written in capitals, "US" and not "us"), abbreviations
//! that only count after a comma ([`NameFlags::ABBREVIATION`]: "Atlanta, Ga."), names that are
//! also common words or people's names ([`Lookup::common_word`], [`Lookup::person_name`]), and
//! the choice between the places one name stands for (listed most important first).

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

const AREAS: &str = include_str!("../data/gazetteer/areas.tsv");
const COUNTRIES: &str = include_str!("../data/gazetteer/countries.tsv");
const ADMIN1: &str = include_str!("../data/gazetteer/admin1.tsv");
const CITIES: &str = include_str!("../data/gazetteer/cities.tsv");
const DEMONYMS: &str = include_str!("../data/gazetteer/demonyms.tsv");
const AMBIGUOUS: &str = include_str!("../data/gazetteer/ambiguous.tsv");
const WORDS: &str = include_str!("../data/gazetteer/words.tsv");

/// What kind of place a [`Place`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// One of GeoNames' seven continents.
    Continent,
    /// A country, territory or former state ([`Place::is_historic`]).
    Country,
    /// A well-known region that is not an administrative unit: Middle East, Balkans, Kashmir.
    Region,
    /// A sea, gulf, strait or ocean.
    Sea,
    /// A first-level administrative region: a state, province, governorate.
    Admin1,
    /// A city, town or village of 1,000 people or more (or a district of a large city).
    City,
}

impl Kind {
    /// The kind's name in lower case, as the data files and JSON output write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Continent => "continent",
            Kind::Country => "country",
            Kind::Region => "region",
            Kind::Sea => "sea",
            Kind::Admin1 => "admin1",
            Kind::City => "city",
        }
    }
}

/// A place's handle in its [`Gazetteer`] ([`Gazetteer::place`]): valid for the gazetteer it
/// came from, in this process. Use [`Place::geonames_id`] or [`Place::code`] to name a place
/// anywhere else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlaceId(u32);

const NO_PARENT: u32 = u32::MAX;
const CAPITAL: u8 = 1;
const HISTORIC: u8 = 2;

/// One place.
#[derive(Debug, Clone)]
pub struct Place {
    /// Its index in the gazetteer.
    pub id: PlaceId,
    /// Its GeoNames id; 0 for places GeoNames does not have (well-known regions, seas, former
    /// states).
    pub geonames_id: u32,
    /// What kind of place it is.
    pub kind: Kind,
    /// Population as GeoNames gives it; 0 where unknown (many towns). For a first-level region,
    /// the sum of its towns' (a floor).
    pub population: u32,
    name: Text,
    code: Text,
    parent: u32,
    lat: i16,
    lon: i16,
    country: [u8; 2],
    flags: u8,
}

impl Place {
    /// Its English name, as a place page shows it: "Spin Boldak", "Balochistan", "Georgia".
    pub fn name(&self) -> &'static str {
        self.name.get()
    }

    /// Latitude in degrees, to 0.1 degree.
    pub fn lat(&self) -> f64 {
        f64::from(self.lat) / 10.0
    }

    /// Longitude in degrees, to 0.1 degree.
    pub fn lon(&self) -> f64 {
        f64::from(self.lon) / 10.0
    }

    /// Its country's ISO 3166-1 alpha-2 code ("AF"; former states have their ISO 3166-3 code:
    /// "SU", "YU", "CS", "DD"). `None` for continents and for regions and seas that span
    /// several countries.
    pub fn country(&self) -> Option<&str> {
        if self.country == [0, 0] {
            None
        } else {
            std::str::from_utf8(&self.country).ok()
        }
    }

    /// The code that names it in the data: a country's "AF", a first-level region's "AF.23",
    /// an area's slug ("middle-east", "asia"). Empty for cities: use [`Place::geonames_id`].
    pub fn code(&self) -> &'static str {
        match self.kind {
            Kind::City => "",
            _ => self.code.get(),
        }
    }

    /// The GeoNames code of its first-level region within its country ("23" for Kandahar's),
    /// for first-level regions and for cities; empty otherwise or where GeoNames gives none.
    pub fn admin1(&self) -> &'static str {
        match self.kind {
            Kind::City | Kind::Admin1 => self.code.get().get(3..).unwrap_or(""),
            _ => "",
        }
    }

    /// Whether it is a country's capital.
    pub fn is_capital(&self) -> bool {
        self.flags & CAPITAL != 0
    }

    /// Whether it is a former state (Soviet Union, Yugoslavia, Czechoslovakia, East Germany,
    /// Netherlands Antilles); [`Gazetteer::successors`] lists the states that followed it.
    pub fn is_historic(&self) -> bool {
        self.flags & HISTORIC != 0
    }

    /// The place directly above it: city > first-level region > country > continent. A region
    /// or sea inside one country has that country; one that spans several has its continent,
    /// if it has one.
    pub fn parent(&self) -> Option<PlaceId> {
        (self.parent != NO_PARENT).then_some(PlaceId(self.parent))
    }
}

/// What a [`Name`] is for its place. A set of bits; test with [`NameFlags::contains`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct NameFlags(u8);

impl NameFlags {
    /// The place's own name (not an alias or a demonym).
    pub const PRIMARY: NameFlags = NameFlags(1);
    /// An abbreviation that stands for the place only after a comma and another place's name:
    /// "Ga." and "GA" in "Atlanta, Ga.", "B.C." in "Vancouver, B.C.".
    pub const ABBREVIATION: NameFlags = NameFlags(2);
    /// Written in capitals in the gazetteer ("US", "U.S.", "UAE", "NSW"): it stands for the
    /// place only where the text writes it in capitals too.
    pub const ACRONYM: NameFlags = NameFlags(4);
    /// An adjective for the place: "Afghan" in "the Afghan government".
    pub const ADJECTIVE: NameFlags = NameFlags(8);
    /// A noun for its people: "Afghans", "Frenchman", "Britons".
    pub const PEOPLE: NameFlags = NameFlags(16);

    /// Whether every flag of `other` is set here.
    pub fn contains(self, other: NameFlags) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether the name is a demonym ([`NameFlags::ADJECTIVE`] or [`NameFlags::PEOPLE`]).
    pub fn is_demonym(self) -> bool {
        self.0 & (Self::ADJECTIVE.0 | Self::PEOPLE.0) != 0
    }
}

impl std::ops::BitOr for NameFlags {
    type Output = NameFlags;
    fn bitor(self, other: NameFlags) -> NameFlags {
        NameFlags(self.0 | other.0)
    }
}

/// One name of one place, as a [`Lookup`] returns it.
#[derive(Debug, Clone, Copy)]
pub struct Name {
    /// The place it stands for.
    pub place: PlaceId,
    /// What it is for the place.
    pub flags: NameFlags,
    text: Text,
}

impl Name {
    /// How the gazetteer writes it ("U.S.", "Spin Buldak", "Afghan"), for case rules.
    pub fn text(&self) -> &'static str {
        self.text.get()
    }
}

/// The data files, in the order [`Text`] numbers them.
const FILES: [(&str, &str); 7] = [
    ("areas.tsv", AREAS),
    ("countries.tsv", COUNTRIES),
    ("admin1.tsv", ADMIN1),
    ("cities.tsv", CITIES),
    ("demonyms.tsv", DEMONYMS),
    ("ambiguous.tsv", AMBIGUOUS),
    ("words.tsv", WORDS),
];
const AREAS_FILE: u8 = 0;
const COUNTRIES_FILE: u8 = 1;
const ADMIN1_FILE: u8 = 2;
const CITIES_FILE: u8 = 3;
const DEMONYMS_FILE: u8 = 4;
const AMBIGUOUS_FILE: u8 = 5;
const WORDS_FILE: u8 = 6;

/// A piece of one of the data files in six bytes, where a `&str` takes sixteen: names are
/// stored this way, 220,000 of them twice while the table is built, and every page of memory
/// the gazetteer first touches costs start-up time.
#[derive(Clone, Copy)]
#[repr(C, packed(2))]
struct Text {
    /// The file's index in [`FILES`] (top 3 bits) and the offset in it (the rest).
    at: u32,
    len: u16,
}

impl Text {
    const OFFSET: u32 = (1 << 29) - 1;

    /// `text`, a piece of file `file`. (Any other `&str` gives the empty text.)
    fn new(file: u8, text: &'static str) -> Text {
        let start = FILES[usize::from(file)].1.as_ptr() as usize;
        let offset = (text.as_ptr() as usize).wrapping_sub(start);
        match (u32::try_from(offset), u16::try_from(text.len())) {
            (Ok(at), Ok(len)) if at <= Self::OFFSET => Text {
                at: u32::from(file) << 29 | at,
                len,
            },
            _ => Text { at: 0, len: 0 },
        }
    }

    fn get(self) -> &'static str {
        let (at, len) = (self.at, self.len);
        let file = FILES[(at >> 29) as usize % FILES.len()].1;
        let start = (at & Self::OFFSET) as usize;
        file.get(start..start + usize::from(len)).unwrap_or("")
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.get(), f)
    }
}

/// What the gazetteer knows about one key: small and `Copy`, borrowed from the gazetteer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Lookup<'g> {
    /// The places this key names, most important first: continents, countries, capitals,
    /// regions and seas, first-level regions, then towns, and by population within each. One
    /// entry per place; its flags are those of all its names with this key.
    pub names: &'g [Name],
    /// Whether some longer name starts with this key and a space ("new" for "new york"): worth
    /// reading one more word.
    pub extends: bool,
    /// Whether the key is also a common English word (listed in `ambiguous.tsv` or
    /// `words.tsv`: "nice", "reading", "mobile"), so a capitalised one may just start a
    /// sentence or a title.
    pub common_word: bool,
    /// Whether the key is also a common given name or surname ("jordan", "chad", "florence").
    pub person_name: bool,
}

impl Lookup<'_> {
    /// Whether the key names no place (it may still [`Lookup::extends`]).
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// A line of the compiled-in data that could not be read. Only a bug in `data/` can cause
/// one; the unit tests parse all of it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("data/gazetteer/{file}:{line}: {message}")]
pub struct ParseError {
    /// The file, within `data/gazetteer/`.
    pub file: &'static str,
    /// The line, from 1.
    pub line: usize,
    /// What was wrong.
    pub message: String,
}

/// The longest key [`Gazetteer::lookup_words`] and [`Gazetteer::lookup_name`] build on the
/// stack; no name in the gazetteer has a longer one.
const MAX_KEY: usize = 128;

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    /// The key's hash; 0 marks an empty slot.
    hash: u64,
    /// Where its names start in `names`.
    start: u32,
    /// How many names (low 24 bits) and the key's flags (high bits).
    len: u32,
}

const LEN_MASK: u32 = (1 << 24) - 1;
const SLOT_EXTENDS: u32 = 1 << 31;
const SLOT_WORD: u32 = 1 << 30;
const SLOT_PERSON: u32 = 1 << 29;

/// The places and their names: see the module documentation.
pub struct Gazetteer {
    /// The places read by the first thread (ids from 0) and by the second (ids from `split`).
    places: [Vec<Place>; 2],
    split: u32,
    /// The table from keys to names, in two halves (by the hash's top bit) built in parallel.
    shards: [Shard; 2],
    max_words: usize,
    countries: Vec<u32>,
    capitals: Vec<u32>,
    codes: HashMap<&'static str, PlaceId>,
    lists: Vec<(PlaceId, Vec<PlaceId>)>,
    by_geonames_id: OnceLock<Vec<(u32, PlaceId)>>,
}

impl fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gazetteer")
            .field("places", &(self.places[0].len() + self.places[1].len()))
            .field(
                "names",
                &(self.shards[0].names.len() + self.shards[1].names.len()),
            )
            .field("max_words", &self.max_words)
            .finish()
    }
}

impl Gazetteer {
    /// The gazetteer, parsed from the compiled-in data on first use (by this thread and one
    /// helper; `cargo bench --bench gazetteer` times it), then shared by every thread.
    pub fn get() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(|| {
            // The data is compiled in and the unit tests read all of it: an error here is a
            // bug in the build, not in any input.
            Gazetteer::load().expect("the compiled-in gazetteer reads (see its unit tests)")
        })
    }

    /// Reads the gazetteer `build.rs` compiled from the tables: what [`Gazetteer::get`] does
    /// once per process (`cargo bench --bench gazetteer` times it).
    pub fn load() -> Result<Gazetteer, ParseError> {
        Gazetteer::from_bytes(crate::compiled::GAZETTEER)
    }

    /// Parses the tables in `data/gazetteer/` into a new gazetteer, using one helper thread if
    /// one can be had. `build.rs` does this at compile time; [`Gazetteer::load`] reads the
    /// result.
    pub fn parse() -> Result<Gazetteer, ParseError> {
        build()
    }

    /// Every place: continents and areas first, then countries, first-level regions and
    /// cities.
    pub fn places(&self) -> impl Iterator<Item = &Place> + '_ {
        self.places[0].iter().chain(&self.places[1])
    }

    /// The place with this id. Panics on an id from another gazetteer that is out of range.
    pub fn place(&self, id: PlaceId) -> &Place {
        place_in(&self.places, self.split, id)
    }

    /// The number of words in the longest key: a detector need not look further ahead.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// Looks up a key already in [`normalize`]d form ("spin boldak", "us"). Allocates nothing.
    pub fn lookup(&self, key: &str) -> Lookup<'_> {
        let key = key.as_bytes();
        let hash = hash_key(key, |_| {});
        let shard = &self.shards[(hash >> 63) as usize];
        let Some(slot) = shard.slot_index(hash).map(|i| &shard.table[i]) else {
            return Lookup::default();
        };
        let names = &shard.names[slot.start as usize..][..(slot.len & LEN_MASK) as usize];
        // Two keys sharing a 64-bit hash is all but impossible, but a lookup must never
        // return another key's places: check against one of the names.
        if let Some(first) = names.first()
            && !key_equals(first.text(), key)
        {
            return Lookup::default();
        }
        Lookup {
            names,
            extends: slot.len & SLOT_EXTENDS != 0,
            common_word: slot.len & SLOT_WORD != 0,
            person_name: slot.len & SLOT_PERSON != 0,
        }
    }

    /// Looks up words as they stand in the text ("Spin", "Boldak"), normalising them on the
    /// stack. Allocates nothing.
    pub fn lookup_words(&self, words: &[&str]) -> Lookup<'_> {
        let mut key = KeyBuffer::default();
        for word in words {
            key.push_separator();
            key_bytes(word, |b| key.push(b));
        }
        match key.as_str() {
            Some(k) => self.lookup(k),
            None => Lookup::default(),
        }
    }

    /// Looks up any text as one name ("Spin Bōldak", "U.S."). Allocates nothing.
    pub fn lookup_name(&self, text: &str) -> Lookup<'_> {
        self.lookup_words(&[text])
    }

    /// The country, territory or former state with this ISO alpha-2 code ("AF", "SU").
    pub fn country(&self, code: &str) -> Option<&Place> {
        let i = country_index(code.as_bytes())?;
        let id = *self.countries.get(i)?;
        (id != NO_PARENT).then(|| self.place(PlaceId(id)))
    }

    /// The capital of the country with this code.
    pub fn capital(&self, country: &str) -> Option<&Place> {
        let i = country_index(country.as_bytes())?;
        let id = *self.capitals.get(i)?;
        (id != NO_PARENT).then(|| self.place(PlaceId(id)))
    }

    /// The place with this data code: a country ("AF"), a first-level region ("AF.23",
    /// "US.TX") or an area slug ("middle-east", "asia").
    pub fn by_code(&self, code: &str) -> Option<&Place> {
        self.codes.get(code).map(|&id| self.place(id))
    }

    /// The place with this GeoNames id. The index behind it is built on the first call.
    pub fn by_geonames_id(&self, geonames_id: u32) -> Option<&Place> {
        let index = self.by_geonames_id.get_or_init(|| {
            let mut index: Vec<(u32, PlaceId)> = self
                .places()
                .filter(|p| p.geonames_id != 0)
                .map(|p| (p.geonames_id, p.id))
                .collect();
            index.sort_unstable();
            index
        });
        let i = index.binary_search_by_key(&geonames_id, |e| e.0).ok()?;
        Some(self.place(index[i].1))
    }

    /// The chain above a place, nearest first: for Kabul the city, its province, Afghanistan,
    /// then Asia.
    pub fn parents(&self, id: PlaceId) -> impl Iterator<Item = &Place> + '_ {
        std::iter::successors(self.place(id).parent(), move |&p| self.place(p).parent())
            .map(move |p| self.place(p))
    }

    /// The countries inside a region or sea ([`Kind::Region`], [`Kind::Sea`]); empty for
    /// other places.
    pub fn members(&self, id: PlaceId) -> impl Iterator<Item = &Place> + '_ {
        let list = match self.place(id).kind {
            Kind::Region | Kind::Sea => self.list(id),
            _ => &[],
        };
        list.iter().map(move |&p| self.place(p))
    }

    /// The states that followed a former state (for the Soviet Union: Russia, Ukraine ...);
    /// empty for other places.
    pub fn successors(&self, id: PlaceId) -> impl Iterator<Item = &Place> + '_ {
        let list = match self.place(id).is_historic() {
            true => self.list(id),
            false => &[],
        };
        list.iter().map(move |&p| self.place(p))
    }

    /// The place a demonym or adjective stands for ("Afghan" and "Afghans": Afghanistan;
    /// "Texan": Texas; "Kashmiri": Kashmir), the most important first where there are several
    /// ("Korean": South Korea, then North Korea; see [`Gazetteer::lookup_name`] for all).
    pub fn demonym(&self, word: &str) -> Option<&Place> {
        self.lookup_name(word)
            .names
            .iter()
            .find(|n| n.flags.is_demonym())
            .map(|n| self.place(n.place))
    }

    fn list(&self, id: PlaceId) -> &[PlaceId] {
        match self.lists.binary_search_by_key(&id, |e| e.0) {
            Ok(i) => &self.lists[i].1,
            Err(_) => &[],
        }
    }
}

// --- keys ------------------------------------------------------------------------------------

/// Appends the lookup key of `text` to `out`, after a space if `out` is not empty (so a key of
/// several words is built one word at a time).
///
/// The key is `text` in lower-case ASCII: letters are transliterated (`Bōldak` -> `boldak`,
/// `Łódź` -> `lodz`); full stops and apostrophes are dropped (`U.S.` -> `us`, `N'Djamena` ->
/// `ndjamena`, `St. John's` -> `st johns`); every other run of non-alphanumeric characters
/// (spaces, hyphens, commas) becomes one space, and none leads or trails (`Guinea-Bissau` ->
/// `guinea bissau`). A possessive `'s` therefore stays on the word (`Kandahar's` ->
/// `kandahars`): a detector strips it before looking a word up, if no name matches with it.
pub fn normalize(text: &str, out: &mut String) {
    let mut separated = out.is_empty();
    key_bytes(text, |b| {
        if !separated {
            out.push(' ');
            separated = true;
        }
        out.push(char::from(b));
    });
}

const APOSTROPHES: [char; 7] = [
    '\u{2019}', '\u{2018}', '\u{02BC}', '\u{02BB}', '\u{00B4}', '\u{02B9}', '\u{2032}',
];

/// Calls `emit` with each byte of `text`'s key (see [`normalize`]).
#[inline]
fn key_bytes(text: &str, mut emit: impl FnMut(u8)) {
    let mut state = KeyState::default();
    if text.is_ascii() {
        for &b in text.as_bytes() {
            state.ascii(b, &mut emit);
        }
        return;
    }
    for c in text.chars() {
        if c.is_ascii() {
            state.ascii(c as u8, &mut emit);
        } else if APOSTROPHES.contains(&c) {
            continue;
        } else if c.is_alphanumeric() {
            match deunicode::deunicode_char(c) {
                Some(s) => {
                    for b in s.bytes() {
                        state.ascii(b, &mut emit);
                    }
                }
                None => state.gap = true,
            }
        } else {
            state.gap = true;
        }
    }
}

#[derive(Default)]
struct KeyState {
    /// Something was emitted.
    started: bool,
    /// A separator was seen since the last letter or digit.
    gap: bool,
}

impl KeyState {
    #[inline]
    fn ascii(&mut self, b: u8, emit: &mut impl FnMut(u8)) {
        if b.is_ascii_alphanumeric() {
            if self.gap && self.started {
                emit(b' ');
            }
            self.gap = false;
            self.started = true;
            emit(b.to_ascii_lowercase());
        } else if b != b'.' && b != b'\'' && b != b'`' {
            self.gap = true;
        }
    }
}

/// Whether `text`'s key is `key`, without building it.
fn key_equals(text: &str, key: &[u8]) -> bool {
    let mut at = 0;
    let mut same = true;
    key_bytes(text, |b| {
        same &= key.get(at) == Some(&b);
        at += 1;
    });
    same && at == key.len()
}

/// A key's hash, fed one byte at a time and mixed eight bytes at a time. Keys never hold a
/// zero byte, and the length goes into the last word, so no two keys of different lengths
/// share a last word.
#[derive(Clone, Copy)]
struct KeyHasher {
    hash: u64,
    word: u64,
    len: u32,
}

impl KeyHasher {
    const SEED: u64 = 0x243f_6a88_85a3_08d3;
    const K: u64 = 0x9e37_79b9_7f4a_7c15;

    fn new() -> KeyHasher {
        KeyHasher {
            hash: Self::SEED,
            word: 0,
            len: 0,
        }
    }

    #[inline]
    fn push(&mut self, b: u8) {
        self.word |= u64::from(b) << (8 * (self.len % 8));
        self.len += 1;
        if self.len.is_multiple_of(8) {
            self.hash = Self::mix(self.hash, self.word);
            self.word = 0;
        }
    }

    #[inline]
    fn mix(hash: u64, word: u64) -> u64 {
        (hash ^ word).wrapping_mul(Self::K).rotate_left(29)
    }

    /// The hash of the bytes so far: never 0, which marks an empty table slot.
    #[inline]
    fn finish(&self) -> u64 {
        let mut h = (self.hash ^ self.word ^ (u64::from(self.len) << 56)).wrapping_mul(Self::K);
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^= h >> 33;
        h.max(1)
    }
}

/// A key's hash; `prefix` gets the hash of every word prefix ("new", then "new york" of
/// "new york city").
fn hash_key(key: &[u8], mut prefix: impl FnMut(u64)) -> u64 {
    let mut hasher = KeyHasher::new();
    for &b in key {
        if b == b' ' {
            prefix(hasher.finish());
        }
        hasher.push(b);
    }
    hasher.finish()
}

/// [`hash_key`] of `text`'s key, without building the key; also the key's length in bytes.
fn hash_name(text: &str, mut prefix: impl FnMut(u64)) -> (u64, usize) {
    if let Some(hashed) = hash_plain_name(text.as_bytes(), &mut prefix) {
        return hashed;
    }
    let mut hasher = KeyHasher::new();
    key_bytes(text, |b| {
        if b == b' ' {
            prefix(hasher.finish());
        }
        hasher.push(b);
    });
    (hasher.finish(), hasher.len as usize)
}

/// [`hash_name`] for the names most are: ASCII letters and digits in words separated by one
/// space, whose key is the name with its letters in lower case. Eight bytes at a time, the same
/// hash as [`KeyHasher`] fed one byte at a time; `None` for any other name.
fn hash_plain_name(text: &[u8], prefix: &mut impl FnMut(u64)) -> Option<(u64, usize)> {
    let mut previous = b' ';
    for &b in text {
        if !(b.is_ascii_alphanumeric() || (b == b' ' && previous != b' ')) {
            return None;
        }
        previous = b;
    }
    if previous == b' ' {
        return None; // empty, or a trailing space
    }
    // `| 0x20` lower-cases ASCII letters and leaves digits and spaces as they are.
    const LOWER: u64 = 0x2020_2020_2020_2020;
    let mut hasher = KeyHasher::new();
    for chunk in text.chunks(8) {
        let word = load(chunk) | (LOWER >> (8 * (8 - chunk.len())));
        for (i, _) in chunk.iter().enumerate().filter(|(_, b)| **b == b' ') {
            let partial = KeyHasher {
                hash: hasher.hash,
                word: word & ((1u64 << (8 * i)) - 1),
                len: hasher.len + i as u32,
            };
            prefix(partial.finish());
        }
        if chunk.len() == 8 {
            hasher.hash = KeyHasher::mix(hasher.hash, word);
            hasher.len += 8;
        } else {
            hasher.word = word;
            hasher.len += chunk.len() as u32;
        }
    }
    Some((hasher.finish(), text.len()))
}

/// A key built on the stack.
struct KeyBuffer {
    bytes: [u8; MAX_KEY],
    len: usize,
    overflow: bool,
    separator: bool,
}

impl Default for KeyBuffer {
    fn default() -> Self {
        KeyBuffer {
            bytes: [0; MAX_KEY],
            len: 0,
            overflow: false,
            separator: false,
        }
    }
}

impl KeyBuffer {
    fn push_separator(&mut self) {
        self.separator = self.len > 0;
    }

    fn push(&mut self, b: u8) {
        if self.separator {
            self.separator = false;
            self.push(b' ');
        }
        match self.bytes.get_mut(self.len) {
            Some(slot) => {
                *slot = b;
                self.len += 1;
            }
            None => self.overflow = true,
        }
    }

    fn as_str(&self) -> Option<&str> {
        if self.overflow {
            return None;
        }
        std::str::from_utf8(&self.bytes[..self.len]).ok()
    }
}

fn country_index(code: &[u8]) -> Option<usize> {
    match code {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            Some(usize::from(a - b'A') * 26 + usize::from(b - b'A'))
        }
        _ => None,
    }
}

// --- parsing ---------------------------------------------------------------------------------

/// The data rows of one file: skips `#` comments, the header line and blank lines.
fn rows(source: u8) -> Rows {
    let (file, text) = FILES[usize::from(source)];
    Rows {
        source,
        file,
        text,
        at: 0,
        line: 0,
        header_seen: false,
    }
}

impl Rows {
    /// The same rows, the first data line taken for a header.
    fn with_header(mut self) -> Rows {
        self.header_seen = false;
        self
    }

    /// The rows of `text`, a later part of file `source`: no header, lines counted after
    /// `line`.
    fn part(source: u8, text: &'static str, line: usize) -> Rows {
        let file = FILES[usize::from(source)].0;
        Rows {
            source,
            file,
            text,
            at: 0,
            line,
            header_seen: true,
        }
    }
}

struct Rows {
    source: u8,
    file: &'static str,
    text: &'static str,
    at: usize,
    line: usize,
    header_seen: bool,
}

impl Iterator for Rows {
    type Item = Row;

    fn next(&mut self) -> Option<Row> {
        while self.at < self.text.len() {
            let rest = &self.text.as_bytes()[self.at..];
            let end = find_byte(rest, b'\n').unwrap_or(rest.len());
            let line = &self.text[self.at..self.at + end];
            self.at += end + 1;
            self.line += 1;
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.is_empty() || line.as_bytes()[0] == b'#' {
                continue;
            }
            if !self.header_seen {
                self.header_seen = true;
                continue;
            }
            return Some(Row {
                source: self.source,
                file: self.file,
                line: self.line,
                text: line,
            });
        }
        None
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// Up to eight bytes as a little-endian word, zero-padded.
#[inline]
fn load(chunk: &[u8]) -> u64 {
    match <[u8; 8]>::try_from(chunk) {
        Ok(bytes) => u64::from_le_bytes(bytes),
        Err(_) => chunk
            .iter()
            .rev()
            .fold(0, |word, &b| word << 8 | u64::from(b)),
    }
}

/// The high bit of every zero byte of `x` set, others clear. (Exact unless a byte 0x01 sits
/// just above a zero byte: a byte of value `needle ^ 1` beside a `needle`, which no text here
/// holds for tab or newline.)
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x & (ONES << 7)
}

/// The first `needle` in `haystack`, eight bytes at a time: the 6 MB of towns are split into
/// lines this way, several times faster than `str::split`.
fn find_byte(haystack: &[u8], needle: u8) -> Option<usize> {
    let mut chunks = haystack.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let found = zero_bytes(u64::from_le_bytes(word) ^ (ONES * u64::from(needle)));
        if found != 0 {
            return Some(offset + (found.trailing_zeros() / 8) as usize);
        }
        offset += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == needle)
        .map(|i| offset + i)
}

#[derive(Clone, Copy)]
struct Row {
    source: u8,
    file: &'static str,
    line: usize,
    text: &'static str,
}

impl Row {
    fn error(&self, message: impl Into<String>) -> ParseError {
        ParseError {
            file: self.file,
            line: self.line,
            message: message.into(),
        }
    }

    /// Exactly `N` tab-separated fields. Finds the tabs eight bytes at a time.
    fn fields<const N: usize>(&self) -> Result<[&'static str; N], ParseError> {
        let bytes = self.text.as_bytes();
        let mut out = [""; N];
        let mut n = 0;
        let mut start = 0;
        for (chunk_index, chunk) in bytes.chunks(8).enumerate() {
            let mut tabs = zero_bytes(load(chunk) ^ (ONES * u64::from(b'\t')));
            while tabs != 0 {
                let i = chunk_index * 8 + (tabs.trailing_zeros() / 8) as usize;
                tabs &= tabs - 1;
                if n + 1 >= N {
                    return Err(self.error(format!("expected {N} fields, found more")));
                }
                out[n] = &self.text[start..i];
                n += 1;
                start = i + 1;
            }
        }
        if n + 1 != N {
            return Err(self.error(format!("expected {N} fields, found {}", n + 1)));
        }
        out[n] = &self.text[start..];
        Ok(out)
    }

    /// A whole number of at most 19 digits.
    fn number<T: TryFrom<u64>>(&self, what: &str, s: &str) -> Result<T, ParseError> {
        let mut n: u64 = 0;
        let mut ok = !s.is_empty() && s.len() <= 19;
        for &b in s.as_bytes() {
            let digit = b.wrapping_sub(b'0');
            ok &= digit <= 9;
            n = n.wrapping_mul(10).wrapping_add(u64::from(digit));
        }
        match ok {
            true => T::try_from(n).map_err(|_| self.error(format!("{what}: too large: {s:?}"))),
            false => Err(self.error(format!("{what}: not a number: {s:?}"))),
        }
    }

    /// A coordinate in degrees, written with one decimal or none, in tenths of a degree.
    fn tenths(&self, what: &str, s: &str, limit: i32) -> Result<i16, ParseError> {
        let bytes = s.as_bytes();
        let (negative, digits) = match bytes {
            [b'-', rest @ ..] => (true, rest),
            _ => (false, bytes),
        };
        let (whole, tenth) = match digits {
            [whole @ .., b'.', tenth] => (whole, *tenth),
            whole => (whole, b'0'),
        };
        let mut ok = !whole.is_empty() && whole.len() <= 3 && tenth.is_ascii_digit();
        let mut v: i32 = 0;
        for &b in whole {
            ok &= b.is_ascii_digit();
            v = v * 10 + i32::from(b.wrapping_sub(b'0'));
        }
        v = v * 10 + i32::from(tenth.wrapping_sub(b'0'));
        if negative {
            v = -v;
        }
        if !ok || v.abs() > limit * 10 {
            return Err(self.error(format!("{what}: not a coordinate in degrees: {s:?}")));
        }
        // In range: |v| <= 1800.
        Ok(v as i16)
    }

    /// A piece of this row's text, stored compactly.
    fn text(&self, s: &'static str) -> Text {
        Text::new(self.source, s)
    }

    fn country_code(&self, s: &str) -> Result<[u8; 2], ParseError> {
        match s.as_bytes() {
            &[a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Ok([a, b]),
            _ => Err(self.error(format!("not a country code: {s:?}"))),
        }
    }
}

/// Places and names as they are read, before the names are grouped by key.
#[derive(Default)]
struct Part {
    places: Vec<Place>,
    names: Vec<Name>,
    /// The capitals among `places`: (country index, place).
    capitals: Vec<(usize, PlaceId)>,
}

impl Part {
    /// Adds a place, its id counted from `base`.
    fn add_place(&mut self, base: u32, mut place: Place) -> PlaceId {
        let id = PlaceId(base + self.places.len() as u32);
        place.id = id;
        self.names.push(Name {
            place: id,
            text: place.name,
            flags: NameFlags::PRIMARY,
        });
        self.places.push(place);
        id
    }

    fn add_aliases(&mut self, id: PlaceId, row: &Row, aliases: &'static str) {
        if aliases.is_empty() {
            return;
        }
        let mut start = 0;
        for (i, &b) in aliases
            .as_bytes()
            .iter()
            .chain(std::iter::once(&b'|'))
            .enumerate()
        {
            if b != b'|' {
                continue;
            }
            let alias = &aliases[start..i];
            start = i + 1;
            if alias.is_empty() {
                continue;
            }
            let (text, mut flags) = match alias.strip_prefix('~') {
                Some(abbreviation) => (abbreviation, NameFlags::ABBREVIATION),
                None => (alias, NameFlags::default()),
            };
            if is_acronym(text) {
                flags = flags | NameFlags::ACRONYM;
            }
            self.names.push(Name {
                place: id,
                text: row.text(text),
                flags,
            });
        }
    }
}

/// What the tables before the towns tell the towns' parser.
struct Context {
    codes: HashMap<&'static str, PlaceId>,
    /// By [`country_index`]: the country's place, or `NO_PARENT`.
    countries: Vec<u32>,
    /// By [`country_index`]: the GeoNames id of the country's capital, or 0.
    capital_ids: Vec<u32>,
}

impl Context {
    fn country_id(&self, row: &Row, code: &str) -> Result<PlaceId, ParseError> {
        country_index(code.as_bytes())
            .map(|i| self.countries[i])
            .filter(|&id| id != NO_PARENT)
            .map(PlaceId)
            .ok_or_else(|| row.error(format!("no country {code:?} in countries.tsv")))
    }

    fn country_list(&self, row: &Row, codes: &str) -> Result<Vec<PlaceId>, ParseError> {
        codes
            .split('|')
            .filter(|c| !c.is_empty())
            .map(|c| self.country_id(row, c))
            .collect()
    }

    fn code(&self, row: &Row, code: &str) -> Result<PlaceId, ParseError> {
        self.codes
            .get(code)
            .copied()
            .ok_or_else(|| row.error(format!("no place with code {code:?}")))
    }
}

fn build() -> Result<Gazetteer, ParseError> {
    let mut head = Part::default();
    let mut context = Context {
        codes: HashMap::new(),
        countries: vec![NO_PARENT; 26 * 26],
        capital_ids: vec![0; 26 * 26],
    };
    let mut lists = Vec::new();
    read_head(&mut head, &mut context, &mut lists)?;
    let context = &context;

    // Most of the work is the towns' and the table's: two threads take half of each. The
    // first thread reads the first half of the towns after the head, the second the rest;
    // then each builds the half of the table whose hashes have its top bit. The second
    // thread's place ids start at `split`, past any the first can reach, so neither waits
    // for the other to number its places and no place is moved once read.
    let (first, second) = split_towns(CITIES);
    let split = (head.places.len() + first.len()) as u32;
    let read_second = move || -> Result<(Part, Hashes), ParseError> {
        let line = first.bytes().filter(|&b| b == b'\n').count();
        let mut part = Part::default();
        read_towns(
            Rows::part(CITIES_FILE, second, line),
            context,
            &mut part,
            split,
        )?;
        let hashes = hash_names(&part.names)?;
        Ok((part, hashes))
    };
    let (head, second, head_hashes, second_hashes) = std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("gazetteer".into())
            .spawn_scoped(scope, read_second);
        read_towns(
            Rows::part(CITIES_FILE, first, 0).with_header(),
            context,
            &mut head,
            0,
        )?;
        let head_hashes = hash_names(&head.names)?;
        let (second, second_hashes) = match worker {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?,
            // No thread to be had: do it all here.
            Err(_) => read_second()?,
        };
        Ok::<_, ParseError>((head, second, head_hashes, second_hashes))
    })?;

    let places = [head.places, second.places];
    let parts = [
        (&head.names[..], &head_hashes),
        (&second.names[..], &second_hashes),
    ];
    let importance = |id: PlaceId| importance(place_in(&places, split, id));
    let shards = std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("gazetteer".into())
            .spawn_scoped(scope, move || Shard::build(1, parts, importance));
        let shard = Shard::build(0, parts, importance);
        match worker {
            Ok(handle) => [
                shard,
                handle
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p)),
            ],
            Err(_) => [shard, Shard::build(1, parts, importance)],
        }
    });

    let mut capitals = vec![NO_PARENT; 26 * 26];
    for (i, id) in head.capitals.into_iter().chain(second.capitals) {
        capitals[i] = id.0;
    }
    let mut gazetteer = Gazetteer {
        places,
        split,
        shards,
        max_words: head_hashes.max_words.max(second_hashes.max_words),
        countries: context.countries.clone(),
        capitals,
        codes: context.codes.clone(),
        lists,
        by_geonames_id: OnceLock::new(),
    };
    read_ambiguous(&mut gazetteer)?;
    Ok(gazetteer)
}

/// The place `id` among places read in two parts, the second numbered from `split`.
fn place_in(places: &[Vec<Place>; 2], split: u32, id: PlaceId) -> &Place {
    match id.0.checked_sub(split) {
        Some(i) => &places[1][i as usize],
        None => &places[0][id.0 as usize],
    }
}

/// Reads areas, countries, first-level regions and demonyms: everything but the towns.
fn read_head(
    head: &mut Part,
    context: &mut Context,
    lists: &mut Vec<(PlaceId, Vec<PlaceId>)>,
) -> Result<(), ParseError> {
    // Areas first: countries need their continents. An area's own country and members are
    // resolved once the countries are in.
    let mut continents: HashMap<&'static str, PlaceId> = HashMap::new();
    let mut pending_areas = Vec::new();
    for row in rows(AREAS_FILE) {
        let [
            slug,
            kind,
            gid,
            name,
            lat,
            lon,
            continent,
            country,
            members,
            population,
            aliases,
        ] = row.fields()?;
        let kind = match kind {
            "continent" => Kind::Continent,
            "region" => Kind::Region,
            "sea" => Kind::Sea,
            _ => return Err(row.error(format!("unknown kind {kind:?}"))),
        };
        let id = head.add_place(
            0,
            Place {
                id: PlaceId(0),
                geonames_id: row.number("geonames_id", gid)?,
                name: row.text(name),
                kind,
                population: row.number("population", population)?,
                code: row.text(slug),
                parent: NO_PARENT,
                lat: row.tenths("lat", lat, 90)?,
                lon: row.tenths("lon", lon, 180)?,
                country: [0, 0],
                flags: 0,
            },
        );
        head.add_aliases(id, &row, aliases);
        if context.codes.insert(slug, id).is_some() {
            return Err(row.error(format!("area {slug} listed twice")));
        }
        if kind == Kind::Continent {
            continents.insert(continent, id);
        } else {
            pending_areas.push((row, id, continent, country, members));
        }
    }

    let mut pending_successors = Vec::new();
    for row in rows(COUNTRIES_FILE) {
        let [
            code,
            gid,
            name,
            continent,
            lat,
            lon,
            population,
            capital,
            successors,
            aliases,
        ] = row.fields()?;
        let cc = row.country_code(code)?;
        let parent = match continent {
            "" => NO_PARENT,
            c => {
                continents
                    .get(c)
                    .ok_or_else(|| row.error(format!("no continent {c:?}")))?
                    .0
            }
        };
        let id = head.add_place(
            0,
            Place {
                id: PlaceId(0),
                geonames_id: row.number("geonames_id", gid)?,
                name: row.text(name),
                kind: Kind::Country,
                population: row.number("population", population)?,
                code: row.text(code),
                parent,
                lat: row.tenths("lat", lat, 90)?,
                lon: row.tenths("lon", lon, 180)?,
                country: cc,
                flags: if successors.is_empty() { 0 } else { HISTORIC },
            },
        );
        head.add_aliases(id, &row, aliases);
        let i = country_index(&cc).ok_or_else(|| row.error("bad country code"))?;
        if context.countries[i] != NO_PARENT || context.codes.insert(code, id).is_some() {
            return Err(row.error(format!("country {code} listed twice")));
        }
        context.countries[i] = id.0;
        // The capital is marked as its town is read.
        context.capital_ids[i] = row.number("capital", capital)?;
        if !successors.is_empty() {
            pending_successors.push((row, id, successors));
        }
    }

    for row in rows(ADMIN1_FILE) {
        let [code, gid, name, lat, lon, population, aliases] = row.fields()?;
        let country = code.get(..2).unwrap_or("");
        if code.as_bytes().get(2) != Some(&b'.') || code.len() < 4 {
            return Err(row.error(format!("not a region code: {code:?}")));
        }
        let id = head.add_place(
            0,
            Place {
                id: PlaceId(0),
                geonames_id: row.number("geonames_id", gid)?,
                name: row.text(name),
                kind: Kind::Admin1,
                population: row.number("population", population)?,
                code: row.text(code),
                parent: context.country_id(&row, country)?.0,
                lat: row.tenths("lat", lat, 90)?,
                lon: row.tenths("lon", lon, 180)?,
                country: row.country_code(country)?,
                flags: 0,
            },
        );
        head.add_aliases(id, &row, aliases);
        if context.codes.insert(code, id).is_some() {
            return Err(row.error(format!("region {code} listed twice")));
        }
    }

    for (row, id, continent, country, members) in pending_areas {
        let place = &mut head.places[id.0 as usize];
        if !continent.is_empty() {
            place.parent = continents
                .get(continent)
                .ok_or_else(|| row.error(format!("no continent {continent:?}")))?
                .0;
        }
        if !country.is_empty() {
            place.parent = context.country_id(&row, country)?.0;
            place.country = row.country_code(country)?;
        }
        let list = context.country_list(&row, members)?;
        if !list.is_empty() {
            lists.push((id, list));
        }
    }
    for (row, id, successors) in pending_successors {
        lists.push((id, context.country_list(&row, successors)?));
    }
    lists.sort_by_key(|e| e.0);

    for row in rows(DEMONYMS_FILE) {
        let [code, adjectives, people] = row.fields()?;
        let id = context.code(&row, code)?;
        for (words, flags) in [
            (adjectives, NameFlags::ADJECTIVE),
            (people, NameFlags::PEOPLE),
        ] {
            for word in words.split(',').map(str::trim).filter(|w| !w.is_empty()) {
                head.names.push(Name {
                    place: id,
                    text: row.text(word),
                    flags,
                });
            }
        }
    }
    Ok(())
}

/// Splits cities.tsv near its middle, at the start of a section.
fn split_towns(text: &'static str) -> (&'static str, &'static str) {
    let middle = text.len() / 2;
    match text.get(middle..).and_then(|rest| rest.find("\n[")) {
        Some(at) => text.split_at(middle + at + 1),
        None => (text, ""),
    }
}

/// Reads towns. They come in sections, one per region: `[AF.23]` (or `[SG]`, no region).
/// Appends them to `part`, its place ids counted from `base`.
fn read_towns(rows: Rows, context: &Context, part: &mut Part, base: u32) -> Result<(), ParseError> {
    // Room for more rows than there can be: memory reserved but never written costs nothing.
    part.places.reserve(rows.text.len() / 25);
    part.names.reserve(rows.text.len() / 20);
    let mut section: Option<(&'static str, [u8; 2], usize, u32)> = None;
    for row in rows {
        if let Some(code) = row.text.strip_prefix('[') {
            let code = code
                .strip_suffix(']')
                .ok_or_else(|| row.error("a section line is [CC] or [CC.ADMIN1]"))?;
            let country = code.get(..2).unwrap_or("");
            let cc = row.country_code(country)?;
            let parent = match code.len() {
                2 => context.country_id(&row, country)?,
                _ => context.code(&row, code)?,
            };
            let i = country_index(&cc).unwrap_or(0);
            section = Some((code, cc, i, parent.0));
            continue;
        }
        let Some((code, cc, country, parent)) = section else {
            return Err(row.error("a town before any [CC.ADMIN1] section line"));
        };
        let [gid, name, lat, lon, population, aliases] = row.fields()?;
        let geonames_id: u32 = row.number("geonames_id", gid)?;
        let is_capital = geonames_id == context.capital_ids[country];
        let id = part.add_place(
            base,
            Place {
                id: PlaceId(0),
                geonames_id,
                name: row.text(name),
                kind: Kind::City,
                population: row.number("population", population)?,
                code: row.text(code),
                parent,
                lat: row.tenths("lat", lat, 90)?,
                lon: row.tenths("lon", lon, 180)?,
                country: cc,
                flags: if is_capital { CAPITAL } else { 0 },
            },
        );
        if is_capital {
            part.capitals.push((country, id));
        }
        part.add_aliases(id, &row, aliases);
    }
    Ok(())
}

/// The hashes of a part's names' keys (in the names' order), and of their word prefixes.
struct Hashes {
    names: Vec<u64>,
    prefixes: Vec<u64>,
    max_words: usize,
}

fn hash_names(names: &[Name]) -> Result<Hashes, ParseError> {
    let mut hashes = Hashes {
        names: Vec::with_capacity(names.len()),
        prefixes: Vec::with_capacity(names.len() / 2),
        max_words: 1,
    };
    for name in names {
        let mut words = 1;
        let (hash, len) = hash_name(name.text(), |h| {
            hashes.prefixes.push(h);
            words += 1;
        });
        if len == 0 || len > MAX_KEY {
            return Err(ParseError {
                file: "(names)",
                line: 0,
                message: format!("{:?} has no usable key", name.text()),
            });
        }
        hashes.names.push(hash);
        hashes.max_words = hashes.max_words.max(words);
    }
    Ok(hashes)
}

/// Half of the table: the keys whose hash has top bit 0, or 1.
struct Shard {
    /// Open addressing with linear probing: a key's home is `hash & mask`.
    table: Vec<Slot>,
    /// Every key's names, one run per key.
    names: Vec<Name>,
    mask: usize,
}

impl Shard {
    /// The shard `which` of the table, from the names of two parts and their hashes. A key's
    /// places come most important first, each once, with the flags of all its names.
    fn build(
        which: u64,
        parts: [(&[Name], &Hashes); 2],
        importance: impl Fn(PlaceId) -> u32,
    ) -> Shard {
        let mine = |hash: &u64| hash >> 63 == which;
        let count: usize = parts
            .iter()
            .map(|p| p.1.names.iter().filter(|h| mine(h)).count())
            .sum();
        let prefixes: usize = parts
            .iter()
            .map(|p| p.1.prefixes.iter().filter(|h| mine(h)).count())
            .sum();
        let capacity = ((count + prefixes) * 3 / 2).next_power_of_two().max(16);
        let mask = capacity - 1;
        let mut table = vec![Slot::default(); capacity];

        // Count each key's names, remembering each name's slot...
        let mut picks: Vec<(u32, u32)> = Vec::with_capacity(count);
        let mut crowded: Vec<u32> = Vec::new();
        for (part, (_, hashes)) in parts.iter().enumerate() {
            for (i, &hash) in hashes.names.iter().enumerate() {
                if !mine(&hash) {
                    continue;
                }
                let slot = claim(&mut table, mask, hash);
                table[slot].len += 1;
                if table[slot].len == 2 {
                    crowded.push(slot as u32);
                }
                picks.push((slot as u32, (part as u32) << 31 | i as u32));
            }
        }
        for (_, hashes) in &parts {
            for &hash in hashes.prefixes.iter().filter(|h| mine(h)) {
                let slot = claim(&mut table, mask, hash);
                table[slot].len |= SLOT_EXTENDS;
            }
        }
        // ... then lay the names out by key, in file order within a key...
        let mut start = 0u32;
        for slot in &mut table {
            slot.start = start;
            start += slot.len & LEN_MASK;
            slot.len &= !LEN_MASK;
        }
        let empty = Name {
            place: PlaceId(0),
            text: Text { at: 0, len: 0 },
            flags: NameFlags(0),
        };
        let mut names = vec![empty; count];
        for &(slot, pick) in &picks {
            let (names_of_part, _) = parts[(pick >> 31) as usize];
            let name = names_of_part[(pick & !(1 << 31)) as usize];
            let slot = &mut table[slot as usize];
            names[(slot.start + (slot.len & LEN_MASK)) as usize] = name;
            slot.len += 1;
        }
        // ... and where a key names several places, the most important first, each once.
        for &i in &crowded {
            let slot = &mut table[i as usize];
            let len = (slot.len & LEN_MASK) as usize;
            let group = &mut names[slot.start as usize..][..len];
            group.sort_by_cached_key(|n| (importance(n.place), n.place));
            let mut kept = 1;
            for i in 1..len {
                if group[i].place == group[kept - 1].place {
                    if group[i].flags.contains(NameFlags::PRIMARY) {
                        group[kept - 1].text = group[i].text;
                    }
                    group[kept - 1].flags = group[kept - 1].flags | group[i].flags;
                } else {
                    group[kept] = group[i];
                    kept += 1;
                }
            }
            slot.len = (slot.len & !LEN_MASK) | kept as u32;
        }
        Shard { table, names, mask }
    }

    fn slot_index(&self, hash: u64) -> Option<usize> {
        let mut i = hash as usize & self.mask;
        loop {
            let slot = &self.table[i];
            if slot.hash == hash {
                return Some(i);
            }
            if slot.hash == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// The slot for `hash`, claimed if it was empty.
fn claim(table: &mut [Slot], mask: usize, hash: u64) -> usize {
    let mut i = hash as usize & mask;
    loop {
        if table[i].hash == hash {
            return i;
        }
        if table[i].hash == 0 {
            table[i].hash = hash;
            return i;
        }
        i = (i + 1) & mask;
    }
}

/// Marks the keys listed in ambiguous.tsv, and the common words of words.tsv.
fn read_ambiguous(gazetteer: &mut Gazetteer) -> Result<(), ParseError> {
    for row in rows(WORDS_FILE) {
        let hash = hash_key(row.text.as_bytes(), |_| {});
        let shard = &mut gazetteer.shards[(hash >> 63) as usize];
        match shard.slot_index(hash) {
            Some(i) if shard.table[i].len & LEN_MASK > 0 => shard.table[i].len |= SLOT_WORD,
            _ => return Err(row.error(format!("{:?} names no place", row.text))),
        }
    }
    for row in rows(AMBIGUOUS_FILE) {
        let [name, what] = row.fields()?;
        let bits = match what {
            "word" => SLOT_WORD,
            "person" => SLOT_PERSON,
            "word|person" => SLOT_WORD | SLOT_PERSON,
            _ => return Err(row.error(format!("expected word, person or word|person: {what:?}"))),
        };
        let mut key = String::new();
        normalize(name, &mut key);
        let hash = hash_key(key.as_bytes(), |_| {});
        let shard = &mut gazetteer.shards[(hash >> 63) as usize];
        match shard.slot_index(hash) {
            Some(i) if shard.table[i].len & LEN_MASK > 0 => shard.table[i].len |= bits,
            _ => return Err(row.error(format!("{name:?} names no place"))),
        }
    }
    Ok(())
}

/// Where a place comes among those sharing a name, lowest first: continents, countries,
/// capitals, regions and seas, first-level regions, then towns; by population within each.
fn importance(place: &Place) -> u32 {
    let rank: u32 = match place.kind {
        Kind::Continent => 0,
        Kind::Country => 1,
        Kind::City if place.is_capital() => 2,
        Kind::Region | Kind::Sea => 3,
        Kind::Admin1 => 4,
        Kind::City => 5,
    };
    const POPULATION: u32 = (1 << 29) - 1;
    (rank << 29) | (POPULATION - place.population.min(POPULATION))
}

/// Whether every letter is a capital and there are two or more: "US", "U.S.", "NSW".
fn is_acronym(text: &str) -> bool {
    let mut letters = 0;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

// --- the compiled form ------------------------------------------------------------------------

/// The gazetteer as `build.rs` leaves it, built from the same tables at compile time, so
/// that a process reads it instead of parsing 6 MB of text.
const COMPILED_MAGIC: &[u8; 8] = b"BRFGAZ01";

/// Writes and reads the compiled form: little-endian fields, in the order the structures
/// hold them.
struct Bytes<'a> {
    data: &'a [u8],
    at: usize,
}

impl Bytes<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], ParseError> {
        let bytes = self
            .data
            .get(self.at..self.at + N)
            .and_then(|b| <[u8; N]>::try_from(b).ok())
            .ok_or_else(compiled_error)?;
        self.at += N;
        Ok(bytes)
    }

    fn u8(&mut self) -> Result<u8, ParseError> {
        Ok(self.take::<1>()?[0])
    }

    fn u16(&mut self) -> Result<u16, ParseError> {
        Ok(u16::from_le_bytes(self.take()?))
    }

    fn u32(&mut self) -> Result<u32, ParseError> {
        Ok(u32::from_le_bytes(self.take()?))
    }

    fn u64(&mut self) -> Result<u64, ParseError> {
        Ok(u64::from_le_bytes(self.take()?))
    }

    fn len(&mut self) -> Result<usize, ParseError> {
        Ok(self.u32()? as usize)
    }
}

fn compiled_error() -> ParseError {
    ParseError {
        file: "(compiled gazetteer)",
        line: 0,
        message: "the compiled gazetteer is truncated or from another version: rebuild".into(),
    }
}

fn put_text(out: &mut Vec<u8>, t: Text) {
    let (at, len) = (t.at, t.len);
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&len.to_le_bytes());
}

fn kind_code(kind: Kind) -> u8 {
    match kind {
        Kind::Continent => 0,
        Kind::Country => 1,
        Kind::Region => 2,
        Kind::Sea => 3,
        Kind::Admin1 => 4,
        Kind::City => 5,
    }
}

fn kind_of(code: u8) -> Result<Kind, ParseError> {
    Ok(match code {
        0 => Kind::Continent,
        1 => Kind::Country,
        2 => Kind::Region,
        3 => Kind::Sea,
        4 => Kind::Admin1,
        5 => Kind::City,
        _ => return Err(compiled_error()),
    })
}

impl Gazetteer {
    /// The compiled form of this gazetteer (what `build.rs` writes).
    #[doc(hidden)]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(24 << 20);
        out.extend_from_slice(COMPILED_MAGIC);
        let u32s = |out: &mut Vec<u8>, v: u32| out.extend_from_slice(&v.to_le_bytes());
        u32s(&mut out, self.split);
        u32s(&mut out, self.max_words as u32);
        for places in &self.places {
            u32s(&mut out, places.len() as u32);
            for p in places {
                u32s(&mut out, p.geonames_id);
                u32s(&mut out, p.population);
                put_text(&mut out, p.name);
                put_text(&mut out, p.code);
                u32s(&mut out, p.parent);
                out.extend_from_slice(&p.lat.to_le_bytes());
                out.extend_from_slice(&p.lon.to_le_bytes());
                out.extend_from_slice(&p.country);
                out.push(kind_code(p.kind));
                out.push(p.flags);
            }
        }
        for shard in &self.shards {
            u32s(&mut out, shard.table.len() as u32);
            for slot in &shard.table {
                out.extend_from_slice(&slot.hash.to_le_bytes());
                u32s(&mut out, slot.start);
                u32s(&mut out, slot.len);
            }
            u32s(&mut out, shard.names.len() as u32);
            for name in &shard.names {
                u32s(&mut out, name.place.0);
                out.push(name.flags.0);
                put_text(&mut out, name.text);
            }
        }
        for list in [&self.countries, &self.capitals] {
            u32s(&mut out, list.len() as u32);
            for &v in list.iter() {
                u32s(&mut out, v);
            }
        }
        u32s(&mut out, self.lists.len() as u32);
        for (id, list) in &self.lists {
            u32s(&mut out, id.0);
            u32s(&mut out, list.len() as u32);
            for p in list {
                u32s(&mut out, p.0);
            }
        }
        out
    }

    /// Reads the compiled form.
    #[doc(hidden)]
    pub fn from_bytes(data: &[u8]) -> Result<Gazetteer, ParseError> {
        let mut b = Bytes { data, at: 0 };
        if &b.take::<8>()? != COMPILED_MAGIC {
            return Err(compiled_error());
        }
        let split = b.u32()?;
        let max_words = b.len()?;
        let mut places: [Vec<Place>; 2] = [Vec::new(), Vec::new()];
        for (part, list) in places.iter_mut().enumerate() {
            let n = b.len()?;
            list.reserve_exact(n);
            let base = if part == 0 { 0 } else { split };
            for i in 0..n {
                let geonames_id = b.u32()?;
                let population = b.u32()?;
                let name = Text {
                    at: b.u32()?,
                    len: b.u16()?,
                };
                let code = Text {
                    at: b.u32()?,
                    len: b.u16()?,
                };
                let parent = b.u32()?;
                let lat = b.u16()? as i16;
                let lon = b.u16()? as i16;
                let country = b.take::<2>()?;
                let kind = kind_of(b.u8()?)?;
                let flags = b.u8()?;
                list.push(Place {
                    id: PlaceId(base + i as u32),
                    geonames_id,
                    kind,
                    population,
                    name,
                    code,
                    parent,
                    lat,
                    lon,
                    country,
                    flags,
                });
            }
        }
        let mut shards = Vec::with_capacity(2);
        for _ in 0..2 {
            let n = b.len()?;
            if !n.is_power_of_two() {
                return Err(compiled_error());
            }
            let mut table = Vec::with_capacity(n);
            for _ in 0..n {
                table.push(Slot {
                    hash: b.u64()?,
                    start: b.u32()?,
                    len: b.u32()?,
                });
            }
            let n_names = b.len()?;
            let mut names = Vec::with_capacity(n_names);
            for _ in 0..n_names {
                names.push(Name {
                    place: PlaceId(b.u32()?),
                    flags: NameFlags(b.u8()?),
                    text: Text {
                        at: b.u32()?,
                        len: b.u16()?,
                    },
                });
            }
            let mask = table.len() - 1;
            shards.push(Shard { table, names, mask });
        }
        let mut lists_of_u32 = Vec::with_capacity(2);
        for _ in 0..2 {
            let n = b.len()?;
            let mut list = Vec::with_capacity(n);
            for _ in 0..n {
                list.push(b.u32()?);
            }
            lists_of_u32.push(list);
        }
        let capitals = lists_of_u32.pop().ok_or_else(compiled_error)?;
        let countries = lists_of_u32.pop().ok_or_else(compiled_error)?;
        let n = b.len()?;
        let mut lists = Vec::with_capacity(n);
        for _ in 0..n {
            let id = PlaceId(b.u32()?);
            let m = b.len()?;
            let mut list = Vec::with_capacity(m);
            for _ in 0..m {
                list.push(PlaceId(b.u32()?));
            }
            lists.push((id, list));
        }
        if b.at != data.len() {
            return Err(compiled_error());
        }
        let second = shards.pop().ok_or_else(compiled_error)?;
        let first = shards.pop().ok_or_else(compiled_error)?;
        // Codes name the places before the towns: areas, countries, regions.
        let mut codes = HashMap::new();
        for p in places[0].iter().take_while(|p| p.kind != Kind::City) {
            codes.insert(p.code.get(), p.id);
        }
        Ok(Gazetteer {
            places,
            split,
            shards: [first, second],
            max_words,
            countries,
            capitals,
            codes,
            lists,
            by_geonames_id: OnceLock::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        Gazetteer::get()
    }

    fn places(name: &str) -> Vec<&'static Place> {
        let g = g();
        g.lookup_name(name)
            .names
            .iter()
            .map(|n| g.place(n.place))
            .collect()
    }

    fn key(text: &str) -> String {
        let mut k = String::new();
        normalize(text, &mut k);
        k
    }

    #[test]
    fn all_compiled_in_data_parses() {
        let g = Gazetteer::parse().expect("parses");
        assert!(
            g.places().count() > 170_000,
            "{} places",
            g.places().count()
        );
        assert!((5..=12).contains(&g.max_words()), "{}", g.max_words());
        // Every place has a parent but continents, areas spanning continents, and the
        // countries GeoNames puts on none.
        let orphans: Vec<_> = g
            .places()
            .filter(|p| p.parent().is_none())
            .filter(|p| !matches!(p.kind, Kind::Continent | Kind::Region | Kind::Sea))
            .map(|p| p.name())
            .collect();
        assert!(orphans.is_empty(), "{orphans:?}");
    }

    #[test]
    fn the_compiled_form_is_the_parsed_tables() {
        let parsed = Gazetteer::parse().expect("parses");
        let loaded = Gazetteer::load().expect("loads");
        assert_eq!(
            parsed.to_bytes(),
            loaded.to_bytes(),
            "build.rs output is stale"
        );
        assert_eq!(parsed.codes, loaded.codes);
        assert!(Gazetteer::from_bytes(&loaded.to_bytes()[..100]).is_err());
    }

    #[test]
    fn every_group_holds_one_key_and_each_place_once() {
        let g = g();
        for shard in &g.shards {
            for slot in shard.table.iter().filter(|s| s.hash != 0) {
                let names = &shard.names[slot.start as usize..][..(slot.len & LEN_MASK) as usize];
                let Some(first) = names.first() else { continue };
                let k = key(first.text());
                let mut seen = std::collections::HashSet::new();
                for n in names {
                    assert_eq!(
                        key(n.text()),
                        k,
                        "{:?} grouped with {:?}",
                        n.text(),
                        first.text()
                    );
                    assert!(seen.insert(n.place), "{:?} twice under {k:?}", n.text());
                }
                assert!(!g.lookup(&k).is_empty(), "{k:?} not found");
            }
        }
    }

    #[test]
    fn keys_are_lower_case_ascii_words() {
        assert_eq!(key("Spīn Bōldak"), "spin boldak");
        assert_eq!(key("U.S."), "us");
        assert_eq!(key("N'Djamena"), "ndjamena");
        assert_eq!(key("Côte d’Ivoire"), "cote divoire");
        assert_eq!(key("  Guinea-Bissau, "), "guinea bissau");
        assert_eq!(key("Łódź"), "lodz");
        let mut k = String::from("new");
        normalize("York", &mut k);
        assert_eq!(k, "new york");
        normalize("...", &mut k);
        assert_eq!(k, "new york");
    }

    #[test]
    fn spin_boldak_is_in_kandahar_afghanistan() {
        let found = places("Spin Boldak");
        let town = found.first().expect("Spin Boldak");
        assert_eq!(town.kind, Kind::City);
        assert_eq!(town.country(), Some("AF"));
        let chain: Vec<_> = g().parents(town.id).map(|p| p.name()).collect();
        assert_eq!(chain, ["Kandahar", "Afghanistan", "Asia"]);
        // The spellings news also uses.
        assert_eq!(places("Spin Buldak")[0].id, town.id);
        assert_eq!(
            g().lookup_words(&["Spin", "Boldak"]).names[0].place,
            town.id
        );
    }

    #[test]
    fn a_region_lies_in_the_middle_of_its_land_not_of_its_towns() {
        let region = |name: &str, country: &str| {
            *places(name)
                .iter()
                .find(|p| p.kind == Kind::Admin1 && p.country() == Some(country))
                .unwrap_or_else(|| panic!("{name}, {country}"))
        };
        // Manitoba reaches from 49 to 60 degrees north, its towns hardly past 56; Quebec from
        // the St. Lawrence to Hudson Strait; South Australia's towns hug its southern coast.
        let manitoba = region("Manitoba", "CA");
        assert!((53.5..56.5).contains(&manitoba.lat()), "{}", manitoba.lat());
        let quebec = region("Quebec", "CA");
        assert!((51.0..54.0).contains(&quebec.lat()), "{}", quebec.lat());
        assert!((-74.0..-70.0).contains(&quebec.lon()), "{}", quebec.lon());
        let south_australia = region("South Australia", "AU");
        assert!(
            (-32.0..-29.0).contains(&south_australia.lat()),
            "{}",
            south_australia.lat()
        );
        // Chukotka lies across the antimeridian: its middle is there, not at Greenwich.
        let chukotka = region("Chukotka", "RU");
        assert!(chukotka.lon().abs() > 165.0, "{}", chukotka.lon());
        // A small region keeps the middle of its towns.
        let berlin = region("Berlin", "DE");
        assert!((berlin.lat() - 52.5).abs() < 0.2 && (berlin.lon() - 13.4).abs() < 0.3);
    }

    #[test]
    fn german_names_are_found_with_their_umlauts_spelled_out() {
        for (written, name) in [
            ("Duesseldorf", "Düsseldorf"),
            ("Muenster", "Münster"),
            ("Zuerich", "Zürich"),
            ("Basle", "Basel"),
        ] {
            assert!(
                places(written)
                    .iter()
                    .any(|p| p.name() == name && p.kind == Kind::City),
                "{written}: {:?}",
                places(written).iter().map(|p| p.name()).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn balochistan_is_a_region_of_pakistan() {
        let found = places("Balochistan");
        let region = found
            .iter()
            .find(|p| p.kind == Kind::Admin1)
            .expect("Balochistan");
        assert_eq!(region.country(), Some("PK"));
        assert_eq!(
            g().place(region.parent().expect("parent")).name(),
            "Pakistan"
        );
        assert_eq!(places("Baluchistan")[0].id, region.id);
    }

    #[test]
    fn country_aliases_resolve() {
        let g = g();
        for (alias, code) in [
            ("U.S.", "US"),
            ("US", "US"),
            ("USA", "US"),
            ("America", "US"),
            ("UK", "GB"),
            ("Britain", "GB"),
            ("Great Britain", "GB"),
            ("Holland", "NL"),
            ("Burma", "MM"),
            ("Zaire", "CD"),
            ("Ivory Coast", "CI"),
            ("West Germany", "DE"),
            ("Soviet Union", "SU"),
            ("USSR", "SU"),
            ("East Germany", "DD"),
            ("Czechoslovakia", "CS"),
            ("Yugoslavia", "YU"),
        ] {
            let lookup = g.lookup_name(alias);
            let country = lookup
                .names
                .iter()
                .map(|n| g.place(n.place))
                .find(|p| p.kind == Kind::Country)
                .unwrap_or_else(|| panic!("{alias} names no country"));
            assert_eq!(country.country(), Some(code), "{alias}");
        }
        let soviet = g.country("SU").expect("SU");
        assert!(soviet.is_historic());
        assert!(g.successors(soviet.id).any(|p| p.code() == "UA"));
        assert!(g.lookup("us").names[0].flags.contains(NameFlags::ACRONYM));
    }

    #[test]
    fn paris_is_in_france_and_in_texas() {
        let found = places("Paris");
        assert_eq!(found[0].country(), Some("FR"), "the capital comes first");
        assert!(found[0].is_capital());
        let texas = found
            .iter()
            .find(|p| p.country() == Some("US") && p.admin1() == "TX")
            .expect("Paris, Texas");
        assert_eq!(
            g().parents(texas.id).next().map(|p| p.name()),
            Some("Texas")
        );
    }

    #[test]
    fn georgia_is_a_country_and_a_us_state() {
        let found = places("Georgia");
        assert_eq!(
            (found[0].kind, found[0].country()),
            (Kind::Country, Some("GE"))
        );
        assert!(
            found
                .iter()
                .any(|p| p.kind == Kind::Admin1 && p.code() == "US.GA")
        );
        assert!(g().lookup("georgia").person_name);
    }

    #[test]
    fn kabul_is_in_asia() {
        let kabul = places("Kabul")
            .into_iter()
            .find(|p| p.kind == Kind::City)
            .expect("Kabul");
        assert!(kabul.is_capital());
        let chain: Vec<_> = g().parents(kabul.id).map(|p| p.name()).collect();
        assert_eq!(chain.last(), Some(&"Asia"), "{chain:?}");
        assert!(chain.contains(&"Afghanistan"));
        assert_eq!(g().capital("AF").map(|p| p.id), Some(kabul.id));
    }

    #[test]
    fn demonyms_stand_for_their_places() {
        let g = g();
        let code = |w: &str| g.demonym(w).map(Place::code);
        assert_eq!(code("Afghan"), Some("AF"));
        assert_eq!(code("Afghans"), Some("AF"));
        assert_eq!(code("Qatari"), Some("QA"));
        assert_eq!(code("Frenchman"), Some("FR"));
        assert_eq!(code("Britons"), Some("GB"));
        assert_eq!(code("Emirati"), Some("AE"));
        assert_eq!(code("Soviet"), Some("SU"));
        assert_eq!(code("Texan"), Some("US.TX"));
        assert_eq!(code("Kashmiri"), Some("kashmir"));
        assert_eq!(code("Kabul"), None);
        let afghan = g.lookup("afghan").names[0].flags;
        assert!(afghan.contains(NameFlags::ADJECTIVE) && afghan.contains(NameFlags::PEOPLE));
    }

    #[test]
    fn well_known_regions_have_members_and_points() {
        let g = g();
        let gulf = g.by_code("persian-gulf").expect("Persian Gulf");
        assert_eq!(gulf.kind, Kind::Sea);
        assert!(g.members(gulf.id).any(|p| p.code() == "QA"));
        assert!(places("Middle East").iter().any(|p| p.kind == Kind::Region));
        assert!(!places("West Bank").is_empty());
        assert!(!places("Gaza Strip").is_empty());
        let kashmir = g.by_code("kashmir").expect("Kashmir");
        assert!((kashmir.lat() - 34.5).abs() < 0.01);
    }

    #[test]
    fn scanning_aids() {
        let g = g();
        assert!(g.lookup("united").extends);
        assert!(g.lookup("spin").extends);
        assert!(g.lookup("nice").common_word);
        assert!(g.lookup("chad").person_name);
        assert!(g.lookup("no such place anywhere").is_empty());
        let abbreviation = g
            .lookup("ga")
            .names
            .iter()
            .find(|n| g.place(n.place).code() == "US.GA");
        assert!(
            abbreviation
                .expect("Ga.")
                .flags
                .contains(NameFlags::ABBREVIATION)
        );
        let bombay = g.lookup_name("Bombay").names[0];
        assert_eq!(g.place(bombay.place).name(), "Mumbai");
        assert_eq!(g.by_geonames_id(1138958).map(|p| p.name()), Some("Kabul"));
    }
}
