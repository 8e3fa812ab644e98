"""Block Kit for the bot's first-contact replies: answers, suggestions, hand-offs."""

from __future__ import annotations

from bot.i18n import t
from bot.slack.blocks import AGENT_ACTION, Block, context, quote, section
from bot.slack.markup import escape
from bot.slack.mrkdwn import from_markdown
from bot.text import truncate
from kb.articles_loader import Article, Section
from kb.search import Hit

RESOLVED_ACTION = "kb_resolved"
DECLINE_ACTION = "kb_declined"
OPEN_ARTICLE_ACTION = "kb_open_article"
BODY_LIMIT = 2500


def button(action_id: str, label: str, value: str, style: str | None = None) -> Block:
    element: Block = {
        "type": "button",
        "action_id": action_id,
        "value": value[:2000],
        "text": {"type": "plain_text", "text": label[:75]},
    }
    if style:
        element["style"] = style
    return element


def actions(key: str, *elements: Block) -> Block:
    return {"type": "actions", "block_id": f"fc:{key}"[:255], "elements": list(elements)}


def article_value(article: Article, section_number: int) -> str:
    return f"{article.id}#{section_number}"


def section_text(hit_section: Section, limit: int = BODY_LIMIT) -> str:
    body = from_markdown(truncate(hit_section.body, limit))
    heading = escape(hit_section.heading)
    return f"*{heading}*\n{body}"[:3000]


def answer(key: str, hit: Hit, language: str) -> tuple[str, list[Block]]:
    """Build the best section of the best article, with "Resolveu" and a way to a person."""
    return t(language, "fc.answer_intro", key=key), [
        section(t(language, "fc.answer_intro", key=key)),
        section(section_text(hit.section)),
        context(t(language, "fc.answer_source", title=escape(hit.article.title))),
        section(t(language, "fc.question_resolved")),
        actions(
            key,
            button(RESOLVED_ACTION, t(language, "button.resolved"), key, "primary"),
            button(DECLINE_ACTION, t(language, "button.talk_to_agent"), key),
            button(
                OPEN_ARTICLE_ACTION,
                t(language, "button.open_article"),
                article_value(hit.article, hit.section.number),
            ),
        ),
    ]


def suggestions(key: str, hits: tuple[Hit, ...], language: str) -> tuple[str, list[Block]]:
    """Up to three articles to read, each with a button, and the way to an agent."""
    blocks = [section(t(language, "fc.suggest_intro", key=key))]
    for hit in hits[:3]:
        title = escape(truncate(hit.article.title, 150))
        heading = "" if hit.section.number == 0 else f" — {escape(hit.section.heading)}"
        blocks.append(
            {
                "type": "section",
                "text": {"type": "mrkdwn", "text": f"• *{title}*{heading}"[:3000]},
                "accessory": button(
                    OPEN_ARTICLE_ACTION,
                    t(language, "button.open_article"),
                    article_value(hit.article, hit.section.number),
                ),
            }
        )
    blocks.append(context(t(language, "fc.suggest_hint")))
    blocks.append(actions(key, button(AGENT_ACTION, t(language, "button.agent"), key)))
    return t(language, "fc.suggest_intro", key=key), blocks


def escalated(
    key: str, category: str | None, priority: str | None, team: str | None, language: str
) -> tuple[str, list[Block]]:
    if category and priority and team:
        text = t(language, "fc.escalated", key=key, category=category, priority=priority, team=team)
    else:
        text = t(language, "fc.escalated_unknown", key=key)
    return text, [section(text)]


def unsupported(key: str, redirect: str, language: str) -> tuple[str, list[Block]]:
    text = t(language, "fc.unsupported", redirect=redirect)
    return text, [
        section(text),
        context(t(language, "fc.unsupported_logged", key=key)),
        actions(key, button(AGENT_ACTION, t(language, "button.agent"), key)),
    ]


def small_talk(key: str, reply: str, language: str) -> tuple[str, list[Block]]:
    return reply, [
        section(escape(reply)),
        context(t(language, "fc.small_talk_hint")),
        actions(key, button(AGENT_ACTION, t(language, "button.agent"), key)),
    ]


def article_modal(article: Article, first_section: int, language: str) -> Block:
    """A modal with the whole article, starting from the section the bot offered."""
    order = [*article.sections[first_section:], *article.sections[:first_section]]
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": truncate(article.title, 150)}}
    ]
    for part in order:
        if part.body:
            blocks.append(section(section_text(part, 2900)))
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": t(language, "article.modal_title")[:24]},
        "close": {"type": "plain_text", "text": "OK"},
        "blocks": blocks[:100],
    }


def requester_quote(text: str) -> Block:
    return section(quote(text))
