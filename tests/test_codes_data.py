"""The shipped TSV files themselves: header blocks, columns, sources, and the 类 lists.

Issue 2 asks of every file a header block saying what it is, the edition year, its coverage and
its sources, a list of what is missing, and a record of which entries were seen in a real
document.  The 类 of the functional list are typed here by hand, independently of the files.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govfin import codes
from govfin.codes import Level, Scheme

DATA = Path(__file__).resolve().parents[1] / "data" / "codes"
FILES = sorted(DATA.glob("*.tsv"))
_NAME = re.compile(r"(?P<stem>[a-z-]+)-(?P<year>\d{4})\.tsv")
_SCHEME_BY_STEM = {scheme.file_stem: scheme for scheme in Scheme}
_SECTIONS = ("COVERAGE", "SOURCES", "COLUMNS", "MISSING")


def _header(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line.lstrip("#").strip())
    return header


def _block(header: list[str], section: str) -> str:
    """The text of one ``SECTION`` block of a header, up to the next section heading."""
    start = next(i for i, line in enumerate(header) if line.startswith(section))
    end = next(
        (i for i in range(start + 1, len(header)) if header[i].startswith(_SECTIONS)),
        len(header),
    )
    return "\n".join(header[start:end])


def _column_row(path: Path) -> list[str]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            return line.split("\t")
    raise AssertionError(f"{path.name}: no column row")


def test_eight_files() -> None:
    assert [p.name for p in FILES] == [
        "economic-dept-2017.tsv",
        "economic-dept-2024.tsv",
        "economic-dept-2025.tsv",
        "economic-gov-2024.tsv",
        "economic-gov-2025.tsv",
        "functional-2017.tsv",
        "functional-2024.tsv",
        "functional-2025.tsv",
    ]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_header_block(path: Path) -> None:
    match = _NAME.fullmatch(path.name)
    assert match
    scheme, year = _SCHEME_BY_STEM[match["stem"]], match["year"]
    header = _header(path)
    assert len(header) >= 10, "a header block of several lines"
    # what it is, and which edition
    assert scheme.title in header[0] and f"《{year}年政府收支分类科目》" in "\n".join(header[:3])
    assert re.search(rf"scheme: {re.escape(scheme.value)}\s+edition: {year}\b", "\n".join(header))
    for section in _SECTIONS:
        assert any(line.startswith(section) for line in header), section
    sources = _block(header, "SOURCES").splitlines()
    assert f"《{year}年政府收支分类科目》" in sources[1] and len(sources) >= 3  # the list + others
    missing = _block(header, "MISSING")
    assert len(missing.splitlines()) >= 2, "the MISSING block lists something (or says none)"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_columns_and_seen_ids_are_declared(path: Path) -> None:
    columns = _column_row(path)
    assert columns[:4] == ["code", "name", "level", "seen"]
    if path.name.startswith("economic-gov"):
        assert columns[4:] == ["dept_codes"]
    sources = _block(_header(path), "SOURCES")
    match = _NAME.fullmatch(path.name)
    assert match
    entries = codes.all_codes(_SCHEME_BY_STEM[match["stem"]], int(match["year"]))
    ids = {i for entry in entries for i in entry.seen}
    assert ids, "some entries are recorded as seen in a real document"
    for document in ids:
        assert re.search(rf"(?<![\w-]){re.escape(document)}(?![\w-])", sources), (
            f"{path.name}: seen id {document!r} is not explained under SOURCES"
        )


#: 支出功能分类科目, every 类 (typed from the official list; 218, 225, 226, 228 are unused).
FUNCTIONAL_CATEGORIES = {
    "201": "一般公共服务支出",
    "202": "外交支出",
    "203": "国防支出",
    "204": "公共安全支出",
    "205": "教育支出",
    "206": "科学技术支出",
    "207": "文化旅游体育与传媒支出",
    "208": "社会保障和就业支出",
    "209": "社会保险基金支出",
    "210": "卫生健康支出",
    "211": "节能环保支出",
    "212": "城乡社区支出",
    "213": "农林水支出",
    "214": "交通运输支出",
    "215": "资源勘探工业信息等支出",
    "216": "商业服务业等支出",
    "217": "金融支出",
    "219": "援助其他地区支出",
    "220": "自然资源海洋气象等支出",
    "221": "住房保障支出",
    "222": "粮油物资储备支出",
    "223": "国有资本经营预算支出",
    "224": "灾害防治及应急管理支出",
    "227": "预备费",
    "229": "其他支出",
    "230": "转移性支出",
    "231": "债务还本支出",
    "232": "债务付息支出",
    "233": "债务发行费用支出",
    "234": "抗疫特别国债安排的支出",
}

#: 部门预算支出经济分类科目, every 类.
ECONOMIC_CATEGORIES = {
    "301": "工资福利支出",
    "302": "商品和服务支出",
    "303": "对个人和家庭的补助",
    "307": "债务利息及费用支出",
    "309": "资本性支出（基本建设）",
    "310": "资本性支出",
    "311": "对企业补助（基本建设）",
    "312": "对企业补助",
    "313": "对社会保障基金补助",
    "399": "其他支出",
}


@pytest.mark.parametrize("year", [2024, 2025])
def test_every_category(year: int) -> None:
    assert {c.code: c.name for c in codes.roots(Scheme.FUNCTIONAL, year)} == FUNCTIONAL_CATEGORIES
    assert {c.code: c.name for c in codes.roots(Scheme.ECONOMIC, year)} == ECONOMIC_CATEGORIES


@pytest.mark.parametrize("year", [2024, 2025])
def test_sections_and_items_only_for_the_four_detailed_categories(year: int) -> None:
    """款/项 are shipped for 201, 208, 210, 221, the 款/项 that documents print under 204-212
    (each seen in a document), and the 2025 amendment's two 款."""
    detailed = {"201", "208", "210", "221"}
    # 211, 213, 215 and 224: 21111, 21303, 21508 and 22402, printed by sh-yc2025, sh-jgw2026,
    # sh-wlj2026 and sh-sq2025 (real documents of tests/data/real; helper real7)
    printed = {"204", "205", "206", "207", "211", "212", "213", "215", "224"}
    below = {c.code[:3] for c in codes.all_codes(Scheme.FUNCTIONAL, year) if len(c.code) > 3}
    amendment = {"229", "231"} if year == 2025 else set()
    # WHY 224: 22402 消防救援事务 / 2240299 are printed by the 2026 单位预算 of 石泉路街道
    # (tests/data/accuracy/sh-putuo-shiquan-2026-danwei-yusuan.txt), added to both lists.
    printed = printed | {"224"}
    assert below == detailed | printed | amendment
    for code in sorted(printed):
        for entry in codes.descendants(code, year):
            assert entry.seen, entry  # only what a document prints
        assert not codes.complete_under(code, year)
    for code in sorted(detailed):
        sections = codes.children(code, year)
        assert len(sections) >= 3, code  # 221 has three 款
        # every 款 but the catch-all 99 has its 项 (20899 and 21099 are listed as MISSING)
        for section in sections:
            assert section.level is Level.SECTION
            if not section.code.endswith("99"):
                assert codes.children(section.code, year), section


@pytest.mark.parametrize("year", [2024, 2025])
def test_every_economic_category_has_its_sections(year: int) -> None:
    roots = codes.roots(Scheme.ECONOMIC, year)
    assert {"301", "302", "303"} <= {c.code for c in roots}
    for category in roots:
        sections = codes.children(category.code, year)
        assert sections, category
        assert all(s.code.startswith(category.code) for s in sections)
