"""Web pages: the report's body is found, tables become pipe rows, positions and encodings."""

from __future__ import annotations

import json

import pytest
from seed_renderings import SEEDS, html_page, rendered, seed_report

from giarlint.cli import main
from giarlint.linter import Linter
from giarlint.plugins import build_registry
from giarlint.readers.htmlpage import convert_page, decode_page, sniff_charset
from giarlint.tree import Span

SEED_000 = "000_074461f2da15a71b.txt"


def lint(path) -> list:
    return Linter(build_registry(load_plugins=False)).lint_file(str(path))


def test_merged_cells_are_written_once_and_nbsp_cells_stay_blank():
    page = """<html><body><table>
    <tr><td rowspan="2" colspan="2">项目</td><td colspan="2">申请人情况</td></tr>
    <tr><td>自然人</td><td>总计</td></tr>
    <tr><td colspan="2">一、本年新收</td><td>&nbsp;</td><td>13</td></tr>
    <tr><td>&nbsp;</td><td>&nbsp;</td></tr>
    </table></body></html>"""
    text = convert_page(page).text
    assert text == "| 项目 | 申请人情况 |\n| 自然人 | 总计 |\n| 一、本年新收 | | 13 |\n"


def test_page_clutter_is_dropped_and_the_report_kept():
    text = convert_page(rendered(SEED_000, ".html").decode("utf-8")).text
    lines = text.split("\n")
    assert lines[0] == "昆明市应急管理局2022年政府信息公开工作年度报告"
    for clutter in ("首页", "无障碍", "请输入关键词", "相关文章", "网站标识码", "版权所有", "分享到", "siteConfig", "_hmt"):
        assert clutter not in text, clutter
    # the script's fake headings are not the report's; each real heading appears once
    assert lines.count("二、主动公开政府信息情况") == 1
    assert lines.count("三、收到和处理政府信息公开申请情况") == 1
    assert "| 三、本年度办理结果 | (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |" in lines
    assert "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |" in lines


def test_report_in_a_layout_table_keeps_its_data_table():
    page = """<html><body><table class="frame"><tr><td><a href="/">首页</a> <a href="/x">政务公开</a></td></tr>
    <tr><td><p>某局2022年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本局认真贯彻落实条例，做好政府信息公开工作。全年主动公开信息三百条，办理申请十三件。</p>
    <table border="1"><tr><td>规章</td><td>0</td></tr></table></td></tr></table></body></html>"""
    text = convert_page(page).text
    assert text.startswith("某局2022年政府信息公开工作年度报告\n")
    assert "| 规章 | 0 |\n" in text
    assert "首页" not in text


def test_metadata_box_becomes_metadata_lines(tmp_path, capsys):
    report = seed_report(SEEDS / SEED_000)
    page = html_page(report).decode("utf-8")
    box = (
        '<table class="xxgk-table"><tr><th>索引号：</th><td>11530100/2023-00012</td><th>发布机构：</th><td>昆明市应急管理局</td></tr>'
        "<tr><th>发布日期：</th><td>2023-01-20</td><th>文号：</th><td>&nbsp;</td></tr></table>\n"
    )
    page = page.replace('<div class="article-content" id="zoom">', box + '<div class="article-content" id="zoom">')
    text = convert_page(page).text
    assert text.startswith("索引号：11530100/2023-00012\n\n发布机构：昆明市应急管理局\n\n发布日期：2023-01-20\n\n文号：\n\n")
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)[0]
    assert record["publication_date"] == "2023-01-20"  # the box's date comes before the closing signature's


def test_diagnostics_point_at_the_cell_in_the_html_file(tmp_path):
    page = rendered(SEED_000, ".html").decode("utf-8")
    row_start = page.index('<td colspan="3" valign="middle"><p align="center"><span style="font-size:12px">一、本年新收')
    row_end = page.index("</tr>", row_start)
    row = page[row_start:row_end]
    changed = row[: row.rindex(">13<") + 1] + "14" + row[row.rindex(">13<") + 3 :]
    path = tmp_path / "report.html"
    path.write_text(page[:row_start] + changed + page[row_end:], encoding="utf-8")
    assert changed != row
    found = [d for d in lint(path) if d.code == "GIA201"]
    assert len(found) == 1
    diagnostic = found[0]
    html_lines = path.read_text(encoding="utf-8").split("\n")
    assert diagnostic.line == diagnostic.end_line
    assert html_lines[diagnostic.line - 1][diagnostic.column - 1 : diagnostic.end_column - 1] == "14"
    assert diagnostic.path == str(path)


def test_text_cell_position_in_the_html_file(tmp_path):
    path = tmp_path / "report.html"
    path.write_bytes(rendered(SEED_000, ".html"))
    (diagnostic,) = [d for d in lint(path) if d.code == "GIA205"]
    line = path.read_text(encoding="utf-8").split("\n")[diagnostic.line - 1]
    assert line[diagnostic.column - 1 : diagnostic.end_column - 1] == "企业类674件;个人类69535件"


def test_entities_map_onto_their_spelling():
    page = "<html><body>\n<p>一、总体情况</p>\n<p>甲&amp;乙&nbsp;共&#50;&#48;件</p>\n</body></html>"
    converted = convert_page(page)
    assert converted.text == "一、总体情况\n\n甲&乙 共20件\n"
    ampersand = converted.locate(Span(3, 2, 3, 3))[0]
    assert (ampersand.line, ampersand.column, ampersand.end_column) == (3, 5, 10)  # the whole "&amp;"
    number = converted.locate(Span(3, 6, 3, 8))[0]
    assert page.split("\n")[2][number.column - 1 : number.end_column - 1] == "&#50;&#48;"


@pytest.mark.parametrize(
    "head,expected",
    [
        (b'<meta charset="gb2312">', "gb18030"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=GBK" />', "gb18030"),
        (b"<meta charset='utf-8'>", "utf-8"),
        (b'<?xml version="1.0" encoding="GB2312"?><html>', "gb18030"),
        (b"<html><head><title>x</title>", None),
    ],
)
def test_declared_charset(head, expected):
    assert sniff_charset(head + b"</head>") == expected


def test_gb2312_page_decodes_with_gbk_characters(tmp_path, capsys):
    report = seed_report(SEEDS / SEED_000)
    page = html_page(report).decode("utf-8").replace("charset=utf-8", "charset=gb2312")
    page = page.replace("<p style=\"text-indent:2em;line-height:1.75\">", "<p style=\"text-indent:2em;line-height:1.75\">联系人：张喆。", 1)
    data = page.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("gb2312")  # 喆 is GBK, not GB2312: a strict GB2312 decoder would fail
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert "联系人：张喆。" in decode_page(data, None)
    path = tmp_path / "report.htm"
    path.write_bytes(data)
    assert main(["extract", str(path)]) == 0
    got = json.loads(capsys.readouterr().out)[0]
    assert main(["extract", str(SEEDS / SEED_000)]) == 0
    expected = json.loads(capsys.readouterr().out)[0]
    assert got["tables"] == expected["tables"] and got["agency"] == expected["agency"]


def test_a_wrong_declaration_falls_back_to_detection():
    data = '<meta charset="utf-8"><p>一、总体情况</p>'.encode("gb18030")
    assert "一、总体情况" in decode_page(data, None)


def test_encoding_option_wins_over_the_declaration():
    data = '<meta charset="utf-8"><p>一、总体情况</p>'.encode("utf-16")
    assert "一、总体情况" in decode_page(data, "utf-16")


def test_undecodable_page_is_gia001(tmp_path, capsys):
    path = tmp_path / "bad.html"
    path.write_bytes(b"<html>\x00\x01\x02\xff\xfe\x00")
    assert main(["check", str(path)]) == 1
    captured = capsys.readouterr()
    assert "GIA001" in captured.out and "Traceback" not in captured.err


def test_report_set_findings_are_relocated_too(tmp_path, capsys):
    last_year = (SEEDS / SEED_000).read_text(encoding="utf-8").replace("2022", "2021").replace("2023", "2022")
    (tmp_path / "last.txt").write_text(last_year, encoding="utf-8")
    page = tmp_path / "this.html"
    page.write_bytes(rendered(SEED_000, ".html"))
    assert main(["check", "--output-format", "json", str(tmp_path / "last.txt"), str(page)]) == 1
    (found,) = [d for d in json.loads(capsys.readouterr().out) if d["code"] == "GIA602"]
    assert found["path"] == str(page)
    line = page.read_text(encoding="utf-8").split("\n")[found["line"] - 1]
    assert line[found["column"] - 1 : found["end_column"] - 1] == "4"
    assert "行政规范性文件</span>" in line[: found["column"]]
