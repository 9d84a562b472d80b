"""The layers point down: a module imports only from its own package or the layers below.

``LAYERS`` is the one place the direction is written (lowest first); docs/ARCHITECTURE.md
explains it. Every import counts: module level, inside functions, and type-checking only.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OURS = ("bot", "config", "storage")

LAYERS: tuple[str, ...] = (
    "config",  # settings and data files
    "bot.clock",  # the one source of "now"
    "bot.scheduling",  # jobs with fixed ids on APScheduler
    "bot.demo",  # the sample articles (data)
    "bot.extract",  # pure: Article -> events; nothing of ours but config
    "bot.news",  # reading articles: text, files, pages, feeds, channel messages
    "bot.names",  # participant names, from the gazetteer's data
    "bot.titles",  # event titles
    "bot.timeline_identity",  # when two mentions are one event (pure)
    "storage",  # tables, engine, migrations, repositories
    "bot.timeline",  # merging articles' events into the stored timeline
    "bot.timeline_audit",  # judging a stored timeline's joins and moves
    "bot.render",  # rows -> views -> cards (and calendars)
    "bot.alerts",  # outbox, alerts on change, reminders, digests, mirroring, sending
    "bot.services",  # the features the chat and the command line call
    "bot.web",  # the calendar web server (inside the bot process)
    "bot.app",  # the composition root
    "bot.chat",  # the Discord client and its cogs
    "bot.cli",  # the command line (runs the Discord client too)
    "bot.__main__",
    "bot",  # the package itself (version)
)
# Imports the layers forbid, kept for a while with who removes them and why (none today).
KNOWN_EXCEPTIONS: dict[tuple[str, str], str] = {}


def layer_of(module: str) -> int:
    """Index of the most specific layer holding ``module``."""
    best = max(
        (p for p in LAYERS if module == p or module.startswith(p + ".")),
        key=len,
        default=None,
    )
    assert best is not None, f"{module} is in no layer: add its package to LAYERS"
    return LAYERS.index(best)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every module of ours that ``path`` imports, wherever the import statement is."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path).rsplit(".", 1)[0] if path.name != "__init__.py" else None
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = (package or module_name(path)).split(".")
                base = ".".join([*anchor[: len(anchor) - node.level + 1], base]).strip(".")
            found.add(base)
    return {name for name in found if name.split(".")[0] in OURS}


def source_files() -> list[Path]:
    return sorted(p for top in OURS for p in (ROOT / top).rglob("*.py"))


def test_every_import_points_down_or_sideways_within_a_package() -> None:
    upward: list[str] = []
    for path in source_files():
        importer = module_name(path)
        for imported in sorted(imports_of(path)):
            if (importer, imported) in KNOWN_EXCEPTIONS:
                continue
            if layer_of(imported) > layer_of(importer):
                upward.append(f"{importer} imports {imported}")
    assert upward == [], "imports against the layers:\n" + "\n".join(upward)


def test_known_exceptions_still_exist() -> None:
    """An exception that no longer happens is deleted, so the list never hides a new one."""
    for importer, imported in KNOWN_EXCEPTIONS:
        path = ROOT / (importer.replace(".", "/") + ".py")
        if path.exists() and imported in imports_of(path):
            continue
        raise AssertionError(f"{importer} no longer imports {imported}: drop the exception")


def test_a_layer_violation_is_caught() -> None:
    """The checker itself: extract reaching for the timeline would be reported."""
    assert layer_of("bot.timeline") > layer_of("bot.extract.events")
    assert layer_of("bot.chat.cogs.digest") > layer_of("bot.services.digests")
    assert layer_of("storage.repos.outbox") < layer_of("bot.alerts.sender")


def test_no_feature_looks_another_up_by_name() -> None:
    """Cogs get services from the app; nothing in bot/ calls ``get_cog``."""
    callers = [
        module_name(path)
        for path in source_files()
        if any(
            isinstance(node, ast.Attribute) and node.attr == "get_cog"
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )
    ]
    assert callers == []
