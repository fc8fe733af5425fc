"""Hostile and odd inputs never cost a user their results, their files or their terminal (issue 13).

Every test here runs the real command on real files: a directory holding each hostile file
beside good reports, FIFOs, devices, sparse files, names that are not UTF-8."""

from __future__ import annotations

import json
import re
import os
import resource
import sys
import time
from xml.etree import ElementTree

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from giarlint_run import run
from hostile_files import GOOD, SEED_000, TEXT_CELL, make_hostile_dir, seed_with_cell

FORMATS = ("concise", "full", "json", "json-lines", "sarif", "github", "gitlab", "junit")


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("hostile")
    make_hostile_dir(directory)
    return directory


@pytest.fixture(scope="module")
def good_findings(hostile_dir):
    """(path, line, column, code) of each good report, checked alone."""
    found = {}
    for name in GOOD:
        process = run("check", "--output-format", "json", f"./{name}", cwd=hostile_dir)
        assert process.returncode == 1, process.stderr
        found[name] = [(d["path"], d["line"], d["column"], d["code"]) for d in json.loads(process.stdout)]
        assert found[name]
    return found


def _printed(output_format: str, out: str) -> set[tuple[str, int, int, str]]:
    """(path, line, column, code) of every finding an output holds; parsing it proves it well-formed."""
    if output_format == "json":
        return {(d["path"], d["line"], d["column"], d["code"]) for d in json.loads(out)}
    if output_format == "json-lines":
        return {(d["path"], d["line"], d["column"], d["code"]) for d in map(json.loads, out.splitlines())}
    if output_format == "sarif":
        found = set()
        for result in json.loads(out)["runs"][0]["results"]:
            location = result["locations"][0]["physicalLocation"]
            region = location["region"]
            found.add((location["artifactLocation"]["uri"], region["startLine"], region["startColumn"], result["ruleId"]))
        return found
    if output_format == "gitlab":
        return {(i["location"]["path"], i["location"]["lines"]["begin"], 0, i["check_name"]) for i in json.loads(out)}
    if output_format == "junit":
        root = ElementTree.fromstring(out.encode("utf-8"))
        found = set()
        for failure in root.iter("failure"):
            where, code = failure.text.split(": ")[0], failure.get("type")
            path, line, column = where.rsplit(":", 2)
            found.add((path, int(line), int(column), code))
        return found
    raise AssertionError(output_format)


def _expected(output_format: str, finding) -> tuple:
    path, line, column, code = finding
    if output_format == "gitlab":
        return path, line, 0, code
    return finding


@pytest.mark.parametrize("output_format", FORMATS)
def test_hostile_files_beside_good_reports_keep_every_good_finding(hostile_dir, good_findings, output_format):
    start = time.monotonic()
    process = run("check", "--output-format", output_format, ".", cwd=hostile_dir)
    assert time.monotonic() - start < 120
    assert process.returncode == 1, process.stderr
    assert "internal error" not in process.stderr and "Traceback" not in process.stderr
    assert "\x1b" not in process.stdout and "\x07" not in process.stdout and "\x9b" not in process.stdout
    if output_format in ("concise", "full", "github"):
        for findings in good_findings.values():
            for path, line, column, code in findings:
                shown = (f"file={path},line={line},col={column}," if output_format == "github"
                         else f"{path}:{line}:{column}: {code} ")
                assert shown in process.stdout, (output_format, shown)
        assert "name-\\udcff.txt" in process.stdout  # the name that is not UTF-8, escaped
        return
    printed = _printed(output_format, process.stdout)
    for findings in good_findings.values():
        for finding in findings:
            assert _expected(output_format, finding) in printed, (output_format, finding)
    names = {path for path, *_ in printed}
    escaped = {"sarif": "./name-%FF.txt", "junit": "./name-\\udcff.txt"}  # XML cannot hold a surrogate
    assert escaped.get(output_format, "./name-\udcff.txt") in names


def test_special_files_are_skipped_with_a_note(hostile_dir):
    process = run("check", "--select", "GIA001", ".", cwd=hostile_dir)
    assert "./fifo.txt: skipped: not a regular file (FIFO)" in process.stderr
    assert "./zero.txt: skipped: not a regular file (character device)" in process.stderr
    assert "fifo.txt" not in process.stdout and "zero.txt" not in process.stdout


@pytest.mark.parametrize("how", ["named", "walked", "symlink"])
def test_a_fifo_never_hangs_the_run(tmp_path, how):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "report.txt").write_bytes(SEED_000.read_bytes())
    if how == "symlink":
        os.symlink(tmp_path / "pipe.txt", tmp_path / "link.txt")
    target = {"named": "pipe.txt", "walked": ".", "symlink": "link.txt"}[how]
    start = time.monotonic()
    process = run("check", target, "report.txt", cwd=tmp_path)
    assert time.monotonic() - start < 60
    assert process.returncode == 1 and "report.txt:16:8: GIA205" in process.stdout
    assert "skipped: not a regular file (FIFO)" in process.stderr


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def test_dev_zero_and_a_4_gib_sparse_file_are_not_read_whole(tmp_path):
    os.symlink("/dev/zero", tmp_path / "zero.txt")
    with open(tmp_path / "sparse.txt", "wb") as handle:
        handle.truncate(4 << 30)
    import subprocess

    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "GIARLINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    for name in ("zero.txt", "sparse.txt"):
        start = time.monotonic()
        process = subprocess.run([sys.executable, "-m", "giarlint", "check", name], cwd=tmp_path, env=env,
                                 capture_output=True, text=True, timeout=120, preexec_fn=_limit_memory)
        assert time.monotonic() - start < 30, name
        assert "internal error" not in process.stderr, name
        if name == "sparse.txt":
            assert process.returncode == 1 and "GIA001" in process.stdout and "4096.0 MB" in process.stdout
        else:
            assert process.returncode == 0 and "not a regular file (character device)" in process.stderr


def test_reading_stops_at_the_cap_even_if_the_file_grows():
    from giarlint.files import TooLarge, read_stream

    class Endless:  # a file that keeps growing while it is read
        read_bytes = 0

        def read(self, size):
            self.read_bytes += size
            return b"0" * size

    stream = Endless()
    with pytest.raises(TooLarge):
        read_stream(stream, limit=10 * 1024 * 1024)
    assert stream.read_bytes == 10 * 1024 * 1024 + 1


def test_standard_input_is_capped_too():
    process = run("check", "-", stdin=b"0" * (17 * 1024 * 1024))
    assert process.returncode == 1 and "GIA001" in process.stdout and "16 MB" in process.stdout


def test_an_unreadable_directory_is_gia001(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "report.txt").write_bytes(SEED_000.read_bytes())
    (tmp_path / "report.txt").write_bytes(SEED_000.read_bytes())
    locked.chmod(0)
    os.chmod(tmp_path, 0o755)
    try:
        if os.geteuid() == 0:  # root reads everything: check as an ordinary user
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        else:
            command = []
        import subprocess

        env = {**os.environ, "PYTHONIOENCODING": "utf-8", "GIARLINT_DISABLE_PLUGIN_AUTOLOAD": "1",
               "GIARLINT_CACHE_DIR": str(tmp_path / "cache")}
        os.makedirs(tmp_path / "cache", mode=0o777)
        os.chmod(tmp_path / "cache", 0o777)
        process = subprocess.run([*command, sys.executable, "-m", "giarlint", "check", "."], cwd=tmp_path,
                                 env=env, capture_output=True, text=True, timeout=120)
    finally:
        locked.chmod(0o755)
    assert process.returncode == 1, process.stderr
    assert "./locked:1:1: GIA001" in process.stdout and "Permission denied" in process.stdout
    assert "./report.txt:16:8: GIA205" in process.stdout


def test_each_file_is_checked_once_however_it_is_named(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "x.txt").write_bytes(SEED_000.read_bytes())
    os.symlink("x.txt", tmp_path / "link.txt")
    names = ["x.txt", "./x.txt", "a/../x.txt", str(tmp_path / "x.txt"), "link.txt", "."]
    process = run("check", *names, cwd=tmp_path)
    assert process.returncode == 1
    assert [line.split(" ", 2)[:2] for line in process.stdout.splitlines()] == [["x.txt:16:8:", "GIA205"]]


def test_full_output_shows_a_window_of_a_long_line(tmp_path):
    paragraph = "我们" * 300 + "製度" + "我们" * 700  # a 2,002-character line, the finding 600 characters in
    (tmp_path / "r.txt").write_text(SEED_000.read_text(encoding="utf-8") + "\n" + paragraph + "\n", encoding="utf-8")
    process = run("check", "--output-format", "full", "--select", "GIA501", "r.txt", cwd=tmp_path)
    lines = process.stdout.splitlines()
    assert lines[0].endswith(":601: GIA501 繁体字转换错误：“製度”应为“制度”")
    gutter = lines[2].index("|") + 2
    shown, carets = lines[2][gutter:], lines[3][gutter:]
    from giarlint.snippets import display_width

    assert shown.startswith("…") and shown.endswith("…") and display_width(shown) <= 122
    column = carets.index("^")
    assert carets[column:] == "^^^^"
    width, above = 0, ""
    for char in shown:  # the characters standing above the carets
        if column <= width < column + 4:
            above += char
        width += display_width(char)
    assert above == "製度"
    assert 30 <= column <= 42  # some text before it, most of the window after


def test_full_output_is_not_amplified_by_a_long_line(tmp_path):
    """2,000 findings on one 18,000-character line: each shows a bounded window, not the line
    (the whole line each time printed 144 MB)."""
    text = SEED_000.read_text(encoding="utf-8") + "\n" + "我们认真落实製度，" * 2000 + "\n"
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    concise = run("check", "r.txt", cwd=tmp_path)
    full = run("check", "--output-format", "full", "r.txt", cwd=tmp_path)
    assert concise.stdout.count(" GIA501 ") == full.stdout.count(" GIA501 ") == 2000
    assert max(len(line) for line in full.stdout.splitlines()) < 300
    assert len(full.stdout) < 10 * len(concise.stdout)


def test_terminal_escapes_in_report_text_are_shown_escaped(tmp_path):
    (tmp_path / "r.txt").write_text(seed_with_cell("\x1b]0;pwned\x07\x1b[2J\u202eabc"), encoding="utf-8")
    for output_format in ("concise", "full", "github"):
        process = run("check", "--output-format", output_format, "r.txt", cwd=tmp_path)
        assert "\x1b" not in process.stdout and "\x07" not in process.stdout and "\u202e" not in process.stdout
        assert "\\x1b]0;pwned\\x07\\x1b[2J\\u202eabc" in process.stdout, output_format
    process = run("check", "--output-format", "json", "r.txt", cwd=tmp_path)  # JSON carries the text, escaped
    assert "\x1b" not in process.stdout and "\\u001b]0;pwned\\u0007" in process.stdout
    assert any("\x1b]0;pwned\x07" in d["message"] for d in json.loads(process.stdout))
    process = run("check", "--output-format", "sarif", "r.txt", cwd=tmp_path)
    assert "\x1b" not in process.stdout and "\\u001b]0;pwned\\u0007" in process.stdout


def test_json_lines_read_line_by_line_whatever_the_report_holds(tmp_path):
    """U+2028, U+2029 and NEL in report text are valid raw in JSON, but `str.splitlines` and other
    line-based readers end a line there: JSON Lines output carries them escaped (the fuzz run's
    command part found a line cut in two by a U+2028 in a title)."""
    (tmp_path / "r.txt").write_text(seed_with_cell("a\u2028b\u2029c\x85d"), encoding="utf-8")
    process = run("check", "--output-format", "json-lines", "r.txt", cwd=tmp_path)
    assert process.returncode == 1, process.stderr
    records = [json.loads(line) for line in process.stdout.splitlines()]
    assert len(records) == process.stdout.count("\n")
    assert any("a\u2028b\u2029c\x85d" in record["message"] for record in records)
    assert "\\u2028" in process.stdout and "\u2028" not in process.stdout


def test_junit_output_stays_well_formed_with_characters_xml_forbids(tmp_path):
    (tmp_path / "r.txt").write_text(seed_with_cell("\ufffe\x01\x0bx"), encoding="utf-8")
    process = run("check", "--output-format", "junit", "r.txt", cwd=tmp_path)
    failure = next(ElementTree.fromstring(process.stdout.encode()).iter("failure"))
    assert "\\ufffe\\x01\\x0bx" in failure.get("message")


def test_a_cell_of_thousands_of_digits_is_text(tmp_path):
    (tmp_path / "r.txt").write_text(seed_with_cell("9" * 5000), encoding="utf-8")
    process = run("check", "--output-format", "json", "r.txt", cwd=tmp_path)
    assert process.returncode == 1, process.stderr
    assert ("r.txt", 16, "GIA205") in {(d["path"], d["line"], d["code"]) for d in json.loads(process.stdout)}


@pytest.mark.parametrize("cell", ["1" * 29 + ".5", "0." + "1" * 28, "1" * 400 + ".5", "123456789012345678.5"])
def test_extract_never_emits_a_wrong_or_infinite_number(tmp_path, cell):
    (tmp_path / "r.txt").write_text(seed_with_cell(cell), encoding="utf-8")
    process = run("extract", "r.txt", cwd=tmp_path)

    def refuse(constant):
        raise AssertionError(f"not JSON: {constant}")

    record = json.loads(process.stdout, parse_constant=refuse)[0]
    value = record["tables"]["table2"]["licensing"]["decisions"]
    assert value == cell  # more digits than a float holds exactly: the cell is text, not a rounded number


def test_write_baseline_refuses_an_input_and_keeps_it(tmp_path):
    report = tmp_path / "report.txt"
    report.write_bytes(SEED_000.read_bytes())
    for target in ("report.txt", "./report.txt", str(report)):
        for paths in (["report.txt"], ["."]):
            process = run("check", *paths, "--write-baseline", target, cwd=tmp_path)
            assert process.returncode == 2 and "refusing to write" in process.stderr, (target, paths)
            assert report.read_bytes() == SEED_000.read_bytes()
    process = run("check", ".", "--write-baseline", "baseline.json", cwd=tmp_path)
    assert process.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json", "report.txt"]  # no temporary left
    assert json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))["findings"]


def test_write_baseline_of_a_name_that_is_not_utf8(tmp_path):
    name = os.fsdecode(b"r\xff.txt")
    (tmp_path / name).write_bytes(SEED_000.read_bytes())
    assert run("check", ".", "--write-baseline", "b.json", cwd=tmp_path).returncode == 0
    process = run("check", ".", "--baseline", "b.json", cwd=tmp_path)
    assert process.returncode == 0 and "stale" not in process.stderr


def test_convert_never_writes_over_an_input(tmp_path):
    report = tmp_path / "report.md"
    data = SEED_000.read_text(encoding="utf-8").encode("gb18030")
    report.write_bytes(data)
    for out in (".", str(tmp_path)):
        process = run("convert", "report.md", "-o", out, cwd=tmp_path)
        assert process.returncode == 2 and "refusing to write" in process.stderr
        assert report.read_bytes() == data
    (tmp_path / "report.html").write_bytes(b"<p>x</p>")
    process = run("convert", "report.html", "report.md", "-o", ".", cwd=tmp_path)  # report.html -> report.md
    assert process.returncode == 2 and report.read_bytes() == data


def test_convert_keeps_relative_paths_so_two_inputs_never_collide(tmp_path):
    from seed_renderings import rendered

    for name, suffix in (("a/report.html", ".html"), ("b/report.docx", ".docx")):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(rendered(SEED_000.name, suffix))
    process = run("convert", "a/report.html", "b/report.docx", "-o", "out", cwd=tmp_path)
    assert process.returncode == 0, process.stderr
    assert sorted(str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*.md")) == [
        "a/report.md", "b/report.md"]
    (tmp_path / "a/report.docx").write_bytes(rendered(SEED_000.name, ".docx"))
    process = run("convert", "a/report.html", "a/report.docx", "-o", "out2", cwd=tmp_path)
    assert process.returncode == 2 and "twice" in process.stderr
    assert not (tmp_path / "out2").exists()  # refused before anything was written


def _blanked_table3() -> str:
    """Seed 000 with every 0 of its wide rows (tables 三 and 四) left blank."""
    lines = SEED_000.read_text(encoding="utf-8").split("\n")
    return "\n".join(line.replace("| 0 ", "|  ") if line.count("|") > 6 else line for line in lines)


def test_blank_cells_are_reported_once_per_table_and_each_is_marked_in_extract(tmp_path):
    (tmp_path / "r.txt").write_text(_blanked_table3(), encoding="utf-8")
    found = json.loads(run("check", "--output-format", "json", "r.txt", cwd=tmp_path).stdout)
    blank = [d for d in found if d["code"] == "GIA209"]
    assert len(blank) == 1  # one for the table, not one a row nor one a cell
    message = blank[0]["message"]
    assert message.startswith("表三一、本年新收·商业企业、科研机构、社会公益组织、法律服务机构、其他组织等 ")
    rows, cells = (int(n) for n in re.match(r".*等 (\d+) 行共 (\d+) 格为空", message).groups())
    record = json.loads(run("extract", "r.txt", cwd=tmp_path).stdout)[0]
    table3 = record["tables"]["table3"]
    assert rows == sum(None in row.values() for row in table3.values()) >= 10
    assert cells == sum(value is None for row in table3.values() for value in row.values()) > rows
    new = record["tables"]["table3"]["new_received"]
    assert [column for column, value in new.items() if value is None] == [
        "commercial", "research", "social_welfare", "legal_service", "other_org"]


@settings(max_examples=8, deadline=None)
@given(st.integers(min_value=300, max_value=1500), st.sampled_from(["table4", "full"]))
def test_time_grows_linearly_with_blank_cells_and_long_lines(count, what):
    """Eight times the input may cost at most ~3 × 8 times the CPU time (noise allowed for): table
    四 with thousands of blank cells, and `full` output of findings on one long line."""
    from giarlint.formatters import FormatContext
    from giarlint.formatters.text import full
    from giarlint.linter import Linter
    from giarlint.plugins import build_registry
    from giarlint.snippets import Sources

    linter = Linter(build_registry(load_plugins=False))
    seed = SEED_000.read_text(encoding="utf-8")

    def cost(n: int) -> float:
        if what == "table4":
            text = seed.replace("0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "0 | " + "| " * n + "0 |")
            work = lambda: linter.lint_text("x.txt", text)  # noqa: E731
        else:
            text = seed + "\n" + "我们认真落实製度，" * n + "\n"
            found = linter.lint_text("x.txt", text)
            sources = Sources()
            sources.add("x.txt", text)
            work = lambda: full(found, FormatContext({}, sources, ["x.txt"]))  # noqa: E731
        best = float("inf")
        for _ in range(2):
            start = time.process_time()
            work()
            best = min(best, time.process_time() - start)
        return best

    small, large = cost(count), cost(count * 8)
    assert large < 8 * 3 * max(small, 0.02), (what, count, small, large)
