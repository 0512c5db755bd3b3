"""The shipped data proven against a real disclosure and independent reference excerpts.

tests/data/seed_2024.txt is a public 2024 部门决算 disclosure (text extraction).  Every
code/name pair it prints must be in the 2024 registry under the same name (up to whitespace
and bracket width), and every entry marked ``seed`` must really be printed there.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from govfin import codes
from govfin.codes import Level, Scheme

SEED = Path(__file__).parent / "data" / "seed_2024.txt"
REPO = Path(__file__).resolve().parents[1]
YEAR = 2024

_FUNCTIONAL_ROW = re.compile(r"(\d{3}|\d{5}|\d{7})")
_ECONOMIC_CODE = re.compile(r"3\d{2}(?:\d{2})?")
_NUMBERED_LEI = re.compile(r"^[一二三四五六七八九十]+、(.+)$")


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end)]


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def functional_pairs(text: str) -> list[tuple[str, str]]:
    """Code/name pairs of 公开02, 03 and 05表: tab-separated lines starting with a code."""
    pairs = []
    for line in _section(text, "公开02", "公开06表").splitlines():
        fields = line.split("\t")
        if len(fields) >= 2 and _FUNCTIONAL_ROW.fullmatch(fields[0].strip()):
            pairs.append((fields[0].strip(), fields[1]))
    return pairs


def economic_pairs(text: str) -> list[tuple[str, str]]:
    """Code/name pairs of 公开06表, printed as 4 side-by-side groups of code, name, amount."""
    pairs = []
    for line in _section(text, "公开06表", "公开07表").splitlines():
        fields = line.split("\t")
        for group in range(0, len(fields) - 1, 3):
            code, name = fields[group].strip(), fields[group + 1]
            if _ECONOMIC_CODE.fullmatch(code):
                pairs.append((code, name))
    return pairs


def table01_category_names(text: str) -> set[str]:
    """类 names printed without codes in the expenditure column (the 4th) of 公开01表."""
    names = set()
    for line in _section(text, "公开01表", "公开02").splitlines():
        fields = line.split("\t")
        match = _NUMBERED_LEI.match(fields[3].strip()) if len(fields) > 3 else None
        if match:
            names.add(match.group(1))
    return names


def test_seed_is_bundled() -> None:
    assert SEED.is_file()
    assert "2024年度部门决算公开" in seed_text()


def test_parsers_find_every_table_row() -> None:
    text = seed_text()
    functional = functional_pairs(text)
    economic = economic_pairs(text)
    # 公开02/03/05 print the same 17 rows; 公开06 prints 110 economic codes.
    assert len(functional) == 3 * 17
    assert len(set(functional)) == 17
    assert all(code.startswith("2") for code, _ in functional)
    assert len(economic) == len(set(economic)) == 110
    lei = table01_category_names(text)
    assert len(lei) == 26 and "一般公共服务支出" in lei and "抗疫特别国债安排的支出" in lei


def _all_seed_pairs() -> Iterator[tuple[str, str]]:
    text = seed_text()
    yield from sorted(set(functional_pairs(text)))
    yield from sorted(set(economic_pairs(text)))


@pytest.mark.parametrize(("code", "printed"), list(_all_seed_pairs()))
def test_every_seed_pair_is_in_the_registry(code: str, printed: str) -> None:
    entry = codes.lookup(code, YEAR)
    check = codes.check_name(code, printed, YEAR)
    assert check.ok, check.message
    assert "seed" in entry.seen, f"{code} is printed in the seed but not marked 'seed'"


def test_every_entry_marked_seed_is_printed_in_the_seed() -> None:
    text = seed_text()
    printed = {code: codes.normalize_name(name) for code, name in _all_seed_pairs()}
    lei_names = {codes.normalize_name(n) for n in table01_category_names(text)}
    marked = [
        entry
        for scheme in Scheme
        for entry in codes.all_codes(scheme, YEAR)
        if "seed" in entry.seen
    ]
    assert len(marked) >= len(printed)
    for entry in marked:
        name = codes.normalize_name(entry.name)
        if entry.code in printed:
            assert printed[entry.code] == name
        else:
            assert entry.level is Level.CATEGORY and name in lei_names, entry


def test_every_category_of_table01_is_a_functional_category() -> None:
    names = table01_category_names(seed_text())
    assert len(names) >= 20, names  # 公开01 prints the 类 of the functional list
    for name in names:
        found = codes.find_by_name(name, YEAR, level="类", scheme="functional")
        assert len(found) == 1, name


# --------------------------------------------------------------------------------------------
# partial official excerpts, transcribed independently (tests/data/reference, see its README)

REFERENCE = Path(__file__).parent / "data" / "reference"


def _reference_rows(name: str) -> list[dict[str, str]]:
    lines = [
        line
        for line in (REFERENCE / name).read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    assert rows, f"{name} holds no rows"
    return rows


def test_reference_department_economic_names() -> None:
    rows = _reference_rows("econ-dept_2018plus_PARTIAL_from-page-excerpts.tsv")
    uncertain = {"30219", "30220", "30221", "30222", "30223"}  # listed as MISSING in the data
    for row in rows:
        if row["code"] in uncertain:
            assert not codes.exists(row["code"], YEAR)
            continue
        assert codes.check_name(row["code"], row["name"], YEAR).ok, row


def test_reference_government_economic_names() -> None:
    rows = _reference_rows("econ-gov_2018plus_PARTIAL_from-page-excerpts.tsv")
    for row in rows:
        assert codes.check_name(row["code"], row["name"], YEAR).ok, row
        entry = codes.lookup(row["code"], YEAR)
        mapped = {c for c in row["mapped_dept_codes_in_source"].split(",") if c.isdigit()}
        assert mapped <= set(entry.dept_codes), row


def test_reference_functional_20809() -> None:
    rows = _reference_rows("func_2023_PARTIAL_20809-only_from-page-excerpt.tsv")
    for row in rows:
        for year in [y for y in codes.editions("functional") if y >= 2023]:  # the excerpt's year on
            assert codes.check_name(row["code"], row["name"], year).ok, (year, row)


#: 类 whose 款 and 项 the functional files ship (all others are listed at 类 level only).
DETAILED = {"201", "208", "210", "221"}


def _missing_block(year: int) -> str:
    text = (REPO / "data" / "codes" / f"functional-{year}.tsv").read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    start = next(i for i, line in enumerate(header) if line.startswith("# MISSING"))
    return "\n".join(header[start:])


def test_reference_amendments() -> None:
    """Each functional code an amendment adds is shipped with its name, or declared missing."""
    rows = _reference_rows("amendments_2024-2025_from-page-excerpts.tsv")
    checked = 0
    for row in rows:
        code = row["code"]
        if not code.startswith("2"):
            continue  # revenue codes are not part of the registry
        year = int(row["classification_year"])
        entry = codes.get(code, year)
        if entry is not None:
            assert codes.check_name(code, row["name"], year).ok, row
            checked += 1
            continue
        # not shipped: the header must say so, by code or by its uncovered 类
        missing = _missing_block(year)
        assert code in missing or (
            code[:3] not in DETAILED and "类 other than 201/208/210/221" in _missing_block(2024)
        ), (year, row)
        assert code[:3] not in DETAILED, f"{code} lies in a fully covered 类 but is not shipped"
    assert checked >= 3  # 220 (2024), 22911 and 23107 (2025)
    assert codes.lookup("22911", 2025).name == "中央金融机构注资特别国债财务基金支出"
    assert codes.lookup("23107", 2025).name == "中央金融机构注资特别国债还本支出"
