"""Short titles and descriptions for what a requester sent, whatever its shape."""

from __future__ import annotations

from bot.desk.commands import FileRef
from bot.text import first_line

TITLE_LIMIT = 120

# Language-neutral marks, because the requester's language is not known yet when the
# message is recorded (the profile is read after the ack).
FILES_MARK = "📎"
EMPTY_MARK = "—"


def describe(text: str, files: tuple[FileRef, ...]) -> tuple[str, str]:
    """Return a (title, description) pair for a new chamado.

    The description keeps the requester's whole text and lists attached files after it, so a
    files-only message still reads as something an agent can act on.
    """
    stripped = text.strip()
    file_line = f"{FILES_MARK} " + ", ".join(file.name for file in files) if files else ""

    if not stripped:
        description = file_line or EMPTY_MARK
        return first_line(description, TITLE_LIMIT), description

    description = f"{stripped}\n\n{file_line}" if file_line else stripped
    return first_line(stripped, TITLE_LIMIT), description
