"""The abbreviations of the trade-union press that a fresh database starts with; administrators edit them."""

from django.db import migrations

# The table as it stood when this migration was written (search.text.ABBREVIATIONS may change later).
ABBREVIATIONS = {
    "LĐLĐ": "Liên đoàn Lao động",
    "TLĐLĐVN": "Tổng Liên đoàn Lao động Việt Nam",
    "TLĐ": "Tổng Liên đoàn",
    "CNVCLĐ": "công nhân viên chức lao động",
    "CNLĐ": "công nhân lao động",
    "CĐCS": "công đoàn cơ sở",
    "ATVSLĐ": "an toàn vệ sinh lao động",
    "BCH": "Ban Chấp hành",
    "BTV": "Ban Thường vụ",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "BHXH": "bảo hiểm xã hội",
    "BHYT": "bảo hiểm y tế",
    "BHTN": "bảo hiểm thất nghiệp",
    "KCN": "khu công nghiệp",
    "THPT": "trung học phổ thông",
    "THCS": "trung học cơ sở",
    "NLĐ": "người lao động",
    "HĐLĐ": "hợp đồng lao động",
    "TƯLĐTT": "thỏa ước lao động tập thể",
    "ĐVCĐ": "đoàn viên công đoàn",
    "BHLĐ": "bảo hộ lao động",
    "TNLĐ": "tai nạn lao động",
    "BNN": "bệnh nghề nghiệp",
    "PCCC": "phòng cháy chữa cháy",
    "MTTQ": "Mặt trận Tổ quốc",
    "ĐTN": "Đoàn Thanh niên",
    "CBCCVC": "cán bộ công chức viên chức",
    "CNVC": "công nhân viên chức",
    "UBKT": "Ủy ban Kiểm tra",
    "DN": "doanh nghiệp",
}


def add_defaults(apps, schema_editor):
    Abbreviation = apps.get_model("search", "Abbreviation")
    for short, expansion in ABBREVIATIONS.items():
        Abbreviation.objects.get_or_create(short=short, defaults={"expansion": expansion})


def remove_defaults(apps, schema_editor):
    Abbreviation = apps.get_model("search", "Abbreviation")
    for short, expansion in ABBREVIATIONS.items():
        Abbreviation.objects.filter(short=short, expansion=expansion).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, remove_defaults)]
