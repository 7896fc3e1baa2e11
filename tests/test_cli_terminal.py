"""What the command line asks for, and the progress it shows: each secret from its
environment variable, else typed on a terminal without echo (new ones twice), else one
sentence naming the variable; the progress bar only on a terminal."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator

import pytest

from cli import progress, prompts
from models.domain.errors import UsageError

VARIABLES = (prompts.PASSWORD_VARIABLE, prompts.NEW_PASSWORD_VARIABLE,
             prompts.RECOVERY_VARIABLE)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def no_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in VARIABLES:
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture
def typed(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[list[str], list[str]]]:
    """(what the person types, one item per prompt; the prompts they were shown)."""
    answers: list[str] = []
    shown: list[str] = []

    def getpass(prompt: str) -> str:
        shown.append(prompt)
        return answers.pop(0)

    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr(prompts.getpass, "getpass", getpass)
    yield answers, shown
    assert answers == []  # every answer was asked for


ASKS: list[tuple[Callable[[], str], str, str, list[str]]] = [
    (prompts.password, prompts.PASSWORD_VARIABLE, "No password given", ["Password: "]),
    (prompts.first_password, prompts.PASSWORD_VARIABLE, "No password given",
     ["New password for the first supervisor: ", "Repeat the password: "]),
    (prompts.new_password, prompts.NEW_PASSWORD_VARIABLE, "No new password given",
     ["New password for the account: ", "Repeat the new password: "]),
    (prompts.recovery_code, prompts.RECOVERY_VARIABLE, "No recovery code given",
     ["Recovery code: "]),
]


@pytest.mark.parametrize(("ask", "variable", "missing", "prompt_texts"), ASKS)
def test_the_variable_wins_without_asking(
    monkeypatch: pytest.MonkeyPatch, typed: tuple[list[str], list[str]],
    ask: Callable[[], str], variable: str, missing: str, prompt_texts: list[str],
) -> None:
    monkeypatch.setenv(variable, "from the environment")
    assert ask() == "from the environment"
    assert typed[1] == []


@pytest.mark.parametrize(("ask", "variable", "missing", "prompt_texts"), ASKS)
def test_asked_on_a_terminal(
    typed: tuple[list[str], list[str]],
    ask: Callable[[], str], variable: str, missing: str, prompt_texts: list[str],
) -> None:
    answers, shown = typed
    answers.extend(["correct horse battery"] * len(prompt_texts))
    assert ask() == "correct horse battery"
    assert shown == prompt_texts


@pytest.mark.parametrize(("ask", "variable", "missing", "prompt_texts"), ASKS)
def test_without_variable_or_terminal_one_sentence_names_the_variable(
    monkeypatch: pytest.MonkeyPatch,
    ask: Callable[[], str], variable: str, missing: str, prompt_texts: list[str],
) -> None:
    with open(os.devnull) as no_terminal:
        monkeypatch.setattr(sys, "stdin", no_terminal)
        with pytest.raises(UsageError) as refused:
            ask()
    assert str(refused.value) == f"{missing}: set {variable} or run in a terminal."


@pytest.mark.parametrize(("ask", "unchanged"), [
    (prompts.first_password, "nothing was created"),
    (prompts.new_password, "nothing was changed"),
])
def test_a_new_password_typed_differently_twice_is_refused(
    typed: tuple[list[str], list[str]], ask: Callable[[], str], unchanged: str,
) -> None:
    typed[0].extend(["correct horse battery", "correct horse batteyr"])
    with pytest.raises(UsageError) as refused:
        ask()
    assert str(refused.value) == f"The two passwords differ; {unchanged}."


def test_the_server_password_is_asked_with_the_server_named(
    typed: tuple[list[str], list[str]],
) -> None:
    typed[0].append("pg secret")
    assert prompts.can_ask()
    assert prompts.server_password("db.example/suoja") == "pg secret"
    assert typed[1] == ["Password for the database server (db.example/suoja): "]


def test_progress_bar_draws_in_place() -> None:
    stream = io.StringIO()
    show = progress.progress_bar(stream, "Exporting")
    show(1, 4)
    show(4, 4)
    assert stream.getvalue() == (
        "\rExporting [#######.......................] 1/4"
        "\rExporting [##############################] 4/4\n"
    )


def test_progress_is_shown_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert progress.terminal_progress("Seeding") is None
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    show = progress.terminal_progress("Seeding")
    assert show is not None
    show(0, 2)
    assert terminal.getvalue() == "\rSeeding [..............................] 0/2"
