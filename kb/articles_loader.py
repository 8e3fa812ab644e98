"""Knowledge-base articles: Markdown files with YAML front matter, split into sections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

STARTER_DIR = Path(__file__).parent / "articles"
REQUIRED_KEYS = ("id", "title", "language", "category")

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_HEADING = re.compile(r"^##\s+(.+?)\s*$", re.M)


class ArticleError(ValueError):
    """An article file that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class Section:
    article_id: str
    number: int
    heading: str
    body: str


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    language: str
    category: str
    topic: str
    tags: tuple[str, ...]
    intro: str
    sections: tuple[Section, ...]
    path: Path

    def section(self, number: int) -> Section:
        return self.sections[number]


def parse_article(path: Path) -> Article:
    """Read one article; the intro becomes section 0 and each `## ` heading a section."""
    text = path.read_text(encoding="utf-8")
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise ArticleError(f"{path}: missing YAML front matter between '---' lines")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        raise ArticleError(f"{path}: invalid front matter: {error}") from None
    missing = [key for key in REQUIRED_KEYS if not meta.get(key)]
    if missing:
        raise ArticleError(f"{path}: front matter lacks {', '.join(missing)}")

    article_id = str(meta["id"])
    body = text[match.end() :]
    parts = _HEADING.split(body)
    intro = parts[0].strip()
    sections = [Section(article_id, 0, str(meta["title"]), intro)]
    for number, (heading, content) in enumerate(zip(parts[1::2], parts[2::2], strict=True), 1):
        sections.append(Section(article_id, number, heading.strip(), content.strip()))
    if len(sections) == 1 and not intro:
        raise ArticleError(f"{path}: the article has no text")

    return Article(
        id=article_id,
        title=str(meta["title"]),
        language=str(meta["language"]),
        category=str(meta["category"]),
        topic=str(meta.get("topic") or article_id),
        tags=tuple(str(tag) for tag in meta.get("tags") or []),
        intro=intro,
        sections=tuple(sections),
        path=path,
    )


def load_articles(*folders: Path) -> list[Article]:
    """Every `*.md` article under the folders, in a stable order; ids must be unique."""
    articles: dict[str, Article] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.md")):
            article = parse_article(path)
            if article.id in articles:
                raise ArticleError(
                    f"{path}: id {article.id!r} is already used by {articles[article.id].path}"
                )
            articles[article.id] = article
    return list(articles.values())
