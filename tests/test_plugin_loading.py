"""Third-party plugins through the ``giarlint`` entry point: loading, failures, listing, opting out."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from giarlint_run import SEED_000, run

RULE_MODULE = '''
from giarlint.catalogue import CodeDoc
from giarlint.hookspecs import hookimpl
from giarlint.rule import Finding, Rule
from giarlint.tree import Span


class Always(Rule):
    name = "always"

    def catalogue(self):
        return {"{code}": CodeDoc("{code}", "always", "W", True, {{"zh": "总是", "en": "always"}}, {{}}, "", "",
                                  {{"default": {{"zh": "总是报告", "en": "always reported"}}}})}

    def check(self, report, context):
        yield Finding("{code}", Span(1, 1, 1, 2))


@hookimpl
def giarlint_rules():
    return [Always()]
'''

FORMATTER = '''

@hookimpl
def giarlint_formatters():
    return {"count": lambda diagnostics, context: f"{len(diagnostics)} findings\\n"}
'''


def fake_plugin(tmp_path: Path, name: str, code: str = "ZZZ001", formatter: bool = False, broken: bool = False) -> str:
    """An installed-looking distribution (dist-info with an entry point) in a directory for PYTHONPATH."""
    root = tmp_path / f"site-{name}"
    module = f"giarlint_fake_{name}"
    dist = root / f"{module}-1.2.3.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.2.3\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[giarlint]\n{name} = {module}\n", encoding="utf-8")
    source = RULE_MODULE.replace("{code}", code).replace("{{", "{").replace("}}", "}")
    if formatter:
        source += FORMATTER
    if broken:
        source = "import giarlint_no_such_module\n" + source
    (root / f"{module}.py").write_text(dedent(source), encoding="utf-8")
    return str(root)


def test_plugin_rule_runs_and_is_listed(tmp_path):
    env = {"PYTHONPATH": fake_plugin(tmp_path, "fine")}
    process = run("check", "--isolated", SEED_000, autoload=True, env=env)
    assert process.returncode == 1
    assert process.stdout.splitlines()[0] == f"{SEED_000}:1:1: ZZZ001 总是报告"
    listing = run("plugins", autoload=True, env=env).stdout
    assert "fine 1.2.3 (giarlint_fake_fine)\n  rules: always (ZZZ001)" in listing
    assert "plugin fine 1.2.3" in run("--version", autoload=True, env=env).stdout


def test_no_plugins_and_the_autoload_switch(tmp_path):
    env = {"PYTHONPATH": fake_plugin(tmp_path, "fine")}
    process = run("check", "--isolated", "--no-plugins", SEED_000, autoload=True, env=env)
    assert "ZZZ001" not in process.stdout and "GIA205" in process.stdout
    process = run("check", "--isolated", SEED_000, autoload=True, env={**env, "GIARLINT_DISABLE_PLUGIN_AUTOLOAD": "1"})
    assert "ZZZ001" not in process.stdout and "GIA205" in process.stdout
    assert "fine" not in run("plugins", "--no-plugins", autoload=True, env=env).stdout


def test_a_plugin_that_fails_to_import_is_named(tmp_path):
    env = {"PYTHONPATH": fake_plugin(tmp_path, "broken", broken=True)}
    process = run("check", "--isolated", SEED_000, autoload=True, env=env)
    assert process.returncode == 2 and process.stdout == ""
    assert "plugin 'broken' (giarlint_fake_broken) failed to load" in process.stderr
    assert "giarlint_no_such_module" in process.stderr and "Traceback" not in process.stderr


def test_a_plugin_may_not_claim_the_gia_prefix(tmp_path):
    env = {"PYTHONPATH": fake_plugin(tmp_path, "thief", code="GIA777")}
    process = run("check", "--isolated", SEED_000, autoload=True, env=env)
    assert process.returncode == 2
    assert "plugin 'thief': code GIA777 uses the prefix GIA, reserved for giarlint" in process.stderr


def test_a_plugin_may_not_take_a_builtin_output_format(tmp_path):
    path = Path(fake_plugin(tmp_path, "clash", formatter=True))
    module = path / "giarlint_fake_clash.py"
    module.write_text(module.read_text(encoding="utf-8").replace('"count"', '"sarif"'), encoding="utf-8")
    process = run("check", "--isolated", SEED_000, autoload=True, env={"PYTHONPATH": str(path)})
    assert process.returncode == 2 and "output format 'sarif' is already provided by" in process.stderr


def test_module_hooks_are_found_by_marker_not_by_inspecting_every_name():
    """The quick registration (plugins.PluginManager) still finds a hook under another name
    (pluggy's specname), and passes over other names without touching them."""
    import types

    from giarlint.hookspecs import hookimpl
    from giarlint.patterns import lazy
    from giarlint.plugins import PluginManager, build_registry

    module = types.ModuleType("giarlint_test_hooks")
    module.PATTERN = lazy(r"[一二三]")  # any attribute access would compile it

    @hookimpl(specname="giarlint_formatters")
    def formats():
        return {"none": lambda diagnostics, context: ""}

    module.formats = formats
    manager = build_registry(load_plugins=False).manager
    assert isinstance(manager, PluginManager)
    manager.register(module, name="giarlint_test_hooks")
    assert "giarlint_test_hooks" in [impl.plugin_name for impl in manager.hook.giarlint_formatters.get_hookimpls()]
    assert module.PATTERN._compiled is None
