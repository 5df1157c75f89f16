"""Generated articles for measurements (search speed, load): made of the demo articles' sentences, shuffled, so
that words and phrases are distributed as in real text. Saved live without revisions, which neither the search
index nor the public pages need; meant for a scratch database."""

import datetime
import json
from pathlib import Path

from django.db import transaction

from articles.models import ArticlePage

DEMO_ARTICLES = Path(__file__).resolve().parent / "content" / "articles.jsonl"
PEOPLE = ["Tiến Sỹ", "Minh Thu", "Quang Hưng", "Nguyễn Thị Lan", "Hoàng Hải", "Lò Văn Sáng"]
BATCH = 500


def demo_text():
    records = [json.loads(line) for line in DEMO_ARTICLES.read_text(encoding="utf-8").splitlines() if line]
    paragraphs = [paragraph for record in records for paragraph in record["body"]]
    return {
        "titles": [record["title"] for record in records],
        "leads": [record["lead"] for record in records],
        "sentences": [sentence.strip() + "." for text in paragraphs for sentence in text.split(". ") if sentence],
    }


def generate_articles(section, count, offset, rng, *, fields=None, progress=None):
    """Adds `count` live articles numbered from `offset` under `section` (slugs `bai-do-<number>`).
    `fields(number)` may return more field values (a feature image, a campaign); `progress(done)` is called
    after each batch. Returns the new articles' ids."""
    text = demo_text()
    created = []
    for batch_start in range(0, count, BATCH):
        with transaction.atomic():
            for number in range(offset + batch_start, offset + min(batch_start + BATCH, count)):
                paragraphs = [
                    " ".join(rng.sample(text["sentences"], rng.randint(3, 6))) for _ in range(rng.randint(3, 6))
                ]
                body = [{"type": "paragraph", "value": f"<p>{paragraph}</p>"} for paragraph in paragraphs]
                article = section.add_child(
                    instance=ArticlePage(
                        title=f"{rng.choice(text['titles'])} ({number})",
                        slug=f"bai-do-{number}",
                        lead=rng.choice(text["leads"]),
                        body=json.dumps(body),
                        date=datetime.date(2015, 1, 1) + datetime.timedelta(days=number % 3900),
                        author=rng.choice(PEOPLE),
                        source_unit="LĐLĐ tỉnh",
                        live=True,
                        **(fields(number) if fields else {}),
                    )
                )
                created.append(article.pk)
        section.refresh_from_db()
        if progress:
            progress(offset + min(batch_start + BATCH, count))
    return created
