//! Map drawing speed and size: `cargo bench --bench map`.
//!
//! Start-up: times `Maps::parse` (what `Maps::get` runs once per process: reading the outlines
//! compiled in from `data/maps/`), fastest and median of repeated runs.
//!
//! Drawing, on one thread: the world map with the gazetteer's 200 largest cities as dots; and
//! the locator maps a site about every country would draw: each country framed on itself, each
//! again framed on its capital (as a town's page is), and each continent with all its
//! countries, every one given the same 200 dots (each map keeps those in its frame). Prints
//! the median time per map over repeated rounds, and the sizes of the maps (median, largest).

use briefing::gazetteer::{Gazetteer, Kind};
use briefing::map::{Dot, Focus, Maps};
use std::time::Instant;

/// Runs `f` over and over (at least 5 times, for at least 2 seconds) and returns the fastest
/// and the median run, in milliseconds.
fn time<T>(mut f: impl FnMut() -> T) -> (f64, f64) {
    let mut runs = Vec::new();
    let started = Instant::now();
    while runs.len() < 5 || (started.elapsed().as_secs_f64() < 2.0 && runs.len() < 1000) {
        let t = Instant::now();
        std::hint::black_box(f());
        runs.push(t.elapsed().as_secs_f64() * 1e3);
    }
    runs.sort_by(f64::total_cmp);
    (runs[0], runs[runs.len() / 2])
}

fn main() {
    let (fastest, median) = time(|| Maps::parse().expect("the outlines read"));
    println!("parse the outlines: fastest {fastest:.2} ms, median {median:.2} ms");
    let maps = Maps::get();
    let gazetteer = Gazetteer::get();

    let mut cities: Vec<_> = gazetteer
        .places()
        .filter(|p| p.kind == Kind::City)
        .collect();
    cities.sort_by_key(|p| std::cmp::Reverse(p.population));
    let dots: Vec<Dot> = cities
        .iter()
        .take(200)
        .enumerate()
        .map(|(i, p)| Dot {
            lat: p.lat(),
            lon: p.lon(),
            count: 1 + (i * 37) % 120,
            label: p.name().to_string(),
            href: Some(format!("../places/{}.html", p.geonames_id)),
        })
        .collect();

    let (_, median) = time(|| maps.world(&dots, "Places"));
    let world = maps.world(&dots, "Places");
    println!(
        "world map, 200 dots: median {:.2} ms, {} KB",
        median,
        world.len() / 1000
    );

    let mut foci: Vec<(String, Focus)> = Vec::new();
    let mut continents: Vec<(String, Focus)> = Vec::new();
    for place in gazetteer.places() {
        match place.kind {
            Kind::Country if !place.is_historic() => {
                let code = place.code().to_string();
                foci.push((
                    place.name().to_string(),
                    Focus {
                        highlight: vec![code.clone()],
                        point: None,
                    },
                ));
                if let Some(capital) = gazetteer.capital(&code) {
                    foci.push((
                        capital.name().to_string(),
                        Focus {
                            highlight: vec![code],
                            point: Some((capital.lat(), capital.lon())),
                        },
                    ));
                }
            }
            Kind::Continent => continents.push((
                place.name().to_string(),
                Focus {
                    highlight: Vec::new(),
                    point: None,
                },
            )),
            _ => {}
        }
    }
    for (name, focus) in &mut continents {
        let id = gazetteer
            .places()
            .find(|p| p.kind == Kind::Continent && p.name() == name.as_str())
            .map(|p| p.id);
        focus.highlight = gazetteer
            .places()
            .filter(|p| p.kind == Kind::Country && !p.is_historic() && p.parent() == id)
            .map(|p| p.code().to_string())
            .collect();
    }
    foci.extend(continents);

    let (_, median) = time(|| {
        foci.iter()
            .map(|(name, focus)| maps.locator(focus, &dots, name).len())
            .sum::<usize>()
    });
    let mut sizes: Vec<(usize, &str)> = foci
        .iter()
        .map(|(name, focus)| (maps.locator(focus, &dots, name).len(), name.as_str()))
        .collect();
    sizes.sort();
    let largest: Vec<String> = sizes
        .iter()
        .rev()
        .take(5)
        .map(|(size, name)| format!("{name} {:.1} KB", *size as f64 / 1000.0))
        .collect();
    println!(
        "locator maps: {} (countries, capitals, continents), median {:.3} ms per map; \
         size median {:.1} KB, largest: {}",
        foci.len(),
        median / foci.len() as f64,
        sizes[sizes.len() / 2].0 as f64 / 1000.0,
        largest.join(", ")
    );

    for code in ["RU", "US", "FR", "QA"] {
        let focus = Focus {
            highlight: vec![code.to_string()],
            point: None,
        };
        let (_, median) = time(|| maps.locator(&focus, &dots, code));
        println!(
            "locator {code}: median {:.3} ms, {:.1} KB",
            median,
            maps.locator(&focus, &dots, code).len() as f64 / 1000.0
        );
    }
}
