"""Cue phrases in pt-BR and English for urgency, impact and request type, with negation."""

from __future__ import annotations

import re

from classifier.catalogue import RequestType
from classifier.normalise import fold

# Phrases are matched on folded text (lower case, no accents), as whole words.
NOT_URGENT = (
    "nao e urgente",
    "nao eh urgente",
    "nada urgente",
    "sem urgencia",
    "sem pressa",
    "nao tem pressa",
    "nao precisa ser agora",
    "quando puder",
    "quando der",
    "sem correria",
    "not urgent",
    "no rush",
    "no hurry",
    "whenever you can",
    "low priority",
    "not a priority",
    "urgente nao",
    "urgencia nao",
    "not urgent but",
)
URGENT = (
    "urgente",
    "urgencia",
    "urgentemente",
    "emergencia",
    "o quanto antes",
    "imediatamente",
    "agora",
    "socorro",
    "cliente esperando",
    "em reuniao",
    "prazo hoje",
    "urgent",
    "urgently",
    "asap",
    "emergency",
    "right now",
    "immediately",
    "critical",
    "deadline today",
)
WIDE_IMPACT = (
    "ninguem consegue",
    "ninguem do",
    "ninguem aqui",
    "todo mundo",
    "toda a equipe",
    "o andar",
    "andar inteiro",
    "o setor",
    "setor inteiro",
    "o departamento",
    "a empresa toda",
    "a filial",
    "varias pessoas",
    "varios usuarios",
    "a equipe inteira",
    "o time todo",
    "nobody can",
    "no one can",
    "whole team",
    "whole floor",
    "entire office",
    "all users",
    "several people",
    "the whole department",
    "todos aqui",
    "todos do",
    "todos os usuarios",
    "empresa inteira",
    "todo o",
    "everyone here",
    "everyone in the office",
    "everyone on the floor",
    "nobody on",
    "no one on",
    "whole company",
    "entire company",
)
INCIDENT = (
    "nao funciona",
    "parou",
    "caiu",
    "travou",
    "trava",
    "erro",
    "nao conecta",
    "nao liga",
    "quebrou",
    "quebrado",
    "nao abre",
    "nao imprime",
    "lento",
    "fora do ar",
    "nao consigo",
    "not working",
    "stopped",
    "broken",
    "error",
    "crash",
    "crashed",
    "down",
    "won't",
    "can't",
    "cannot",
    "doesn't work",
    "slow",
    "frozen",
)
QUESTION = (
    "como",
    "onde",
    "qual",
    "quais",
    "quando",
    "posso",
    "da pra",
    "e possivel",
    "tem como",
    "how",
    "where",
    "which",
    "what",
    "can i",
    "is it possible",
    "is there",
)
NEW_SERVICE = (
    "novo",
    "nova",
    "comprar",
    "adquirir",
    "solicitar um",
    "solicitar uma",
    "pedir um",
    "pedir uma",
    "new",
    "buy",
    "purchase",
    "order a",
)


def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    escaped = sorted((re.escape(phrase) for phrase in phrases), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(escaped) + r")(?!\w)")


_NOT_URGENT, _URGENT = _pattern(NOT_URGENT), _pattern(URGENT)
_WIDE, _INCIDENT = _pattern(WIDE_IMPACT), _pattern(INCIDENT)
_QUESTION, _NEW = _pattern(QUESTION), _pattern(NEW_SERVICE)


def urgency_cue(text: str) -> str | None:
    """'low' for an explicit "not urgent", 'high' for an urgency cue, else None.

    Negation wins: "não é urgente" contains "urgente", and it must never raise urgency.
    """
    folded = fold(text)
    if _NOT_URGENT.search(folded):
        return "low"
    if _URGENT.search(folded) or "!!!" in text:
        return "high"
    return None


def has_wide_impact(text: str) -> bool:
    return bool(_WIDE.search(fold(text)))


def request_type_for(text: str, default: RequestType) -> RequestType:
    """Return the request type the words point to, or the category's usual one."""
    # "de novo" means "again", not "new".
    folded = fold(text).replace("de novo", " ")
    if _INCIDENT.search(folded):
        return RequestType.INCIDENT
    if _NEW.search(folded):
        return RequestType.NEW_SERVICE
    if folded.rstrip().endswith("?") or _QUESTION.match(folded.lstrip()):
        return RequestType.INFORMATION
    return default
