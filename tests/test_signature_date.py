"""The 落款 date is found past the footer of the page a report was copied from (分享到：, 【打印本页】,
版权所有 © …), and not above the report's own closing prose."""

from __future__ import annotations

from pathlib import Path

import pytest

from giarlint.facts import signature_date

TESTS = Path(__file__).resolve().parent
BODY = "一、总体情况\n本机关认真落实条例。\n六、其他需要报告的事项\n本机关未收取信息处理费。\n"
FOOTER = "分享到：\n微信\n微博\n【打印本页】\n【关闭窗口】\n主办单位：人民政府办公室  |  网站标识码：5301000001  |\nICP备12345678号\n版权所有 © 2023 人民政府   联系电话：0871-12345678\n"


@pytest.mark.parametrize("tail, found", [
    ("某某市应急管理局\n2023年1月28日\n", (2023, 1, 28)),
    ("某某市应急管理局\n2023年1月28日\n" + FOOTER, (2023, 1, 28)),  # a page's footer after it
    ("某某市应急管理局\n二〇二三年一月二十八日\n" + FOOTER, (2023, 1, 28)),
    ("2023年1月28日\n本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止，如有疑问请与本机关联系。\n"
     "本机关地址在某某路一号。\n欢迎来电。\n", None),  # above the report's own prose: no 落款
    ("", None),
])
def test_the_signature_date_past_a_pages_footer(linter, tail, found):
    document = linter.build("r.txt", "某某市应急管理局2022年政府信息公开工作年度报告\n" + BODY + tail).document
    located = signature_date(document)
    assert (located.value.timetuple()[:3] if located else None) == found
    if located:
        line = (BODY + tail).split("\n")[located.span.line - 2]
        assert "年" in line and line.endswith("日")  # the span is the date's own line


def test_copied_pages_get_their_date_and_no_gia304(linter):
    """The seeds' pages through BeautifulSoup-like text (tests/layouts/texts/000.strip-blocks.txt)
    end with the page's footer after the 落款."""
    path = TESTS / "layouts" / "texts" / "000.strip-blocks.txt"
    text = path.read_text(encoding="utf-8")
    assert "版权所有" in text.split("2023年1月28日")[-1]
    assert not [d for d in linter.lint_text(str(path), text) if d.code == "GIA304"]
    assert signature_date(linter.build(str(path), text).document).value.isoformat() == "2023-01-28"
