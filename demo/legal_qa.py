"""The demo's legal Q&A (load_demo_content): the page, three answered questions and one awaiting an answer,
clearly sample data (askers' addresses are example.invalid and no notice is sent for them)."""

from datetime import timedelta

from django.utils import timezone

from legal_qa.models import LegalQAPage, LegalQuestion, Status, Topic

QUESTIONS = [
    (
        Topic.WAGES,
        "Doanh nghiệp trả lương thấp hơn mức lương tối thiểu vùng có đúng không? Tôi làm việc tại huyện Bảo Thắng.",
        "<p>Không đúng. Theo Bộ luật Lao động năm 2019 và Nghị định quy định mức lương tối thiểu, tiền lương trả "
        "cho người lao động làm công việc giản đơn trong điều kiện bình thường không được thấp hơn mức lương tối "
        "thiểu vùng nơi doanh nghiệp hoạt động. Bạn có thể đề nghị công đoàn cơ sở hoặc LĐLĐ huyện hỗ trợ. "
        "(Câu trả lời mẫu.)</p>",
    ),
    (
        Topic.SOCIAL_INSURANCE,
        "Tôi nghỉ việc thì có được nhận bảo hiểm xã hội một lần ngay không, cần giấy tờ gì?",
        "<p>Người lao động chỉ được hưởng bảo hiểm xã hội một lần trong các trường hợp luật định; hồ sơ gồm sổ "
        "bảo hiểm xã hội và đơn đề nghị theo mẫu, nộp tại cơ quan bảo hiểm xã hội cấp huyện. Nên cân nhắc bảo lưu "
        "thời gian đóng để hưởng lương hưu sau này. (Câu trả lời mẫu.)</p>",
    ),
    (
        Topic.CONTRACTS,
        "Công ty bắt ký hợp đồng thử việc hai lần liên tiếp cho cùng một công việc có được không?",
        "<p>Không. Người sử dụng lao động chỉ được thử việc một lần đối với một công việc; thời gian thử việc tối "
        "đa 60 ngày với công việc cần trình độ cao đẳng trở lên. (Câu trả lời mẫu.)</p>",
    ),
]
PENDING = (Topic.SAFETY, "Xưởng không phát khẩu trang và găng tay cho công nhân thì phản ánh ở đâu?")


def load(home):
    page = LegalQAPage.objects.child_of(home).first()
    if page is None:
        page = LegalQAPage(
            title="Hỏi đáp pháp luật",
            slug="hoi-dap-phap-luat",
            show_in_menus=True,
            intro="Cán bộ Ban Chính sách - Pháp luật trả lời câu hỏi của người lao động về tiền lương, bảo hiểm xã "
            "hội, hợp đồng lao động, an toàn vệ sinh lao động.",
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    if not LegalQuestion.objects.exists():
        for number, (topic, question, answer) in enumerate(QUESTIONS):
            LegalQuestion.objects.create(
                topic=topic,
                question=question,
                answer=answer,
                status=Status.PUBLISHED,
                asker_name=f"Người hỏi mẫu {number + 1}",
                asker_phone="0900 000 000",
                submitted_at=timezone.now() - timedelta(days=10 - number),
            )
        LegalQuestion.objects.create(topic=PENDING[0], question=PENDING[1], asker_name="Người hỏi mẫu 4")
    return page
