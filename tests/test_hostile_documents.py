"""Hostile documents (issue 13 item 9, issue 14 item 6's HTML part): each is GIA001 — or, for
markup that is merely odd, a readable page — within bounded time and memory, and no file outside
the input is ever read. Each runs the real command under a 1 GiB address-space limit."""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import time
import zipfile
import zlib

import pytest
from hostile_files import SEED_000
from seed_renderings import rendered

MEMORY_LIMIT = 1 << 30  # a check of a real Word or PDF report needs about 0.8 GiB of address space
TIME_LIMIT = 60  # seconds of wall time for one hostile file (a real report takes about 1 s)


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def check(path) -> tuple[list[dict], float]:
    """The JSON findings of ``giarlint check PATH`` under the memory limit, and the seconds it took."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "GIARLINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    start = time.monotonic()
    process = subprocess.run([sys.executable, "-m", "giarlint", "check", "--output-format", "json", str(path)],
                             env=env, capture_output=True, text=True, timeout=TIME_LIMIT * 3, preexec_fn=_limit_memory)
    spent = time.monotonic() - start
    assert process.returncode in (0, 1), process.stderr
    assert "internal error" not in process.stderr and "Traceback" not in process.stderr
    return json.loads(process.stdout), spent


def _docx_with(parts: dict[str, bytes]) -> bytes:
    """The seed's Word file with some parts replaced or added."""
    original = zipfile.ZipFile(io.BytesIO(rendered(SEED_000.name, ".docx")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for item in original.infolist():
            package.writestr(item, parts.pop(item.filename, None) or original.read(item))
        for name, data in parts.items():
            package.writestr(name, data)
    return out.getvalue()


def _document_xml_with_dtd(dtd: str, entity: str) -> bytes:
    original = zipfile.ZipFile(io.BytesIO(rendered(SEED_000.name, ".docx"))).read("word/document.xml").decode()
    declaration, rest = original.split("?>", 1)
    rest = rest.replace("企业类674件", f"&{entity};", 1)
    return f"{declaration}?>\n<!DOCTYPE w:document [{dtd}]>{rest}".encode()


LAUGHS = "".join(
    f'<!ENTITY l{n} "{("&l%d;" % (n - 1)) * 10 if n else "lol"}">' for n in range(10)
)


@pytest.mark.parametrize("kind", ["entity bomb", "external entity"])
def test_word_file_with_a_dtd_is_gia001(tmp_path, kind):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    if kind == "entity bomb":
        xml = _document_xml_with_dtd(LAUGHS, "l9")
    else:
        xml = _document_xml_with_dtd(f'<!ENTITY e SYSTEM "file://{secret}">', "e")
    path = tmp_path / "report.docx"
    path.write_bytes(_docx_with({"word/document.xml": xml}))
    found, spent = check(path)
    assert [d["code"] for d in found] == ["GIA001"] and "DTD" in found[0]["message"]
    assert spent < TIME_LIMIT
    assert "TOP-SECRET" not in json.dumps(found) and "lol" not in json.dumps(found)


def test_word_zip_bomb_is_gia001(tmp_path):
    """A part of 300 MB of zeros (300 KB compressed): refused from the sizes the zip declares."""
    path = tmp_path / "report.docx"
    path.write_bytes(_docx_with({}))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package, package.open("word/media/bomb.bin", "w") as part:
        chunk = bytes(1 << 20)
        for _ in range(300):
            part.write(chunk)
    assert path.stat().st_size < 2 << 20
    found, spent = check(path)
    assert [d["code"] for d in found] == ["GIA001"] and "zip bomb" in found[0]["message"]
    assert spent < TIME_LIMIT


def _pdf(content: bytes, extra: bytes = b"") -> bytes:
    """A one-page PDF whose content stream is `content` (Flate-compressed), written by hand."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref) + extra)
    return out.getvalue()


def test_pdf_stream_bomb_is_gia001(tmp_path):
    """A content stream of 1 KB inflating to 2 GiB: refused before pdfminer inflates it."""
    compressor = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    content = b"".join(compressor.compress(chunk) for _ in range(2048)) + compressor.flush()
    path = tmp_path / "report.pdf"
    path.write_bytes(_pdf(content))
    found, spent = check(path)
    assert [d["code"] for d in found] == ["GIA001"] and "stream bomb" in found[0]["message"]
    assert spent < TIME_LIMIT


def test_encrypted_pdf_is_gia001(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "report.pdf"
    page = canvas.Canvas(str(path), pagesize=A4, encrypt="a-password")
    page.drawString(72, 800, "2022 annual report")
    page.save()
    found, spent = check(path)
    assert [d["code"] for d in found] == ["GIA001"] and spent < TIME_LIMIT


@pytest.mark.parametrize("fraction", [0.0, 0.1, 0.5, 0.9])
def test_truncated_pdf_is_gia001_or_read_as_far_as_it_goes(tmp_path, fraction):
    data = rendered(SEED_000.name, ".pdf")
    path = tmp_path / "report.pdf"
    path.write_bytes(data[: int(len(data) * fraction)])
    found, spent = check(path)
    assert spent < TIME_LIMIT
    assert found and (found[0]["code"] == "GIA001" or all(d["code"] != "GIA001" for d in found))
    if fraction < 0.5:
        assert [d["code"] for d in found] == ["GIA001"]


@pytest.mark.parametrize("markup", ["</", "<!--", '<a b="', "<![CDATA[", "<", "</a"])
def test_four_mb_of_broken_markup_is_read_in_linear_time(tmp_path, markup):
    """html.parser searched to the end of the page for each of these (4 MB of ``</``: minutes)."""
    from giarlint.readers.htmlpage import convert_page

    small, large = markup * (256 * 1024 // len(markup)), markup * (4 * 1024 * 1024 // len(markup))
    timings = []
    for page in (small, large):
        start = time.process_time()
        convert_page(page)
        timings.append(time.process_time() - start)
    assert timings[1] < 20  # CPU seconds for 4 MB
    assert timings[1] < 16 * 3 * max(timings[0], 0.05)  # 16 times the input: at most ~3 × 16 times the time
    path = tmp_path / "page.html"
    path.write_text("<html><body>" + large, encoding="utf-8")
    found, spent = check(path)
    assert spent < TIME_LIMIT and [d["code"] for d in found] in (["GIA002"], ["GIA001"])


def test_a_thousand_unclosed_nested_elements_are_read(tmp_path):
    page = SEED_000.read_text(encoding="utf-8").replace("\n", "<br>\n")
    path = tmp_path / "page.html"
    path.write_text("<html><body>" + "<div>" * 1000 + page, encoding="utf-8")
    found, _ = check(path)
    assert "GIA001" not in {d["code"] for d in found} and "GIA002" not in {d["code"] for d in found}


def test_a_lt_sign_in_text_stays_text():
    from giarlint.readers.htmlpage import convert_page

    assert convert_page("<p>收到 a < b 件</p><p>x<</p><p>末尾 <").text.split("\n")[:3] == ["收到 a < b 件", "", "x<"]
