"""The cache folder: objects come back as stored, damaged files are rebuilt, old files pruned."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from parser import cache


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_CACHE, str(tmp_path))
    return tmp_path


def test_an_object_comes_back_as_stored(folder):
    cache.store("catalog", "abc-f2", {"phrases": [1, 2, 3]})
    assert (folder / "catalog-abc-f2.pickle").is_file()
    assert cache.load("catalog", "abc-f2") == {"phrases": [1, 2, 3]}
    assert cache.load("catalog", "other") is None


def test_a_damaged_file_reads_as_missing(folder):
    (folder / "matcher-h2-x.pickle").write_bytes(b"\x80\x05not a pickle")
    assert cache.load("matcher", "h2-x") is None


def test_writing_keeps_the_newest_files_of_its_kind_only(folder):
    for i in range(cache.KEEP):
        cache.store("catalog", f"v{i}", i)
        os.utime(folder / f"catalog-v{i}.pickle", (1_000_000 + i, 1_000_000 + i))
    cache.store("matcher", "m", "other kind")
    assert cache.load("catalog", "v0") == 0  # the oldest file, in use: touched, so it outlives v1
    cache.store("catalog", "new", "n")
    kept = {p.name for p in folder.glob("catalog-*.pickle")}
    assert len(kept) == cache.KEEP
    assert "catalog-v0.pickle" in kept and "catalog-new.pickle" in kept
    assert "catalog-v1.pickle" not in kept
    assert (folder / "matcher-m.pickle").is_file()  # another kind is not pruned by this one


def test_an_empty_setting_switches_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_CACHE, "")
    cache.store("catalog", "k", 1)
    assert cache.load("catalog", "k") is None
    assert cache.cache_dir() is None


def test_the_real_catalog_and_matcher_are_cached_there(folder):
    # a new interpreter: this one may hold the catalog already (loaded once per process)
    env = {**os.environ, cache.ENV_CACHE: str(folder)}
    code = "from parser import CredentialParser; CredentialParser()"
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=300)
    assert len(list(folder.glob("catalog-*.pickle"))) == 1
    assert len(list(folder.glob("matcher-*.pickle"))) == 1
