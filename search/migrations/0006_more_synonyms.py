"""More synonyms for a fresh database and for one already seeded by 0004: the subjects a provincial union portal
writes about beyond wages and contracts (leisure, health, the union's own bodies and events, welfare, family,
schooling, money, time words, the digital words and the English ones the press uses), in the everyday words its
readers type. As in 0004, words too general to stand for one subject are left out, and so are short words whose
form without marks is a common other word ("AI" would be "ai", who; "lãi" would be "lại").

EXTENDED adds phrases to groups of 0004 where the word a reader uses was missing ("đá banh" for bóng đá): a group
is extended only if an administrator has not edited it, and rolling back restores its text."""

from django.db import migrations

# One line a group, phrases separated by commas, as administrators type them.
GROUPS = [
    # Leisure, culture and sport
    "du lịch, tham quan, tham quan du lịch, đi du lịch, tour du lịch",
    "nghỉ mát, nghỉ dưỡng, du lịch hè",
    "dã ngoại, picnic, cắm trại",
    "team building, teambuilding, hoạt động gắn kết",
    "văn nghệ, biểu diễn văn nghệ, ca múa nhạc, biểu diễn nghệ thuật",
    "thể thao, thể dục thể thao, TDTT",
    "cầu lông, vũ cầu",
    "bóng bàn, ping pong",
    "chạy bộ, chạy việt dã, việt dã, marathon",
    "thư viện, tủ sách",
    "Tết sum vầy, Tết đoàn viên, Tết sum họp",
    "quà Tết, phần quà Tết, suất quà Tết",
    "chợ Tết công đoàn, phiên chợ Tết, chợ Tết",
    "vé xe miễn phí, vé tàu miễn phí, hỗ trợ vé xe, hỗ trợ vé tàu, chuyến xe 0 đồng",
    "Ngày Quốc tế Lao động, Quốc tế Lao động, ngày 1/5",
    "Ngày Quốc tế Phụ nữ, ngày 8/3",
    "Ngày Phụ nữ Việt Nam, ngày 20/10",
    "Ngày Quốc tế Thiếu nhi, ngày 1/6",
    "Tết Trung thu, Trung thu, rằm tháng Tám, đêm hội trăng rằm",
    "ngày thành lập Công đoàn Việt Nam, ngày truyền thống Công đoàn Việt Nam, ngày 28/7",
    "kỷ niệm ngày thành lập, kỷ niệm thành lập, ngày truyền thống",
    "đám cưới tập thể, lễ cưới tập thể, cưới tập thể",
    "kết hôn, cưới hỏi, đám cưới, lễ cưới",
    "ly hôn, ly dị",
    # Health
    "say nắng, sốc nhiệt, say nóng, cảm nắng",
    "khám bệnh miễn phí, khám sức khỏe miễn phí, khám chữa bệnh miễn phí, khám bệnh từ thiện",
    "vắc xin, vaccine, vaccin",
    "dịch bệnh, bệnh dịch, đại dịch",
    "Covid-19, Covid, dịch Covid, nCoV",
    "stress, căng thẳng tâm lý, áp lực tâm lý, căng thẳng thần kinh",
    "sức khỏe tâm thần, sức khỏe tinh thần",
    "bác sĩ, thầy thuốc",
    "cơ sở y tế, cơ sở khám chữa bệnh, bệnh viện",
    "sơ cứu, sơ cấp cứu, cấp cứu",
    "hút thuốc, hút thuốc lá, thuốc lá",
    "bệnh bụi phổi, bụi phổi, bụi phổi silic",
    "điếc nghề nghiệp, điếc do tiếng ồn",
    "nhiễm độc, ngộ độc hóa chất, phơi nhiễm hóa chất",
    "ngạt khí, ngộ độc khí, ngạt khói",
    "HIV, HIV/AIDS, AIDS",
    "kế hoạch hóa gia đình, sinh đẻ có kế hoạch",
    "sức khỏe sinh sản, chăm sóc sức khỏe sinh sản",
    # Safety
    "điện giật, giật điện, bị điện giật",
    "ngã từ trên cao, rơi từ trên cao, té từ trên cao, rơi ngã, té ngã",
    "cứu nạn cứu hộ, cứu hộ cứu nạn, cứu nạn, cứu hộ",
    "Tháng hành động về an toàn vệ sinh lao động, Tháng hành động về ATVSLĐ, tháng an toàn lao động",
    "huấn luyện an toàn lao động, huấn luyện an toàn vệ sinh lao động, tập huấn an toàn lao động",
    "an toàn vệ sinh viên, mạng lưới an toàn vệ sinh viên, ATVSV",
    "an toàn giao thông, ATGT, trật tự an toàn giao thông",
    "phụ cấp độc hại, phụ cấp nặng nhọc độc hại, bồi dưỡng độc hại, bồi dưỡng bằng hiện vật",
    "nặng nhọc độc hại, nặng nhọc độc hại nguy hiểm, công việc nặng nhọc, nghề nặng nhọc",
    "sạt lở, sạt lở đất, lở đất",
    # The union: bodies, members, events
    "đại hội, đại hội đại biểu, đại hội nhiệm kỳ",
    "ban thường vụ, thường vụ",
    "đoàn viên, đoàn viên công đoàn, công đoàn viên, hội viên",
    "công đoàn cấp trên, công đoàn cấp trên trực tiếp cơ sở, công đoàn cấp trên cơ sở",
    "Liên đoàn Lao động tỉnh, Liên đoàn Lao động, công đoàn tỉnh",
    "Tổng Liên đoàn Lao động Việt Nam, Tổng Liên đoàn, Công đoàn Việt Nam",
    "thành lập công đoàn cơ sở, thành lập công đoàn, lập công đoàn",
    "cán bộ công đoàn không chuyên trách, cán bộ công đoàn kiêm nhiệm, cán bộ công đoàn bán chuyên trách",
    "nữ công, công tác nữ công, ban nữ công",
    "phụ nữ, nữ giới, giới nữ, chị em phụ nữ",
    "thi đua, phong trào thi đua, thi đua yêu nước",
    "điển hình tiên tiến, gương điển hình, tấm gương, gương người tốt việc tốt, người tốt việc tốt",
    "chiến sĩ thi đua, CSTĐ",
    "bỏ phiếu, bầu cử",
    "hội thảo, tọa đàm, workshop",
    "công nhân viên chức lao động, công nhân lao động",
    # Welfare and support
    "trợ cấp khó khăn, hỗ trợ khó khăn, hỗ trợ đột xuất, trợ cấp đột xuất",
    "mái ấm công đoàn, nhà Mái ấm Công đoàn, nhà tình nghĩa, nhà đại đoàn kết, nhà tình thương",
    "đoàn viên nghèo, công nhân nghèo, đoàn viên khó khăn, công nhân khó khăn",
    "hộ nghèo, gia đình nghèo",
    "giảm nghèo, xóa đói giảm nghèo, thoát nghèo",
    "quỹ tương trợ, quỹ tương thân tương ái, quỹ hỗ trợ đoàn viên",
    "tương thân tương ái, lá lành đùm lá rách, tương trợ",
    "cứu trợ, cứu tế, cứu trợ khẩn cấp",
    "nhu yếu phẩm, hàng thiết yếu, hàng hóa thiết yếu",
    "tiền điện nước, giá điện nước, điện nước",
    "tiền thuê nhà, tiền trọ, tiền thuê trọ, tiền phòng trọ",
    "phúc lợi đoàn viên, chương trình phúc lợi đoàn viên, ưu đãi đoàn viên, ưu đãi cho đoàn viên",
    "giảm giá, khuyến mãi, chiết khấu",
    "voucher, phiếu quà tặng, phiếu mua hàng",
    "người có công, người có công với cách mạng, gia đình chính sách",
    "cựu chiến binh, CCB",
    "Bà mẹ Việt Nam anh hùng, mẹ Việt Nam anh hùng",
    "bộ đội, quân nhân",
    # Contracts, pay, disputes
    "hợp đồng không xác định thời hạn, hợp đồng vô thời hạn, hợp đồng dài hạn",
    "hợp đồng xác định thời hạn, hợp đồng có thời hạn, hợp đồng ngắn hạn",
    "lương tháng 13, tháng lương thứ 13, thưởng tháng 13",
    "trừ lương, khấu trừ lương, cắt lương",
    "giảm lương, hạ lương, cắt giảm lương",
    "thang lương, bảng lương, thang bảng lương, thang lương bảng lương",
    "cải cách tiền lương, cải cách lương",
    "lương theo sản phẩm, lương khoán, trả lương theo sản phẩm",
    "trả lương qua tài khoản, trả lương qua ngân hàng, trả lương qua thẻ",
    "tiền ăn ca, tiền ăn giữa ca, phụ cấp ăn ca, phụ cấp tiền ăn",
    "tiền tàu xe, tiền đi lại, phụ cấp đi lại, hỗ trợ đi lại",
    "ca đêm, làm ca đêm, làm đêm, làm việc ban đêm",
    "làm việc từ xa, làm việc tại nhà, làm online",
    "nghỉ lễ, ngày nghỉ lễ, dịp lễ",
    "thương lượng, đàm phán",
    "thanh tra, thanh kiểm tra, thanh tra kiểm tra",
    "phản ánh, phản ảnh",
    "tâm tư nguyện vọng, tâm tư, nguyện vọng, tâm tư tình cảm",
    "phân biệt đối xử, kỳ thị",
    "lao động cưỡng bức, cưỡng bức lao động",
    "mua bán người, buôn bán người, buôn người",
    "cho thuê lại lao động, thuê lại lao động, lao động thuê ngoài",
    # Jobs and employers
    "chuyển việc, nhảy việc, đổi việc",
    "hồ sơ xin việc, đơn xin việc, CV xin việc",
    "phỏng vấn xin việc, phỏng vấn tuyển dụng",
    "lừa đảo việc làm, lừa đảo tuyển dụng, việc nhẹ lương cao",
    "việc làm bán thời gian, làm bán thời gian, part-time, việc làm thêm",
    "tài xế công nghệ, xe ôm công nghệ, lái xe công nghệ, tài xế xe công nghệ",
    "giúp việc gia đình, người giúp việc, lao động giúp việc gia đình, người giúp việc nhà",
    "công nhân vệ sinh môi trường, công nhân môi trường, công nhân vệ sinh, lao công",
    "bốc vác, bốc xếp, cửu vạn",
    "nhân viên văn phòng, dân văn phòng",
    "tiểu thương, người buôn bán nhỏ, buôn bán nhỏ",
    "khởi nghiệp, startup, lập nghiệp",
    "CEO, giám đốc điều hành",
    "doanh nghiệp FDI, doanh nghiệp có vốn đầu tư nước ngoài, doanh nghiệp nước ngoài, FDI",
    "doanh nghiệp tư nhân, doanh nghiệp ngoài nhà nước, doanh nghiệp ngoài quốc doanh",
    "doanh nghiệp nhà nước, DNNN",
    "hợp tác xã, HTX",
    "chủ bỏ trốn, chủ doanh nghiệp bỏ trốn, giám đốc bỏ trốn, chủ công ty bỏ trốn",
    "ngừng sản xuất, tạm dừng sản xuất, dừng sản xuất",
    "phá sản, giải thể, đóng cửa doanh nghiệp",
    "trượt giá, lạm phát, giá cả leo thang",
    # Schooling and children
    "học sinh giỏi, học sinh xuất sắc, học giỏi",
    "đỗ đại học, đậu đại học, trúng tuyển đại học",
    "tân sinh viên, sinh viên năm nhất",
    "học sinh, học trò",
    "đồ dùng học tập, dụng cụ học tập, sách vở",
    "khai giảng, khai giảng năm học mới, tựu trường",
    "nghỉ hè, kỳ nghỉ hè, dịp hè, sinh hoạt hè",
    "thiếu nhi, trẻ em, trẻ nhỏ",
    "con cái, con em",
    "người thân, thân nhân, người nhà",
    "xâm hại trẻ em, bạo hành trẻ em, phòng chống xâm hại trẻ em",
    "phổ biến pháp luật, tuyên truyền pháp luật, phổ biến giáo dục pháp luật, PBGDPL",
    # Money
    "kinh phí công đoàn, KPCĐ, đóng kinh phí công đoàn",
    "lãi suất, lãi vay, lãi suất vay",
    "thuế thu nhập cá nhân, thuế TNCN, thuế thu nhập",
    "giảm trừ gia cảnh, mức giảm trừ gia cảnh",
    "thanh toán không dùng tiền mặt, thanh toán điện tử, chuyển khoản",
    # Time words and spelling variants
    "hằng năm, hàng năm",
    "hằng tháng, hàng tháng",
    "hằng ngày, hàng ngày",
    "hằng tuần, hàng tuần",
    "hằng quý, hàng quý",
    "Tết Dương lịch, Tết Tây",
    "đầu xuân, đầu năm mới, xuân mới",
    "giáp Tết, cận Tết, áp Tết, sát Tết",
    "sau Tết, ra Tết, sau kỳ nghỉ Tết",
    "6 tháng đầu năm, sáu tháng đầu năm, nửa đầu năm",
    "6 tháng cuối năm, sáu tháng cuối năm, nửa cuối năm",
    "quý I, quý 1",
    "quý II, quý 2",
    "quý III, quý 3",
    "quý IV, quý 4",
    "kỹ năng, kĩ năng",
    "kỹ thuật, kĩ thuật",
    "kỹ sư, kĩ sư",
    "quy định, qui định",
    "quy chế, qui chế",
    "giày, giầy",
    "ô tô, ôtô, xe hơi",
    "xe buýt, xe bus",
    # Digital words and English ones
    "ứng dụng di động, app, ứng dụng điện thoại",
    "điện thoại di động, di động, điện thoại cầm tay",
    "website, trang web, trang thông tin điện tử, cổng thông tin điện tử",
    "email, e-mail, thư điện tử",
    "mã QR, QR code, mã QR code",
    "chữ ký số, chữ ký điện tử",
    "trí tuệ nhân tạo, công nghệ AI",
    "dịch vụ công trực tuyến, cổng dịch vụ công, dịch vụ công",
    "VssID, ứng dụng VssID, bảo hiểm xã hội số, BHXH số",
    "căn cước công dân, CCCD, căn cước, thẻ căn cước, chứng minh nhân dân, CMND",
    "định danh điện tử, VNeID, tài khoản định danh điện tử",
    "thẻ đoàn viên, thẻ đoàn viên công đoàn, thẻ công đoàn, thẻ đoàn viên điện tử",
    "tin giả, thông tin sai sự thật, tin đồn thất thiệt, tin thất thiệt",
    "marketing, tiếp thị",
    "logistics, hậu cần, dịch vụ hậu cần",
    "robot, rô bốt, người máy",
    # Everyday life of workers
    "người lao động lớn tuổi, lao động lớn tuổi, công nhân lớn tuổi, lao động trung niên",
    "bếp ăn tập thể, nhà ăn, căng tin, canteen",
    "điều hòa, máy lạnh, máy điều hòa",
    "xe máy, xe gắn máy, xe mô tô",
    "bằng lái xe, giấy phép lái xe, GPLX",
    "nhà vệ sinh, toilet, WC",
    "sinh nhật đoàn viên, mừng sinh nhật đoàn viên, tổ chức sinh nhật",
    "thăm hỏi, thăm ốm, thăm hỏi ốm đau",
    "phúng viếng, chia buồn",
    "cha mẹ, bố mẹ, ba mẹ, phụ huynh",
    "tầm soát ung thư, sàng lọc ung thư",
    "cờ bạc, đánh bạc, cá độ",
    "trộm cắp, mất trộm, kẻ trộm",
    "an ninh trật tự, ANTT",
    "công an, cảnh sát",
]

# Groups of 0004, as it seeded them, and the phrases a reader uses for them that were missing.
EXTENDED = {
    "bóng đá, đá bóng": "bóng đá, đá bóng, đá banh, túc cầu",
    "hội thao, giải thể thao": "hội thao, giải thể thao, giải đấu, thi đấu thể thao",
    "hội diễn văn nghệ, liên hoan văn nghệ, hội diễn": (
        "hội diễn văn nghệ, liên hoan văn nghệ, hội diễn, hội thi văn nghệ"
    ),
    "ngộ độc thực phẩm, ngộ độc": "ngộ độc thực phẩm, ngộ độc, ngộ độc thức ăn, ngộ độc tập thể",
    "tiêm chủng, tiêm vắc xin, tiêm phòng": "tiêm chủng, tiêm vắc xin, tiêm phòng, tiêm vaccine, chích ngừa",
    "an toàn lao động, an toàn vệ sinh lao động, an toàn trong lao động": (
        "an toàn lao động, an toàn vệ sinh lao động, an toàn trong lao động, bảo hộ lao động"
    ),
    "phòng cháy chữa cháy, phòng chống cháy nổ": "phòng cháy chữa cháy, phòng chống cháy nổ, chữa cháy",
    "hội nghị người lao động, hội nghị công nhân viên chức, hội nghị cán bộ công chức": (
        "hội nghị người lao động, hội nghị công nhân viên chức, hội nghị cán bộ công chức, "
        "đại hội công nhân viên chức, hội nghị cán bộ công chức viên chức"
    ),
    "kết nạp đoàn viên, phát triển đoàn viên, vận động gia nhập công đoàn": (
        "kết nạp đoàn viên, phát triển đoàn viên, vận động gia nhập công đoàn, gia nhập công đoàn"
    ),
    "khiếu nại, khiếu kiện": "khiếu nại, khiếu kiện, đơn khiếu nại, đơn thư khiếu nại",
    "thỏa ước lao động tập thể, thỏa ước tập thể": "thỏa ước lao động tập thể, thỏa ước tập thể, thỏa ước",
    "vay vốn, vay vốn ưu đãi, trợ vốn": "vay vốn, vay vốn ưu đãi, trợ vốn, cho vay vốn, cho vay ưu đãi, tín dụng",
    "khuyến học, học bổng": "khuyến học, học bổng, quỹ khuyến học, khuyến học khuyến tài",
    "lao động nữ, nữ công nhân, công nhân nữ, nữ lao động": (
        "lao động nữ, nữ công nhân, công nhân nữ, nữ lao động, chị em công nhân, nữ đoàn viên"
    ),
    "lao động tự do, lao động phi chính thức": "lao động tự do, lao động phi chính thức, làm tự do, freelancer",
    "nhà trẻ, trường mầm non, nhóm trẻ, giữ trẻ, trông trẻ": (
        "nhà trẻ, trường mầm non, nhóm trẻ, giữ trẻ, trông trẻ, mẫu giáo, trường mẫu giáo, mầm non, gửi trẻ"
    ),
    "tử vong, thiệt mạng": "tử vong, thiệt mạng, tử nạn, chết người",
    "Tết Nguyên đán, Tết âm lịch, Tết cổ truyền": "Tết Nguyên đán, Tết âm lịch, Tết cổ truyền, Tết ta",
    "tuyển dụng, tuyển lao động, tuyển công nhân": "tuyển dụng, tuyển lao động, tuyển công nhân, tuyển người, tuyển nhân sự",
    "nghỉ ốm, ốm đau, chế độ ốm đau": "nghỉ ốm, ốm đau, chế độ ốm đau, đau ốm, bị ốm",
    "mạng xã hội, MXH": "mạng xã hội, MXH, Facebook, Zalo, TikTok",
    "livestream, phát trực tiếp, phát sóng trực tiếp": (
        "livestream, phát trực tiếp, phát sóng trực tiếp, live stream, truyền hình trực tiếp"
    ),
    "điện thoại thông minh, smartphone": "điện thoại thông minh, smartphone, điện thoại smartphone",
    "quyên góp, ủng hộ": "quyên góp, ủng hộ, quyên góp ủng hộ, đóng góp ủng hộ",
}


def add_defaults(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for phrases in GROUPS:
        Synonym.objects.get_or_create(phrases=phrases)
    for old, new in EXTENDED.items():
        Synonym.objects.filter(phrases=old).update(phrases=new)


def remove_defaults(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    Synonym.objects.filter(phrases__in=GROUPS).delete()
    for old, new in EXTENDED.items():
        Synonym.objects.filter(phrases=new).update(phrases=old)


class Migration(migrations.Migration):
    dependencies = [("search", "0005_search_log")]

    operations = [migrations.RunPython(add_defaults, remove_defaults)]
