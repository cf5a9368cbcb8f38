//! Maps: inline SVG drawn at build time from Natural Earth's country outlines.
//!
//! Takes the outlines in `data/maps/` (compiled in; derived by `data/make_maps.py`, see
//! `data/README.md`) and the places to mark, as [`Dot`]s sized by their count of articles,
//! and gives a whole `<svg>` element: a world map ([`world`]) or a locator map framed on a
//! country, a group of countries or a point ([`locator`]). No tiles, network or JavaScript.
//!
//! The SVG scales with the page (a `viewBox`, no pixel size) and carries its colours only as
//! defaults on groups and paths, so a style sheet decides. Its classes:
//!
//! | class | what |
//! | --- | --- |
//! | `map`, with `map-world` or `map-locator` | the `<svg>` |
//! | `sphere` | a world map's background: the globe's outline, the sea |
//! | `sea` | a locator map's background rectangle |
//! | `countries` | the group of country outlines |
//! | `land` | a country's outline (one `<path>` a country, titled with its name) |
//! | `focus` | a highlighted country's outline, drawn over the others; or a disc (`<circle>`) marking a locator map's country too small to see (Vatican City, the Maldives) |
//! | `dots` | the group of places |
//! | `dot` | a place's circle; an `<a>` around it when it links somewhere |
//!
//! The world map uses the Equal Earth projection (an equal-area world map, so no country looks
//! bigger than it is) and leaves Antarctica out unless a dot lies there; a locator map uses
//! an equirectangular projection true to scale at its middle latitude. Outlines are clipped
//! to the frame, points closer than a unit (a pixel, at the map's own size) dropped and the
//! rest simplified to within half a unit, so a map holds only what shows.

use std::fmt::Write as _;
use std::sync::OnceLock;

const DETAILED: &str = include_str!("../data/maps/countries-50m.txt");
const COARSE: &str = include_str!("../data/maps/countries-110m.txt");

/// A place on a map.
#[derive(Debug, Clone, PartialEq)]
pub struct Dot {
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east (any value; taken modulo 360).
    pub lon: f64,
    /// Articles about the place: the dot's area grows with it.
    pub count: usize,
    /// The place's name: with the count, the dot's title ("Kabul: 12 briefings"), shown on
    /// hover and naming its link.
    pub label: String,
    /// Where the dot links, relative to the page that shows the map. A link with a scheme
    /// other than `http` or `https` (`javascript:` ...) is dropped.
    pub href: Option<String>,
}

/// What a locator map is about.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Focus {
    /// ISO alpha-2 codes of countries drawn highlighted (one for a country, region or town;
    /// all of a continent's for a continent). Codes the outlines lack are ignored.
    pub highlight: Vec<String>,
    /// The place itself, for a region or town, as (latitude, longitude): the frame is centred
    /// on it.
    pub point: Option<(f64, f64)>,
}

/// A world map with the dots: a whole `<svg>` element. See [`Maps::world`].
pub fn world(dots: &[Dot], title: &str) -> String {
    Maps::get().world(dots, title)
}

/// A locator map of `focus` with the dots that fall in its frame. See [`Maps::locator`].
pub fn locator(focus: &Focus, dots: &[Dot], title: &str) -> String {
    Maps::get().locator(focus, dots, title)
}

/// An outline file that does not read: a bug in `data/maps/`, found by the unit tests.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("data/maps/{file}:{line}: {message}")]
pub struct MapError {
    /// The file, within `data/maps/`.
    pub file: &'static str,
    /// The line, from 1.
    pub line: usize,
    /// What was wrong, and what to do.
    pub message: String,
}

/// The country outlines, at two levels of detail.
pub struct Maps {
    /// Natural Earth 1:50m: locator maps.
    detailed: Outlines,
    /// Natural Earth 1:110m: the world map, and locator maps too wide for the detail to show.
    coarse: Outlines,
}

impl std::fmt::Debug for Maps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Maps")
            .field("detailed", &self.detailed.countries.len())
            .field("coarse", &self.coarse.countries.len())
            .finish()
    }
}

/// One level of detail: every country, sorted by code.
struct Outlines {
    countries: Vec<Country>,
}

struct Country {
    /// ISO 3166-1 alpha-2; empty for land that belongs to no country here.
    code: String,
    name: String,
    rings: Vec<Ring>,
    /// Around every ring.
    bounds: Bounds,
    /// Around the country's main body: its largest polygon and the ones near it, leaving out
    /// far-flung islands and territories (what a locator map frames).
    main: Bounds,
}

struct Ring {
    /// (longitude, latitude) in degrees; continuous in longitude, so a ring that crosses the
    /// 180th meridian goes on past 180. The last point repeats the first.
    points: Vec<[f32; 2]>,
    bounds: Bounds,
}

/// A box in degrees. `east` may pass 180 (or `west` -180) for a box across the 180th meridian.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Bounds {
    west: f64,
    east: f64,
    south: f64,
    north: f64,
}

impl Bounds {
    const EMPTY: Bounds = Bounds {
        west: f64::INFINITY,
        east: f64::NEG_INFINITY,
        south: f64::INFINITY,
        north: f64::NEG_INFINITY,
    };

    fn add(&mut self, lon: f64, lat: f64) {
        self.west = self.west.min(lon);
        self.east = self.east.max(lon);
        self.south = self.south.min(lat);
        self.north = self.north.max(lat);
    }

    fn union(self, other: Bounds) -> Bounds {
        Bounds {
            west: self.west.min(other.west),
            east: self.east.max(other.east),
            south: self.south.min(other.south),
            north: self.north.max(other.north),
        }
    }

    fn shifted(self, degrees: f64) -> Bounds {
        Bounds {
            west: self.west + degrees,
            east: self.east + degrees,
            ..self
        }
    }

    fn centre(self) -> (f64, f64) {
        (
            (self.west + self.east) / 2.0,
            (self.south + self.north) / 2.0,
        )
    }

    fn mid_cos(self) -> f64 {
        (((self.south + self.north) / 2.0).to_radians().cos()).max(0.05)
    }

    /// This box moved by whole turns to lie nearest `lon`.
    fn near(self, lon: f64) -> Bounds {
        let (centre, _) = self.centre();
        self.shifted(((lon - centre) / 360.0).round() * 360.0)
    }

    /// The distance between two boxes, in degrees of latitude (longitude scaled by the
    /// cosine of their latitude); 0 when they touch or overlap.
    fn gap(self, other: Bounds) -> f64 {
        let dx = (other.west - self.east)
            .max(self.west - other.east)
            .max(0.0);
        let dy = (other.south - self.north)
            .max(self.south - other.north)
            .max(0.0);
        let cos = self.union(other).mid_cos();
        (dx * cos).hypot(dy)
    }

    fn intersects(self, other: Bounds) -> bool {
        self.west <= other.east
            && other.west <= self.east
            && self.south <= other.north
            && other.south <= self.north
    }

    fn contains(self, other: Bounds) -> bool {
        self.west <= other.west
            && other.east <= self.east
            && self.south <= other.south
            && other.north <= self.north
    }

    /// The shifts by whole turns (-720, -360, 0, 360, 720) that make `self` meet `frame`.
    fn turns_meeting(self, frame: Bounds) -> impl Iterator<Item = f64> {
        (-2..=2)
            .map(|k| f64::from(k) * 360.0)
            .filter(move |&shift| self.shifted(shift).intersects(frame))
    }
}

impl Maps {
    /// The outlines, parsed from the compiled-in data on first use (a few milliseconds;
    /// `cargo bench --bench map` times it), then shared by every thread.
    pub fn get() -> &'static Maps {
        static MAPS: OnceLock<Maps> = OnceLock::new();
        MAPS.get_or_init(|| {
            // The data is compiled in and the unit tests read all of it: an error here is a
            // bug in the build, not in any input.
            Maps::parse().expect("the compiled-in map outlines read (see their unit tests)")
        })
    }

    /// Parses the compiled-in outline files: what [`Maps::get`] does once per process.
    pub fn parse() -> Result<Maps, MapError> {
        Ok(Maps {
            detailed: Outlines::parse("countries-50m.txt", DETAILED)?,
            coarse: Outlines::parse("countries-110m.txt", COARSE)?,
        })
    }

    /// A world map with the dots: a whole `<svg>` element, 960 units wide, titled `title`.
    ///
    /// Equal Earth projection, from 84 degrees north to 60 south; to the south pole when a
    /// dot lies south of 58 degrees.
    pub fn world(&self, dots: &[Dot], title: &str) -> String {
        let south = if dots.iter().any(|d| d.lat < -58.0) {
            -90.0
        } else {
            -60.0
        };
        let view = View::world(south);
        let mut svg = Svg::start(&view, "map map-world", title);
        let mut clipper = Clipper::new(&view);
        // The sea: the globe's outline, clipped to the frame.
        let sphere: Vec<(f64, f64)> = (0..=36)
            .map(|i| (-180.0, 90.0 - 5.0 * f64::from(i)))
            .chain((0..=36).map(|i| (180.0, -90.0 + 5.0 * f64::from(i))))
            .map(|(lon, lat)| view.project(lon, lat))
            .collect();
        let mut d = PathData::default();
        clipper.ring(sphere.into_iter(), true, &mut d);
        let _ = write!(
            svg.out,
            r##"<path class="sphere" fill="#eef3f7" d="{}"/>"##,
            d.d
        );
        svg.countries_start(0.5);
        let whole = Bounds {
            west: -180.0,
            east: 180.0,
            south: -90.0,
            north: 90.0,
        };
        for country in &self.coarse.countries {
            let mut d = PathData::default();
            for ring in &country.rings {
                for shift in ring.bounds.turns_meeting(whole) {
                    let inside = whole.contains(ring.bounds.shifted(shift));
                    let clipped_lon;
                    let points: &[[f32; 2]] = if inside {
                        &ring.points
                    } else {
                        clipped_lon = clip_longitudes(&ring.points, shift);
                        &clipped_lon
                    };
                    let shift = if inside { shift } else { 0.0 };
                    let needs_clip = ring.bounds.south < view.frame.south
                        || ring.bounds.north > view.frame.north;
                    let projected = points
                        .iter()
                        .map(|p| view.project(f64::from(p[0]) + shift, f64::from(p[1])));
                    clipper.ring(projected, needs_clip, &mut d);
                }
            }
            svg.country(country, false, &d);
        }
        svg.countries_end();
        svg.dots(&view, dots, WORLD_DOTS);
        svg.finish()
    }

    /// A locator map of `focus`: a whole `<svg>` element, 480 units wide and 240 to 360 high,
    /// titled `title`, with the dots that fall in its frame.
    ///
    /// The frame: a country's main body (its largest polygon, those near it and any other
    /// large one: France without its overseas departments, the United States with Alaska but
    /// not Hawaii, both halves of Malaysia) with a margin; several countries (a continent) together, a country much larger than the rest
    /// (Russia in Europe) cut to their surroundings; a region or town centred on its point,
    /// the size of its country's frame but at most 30 degrees high, so that the neighbours
    /// show. At least 6 degrees high, so that a small country (Qatar, Singapore) shows with
    /// its neighbours; a country still too small to see gets a disc over it. A
    /// frame may cross the 180th meridian (Russia, Fiji). With neither a known country nor a
    /// point, a world map.
    pub fn locator(&self, focus: &Focus, dots: &[Dot], title: &str) -> String {
        let highlighted = self.detailed.lookup(&focus.highlight);
        let Some(frame) = self.frame(&highlighted, focus.point) else {
            return self.world(dots, title);
        };
        let view = View::locator(frame);
        let mut svg = Svg::start(&view, "map map-locator", title);
        let _ = write!(
            svg.out,
            r##"<rect class="sea" fill="#eef3f7" width="{}" height="{}"/>"##,
            view.width, view.height
        );
        svg.countries_start(0.75);
        let mut clipper = Clipper::new(&view);
        let coarse = (frame.east - frame.west) * frame.mid_cos() > COARSE_ABOVE_DEGREES;
        let mut focused = Vec::new();
        for (i, detailed) in self.detailed.countries.iter().enumerate() {
            let country = if coarse {
                self.coarse.find(&detailed.code).unwrap_or(detailed)
            } else {
                detailed
            };
            let mut d = PathData::default();
            if country.bounds.turns_meeting(frame).next().is_some() {
                for ring in &country.rings {
                    for shift in ring.bounds.turns_meeting(frame) {
                        let needs_clip = !frame.contains(ring.bounds.shifted(shift));
                        let projected = ring
                            .points
                            .iter()
                            .map(|p| view.project(f64::from(p[0]) + shift, f64::from(p[1])));
                        clipper.ring(projected, needs_clip, &mut d);
                    }
                }
            }
            if highlighted.contains(&i) {
                let (lon, lat) = detailed.main.centre();
                focused.push((country, d, view.place(lat, lon)));
            } else {
                svg.country(country, false, &d);
            }
        }
        // Over the others, so that their borders show whole. A country too small to see is
        // marked when the map is about it, not among a continent's (where discs for Andorra
        // and Monaco would only cover their neighbours).
        let alone = focused.len() == 1;
        for (country, d, centre) in &focused {
            svg.country(country, true, d);
            if let (true, false, Some(centre)) = (alone, d.is_visible(), centre) {
                svg.marker(country, *centre);
            }
        }
        svg.countries_end();
        svg.dots(&view, dots, LOCATOR_DOTS);
        svg.finish()
    }

    /// The frame of a locator map, or None for the whole world.
    fn frame(&self, highlighted: &[usize], point: Option<(f64, f64)>) -> Option<Bounds> {
        let countries: Vec<&Country> = highlighted
            .iter()
            .map(|&i| &self.detailed.countries[i])
            .collect();
        let bounds = union_of_main_bodies(&countries);
        let point = point.filter(|(lat, lon)| lat.is_finite() && lon.is_finite());
        match (bounds, point) {
            (None, None) => None,
            (Some(b), None) => Some(fit(b, MIN_SPAN)),
            (bounds, Some((lat, lon))) => {
                let lat = lat.clamp(-89.0, 89.0);
                let lon = (lon + 180.0).rem_euclid(360.0) - 180.0;
                let size = match bounds {
                    Some(b) => fit(b, MIN_SPAN),
                    None => fit(
                        Bounds {
                            west: lon,
                            east: lon,
                            south: lat,
                            north: lat,
                        },
                        POINT_SPAN,
                    ),
                };
                let height = (size.north - size.south).min(MAX_POINT_SPAN);
                let width = ((size.east - size.west) * size.mid_cos()).min(height * MAX_ASPECT);
                Some(fit_size(lon, lat, width, height))
            }
        }
    }
}

/// Height of the smallest frame, in degrees: a small country still shows with its neighbours.
const MIN_SPAN: f64 = 6.0;
/// Height of the frame around a point in no known country.
const POINT_SPAN: f64 = 20.0;
/// Most height of a frame around a point (a town in Russia shows its surroundings).
const MAX_POINT_SPAN: f64 = 30.0;
/// Locator maps are between 4:3 and 2:1.
const MIN_ASPECT: f64 = 4.0 / 3.0;
const MAX_ASPECT: f64 = 2.0;
/// Frames wider than this (in degrees at their middle latitude) are drawn from the 1:110m
/// outlines: at 480 units across, the finer ones would only add points closer than a unit.
const COARSE_ABOVE_DEGREES: f64 = 50.0;

/// The box around the countries' main bodies, across the 180th meridian when that is shorter.
/// With three countries or more (a continent), one that would stretch the box far beyond the
/// others (Russia in Europe) counts only near them.
fn union_of_main_bodies(countries: &[&Country]) -> Option<Bounds> {
    let largest = countries.iter().max_by(|a, b| {
        area(a.main)
            .total_cmp(&area(b.main))
            .then_with(|| b.code.cmp(&a.code))
    })?;
    let (reference, _) = largest.main.centre();
    let boxes: Vec<Bounds> = countries.iter().map(|c| c.main.near(reference)).collect();
    if boxes.len() < 3 {
        return boxes.into_iter().reduce(Bounds::union);
    }
    let mut union: Option<Bounds> = None;
    for (i, b) in boxes.iter().enumerate() {
        let Some(others) = boxes
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .map(|(_, b)| *b)
            .reduce(Bounds::union)
        else {
            continue;
        };
        let (w, h) = (others.east - others.west, others.north - others.south);
        let near = Bounds {
            west: b.west.max(others.west - w / 4.0),
            east: b.east.min(others.east + w / 4.0),
            south: b.south.max(others.south - h / 4.0),
            north: b.north.min(others.north + h / 4.0),
        };
        if near.west <= near.east && near.south <= near.north {
            union = Some(union.map_or(near, |u| u.union(near)));
        }
    }
    union
}

/// A box's area in square degrees of latitude.
fn area(b: Bounds) -> f64 {
    (b.east - b.west) * b.mid_cos() * (b.north - b.south)
}

/// The frame for a box: a margin around it, at least `min_height` degrees high, between 4:3
/// and 2:1.
fn fit(b: Bounds, min_height: f64) -> Bounds {
    let cos = b.mid_cos();
    let (lon, lat) = b.centre();
    let width = (b.east - b.west) * cos;
    let height = b.north - b.south;
    let width = width + 2.0 * (0.15 * width).max(0.5);
    let height = (height + 2.0 * (0.15 * height).max(0.5)).max(min_height);
    fit_size(lon, lat, width, height)
}

/// A frame centred on (lon, lat), at least `width` wide and `height` high (in degrees of
/// latitude), widened or heightened to lie between 4:3 and 2:1, and moved off the poles.
fn fit_size(lon: f64, lat: f64, width: f64, height: f64) -> Bounds {
    let width = width.max(height * MIN_ASPECT);
    let height = height.max(width / MAX_ASPECT).min(180.0);
    let south = (lat - height / 2.0).max(-90.0);
    let north = (south + height).min(90.0);
    let south = north - height;
    let cos = ((south + north) / 2.0).to_radians().cos().max(0.05);
    let half_lon = (width / cos / 2.0).min(180.0);
    Bounds {
        west: lon - half_lon,
        east: lon + half_lon,
        south,
        north,
    }
}

impl Outlines {
    /// Parses one outline file (its format is described at its top, and in `make_maps.py`).
    fn parse(file: &'static str, text: &str) -> Result<Outlines, MapError> {
        let mut countries: Vec<Country> = Vec::new();
        // The line of each country's header, for errors found at the end.
        let mut headers: Vec<usize> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let error = |message: String| MapError {
                file,
                line: n + 1,
                message,
            };
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(header) = line.strip_prefix('=') {
                let mut fields = header.split('\t');
                let (Some(code), Some(name)) = (fields.next(), fields.next()) else {
                    return Err(error(
                        "a country line is `=CODE<TAB>Name[<TAB>lat lon]`: rerun data/make_maps.py"
                            .into(),
                    ));
                };
                // A country too small for the outlines: its point stands for it.
                let mut bounds = Bounds::EMPTY;
                if let Some(point) = fields.next() {
                    let (lat, lon) = point
                        .split_once(' ')
                        .and_then(|(lat, lon)| {
                            Some((lat.parse::<f64>().ok()?, lon.parse::<f64>().ok()?))
                        })
                        .filter(|(lat, lon)| {
                            (-90.0..=90.0).contains(lat) && (-180.0..=180.0).contains(lon)
                        })
                        .ok_or_else(|| {
                            error(format!(
                                "{point:?} is not a point `lat lon`: rerun data/make_maps.py"
                            ))
                        })?;
                    bounds.add(lon, lat);
                }
                if let Some(last) = countries.last()
                    && last.code.as_str() >= code
                {
                    return Err(error(format!(
                        "{code} comes after {}: countries are sorted by code; rerun data/make_maps.py",
                        last.code
                    )));
                }
                countries.push(Country {
                    code: code.to_string(),
                    name: name.to_string(),
                    rings: Vec::new(),
                    bounds,
                    main: bounds,
                });
                headers.push(n + 1);
                continue;
            }
            let country = countries
                .last_mut()
                .ok_or_else(|| error("a ring before any country line (`=CODE<TAB>Name`)".into()))?;
            if country.rings.is_empty() && country.bounds != Bounds::EMPTY {
                return Err(error(format!(
                    "{} has a point, so no rings: rerun data/make_maps.py",
                    country.code
                )));
            }
            let ring = decode_ring(line).map_err(error)?;
            country.bounds = country.bounds.union(ring.bounds);
            country.rings.push(ring);
        }
        for (country, line) in countries.iter_mut().zip(headers) {
            if !country.rings.is_empty() {
                country.main = main_body(&country.rings);
            } else if country.bounds == Bounds::EMPTY {
                return Err(MapError {
                    file,
                    line,
                    message: format!(
                        "{} has neither rings nor a point: rerun data/make_maps.py",
                        country.code
                    ),
                });
            }
        }
        Ok(Outlines { countries })
    }

    /// The indexes of the countries with these codes (any case); unknown codes are skipped.
    fn lookup(&self, codes: &[String]) -> Vec<usize> {
        let mut found: Vec<usize> = codes
            .iter()
            .filter_map(|code| {
                let code = code.trim().to_ascii_uppercase();
                if code.is_empty() {
                    return None;
                }
                self.countries
                    .binary_search_by(|c| c.code.as_str().cmp(&code))
                    .ok()
            })
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    fn find(&self, code: &str) -> Option<&Country> {
        self.countries
            .binary_search_by(|c| c.code.as_str().cmp(code))
            .ok()
            .map(|i| &self.countries[i])
    }
}

/// One ring of an outline file: polyline-encoded points in hundredths of a degree.
fn decode_ring(line: &str) -> Result<Ring, String> {
    let mut numbers = Vec::with_capacity(line.len());
    let mut value: i64 = 0;
    let mut shift = 0;
    for (i, byte) in line.bytes().enumerate() {
        if !(63..127).contains(&byte) {
            return Err(format!(
                "character {} of the ring is not part of a ring's encoding: rerun data/make_maps.py",
                i + 1
            ));
        }
        let chunk = i64::from(byte - 63);
        if shift > 30 {
            return Err("a number in the ring is too long: rerun data/make_maps.py".into());
        }
        value |= (chunk & 0x1f) << shift;
        shift += 5;
        if chunk < 0x20 {
            numbers.push(if value & 1 == 1 {
                !(value >> 1)
            } else {
                value >> 1
            });
            value = 0;
            shift = 0;
        }
    }
    if shift != 0 || numbers.len() % 2 != 0 {
        return Err("the ring ends half-way through a point: rerun data/make_maps.py".into());
    }
    let mut points = Vec::with_capacity(numbers.len() / 2);
    let mut bounds = Bounds::EMPTY;
    let (mut lon, mut lat) = (0i64, 0i64);
    for pair in numbers.chunks_exact(2) {
        lon += pair[0];
        lat += pair[1];
        let (x, y) = (lon as f64 / 100.0, lat as f64 / 100.0);
        if !(-540.0..=540.0).contains(&x) || !(-90.0..=90.0).contains(&y) {
            return Err(format!(
                "point ({x}, {y}) is off the globe: rerun data/make_maps.py"
            ));
        }
        bounds.add(x, y);
        points.push([x as f32, y as f32]);
    }
    if points.len() < 4 {
        return Err("a ring needs at least three points and the first again".into());
    }
    Ok(Ring { points, bounds })
}

/// The box around a country's main body: its largest ring (by area), the rings near it (as
/// far as 15% of the largest ring's size or 4 degrees, whichever is more), and any ring at
/// least a quarter of its size wherever it lies (both halves of Malaysia).
fn main_body(rings: &[Ring]) -> Bounds {
    let ring_area = |r: &Ring| {
        let cos = r.bounds.mid_cos();
        let twice: f64 = r
            .points
            .windows(2)
            .map(|w| {
                f64::from(w[0][0]) * f64::from(w[1][1]) - f64::from(w[1][0]) * f64::from(w[0][1])
            })
            .sum();
        (twice / 2.0).abs() * cos
    };
    let areas: Vec<f64> = rings.iter().map(ring_area).collect();
    let Some((largest, &most)) = areas.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)) else {
        return Bounds::EMPTY;
    };
    let core = rings[largest].bounds;
    let reach =
        (0.15 * ((core.east - core.west) * core.mid_cos()).hypot(core.north - core.south)).max(4.0);
    let (centre, _) = core.centre();
    rings
        .iter()
        .zip(&areas)
        .map(|(r, &area)| (r.bounds.near(centre), area))
        .filter(|&(b, area)| core.gap(b) <= reach || area >= most / 4.0)
        .fold(core, |union, (b, _)| union.union(b))
}

/// A ring moved by `shift` degrees and cut to longitudes -180..180, for the world map.
fn clip_longitudes(points: &[[f32; 2]], shift: f64) -> Vec<[f32; 2]> {
    let moved: Vec<(f64, f64)> = points
        .iter()
        .map(|p| (f64::from(p[0]) + shift, f64::from(p[1])))
        .collect();
    let west = clip_half_plane(&moved, |p| p.0 >= -180.0, |a, b| at_x(a, b, -180.0));
    let both = clip_half_plane(&west, |p| p.0 <= 180.0, |a, b| at_x(a, b, 180.0));
    both.iter().map(|&(x, y)| [x as f32, y as f32]).collect()
}

/// Where the segment a-b crosses the vertical line at x.
fn at_x(a: (f64, f64), b: (f64, f64), x: f64) -> (f64, f64) {
    let t = (x - a.0) / (b.0 - a.0);
    (x, a.1 + t * (b.1 - a.1))
}

/// Where the segment a-b crosses the horizontal line at y.
fn at_y(a: (f64, f64), b: (f64, f64), y: f64) -> (f64, f64) {
    let t = (y - a.1) / (b.1 - a.1);
    (a.0 + t * (b.0 - a.0), y)
}

/// One step of Sutherland-Hodgman: the closed polygon cut to one side of a line.
fn clip_half_plane(
    points: &[(f64, f64)],
    inside: impl Fn((f64, f64)) -> bool,
    cross: impl Fn((f64, f64), (f64, f64)) -> (f64, f64),
) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(points.len() + 4);
    clip_into(points, &inside, &cross, &mut out);
    out
}

fn clip_into(
    points: &[(f64, f64)],
    inside: &impl Fn((f64, f64)) -> bool,
    cross: &impl Fn((f64, f64), (f64, f64)) -> (f64, f64),
    out: &mut Vec<(f64, f64)>,
) {
    out.clear();
    let Some(&last) = points.last() else {
        return;
    };
    let mut previous = last;
    let mut previous_inside = inside(previous);
    for &p in points {
        let p_inside = inside(p);
        if p_inside != previous_inside {
            out.push(cross(previous, p));
        }
        if p_inside {
            out.push(p);
        }
        previous = p;
        previous_inside = p_inside;
    }
}

/// How degrees become map units.
#[derive(Debug, Clone, Copy)]
enum Projection {
    /// Equal Earth (Šavrič, Patterson and Jenny, 2018).
    EqualEarth,
    /// Equirectangular, true to scale along the frame's middle latitude.
    Plate { cos: f64 },
}

/// A projection and the frame it draws, in map units (`width` by `height`, origin top left).
#[derive(Debug, Clone, Copy)]
struct View {
    projection: Projection,
    frame: Bounds,
    /// Map units per projected unit.
    scale: f64,
    /// The projected coordinates of the frame's top left corner.
    left: f64,
    top: f64,
    width: f64,
    height: f64,
}

const WORLD_WIDTH: f64 = 960.0;
const LOCATOR_WIDTH: f64 = 480.0;
/// The smallest and largest dot radius, in map units.
const WORLD_DOTS: (f64, f64) = (3.0, 14.0);
const LOCATOR_DOTS: (f64, f64) = (3.5, 8.0);
/// The radius of the disc that marks a highlighted country too small to see.
const MARKER_RADIUS: f64 = 5.0;

impl View {
    fn world(south: f64) -> View {
        let frame = Bounds {
            west: -180.0,
            east: 180.0,
            south,
            north: 84.0,
        };
        let (left, _) = equal_earth(-180.0, 0.0);
        let (right, _) = equal_earth(180.0, 0.0);
        let (_, top) = equal_earth(0.0, frame.north);
        let (_, bottom) = equal_earth(0.0, frame.south);
        let scale = WORLD_WIDTH / (right - left);
        View {
            projection: Projection::EqualEarth,
            frame,
            scale,
            left,
            top,
            width: WORLD_WIDTH,
            height: ((top - bottom) * scale).round(),
        }
    }

    fn locator(frame: Bounds) -> View {
        let cos = frame.mid_cos();
        let scale = LOCATOR_WIDTH / ((frame.east - frame.west) * cos);
        View {
            projection: Projection::Plate { cos },
            frame,
            scale,
            left: frame.west * cos,
            top: frame.north,
            width: LOCATOR_WIDTH,
            height: ((frame.north - frame.south) * scale).round(),
        }
    }

    /// Map units of a point: x from the left, y from the top.
    fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = match self.projection {
            Projection::EqualEarth => equal_earth(lon, lat),
            Projection::Plate { cos } => (lon * cos, lat),
        };
        ((x - self.left) * self.scale, (self.top - y) * self.scale)
    }

    /// A dot's position, with its longitude taken by whole turns to the frame's side of the
    /// world; None when it falls outside the frame.
    fn place(&self, lat: f64, lon: f64) -> Option<(f64, f64)> {
        if !lat.is_finite() || !lon.is_finite() || !(-90.0..=90.0).contains(&lat) {
            return None;
        }
        let (centre, _) = self.frame.centre();
        let lon = lon + ((centre - lon) / 360.0).round() * 360.0;
        let (x, y) = self.project(lon, lat);
        ((0.0..=self.width).contains(&x) && (0.0..=self.height).contains(&y)).then_some((x, y))
    }
}

/// Equal Earth, in radians of the unit sphere.
fn equal_earth(lon: f64, lat: f64) -> (f64, f64) {
    const A1: f64 = 1.340264;
    const A2: f64 = -0.081106;
    const A3: f64 = 0.000893;
    const A4: f64 = 0.003796;
    let m = 3f64.sqrt() / 2.0;
    let theta = (m * lat.to_radians().sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lon.to_radians() * theta.cos()
        / (m * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

/// Clips projected rings to the view (with a margin, so that cut edges fall outside it),
/// drops points closer than a unit to the last one kept, and writes them as path data.
struct Clipper {
    min: (f64, f64),
    max: (f64, f64),
    a: Vec<(f64, f64)>,
    b: Vec<(f64, f64)>,
    kept: Vec<(i64, i64)>,
    keep: Vec<bool>,
    stack: Vec<(usize, usize)>,
}

/// Cut edges lie this far outside the view, so that their stroke never shows.
const CLIP_MARGIN: f64 = 2.0;

impl Clipper {
    fn new(view: &View) -> Clipper {
        Clipper {
            min: (-CLIP_MARGIN, -CLIP_MARGIN),
            max: (view.width + CLIP_MARGIN, view.height + CLIP_MARGIN),
            a: Vec::new(),
            b: Vec::new(),
            kept: Vec::new(),
            keep: Vec::new(),
            stack: Vec::new(),
        }
    }

    /// Which sides of the clip box a point lies beyond, as bits.
    fn outside(&self, p: (f64, f64)) -> u8 {
        u8::from(p.0 < self.min.0)
            | u8::from(p.0 > self.max.0) << 1
            | u8::from(p.1 < self.min.1) << 2
            | u8::from(p.1 > self.max.1) << 3
    }

    fn ring(&mut self, points: impl Iterator<Item = (f64, f64)>, clip: bool, d: &mut PathData) {
        self.a.clear();
        if clip {
            // A run of points all beyond the same side contributes only where it enters and
            // leaves: keep its ends, so that a long coast far outside costs nothing below.
            let mut run_side = 0u8;
            let mut pending: Option<(f64, f64)> = None;
            for p in points {
                let side = self.outside(p);
                if side & run_side != 0 {
                    pending = Some(p);
                    run_side &= side;
                    continue;
                }
                if let Some(q) = pending.take() {
                    self.a.push(q);
                }
                self.a.push(p);
                run_side = side;
            }
            if let Some(q) = pending {
                self.a.push(q);
            }
            if self.a.iter().all(|&p| self.outside(p) != 0)
                && self.a.iter().fold(0xf, |sides, &p| sides & self.outside(p)) != 0
            {
                return;
            }
            let (min, max) = (self.min, self.max);
            clip_into(
                &self.a,
                &|p| p.0 >= min.0,
                &|a, b| at_x(a, b, min.0),
                &mut self.b,
            );
            clip_into(
                &self.b,
                &|p| p.0 <= max.0,
                &|a, b| at_x(a, b, max.0),
                &mut self.a,
            );
            clip_into(
                &self.a,
                &|p| p.1 >= min.1,
                &|a, b| at_y(a, b, min.1),
                &mut self.b,
            );
            clip_into(
                &self.b,
                &|p| p.1 <= max.1,
                &|a, b| at_y(a, b, max.1),
                &mut self.a,
            );
        } else {
            self.a.extend(points);
        }
        self.simplify();
        d.ring(&self.kept, &self.keep);
    }

    /// Rounds the ring in `a` to whole units into `kept`, dropping points closer than a unit
    /// to the last one kept, then marks in `keep` the points a line through the others would
    /// pass more than half a unit from (Douglas-Peucker): what shows at this size.
    fn simplify(&mut self) {
        self.kept.clear();
        let mut last = (0.0, 0.0);
        for &p in &self.a {
            let (dx, dy) = (p.0 - last.0, p.1 - last.1);
            if self.kept.is_empty() || dx * dx + dy * dy >= 1.0 {
                let q = (p.0.round() as i64, p.1.round() as i64);
                if self.kept.last() != Some(&q) {
                    self.kept.push(q);
                    last = p;
                }
            }
        }
        while self.kept.len() > 1 && self.kept.first() == self.kept.last() {
            self.kept.pop();
        }
        let n = self.kept.len();
        self.keep.clear();
        self.keep.resize(n, false);
        if n < 3 {
            return;
        }
        // A closed ring: split at its first point and the point farthest from it.
        let first = self.kept[0];
        let far = (1..n)
            .max_by_key(|&i| {
                let (dx, dy) = (self.kept[i].0 - first.0, self.kept[i].1 - first.1);
                dx * dx + dy * dy
            })
            .unwrap_or(1);
        self.keep[0] = true;
        self.keep[far] = true;
        self.stack.clear();
        self.stack.push((0, far));
        self.stack.push((far, n));
        while let Some((from, to)) = self.stack.pop() {
            let a = self.kept[from];
            let b = self.kept[to % n];
            let mut worst = (0.0, 0);
            for i in from + 1..to {
                let d = squared_distance_to_segment(self.kept[i], a, b);
                if d > worst.0 {
                    worst = (d, i);
                }
            }
            if worst.0 > SIMPLIFY_TOLERANCE * SIMPLIFY_TOLERANCE {
                self.keep[worst.1] = true;
                self.stack.push((from, worst.1));
                self.stack.push((worst.1, to));
            }
        }
    }
}

/// How far, in map units, a simplified outline may pass from a point it drops.
const SIMPLIFY_TOLERANCE: f64 = 0.5;

/// The square of the distance from p to the segment a-b (compared, never taken root of).
fn squared_distance_to_segment(p: (i64, i64), a: (i64, i64), b: (i64, i64)) -> f64 {
    let (px, py) = (p.0 as f64, p.1 as f64);
    let (ax, ay) = (a.0 as f64, a.1 as f64);
    let (dx, dy) = (b.0 as f64 - ax, b.1 as f64 - ay);
    let length = dx * dx + dy * dy;
    let t = if length == 0.0 {
        0.0
    } else {
        (((px - ax) * dx + (py - ay) * dy) / length).clamp(0.0, 1.0)
    };
    let (ex, ey) = (px - ax - t * dx, py - ay - t * dy);
    ex * ex + ey * ey
}

/// SVG path data, in whole map units, relative moves; and the area of its largest ring.
#[derive(Default)]
struct PathData {
    d: String,
    /// Twice the area of the largest ring drawn, in square map units.
    largest: i64,
}

impl PathData {
    /// Adds a closed ring: the points marked to keep. A ring left with fewer than three is
    /// too small to see and is dropped.
    fn ring(&mut self, points: &[(i64, i64)], keep: &[bool]) {
        let mut kept = points
            .iter()
            .zip(keep)
            .filter(|(_, k)| **k)
            .map(|(p, _)| *p);
        if keep.iter().filter(|k| **k).count() < 3 {
            return;
        }
        let Some(start) = kept.next() else {
            return;
        };
        let mut twice_area = 0;
        let out = &mut self.d;
        let _ = write!(out, "M{} {}l", start.0, start.1);
        let mut previous = start;
        for (i, (x, y)) in kept.enumerate() {
            let (dx, dy) = (x - previous.0, y - previous.1);
            if i > 0 && dx >= 0 {
                out.push(' ');
            }
            let _ = write!(out, "{dx}");
            if dy >= 0 {
                out.push(' ');
            }
            let _ = write!(out, "{dy}");
            twice_area +=
                (previous.0 - start.0) * (y - start.1) - (x - start.0) * (previous.1 - start.1);
            previous = (x, y);
        }
        out.push('z');
        self.largest = self.largest.max(twice_area.abs());
    }

    /// Whether it draws anything a reader can make out: a ring of some area, not only specks
    /// and slivers under the borders' stroke (the Maldives' islands, Diego Garcia's rim).
    fn is_visible(&self) -> bool {
        self.largest >= 2 * MARKED_BELOW
    }
}

/// A highlighted country whose every ring is smaller than this (in square map units) gets a
/// marker.
const MARKED_BELOW: i64 = 40;

/// An SVG document being written.
struct Svg {
    out: String,
}

impl Svg {
    fn start(view: &View, class: &str, title: &str) -> Svg {
        let mut out = String::with_capacity(32 * 1024);
        let title = escape(title);
        let _ = write!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="{class}" viewBox="0 0 {} {}" role="img" aria-label="{title}"><title>{title}</title>"#,
            view.width, view.height
        );
        Svg { out }
    }

    fn countries_start(&mut self, stroke: f64) {
        let _ = write!(
            self.out,
            r##"<g class="countries" fill="#dddcd3" stroke="#ffffff" stroke-width="{stroke}" stroke-linejoin="round" fill-rule="evenodd">"##
        );
    }

    fn country(&mut self, country: &Country, focus: bool, d: &PathData) {
        if d.d.is_empty() {
            return;
        }
        // The default colour of a highlighted country; a style sheet's `.focus` overrides it.
        let class = if focus {
            r##"class="focus" fill="#c8553d""##
        } else {
            r#"class="land""#
        };
        let _ = write!(
            self.out,
            r#"<path {class} d="{}"><title>{}</title></path>"#,
            d.d,
            escape(&country.name)
        );
    }

    /// A marker for a highlighted country too small to see at this scale (Vatican City, the
    /// Maldives): a disc over its main body.
    fn marker(&mut self, country: &Country, (x, y): (f64, f64)) {
        let _ = write!(
            self.out,
            r##"<circle class="focus" fill="#c8553d" cx="{}" cy="{}" r="{}"><title>{}</title></circle>"##,
            tenths(x),
            tenths(y),
            tenths(MARKER_RADIUS),
            escape(&country.name)
        );
    }

    fn countries_end(&mut self) {
        self.out.push_str("</g>");
    }

    /// The dots in the frame, largest first so that small ones stay on top to be pointed at.
    fn dots(&mut self, view: &View, dots: &[Dot], (smallest, largest): (f64, f64)) {
        let mut placed: Vec<(&Dot, (f64, f64))> = dots
            .iter()
            .filter_map(|d| Some((d, view.place(d.lat, d.lon)?)))
            .collect();
        if placed.is_empty() {
            return;
        }
        placed.sort_by(|(a, pa), (b, pb)| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.label.cmp(&b.label))
                .then_with(|| pa.0.total_cmp(&pb.0))
                .then_with(|| pa.1.total_cmp(&pb.1))
        });
        let most = placed.iter().map(|(d, _)| d.count).max().unwrap_or(0);
        self.out.push_str(
            r##"<g class="dots" fill="#1f5f8b" fill-opacity="0.75" stroke="#ffffff" stroke-width="1">"##,
        );
        for (dot, (x, y)) in placed {
            let r = radius(dot.count, most, smallest, largest);
            let unit = if dot.count == 1 {
                "briefing"
            } else {
                "briefings"
            };
            let title = format!("{}: {} {unit}", escape(&dot.label), dot.count);
            let circle = format!(
                r#"circle class="dot" cx="{}" cy="{}" r="{}""#,
                tenths(x),
                tenths(y),
                tenths(r)
            );
            // The title is the link's when there is one (its name for a screen reader, and
            // the tooltip over its circle), else the circle's.
            let _ = match dot.href.as_deref().and_then(safe_href) {
                Some(href) => write!(
                    self.out,
                    r#"<a href="{}"><title>{title}</title><{circle}/></a>"#,
                    escape(href)
                ),
                None => write!(self.out, "<{circle}><title>{title}</title></circle>"),
            };
        }
        self.out.push_str("</g>");
    }

    fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

/// A dot's radius: its area in proportion to its count, the largest count getting `largest`,
/// none smaller than `smallest`.
fn radius(count: usize, most: usize, smallest: f64, largest: f64) -> f64 {
    if most == 0 {
        return smallest;
    }
    (largest * (count as f64 / most as f64).sqrt()).clamp(smallest, largest)
}

/// A number with at most one decimal.
fn tenths(x: f64) -> String {
    let t = (x * 10.0).round() / 10.0;
    if t == t.trunc() {
        format!("{}", t as i64)
    } else {
        format!("{t:.1}")
    }
}

/// The link if it is safe to follow: relative, or http(s). Browsers ignore tabs and new lines
/// inside a URL and leading spaces, so `java\tscript:` is a scheme too.
fn safe_href(href: &str) -> Option<&str> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let end = href.find([':', '/', '?', '#']).unwrap_or(href.len());
    if href[end..].starts_with(':') {
        let scheme: String = href[..end]
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect::<String>()
            .to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return None;
        }
    }
    Some(href)
}

/// Text or an attribute value for XML and HTML: markup characters as entities, and the
/// characters XML forbids (control characters) left out.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::{Gazetteer, Kind};

    /// An element of the SVG as a reader's browser would build it.
    #[derive(Debug)]
    struct Element {
        name: String,
        attrs: Vec<(String, String)>,
        children: Vec<Element>,
        text: String,
    }

    impl Element {
        fn attr(&self, name: &str) -> Option<&str> {
            self.attrs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        }

        fn all<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
            if self.name == name {
                out.push(self);
            }
            for c in &self.children {
                c.all(name, out);
            }
        }

        fn find(&self, name: &str) -> Vec<&Element> {
            let mut out = Vec::new();
            self.all(name, &mut out);
            out
        }

        fn title(&self) -> Option<&str> {
            self.children
                .iter()
                .find(|c| c.name == "title")
                .map(|t| t.text.as_str())
        }
    }

    fn unescape(text: &str) -> Result<String, String> {
        let mut out = String::new();
        let mut rest = text;
        while let Some(i) = rest.find('&') {
            out.push_str(&rest[..i]);
            let end = rest[i..].find(';').ok_or(format!("a bare & in {text:?}"))?;
            out.push(match &rest[i + 1..i + end] {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "#39" => '\'',
                other => return Err(format!("unknown entity &{other}; in {text:?}")),
            });
            rest = &rest[i + end + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }

    /// A small XML reader: every tag closed in order, attributes quoted, text and values
    /// free of raw markup, only XML's entities. Returns the root element.
    fn read_xml(xml: &str) -> Result<Element, String> {
        let mut stack: Vec<Element> = vec![Element {
            name: String::new(),
            attrs: Vec::new(),
            children: Vec::new(),
            text: String::new(),
        }];
        let mut rest = xml;
        while !rest.is_empty() {
            let lt = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..lt];
            if text.contains('>') {
                return Err(format!("a raw > in text {text:?}"));
            }
            let text = unescape(text)?;
            stack
                .last_mut()
                .ok_or("no open element")?
                .text
                .push_str(&text);
            rest = &rest[lt..];
            if rest.is_empty() {
                break;
            }
            let gt = rest.find('>').ok_or("a tag that never ends")?;
            let tag = &rest[1..gt];
            rest = &rest[gt + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                let open = stack.pop().ok_or("a close tag with nothing open")?;
                if open.name != name {
                    return Err(format!("</{name}> closes <{}>", open.name));
                }
                stack
                    .last_mut()
                    .ok_or(format!("</{name}> closes the document"))?
                    .children
                    .push(open);
                continue;
            }
            let (tag, closed) = match tag.strip_suffix('/') {
                Some(t) => (t, true),
                None => (tag, false),
            };
            let name_end = tag.find(' ').unwrap_or(tag.len());
            let name = &tag[..name_end];
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphabetic()) {
                return Err(format!("a bad tag name in <{tag}>"));
            }
            let mut attrs = Vec::new();
            let mut a = tag[name_end..].trim_start();
            while !a.is_empty() {
                let eq = a
                    .find("=\"")
                    .ok_or(format!("an unquoted attribute in <{tag}>"))?;
                let attr = &a[..eq];
                if !attr.chars().all(|c| c.is_ascii_alphabetic() || c == '-') {
                    return Err(format!("a bad attribute name {attr:?} in <{tag}>"));
                }
                let end = a[eq + 2..]
                    .find('"')
                    .ok_or(format!("an attribute that never ends in <{tag}>"))?;
                let value = &a[eq + 2..eq + 2 + end];
                if value.contains('<') {
                    return Err(format!("a raw < in attribute {attr}"));
                }
                attrs.push((attr.to_string(), unescape(value)?));
                a = a[eq + 3 + end..].trim_start();
            }
            let element = Element {
                name: name.to_string(),
                attrs,
                children: Vec::new(),
                text: String::new(),
            };
            if closed {
                stack
                    .last_mut()
                    .ok_or("no open element")?
                    .children
                    .push(element);
            } else {
                stack.push(element);
            }
        }
        let mut document = stack.pop().ok_or("nothing read")?;
        if !stack.is_empty() {
            return Err(format!("<{}> is never closed", document.name));
        }
        if document.children.len() != 1 {
            return Err(format!("{} root elements", document.children.len()));
        }
        document.children.pop().ok_or("no root element".into())
    }

    /// A map as a reader sees it.
    struct Read {
        svg: Element,
        width: f64,
        height: f64,
    }

    /// A country as drawn: highlighted or not, its name (the hover text) and its rings of
    /// absolute points.
    struct DrawnCountry {
        focus: bool,
        name: String,
        rings: Vec<Vec<(i64, i64)>>,
    }

    /// A dot as drawn: its centre, radius, hover text and link.
    #[derive(Debug)]
    struct DrawnDot {
        x: f64,
        y: f64,
        r: f64,
        title: String,
        href: Option<String>,
    }

    fn read(svg: &str) -> Read {
        let root = read_xml(svg).unwrap_or_else(|e| panic!("not well-formed: {e}"));
        assert_eq!(root.name, "svg");
        let view: Vec<f64> = root
            .attr("viewBox")
            .expect("a viewBox")
            .split(' ')
            .map(|n| n.parse().expect("a number"))
            .collect();
        assert_eq!(view[..2], [0.0, 0.0]);
        Read {
            width: view[2],
            height: view[3],
            svg: root,
        }
    }

    impl Read {
        fn dots(&self) -> Vec<DrawnDot> {
            let mut out = Vec::new();
            for g in self.svg.find("g") {
                if g.attr("class") != Some("dots") {
                    continue;
                }
                for child in &g.children {
                    let (circle, title, href) = match child.name.as_str() {
                        "a" => (
                            child.find("circle")[0],
                            child.title(),
                            child.attr("href").map(String::from),
                        ),
                        "circle" => (child, child.title(), None),
                        other => panic!("a {other} among the dots"),
                    };
                    let n = |a: &str| -> f64 { circle.attr(a).expect(a).parse().expect(a) };
                    out.push(DrawnDot {
                        x: n("cx"),
                        y: n("cy"),
                        r: n("r"),
                        title: title.expect("every dot has a title").to_string(),
                        href,
                    });
                }
            }
            out
        }

        fn dot(&self, label: &str) -> Option<DrawnDot> {
            let prefix = format!("{label}: ");
            self.dots()
                .into_iter()
                .find(|d| d.title.starts_with(&prefix))
        }

        fn countries(&self) -> Vec<DrawnCountry> {
            self.svg
                .find("path")
                .into_iter()
                .filter(|p| matches!(p.attr("class"), Some("land" | "focus")))
                .map(|p| DrawnCountry {
                    focus: p.attr("class") == Some("focus"),
                    name: p.title().expect("every country has a title").to_string(),
                    rings: rings(p.attr("d").expect("path data")),
                })
                .collect()
        }

        fn names(&self) -> Vec<String> {
            self.countries().into_iter().map(|c| c.name).collect()
        }

        fn focus(&self) -> Vec<String> {
            self.countries()
                .into_iter()
                .filter(|c| c.focus)
                .map(|c| c.name)
                .collect()
        }

        /// The highlighted countries' extent in map units: (width, height).
        fn focus_extent(&self) -> (i64, i64) {
            let points: Vec<(i64, i64)> = self
                .countries()
                .into_iter()
                .filter(|c| c.focus)
                .flat_map(|c| c.rings.into_iter().flatten())
                .collect();
            let xs = points.iter().map(|p| p.0);
            let ys = points.iter().map(|p| p.1);
            (
                xs.clone().max().unwrap_or(0) - xs.min().unwrap_or(0),
                ys.clone().max().unwrap_or(0) - ys.min().unwrap_or(0),
            )
        }

        /// The longest horizontal move of any outline's segment, in map units.
        fn longest_horizontal_segment(&self) -> i64 {
            self.countries()
                .iter()
                .flat_map(|c| &c.rings)
                .flat_map(|ring| {
                    ring.windows(2)
                        .map(|w| (w[1].0 - w[0].0).abs())
                        .chain(
                            ring.first()
                                .zip(ring.last())
                                .map(|(a, b)| (a.0 - b.0).abs()),
                        )
                        .collect::<Vec<_>>()
                })
                .max()
                .unwrap_or(0)
        }
    }

    /// Path data as this module writes it (`M x y l dx dy ... z`, repeated) into rings of
    /// absolute points.
    fn rings(d: &str) -> Vec<Vec<(i64, i64)>> {
        let mut out = Vec::new();
        for part in d.split('M').filter(|p| !p.is_empty()) {
            let part = part.strip_suffix('z').expect("every ring is closed");
            let (start, moves) = part.split_once('l').expect("a ring has moves");
            let numbers = |s: &str| -> Vec<i64> {
                s.replace('-', " -")
                    .split_whitespace()
                    .map(|n| n.parse().expect("an integer"))
                    .collect()
            };
            let start = numbers(start);
            let mut point = (start[0], start[1]);
            let mut ring = vec![point];
            for step in numbers(moves).chunks(2) {
                point = (point.0 + step[0], point.1 + step[1]);
                ring.push(point);
            }
            out.push(ring);
        }
        out
    }

    fn dot(label: &str, lat: f64, lon: f64, count: usize) -> Dot {
        Dot {
            lat,
            lon,
            count,
            label: label.to_string(),
            href: Some(format!("../places/{}.html", label.to_lowercase())),
        }
    }

    fn focus(codes: &[&str], point: Option<(f64, f64)>) -> Focus {
        Focus {
            highlight: codes.iter().map(|c| c.to_string()).collect(),
            point,
        }
    }

    fn maps() -> &'static Maps {
        Maps::get()
    }

    #[test]
    fn outlines_read_and_speak_the_gazetteer_codes() {
        let maps = Maps::parse().expect("the outlines read");
        assert!(maps.detailed.countries.len() > 230);
        assert!(maps.coarse.countries.len() > 170);
        let gazetteer = Gazetteer::get();
        for country in maps.detailed.countries.iter().chain(&maps.coarse.countries) {
            if country.code.is_empty() {
                continue;
            }
            let place = gazetteer
                .country(&country.code)
                .unwrap_or_else(|| panic!("{} is not in the gazetteer", country.code));
            assert_eq!(place.name(), country.name);
        }
        assert!(maps.coarse.countries.iter().all(|c| !c.rings.is_empty()));
        // At 1:50m only a few countries are too small to have an outline: a point stands for
        // each.
        let points: Vec<&str> = maps
            .detailed
            .countries
            .iter()
            .filter(|c| c.rings.is_empty())
            .map(|c| c.code.as_str())
            .collect();
        assert!(points.contains(&"TV") && points.len() < 8, "{points:?}");
        // Features without an ISO id: Kosovo by its user-assigned code, Northern Cyprus and
        // Somaliland inside the countries ISO sees them in.
        for code in ["XK", "CY", "SO", "CC", "CX"] {
            assert!(maps.detailed.find(code).is_some(), "{code}");
        }
        // Every country of the gazetteer has an outline or a point.
        for place in gazetteer.places() {
            if place.kind == Kind::Country && !place.is_historic() {
                assert!(
                    maps.detailed.find(place.code()).is_some(),
                    "{} has no map",
                    place.code()
                );
            }
        }
        // Territories Natural Earth draws as part of another country have their own outline.
        let reunion = maps.detailed.find("RE").expect("Reunion");
        assert!(!reunion.rings.is_empty() && reunion.bounds.west > 55.0);
        let france = maps.detailed.find("FR").expect("France");
        assert!(
            france.bounds.west > -6.0,
            "French Guiana is not France's here"
        );
        let cyprus = maps.detailed.find("CY").expect("Cyprus");
        assert!(
            cyprus.bounds.east > 34.4,
            "Cyprus reaches the Karpas peninsula"
        );
    }

    #[test]
    fn bad_outline_lines_name_their_line() {
        let error = |text: &str| Outlines::parse("test.txt", text).err().expect("an error");
        let e = error("# outlines\n_c@_c@\n");
        assert_eq!(e.line, 2);
        assert!(e.message.contains("before any country"), "{e}");
        let e = error("=AF\tAfghanistan\n_c@ !\n");
        assert!(e.message.contains("character 4"), "{e}");
        assert!(
            e.to_string()
                .starts_with("data/maps/test.txt:2: character 4")
        );
        let e = error("=AF\tAfghanistan\n_c@_\n");
        assert!(e.message.contains("half-way"), "{e}");
        let e = error("=ZZ\tZ\n=AF\tAfghanistan\n");
        assert!(e.message.contains("sorted"), "{e}");
        let e = error("# outlines\n=AF\tAfghanistan\n=AG\tAntigua\t17.1 -61.8\n");
        assert_eq!(e.line, 2);
        assert!(e.message.contains("neither rings nor a point"), "{e}");
        let e = error("=TV\tTuvalu\t-8.0 east\n");
        assert!(e.message.contains("not a point"), "{e}");
        let e = error("=TV\tTuvalu\t-8.0 178.0\n_c@_c@\n");
        assert!(e.message.contains("has a point"), "{e}");
        // 1,000 degrees east.
        let e = error("=AF\tAfghanistan\n_ibE?gE??gEfEfE\n");
        assert!(e.message.contains("off the globe"), "{e}");
    }

    #[test]
    fn the_world_map_is_an_accessible_svg_that_scales() {
        let svg = world(&[dot("Kabul", 34.5, 69.2, 12)], "Places in the archive");
        let map = read(&svg);
        assert_eq!(map.svg.attr("role"), Some("img"));
        assert_eq!(map.svg.attr("aria-label"), Some("Places in the archive"));
        assert_eq!(map.svg.title(), Some("Places in the archive"));
        assert_eq!(map.svg.attr("class"), Some("map map-world"));
        assert_eq!(map.svg.attr("width"), None, "it scales with the page");
        assert_eq!(map.width, 960.0);
        assert!((380.0..460.0).contains(&map.height), "{}", map.height);
        let countries = map.countries();
        assert!(countries.len() > 150, "{} countries", countries.len());
        assert!(countries.iter().all(|c| !c.focus));
        assert!(countries.iter().any(|c| c.name == "Afghanistan"));
        let kabul = map.dot("Kabul").expect("Kabul's dot");
        assert_eq!(kabul.title, "Kabul: 12 briefings");
        assert_eq!(kabul.href.as_deref(), Some("../places/kabul.html"));
        // East of the middle, north of the equator's line.
        assert!(kabul.x > 600.0 && kabul.x < 720.0, "{kabul:?}");
        assert!(kabul.y < map.height * 0.45, "{kabul:?}");
        assert_eq!(
            svg,
            world(&[dot("Kabul", 34.5, 69.2, 12)], "Places in the archive")
        );
    }

    #[test]
    fn hostile_titles_labels_and_links_stay_text() {
        let hostile = Dot {
            lat: 34.5,
            lon: 69.2,
            count: 1,
            label: "<script>alert(1)</script> & \"Kabul\" 'x'\u{0}".to_string(),
            href: Some("\" onmouseover=\"alert(1)".to_string()),
        };
        let scheme = Dot {
            label: "Kandahar".to_string(),
            href: Some(" Java\tScript:alert(1)".to_string()),
            lat: 31.6,
            lon: 65.7,
            ..hostile.clone()
        };
        let title = "</title><script>alert(2)</script>";
        for svg in [
            world(&[hostile.clone(), scheme.clone()], title),
            locator(
                &focus(&["AF"], None),
                &[hostile.clone(), scheme.clone()],
                title,
            ),
        ] {
            assert!(!svg.contains("<script"), "{svg}");
            assert!(!svg.contains("\" onmouseover"));
            let map = read(&svg);
            assert_eq!(map.svg.title(), Some(title));
            assert_eq!(map.svg.attr("aria-label"), Some(title));
            let dots = map.dots();
            let kabul = dots
                .iter()
                .find(|d| d.title.starts_with("<script>"))
                .expect("Kabul");
            assert_eq!(
                kabul.title,
                "<script>alert(1)</script> & \"Kabul\" 'x': 1 briefing"
            );
            assert_eq!(kabul.href.as_deref(), Some("\" onmouseover=\"alert(1)"));
            let kandahar = map.dot("Kandahar").expect("Kandahar");
            assert_eq!(kandahar.href, None, "a javascript: link is dropped");
        }
        assert_eq!(
            safe_href("https://example.org/x"),
            Some("https://example.org/x")
        );
        assert_eq!(safe_href("../places/a:b.html"), Some("../places/a:b.html"));
        assert_eq!(safe_href("data:text/html,x"), None);
        assert_eq!(safe_href("  "), None);
    }

    #[test]
    fn nothing_streaks_across_the_180th_meridian() {
        let dots = [
            dot("Moscow", 55.75, 37.6, 5),
            dot("Anadyr", 64.7, 177.5, 1),
            dot("Provideniya", 64.4, -173.2, 1),
            dot("Suva", -18.1, 178.4, 3),
            dot("Lakeba", -18.2, -178.8, 1),
            dot("Washington", 38.9, -77.0, 9),
        ];
        // A streak runs the width of the map; a long straight border (the 49th parallel) is
        // a sixth of it.
        let world_map = read(&world(&dots, "World"));
        assert!(world_map.longest_horizontal_segment() < (world_map.width / 2.0) as i64);

        let russia = read(&locator(&focus(&["RU"], None), &dots, "Russia"));
        assert_eq!(russia.focus(), ["Russia"]);
        assert!(russia.longest_horizontal_segment() < (russia.width / 2.0) as i64);
        // Framed on Russia across the meridian: Chukotka on both sides of it, not America.
        let moscow = russia.dot("Moscow").expect("Moscow");
        let anadyr = russia.dot("Anadyr").expect("Anadyr");
        let provideniya = russia.dot("Provideniya").expect("Provideniya, at 173 W");
        assert!(moscow.x < anadyr.x && anadyr.x < provideniya.x);
        assert!(provideniya.x - anadyr.x < russia.width / 10.0);
        assert!(russia.dot("Washington").is_none());
        // Russia fills the frame's width.
        let (width, _) = russia.focus_extent();
        assert!(width as f64 > russia.width * 0.7, "{width}");

        let fiji = read(&locator(&focus(&["FJ"], None), &dots, "Fiji"));
        assert_eq!(fiji.focus(), ["Fiji"]);
        assert!(fiji.longest_horizontal_segment() < (fiji.width / 2.0) as i64);
        let suva = fiji.dot("Suva").expect("Suva");
        let lakeba = fiji.dot("Lakeba").expect("Lakeba, at 179 W");
        assert!(suva.x < lakeba.x && lakeba.x - suva.x < fiji.width / 2.0);
        assert!(fiji.dot("Moscow").is_none());

        // (Antarctica's frame reaches the south pole, which an equirectangular map draws as its
        // bottom line: a true edge of the continent, not a streak.)
        for code in ["US", "KI", "NZ"] {
            let map = read(&locator(&focus(&[code], None), &[], code));
            assert!(
                map.longest_horizontal_segment() < (map.width / 2.0) as i64,
                "{code}"
            );
        }
    }

    #[test]
    fn a_small_country_gets_a_small_readable_frame() {
        let dots = [
            dot("Doha", 25.29, 51.53, 4),
            dot("Manama", 26.23, 50.59, 1),
            dot("Tehran", 35.7, 51.4, 2),
            dot("Kabul", 34.5, 69.2, 12),
        ];
        let qatar = read(&locator(&focus(&["QA"], None), &dots, "Qatar"));
        assert_eq!(qatar.svg.attr("class"), Some("map map-locator"));
        assert_eq!(qatar.focus(), ["Qatar"]);
        let doha = qatar.dot("Doha").expect("Doha");
        assert!(doha.x > 0.0 && doha.x < qatar.width && doha.y > 0.0 && doha.y < qatar.height);
        assert!(qatar.dot("Manama").is_some(), "its neighbours show");
        assert!(qatar.dot("Tehran").is_none() && qatar.dot("Kabul").is_none());
        // Qatar itself is big enough to see.
        let (_, height) = qatar.focus_extent();
        assert!(height as f64 > qatar.height / 5.0, "{height}");

        let singapore = read(&locator(&focus(&["SG"], None), &[], "Singapore"));
        assert_eq!(singapore.focus(), ["Singapore"]);
        assert!(singapore.names().iter().any(|n| n == "Malaysia"));
    }

    #[test]
    fn a_town_is_centred_among_its_surroundings() {
        let dots = [
            dot("Quetta", 30.2, 67.0, 3),
            dot("Kandahar", 31.6, 65.7, 8),
            dot("Karachi", 24.9, 67.0, 2),
            dot("Delhi", 28.6, 77.2, 1),
            dot("Moscow", 55.75, 37.6, 5),
        ];
        let map = read(&locator(
            &focus(&["PK"], Some((30.2, 67.0))),
            &dots,
            "Quetta",
        ));
        assert_eq!(map.focus(), ["Pakistan"]);
        let quetta = map.dot("Quetta").expect("Quetta");
        assert!((quetta.x - map.width / 2.0).abs() < 2.0, "{quetta:?}");
        assert!((quetta.y - map.height / 2.0).abs() < 2.0, "{quetta:?}");
        for label in ["Kandahar", "Karachi"] {
            let d = map.dot(label).expect(label);
            assert!(d.x > 0.0 && d.x < map.width && d.y > 0.0 && d.y < map.height);
        }
        assert!(map.dot("Moscow").is_none());
        let names = map.names();
        for neighbour in ["Afghanistan", "Iran", "India"] {
            assert!(
                names.iter().any(|n| n == neighbour),
                "{neighbour}: {names:?}"
            );
        }

        // In a country as large as Russia, a town still shows with its surroundings rather
        // than the whole country.
        let moscow = read(&locator(
            &focus(&["RU"], Some((55.75, 37.6))),
            &dots,
            "Moscow",
        ));
        assert!(moscow.dot("Moscow").is_some());
        let names = moscow.names();
        assert!(names.iter().any(|n| n == "Belarus"));
        assert!(!names.iter().any(|n| n == "Japan"), "{names:?}");
    }

    #[test]
    fn a_country_is_framed_on_its_main_body() {
        let dots = [
            dot("Paris", 48.85, 2.35, 7),
            dot("Ajaccio", 41.9, 8.7, 1),
            dot("Cayenne", 4.9, -52.3, 1),
            dot("Saint-Denis", -20.9, 55.45, 1),
            dot("Washington", 38.9, -77.0, 20),
            dot("Anchorage", 61.2, -149.9, 2),
        ];
        let france = read(&locator(&focus(&["FR"], None), &dots, "France"));
        assert!(france.dot("Paris").is_some() && france.dot("Ajaccio").is_some());
        assert!(france.dot("Cayenne").is_none(), "not French Guiana");
        // An overseas department the gazetteer counts apart has its own frame.
        let guiana = read(&locator(&focus(&["GF"], None), &dots, "French Guiana"));
        assert_eq!(guiana.svg.attr("class"), Some("map map-locator"));
        assert_eq!(guiana.focus(), ["French Guiana"]);
        assert!(guiana.dot("Cayenne").is_some() && guiana.dot("Paris").is_none());
        let reunion = read(&locator(&focus(&["RE"], None), &dots, "Reunion"));
        assert!(reunion.dot("Saint-Denis").is_some());
        let us = read(&locator(&focus(&["us"], None), &dots, "United States"));
        assert_eq!(us.focus(), ["United States"]);
        assert!(us.dot("Washington").is_some() && us.dot("Anchorage").is_some());
        assert!(us.dot("Paris").is_none());
        // Both halves of a country split by the sea, the smaller with the capital.
        let halves = [
            dot("Kuala Lumpur", 3.1, 101.7, 3),
            dot("Kota Kinabalu", 6.0, 116.1, 1),
        ];
        let malaysia = read(&locator(&focus(&["MY"], None), &halves, "Malaysia"));
        assert!(malaysia.dot("Kuala Lumpur").is_some() && malaysia.dot("Kota Kinabalu").is_some());
    }

    #[test]
    fn a_country_too_small_to_see_is_marked() {
        let markers = |map: &Read| -> Vec<String> {
            map.svg
                .find("circle")
                .into_iter()
                .filter(|c| c.attr("class") == Some("focus"))
                .map(|c| c.title().expect("a marker has a title").to_string())
                .collect()
        };
        // Tuvalu is too small for Natural Earth: its point stands for it.
        for (code, name) in [
            ("VA", "Vatican"),
            ("MV", "Maldives"),
            ("MC", "Monaco"),
            ("TV", "Tuvalu"),
        ] {
            let map = read(&locator(&focus(&[code], None), &[], name));
            let marked = markers(&map);
            assert_eq!(marked.len(), 1, "{code}: {marked:?}");
            assert!(marked[0].contains(name), "{code}: {marked:?}");
            let disc = map.svg.find("circle")[0];
            let x: f64 = disc.attr("cx").expect("cx").parse().expect("a number");
            assert!(x > 0.0 && x < map.width);
        }
        for code in ["FR", "QA", "SG"] {
            let map = read(&locator(&focus(&[code], None), &[], code));
            assert!(markers(&map).is_empty(), "{code} shows as it is");
        }
        // Among a continent's countries, the small ones are not covered with discs.
        let map = read(&locator(
            &focus(&["IT", "VA", "SM", "FR", "MC"], None),
            &[],
            "Some",
        ));
        assert!(markers(&map).is_empty());
    }

    #[test]
    fn a_continent_is_framed_on_its_countries() {
        let gazetteer = Gazetteer::get();
        let europe = gazetteer.by_code("europe").expect("Europe").id;
        let codes: Vec<&str> = gazetteer
            .places()
            .filter(|p| p.kind == Kind::Country && !p.is_historic() && p.parent() == Some(europe))
            .map(|p| p.code())
            .collect();
        assert!(codes.contains(&"RU") && codes.contains(&"IS") && codes.len() > 40);
        let dots = [
            dot("Lisbon", 38.7, -9.1, 1),
            dot("Reykjavik", 64.1, -21.9, 1),
            dot("Moscow", 55.75, 37.6, 5),
            dot("Athens", 38.0, 23.7, 1),
            dot("Vladivostok", 43.1, 131.9, 1),
            dot("Beijing", 39.9, 116.4, 1),
        ];
        let map = read(&locator(&focus(&codes, None), &dots, "Europe"));
        for city in ["Lisbon", "Reykjavik", "Moscow", "Athens"] {
            assert!(map.dot(city).is_some(), "{city}");
        }
        // Russia is highlighted, but the frame stays on Europe.
        assert!(map.dot("Vladivostok").is_none() && map.dot("Beijing").is_none());
        let focused = map.focus();
        assert!(focused.len() > 40, "{focused:?}");
        assert!(focused.iter().any(|n| n == "Russia") && focused.iter().any(|n| n == "France"));
    }

    #[test]
    fn dots_grow_with_their_count() {
        let counts = [1, 4, 25, 100, 400];
        let dots: Vec<Dot> = counts
            .iter()
            .enumerate()
            .map(|(i, &n)| dot(&format!("Place {i}"), 10.0 * i as f64, 20.0 * i as f64, n))
            .collect();
        let map = read(&world(&dots, "World"));
        let radii: Vec<f64> = (0..counts.len())
            .map(|i| map.dot(&format!("Place {i}")).expect("drawn").r)
            .collect();
        assert!(radii.windows(2).all(|w| w[0] <= w[1]), "{radii:?}");
        assert!(radii[2] < radii[3] && radii[3] < radii[4], "{radii:?}");
        // Area in proportion: four times the count, twice the radius.
        assert!((radii[4] / radii[3] - 2.0).abs() < 0.05, "{radii:?}");
        assert!(radii[0] >= WORLD_DOTS.0 && radii[4] <= WORLD_DOTS.1);
        // Largest first, so that the small ones stay on top.
        let drawn: Vec<f64> = map.dots().iter().map(|d| d.r).collect();
        assert!(drawn.windows(2).all(|w| w[0] >= w[1]), "{drawn:?}");
        let one = read(&world(&[dot("Herat", 34.3, 62.2, 1)], "World"));
        assert_eq!(one.dot("Herat").expect("Herat").title, "Herat: 1 briefing");
    }

    #[test]
    fn unknown_countries_and_odd_points_still_draw_a_map() {
        let dots = [dot("Asmara", 15.3, 38.9, 2)];
        let map = read(&locator(&focus(&["ZZ", ""], None), &dots, "Nowhere"));
        assert_eq!(map.svg.attr("class"), Some("map map-world"));
        assert!(map.countries().len() > 150 && map.focus().is_empty());
        assert!(map.dot("Asmara").is_some());

        let map = read(&locator(
            &focus(&["ZZ"], Some((15.3, 38.9))),
            &dots,
            "Asmara",
        ));
        assert_eq!(map.svg.attr("class"), Some("map map-locator"));
        let asmara = map.dot("Asmara").expect("Asmara");
        assert!((asmara.x - map.width / 2.0).abs() < 2.0);
        assert!(map.names().iter().any(|n| n == "Eritrea"));

        for point in [
            (f64::NAN, 10.0),
            (95.0, 400.0),
            (-90.0, -180.0),
            (f64::INFINITY, 0.0),
        ] {
            let svg = locator(&focus(&[], Some(point)), &dots, "Odd");
            read(&svg);
        }
        let odd = [Dot {
            lat: f64::NAN,
            lon: 1e300,
            count: usize::MAX,
            label: String::new(),
            href: None,
        }];
        read(&world(&odd, ""));
        read(&locator(&focus(&["RU"], None), &odd, ""));
    }

    #[test]
    fn antarctica_shows_only_when_a_dot_is_there() {
        let without = read(&world(&[], "World"));
        assert!(!without.names().iter().any(|n| n == "Antarctica"));
        let with = read(&world(&[dot("McMurdo", -77.8, 166.7, 1)], "World"));
        assert!(with.height > without.height);
        assert!(with.names().iter().any(|n| n == "Antarctica"));
        assert!(with.dot("McMurdo").is_some());
    }

    #[test]
    fn maps_stay_small() {
        let dots: Vec<Dot> = (0..200)
            .map(|i| {
                dot(
                    &format!("Town number {i}"),
                    -50.0 + (i as f64 * 0.61) % 120.0,
                    -170.0 + (i as f64 * 1.7) % 340.0,
                    1 + i * 7 % 90,
                )
            })
            .collect();
        let size = world(&dots, "Places").len();
        assert!(size < 100_000, "the world map with 200 dots: {size} bytes");
        for code in [
            "RU", "US", "FR", "NO", "ID", "CA", "CL", "JP", "PH", "GR", "HR",
        ] {
            let size = maps().locator(&focus(&[code], None), &dots, code).len();
            assert!(size < 24_000, "{code}: {size} bytes");
        }
    }
}
