#!/usr/bin/env python3
"""Derive Briefing's country outlines (data/maps/) from Natural Earth, as packaged by world-atlas.

Usage: python3 data/make_maps.py [NATURALEARTH_DIR] [GEONAMES_COUNTRIES_TSV]

NATURALEARTH_DIR holds world-atlas's TopoJSON files (countries-110m.json, countries-50m.json);
it defaults to ../shared/data/naturalearth beside the repository. GEONAMES_COUNTRIES_TSV is
GeoNames' countryInfo extract with its `iso2` and `numeric` columns (default
../shared/data/gazetteer/countries.tsv), which turns Natural Earth's ISO 3166-1 numeric ids
into the alpha-2 codes the gazetteer speaks. Country names come from data/gazetteer/
countries.tsv, so that a map says what the rest of the site says.

What it does, per resolution:
- decodes the topology's arcs into rings, one list of rings per country;
- gives the features without an ISO id a country (ALIASES) or none (plain land), and
  dissolves the borders between features that end up in one country;
- moves the territories GeoNames counts apart (French Guiana, Reunion, Svalbard, Bonaire ...)
  out of the country Natural Earth draws them in (TERRITORIES);
- rounds every point to 0.01 degree and drops repeated points and rings left without area;
- makes every ring continuous in longitude: a ring that crosses the 180th meridian (eastern
  Russia, Fiji) goes on past 180 instead of jumping back to -180, so that nothing drawn from it
  streaks across a map; a ring around a pole (Antarctica) is closed along the pole;
- writes the rings as text, one line each, encoded like Google's polyline format (see FORMAT);
  at 1:50m, every other country of the gazetteer (too small for Natural Earth: Tuvalu,
  Gibraltar) gets its point instead, so that any country code has a map.

Python 3, standard library only. The same input gives the same bytes.
"""

import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "maps")

# Natural Earth features without an ISO 3166-1 numeric id, by their `name`: the alpha-2 code
# they are drawn under, "" for none (drawn as land, never highlighted), or a function of the
# ring's first point for a feature that covers two territories.
ALIASES = {
    # Kosovo has no ISO code; GeoNames and most software use the user-assigned XK.
    "Kosovo": "XK",
    # De facto states inside an ISO country: drawn as part of it, as ISO 3166 and GeoNames
    # (whose places there carry that country's code) see them.
    "N. Cyprus": "CY",
    "Somaliland": "SO",
    # Australia's Indian Ocean territories, one Natural Earth unit: Christmas Island lies at
    # 105.7 E, the Cocos (Keeling) Islands at 96.8 E.
    "Indian Ocean Ter.": lambda lon, lat: "CC" if lon < 100 else "CX",
    # Disputed between India and Pakistan, Natural Earth gives it to neither; so do we.
    "Siachen Glacier": "",
}

# Territories GeoNames (and so the gazetteer) counts as countries of their own, which Natural
# Earth draws as part of another: code -> (the country whose rings they are in, boxes as
# (west, south, east, north) in degrees). A ring whose middle lies in a box moves to the
# territory, so that a locator map of Reunion frames Reunion.
TERRITORIES = {
    "GF": ("FR", [(-55.0, 2.0, -51.0, 6.5)]),
    "GP": ("FR", [(-62.0, 15.8, -60.9, 16.6)]),
    "MQ": ("FR", [(-61.3, 14.3, -60.7, 15.0)]),
    "RE": ("FR", [(55.0, -21.5, 56.0, -20.7)]),
    "YT": ("FR", [(44.9, -13.1, 45.4, -12.5)]),
    # Svalbard, and Jan Mayen.
    "SJ": ("NO", [(10.0, 74.0, 35.0, 81.5), (-9.5, 70.5, -7.5, 71.5)]),
    # Bonaire; Saba and Sint Eustatius.
    "BQ": ("NL", [(-68.5, 11.9, -68.0, 12.4), (-63.4, 17.4, -62.8, 17.7)]),
    "TK": ("NZ", [(-173.0, -9.6, -171.0, -8.3)]),
}

RESOLUTIONS = ["110m", "50m"]

# Points are stored in hundredths of a degree.
GRID = 100

FORMAT = """\
# Country outlines at Natural Earth's 1:{scale} scale. Derived by data/make_maps.py from
# world-atlas's countries-{res}.json; Natural Earth (https://www.naturalearthdata.com/) is in
# the public domain; world-atlas (https://github.com/topojson/world-atlas) is ISC-licensed,
# copyright 2013-2019 Michael Bostock. Do not edit by hand.
#
# A line `=CODE<TAB>Name` starts a country (ISO 3166-1 alpha-2; an empty code for land that
# belongs to no country here); each following line is one of its rings, holes included
# (draw them even-odd). A country too small for Natural Earth at this scale has no rings
# but a third column, `lat lon`, its point in the gazetteer (50m only).
# A ring is a list of points, longitude then latitude, in hundredths
# of a degree: the first point as it is, every later one as the difference from the one
# before, each number zigzag-encoded in 5-bit groups plus 63, as in Google's polyline
# format. A ring is continuous in longitude: one that crosses the 180th meridian goes on
# past 180 (up to about 191). The last point repeats the first.
"""


def die(message):
    print(f"error: {message}", file=sys.stderr)
    sys.exit(1)


def read_tsv(path):
    """Rows of a tab-separated file whose first non-comment line names the columns."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = [line.rstrip("\n") for line in f if not line.startswith("#")]
    except OSError as e:
        die(f"cannot read {path}: {e}")
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def country_codes(geonames_path, gazetteer_path):
    """ISO numeric -> alpha-2; and from the gazetteer, alpha-2 -> display name, alpha-2 ->
    its point (lat, lon), and the codes of former states."""
    numeric = {}
    for row in read_tsv(geonames_path):
        if row.get("numeric", "0") not in ("", "0"):
            numeric[int(row["numeric"])] = row["iso2"]
    rows = read_tsv(gazetteer_path)
    names = {row["code"]: row["name"] for row in rows}
    points = {row["code"]: (row["lat"], row["lon"]) for row in rows}
    former = {row["code"] for row in rows if row["successors"]}
    if not numeric or not names:
        die(f"no countries read from {geonames_path} or {gazetteer_path}")
    return numeric, names, points, former


def decode_arcs(topology):
    """The topology's arcs as lists of (x, y) in its quantised grid."""
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x, y))
        arcs.append(points)
    return arcs


def polygons_of(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def dissolve(rings, arcs):
    """The rings (lists of arc indices) of several features as rings of points around their
    union: the arcs they share (a border between them) are dropped, the rest joined again."""
    used = {a for ring in rings for a in ring}
    shared = {a for a in used if ~a in used}
    if not shared:
        return [ring_points(r, arcs) for r in rings]
    return join_arcs([a for ring in rings for a in ring if a not in shared], arcs)


def join_arcs(indices, arcs):
    """Joins directed arcs end to start into closed rings of points."""

    def points(a):
        return arcs[a] if a >= 0 else arcs[~a][::-1]

    by_start = {}
    for a in indices:
        by_start.setdefault(points(a)[0], []).append(a)
    rings = []
    unused = set(indices)
    for first in indices:
        if first not in unused:
            continue
        unused.discard(first)
        ring = list(points(first))
        while ring[-1] != ring[0]:
            following = [a for a in by_start.get(ring[-1], []) if a in unused]
            if not following:
                die(f"arcs do not close into a ring at {ring[-1]}")
            unused.discard(following[0])
            ring.extend(points(following[0])[1:])
        rings.append(ring)
    return rings


def ring_points(ring, arcs):
    out = []
    for a in ring:
        pts = arcs[a] if a >= 0 else arcs[~a][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def to_grid(points, transform):
    """Quantised topology points -> (lon, lat) in hundredths of a degree, repeats dropped."""
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    out = []
    for x, y in points:
        p = (round((x * sx + tx) * GRID), round((y * sy + ty) * GRID))
        if not out or p != out[-1]:
            out.append(p)
    return out


def unwrap(points, name):
    """Makes a closed ring continuous in longitude (see the module's docstring). Returns None
    for a ring with no area (Natural Earth 50m has one along the south pole)."""
    pole = 90 * GRID
    # Points on a pole add nothing but the edge along it, which is rebuilt below.
    points = [p for p in points if abs(p[1]) < pole - 1]
    if len(points) < 4:
        return None
    out = [points[0]]
    shift = 0
    for (lon0, _), (lon, lat) in zip(points, points[1:]):
        if lon - lon0 > 180 * GRID:
            shift -= 360 * GRID
        elif lon0 - lon > 180 * GRID:
            shift += 360 * GRID
        out.append((lon + shift, lat))
    if shift:
        # Around a pole: back along the pole to where the ring started.
        if abs(shift) != 360 * GRID:
            die(f"a ring of {name} winds {shift / GRID / 360} times around a pole")
        side = pole if sum(lat for _, lat in out) > 0 else -pole
        out += [(out[-1][0], side), (out[0][0], side), out[0]]
    elif out[-1] != out[0]:
        out.append(out[0])
    # A ring starts between -180 and 180, however far it goes on from there.
    if out[0][0] >= 180 * GRID:
        out = [(lon - 360 * GRID, lat) for lon, lat in out]
    elif out[0][0] < -180 * GRID:
        out = [(lon + 360 * GRID, lat) for lon, lat in out]
    deduped = [out[0]]
    for p in out[1:]:
        if p != deduped[-1]:
            deduped.append(p)
    area = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(deduped, deduped[1:]))
    if len(deduped) < 4 or area == 0:
        return None
    return deduped


def seam_chain(ring):
    """Where a ring runs along the 180th meridian: (meridian, first, last index of the run,
    the side of the meridian the ring lies on), or None."""
    n = len(ring) - 1  # the last point repeats the first
    for i in range(n):
        lon = ring[i][0]
        if lon % (360 * GRID) != 180 * GRID or ring[i + 1][0] != lon:
            continue
        # Runs are short; a ring whose run wraps past its first point starts it again here.
        if i == 0 and ring[n - 1][0] == lon:
            continue
        j = i + 1
        while j < n and ring[j + 1][0] == lon:
            j += 1
        side = -1 if min(x for x, _ in ring) < lon else 1
        return lon, i, j, side
    return None


def join_across_meridian(rings):
    """Joins the pairs of rings that Natural Earth cut along the 180th meridian and the
    topology left apart (two of Fiji's islands), so that no border is drawn through them."""
    rings = list(rings)
    joined = True
    while joined:
        joined = False
        for a in range(len(rings)):
            ca = seam_chain(rings[a])
            if not ca or max(x for x, _ in rings[a]) - min(x for x, _ in rings[a]) >= 360 * GRID:
                continue
            for b in range(len(rings)):
                cb = seam_chain(rings[b]) if b != a else None
                if not cb or cb[3] == ca[3]:
                    continue
                shift = ca[0] - cb[0]
                ring_b = [(x + shift, y) for x, y in rings[b]]
                (_, ai, aj, _), (_, bi, bj, _) = ca, cb
                a_lats = sorted((rings[a][ai][1], rings[a][aj][1]))
                b_lats = sorted((ring_b[bi][1], ring_b[bj][1]))
                if a_lats[1] < b_lats[0] or b_lats[1] < a_lats[0]:
                    continue
                # A up to where it meets the meridian, B from where it leaves it round to
                # where it meets it again, then A on from where it leaves it.
                body_b = ring_b[bj:-1] + ring_b[:bj]
                body_b = body_b[: (bi - bj) % (len(ring_b) - 1) + 1]
                merged = rings[a][: ai + 1] + body_b + rings[a][aj:]
                deduped = [merged[0]]
                for p in merged[1:]:
                    if p != deduped[-1]:
                        deduped.append(p)
                rings[a] = deduped
                del rings[b]
                joined = True
                break
            if joined:
                break
    # A ring starts between -180 and 180 (joining may have moved a start past -180).
    out = []
    for ring in rings:
        if ring[0][0] < -180 * GRID:
            ring = [(x + 360 * GRID, y) for x, y in ring]
        out.append(ring)
    return out


def encode_number(n, out):
    n = ~(n << 1) if n < 0 else n << 1
    while n >= 0x20:
        out.append(chr((0x20 | (n & 0x1F)) + 63))
        n >>= 5
    out.append(chr(n + 63))


def encode_ring(points):
    out = []
    lon0 = lat0 = 0
    for lon, lat in points:
        encode_number(lon - lon0, out)
        encode_number(lat - lat0, out)
        lon0, lat0 = lon, lat
    return "".join(out)


def build(res, source, numeric, names, points_of, former_states):
    path = os.path.join(source, f"countries-{res}.json")
    try:
        with open(path, encoding="utf-8") as f:
            topology = json.load(f)
    except (OSError, ValueError) as e:
        die(f"cannot read {path}: {e}")
    arcs = decode_arcs(topology)
    transform = topology["transform"]
    geometries = topology["objects"]["countries"]["geometries"]

    # code -> (ring arc lists, feature count, Natural Earth's name)
    features = {}
    for g in geometries:
        name = g.get("properties", {}).get("name", "")
        rings = [ring for polygon in polygons_of(g) for ring in polygon]
        if g.get("id") is not None:
            try:
                code = numeric[int(g["id"])]
            except (KeyError, ValueError):
                die(f"{path}: {name} has ISO numeric id {g['id']}, unknown to GeoNames")
            groups = {code: rings}
        elif name in ALIASES:
            alias = ALIASES[name]
            groups = {}
            for ring in rings:
                if callable(alias):
                    (lon, lat) = to_grid(ring_points(ring, arcs)[:1], transform)[0]
                    code = alias(lon / GRID, lat / GRID)
                else:
                    code = alias
                groups.setdefault(code, []).append(ring)
        else:
            die(f"{path}: {name!r} has no ISO id: add it to ALIASES in make_maps.py")
        for code, rings in groups.items():
            entry = features.setdefault(code, ([], 0, name))
            features[code] = (entry[0] + rings, entry[1] + 1, entry[2])

    # code -> rings of (lon, lat) in hundredths of a degree
    countries = {}
    ne_names = {}
    for code in sorted(features):
        rings, count, ne_names[code] = features[code]
        if count > 1:
            rings_points = dissolve(rings, arcs)
        else:
            rings_points = [ring_points(r, arcs) for r in rings]
        unwrapped = [unwrap(to_grid(pts, transform), code) for pts in rings_points]
        countries[code] = join_across_meridian(r for r in unwrapped if r)

    for territory, (parent, boxes) in TERRITORIES.items():
        if territory in countries:
            die(f"{territory} has an outline of its own now: take it out of TERRITORIES")

        def inside(ring):
            lon = (min(x for x, _ in ring) + max(x for x, _ in ring)) / 2 / GRID
            lat = (min(y for _, y in ring) + max(y for _, y in ring)) / 2 / GRID
            return any(w <= lon <= e and s <= lat <= n for w, s, e, n in boxes)

        moved = [r for r in countries.get(parent, []) if inside(r)]
        if moved:
            countries[territory] = moved
            countries[parent] = [r for r in countries[parent] if not inside(r)]

    lines = [FORMAT.format(scale="110,000,000" if res == "110m" else "50,000,000", res=res)]
    points = 0
    codes = set(countries)
    if res == "50m":
        codes |= {code for code in names if code not in former_states}
    for code in sorted(codes):
        name = names.get(code, "") if code else ne_names[code]
        if code and not name:
            die(f"{code} is not in data/gazetteer/countries.tsv")
        rings = countries.get(code, [])
        if rings:
            lines.append(f"={code}\t{name}")
        else:
            lat, lon = points_of[code]
            lines.append(f"={code}\t{name}\t{lat} {lon}")
        for ring in rings:
            lines.append(encode_ring(ring))
            points += len(ring)
    out = os.path.join(OUT, f"countries-{res}.txt")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{out}: {len(codes)} countries, {points} points, {os.path.getsize(out)} bytes")


def main():
    root = os.path.dirname(HERE)
    source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "data", "naturalearth")
    geonames = (
        sys.argv[2]
        if len(sys.argv) > 2
        else os.path.join(root, "..", "shared", "data", "gazetteer", "countries.tsv")
    )
    numeric, names, points, former = country_codes(
        geonames, os.path.join(HERE, "gazetteer", "countries.tsv")
    )
    os.makedirs(OUT, exist_ok=True)
    for res in RESOLUTIONS:
        build(res, source, numeric, names, points, former)


if __name__ == "__main__":
    main()
