"""Any input yields diagnostics, never an exception: bytes, encodings, line endings, sizes."""

from __future__ import annotations

import subprocess
import sys
import time

from conftest import seed_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

REPORT_ALPHABET = st.sampled_from(list("一二三四五六、（）()|｜\t\n\r 0123456789.总计本年新收予以公开第二十条项行政复议诉讼年月日/-—无"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(linter, data):
    for diagnostic in linter.lint_bytes("x.txt", data):
        assert diagnostic.line >= 1 and diagnostic.column >= 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(REPORT_ALPHABET, max_size=1500) | st.text(max_size=1500))
def test_arbitrary_text_never_raises(linter, text):
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for diagnostic in linter.lint_text("x.txt", text):
        assert 1 <= diagnostic.line <= len(lines) + 1


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(REPORT_ALPHABET, min_size=20, max_size=200))
def test_time_grows_linearly(linter, chunk):
    """16 times the input may take at most ~3 times 16 times as long (allowing for noise)."""
    def cost(text: str) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            linter.lint_text("x.txt", text)
            best = min(best, time.process_time() - start)
        return best

    small, large = cost(chunk * 40), cost(chunk * 640)
    assert large <= 48 * small + 0.05


def _cpu(function) -> float:
    """The least CPU time of three runs: a shared machine adds to a run, never takes away."""
    times = []
    for _ in range(3):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return min(times)


def test_seed_built_into_a_large_report_is_linear(linter):
    base = seed_text("001")
    one = _cpu(lambda: linter.lint_text("x.txt", base))
    many = _cpu(lambda: linter.lint_text("x.txt", base * 32))
    assert many <= 32 * 4 * one + 0.2


def test_empty_file_is_gia002(linter):
    assert [(d.code, d.line, d.column) for d in linter.lint_bytes("e.txt", b"")] == [("GIA002", 1, 1)]


def test_binary_file_is_gia001_naming_the_encodings(linter):
    found = linter.lint_bytes("b.txt", bytes(range(256)) * 8)
    assert [d.code for d in found] == ["GIA001"]
    assert "utf-8" in found[0].message and "gb18030" in found[0].message


def test_undecodable_bytes_are_gia001(linter):
    assert [d.code for d in linter.lint_bytes("b.txt", b"\xff\xfe\xfd abc \x81")] == ["GIA001"]


def test_too_large_file_is_a_diagnostic_not_a_hang(linter):
    found = linter.lint_bytes("big.txt", b"0" * (17 * 1024 * 1024))
    assert [d.code for d in found] == ["GIA001"] and "MB" in found[0].message


def test_unreadable_path_is_gia001(linter, tmp_path):
    found = linter.lint_file(str(tmp_path / "missing.txt"))
    assert [d.code for d in found] == ["GIA001"]


def test_gbk_copy_of_a_seed_gives_the_same_diagnostics(linter):
    text = seed_text("000")
    utf8 = linter.lint_bytes("s.txt", text.encode("utf-8"))
    gbk = linter.lint_bytes("s.txt", text.encode("gbk"))
    assert utf8 == gbk and utf8


def test_bom_and_line_endings_keep_positions(linter):
    text = seed_text("004")
    plain = [(d.code, d.line, d.column) for d in linter.lint_bytes("s.txt", text.encode())]
    assert plain
    for variant in (
        b"\xef\xbb\xbf" + text.encode(),
        text.replace("\n", "\r\n").encode(),
        text.replace("\n", "\r").encode(),
        text.encode("utf-16"),
    ):
        assert [(d.code, d.line, d.column) for d in linter.lint_bytes("s.txt", variant)] == plain


def test_encoding_override(linter):
    data = seed_text("000").encode("gbk")
    assert [d.code for d in linter.lint_bytes("s.txt", data)] == ["GIA205"]
    from giarlint.linter import Linter
    from giarlint.settings import Settings

    forced = Linter(linter.registry, Settings(encoding="utf-8")).lint_bytes("s.txt", data)
    assert [d.code for d in forced] == ["GIA001"]


def test_half_finished_report_gets_diagnostics_not_a_crash(linter):
    text = seed_text("000")
    half = text[: len(text) // 2]
    codes = {d.code for d in linter.lint_text("half.txt", half)}
    assert "GIA103" in codes


def test_cli_on_binary_file_prints_no_traceback(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(bytes(range(256)) * 64)
    out = subprocess.run([sys.executable, "-m", "giarlint", "check", str(path)], capture_output=True)
    assert out.returncode == 1 and b"Traceback" not in out.stderr and b"GIA001" in out.stdout


def _hostile_tables() -> dict[str, str]:
    seed = seed_text("000")
    return {
        "50,000 blank cells in table 四": seed.replace(
            "0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "0 | " + "| " * 50000 + "0 |"),
        "a label repeated 20,000 times": seed.replace("2.重复申请 |", "2.重复申请 | 0 |\n" * 20000 + "2.重复申请 |"),
        "20,000 words where a misspelt label is looked for": seed.replace(
            "(一)予以公开 |", "(一)予公开 |\n" + "某某某某某某 |\n" * 20000),
        "300 digits run together": seed.replace("3.其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | ||", "3.其他1" + "0" * 300),
    }


def test_hostile_tables_are_read_in_bounded_time(linter):
    for name, text in _hostile_tables().items():
        start = time.process_time()
        found = linter.lint_text("x.txt", text)
        assert time.process_time() - start < 5, name
        assert sum(d.code == "GIA003" for d in found) <= 3, name
