#!/usr/bin/env python3
"""The texts behind gold rows that name an article in ``../shared`` by id, never copying it.

Ids: ``reuters-<NEWID>`` (Reuters-21578, the ``text`` field, DCT from ``published``) and
``timebank-<DOCID>`` (the plain text of ``<TEXT>`` in TimeBank, DCT from ``<DCT>``).

Usage: python scripts/gold_texts.py ID [ID ...] > articles.jsonl  (to read them while annotating)
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

from bot.extract.timex_eval import parse_tml

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REUTERS = SHARED / "corpora" / "reuters21578" / "reuters21578.jsonl"
TIMEBANK = SHARED / "corpora" / "timebank"


@cache
def _reuters() -> dict[str, dict]:
    with REUTERS.open(encoding="utf-8") as lines:
        return {row["id"]: row for row in map(json.loads, lines)}


def article_for(article_id: str) -> dict:
    """``{id, dct, title, text}`` of one shared article; KeyError when there is none."""
    if article_id.startswith("reuters-"):
        row = _reuters()[article_id]
        return {
            "id": article_id,
            "dct": (row.get("published") or "")[:10] or None,
            "title": row.get("title") or "",
            "dateline": row.get("dateline") or "",
            "text": row["text"],
        }
    if article_id.startswith("timebank-"):
        path = TIMEBANK / f"{article_id.removeprefix('timebank-')}.tml"
        if not path.is_file():
            raise KeyError(article_id)
        document = parse_tml(path)
        return {
            "id": article_id,
            "dct": document.dct.isoformat(),
            "title": "",
            "text": document.text,
        }
    raise KeyError(article_id)


def text_for(row: dict) -> str:
    return article_for(row["id"])["text"]


def main() -> int:
    for article_id in sys.argv[1:]:
        print(json.dumps(article_for(article_id), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
