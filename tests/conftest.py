"""Shared fixtures: every test gets its own encrypted database and its own folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models.keyfile import KdfParams  # noqa: E402
from models.store import Actor, Database, create_database  # noqa: E402

#: Argon2id cheap enough for hundreds of tests; production parameters are tested apart.
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Point every per-user folder at a folder of the test's own."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.delenv("SUOJA_PASSWORD", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "suoja.db"


@pytest.fixture
def opened(db_path: Path) -> Iterator[tuple[Database, Actor, str]]:
    """A fresh database with its first supervisor: (database, actor, recovery code)."""
    result = create_database(db_path, username="super", password=PASSWORD, kdf=FAST_KDF)
    yield result.database, result.actor, result.recovery_code
    result.database.dispose()


@pytest.fixture
def database(opened: tuple[Database, Actor, str]) -> Database:
    return opened[0]


@pytest.fixture
def supervisor(opened: tuple[Database, Actor, str]) -> Actor:
    return opened[1]
