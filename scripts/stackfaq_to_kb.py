"""Turn the StackFAQ dev set into a Balcão knowledge base and `balcao eval kb` queries.

Usage: python scripts/stackfaq_to_kb.py ../shared/data/stackfaq/stackfaq_dev.json OUT_DIR
Writes OUT_DIR/articles/en/faq-<id>.md (question as title, answers as sections) and
OUT_DIR/queries.jsonl (`text`, `article`). The data stays outside the repository.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ANSWER_CHARS = 1500


def main(source: Path, out: Path) -> None:
    data = json.loads(source.read_text(encoding="utf-8"))
    articles = out / "articles" / "en"
    articles.mkdir(parents=True, exist_ok=True)

    for faq in data["faqs"]:
        article_id = f"faq-{faq['faq_id']}"
        title = " ".join(str(faq["question"]).split()).replace('"', "'")
        sections = [
            f"## Answer {number}\n\n{str(answer).strip()[:ANSWER_CHARS]}"
            for number, answer in enumerate(faq["answers"][:3], 1)
        ]
        body = "\n\n".join(sections) or "## Answer\n\n(no answer)"
        front = (f'---\nid: {article_id}\ntitle: "{title}"\nlanguage: en\n'
                 f"category: stackfaq\ntopic: {article_id}\ntags: []\n---\n\n{title}\n\n")
        (articles / f"{article_id}.md").write_text(front + body + "\n", encoding="utf-8")

    with (out / "queries.jsonl").open("w", encoding="utf-8") as sink:
        for query in data["queries"]:
            sink.write(json.dumps({"text": query["text"], "article": f"faq-{query['faq_id']}"})
                       + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
