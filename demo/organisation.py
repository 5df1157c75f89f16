"""Sample organisation for the demo (load_demo_content): the federation's identity (emblem, name, address, the
footer's lines), its units, six officials with placeholder photos, and the "Giới thiệu" pages. Clearly sample
data; running it again changes nothing that exists."""

import datetime
from pathlib import Path

from django.core.files.images import ImageFile
from django.utils.html import escape
from django.utils.translation import gettext as _

from articles.importer import placeholder_image
from images.models import CaptionedImage
from organisation.models import (
    IntroductionPage,
    LeadershipPage,
    Official,
    OrganisationSettings,
    RelatedLink,
    StructurePage,
    Unit,
    UnitKind,
)

ADDRESS = "Đường Hoàng Liên, phường Cốc Lếu, thành phố Lào Cai (địa chỉ mẫu)"
# A sample emblem drawn for the demo (a circle with "LĐLĐ"), replaced by the federation's own in the settings.
EMBLEM = Path(__file__).resolve().parent / "organisation_files" / "emblem.png"
EMBLEM_TITLE = "Biểu trưng Liên đoàn Lao động tỉnh Lào Cai (mẫu)"
# The identity in the settings (OrganisationSettings): filled where empty, so an administrator's values stay.
IDENTITY = {
    "name": "Liên đoàn Lao động tỉnh Lào Cai",
    "name_en": "Lao Cai Provincial Federation of Labour",
    "managing_body": "Liên đoàn Lao động tỉnh Lào Cai",
    "managing_body_en": "Lao Cai Provincial Federation of Labour",
    "address": ADDRESS,
    "address_en": "Hoang Lien Street, Coc Leu Ward, Lao Cai City (sample address)",
    "phone": "0214 3820 000",
    "fax": "0214 3820 009",
    "email": "ldld@laocai.example",
    "responsible_person": "Nguyễn Văn Mẫu, Chủ tịch Liên đoàn Lao động tỉnh",
    "responsible_person_en": "Nguyễn Văn Mẫu, President of the Provincial Federation of Labour",
    "licence_number": "12/GP-TTĐT",
    "licence_date": datetime.date(2021, 3, 15),
    "licence_issuer": "Sở Thông tin và Truyền thông tỉnh Lào Cai",
    "licence_issuer_en": "the Lao Cai Department of Information and Communications",
}
# (name, kind, parent's name or None, phone, e-mail)
UNITS = [
    ("Liên đoàn Lao động tỉnh Lào Cai", UnitKind.LEADERSHIP, None, "0214 3820 000", "ldld@laocai.example"),
    ("Văn phòng", UnitKind.DEPARTMENT, "Liên đoàn Lao động tỉnh Lào Cai", "0214 3820 001", "vanphong@laocai.example"),
    ("Ban Tổ chức", UnitKind.DEPARTMENT, "Liên đoàn Lao động tỉnh Lào Cai", "0214 3820 002", "tochuc@laocai.example"),
    (
        "Ban Tuyên giáo - Nữ công",
        UnitKind.DEPARTMENT,
        "Liên đoàn Lao động tỉnh Lào Cai",
        "0214 3820 003",
        "tuyengiao@laocai.example",
    ),
    (
        "Ban Chính sách - Pháp luật",
        UnitKind.DEPARTMENT,
        "Liên đoàn Lao động tỉnh Lào Cai",
        "0214 3820 004",
        "phapluat@laocai.example",
    ),
    (
        "Ban Tài chính",
        UnitKind.DEPARTMENT,
        "Liên đoàn Lao động tỉnh Lào Cai",
        "0214 3820 005",
        "taichinh@laocai.example",
    ),
    (
        "Ủy ban Kiểm tra",
        UnitKind.DEPARTMENT,
        "Liên đoàn Lao động tỉnh Lào Cai",
        "0214 3820 006",
        "kiemtra@laocai.example",
    ),
    (
        "LĐLĐ thành phố Lào Cai",
        UnitKind.DISTRICT,
        "Liên đoàn Lao động tỉnh Lào Cai",
        "0214 3840 100",
        "ldld.tplc@laocai.example",
    ),
    (
        "LĐLĐ thị xã Sa Pa",
        UnitKind.DISTRICT,
        "Liên đoàn Lao động tỉnh Lào Cai",
        "0214 3871 200",
        "ldld.sapa@laocai.example",
    ),
    (
        "LĐLĐ huyện Bảo Thắng",
        UnitKind.DISTRICT,
        "Liên đoàn Lao động tỉnh Lào Cai",
        "0214 3860 300",
        "ldld.baothang@laocai.example",
    ),
    (
        "Công đoàn ngành Giáo dục",
        UnitKind.SECTOR,
        "Liên đoàn Lao động tỉnh Lào Cai",
        "0214 3820 400",
        "cdn.giaoduc@laocai.example",
    ),
    (
        "Công đoàn ngành Y tế",
        UnitKind.SECTOR,
        "Liên đoàn Lao động tỉnh Lào Cai",
        "0214 3820 500",
        "cdn.yte@laocai.example",
    ),
]
# (name, position, unit, is_leader, phone, e-mail)
OFFICIALS = [
    ("Nguyễn Văn Mẫu", "Chủ tịch", "Liên đoàn Lao động tỉnh Lào Cai", True, "0214 3820 010", "chutich@laocai.example"),
    (
        "Trần Thị Minh Họa",
        "Phó Chủ tịch Thường trực",
        "Liên đoàn Lao động tỉnh Lào Cai",
        True,
        "0214 3820 011",
        "pct1@laocai.example",
    ),
    ("Lê Văn Thử", "Phó Chủ tịch", "Liên đoàn Lao động tỉnh Lào Cai", True, "0214 3820 012", "pct2@laocai.example"),
    ("Phạm Thị Ví Dụ", "Trưởng ban", "Ban Chính sách - Pháp luật", False, "0214 3820 041", "phapluat@laocai.example"),
    ("Hoàng Văn Mẫu", "Trưởng ban", "Ban Tổ chức", False, "0214 3820 021", "tochuc@laocai.example"),
    ("Vũ Thị Minh Họa", "Chủ tịch", "LĐLĐ thành phố Lào Cai", False, "0214 3840 101", "ldld.tplc@laocai.example"),
]

LINKS = [
    ("Tổng Liên đoàn Lao động Việt Nam", "https://congdoan.vn/"),
    ("Cổng thông tin điện tử tỉnh Lào Cai", "https://www.laocai.gov.vn/"),
    ("Báo Lao Động", "https://laodong.vn/"),
    ("Bảo hiểm xã hội Việt Nam", "https://baohiemxahoi.gov.vn/"),
]
FUNCTIONS = [
    "Đại diện, chăm lo, bảo vệ quyền và lợi ích hợp pháp, chính đáng của đoàn viên và người lao động trên địa "
    "bàn tỉnh.",
    "Tham gia quản lý nhà nước, quản lý kinh tế - xã hội; tham gia thanh tra, kiểm tra, giám sát hoạt động của cơ "
    "quan, đơn vị, doanh nghiệp về những vấn đề liên quan đến quyền, nghĩa vụ của người lao động.",
    "Tuyên truyền, vận động người lao động học tập nâng cao trình độ, chấp hành pháp luật.",
]
TASKS = [
    "Hướng dẫn, tư vấn, hỗ trợ người lao động giao kết, thực hiện hợp đồng lao động.",
    "Đại diện tập thể người lao động thương lượng, ký kết và giám sát thực hiện thỏa ước lao động tập thể.",
    "Phát triển đoàn viên, thành lập công đoàn cơ sở; chỉ đạo các LĐLĐ huyện, thị xã, thành phố và công đoàn ngành.",
]
HISTORY = (
    "Liên đoàn Lao động tỉnh Lào Cai được tái lập năm 1991 cùng với việc tái lập tỉnh. Nội dung trang này là dữ "
    "liệu mẫu để minh họa; ban biên tập thay bằng thông tin chính thức."
)


def paragraphs(items):
    return "".join(f"<p>{escape(item)}</p>" for item in items)


def bullet_list(items):
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def snippets():
    """The sample units (parents first), officials and links, in the order wagtail-localize can translate them:
    a translated official points to its unit's translation, which must exist first."""
    names = [name for name, *_rest in UNITS]
    units = sorted(Unit.objects.filter(name__in=names, locale__language_code="vi"), key=lambda u: names.index(u.name))
    people = Official.objects.filter(name__in=[name for name, *_rest in OFFICIALS], locale__language_code="vi")
    links = RelatedLink.objects.filter(url__in=[url for _title, url in LINKS], locale__language_code="vi")
    return [*units, *people, *links]


def load(home):
    units = {}
    for position, (name, kind, parent, phone, email) in enumerate(UNITS):
        unit = Unit.objects.filter(name=name).first()
        if unit is None:
            unit = Unit.objects.create(
                name=name,
                kind=kind,
                parent=units.get(parent),
                address=ADDRESS,
                phone=phone,
                email=email,
                sort_order=(position + 1) * 10,
            )
        units[name] = unit
    for position, (name, title, unit, is_leader, phone, email) in enumerate(OFFICIALS):
        if not Official.objects.filter(name=name).exists():
            Official.objects.create(
                name=name,
                position=title,
                unit=units[unit],
                is_leader=is_leader,
                phone=phone,
                email=email,
                photo=placeholder_image(_("Ảnh chân dung (mẫu): %(name)s") % {"name": name}, "", portrait=True),
                sort_order=(position + 1) * 10,
            )
    if not RelatedLink.objects.exists():
        for position, (title, url) in enumerate(LINKS):
            RelatedLink.objects.create(title=title, url=url, sort_order=(position + 1) * 10)
    introduction = IntroductionPage.objects.child_of(home).first()
    if introduction is None:
        introduction = IntroductionPage(
            title="Giới thiệu",
            slug="gioi-thieu",
            show_in_menus=True,
            intro="Chức năng, nhiệm vụ, lịch sử, cơ cấu tổ chức và lãnh đạo Liên đoàn Lao động tỉnh Lào Cai.",
            functions=paragraphs(FUNCTIONS[:1]) + bullet_list(FUNCTIONS[1:]),
            tasks=bullet_list(TASKS),
            history=paragraphs([HISTORY]),
        )
        home.add_child(instance=introduction)
        introduction.save_revision().publish()
    pages = [introduction]
    for page_class, title, slug, intro in (
        (StructurePage, "Cơ cấu tổ chức", "co-cau-to-chuc", "Các ban chuyên môn, LĐLĐ cấp huyện và công đoàn ngành."),
        (LeadershipPage, "Lãnh đạo", "lanh-dao", "Thường trực Liên đoàn Lao động tỉnh."),
    ):
        page = page_class.objects.child_of(introduction).first()
        if page is None:
            page = page_class(title=title, slug=slug, intro=intro)
            introduction.add_child(instance=page)
            page.save_revision().publish()
        pages.append(page)
    return pages


def identity(site):
    """The sample identity of `site`, unless an administrator has filled in its contacts (the migration fills
    only the name and managing body): every empty field filled; and the sample emblem uploaded (once) if it has
    none."""
    found = OrganisationSettings.for_site(site)
    if not (found.address or found.phone or found.email):
        for field, value in IDENTITY.items():
            if not getattr(found, field):
                setattr(found, field, value)
    if found.logo_id is None:
        emblem = CaptionedImage.objects.filter(title=EMBLEM_TITLE).first()
        if emblem is None:
            emblem = CaptionedImage(title=EMBLEM_TITLE, description="Biểu trưng Liên đoàn Lao động tỉnh Lào Cai")
            with EMBLEM.open("rb") as file:
                emblem.file = ImageFile(file, name="bieu-trung-ldld-lao-cai.png")
                emblem.save()
        found.logo = emblem
    found.save()
