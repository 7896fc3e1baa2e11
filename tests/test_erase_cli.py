"""Erasure and retention from the command line (issue 17, items 1 and 2): ``erase`` and
``retention``, as a supervisor runs them, on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from main import main
from models import services
from models.demo.seed import seed_demo
from models.domain.entities import AuditEvent, Case, Victim
from models.domain.enums import AuditAction, CaseStatus, Role
from models.services.retention import ERASED_NAME
from models.storage.server import ServerUrl
from models.storage.unit_of_work import Actor, Database, Target
from tests.conftest import FAST_KDF, PASSWORD

pytestmark = pytest.mark.both_databases


@pytest.fixture
def seeded(database: Database, supervisor: Actor, monkeypatch: pytest.MonkeyPatch) -> Database:
    seed_demo(database, supervisor, victims=12, seed=3, kdf=FAST_KDF)
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)
    return database


def _where(target: Target) -> list[str]:
    return ["--db-url", target.url] if isinstance(target, ServerUrl) else ["--db", str(target)]


def _cases(database: Database, status: CaseStatus) -> list[tuple[int, str]]:
    with database.reading() as db_session:
        return [tuple(row) for row in db_session.execute(  # type: ignore[misc]
            select(Case.id, Case.reference).where(Case.status == status.value)
            .order_by(Case.id))]


def _last_name(database: Database, case_id: int) -> str:
    with database.reading() as db_session:
        return db_session.scalar(select(Victim.last_name).join(
            Case, Case.victim_id == Victim.id).where(Case.id == case_id)) or ""


def _erasures(database: Database) -> list[str]:
    with database.reading() as db_session:
        return list(db_session.scalars(select(AuditEvent.detail).where(
            AuditEvent.action == AuditAction.ERASE.value).order_by(AuditEvent.seq)))


def test_a_supervisor_erases_a_case_with_a_reason(
        seeded: Database, target: Target, capsys: pytest.CaptureFixture[str]) -> None:
    case_id, reference = _cases(seeded, CaseStatus.CLOSED)[0]
    assert main(["erase", *_where(target), "--user", "super", "--case", reference.lower(),
                 "--reason", "request"]) == 0
    out = capsys.readouterr().out
    assert f"Case {reference}: the victim's personal data was erased" in out
    assert _last_name(seeded, case_id) == ERASED_NAME
    [detail] = _erasures(seeded)
    assert detail.startswith("reason=request ")
    assert reference not in detail  # the case id is on the event; nothing personal


@pytest.mark.parametrize("problem", ["unknown case", "open case", "counsellor"])
def test_bad_input_gets_one_sentence_and_changes_nothing(
        seeded: Database, supervisor: Actor, target: Target, problem: str,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    closed_id, closed_ref = _cases(seeded, CaseStatus.CLOSED)[0]
    user, reference = "super", closed_ref
    if problem == "unknown case":
        reference = "SUO-1999-99999"
    elif problem == "open case":
        reference = _cases(seeded, CaseStatus.OPEN)[0][1]
    else:
        services.build(seeded, supervisor).accounts.create_user(
            "kaisa", "Kaisa", Role.COUNSELLOR, "Tuuli-Kivi-Järvi-Polku", kdf=FAST_KDF)
        user = "kaisa"
        monkeypatch.setenv("SUOJA_PASSWORD", "Tuuli-Kivi-Järvi-Polku")
    capsys.readouterr()
    code = main(["erase", *_where(target), "--user", user, "--case", reference,
                 "--reason", "request"])
    assert code != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in err[0]
    assert _erasures(seeded) == []
    assert _last_name(seeded, closed_id) != ERASED_NAME


def test_a_reason_is_required(seeded: Database, target: Target,
                              capsys: pytest.CaptureFixture[str]) -> None:
    reference = _cases(seeded, CaseStatus.CLOSED)[0][1]
    with pytest.raises(SystemExit) as exit_:
        main(["erase", *_where(target), "--user", "super", "--case", reference])
    assert exit_.value.code == 2
    assert _erasures(seeded) == []


def test_retention_dry_run_lists_exactly_the_expired_cases_and_apply_erases_them(
        seeded: Database, supervisor: Actor, target: Target,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["retention", *_where(target), "--user", "super", "--days", "30",
                 "--dry-run"]) == 0
    out = capsys.readouterr().out
    due = services.build(seeded, supervisor).retention.list_erasable()
    assert due, "the demo has closed cases older than 30 days"
    listed = [line.split()[0] for line in out.splitlines() if line.startswith("SUO-")]
    assert listed == [case.reference for case in due]
    assert f"{len(due)} cases are due for erasure; nothing was changed." in out
    assert _erasures(seeded) == []

    assert main(["retention", *_where(target), "--user", "super", "--apply"]) == 0
    assert f"{len(due)} cases erased." in capsys.readouterr().out
    assert services.build(seeded, supervisor).retention.list_erasable() == []
    assert all(d.startswith("reason=retention retention=due") for d in _erasures(seeded))
    assert all(_last_name(seeded, case.case_id) == ERASED_NAME for case in due)
    assert main(["verify", *_where(target), "--user", "super"]) == 0


def test_with_approval_erase_waits_and_a_second_supervisor_approves_or_declines(
        seeded: Database, supervisor: Actor, target: Target,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    services.build(seeded, supervisor).accounts.create_user(
        "super2", "Second", Role.SUPERVISOR, "Tuuli-Kivi-Järvi-Polku", kdf=FAST_KDF)
    assert main(["organisation", *_where(target), "--user", "super",
                 "--erasure-approval", "on"]) == 0
    assert ("An erasure needs a second supervisor's approval: yes"
            in capsys.readouterr().out)
    (first_id, first), (second_id, second) = _cases(seeded, CaseStatus.CLOSED)[:2]
    for reference in (first, second):
        assert main(["erase", *_where(target), "--user", "super", "--case", reference,
                     "--reason", "request"]) == 0
        assert (f"Case {reference}: the erasure waits for a second supervisor's approval "
                "(within 7 days); nothing was erased yet.") in capsys.readouterr().out
    assert [d.split(":")[0] for d in _erasures(seeded)] == ["requested", "requested"]
    assert _last_name(seeded, first_id) != ERASED_NAME

    # The requester's own approval is refused with one sentence (exit 3: not allowed).
    assert main(["erase", *_where(target), "--user", "super", "--case", first,
                 "--approve"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["suoja: Another supervisor must approve or decline an erasure you "
                   "asked for."]

    monkeypatch.setenv("SUOJA_PASSWORD", "Tuuli-Kivi-Järvi-Polku")
    assert main(["erase", *_where(target), "--user", "super2", "--case", first,
                 "--approve"]) == 0
    assert f"Case {first}: the victim's personal data was erased" in capsys.readouterr().out
    assert _last_name(seeded, first_id) == ERASED_NAME
    assert main(["erase", *_where(target), "--user", "super2", "--case", first,
                 "--approve"]) == 4  # erased once: nothing waits
    capsys.readouterr()
    assert main(["erase", *_where(target), "--user", "super2", "--case", second,
                 "--decline"]) == 0
    assert (f"Case {second}: the erasure was declined; nothing was erased."
            in capsys.readouterr().out)
    assert _last_name(seeded, second_id) != ERASED_NAME
    assert main(["verify", *_where(target), "--user", "super2"]) == 0


def test_approve_and_a_reason_do_not_go_together(seeded: Database, target: Target,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    reference = _cases(seeded, CaseStatus.CLOSED)[0][1]
    with pytest.raises(SystemExit) as exit_:
        main(["erase", *_where(target), "--user", "super", "--case", reference,
              "--reason", "request", "--approve"])
    assert exit_.value.code == 2
