"""Legal Q&A: readers' questions arrive unpublished, the legal staff answer and publish them, the asker is told by
e-mail; the public list is by topic, paginated and found without diacritics; contact details never appear."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import rich_text

from contact.protection import SUBMISSIONS_PER_PERIOD
from legal_qa.models import LegalQAPage, LegalQuestion, Status, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def qa_page(home):
    return LegalQAPage.objects.child_of(home).get()


def question_form(**overrides):
    data = {
        "name": "Trần Văn Bình",
        "email": "binh@example.invalid",
        "phone": "0987 654 321",
        "topic": Topic.WAGES,
        "question": "Công ty chậm trả lương hai tháng liền thì người lao động cần làm gì để đòi?",
        "website": "",
    }
    data.update(overrides)
    return data


def publish(question, answer="<p>Người sử dụng lao động phải trả lương đúng hạn.</p>"):
    question.answer = answer
    question.status = Status.PUBLISHED
    question.save()
    return question


def content(response, status=200):
    assert response.status_code == status
    return response.content.decode()


def test_a_question_arrives_unpublished_and_is_not_public(client, qa_page):
    page = content(client.post(qa_page.url, question_form()))
    assert "Câu hỏi đã được gửi tới cán bộ pháp luật" in page
    question = LegalQuestion.objects.get(asker_name="Trần Văn Bình")
    assert question.status == Status.NEW and question.asker_email == "binh@example.invalid"
    assert "chậm trả lương hai tháng" not in content(client.get(qa_page.url))
    assert "chậm trả lương hai tháng" not in content(client.get(qa_page.url + "?q=cham+tra+luong"))


def test_a_published_answer_is_listed_without_contact_details_and_the_asker_is_told(
    client, qa_page, django_capture_on_commit_callbacks
):
    client.post(qa_page.url, question_form())
    question = LegalQuestion.objects.get(asker_name="Trần Văn Bình")
    with django_capture_on_commit_callbacks(execute=True):
        publish(question)
    page = content(client.get(qa_page.url))
    assert "chậm trả lương hai tháng" in page and "phải trả lương đúng hạn" in page
    for private in ("Trần Văn Bình", "binh@example.invalid", "0987 654 321"):
        assert private not in page
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["binh@example.invalid"]
    assert f"#cau-hoi-{question.pk}" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        question.save()  # saved again: no second notice
    assert len(mail.outbox) == 1


def test_a_published_question_is_found_without_diacritics(client, qa_page):
    question = LegalQuestion.objects.create(topic=Topic.SAFETY, question="Người lao động bị tai nạn lao động ở xưởng")
    publish(question, "<p>Doanh nghiệp phải bồi thường theo quy định.</p>")
    assert "bị tai nạn lao động" in content(client.get(qa_page.url + "?q=tai+nan+lao+dong"))
    assert "bị tai nạn lao động" in content(client.get(qa_page.url + "?q=BOI+THUONG"))
    assert "bị tai nạn lao động" not in content(client.get(qa_page.url + "?q=luong+toi+thieu"))
    assert "bị tai nạn lao động" in content(client.get(qa_page.url + "?q=tai+nanj+xuowngr"))  # raw Telex


def test_the_list_is_filtered_by_topic(client, qa_page):
    page = content(client.get(qa_page.url + "?topic=bao-hiem-xa-hoi"))
    assert "bảo hiểm xã hội một lần" in page and "lương tối thiểu vùng" not in page
    assert content(client.get(qa_page.url + "?topic=khong-co")).count('class="qa"') == 3  # unknown: all


def test_the_list_is_paginated_and_bad_page_numbers_are_harmless(client, qa_page):
    for number in range(12):
        publish(LegalQuestion.objects.create(topic=Topic.WAGES, question=f"Câu hỏi thử số {number} về tiền lương"))
    first = content(client.get(qa_page.url))
    assert first.count('class="qa"') == 10 and 'rel="next"' in first
    assert content(client.get(qa_page.url + "?page=2")).count('class="qa"') == 5
    for bad in ("abc", "-1", "999999", "1%00"):
        assert client.get(qa_page.url + f"?page={bad}").status_code == 200


def test_the_list_costs_a_bounded_number_of_queries(client, qa_page):
    def count():
        client.get(qa_page.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(qa_page.url + "?q=luong").status_code == 200
        return len(captured)

    before = count()
    for number in range(20):
        publish(LegalQuestion.objects.create(topic=Topic.WAGES, question=f"Hỏi về lương lần {number}"))
    assert count() == before <= 15


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "", "phone": ""}, "Vui lòng cho biết thư điện tử hoặc số điện thoại"),
        ({"question": "Lương?"}, "Câu hỏi quá ngắn"),
        ({"topic": "khong-co"}, "Hãy chọn một lựa chọn hợp lệ"),
        ({"question": "x" * 4001}, "tối đa 4000"),
    ],
)
def test_bad_questions_are_refused_with_a_vietnamese_message(client, qa_page, overrides, message):
    page = content(client.post(qa_page.url, question_form(**overrides)))
    assert message in page
    assert not LegalQuestion.objects.filter(asker_name="Trần Văn Bình").exists()


def test_honeypot_and_rate_limit(client, qa_page):
    page = content(client.post(qa_page.url, question_form(website="spam")))
    assert "Không gửi được biểu mẫu" in page
    assert not LegalQuestion.objects.filter(asker_name="Trần Văn Bình").exists()
    for _number in range(SUBMISSIONS_PER_PERIOD):
        content(client.post(qa_page.url, question_form()))
    assert "thử lại sau một giờ" in content(client.post(qa_page.url, question_form()), status=429)
    assert LegalQuestion.objects.filter(asker_name="Trần Văn Bình").count() == SUBMISSIONS_PER_PERIOD


def test_publishing_needs_an_answer(admin_client):
    question = LegalQuestion.objects.get(status=Status.NEW)
    response = admin_client.post(
        f"/admin/snippets/legal_qa/legalquestion/edit/{question.pk}/",
        {
            "topic": question.topic,
            "question": question.question,
            "answer": rich_text(""),
            "status": "published",
            "asker_name": "",
            "asker_email": "",
            "asker_phone": "",
        },
    )
    assert "Cần có câu trả lời trước khi đăng." in content(response)
    assert LegalQuestion.objects.get(pk=question.pk).status == Status.NEW


def test_an_administrator_erases_the_askers_contact_details(admin_client):
    question = LegalQuestion.objects.get(status=Status.NEW)
    question.asker_email = "xoa@example.invalid"
    question.save()
    response = admin_client.post(
        f"/admin/snippets/legal_qa/legalquestion/edit/{question.pk}/",
        {
            "topic": question.topic,
            "question": question.question,
            "answer": rich_text(""),
            "status": "new",
            "asker_name": "",
            "asker_email": "",
            "asker_phone": "",
        },
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert (question.asker_name, question.asker_email, question.asker_phone) == ("", "", "")
    response = admin_client.post(f"/admin/snippets/legal_qa/legalquestion/delete/{question.pk}/")
    assert response.status_code == 302 and not LegalQuestion.objects.filter(pk=question.pk).exists()


def test_those_who_handle_readers_messages_answer_questions_editors_and_approvers_do_not(
    client, reader_messages_handler, approver, editor
):
    client.force_login(reader_messages_handler)
    assert client.get("/admin/snippets/legal_qa/legalquestion/").status_code == 200
    for other in (approver, editor):  # the askers' details are personal data (tests/test_personal_data.py)
        client.force_login(other)
        assert client.get("/admin/snippets/legal_qa/legalquestion/").status_code in (302, 403)


def test_the_site_search_finds_published_answers_only(client, qa_page):
    client.post(qa_page.url, question_form())
    waiting = LegalQuestion.objects.get(asker_name="Trần Văn Bình")
    published = publish(
        LegalQuestion.objects.create(topic=Topic.WAGES, question="Lương làm thêm giờ vào ngày lễ được tính thế nào?")
    )
    page = content(client.get("/search/", {"q": "luong lam them gio"}))
    link = f'href="{qa_page.url}?question={published.pk}#cau-hoi-{published.pk}"'
    item = page[page.index(link) :]
    item = item[: item.index("</li>")]
    assert "Lương làm thêm giờ vào ngày lễ" in item and '<span class="search-kind">Hỏi đáp pháp luật</span>' in item
    assert f"question={waiting.pk}" not in page and "binh@example.invalid" not in page
    assert f"question={waiting.pk}" not in content(client.get("/search/", {"q": "chậm trả lương hai tháng"}))
    with CaptureQueriesContext(connection) as captured:
        assert link in content(client.get("/search/", {"q": "luong lam them gio"}))
    assert len(captured) <= 10  # as for any search (tests/test_search.py)


def test_the_site_search_lists_every_answer_found(client, qa_page):
    questions = [
        publish(
            LegalQuestion.objects.create(topic=Topic.WAGES, question=f"Tiền lương làm thêm ngày {day} tính ra sao?")
        )
        for day in range(1, 5)
    ]
    page = content(client.get("/search/", {"q": "tien luong lam them"}))
    for question in questions:
        assert f'href="{qa_page.url}?question={question.pk}#cau-hoi-{question.pk}"' in page


def test_a_line_break_in_the_askers_name_or_address_is_refused(client, qa_page):
    for field, value in (("name", "Bình\r\nBcc: x@example.invalid"), ("email", "binh@example.invalid\nBcc: x@y.vn")):
        response = client.post(qa_page.url, question_form(**{field: value}))
        assert "không được có dấu xuống dòng" in content(response)
    assert not LegalQuestion.objects.filter(asker_email__startswith="binh@").exists()
