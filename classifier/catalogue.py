"""The service catalogue: categories with exemplars, unsupported topics and small talk."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

DEFAULT_CATALOGUE = Path(__file__).parent / "catalogue" / "default.yml"
LANGUAGES = ("pt-BR", "en")


class RequestType(StrEnum):
    """MOF's four kinds of customer request."""

    INFORMATION = "information"
    EXISTING_SERVICE = "existing_service"
    NEW_SERVICE = "new_service"
    INCIDENT = "incident"


class CatalogueError(ValueError):
    """The catalogue file is missing, malformed or inconsistent."""


@dataclass(frozen=True)
class Topic:
    """A category, an unsupported topic or a kind of small talk, with its exemplars."""

    id: str
    names: dict[str, str]
    exemplars: dict[str, tuple[str, ...]]
    request_type: RequestType | None = None
    team: str | None = None
    keywords: tuple[str, ...] = ()
    redirect: dict[str, str] = field(default_factory=dict)
    answer: dict[str, str] = field(default_factory=dict)

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names.get("pt-BR") or self.id


@dataclass(frozen=True)
class Team:
    id: str
    names: dict[str, str]
    triage_channel: str


@dataclass(frozen=True)
class Catalogue:
    categories: tuple[Topic, ...]
    unsupported: tuple[Topic, ...]
    small_talk: tuple[Topic, ...]
    teams: dict[str, Team]

    def category(self, category_id: str) -> Topic | None:
        return next((topic for topic in self.categories if topic.id == category_id), None)

    def topic(self, topic_id: str) -> Topic | None:
        every = (*self.categories, *self.unsupported, *self.small_talk)
        return next((topic for topic in every if topic.id == topic_id), None)


def _texts(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise CatalogueError(f"{where}: expected a mapping of language to text")
    return {str(language): text for language, text in value.items()}


def _exemplars(value: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise CatalogueError(f"{where}: exemplars must map a language to a list of phrases")
    exemplars = {
        str(lang): tuple(str(text) for text in texts or []) for lang, texts in value.items()
    }
    if not any(exemplars.values()):
        raise CatalogueError(f"{where}: at least one exemplar is required")
    return exemplars


def _topic(raw: dict[str, Any], where: str, *, needs_type: bool) -> Topic:
    if "id" not in raw:
        raise CatalogueError(f"{where}: missing id")
    where = f"{where} {raw['id']!r}"
    request_type = None
    if needs_type:
        try:
            request_type = RequestType(str(raw.get("request_type")))
        except ValueError:
            allowed = ", ".join(kind.value for kind in RequestType)
            raise CatalogueError(f"{where}: request_type must be one of {allowed}") from None
    return Topic(
        id=str(raw["id"]),
        names=_texts(raw.get("name", {"pt-BR": raw["id"]}), f"{where} name"),
        exemplars=_exemplars(raw.get("exemplars"), where),
        request_type=request_type,
        team=raw.get("team"),
        keywords=tuple(str(keyword) for keyword in raw.get("keywords") or []),
        redirect=_texts(raw.get("redirect", {}), f"{where} redirect"),
        answer=_texts(raw.get("answer", {}), f"{where} answer"),
    )


def load_catalogue(path: Path = DEFAULT_CATALOGUE) -> Catalogue:
    """Read and check a catalogue file; raises `CatalogueError` naming the faulty entry."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise CatalogueError(f"cannot read catalogue {path}: {error}") from None
    if not isinstance(raw, dict) or not raw.get("categories"):
        raise CatalogueError(f"{path}: expected a mapping with a 'categories' list")

    teams = {
        str(team["id"]): Team(
            str(team["id"]),
            _texts(team.get("name", {}), "team name"),
            str(team.get("triage_channel", "")).lstrip("#"),
        )
        for team in raw.get("teams") or []
    }
    categories = tuple(_topic(item, "category", needs_type=True) for item in raw["categories"])
    for category in categories:
        if category.team is not None and category.team not in teams:
            raise CatalogueError(f"category {category.id!r}: unknown team {category.team!r}")
    return Catalogue(
        categories=categories,
        unsupported=tuple(
            _topic(item, "unsupported", needs_type=False) for item in raw.get("unsupported") or []
        ),
        small_talk=tuple(
            _topic(item, "small_talk", needs_type=False) for item in raw.get("small_talk") or []
        ),
        teams=teams,
    )
