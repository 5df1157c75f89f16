"""The contact and legal-question forms in a real browser: a reader who leaves fields empty sees the errors,
which pass axe-core like the rest of the page, and a reader who fills them in sends the message; the pages break
no rule of their Content-Security-Policy."""

import pytest

from tests.browser import checkers
from tests.browser.test_content_security_policy import RECORD_VIOLATIONS
from tests.browser.test_public_pages import organisation_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def form_pages(home):
    return organisation_pages(home)  # queried before the browser starts


def test_contact_form_errors_are_accessible_and_a_message_gets_through(routed_site, form_pages):
    from wagtail.contrib.forms.models import FormSubmission

    reason = checkers.missing()
    page = routed_site.new_page(bypass_csp=True)
    page.goto(routed_site.url + form_pages["contact"])
    page.click("form.site-form button[type=submit]")
    page.wait_for_selector("#form-errors")
    assert page.get_attribute("#id_email", "aria-invalid") == "true"
    if not reason:
        assert checkers.axe_violations(page) == []
    page.fill("#id_name", "Nguyễn Thị Lan")
    page.fill("#id_phone", "0912 345 678")
    page.fill("#id_subject", "Hỏi về thủ tục")
    page.fill("#id_message", "Xin hỏi thủ tục kết nạp đoàn viên.")
    page.click("form.site-form button[type=submit]")
    page.wait_for_selector(".notice")
    assert FormSubmission.objects.filter(form_data__phone="0912 345 678").exists()


def test_question_form_errors_are_accessible(routed_site, form_pages):
    reason = checkers.missing()
    page = routed_site.new_page(bypass_csp=True)
    page.goto(routed_site.url + form_pages["legal-qa"])
    page.click("form.site-form button[type=submit]")
    page.wait_for_selector("#form-errors")
    if not reason:
        assert checkers.axe_violations(page) == []


def test_organisation_pages_break_no_rule_of_their_policy(live_site, form_pages):
    page = live_site.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    for url in form_pages.values():
        response = page.goto(live_site.url + url)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
        assert page.evaluate("window.cspViolations") == [], url
