"""Records in the exchange format, for tests that need more content than the demo."""

import json

from django.utils import timezone


def article_record(number, **overrides):
    record = {
        "slug": f"bai-thu-nghiem-{number}",
        "title": f"Bài thử nghiệm số {number} về hoạt động công đoàn",
        "lead": f"Tóm tắt của bài thử nghiệm số {number}.",
        "body": [f"Đoạn thứ nhất của bài {number}.", f"Đoạn thứ hai của bài {number}."],
        "published": f"2024-{(number % 12) + 1:02d}-{(number % 27) + 1:02d}",
        "author": "Phóng viên",
        "source": "LĐLĐ tỉnh",
        "category": "Tin hoạt động",
        "tags": [f"Chủ đề {number}", "Thử nghiệm"],
        "documents": [f"{number}/KH-LĐLĐ"],
        "images": [{"caption": f"Ảnh minh họa bài {number}", "credit": "Phóng viên"}],
    }
    record.update(overrides)
    return record


def jsonl(records):
    return "\n".join(json.dumps(record, ensure_ascii=False) for record in records) + "\n"


def article_form(title, slug, paragraphs=("Nội dung bài viết.",), **fields):
    """The page editor's POST data for an article, as the admin form sends it."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    data = {
        "title": title,
        "slug": slug,
        "lead": "Tóm tắt bài viết.",
        "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>")) for text in paragraphs]),
        "date": "20/11/2025",
        "author": "Biên tập viên",
        "source_unit": "LĐLĐ tỉnh",
        "feature_image": "",
        "tags": "",
        "campaign": "",
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(fields)
    return nested_form_data(data)


def publish_article(section, title, slug, lead="Tóm tắt."):
    """A new article in `section`, dated today in Asia/Ho_Chi_Minh, published as an editor would (a revision,
    then publish)."""
    from articles.models import ArticlePage

    article = section.add_child(
        instance=ArticlePage(
            title=title,
            slug=slug,
            lead=lead,
            body=json.dumps([{"type": "paragraph", "value": "<p>Nội dung.</p>"}]),
            date=timezone.localdate(),
            live=False,
        )
    )
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def png(name="anh.png", colour="red", size=(40, 30)):
    """A small PNG upload, as the admin's image forms receive it."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")
