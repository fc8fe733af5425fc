"""``giarlint convert``: the text form of published reports, on stdout or into a directory."""

from __future__ import annotations

import sys

from seed_renderings import SEEDS, rendered

from giarlint.cli import main
from giarlint.readers.htmlpage import convert_page

SEED_000 = "000_074461f2da15a71b.txt"


def test_one_file_goes_to_stdout(tmp_path, capsys):
    path = tmp_path / "report.html"
    path.write_bytes(rendered(SEED_000, ".html"))
    assert main(["convert", str(path)]) == 0
    out = capsys.readouterr().out
    assert out == convert_page(path.read_text(encoding="utf-8")).text
    assert "| 行政处罚 | 25 |" in out


def test_several_files_need_an_output_directory(tmp_path, capsys):
    paths = []
    for suffix in (".html", ".docx"):
        path = tmp_path / ("report" + suffix)
        path.write_bytes(rendered(SEED_000, suffix))
        paths.append(str(path))
    assert main(["convert", *paths]) == 2
    assert "-o DIR" in capsys.readouterr().err
    out_dir = tmp_path / "out"
    other = tmp_path / "other.docx"
    other.write_bytes(rendered(SEED_000, ".docx"))
    assert main(["convert", paths[0], str(other), "-o", str(out_dir)]) == 0
    assert sorted(p.name for p in out_dir.iterdir()) == ["other.md", "report.md"]
    assert main(["check", str(out_dir / "other.md")]) == 1
    assert " GIA205 " in capsys.readouterr().out


def test_plain_text_is_written_decoded(tmp_path, capsys):
    path = tmp_path / "report.txt"
    text = (SEEDS / SEED_000).read_text(encoding="utf-8")
    path.write_bytes(text.encode("gb18030"))
    assert main(["convert", str(path)]) == 0
    assert capsys.readouterr().out == text


def test_unreadable_input_fails_with_a_message(tmp_path, capsys, monkeypatch):
    path = tmp_path / "report.pdf"
    path.write_bytes(rendered(SEED_000, ".pdf"))
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    assert main(["convert", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "GIA001" in captured.err and "giarlint[pdf]" in captured.err and "Traceback" not in captured.err


def test_parse_reads_published_formats(tmp_path, capsys):
    path = tmp_path / "report.docx"
    path.write_bytes(rendered(SEED_000, ".docx"))
    assert main(["parse", str(path)]) == 0
    out = capsys.readouterr().out
    assert "section 1 3:1-3:7 一、总体情况" in out and "rows=" in out
