"""The demo's contact page (load_demo_content): sample addresses, submissions e-mailed to a sample address."""

from contact.models import ContactPage

# The address, phone and e-mail come from the organisation's settings (demo/organisation.py); the page adds the
# working hours.
DETAILS = "<p>Giờ làm việc: sáng 7h30 - 11h30, chiều 13h30 - 17h00, từ thứ Hai đến thứ Sáu.</p>"


def load(home):
    page = ContactPage.objects.child_of(home).first()
    if page is None:
        page = ContactPage(
            title="Liên hệ",
            slug="lien-he",
            show_in_menus=True,
            intro="Gửi câu hỏi, góp ý, phản ánh tới Liên đoàn Lao động tỉnh.",
            contact_details=DETAILS,
            to_address="lienhe@laocai.example",
            from_address="no-reply@laocai.example",
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    return page
