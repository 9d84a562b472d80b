"""Mapping stored rows to the render layer's views (one place that knows both shapes)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.render import ChangeView, EventView, SourceView
from storage.models import ArticleRow, EventArticle, EventHistory, EventRow


def event_view(
    row: EventRow,
    sources: Sequence[tuple[EventArticle, ArticleRow]] = (),
    history: Sequence[EventHistory] = (),
) -> EventView:
    titles = {
        article.id: (article.title or article.source or article.ref) for _, article in sources
    }
    return EventView(
        id=int(row.id or 0),
        type=row.type,
        date=row.date,
        end_date=row.end_date,
        participants=tuple(row.participant_codes),
        people=tuple(row.people or ()),
        location=row.location,
        status=row.status,
        title=row.title,
        confidence=float(row.confidence or 0.0),
        sources=tuple(
            SourceView(
                title=article.title or article.ref,
                url=article.url,
                source=article.source,
                published=article.published,
                evidence=link.evidence,
            )
            for link, article in sources
        ),
        history=tuple(
            ChangeView(
                at=change.at,
                field=change.field,
                old=change.old,
                new=change.new,
                source=titles.get(change.article_id, "") if change.article_id else "",
            )
            for change in history
        ),
    )
