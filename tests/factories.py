"""Records in the exchange format, for tests that need more content than the demo."""

import json


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
