"""The draft store and the holiday cache (both Qt-free)."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pytest

from kansli_desk import holiday_cache
from kansli_desk.core import office_hours
from kansli_desk.drafts import DraftStore


def test_drafts_round_trip_and_discard(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    assert store.load_all() == []
    key = store.new_key()
    store.save(key, {"notes": "Försegling – åäö", "topic_ids": [1, 2]})
    store.save(key, {"notes": "Försegling – åäö, ändrad", "topic_ids": [1]})
    [draft] = store.load_all()
    assert draft.key == key and draft.values == {
        "notes": "Försegling – åäö, ändrad",
        "topic_ids": [1],
    }
    assert stat.S_IMODE((tmp_path / "drafts").stat().st_mode) == 0o700
    assert [p.name for p in (tmp_path / "drafts").iterdir()] == [f"call-{key}.json"]
    store.discard(key)
    assert store.load_all() == []


def test_unreadable_drafts_are_skipped_not_lost(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    (tmp_path / "call-broken.json").write_text("{not json", encoding="utf-8")
    good = store.new_key()
    store.save(good, {"notes": "ok"})
    assert [d.key for d in store.load_all()] == [good]
    assert (tmp_path / "call-broken.json").exists()


def test_draft_keys_cannot_escape_the_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        DraftStore(tmp_path).save("../evil", {})


def test_holiday_tables_come_from_a_child_process_and_are_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = holiday_cache._compute

    def counting(year: int) -> dict[dt.date, str]:
        calls.append(year)
        return real(year)

    monkeypatch.setattr(holiday_cache, "_compute", counting)
    provider = holiday_cache.cached_provider(tmp_path)
    table = provider(2026)
    assert table[dt.date(2026, 12, 25)] == "Juldagen"
    assert table[dt.date(2026, 6, 19)] == "Midsommarafton"
    assert table == office_hours.swedish_holidays(2026)
    assert provider(2026) == table and calls == [2026]  # read from the cache the second time
    [cached] = list(tmp_path.glob("holidays-SE-*-2026.json"))
    assert json.loads(cached.read_text(encoding="utf-8"))["2026-12-25"] == "Juldagen"


def test_office_hours_use_the_installed_provider() -> None:
    office_hours.set_holiday_provider(lambda year: {dt.date(year, 3, 3): "Testdagen"})
    try:
        hours = office_hours.OfficeHours()
        assert not hours.is_working_day(dt.date(2026, 3, 3))  # a Tuesday
        assert office_hours.holiday_name(dt.date(2026, 3, 3)) == "Testdagen"
    finally:
        office_hours.set_holiday_provider(None)
    assert office_hours.holiday_name(dt.date(2026, 12, 25)) == "Juldagen"
