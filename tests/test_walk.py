"""Which files a directory walk picks: text and Markdown, and what the reader plugins read."""

from __future__ import annotations

import types

import pytest
from giarlint_run import SEED_000, main

from giarlint.commands.common import REPORT_SUFFIXES, iter_paths, walked_suffixes
from giarlint.hookspecs import hookimpl
from giarlint.plugins import PluginError, build_registry


def test_builtin_readers_add_their_suffixes():
    suffixes = walked_suffixes(build_registry(load_plugins=False))
    assert suffixes[:3] == (".txt", ".md", ".markdown") == REPORT_SUFFIXES
    assert set(suffixes[3:]) == {".html", ".htm", ".shtml", ".xhtml", ".docx", ".pdf"}


def test_walk_picks_text_markdown_and_reader_files_in_any_case(tmp_path):
    for name in ("a.txt", "b.md", "c.markdown", "d.HTML", "sub/e.docx", "sub/f.pdf", "g.csv", "h.doc", "notes"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    suffixes = walked_suffixes(build_registry(load_plugins=False))
    found = [path.removeprefix(str(tmp_path) + "/") for path in iter_paths([str(tmp_path)], suffixes=suffixes)]
    assert found == ["a.txt", "b.md", "c.markdown", "d.HTML", "sub/e.docx", "sub/f.pdf"]
    assert [p.rsplit("/", 1)[1] for p in iter_paths([str(tmp_path)])] == ["a.txt", "b.md", "c.markdown"]


def test_a_plugin_suffix_is_walked_and_a_bad_answer_names_the_plugin():
    registry = build_registry(load_plugins=False)
    good = types.SimpleNamespace(giarlint_source_suffixes=hookimpl(lambda: [".ODT"]))
    registry.manager.register(good, name="odt-reader")
    assert walked_suffixes(registry)[-1] == ".odt"
    bad = types.SimpleNamespace(giarlint_source_suffixes=hookimpl(lambda: "odt"))
    registry.manager.register(bad, name="bad-reader")
    with pytest.raises(PluginError, match="bad-reader"):
        walked_suffixes(registry)


def test_check_walks_a_markdown_file(tmp_path, capsys):
    (tmp_path / "report.markdown").write_text(SEED_000.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = main(capsys, "check", "--isolated", str(tmp_path))
    assert code == 1 and out.startswith(f"{tmp_path}/report.markdown:16:8: GIA205 ") and out.count("\n") == 1
