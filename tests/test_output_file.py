"""``giarlint check --output-file``: the output goes to the file, written atomically, never
over one of the reports being checked."""

from __future__ import annotations

import os

from giarlint_run import SEEDS, SEEDS_DIR, run


def test_output_file_holds_what_stdout_would(tmp_path):
    for fmt in ("concise", "json", "sarif"):
        target = tmp_path / f"out.{fmt}"
        to_stdout = run("check", "--output-format", fmt, SEEDS_DIR)
        to_file = run("check", "--output-format", fmt, "--output-file", target, SEEDS_DIR)
        assert to_file.returncode == to_stdout.returncode == 1
        assert to_file.stdout == ""
        assert target.read_text(encoding="utf-8") == to_stdout.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.concise", "out.json", "out.sarif"]  # no temp file left


def test_output_file_replaces_an_older_output(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")
    os.chmod(target, 0o640)
    assert run("check", "-o", target, SEEDS[1]).returncode == 1
    assert target.read_text(encoding="utf-8").startswith(str(SEEDS[1]))
    assert os.stat(target).st_mode & 0o777 == 0o640


def test_output_file_refuses_a_checked_report(tmp_path):
    report = tmp_path / "report.txt"
    report.write_bytes(SEEDS[0].read_bytes())
    for name in (report, tmp_path / "." / "report.txt"):
        process = run("check", "--output-file", name, tmp_path)
        assert process.returncode == 2
        assert "one of the checked files" in process.stderr
    assert report.read_bytes() == SEEDS[0].read_bytes()


def test_output_file_in_a_missing_directory_is_a_usage_error(tmp_path):
    process = run("check", "--output-file", tmp_path / "no" / "out.txt", SEEDS[0])
    assert process.returncode == 2
    assert "cannot write" in process.stderr and "Traceback" not in process.stderr
