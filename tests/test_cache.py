"""The catalogue and actuals data cache: data only (MessagePack into the model's own types), used
when current, rebuilt when the input, the package version or the package's code changes, a
corrupt or planted file never run, never trusted and replaced, a folder of ours only (0700), an
unwritable cache no error, and nothing that depends on today's date kept in it."""

from __future__ import annotations

import os
import pickle
import shutil
import stat
from pathlib import Path

import pytest

from jxtargets import api
from jxtargets.loading import actuals as actuals_module
from jxtargets.loading import cache
from jxtargets.loading.actuals import load_actuals

from .conftest import DATA, run, run_json

ENTRY = "*.msgpack"


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("JXTARGETS_NO_CACHE", raising=False)
    return tmp_path / "cache" / "jxtargets"


@pytest.fixture
def catalogue_copy(tmp_path):
    path = tmp_path / "catalogue"
    shutil.copytree(DATA / "catalogue", path)
    return path


def _no_parsing(monkeypatch):
    def parsed(*args, **kwargs):
        raise AssertionError("the YAML was read although the cache is current")

    monkeypatch.setattr("jxtargets.loading.catalogue_set.load_catalogue_set", parsed)
    monkeypatch.setattr(actuals_module, "read_actuals_file", parsed)


def test_cache_is_written_then_used_and_gives_the_same_objects(fresh_cache, catalogue_copy, monkeypatch):
    first = api.open_catalogue(catalogue_copy, use_cache=False)
    api.open_catalogue(catalogue_copy)
    assert len(list(fresh_cache.glob("catalogue-" + ENTRY))) == 1
    _no_parsing(monkeypatch)
    second = api.open_catalogue(catalogue_copy)
    # The same values of the same types (an int is not turned into a float, a tuple into a list).
    assert repr(second) == repr(first) and second == first


def test_cached_actuals_are_the_same_objects(fresh_cache, monkeypatch):
    catalogue = api.open_catalogue()
    paths = sorted((DATA / "actuals").glob("*.yaml"))
    fresh, fresh_warnings = load_actuals(paths, catalogue, use_cache=False)
    load_actuals(paths, catalogue)  # writes the entries
    assert len(list(fresh_cache.glob("actuals-" + ENTRY))) == len(paths)
    _no_parsing(monkeypatch)
    cached, cached_warnings = load_actuals(paths, catalogue)
    assert repr(cached) == repr(fresh) and cached_warnings == fresh_warnings
    # each file's own `source:` comes through the cache too (the reports' data sources)
    assert cached.file_sources[str(DATA / "actuals" / "actuals-2020.yaml")] == (
        "002_5df31847278a00a3.txt 表1 完成情况; 002_5df31847278a00a3.txt 表2 2020年"
    )
    assert len(cached.file_sources) == len(paths)


def test_cache_folder_is_ours_only(fresh_cache, catalogue_copy):
    api.open_catalogue(catalogue_copy)
    assert stat.S_IMODE(fresh_cache.stat().st_mode) == 0o700
    (entry,) = fresh_cache.glob(ENTRY)
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    fresh_cache.chmod(0o777)  # loosened by someone: tightened again before use
    api.open_catalogue(catalogue_copy)
    assert stat.S_IMODE(fresh_cache.stat().st_mode) == 0o700


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give the folder away")
def test_a_folder_owned_by_another_user_is_never_used(fresh_cache, catalogue_copy, monkeypatch):
    api.open_catalogue(catalogue_copy)
    os.chown(fresh_cache, 65534, 65534)
    _no_parsing(monkeypatch)
    with pytest.raises(AssertionError, match="the YAML was read"):
        api.open_catalogue(catalogue_copy)


def test_changed_file_rebuilds(fresh_cache, catalogue_copy):
    api.open_catalogue(catalogue_copy)
    shared = catalogue_copy / "indicators.yaml"
    text = shared.read_text(encoding="utf-8").replace("name_en: Gross regional product", "name_en: GRP (edited)", 1)
    shared.write_text(text, encoding="utf-8")
    edited = api.open_catalogue(catalogue_copy)
    assert edited.indicators["gdp"].name_en == "GRP (edited)"
    assert len(list(fresh_cache.glob("catalogue-" + ENTRY))) == 2


def test_any_file_of_a_catalogue_directory_keys_the_cache(fresh_cache, catalogue_copy):
    """A plan file edited, added or removed: the directory's catalogue is rebuilt."""
    api.open_catalogue(catalogue_copy)
    plan = catalogue_copy / "plans" / "fyp14.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("value: 9000\n", "value: 9100\n", 1), encoding="utf-8")
    edited = api.open_catalogue(catalogue_copy)
    assert [t.value for t in edited.indicators["gdp"].targets if t.plan == "fyp14"] == [9100]
    (catalogue_copy / "plans" / "edu13.yaml").unlink()
    fewer = api.open_catalogue(catalogue_copy)
    assert "edu13" not in fewer.plans and "edu13" in edited.plans
    assert len(list(fresh_cache.glob("catalogue-" + ENTRY))) == 3


def test_new_package_version_rebuilds(fresh_cache, catalogue_copy, monkeypatch):
    api.open_catalogue(catalogue_copy)
    monkeypatch.setattr(cache, "__version__", "999.0")
    api.open_catalogue(catalogue_copy)
    assert len(list(fresh_cache.glob("catalogue-" + ENTRY))) == 2


def test_an_edited_package_file_changes_the_key(tmp_path, monkeypatch):
    """The key covers the package's code: an edited loader never meets an entry an older one wrote."""
    package = tmp_path / "jxtargets"
    shutil.copytree(Path(cache.__file__).parent.parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "_PACKAGE", package)
    keys = []
    for edit in (None, "size", "mtime", "new file"):
        loader = package / "loading" / "catalogue.py"
        if edit == "size":
            loader.write_text(loader.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
        elif edit == "mtime":
            info = loader.stat()
            os.utime(loader, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))
        elif edit == "new file":
            (package / "core" / "added.py").write_text("X = 1\n", encoding="utf-8")
        monkeypatch.setattr(cache, "_fingerprint", None)
        keys.append(cache.cache_path(b"the same catalogue"))
    assert len(set(keys)) == 4


def test_an_upgraded_library_changes_the_key(tmp_path, monkeypatch):
    """PyYAML, pint, openpyxl and msgspec shape what is cached: a new release is a new key."""
    library = tmp_path / "site" / "fakelib"
    library.mkdir(parents=True)
    (library / "__init__.py").write_text("VERSION = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setattr(cache, "_LIBRARIES", ("fakelib",))
    monkeypatch.setattr(cache, "_fingerprint", None)
    before = cache.cache_path(b"the same catalogue")
    (library / "__init__.py").write_text("VERSION = 22\n", encoding="utf-8")
    monkeypatch.setattr(cache, "_fingerprint", None)
    assert cache.cache_path(b"the same catalogue") != before


def test_the_real_libraries_are_in_the_fingerprint(monkeypatch):
    monkeypatch.setattr(cache, "_fingerprint", None)
    with_them = cache.code_fingerprint()
    monkeypatch.setattr(cache, "_LIBRARIES", ())
    monkeypatch.setattr(cache, "_fingerprint", None)
    assert cache.code_fingerprint() != with_them


def test_other_code_never_meets_the_entry(fresh_cache, catalogue_copy, monkeypatch):
    api.open_catalogue(catalogue_copy)
    monkeypatch.setattr(cache, "_fingerprint", "0" * 32)  # as after an edit of the package
    api.open_catalogue(catalogue_copy)
    assert len(list(fresh_cache.glob("catalogue-" + ENTRY))) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b[:200] + bytes([b[200] ^ 0xFF]) + b[201:],  # a flipped byte in the payload
        lambda b: b"not a cache file at all",
        lambda b: b"",
    ],
)
def test_corrupt_cache_is_detected_and_replaced(fresh_cache, catalogue_copy, damage):
    api.open_catalogue(catalogue_copy)
    (path,) = fresh_cache.glob(ENTRY)
    good = path.read_bytes()
    path.write_bytes(damage(good))
    catalogue = api.open_catalogue(catalogue_copy)
    assert "gdp" in catalogue.indicators
    assert path.read_bytes() == good  # replaced by a valid copy


class _Payload:
    """Unpickling this creates `marker`: the proof that a cache file ran code."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def _entry(key: bytes, payload: bytes) -> bytes:
    """A cache file as this module writes one: magic, key, payload digest, payload."""
    return cache._MAGIC + key + cache._payload_digest(payload) + payload


def test_planted_files_never_run_and_are_never_trusted(fresh_cache, catalogue_copy, tmp_path, monkeypatch):
    """Pickles (named as the old entries were, and with the current entry's name, magic, key and
    digest), a file copied from another entry, and valid MessagePack of the wrong shape: none runs
    anything, none is used, and the current entry replaces the planted one."""
    marker = tmp_path / "PWNED"
    evil = pickle.dumps(_Payload(marker))
    want = repr(api.open_catalogue(catalogue_copy, use_cache=False))
    _, data = cache.catalogue_data([catalogue_copy])
    name = cache.cache_path(data)
    key = name.stem.rsplit("-", 1)[1].encode()
    fresh_cache.mkdir(parents=True, mode=0o700)
    from _blake2 import blake2b  # the old scheme: blake2b(content, version, FORMAT 6), digest in the file

    old_key = blake2b(data + f"\0{cache.__version__}\0{6}\0".encode(), digest_size=16).hexdigest()
    old = fresh_cache / f"catalogue-{old_key}.pickle"
    old.write_bytes(b"JXTC1\n" + blake2b(evil, digest_size=32).hexdigest().encode() + evil)
    api.open_catalogue(catalogue_copy)  # writes the current entry; the old pickle is removed unread
    assert not old.exists() and not marker.exists()
    catalogue_bytes = name.read_bytes()
    load_actuals([DATA / "actuals" / "actuals-2020.yaml"], api.open_catalogue(catalogue_copy))
    (actuals_entry,) = fresh_cache.glob("actuals-" + ENTRY)
    import msgspec

    for planted in (
        evil,  # a bare pickle
        _entry(key, evil),  # a pickle inside a well-formed entry of the right key
        actuals_entry.read_bytes(),  # another entry (another key) copied over this one
        _entry(key, actuals_entry.read_bytes()[cache._HEAD :]),  # another entry's data, re-keyed
        _entry(key, msgspec.msgpack.encode({"region": "x", "plans": [], "indicators": 7})),
        _entry(key, msgspec.msgpack.encode({"__reduce__": "os.system", "args": ["touch PWNED"]})),
    ):
        name.write_bytes(planted)
        got = api.open_catalogue(catalogue_copy)
        assert repr(got) == want
        assert not marker.exists()
        assert name.read_bytes() == catalogue_bytes  # replaced by the real entry


def test_planted_links_and_fifos_are_not_followed(fresh_cache, catalogue_copy, tmp_path):
    api.open_catalogue(catalogue_copy)
    (name,) = fresh_cache.glob(ENTRY)
    good = name.read_bytes()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_bytes(good)
    name.unlink()
    name.symlink_to(elsewhere)  # even a link to a valid entry is not read
    assert "gdp" in api.open_catalogue(catalogue_copy).indicators
    assert not name.is_symlink() and name.read_bytes() == good
    name.unlink()
    os.mkfifo(name)  # a FIFO would block a plain open()
    assert "gdp" in api.open_catalogue(catalogue_copy).indicators
    assert name.read_bytes() == good


def test_old_entries_are_pruned(fresh_cache, catalogue_copy, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    for i in range(5):
        monkeypatch.setattr(cache, "_fingerprint", f"{i:032d}")
        api.open_catalogue(catalogue_copy)
    assert len(list(fresh_cache.glob(ENTRY))) == 3


def test_unwritable_cache_is_not_an_error(tmp_path, monkeypatch, catalogue_copy):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert "gdp" in api.open_catalogue(catalogue_copy).indicators


# -- what depends on today's date is decided after the cache ----------------------------------------


def test_date_dependent_warnings_follow_the_date(fresh_cache, tmp_path, monkeypatch):
    """A file for 2027 (figures MADE UP) warns "in the future" while today is 2026, and no longer
    once today is 2030, though the second load comes from the cache (review E3)."""
    path = tmp_path / "actuals-2027.yaml"
    path.write_text("# MADE UP\nyear: 2027\nvalues:\n  gdp: 9999\n", encoding="utf-8")
    catalogue = api.open_catalogue()

    def future_warnings(this_year: int) -> list[str]:
        monkeypatch.setattr(actuals_module, "_this_year", lambda: this_year)
        _, warnings = load_actuals([path], catalogue)
        return [w.text("en") for w in warnings if w.code == "year.future"]

    assert future_warnings(2026) == [
        f"{path}:2: warning: year: year 2027 is in the future: are these figures planned, not reported?"
    ]
    _no_parsing(monkeypatch)  # from here on, the cache
    assert future_warnings(2030) == []
    assert future_warnings(2027) == []
    assert len(future_warnings(2026)) == 1


def test_the_future_year_warning_comes_with_errors_too(fresh_cache, tmp_path, monkeypatch):
    path = tmp_path / "actuals-2027.yaml"
    path.write_text("# MADE UP\nyear: 2027\nvalues:\n  gdp: lots\n", encoding="utf-8")
    monkeypatch.setattr(actuals_module, "_this_year", lambda: 2026)
    from jxtargets.loading.errors import LoadError

    with pytest.raises(LoadError) as info:
        load_actuals([path], api.open_catalogue())
    assert any("year 2027 is in the future" in p.text("en") for p in info.value.problems)
    assert any(not p.warning for p in info.value.problems)


# -- the command line ------------------------------------------------------------------------------


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
