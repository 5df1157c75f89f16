from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class MilestoneBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Ngày"), format="%d/%m/%Y")
    title = blocks.CharBlock(label=_("Sự kiện"), help_text=_("Ví dụ: Kỷ niệm 135 năm ngày sinh Chủ tịch Hồ Chí Minh"))

    class Meta:
        icon = "date"
        label = _("Ngày kỷ niệm, mốc")
        label_format = "{date}: {title}"


class ReviewBlock(blocks.StructBlock):
    """The review step closing a year of the plan (sơ kết / tổng kết) and its deadline."""

    kind = blocks.ChoiceBlock(
        choices=[("so-ket", _("Sơ kết")), ("tong-ket", _("Tổng kết"))],
        required=False,
        label=_("Hình thức"),
    )
    description = blocks.TextBlock(required=False, label=_("Nội dung"))
    deadline = blocks.CharBlock(
        required=False, label=_("Thời hạn"), help_text=_("Ví dụ: vào dịp 19/5/2024; hoàn thành trong quý I")
    )

    class Meta:
        icon = "tasks"
        label = _("Sơ kết, tổng kết")


class YearBlock(blocks.StructBlock):
    """One year of a multi-year plan: its focus, its activities, its anniversaries and its review."""

    year = blocks.IntegerBlock(label=_("Năm"), min_value=1900, max_value=2100)
    theme = blocks.TextBlock(label=_("Trọng tâm của năm"), required=False)
    activities = blocks.ListBlock(blocks.TextBlock(label=_("Hoạt động")), label=_("Hoạt động chính"), default=[])
    milestones = blocks.ListBlock(MilestoneBlock(), label=_("Ngày kỷ niệm, mốc"), default=[])
    review = ReviewBlock()

    class Meta:
        icon = "calendar-alt"
        label = _("Năm")
        label_format = _("Năm {year}")
        template = "campaigns/blocks/year.html"


class CampaignYearsBlock(blocks.StreamBlock):
    year = YearBlock()
