"""Synonyms of the labour and trade-union press that search applies both ways, and the groups a fresh database
starts with (administrators edit them in Settings > Từ đồng nghĩa). The list comes from the vocabulary of the
Labour Code, the Law on Trade Unions, the Law on Social Insurance and the union press: words a worker and a
journalist use for the same thing. Words too general to stand for one subject ("việc", "tiền", "hỗ trợ") are left
out: they would bring in texts about anything."""

from django.db import migrations, models

# One line a group, phrases separated by commas, as administrators type them.
GROUPS = [
    # Wages
    "tiền lương, tiền công, lương",
    "tăng lương, nâng lương, điều chỉnh lương",
    "nợ lương, chậm trả lương, chậm lương, trả lương chậm, quỵt lương",
    "nhận lương, lĩnh lương, lãnh lương, hưởng lương",
    "lương tối thiểu, lương tối thiểu vùng, mức lương tối thiểu",
    "lương cơ bản, lương căn bản",
    "nghỉ không lương, nghỉ không hưởng lương",
    "làm thêm giờ, tăng ca, làm ngoài giờ",
    "thưởng Tết, tiền thưởng Tết, thưởng cuối năm",
    "khen thưởng, tuyên dương, biểu dương, vinh danh",
    "chi phí sinh hoạt, giá cả sinh hoạt, vật giá",
    # Employers and workers
    "doanh nghiệp, công ty, hãng, xí nghiệp",
    "nhà máy, xưởng, phân xưởng, xí nghiệp",
    "người sử dụng lao động, chủ sử dụng lao động, chủ doanh nghiệp, giới chủ, chủ lao động",
    "người lao động, người làm công, người làm thuê",
    "thanh niên công nhân, công nhân trẻ, lao động trẻ",
    "công nhân xây dựng, thợ xây, thợ hồ",
    "tài xế, lái xe",
    "shipper, người giao hàng, nhân viên giao hàng",
    "giáo viên, nhà giáo, thầy cô giáo",
    "nhân viên y tế, cán bộ y tế, y bác sĩ",
    "thợ mỏ, công nhân mỏ, thợ lò",
    "công nhân may, thợ may",
    "dệt may, may mặc",
    "da giày, giày da",
    "thợ giỏi, thợ lành nghề, tay nghề cao",
    "lao động nữ, nữ công nhân, công nhân nữ, nữ lao động",
    "lao động tự do, lao động phi chính thức",
    "công nhân nhập cư, lao động nhập cư, lao động ngoại tỉnh, công nhân xa quê, lao động di cư",
    "lao động trẻ em, lao động chưa thành niên",
    "người khuyết tật, người tàn tật",
    "người cao tuổi, người già, người lớn tuổi",
    "lao động thời vụ, làm thời vụ, hợp đồng thời vụ",
    # Jobs
    "thất nghiệp, mất việc làm, mất việc",
    "tìm việc, tìm việc làm, kiếm việc, xin việc",
    "giới thiệu việc làm, sàn giao dịch việc làm, phiên giao dịch việc làm, ngày hội việc làm",
    "tuyển dụng, tuyển lao động, tuyển công nhân",
    "thiếu lao động, thiếu công nhân, khan hiếm lao động, thiếu hụt lao động",
    "thiếu việc làm, thiếu việc, giảm giờ làm",
    "thiếu đơn hàng, giảm đơn hàng, mất đơn hàng",
    "cắt giảm lao động, cắt giảm nhân sự, giảm lao động",
    "sa thải, đuổi việc, cho thôi việc, buộc thôi việc, cho nghỉ việc",
    "nghỉ việc, thôi việc",
    "chấm dứt hợp đồng lao động, chấm dứt hợp đồng, cắt hợp đồng, chấm dứt HĐLĐ",
    "đơn phương chấm dứt hợp đồng, tự ý nghỉ việc, tự ý bỏ việc",
    "tạm hoãn hợp đồng, tạm hoãn thực hiện hợp đồng lao động",
    "xuất khẩu lao động, đi làm việc ở nước ngoài, lao động ở nước ngoài",
    "học nghề, đào tạo nghề, dạy nghề",
    "nâng cao tay nghề, nâng cao kỹ năng nghề, bồi dưỡng kỹ năng nghề, đào tạo lại",
    "thử việc, làm thử",
    # Contracts, time, leave
    "hợp đồng lao động, hợp đồng làm việc",
    "ký hợp đồng, giao kết hợp đồng, ký kết hợp đồng",
    "giờ làm việc, thời giờ làm việc, thời gian làm việc, giờ làm",
    "nghỉ giữa ca, nghỉ giữa giờ",
    "nghỉ phép, nghỉ hằng năm, nghỉ hàng năm, phép năm, ngày phép",
    "nghỉ ốm, ốm đau, chế độ ốm đau",
    "thai sản, sinh con, sinh đẻ, nghỉ sinh",
    "mang thai, có thai, mang bầu",
    "nhà trẻ, trường mầm non, nhóm trẻ, giữ trẻ, trông trẻ",
    "nghỉ dưỡng sức, dưỡng sức, phục hồi sức khỏe",
    "nghỉ hưu, về hưu, hưu trí",
    "lương hưu, tiền hưu",
    "tuổi nghỉ hưu, tuổi hưu, tuổi về hưu",
    "Tết Nguyên đán, Tết âm lịch, Tết cổ truyền",
    # Social insurance
    "đóng bảo hiểm xã hội, đóng BHXH, tham gia bảo hiểm xã hội, tham gia BHXH",
    "trốn đóng bảo hiểm xã hội, nợ bảo hiểm xã hội, chậm đóng bảo hiểm xã hội, trốn đóng BHXH, nợ BHXH, "
    "chậm đóng BHXH, nợ đọng BHXH",
    "bảo hiểm xã hội một lần, BHXH một lần, rút sổ bảo hiểm, rút bảo hiểm một lần",
    "sổ bảo hiểm xã hội, sổ BHXH, sổ bảo hiểm",
    "bảo hiểm xã hội tự nguyện, BHXH tự nguyện",
    "thẻ bảo hiểm y tế, thẻ BHYT",
    "tử tuất, trợ cấp tuất, tiền tuất",
    "mai táng phí, trợ cấp mai táng",
    "trợ cấp thất nghiệp, bảo hiểm thất nghiệp, tiền thất nghiệp",
    "trợ cấp thôi việc, trợ cấp mất việc, trợ cấp mất việc làm",
    "bồi thường, đền bù",
    # Safety and health
    "tai nạn lao động, tai nạn khi làm việc, tai nạn tại nơi làm việc",
    "bệnh nghề nghiệp, bệnh do nghề nghiệp",
    "an toàn lao động, an toàn vệ sinh lao động, an toàn trong lao động",
    "đồ bảo hộ, đồ bảo hộ lao động, trang bị bảo hộ, phương tiện bảo vệ cá nhân",
    "điều kiện làm việc, môi trường làm việc, môi trường lao động",
    "khám sức khỏe, khám sức khỏe định kỳ, kiểm tra sức khỏe",
    "ngộ độc thực phẩm, ngộ độc",
    "tử vong, thiệt mạng",
    "bị thương, chấn thương, thương tích",
    "bệnh hiểm nghèo, bệnh nan y",
    "tiêm chủng, tiêm vắc xin, tiêm phòng",
    "khám chữa bệnh, khám và chữa bệnh",
    "mũ bảo hiểm, nón bảo hiểm",
    "đuối nước, chết đuối",
    "dạy bơi, học bơi, phổ cập bơi",
    "an toàn thực phẩm, vệ sinh an toàn thực phẩm, an toàn vệ sinh thực phẩm",
    "bữa ăn ca, suất ăn ca, bữa ăn giữa ca, cơm ca",
    "nắng nóng, nóng bức, oi bức",
    "hỏa hoạn, cháy nổ, vụ cháy",
    "phòng cháy chữa cháy, phòng chống cháy nổ",
    "hiến máu, hiến máu tình nguyện, hiến máu nhân đạo",
    "ma túy, chất ma túy, chất gây nghiện",
    "rượu bia, đồ uống có cồn, nồng độ cồn",
    "tai nạn giao thông, va chạm giao thông",
    # Collective relations and rights
    "đình công, ngừng việc tập thể, ngừng việc, bãi công, lãn công",
    "tranh chấp lao động, mâu thuẫn lao động, xung đột lao động",
    "thương lượng tập thể, đàm phán tập thể",
    "thỏa ước lao động tập thể, thỏa ước tập thể",
    "đối thoại tại nơi làm việc, đối thoại định kỳ, hội nghị đối thoại",
    "hội nghị người lao động, hội nghị công nhân viên chức, hội nghị cán bộ công chức",
    "quy chế dân chủ, dân chủ ở cơ sở, dân chủ cơ sở, dân chủ tại nơi làm việc",
    "quyền lợi, quyền và lợi ích hợp pháp, quyền lợi hợp pháp, quyền lợi chính đáng",
    "phúc lợi, đãi ngộ",
    "nội quy lao động, nội quy công ty, nội quy doanh nghiệp",
    "xử lý kỷ luật, kỷ luật lao động, hình thức kỷ luật",
    "quấy rối tình dục, quấy rối",
    "bình đẳng giới, bình đẳng nam nữ",
    "bạo lực gia đình, bạo hành gia đình",
    "tư vấn pháp luật, tư vấn pháp lý, trợ giúp pháp lý, hỗ trợ pháp lý",
    "khởi kiện, kiện ra tòa, kiện ra tòa án",
    "khiếu nại, khiếu kiện",
    "Bộ luật Lao động, luật lao động",
    "xử phạt, phạt tiền, xử phạt hành chính",
    "đường dây nóng, hotline, tổng đài hỗ trợ",
    # The union and its care for members
    "kết nạp đoàn viên, phát triển đoàn viên, vận động gia nhập công đoàn",
    "đoàn phí, đoàn phí công đoàn, phí công đoàn",
    "thiết chế công đoàn, thiết chế văn hóa công đoàn, nhà văn hóa công nhân, nhà văn hóa lao động",
    "chuyến xe công đoàn, chuyến xe nghĩa tình, xe đưa công nhân về quê",
    "xe đưa đón công nhân, xe đưa rước công nhân, xe đưa đón",
    "trao quà, tặng quà, trao tặng quà, phát quà",
    "hoàn cảnh khó khăn, gia cảnh khó khăn, hoàn cảnh đặc biệt khó khăn",
    "vay vốn, vay vốn ưu đãi, trợ vốn",
    "tín dụng đen, vay nặng lãi, cho vay nặng lãi, vay lãi cao, app vay tiền",
    "lừa đảo qua mạng, lừa đảo trực tuyến, lừa đảo công nghệ cao, lừa đảo qua điện thoại",
    "nhà ở, chỗ ở, nơi ở",
    "nhà trọ, phòng trọ, khu trọ, xóm trọ",
    "ký túc xá, KTX",
    "về quê ăn Tết, về quê đón Tết",
    "phiên chợ, chợ phiên",
    "từ thiện, thiện nguyện",
    "nhà ở xã hội, nhà ở cho công nhân, nhà ở công nhân",
    "con công nhân, con em công nhân, con đoàn viên, con em đoàn viên",
    "khuyến học, học bổng",
    "tập huấn, bồi dưỡng nghiệp vụ, tập huấn nghiệp vụ",
    "sáng kiến, cải tiến kỹ thuật, sáng kiến cải tiến",
    "hội thao, giải thể thao",
    "hội diễn văn nghệ, liên hoan văn nghệ, hội diễn",
    "bóng đá, đá bóng",
    "trực tuyến, online, qua mạng",
    "điện thoại thông minh, smartphone",
    "mạng xã hội, MXH",
    "livestream, phát trực tiếp, phát sóng trực tiếp",
    "chuyển đổi số, số hóa",
    "thiên tai, bão lũ, lũ lụt, mưa lũ",
    "quyên góp, ủng hộ",
    "khu công nghiệp, khu chế xuất, cụm công nghiệp",
    "Bác Hồ, Chủ tịch Hồ Chí Minh, Hồ Chủ tịch",
]


def add_defaults(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for phrases in GROUPS:
        Synonym.objects.get_or_create(phrases=phrases)


def remove_defaults(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    Synonym.objects.filter(phrases__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0003_entries_of_every_kind")]

    operations = [
        migrations.CreateModel(
            name="Synonym",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "phrases",
                    models.TextField(
                        help_text=(
                            "Các từ hoặc cụm từ cùng một nghĩa, cách nhau bằng dấu phẩy hoặc xuống dòng, ví dụ: "
                            "tiền lương, tiền công, lương. Tìm một từ sẽ tìm thấy cả các từ kia (xếp sau bài có "
                            "đúng từ đã gõ). Gõ đủ dấu; chỉ ghép những từ thật sự cùng nghĩa, tránh từ quá chung."
                        ),
                        verbose_name="các từ cùng nghĩa",
                    ),
                ),
            ],
            options={
                "verbose_name": "nhóm từ đồng nghĩa",
                "verbose_name_plural": "từ đồng nghĩa",
                "ordering": ["phrases"],
            },
        ),
        migrations.RunPython(add_defaults, remove_defaults),
    ]
