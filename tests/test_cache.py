"""The catalogue and actuals cache: used when current, rebuilt when the file or the package
version changes, a corrupt file replaced and never trusted, an unwritable cache no error."""

from __future__ import annotations

import os
import shutil

import pytest

from jxtargets import api
from jxtargets.loading import cache

from .conftest import DATA, run, run_json


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "jxtargets"


@pytest.fixture
def catalogue_copy(tmp_path):
    path = tmp_path / "targets.yaml"
    shutil.copy(DATA / "targets.yaml", path)
    return path


def test_cache_is_written_then_used(fresh_cache, catalogue_copy, monkeypatch):
    first = api.open_catalogue(catalogue_copy)
    files = list(fresh_cache.glob("catalogue-*.pickle"))
    assert len(files) == 1
    calls = []
    monkeypatch.setattr(
        "jxtargets.loading.catalogue.load_catalogue",
        lambda *a, **k: calls.append(1) or (_ for _ in ()).throw(AssertionError("parsed")),
    )
    second = api.open_catalogue(catalogue_copy)
    assert calls == []
    assert second.indicators.keys() == first.indicators.keys()
    assert second.digest == first.digest


def test_changed_file_rebuilds(fresh_cache, catalogue_copy):
    api.open_catalogue(catalogue_copy)
    text = catalogue_copy.read_text(encoding="utf-8").replace(
        "name_en: Gross regional product", "name_en: GRP (edited)", 1
    )
    catalogue_copy.write_text(text, encoding="utf-8")
    edited = api.open_catalogue(catalogue_copy)
    assert edited.indicators["gdp"].name_en == "GRP (edited)"
    assert len(list(fresh_cache.glob("catalogue-*.pickle"))) == 2


def test_new_package_version_rebuilds(fresh_cache, catalogue_copy, monkeypatch):
    api.open_catalogue(catalogue_copy)
    monkeypatch.setattr(cache, "__version__", "999.0")
    api.open_catalogue(catalogue_copy)
    assert len(list(fresh_cache.glob("catalogue-*.pickle"))) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b[:100] + bytes([b[100] ^ 0xFF]) + b[101:],  # a flipped byte in the payload
        lambda b: b"not a cache file at all",
        lambda b: b"",
    ],
)
def test_corrupt_cache_is_detected_and_replaced(fresh_cache, catalogue_copy, damage):
    api.open_catalogue(catalogue_copy)
    (path,) = fresh_cache.glob("catalogue-*.pickle")
    good = path.read_bytes()
    path.write_bytes(damage(good))
    catalogue = api.open_catalogue(catalogue_copy)
    assert "gdp" in catalogue.indicators
    assert path.read_bytes() == good  # replaced by a valid copy


def test_unwritable_cache_is_not_an_error(tmp_path, monkeypatch, catalogue_copy):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert "gdp" in api.open_catalogue(catalogue_copy).indicators


def test_cli_results_identical_cold_and_warm(fresh_cache):
    cold, _ = run_json("check", "2020", env={"XDG_CACHE_HOME": str(fresh_cache.parent)})
    warm, _ = run_json("check", "2020", env={"XDG_CACHE_HOME": str(fresh_cache.parent)})
    uncached, _ = run_json("check", "2020", env={"JXTARGETS_NO_CACHE": "1"})
    assert cold == warm == uncached
    assert os.listdir(fresh_cache)  # the cold run wrote it


def test_no_printed_output_is_cached(tmp_path, fresh_cache):
    """What a command prints is computed on every call: only data is cached, and an edited input
    changes the verdict at once (figures made up for the test)."""
    actuals = tmp_path / "actuals-2020.yaml"
    shutil.copy(DATA / "actuals" / "actuals-2020.yaml", actuals)
    env = {"XDG_CACHE_HOME": str(fresh_cache.parent)}
    first = run("check", str(actuals), "--plan", "fyp13", "--format", "csv", env=env)
    assert first.returncode == 1 and first.stdout.count(",missed,") == 2
    assert not [p for p in fresh_cache.iterdir() if p.name.startswith("output-")]
    actuals.write_text(actuals.read_text(encoding="utf-8").replace("cagr: 6.59", "cagr: 7.2", 1), encoding="utf-8")
    second = run("check", str(actuals), "--plan", "fyp13", "--format", "csv", env=env)
    assert second.stdout.count(",missed,") == 1  # GDP growth now met; the service share still missed
