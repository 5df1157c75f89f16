"""Demo content of the document register: one annual financial report (Công khai tài chính), clearly sample data,
with a small PDF so that the download works on a fresh install."""

import datetime

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from official_documents.models import DocumentKind, OfficialDocument
from search.text import document_number_key

REPORT = {
    "number": "28/BC-LĐLĐ",
    "issued_on": datetime.date(2025, 3, 25),
    "issuer": "Ban Thường vụ Liên đoàn Lao động tỉnh",
    "summary": "Công khai quyết toán thu, chi tài chính công đoàn năm 2024 (số liệu mẫu).",
}


def placeholder_pdf(text):
    """A one-page PDF showing an ASCII line of text: enough for a download to open."""
    stream = f"BT /F1 14 Tf 72 760 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(pdf)


def load(home):
    """The sample financial report, once; an existing one (perhaps edited) is left as it is."""
    key = document_number_key(REPORT["number"])
    if OfficialDocument.objects.filter(locale=home.locale, number_key=key).exists():
        return
    file = get_document_model()(title="Báo cáo công khai tài chính năm 2024 (mẫu)")
    file.file.save("bao-cao-tai-chinh-2024-mau.pdf", ContentFile(placeholder_pdf("Bao cao tai chinh 2024 - mau")))
    file._set_document_file_metadata()  # its size and hash, as the admin's upload sets them (lists show the size)
    file.save()
    OfficialDocument.objects.create(locale=home.locale, kind=DocumentKind.BAO_CAO_TAI_CHINH, file=file, **REPORT)


def documents(home):
    """The demo's own documents (the report), for the demo's English translation."""
    key = document_number_key(REPORT["number"])
    return OfficialDocument.objects.filter(locale=home.locale, number_key=key)
