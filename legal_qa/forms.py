from django import forms
from django.utils.translation import gettext_lazy as _

from contact.forms import ContactDetailsForm
from legal_qa.topics import Topic


class QuestionForm(ContactDetailsForm):
    """A reader's question; the contact details are for the answer's notice only and are never published."""

    topic = forms.ChoiceField(label=_("Lĩnh vực"), choices=[("", _("Chọn lĩnh vực"))] + Topic.choices)
    question = forms.CharField(
        label=_("Câu hỏi"),
        min_length=20,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 7}),
        error_messages={"min_length": _("Câu hỏi quá ngắn: vui lòng trình bày ít nhất %(limit_value)d ký tự.")},
    )

    field_order = ["name", "email", "phone", "topic", "question"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = _(
            "Cần ít nhất thư điện tử hoặc số điện thoại. Chúng tôi báo cho bạn qua thư điện tử khi câu trả lời "
            "được đăng; thông tin liên hệ không bao giờ được công khai."
        )


class QuestionFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm trong câu hỏi và câu trả lời"), required=False, max_length=200)
    topic = forms.ChoiceField(label=_("Lĩnh vực"), required=False, choices=[("", _("Tất cả lĩnh vực"))] + Topic.choices)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        kwargs.setdefault("auto_id", "filter_%s")
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.input_type = "search"
