#!/usr/bin/env python3
"""Generate cadre's place gazetteer (data/places/*.tsv) from `vietnamadminunits`.

Source: the PyPI package `vietnamadminunits` (MIT licence, (c) 2025 Tran Ngoc Minh
Hieu). Its `data/dataset.db` (SQLite) holds the administrative units before the 2025
reform (`admin_units_legacy`: 63 provinces, their districts and communes) and after it
(`admin_units`: 34 provinces and their communes, no district level);
`data/converter_2025.json` maps legacy communes and provinces to their 2025 successors.
Only facts (names, official codes, the conversion) are taken from it.

Usage:
    python3 scripts/gen_gazetteer.py                  # throwaway venv + pip install
    python3 scripts/gen_gazetteer.py --source DIR     # an installed package dir (or its data/)

Writes (sorted, LF, UTF-8, NFC):
    data/places/units.tsv            code kind name parent valid_from valid_to
    data/places/conversion_2025.tsv  legacy_code new_code default
    data/places/aliases.tsv          alias code  (hand-maintained: created once, never overwritten)

Codes: `L` + official code for units valid until 2025-06-30, `N` + official code for
units from 2025-07-01 (2 digits for provinces, 3 for districts, 5 for communes).
Python 3 standard library only (the package itself is only read, never imported).
"""

from __future__ import annotations

import argparse
import collections
import json
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

PACKAGE = "vietnamadminunits"
DEFAULT_VERSION = "1.0.4"
REFORM_FROM = "2025-07-01"
LEGACY_TO = "2025-06-30"

ROOT = Path(__file__).resolve().parent.parent

# Level word (as written in the full official name) -> kind, per level.
PROVINCE_WORDS = {"thành phố": "central_city", "tỉnh": "province"}
DISTRICT_WORDS = {
    "quận": "urban_district",
    "huyện": "rural_district",
    "thị xã": "town",
    "thành phố": "provincial_city",
}
COMMUNE_WORDS = {
    "xã": "commune",
    "phường": "ward",
    "thị trấn": "township",
    "đặc khu": "special_zone",
}
CANONICAL_WORD = {
    "thành phố": "Thành phố",
    "tỉnh": "Tỉnh",
    "quận": "Quận",
    "huyện": "Huyện",
    "thị xã": "Thị xã",
    "xã": "Xã",
    "phường": "Phường",
    "thị trấn": "Thị trấn",
    "đặc khu": "Đặc khu",
}
LEVEL_RANK = {"province": 0, "district": 1, "commune": 2}

ALIASES_HEADER = "alias\tcode\n"
# Well-known written variants. One row per code: an alias of a unit that exists in
# both eras is listed for both. Case, NFC/NFD, tone-mark placement and repeated
# spaces are folded by the loader, so they need no rows here; punctuation is not.
ALIASES = [
    # Hồ Chí Minh City
    *[
        (alias, code)
        for alias in [
            "TP.HCM",
            "TP. HCM",
            "TP HCM",
            "TPHCM",
            "TP.Hồ Chí Minh",
            "TP. Hồ Chí Minh",
            "TP Hồ Chí Minh",
            "Thành phố Hồ Chí Minh",
            "Sài Gòn",
        ]
        for code in ("L79", "N79")
    ],
    # Hà Nội
    *[
        (alias, code)
        for alias in ["Thủ đô", "Thủ đô Hà Nội", "TP. Hà Nội", "TP Hà Nội", "Thành phố Hà Nội"]
        for code in ("L01", "N01")
    ],
    # Huế: the province Thừa Thiên Huế became the centrally-run city Huế on 2025-01-01;
    # the old name denotes the pre-reform unit only.
    ("Thừa Thiên Huế", "L46"),
    ("Thừa Thiên - Huế", "L46"),
    ("Thừa Thiên-Huế", "L46"),
    ("TT-Huế", "L46"),
    ("TT Huế", "L46"),
    ("Thành phố Huế", "L46"),
    ("Thành phố Huế", "N46"),
    ("TP. Huế", "L46"),
    ("TP. Huế", "N46"),
    # Bà Rịa - Vũng Tàu (merged into Hồ Chí Minh City in 2025)
    ("Bà Rịa-Vũng Tàu", "L77"),
    ("Bà Rịa – Vũng Tàu", "L77"),
    ("Bà Rịa–Vũng Tàu", "L77"),
    ("Bà Rịa Vũng Tàu", "L77"),
    ("BR-VT", "L77"),
    ("BRVT", "L77"),
    # Other centrally-run cities, written with "TP."
    *[
        (f"TP. {name}", f"{era}{code}")
        for name, code in [("Hải Phòng", "31"), ("Đà Nẵng", "48"), ("Cần Thơ", "92")]
        for era in ("L", "N")
    ],
    # Common spelling variants of province names
    ("Đăk Lăk", "L66"),
    ("Đăk Lăk", "N66"),
    ("Đắc Lắc", "L66"),
    ("Đắc Lắc", "N66"),
    ("Đăk Nông", "L67"),
    ("Đắc Nông", "L67"),
    ("Kontum", "L62"),
    ("Bắc Cạn", "L06"),
]


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def find_source(args: argparse.Namespace, workdir: Path) -> Path:
    """The package's data/ directory: from --source, or a fresh throwaway venv."""
    if args.source:
        src = Path(args.source).resolve()
        for cand in (src, src / "data", src / PACKAGE / "data"):
            if (cand / "dataset.db").is_file() and (cand / "converter_2025.json").is_file():
                return cand
        sys.exit(f"error: no dataset.db + converter_2025.json under {src}")
    venv = workdir / "venv"
    print(f"creating virtualenv in {venv}", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    spec = f"{PACKAGE}=={args.version}" if args.version else PACKAGE
    # --no-deps: only the data files are read; the package's geo dependencies are not needed.
    subprocess.run(
        [str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps", spec],
        check=True,
    )
    out = subprocess.run(
        [
            str(py),
            "-c",
            "import importlib.util;"
            f"s=importlib.util.find_spec('{PACKAGE}');"
            "print(list(s.submodule_search_locations)[0])",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return Path(out.stdout.strip()) / "data"


def split_name(full: str, words: dict[str, str], type_col: str | None, short: str | None, what: str,
               notes: list[str]) -> tuple[str, str]:
    """(kind, bare name) from a full official name like "Thị trấn Ngọc Lặc".

    The level word of the full name decides the kind (the source's type column is wrong
    for a few rows); numbered units keep their level word ("Quận 8", "Phường 1 Bảo Lộc").
    """
    full = " ".join(nfc(full).split())
    low = full.lower()
    for word in sorted(words, key=len, reverse=True):
        if low.startswith(word + " "):
            rest = full[len(word) + 1:].strip()
            kind = words[word]
            if type_col and words.get(nfc(type_col).lower()) != kind:
                notes.append(f"{what}: type column {type_col!r} disagrees with name {full!r}; using name")
            if rest[:1].isdigit():
                rest = f"{CANONICAL_WORD[word]} {rest}"
            if short is not None:
                bare_short = nfc(short).split(" (")[0].strip()
                if bare_short != rest and not rest.endswith(bare_short):
                    notes.append(f"{what}: short name {short!r} differs from {rest!r}")
            return kind, rest
    sys.exit(f"error: {what}: no level word in {full!r}")


def build(data: Path) -> tuple[list[tuple], list[tuple], list[str]]:
    db = sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True)
    db.row_factory = sqlite3.Row
    notes: list[str] = []
    units: dict[str, tuple] = {}  # code -> (code, kind, name, parent, valid_from, valid_to, level)

    def add(code: str, kind: str, name: str, parent: str, vf: str, vt: str, level: str) -> None:
        row = (code, kind, name, parent, vf, vt, level)
        old = units.get(code)
        if old is not None and old != row:
            sys.exit(f"error: code {code} has two descriptions: {old} / {row}")
        units[code] = row

    # Legacy era: province > district > commune.
    legacy_keys: dict[tuple[str, str, str], str] = {}  # (provinceKey, districtKey, wardKey) -> code
    legacy_province_keys: dict[str, str] = {}
    for r in db.execute("SELECT * FROM admin_units_legacy"):
        pcode = "L" + r["provinceCode"]
        kind, name = split_name(r["province"], PROVINCE_WORDS, None, r["provinceShort"], pcode, notes)
        add(pcode, kind, name, "", "", LEGACY_TO, "province")
        legacy_province_keys[r["provinceKey"]] = pcode
        dcode = "L" + r["districtCode"]
        kind, name = split_name(r["district"], DISTRICT_WORDS, r["districtType"], r["districtShort"], dcode, notes)
        add(dcode, kind, name, pcode, "", LEGACY_TO, "district")
        if r["ward"] is None:
            # Island districts without communes (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo).
            legacy_keys[(r["provinceKey"], r["districtKey"], "")] = dcode
            continue
        wcode = "L" + r["wardCode"]
        kind, name = split_name(r["ward"], COMMUNE_WORDS, r["wardType"], r["wardShort"], wcode, notes)
        add(wcode, kind, name, dcode, "", LEGACY_TO, "commune")
        key = (r["provinceKey"], r["districtKey"], r["wardKey"])
        if key in legacy_keys:
            sys.exit(f"error: duplicate legacy key {key}")
        legacy_keys[key] = wcode

    # Reformed era: province > commune.
    new_keys: dict[tuple[str, str], str] = {}  # (provinceKey, wardKey) -> code
    new_province_keys: dict[str, str] = {}
    for r in db.execute("SELECT * FROM admin_units"):
        pcode = "N" + r["provinceCode"]
        kind, name = split_name(r["province"], PROVINCE_WORDS, None, r["provinceShort"], pcode, notes)
        add(pcode, kind, name, "", REFORM_FROM, "", "province")
        new_province_keys[r["provinceKey"]] = pcode
        wcode = "N" + r["wardCode"]
        kind, name = split_name(r["ward"], COMMUNE_WORDS, r["wardType"], r["wardShort"], wcode, notes)
        add(wcode, kind, name, pcode, REFORM_FROM, "", "commune")
        key = (r["provinceKey"], r["wardKey"])
        if key in new_keys:
            sys.exit(f"error: duplicate new key {key}")
        new_keys[key] = wcode

    db.close()

    # Conversion.
    conv = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
    pairs: dict[tuple[str, str], int] = {}

    def pair(old: str, new: str, default: bool) -> None:
        pairs[(old, new)] = max(pairs.get((old, new), 0), int(default))

    for new_pkey, old_pkeys in conv["DICT_PROVINCE"].items():
        for old_pkey in old_pkeys:
            pair(legacy_province_keys[old_pkey], new_province_keys[new_pkey], True)

    def legacy_code(joined: str) -> str:
        p, d, w = joined.split("_")
        try:
            return legacy_keys[(p, d, w)]
        except KeyError:
            sys.exit(f"error: converter key {joined!r} is not a legacy unit")

    for new_pkey, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_wkey, olds in wards.items():
            new = new_keys[(new_pkey, new_wkey)]
            for joined in olds:
                pair(legacy_code(joined), new, True)
    for new_pkey, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for joined, news in olds.items():
            defaults = sum(1 for n in news if n["isDefaultNewWard"])
            if defaults != 1:
                notes.append(f"{joined}: {defaults} default successors")
            for n in news:
                pair(legacy_code(joined), new_keys[(new_pkey, n["newWardKey"])], n["isDefaultNewWard"])

    def sort_key(row: tuple) -> tuple:
        code = row[0]
        return (code[0], LEVEL_RANK[row[6]], code)

    unit_rows = sorted(units.values(), key=sort_key)
    code_rank = {row[0]: i for i, row in enumerate(unit_rows)}
    conv_rows = sorted(
        ((o, n, d) for (o, n), d in pairs.items()),
        key=lambda t: (code_rank[t[0]], -t[2], code_rank[t[1]]),
    )
    mapped = {o for o, _, _ in conv_rows}
    unmapped = [row[0] for row in unit_rows
                if row[0][0] == "L" and row[6] in ("province", "commune") and row[0] not in mapped]
    if unmapped:
        notes.append(f"{len(unmapped)} legacy provinces/communes without successor: {unmapped[:10]}")
    return unit_rows, conv_rows, notes


def write_tsv(path: Path, header: list[str], rows: list[tuple]) -> None:
    lines = ["\t".join(header)]
    for row in rows:
        cells = [nfc(str(c)) for c in row]
        for c in cells:
            if "\t" in c or "\n" in c:
                sys.exit(f"error: tab or newline in {c!r}")
        lines.append("\t".join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", help="an installed vietnamadminunits package dir, or its data/ dir")
    ap.add_argument("--version", default=DEFAULT_VERSION,
                    help=f"package version to pip install (default {DEFAULT_VERSION}; '' for the newest)")
    ap.add_argument("--out", default=str(ROOT / "data" / "places"), help="output directory")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every source-data note")
    args = ap.parse_args()

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gen_gazetteer_") as tmp:
        data = find_source(args, Path(tmp))
        units, conv, notes = build(data)

    codes = {u[0] for u in units}
    write_tsv(out / "units.tsv", ["code", "kind", "name", "parent", "valid_from", "valid_to"],
              [u[:6] for u in units])
    write_tsv(out / "conversion_2025.tsv", ["legacy_code", "new_code", "default"], conv)

    aliases_path = out / "aliases.tsv"
    bad = [(a, c) for a, c in ALIASES if c not in codes]
    if bad:
        sys.exit(f"error: aliases with unknown codes: {bad}")
    if aliases_path.exists():
        print(f"{aliases_path} exists: left as it is (hand-maintained)", file=sys.stderr)
        for n, line in enumerate(aliases_path.read_text(encoding="utf-8").splitlines()[1:], 2):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != 2 or cells[1] not in codes:
                print(f"warning: {aliases_path.name}:{n}: unknown code or bad row: {line!r}", file=sys.stderr)
    else:
        rows = sorted(set(ALIASES), key=lambda t: (t[1][0], t[1], nfc(t[0])))
        write_tsv(aliases_path, ["alias", "code"], rows)
        print(f"created {aliases_path}", file=sys.stderr)

    if notes:
        print(f"{len(notes)} notes on the source data (resolved as described):", file=sys.stderr)
        for n in notes if args.verbose else notes[:10]:
            print(f"  {n}", file=sys.stderr)
        if not args.verbose and len(notes) > 10:
            print("  ... (-v for all)", file=sys.stderr)

    counts = collections.Counter((u[0][0], u[6], u[1]) for u in units)
    era_name = {"L": "legacy (until 2025-06-30)", "N": "reformed (from 2025-07-01)"}
    for era in ("L", "N"):
        total = sum(n for (e, _, _), n in counts.items() if e == era)
        print(f"{era_name[era]}: {total} units")
        for level in ("province", "district", "commune"):
            kinds = {k: n for (e, lv, k), n in counts.items() if e == era and lv == level}
            if kinds:
                detail = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
                print(f"  {level}: {sum(kinds.values())} ({detail})")
    unit_level = {u[0]: u[6] for u in units}
    conv_counts = collections.Counter(unit_level[o] for o, _, _ in conv)
    divided = collections.Counter(o for o, _, _ in conv)
    print(f"conversion_2025: {len(conv)} rows ("
          + ", ".join(f"{lv} {conv_counts[lv]}" for lv in ("province", "district", "commune"))
          + f"); {sum(1 for n in divided.values() if n > 1)} legacy units with several successors")
    total = sum((out / f).stat().st_size for f in ("units.tsv", "conversion_2025.tsv", "aliases.tsv"))
    print(f"wrote {out} ({total / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
