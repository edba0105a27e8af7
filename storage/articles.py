"""Articles by guid, with every version of their text (NOS edits reports in place)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sqlmodel import Session, col, select

from storage.models import Article, ArticleVersion, utcnow

UpsertStatus = Literal["new", "changed", "unchanged", "stale"]
PARSE_STATUSES = ("pending", "parsed", "no_races", "failed")


@dataclass(frozen=True, slots=True)
class ArticleUpsert:
    article: Article
    status: UpsertStatus  # stale: the text of an OLDER version came back (a replaying cache), ignored
    previous_version: int | None = None


def content_hash(title: str, text: str) -> str:
    """What counts as a change: the title or the plain text, whitespace-normalised."""
    normal = " ".join(title.split()) + "\n" + "\n".join(" ".join(line.split()) for line in text.splitlines())
    return hashlib.sha256(normal.strip().encode("utf-8")).hexdigest()


def get_article(*, session: Session, guid: str) -> Article | None:
    return session.exec(select(Article).where(Article.guid == guid)).first()


def upsert_article(
    *,
    session: Session,
    guid: str,
    feed: str,
    title: str,
    text: str,
    html: str | None = None,
    url: str | None = None,
    published: dt.datetime | None = None,
    now: dt.datetime | None = None,
) -> ArticleUpsert:
    """Insert a new article, store a new version of a changed one, or leave an unchanged one alone.

    Flushes but does not commit.
    """
    now = now or utcnow()
    digest = content_hash(title, text)
    article = get_article(session=session, guid=guid)
    if article is None:
        article = Article(guid=guid, feed=feed, url=url, title=title, published=published, content_hash=digest,
                          html=html, text=text, version=1, parse_status="pending", first_seen_at=now,
                          updated_at=now)
        session.add(article)
        session.flush()
        _add_version(session, article, now)
        return ArticleUpsert(article, "new")
    if article.content_hash == digest:
        return ArticleUpsert(article, "unchanged", article.version)
    if _is_older_version(session, article, digest):
        return ArticleUpsert(article, "stale", article.version)
    previous = article.version
    article.version = previous + 1
    article.title, article.text, article.html, article.content_hash = title, text, html, digest
    article.url = url or article.url
    article.published = published or article.published
    article.parse_status, article.parse_reason = "pending", None
    article.updated_at = now
    session.add(article)
    session.flush()
    _add_version(session, article, now)
    return ArticleUpsert(article, "changed", previous)


def known_hashes(*, session: Session, guids: Sequence[str]) -> dict[str, tuple[str, frozenset[str]]]:
    """For each known guid: its current content hash and every hash it ever had (one query per 500 guids)."""
    out: dict[str, tuple[str, set[str]]] = {}
    for start in range(0, len(guids), 500):
        chunk = list(guids[start:start + 500])
        statement = (select(Article.guid, Article.content_hash, ArticleVersion.content_hash)
                     .join(ArticleVersion, col(ArticleVersion.article_id) == col(Article.id), isouter=True)
                     .where(col(Article.guid).in_(chunk)))
        for guid, current, old in session.exec(statement):
            out.setdefault(guid, (current, set()))[1].add(old or current)
    return {guid: (current, frozenset(hashes)) for guid, (current, hashes) in out.items()}


def set_parse_status(*, session: Session, article: Article, status: str, reason: str | None = None) -> None:
    if status not in PARSE_STATUSES:
        raise ValueError(f"unknown parse status {status!r}")
    article.parse_status = status
    article.parse_reason = reason[:500] if reason else None
    session.add(article)


def article_versions(*, session: Session, article_id: int) -> list[ArticleVersion]:
    statement = select(ArticleVersion).where(ArticleVersion.article_id == article_id)
    return list(session.exec(statement.order_by(col(ArticleVersion.version))))


def _add_version(session: Session, article: Article, now: dt.datetime) -> None:
    assert article.id is not None
    session.add(ArticleVersion(article_id=article.id, version=article.version, content_hash=article.content_hash,
                               title=article.title, text=article.text, fetched_at=now))


def _is_older_version(session: Session, article: Article, digest: str) -> bool:
    statement = select(ArticleVersion.id).where(
        ArticleVersion.article_id == article.id, ArticleVersion.content_hash == digest
    )
    return session.exec(statement).first() is not None
