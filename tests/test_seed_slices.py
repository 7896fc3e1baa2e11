"""The demo slices drawn in a process of their own are the slices drawn here, in order;
where the process cannot start or ends early, the rest are drawn here, the same."""

from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite

from models.demo import slices
from models.demo.bulk import Preparer
from models.demo.draw import Pick
from models.demo.rows import Staff
from models.demo.slices import Plan, Slice, Slices, _slice
from tests.test_seed import SEED_1_DIGEST, TODAY, seeded_copy

PLAN = Plan(seed=4, victims=700, today=TODAY, staff=Staff([2, 3], Pick([(4, 1.0), (5, 0.5)])),
            breach_ids=(1, 2), chunk=90, dialect=SQLiteDialect_pysqlite)


def _plain(drawn: Slice) -> tuple[Any, ...]:
    first, last, prepared, counts = drawn
    return first, last, [dataclasses.asdict(item) for item in prepared], counts


def _drawn(source: Slices, stop_after: int | None = None) -> list[Any]:
    out = []
    with source:
        source.plan(PLAN, SQLiteDialect_pysqlite())
        for index, drawn in enumerate(source):
            out.append(_plain(drawn))
            if index + 1 == stop_after:
                assert source._process is not None
                source._process.kill()  # the drawing process dies mid-seed
    return out


@pytest.fixture
def apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slices, "SEPARATE_FROM", 1)


@pytest.fixture(scope="module")
def here() -> list[Any]:
    generator = PLAN.generator()  # one for all the slices: they draw from one stream
    preparer = Preparer(SQLiteDialect_pysqlite())
    return [_plain(_slice(generator, preparer, first, last)) for first, last in PLAN.ranges()]


def test_a_process_draws_the_same_slices_in_order(apart: None, here: list[Any]) -> None:
    source = Slices(PLAN.victims)
    assert source.apart
    drawn = _drawn(source)
    assert len(here) == 8 and here[0][3]["victims"] == 90 and here[-1][1] == 700
    assert [item["table"] for item in here[0][2]][:4] == [
        "victim", "victim_breach", "identity_code_record", "case_file"]
    assert drawn == here


def test_the_rest_are_drawn_here_when_the_process_dies(
    apart: None, here: list[Any], caplog: pytest.LogCaptureFixture,
) -> None:
    assert _drawn(Slices(PLAN.victims), stop_after=3) == here
    assert "the drawing process ended" in caplog.text


def test_drawn_here_when_no_process_can_start(apart: None, here: list[Any],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_method: str) -> Any:
        raise OSError("no processes here")

    monkeypatch.setattr(multiprocessing, "get_context", refuse)
    source = Slices(PLAN.victims)
    assert _drawn(source) == here
    assert not source.apart


def test_small_seeds_stay_in_this_process() -> None:
    assert not Slices(slices.SEPARATE_FROM - 1).apart
    assert Slices(slices.SEPARATE_FROM).apart == slices.SEPARATE_PROCESS


def test_a_seed_drawn_apart_gives_the_pinned_rows(apart: None, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    started = []
    real = Slices._start

    def watched(self: Slices) -> None:
        real(self)
        started.append(self._process is not None)

    monkeypatch.setattr(Slices, "_start", watched)
    assert seeded_copy(tmp_path, "apart.db", seed=1, victims=600) == SEED_1_DIGEST
    assert started == [True]


def test_today_is_part_of_the_plan() -> None:
    later = dataclasses.replace(PLAN, today=TODAY + dt.timedelta(days=1))
    assert later.generator().batch(1, 5) != PLAN.generator().batch(1, 5)
