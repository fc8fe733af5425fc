"""The rules of one report share one timer (`giarlint.budget.clock`): each rule still has the
whole limit from its own start, and the timer is set per report, not per rule."""

from __future__ import annotations

import signal
import time

import pytest

from giarlint import budget

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no interval timers on this platform")


def spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_each_rule_has_the_whole_limit_from_its_own_start():
    stopped = []
    with budget.clock(0.3):
        for work in (0.2, 0.2, 5.0, 0.1):  # the third loops; together the first two pass the limit
            started = time.monotonic()
            budget.rule_started()
            try:
                spin(work)
            except budget.RuleTimeout:
                stopped.append(time.monotonic() - started)
            finally:
                budget.rule_ended()
    assert len(stopped) == 1 and 0.25 < stopped[0] < 1.0
    assert not budget.running() and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_the_timer_is_set_once_a_report_not_once_a_rule(monkeypatch):
    from giarlint.linter import Linter
    from giarlint.plugins import build_registry
    from giarlint.settings import Settings
    from giarlint_run import SEEDS

    calls = []
    real = signal.setitimer
    monkeypatch.setattr(budget.signal, "setitimer", lambda *args: (calls.append(args), real(*args))[1])
    linter = Linter(build_registry(load_plugins=False), Settings())
    result = linter.summarize(linter.check_text("a.txt", SEEDS[0].read_text(encoding="utf-8")))
    assert result.report is None and result.summaries is not None
    assert len(linter.registry.rules) > 5
    assert [seconds for _, seconds in calls] == [10.0, 0, 10.0, 0]  # the rules, then the summaries


def test_a_reader_limit_inside_a_check_gives_the_timer_back():
    with budget.clock(5.0):
        budget.rule_started()
        with pytest.raises(budget.RuleTimeout):
            with budget.time_limit(0.2):
                spin(3.0)
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 4.0 < left <= 5.0  # the outer rule's own time, not the reader's
        budget.rule_ended()
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_check_in_another_thread_runs_its_rules_unlimited():
    """No timer outside the main thread (a Dask worker's thread): the rules still run, once each."""
    import threading

    from giarlint.api import Checker
    from giarlint_run import SEEDS

    checker, found = Checker(plugins=False), []
    thread = threading.Thread(target=lambda: found.append(checker.check_file(str(SEEDS[0]))))
    thread.start()
    thread.join(60)
    assert found and [d.code for d in found[0].diagnostics] == [
        d.code for d in Checker(plugins=False).check_file(str(SEEDS[0])).diagnostics]
    assert "GIA001" not in {d.code for d in found[0].diagnostics}
