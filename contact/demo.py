"""The demo's contact page (load_demo_content): sample addresses, submissions e-mailed to a sample address."""

from contact.models import ContactPage

DETAILS = (
    "<p><b>Liên đoàn Lao động tỉnh Lào Cai</b> (địa chỉ mẫu)</p>"
    "<p>Địa chỉ: Đường Hoàng Liên, phường Cốc Lếu, thành phố Lào Cai</p>"
    "<p>Điện thoại: 0214 3820 000 · Thư điện tử: ldld@laocai.example</p>"
    "<p>Giờ làm việc: sáng 7h30 - 11h30, chiều 13h30 - 17h00, từ thứ Hai đến thứ Sáu.</p>"
)


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
