"""The shipped service files agree with the code: the systemd unit, the Dockerfile and the
compose file name real commands, settings and exit codes. Docker is not run here (no daemon
on the test machines); what can be checked without it is."""

from __future__ import annotations

import configparser
import re
import shlex
from pathlib import Path

import yaml

from bot.cli import build_parser
from bot.cli.run import EXIT_REJECTED
from config.settings import EXIT_CONFIG, Settings, env_name

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
VARIABLES = {env_name(n, f) for n, f in Settings.model_fields.items()} | {"DIPLOBOT_CONFIG"}


def commands() -> set[str]:
    parser = build_parser()
    return set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


def test_the_systemd_unit_runs_the_bot_and_does_not_restart_a_wrong_setting() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read(DEPLOY / "diplobot.service")
    service = unit["Service"]
    assert shlex.split(service["ExecStart"])[1:] == ["run"]
    assert shlex.split(service["ExecStartPre"])[1:] == ["db", "upgrade"]
    prevented = {int(code) for code in service["RestartPreventExitStatus"].split()}
    assert prevented == {EXIT_CONFIG, EXIT_REJECTED}
    assert service["Restart"] == "on-failure" and service["KillSignal"] == "SIGTERM"
    names = re.findall(r"^Environment=(\w+)=", (DEPLOY / "diplobot.service").read_text(), re.M)
    assert names and set(names) <= VARIABLES
    assert service["StateDirectory"] == "diplobot"


def test_the_dockerfile_copies_what_exists_and_runs_diplobot() -> None:
    lines = (DEPLOY / "Dockerfile").read_text().splitlines()
    copied = [line.split()[1:-1] for line in lines if line.startswith("COPY ")]
    for sources in copied:
        assert all((ROOT / source).exists() for source in sources), sources
    assert {"bot", "storage", "config", "pyproject.toml"} <= {s for c in copied for s in c}
    assert 'ENTRYPOINT ["diplobot"]' in lines and 'CMD ["run"]' in lines
    assert "DIPLOBOT_DATA_DIR=/data" in "\n".join(lines)


def test_the_compose_file_runs_the_bot_on_postgres_with_valid_settings(tmp_path: Path) -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    bot, db = compose["services"]["bot"], compose["services"]["db"]
    assert (DEPLOY / bot["build"]["context"] / bot["build"]["dockerfile"]).is_file()
    assert bot["depends_on"]["db"]["condition"] == "service_healthy" and "healthcheck" in db
    assert bot["command"][0] in commands()
    environment = {
        name: re.sub(r"\$\{(\w+)(?::[-?][^}]*)?\}", lambda m: f"sample-{m[1].lower()}", value)
        for name, value in bot["environment"].items()
    }
    assert set(environment) <= VARIABLES
    environment["DIPLOBOT_READ_NEWS_CHANNELS"] = "false"
    environment["DIPLOBOT_DEFAULT_TIMEZONE"] = "UTC"
    settings = Settings.load(tmp_path / "none.toml", environ=environment)
    assert settings.sqlalchemy_url.startswith("postgresql://diplobot:sample-postgres_password@db")
    assert settings.log_format == "json"
    assert db["environment"]["POSTGRES_DB"] == "diplobot"
