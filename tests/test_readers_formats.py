"""Word and PDF files: merged cells, page furniture, locators, missing extras, damaged files,
and a third-party reader plugin."""

from __future__ import annotations

import io
import sys
import types

import pytest
from seed_renderings import SEEDS, rendered

from giarlint.cli import main
from giarlint.hookspecs import hookimpl
from giarlint.linter import Linter
from giarlint.plugins import build_registry
from giarlint.readers import ConvertedSource
from giarlint.readers.pdfdoc import convert_pdf
from giarlint.readers.worddoc import convert_document

SEED_000 = "000_074461f2da15a71b.txt"
TEXT_CELL = "企业类674件;个人类69535件"


def lint(path, lang="zh") -> list:
    from giarlint.settings import Settings

    return Linter(build_registry(load_plugins=False), Settings(lang=lang)).lint_file(str(path))


def test_docx_merged_cells_counted_once_and_header_footer_left_out():
    text = convert_document(rendered(SEED_000, ".docx")).text
    lines = text.split("\n")
    assert text.count("三、本年度办理结果") == 1
    assert text.count("申请人情况") == 1
    assert text.count("（三）不予公开") == 1
    assert "| 三、本年度办理结果 | (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |" in lines
    assert "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |" in lines
    assert "页眉" not in text and "- 1 -" not in text


def test_docx_diagnostic_names_the_table_cell(tmp_path):
    import docx
    from docx.oxml.ns import qn

    path = tmp_path / "report.docx"
    path.write_bytes(rendered(SEED_000, ".docx"))
    (zh,) = [d for d in lint(path) if d.code == "GIA205"]
    (en,) = [d for d in lint(path, "en") if d.code == "GIA205"]
    assert zh.message.endswith("（第 1 个表格第 7 行第 2 格）")
    assert en.message.endswith("(table 1, row 7, cell 2)")
    table = docx.Document(str(path)).tables[0]._tbl
    row = list(table.iterchildren(qn("w:tr")))[6]
    cell = list(row.iterchildren(qn("w:tc")))[1]
    assert "".join(t.text for t in cell.iter(qn("w:t"))) == TEXT_CELL
    converted = convert_document(path.read_bytes()).text.split("\n")
    assert converted[zh.line - 1][zh.column - 1 : zh.end_column - 1] == TEXT_CELL


def test_pdf_tables_paragraphs_and_page_furniture():
    text = convert_pdf(rendered(SEED_000, ".pdf")).text
    lines = text.split("\n")
    assert lines[0] == "昆明市应急管理局2022年政府信息公开工作年度报告"
    assert "| 三、本年度办理结果 | (一)予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |" in lines
    assert not [line for line in lines if line.startswith("- ") or line == "政府信息公开工作年度报告"]
    # wrapped lines are joined back: the first paragraph of 一、总体情况 is one line
    assert any(line.startswith("2022年,昆明市应急管理局认真贯彻") and line.endswith("全力做好政府信息公开工作。") for line in lines)


def test_pdf_diagnostic_names_the_page(tmp_path):
    import pdfplumber

    path = tmp_path / "report.pdf"
    path.write_bytes(rendered(SEED_000, ".pdf"))
    (zh,) = [d for d in lint(path) if d.code == "GIA205"]
    with pdfplumber.open(str(path)) as pdf:
        pages = [number for number, page in enumerate(pdf.pages, 1) if TEXT_CELL in (page.extract_text() or "")]
    assert len(pages) == 1
    assert zh.message.endswith(f"（第 {pages[0]} 页）")
    (en,) = [d for d in lint(path, "en") if d.code == "GIA205"]
    assert en.message.endswith(f"(page {pages[0]})")


@pytest.mark.parametrize("suffix,module,extra", [(".docx", "docx", "docx"), (".pdf", "pdfplumber", "pdf")])
def test_missing_extra_is_explained_without_traceback(suffix, module, extra, tmp_path, monkeypatch, capsys):
    path = tmp_path / ("report" + suffix)
    path.write_bytes(rendered(SEED_000, suffix))
    monkeypatch.setitem(sys.modules, module, None)  # `import module` now raises ImportError
    assert main(["check", str(path)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert captured.out.startswith(f"{path}:1:1: GIA001 ")
    assert f"pip install 'giarlint[{extra}]'" in captured.out
    assert main(["check", "--lang", "en", str(path)]) == 1
    assert "needs" in capsys.readouterr().out
    assert main(["extract", str(path)]) == 1
    captured = capsys.readouterr()
    assert f"giarlint[{extra}]" in captured.err and "Traceback" not in captured.err


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_damaged_file_is_gia001(suffix, tmp_path, capsys):
    path = tmp_path / ("broken" + suffix)
    path.write_bytes(b"PK\x03\x04 this is not really a document" if suffix == ".docx" else b"%PDF-1.4\nnonsense")
    assert main(["check", str(path)]) == 1
    captured = capsys.readouterr()
    assert f"GIA001 无法读取 {suffix} 文件" in captured.out
    assert "Traceback" not in captured.err


def test_pdf_without_text_layer_is_reported(tmp_path, capsys):
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(100, 100, 300, 300, fill=1)  # a scanned page: pictures, no text
    page.save()
    path = tmp_path / "scan.pdf"
    path.write_bytes(buffer.getvalue())
    assert main(["check", str(path)]) == 1
    assert "没有可读取的文字" in capsys.readouterr().out


def test_a_third_party_reader_plugin_is_used(tmp_path):
    """A plugin's reader is asked first; here its format stores the report's lines reversed."""
    plugin = types.SimpleNamespace()

    @hookimpl
    def giarlint_read_source(path, data):
        if not path.endswith(".rev"):
            return None
        return ConvertedSource(data.decode("utf-8")[::-1], "reversed text")

    plugin.giarlint_read_source = giarlint_read_source
    seed = (SEEDS / SEED_000).read_text(encoding="utf-8")
    path = tmp_path / "report.rev"
    path.write_text(seed[::-1], encoding="utf-8")
    plain = Linter(build_registry(load_plugins=False))
    assert [d.code for d in plain.lint_file(str(path))] == ["GIA002"]
    registry = build_registry(load_plugins=False)
    registry.manager.register(plugin, name="reversed-reader")
    linter = Linter(registry)
    assert linter.convert("x.txt", b"x") is None
    found = [(d.line, d.column, d.code) for d in linter.lint_file(str(path))]
    assert found == [(d.line, d.column, d.code) for d in linter.lint_text(str(path), seed)]
    assert [code for _, _, code in found] == ["GIA205"]



def test_pdfminer_warnings_stay_off_the_terminal():
    """pdfminer warns of odd fonts ("Could not get FontBBox …", Chromium's printed PDFs); with no
    handler Python would print each bare among giarlint's output. A program that configured
    logging still gets them. (In a fresh process: pytest's own log capture would hide the fault.)"""
    import subprocess
    import sys

    program = """
import logging
from giarlint.readers.pdfdoc import _load
_load()
logging.getLogger("pdfminer.pdffont").warning("Could not get FontBBox from font descriptor")
caught = []
handler = logging.Handler()
handler.emit = caught.append
logging.getLogger().addHandler(handler)
logging.getLogger("pdfminer.pdffont").warning("still delivered")
print([record.getMessage() for record in caught])
"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert done.stderr == ""
    assert done.stdout.strip() == "['still delivered']"
