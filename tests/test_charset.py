"""A web page's charset declaration: followed when true, overruled when it is a lie (the declared
codec yields mojibake and the bytes are valid UTF-8 or GB18030), ignored with a note when it names
a codec that is not a text encoding (issue 14, item 6)."""

from __future__ import annotations

import subprocess

import pytest
from seed_renderings import SEEDS, html_page, seed_report

from giarlint.readers.charset import common_share, declared_reading
from giarlint.readers.htmlpage import read_text
from giarlint_run import run

SEED_000 = SEEDS / "000_074461f2da15a71b.txt"


def iconv(data: bytes, to: str) -> bytes:
    """The page re-encoded by iconv, as a site that converts its files but not their declarations."""
    return subprocess.run(["iconv", "-f", "UTF-8", "-t", to], input=data, capture_output=True, check=True).stdout


@pytest.fixture(scope="module")
def honest(tmp_path_factory):
    """The page in UTF-8 declaring UTF-8, and what giarlint reports on it."""
    directory = tmp_path_factory.mktemp("honest")
    page = directory / "report.html"
    page.write_bytes(html_page(seed_report(SEED_000), charset="utf-8"))
    process = run("check", "--isolated", page)
    assert process.returncode == 1 and "GIA002" not in process.stdout
    return page, process.stdout.replace(str(page), "PAGE")


def _check(tmp_path, data: bytes):
    page = tmp_path / "report.html"
    page.write_bytes(data)
    process = run("check", "--isolated", page)
    assert "Traceback" not in process.stderr and "internal error" not in process.stderr
    return process.stdout.replace(str(page), "PAGE"), process.stderr


def _declaring(page: bytes, charset: str) -> bytes:
    return page.replace(b'charset="utf-8"', f'charset="{charset}"'.encode(), 1).replace(
        b"charset=utf-8", f"charset={charset}".encode(), 1)


@pytest.mark.parametrize("declared, encoding, truth", [
    ("iso-8859-1", "UTF-8", "UTF-8"),  # the CMS template's default on a UTF-8 page
    ("iso-8859-15", "UTF-8", "UTF-8"),
    ("macintosh", "GBK", "GB18030"),
    ("iso-8859-1", "GBK", "GB18030"),  # a GBK page whose template still says Latin-1
    ("koi8-r", "GB18030", "GB18030"),
])
def test_a_lying_declaration_is_overruled(tmp_path, honest, declared, encoding, truth):
    page, expected = honest
    data = iconv(_declaring(page.read_bytes(), declared), encoding)
    assert declared.encode() in data[:4096]
    as_declared = data.decode(declared)  # decodes without error: the garbage the page used to be read as
    assert common_share(as_declared) == 0.0
    out, err = _check(tmp_path, data)
    assert out == expected
    assert f"declares charset {declared!r}, but its bytes read as Chinese only as {truth}" in err


@pytest.mark.parametrize("declared", ["utf-8", "gb2312", "gbk", "big5"])
def test_a_declaration_that_fails_to_decode_falls_back_to_detection(tmp_path, honest, declared):
    page, expected = honest
    data = iconv(_declaring(page.read_bytes(), "utf-8" if declared != "utf-8" else "gbk"),
                 "GBK" if declared == "utf-8" else "UTF-8")
    out, err = _check(tmp_path, _declaring(data, declared) if declared != "utf-8" else data)
    assert out == expected and "note" not in err


@pytest.mark.parametrize("declared", ["rot13", "utf-7", "base64", "hz-gb-2312", "x-no-such-charset"])
def test_a_declaration_naming_no_text_encoding_is_ignored_with_a_note(tmp_path, honest, declared):
    page, expected = honest
    out, err = _check(tmp_path, _declaring(page.read_bytes(), declared))
    assert out == expected
    assert f"declares charset {declared!r}, which is not a text encoding giarlint reads; the declaration is ignored" in err
    quiet = run("check", "--isolated", "-q", tmp_path / "report.html")
    assert "note" not in quiet.stderr


def test_utf16_declared_without_a_bom_is_read_as_utf8(tmp_path, honest):
    page, expected = honest
    out, _ = _check(tmp_path, _declaring(page.read_bytes(), "utf-16"))
    assert out == expected


def test_true_declarations_are_followed_without_a_note():
    report = html_page(seed_report(SEED_000), charset="utf-8")
    for charset, encoding in (("gbk", "GBK"), ("gb18030", "GB18030"), ("gb2312", "GB18030"), ("utf-8", "UTF-8")):
        reading = read_text(iconv(_declaring(report, charset), encoding), None)
        assert reading.note is None and "总体情况" in reading.text


def test_a_real_latin1_page_is_not_overruled():
    text = "<meta charset='iso-8859-1'><p>Le café, l'été, déjà vu, naïve façade; " * 20 + "</p>"
    reading = declared_reading(text.encode("iso-8859-1"), "iso-8859-1")
    assert reading.note is None and reading.text == text
