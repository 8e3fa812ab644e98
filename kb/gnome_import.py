"""Convert GNOME desktop help pages (one JSON object per line) into Balcão Markdown articles.

Usage: python -m kb.gnome_import SRC.jsonl OUTDIR [--lang pt-BR] [--id-prefix gnome-]

Each input line needs `id`, `page_type`, `title`, `guides` and `text`, with paragraphs
separated by blank lines. Only pages with page_type "topic" are converted, since guide
pages are link lists. The text has no headings, so the converter groups paragraphs into
sections of about 600–1,200 characters and names each section after its first sentence.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

logger = logging.getLogger(__name__)

MIN_SECTION_CHARS = 600
MAX_SECTION_CHARS = 1200
MAX_HEADING_CHARS = 80

_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# The article loader starts a section at any line that begins with "##", so body lines that
# begin with "#" are escaped.
_HASH_LINE = re.compile(r"^(\s*)#", re.M)


@dataclass(frozen=True)
class GnomePage:
    id: str
    language: str
    title: str
    guides: tuple[str, ...]
    text: str


def read_pages(path: Path, page_type: str = "topic") -> list[GnomePage]:
    """Read the pages of one page type from a GNOME help JSONL file, in file order."""
    pages = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: invalid JSON: {error}") from None
            if row.get("page_type") != page_type:
                continue
            missing = [key for key in ("id", "title", "text") if not row.get(key)]
            if missing:
                raise ValueError(f"{path}:{number}: missing {', '.join(missing)}")
            pages.append(
                GnomePage(
                    id=str(row["id"]),
                    language=str(row.get("lang") or ""),
                    title=" ".join(str(row["title"]).split()),
                    guides=tuple(str(guide) for guide in row.get("guides") or ()),
                    text=str(row["text"]),
                )
            )
    return pages


def paragraphs_of(text: str) -> list[str]:
    """Split text at blank lines, dropping empty paragraphs and escaping leading '#'."""
    return [
        _HASH_LINE.sub(r"\1\\#", paragraph.strip())
        for paragraph in _PARAGRAPH_BREAK.split(text)
        if paragraph.strip()
    ]


def _split_long(paragraph: str, max_chars: int) -> list[str]:
    """Split a paragraph longer than max_chars at sentence ends, or at spaces as a last resort."""
    if len(paragraph) <= max_chars:
        return [paragraph]

    sentences: list[str] = []
    for sentence in _SENTENCE_END.split(paragraph):
        while len(sentence) > max_chars:
            cut = sentence.rfind(" ", 0, max_chars)
            cut = cut if cut > 0 else max_chars
            sentences.append(sentence[:cut].rstrip())
            sentence = sentence[cut:].lstrip()
        sentences.append(sentence)

    pieces: list[str] = []
    current = ""
    for sentence in sentences:
        if current and len(current) + 1 + len(sentence) > max_chars:
            pieces.append(current)
            current = ""
        current = f"{current} {sentence}" if current else sentence
    pieces.append(current)
    return pieces


def group_sections(
    paragraphs: Sequence[str],
    min_chars: int = MIN_SECTION_CHARS,
    max_chars: int = MAX_SECTION_CHARS,
) -> list[list[str]]:
    """Group paragraphs, in order, into sections of about min_chars to max_chars characters.

    The text is shared out evenly: with T characters in all, each section aims at
    T / ceil(T / max_chars) characters (at least min_chars) and closes once it reaches that
    or when the next paragraph would push it past max_chars. A paragraph longer than
    max_chars is split at sentence ends first. A section can still fall short of min_chars
    when the text is short or a long paragraph follows it.
    """
    pieces = [piece for paragraph in paragraphs for piece in _split_long(paragraph, max_chars)]
    total = _joined_length(pieces)
    target = max(min_chars, total / max(1, math.ceil(total / max_chars)))

    sections: list[list[str]] = []
    current: list[str] = []
    for piece in pieces:
        size = _joined_length(current)
        if current and (size >= target or size + 2 + len(piece) > max_chars):
            sections.append(current)
            current = []
        current.append(piece)
    if current:
        sections.append(current)
    return sections


def _joined_length(paragraphs: Sequence[str]) -> int:
    """Return the length of the paragraphs joined by blank lines."""
    return sum(len(paragraph) for paragraph in paragraphs) + 2 * max(len(paragraphs) - 1, 0)


def heading_for(text: str, max_chars: int = MAX_HEADING_CHARS, fallback: str = "…") -> str:
    """Derive a one-line heading from the first sentence, cut at a word to max_chars.

    Text with no letter or digit in its first sentence gets the fallback, because an empty
    "## " line would make the article loader take the next line as the heading.
    """
    sentence = _SENTENCE_END.split(" ".join(text.split()), maxsplit=1)[0]
    sentence = sentence.lstrip("\\#").strip().rstrip(".:;, ")
    if not any(char.isalnum() for char in sentence):
        return fallback
    if len(sentence) <= max_chars:
        return sentence
    cut = sentence.rfind(" ", 0, max_chars)
    cut = cut if cut > max_chars // 2 else max_chars - 1
    return sentence[:cut].rstrip(" ,;:") + "…"


def article_language(page: GnomePage, language: str | None) -> str:
    """Return the language given on the command line, else the page's, with pt_BR as pt-BR."""
    chosen = language or page.language
    if not chosen:
        raise ValueError(f"page {page.id!r} has no language; pass --lang")
    return "pt-BR" if chosen.replace("_", "-").lower() == "pt-br" else chosen


def page_to_markdown(
    page: GnomePage, language: str | None = None, id_prefix: str = "gnome-"
) -> str:
    """Render one page as an article: front matter, the first paragraph as intro, sections."""
    paragraphs = paragraphs_of(page.text)
    if not paragraphs:
        raise ValueError(f"page {page.id!r} has no text")

    front_matter = {
        "id": f"{id_prefix}{page.id}",
        "title": page.title,
        "language": article_language(page, language),
        "category": f"gnome-{page.guides[0]}" if page.guides else "gnome-other",
        "topic": page.id,
        "tags": list(page.guides),
    }
    header = yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=False, width=1000)

    # A very long first paragraph leaves its tail to the first section, to bound the intro.
    intro, *rest = _split_long(paragraphs[0], MAX_SECTION_CHARS)
    parts = [f"---\n{header}---\n", intro]
    for section in group_sections([*rest, *paragraphs[1:]]):
        heading = heading_for(section[0], fallback=page.title)
        parts.append(f"## {heading}\n\n" + "\n\n".join(section))
    return "\n\n".join(parts) + "\n"


def write_articles(
    source: Path,
    folder: Path,
    language: str | None = None,
    id_prefix: str = "gnome-",
) -> list[Path]:
    """Write one `<id>.md` article per topic page of the source file into the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for page in read_pages(source):
        if not paragraphs_of(page.text):
            logger.warning("skipped GNOME page %s because it has no text", page.id)
            continue
        path = folder / f"{id_prefix}{page.id}.md"
        path.write_text(page_to_markdown(page, language, id_prefix), encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kb.gnome_import",
        description="Convert GNOME help topic pages (JSONL) into Balcão Markdown articles.",
    )
    parser.add_argument("source", type=Path, help="GNOME help JSONL file, one page per line")
    parser.add_argument("folder", type=Path, help="folder to write the .md articles into")
    parser.add_argument(
        "--lang",
        default=None,
        help="article language (pt-BR or en); default: each page's `lang` field",
    )
    parser.add_argument(
        "--id-prefix",
        default="gnome-",
        help="prefix of article ids and file names; use a different one per language "
        "to load two languages into one knowledge base (default: gnome-)",
    )
    arguments = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if not arguments.source.is_file():
        parser.error(f"source file not found: {arguments.source}")
    written = write_articles(
        arguments.source, arguments.folder, arguments.lang, arguments.id_prefix
    )
    logger.info("wrote %d articles to %s", len(written), arguments.folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
