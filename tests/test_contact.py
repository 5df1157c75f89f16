"""The contact page: a valid message is stored, listed in the admin and e-mailed; bad input gets Vietnamese
messages; robots (honeypot) and floods (rate limit) are refused; nothing answers 500."""

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from contact.models import ContactPage
from contact.protection import SUBMISSIONS_PER_PERIOD

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact_page(home):
    """The demo's contact page, without submissions: the browser test of the form, which runs first in CI (it
    needs the npm checkers), leaves its message in the database, so counts here start from none."""
    page = ContactPage.objects.child_of(home).get()
    FormSubmission.objects.filter(page=page).delete()
    return page


def valid(**overrides):
    data = {
        "name": "Nguyễn Thị Lan",
        "email": "lan@example.invalid",
        "phone": "",
        "subject": "Hỏi về thủ tục kết nạp đoàn viên",
        "message": "Xin hỏi thủ tục kết nạp đoàn viên công đoàn tại doanh nghiệp.",
        "website": "",
    }
    data.update(overrides)
    return data


def test_the_page_shows_addresses_and_a_labelled_form(client, contact_page):
    response = client.get(contact_page.url)
    content = response.content.decode()
    assert response.status_code == 200
    assert "0214 3820 000" in content
    for name in ("name", "email", "phone", "subject", "message", "website"):
        assert f'<label for="id_{name}">' in content
    assert "<script>" not in content and " style=" not in content


def test_a_valid_message_is_stored_emailed_and_confirmed(client, contact_page):
    response = client.post(contact_page.url, valid())
    assert response.status_code == 200
    assert "Cảm ơn bạn đã liên hệ" in response.content.decode()
    submission = FormSubmission.objects.get(page=contact_page)
    assert submission.form_data["name"] == "Nguyễn Thị Lan"
    assert "website" not in submission.form_data
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lienhe@laocai.example"]
    assert "Hỏi về thủ tục kết nạp đoàn viên" in mail.outbox[0].subject
    assert "lan@example.invalid" in mail.outbox[0].body


def test_a_phone_number_alone_is_enough(client, contact_page):
    client.post(contact_page.url, valid(email="", phone="0912 345 678"))
    assert FormSubmission.objects.get(page=contact_page).form_data["phone"] == "0912 345 678"


def test_submissions_are_listed_in_the_admin(client, admin_client, contact_page):
    client.post(contact_page.url, valid())
    response = admin_client.get(f"/admin/forms/submissions/{contact_page.pk}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nguyễn Thị Lan" in content and "Hỏi về thủ tục kết nạp đoàn viên" in content


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "", "phone": ""}, "Vui lòng cho biết thư điện tử hoặc số điện thoại"),
        ({"email": "không-phải-thư"}, "Địa chỉ thư điện tử không hợp lệ"),
        ({"email": "", "phone": "gọi tôi"}, "Số điện thoại chỉ gồm chữ số"),
        ({"name": ""}, "Trường này là bắt buộc."),
        ({"message": "x" * 5001}, "tối đa 5000"),
        ({"subject": "Có ký tự \x00 rỗng"}, "ký tự không hợp lệ"),
    ],
)
def test_bad_input_is_refused_with_a_vietnamese_message(client, contact_page, overrides, message):
    response = client.post(contact_page.url, valid(**overrides))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Chưa gửi được. Vui lòng sửa các lỗi dưới đây." in content
    assert message in content, content[content.find("form-errors") :][:3000]
    assert 'aria-invalid="true"' in content
    assert not FormSubmission.objects.filter(page=contact_page).exists()
    assert not mail.outbox


def test_a_filled_honeypot_is_refused(client, contact_page):
    response = client.post(contact_page.url, valid(website="http://spam.example"))
    assert response.status_code == 200
    assert "Không gửi được biểu mẫu" in response.content.decode()
    assert not FormSubmission.objects.exists() and not mail.outbox


def test_a_visitor_is_limited_to_a_few_messages_an_hour(client, contact_page):
    for number in range(SUBMISSIONS_PER_PERIOD):
        assert client.post(contact_page.url, valid(subject=f"Thư {number}")).status_code == 200
    response = client.post(contact_page.url, valid(subject="Thư thừa"))
    assert response.status_code == 429
    assert "vui lòng thử lại sau một giờ" in response.content.decode()
    assert FormSubmission.objects.filter(page=contact_page).count() == SUBMISSIONS_PER_PERIOD
    # another visitor is not affected
    response = client.post(contact_page.url, valid(subject="Người khác"), REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 200 and FormSubmission.objects.count() == SUBMISSIONS_PER_PERIOD + 1


def test_invalid_posts_do_not_count_towards_the_limit(client, contact_page):
    for _number in range(SUBMISSIONS_PER_PERIOD + 2):
        client.post(contact_page.url, valid(email="", phone=""))
    assert client.post(contact_page.url, valid()).status_code == 200
    assert FormSubmission.objects.count() == 1


def test_no_address_is_stored(client, contact_page):
    from django.core.cache import cache

    client.post(contact_page.url, valid(), REMOTE_ADDR="198.51.100.77")
    assert "198.51.100.77" not in str(FormSubmission.objects.get().form_data)
    assert not any("198.51.100.77" in str(key) for key in getattr(cache, "_cache", {}))


def test_a_broken_mail_server_does_not_lose_the_message(client, contact_page, settings):
    settings.EMAIL_BACKEND = "tests.test_contact.BrokenBackend"
    response = client.post(contact_page.url, valid())
    assert response.status_code == 200 and "Cảm ơn bạn đã liên hệ" in response.content.decode()
    assert FormSubmission.objects.filter(page=contact_page).count() == 1


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("no mail server")


def test_garbage_never_answers_500(client, contact_page):
    for data in ({}, {"name": ["a", "b"]}, {"email": "a" * 10_000}, {"phone": "+" * 300}):
        assert client.post(contact_page.url, data).status_code == 200


@pytest.mark.parametrize(
    "field, value",
    [
        ("subject", "Hỏi về thủ tục\r\nBcc: nanyan@example.invalid"),
        ("subject", "Dòng một\ndòng hai"),
        ("subject", "Dòng một\u2028dòng hai"),
        ("name", "Nguyễn Thị Lan\rBcc: nanyan@example.invalid"),
        ("email", "lan@example.invalid\nBcc: nanyan@example.invalid"),
    ],
)
def test_a_line_break_in_a_mail_header_field_is_refused_and_nothing_is_stored(client, contact_page, field, value):
    response = client.post(contact_page.url, valid(**{field: value}))
    assert response.status_code == 200
    assert "không được có dấu xuống dòng" in response.content.decode()
    assert not FormSubmission.objects.filter(page=contact_page).exists() and not mail.outbox
    # The same message on one line goes through, and its notification with it.
    client.post(contact_page.url, valid())
    assert FormSubmission.objects.filter(page=contact_page).count() == 1 and len(mail.outbox) == 1


def test_line_breaks_in_the_message_itself_are_kept(client, contact_page):
    client.post(contact_page.url, valid(message="Dòng một.\r\nDòng hai."))
    assert "Dòng một.\r\nDòng hai." in FormSubmission.objects.get(page=contact_page).form_data["message"]
    assert len(mail.outbox) == 1
