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
# Ids become file names, so they may not carry path separators or dots.
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,127}$")
LANGUAGES = ("pt-BR", "en")


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
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ArticleError(f"{path}: not UTF-8 text; save the article as UTF-8") from None
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise ArticleError(f"{path}: missing YAML front matter between '---' lines")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as error:
        raise ArticleError(f"{path}: invalid front matter: {error}") from None
    if not isinstance(meta, dict):
        raise ArticleError(f"{path}: front matter must be a mapping of keys to values")
    missing = [key for key in REQUIRED_KEYS if not meta.get(key)]
    if missing:
        raise ArticleError(f"{path}: front matter lacks {', '.join(missing)}")

    article_id = str(meta["id"])
    if not _ID.match(article_id):
        raise ArticleError(f"{path}: id {article_id!r} must be lower-case letters, digits and '-'")
    if str(meta["language"]) not in LANGUAGES:
        raise ArticleError(f"{path}: language must be one of {', '.join(LANGUAGES)}")
    tags = meta.get("tags") or []
    if not isinstance(tags, list):
        raise ArticleError(f"{path}: tags must be a list, e.g. [vpn, senha]")
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
        tags=tuple(str(tag) for tag in tags),
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
