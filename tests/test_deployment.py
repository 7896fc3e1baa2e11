"""The settings an organisation deploys (issue 20, part 5): the file, its checks, what it
overrides in the services, and the command line. The desktop app's side:
tests/test_deployment_gui.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from main import main
from models import services
from models.domain import deployment
from models.domain.deployment import Deployment, DeploymentError
from models.domain.dto import OrganisationSettings
from models.domain.entities import AuditEvent, Meta, OrganisationSetting
from models.domain.errors import PermissionDenied, ValidationError
from models.domain.i18n import speaking
from models.storage.erasure import RETENTION_META_KEY
from models.storage.unit_of_work import Actor, Database
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parent.parent

EVERY_KEY = """\
# Kriisiapu ry's workstations
[defaults]
idle_lock_minutes = 10
help_lines = ["Rikosuhripäivystys (RIKU) 116 006", "Hätänumero 112"]
data_requests = "Kirjoita: PL 1, 00100 Helsinki"

[enforced]
name = "Kriisiapu ry"
classification_line = "Salassa pidettävä (JulkL 24 § 1 mom. 25 k.)"
police_contact = "Päivystys 0800 000 000"
retention_days = 1825
"""


def _file(tmp_path: Path, text: str, name: str = "suoja.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _deploy(tmp_path: Path, text: str) -> Deployment:
    deployed = deployment.load(_file(tmp_path, text))
    deployment.use(deployed)
    return deployed


# -- the file ------------------------------------------------------------------------------


def test_a_file_with_every_key_is_read_into_defaults_and_enforced(tmp_path: Path) -> None:
    path = _file(tmp_path, EVERY_KEY)
    deployed = deployment.load(path)
    assert deployed.source == path
    assert dict(deployed.defaults) == {
        "idle_lock_minutes": 10,
        "help_lines": "Rikosuhripäivystys (RIKU) 116 006\nHätänumero 112",
        "data_requests": "Kirjoita: PL 1, 00100 Helsinki"}
    assert dict(deployed.enforced) == {
        "name": "Kriisiapu ry",
        "classification_line": "Salassa pidettävä (JulkL 24 § 1 mom. 25 k.)",
        "police_contact": "Päivystys 0800 000 000", "retention_days": 1825}
    assert deployed.enforces("name") and not deployed.enforces("idle_lock_minutes")
    assert deployed.number("idle_lock_minutes") == 10 and deployed.text("idle_lock_minutes") == ""
    with pytest.raises(TypeError):
        deployed.enforced["name"] = "other"  # type: ignore[index]


def test_help_lines_may_be_one_text_and_a_one_line_setting_stays_one_line(
        tmp_path: Path) -> None:
    deployed = deployment.load(_file(tmp_path, '[defaults]\nhelp_lines = """RIKU\n112"""\n'
                                     'name = """Kriisi\napu"""\n'))
    assert deployed.text("help_lines") == "RIKU\n112"
    assert deployed.text("name") == "Kriisi apu"


@pytest.mark.parametrize(("text", "sentence"), [
    ("[defaults\nname = 1", "is not valid TOML (line 1)."),
    ("\n\nname = = 1", "is not valid TOML (line 3)."),
    ("[defaults]\nidle_minutes = 5", "has a key Suoja does not know: defaults.idle_minutes."),
    ("[policy]\nname = 'x'", "has a key Suoja does not know: policy."),
    ("name = 'x'", "has a key Suoja does not know: name."),
    ("defaults = 5", "defaults must be a table."),
    ("[enforced]\nidle_lock_minutes = 0", "enforced.idle_lock_minutes must be between 1 and 60."),
    ("[defaults]\nidle_lock_minutes = 61", "defaults.idle_lock_minutes must be between 1 and 60."),
    ("[enforced]\nretention_days = 29", "enforced.retention_days must be between 30 and 36500."),
    ("[defaults]\nidle_lock_minutes = '5'", "defaults.idle_lock_minutes must be a whole number."),
    ("[defaults]\nidle_lock_minutes = true", "defaults.idle_lock_minutes must be a whole number."),
    ("[defaults]\nretention_days = 1825.0", "defaults.retention_days must be a whole number."),
    ("[enforced]\nname = 5", "enforced.name must be a text."),
    ("[enforced]\nhelp_lines = ['RIKU', 1]", "enforced.help_lines must be a list of texts."),
    ("[enforced]\nname = '" + "x" * 101 + "'",
     "enforced.name must be at most 100 characters long."),
    ("[defaults]\nname = 'x'\n[enforced]\nname = 'y'",
     "name is both a default and enforced; keep it in one of the two."),
])
def test_an_unusable_file_is_one_sentence_naming_the_file_and_the_key(
        tmp_path: Path, text: str, sentence: str) -> None:
    path = _file(tmp_path, text)
    with pytest.raises(DeploymentError) as refused:
        deployment.load(path)
    message = str(refused.value)
    assert str(path) in message and message.endswith(sentence)
    assert "\n" not in message and "Traceback" not in message
    assert refused.value.exit_code == 4


def test_a_control_character_is_refused_without_repeating_the_text(tmp_path: Path) -> None:
    path = _file(tmp_path, '[enforced]\nclassification_line = "Salainen\\u0007 rivi"\n')
    with pytest.raises(DeploymentError) as refused:
        deployment.load(path)
    assert "enforced.classification_line" in str(refused.value)
    assert "Salainen" not in str(refused.value)


def test_an_unreadable_or_huge_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DeploymentError, match="could not be read"):
        deployment.load(tmp_path)  # a folder
    with pytest.raises(DeploymentError, match="could not be read"):
        deployment.load(tmp_path / "missing.toml")
    huge = _file(tmp_path, "# " + "x" * deployment.MAX_FILE_BYTES)
    with pytest.raises(DeploymentError, match="larger than 64 KB"):
        deployment.load(huge)


def test_the_sentence_speaks_the_language_in_use(tmp_path: Path) -> None:
    path = _file(tmp_path, "[defaults]\nidle_lock_minutes = 90\n")
    with speaking("fi"), pytest.raises(DeploymentError) as finnish:
        deployment.load(path)
    assert str(finnish.value) == (f"Organisaation asetustiedostossa {path} arvon "
                                  "defaults.idle_lock_minutes on oltava välillä 1–60.")
    with speaking("sv"), pytest.raises(DeploymentError) as swedish:
        deployment.load(path)
    assert str(swedish.value) == (f"I organisationens inställningsfil {path} måste "
                                  "defaults.idle_lock_minutes vara mellan 1 och 60.")


def test_each_platform_has_its_documented_place() -> None:
    assert deployment.platform_location("linux") == Path("/etc/suoja/suoja.toml")
    assert deployment.platform_location("freebsd14") == Path("/etc/suoja/suoja.toml")
    assert deployment.platform_location("darwin") == Path(
        "/Library/Application Support/Suoja/suoja.toml")
    assert deployment.platform_location("win32").parts[-2:] == ("Suoja", "suoja.toml")


def test_the_variable_is_read_only_where_the_platform_place_has_no_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own = _file(tmp_path, "[enforced]\nidle_lock_minutes = 60\n", "own.toml")
    placed = tmp_path / "etc" / "suoja.toml"
    monkeypatch.setattr(deployment, "platform_location", lambda platform=None: placed)
    monkeypatch.delenv(deployment.VARIABLE, raising=False)
    assert deployment.find() is None
    monkeypatch.setenv(deployment.VARIABLE, str(own))
    assert deployment.find() == own
    deployment.use(None)
    assert deployment.current().enforced == {"idle_lock_minutes": 60}
    # The organisation's file is there: a person's own file is not read instead of it.
    placed.parent.mkdir()
    placed.write_text("[enforced]\nidle_lock_minutes = 3\n", encoding="utf-8")
    assert deployment.find() == placed
    deployment.use(None)
    assert deployment.current().enforced == {"idle_lock_minutes": 3}


def test_the_file_is_read_once_per_process_and_a_bad_one_is_asked_again(
        tmp_path: Path) -> None:
    path = _file(tmp_path, "[defaults]\nretention_days = 400\n")
    deployment.use(path)
    first = deployment.current()
    path.write_text("[defaults]\nretention_days = 500\n", encoding="utf-8")
    assert deployment.current() is first
    deployment.use(path)
    assert deployment.current().number("retention_days") == 500
    path.write_text("[defaults]\nretention_days = 5\n", encoding="utf-8")
    deployment.use(path)
    for _attempt in range(2):
        with pytest.raises(DeploymentError):
            deployment.current()


# -- what it overrides ---------------------------------------------------------------------


@pytest.fixture
def boss(database: Database, supervisor: Actor) -> services.Services:
    return services.build(database, supervisor)


def _organisation_events(database: Database) -> list[str]:
    with database.reading() as db_session:
        return list(db_session.scalars(select(AuditEvent.detail).where(
            AuditEvent.entity.in_(["organisation", "retention"])).order_by(AuditEvent.seq)))


def test_texts_enforced_win_defaults_fill_in_and_the_database_stays_as_saved(
        tmp_path: Path, boss: services.Services, database: Database) -> None:
    boss.organisation.update(OrganisationSettings(
        name="Vanha nimi", classification_line="Tallennettu rivi", help_lines="",
        data_requests="Tallennettu osoite"))
    _deploy(tmp_path, EVERY_KEY)
    settings = boss.organisation.settings()
    assert settings.name == "Kriisiapu ry"  # enforced over what is saved
    assert settings.classification_line == "Salassa pidettävä (JulkL 24 § 1 mom. 25 k.)"
    assert settings.police_contact == "Päivystys 0800 000 000"
    assert settings.data_requests == "Tallennettu osoite"  # saved wins over a default
    assert settings.help_lines == "Rikosuhripäivystys (RIKU) 116 006\nHätänumero 112"
    editing = boss.organisation.for_editing()
    assert editing.name == "Kriisiapu ry" and editing.help_lines == ""
    # Every export's stamp prints the classification line in force.
    assert boss.exports.stamp().classification == settings.classification_line
    with database.reading() as db_session:
        saved = dict(db_session.execute(
            select(OrganisationSetting.key, OrganisationSetting.value)).all())
    assert saved["name"] == "Vanha nimi"  # the file overrides; it does not overwrite
    # Nothing deployed again: what was saved is back.
    deployment.use(deployment.NOTHING_DEPLOYED)
    assert boss.organisation.settings().name == "Vanha nimi"


def test_a_change_of_an_enforced_text_is_refused_not_saved_and_not_audited(
        tmp_path: Path, boss: services.Services, database: Database) -> None:
    deployed = _deploy(tmp_path, EVERY_KEY)
    before = _organisation_events(database)
    changed = OrganisationSettings(**{**boss.organisation.for_editing().__dict__,
                                      "name": "Toinen nimi", "data_requests": "Uusi"})
    with pytest.raises(ValidationError) as refused:
        boss.organisation.update(changed)
    assert str(refused.value) == (
        f"Name of the organisation: set by your organisation's deployment file "
        f"({deployed.source}); only your IT department can change it there")
    assert _organisation_events(database) == before
    assert boss.organisation.settings().data_requests == "Kirjoita: PL 1, 00100 Helsinki"
    # The enforced values as they are, and a default changed: saved, audited as that only.
    editing = boss.organisation.for_editing()
    in_force = boss.organisation.update(OrganisationSettings(
        **{**editing.__dict__, "data_requests": "Uusi osoite"}))
    assert in_force.data_requests == "Uusi osoite" and in_force.name == "Kriisiapu ry"
    assert _organisation_events(database) == [*before, "changed data_requests"]


def test_a_counsellor_is_refused_by_role_before_the_file_is_looked_at(
        tmp_path: Path, boss: services.Services, database: Database) -> None:
    from models.domain.enums import Role
    from tests.conftest import FAST_KDF

    user = boss.accounts.create_user("kaisa", "Kaisa", Role.COUNSELLOR,
                                     "Tuuli-Kivi-Järvi-Polku", kdf=FAST_KDF)
    counsellor = services.build(database, Actor(user.id, user.username, user.display_name,
                                                Role.COUNSELLOR))
    _deploy(tmp_path, EVERY_KEY)
    assert counsellor.organisation.settings().name == "Kriisiapu ry"  # may read
    with pytest.raises(PermissionDenied):
        counsellor.organisation.update(OrganisationSettings(name="Kriisiapu ry"))
    with pytest.raises(PermissionDenied):
        counsellor.retention.set_retention_days(400)


def test_retention_enforced_is_used_and_its_change_refused(
        tmp_path: Path, boss: services.Services, database: Database) -> None:
    boss.retention.set_retention_days(400)
    _deploy(tmp_path, "[enforced]\nretention_days = 3650\n")
    assert boss.retention.retention_days() == 3650
    before = _organisation_events(database)
    with pytest.raises(ValidationError, match="Retention period: set by your organisation"):
        boss.retention.set_retention_days(500)
    assert _organisation_events(database) == before
    with database.reading() as db_session:
        assert db_session.get(Meta, RETENTION_META_KEY).value == "400"  # type: ignore[union-attr]


def test_retention_default_stands_in_until_a_period_is_saved(
        tmp_path: Path, boss: services.Services) -> None:
    assert boss.retention.retention_days() == 1825
    _deploy(tmp_path, "[defaults]\nretention_days = 730\n")
    assert boss.retention.retention_days() == 730
    assert boss.retention.set_retention_days(400) == 400
    assert boss.retention.retention_days() == 400


# -- the command line ----------------------------------------------------------------------


@pytest.fixture
def cli_env(database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUOJA_PASSWORD", PASSWORD)


def test_the_organisation_command_shows_what_is_enforced_and_the_file(
        tmp_path: Path, db_path: Path, cli_env: None,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["organisation", "--db", str(db_path), "--user", "super"]) == 0
    out = capsys.readouterr().out
    assert "Name of the organisation: (not set)" in out
    assert (f"Deployment file: none (looked for {deployment.platform_location()})"
            in out.splitlines())
    path = _file(tmp_path, EVERY_KEY)
    deployment.use(path)
    assert main(["organisation", "--db", str(db_path), "--user", "super",
                 "--data-requests", "Kirjoita meille"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "Saved the organisation's settings.",
        "Name of the organisation: Kriisiapu ry (set by the deployment file)",
        "Classification line: Salassa pidettävä (JulkL 24 § 1 mom. 25 k.) "
        "(set by the deployment file)",
        "Help lines: Rikosuhripäivystys (RIKU) 116 006 · Hätänumero 112",
        "Data requests: Kirjoita meille",
        "Contact for the police: Päivystys 0800 000 000 (set by the deployment file)",
        "Retention period: 1825 days (set by the deployment file)",
        "An erasure needs a second supervisor's approval: no",
        f"Deployment file: {path}",
    ]


def test_the_command_line_refuses_an_enforced_change_with_exit_code_4(
        tmp_path: Path, db_path: Path, cli_env: None,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path, EVERY_KEY)
    deployment.use(path)
    assert main(["organisation", "--db", str(db_path), "--user", "super",
                 "--name", "Toinen"]) == 4
    assert capsys.readouterr().err == (
        f"suoja: Name of the organisation: set by your organisation's deployment file "
        f"({path}); only your IT department can change it there\n")
    assert main(["retention", "--db", str(db_path), "--user", "super", "--days", "400",
                 "--dry-run"]) == 4
    assert "Retention period: set by your organisation" in capsys.readouterr().err


def test_every_command_stops_on_an_unusable_file(
        tmp_path: Path, db_path: Path, cli_env: None,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path, "[defaults]\nretention_days = 10\n")
    deployment.use(path)
    assert main(["verify", "--db", str(db_path), "--user", "super"]) == 4
    assert capsys.readouterr().err == (
        f"suoja: In the organisation's deployment file {path}, defaults.retention_days "
        "must be between 30 and 36500.\n")


def test_a_real_process_reads_the_file_the_variable_names(tmp_path: Path) -> None:
    """As a shell script sees it: where /etc/suoja has no file, the variable's is read."""
    if deployment.platform_location().exists():
        pytest.skip("this computer has an organisation's deployment file")
    bad = _file(tmp_path, "[enforced]\nidle_lock_minutes = 'five'\n")
    env = {**os.environ, "SUOJA_PASSWORD": PASSWORD, deployment.VARIABLE: str(bad)}
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "init", "--db", str(tmp_path / "x.db"),
         "--user", "boss"], cwd=tmp_path, env=env, capture_output=True, text=True,
        stdin=subprocess.DEVNULL, timeout=120)
    assert done.returncode == 4
    assert done.stderr == (f"suoja: In the organisation's deployment file {bad}, "
                           "enforced.idle_lock_minutes must be a whole number.\n")
    assert not (tmp_path / "x.db").exists()


def test_the_documented_example_is_a_valid_file_with_every_key(tmp_path: Path) -> None:
    guide = (ROOT / "docs" / "DEPLOYMENT.md").read_text(encoding="utf-8")
    section = guide[guide.index("## 8. Settings an organisation deploys"):]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    deployed = deployment.load(_file(tmp_path, example))
    assert sorted({**deployed.defaults, **deployed.enforced}) == sorted(
        [*deployment.TEXT_KEYS, *deployment.NUMBER_RANGES])
    assert str(deployment.platform_location("linux")) in section


def test_a_file_saved_with_a_bom_is_read_and_utf_16_is_named(tmp_path: Path) -> None:
    """Windows PowerShell 5.1 writes UTF-8 with a BOM; some editors write UTF-16."""
    with_bom = tmp_path / "bom.toml"
    with_bom.write_bytes(b"\xef\xbb\xbf" + "[enforced]\nname = 'Kriisiapu Häme'\n".encode())
    assert deployment.load(with_bom).text("name") == "Kriisiapu Häme"
    wide = tmp_path / "wide.toml"
    wide.write_bytes("[enforced]\nname = 'Kriisiapu ry'\n".encode("utf-16"))
    with pytest.raises(DeploymentError, match=r"wide\.toml is not UTF-8 text; save it as UTF-8"):
        deployment.load(wide)
