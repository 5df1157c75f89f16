"""Legal questions and answers ("Hỏi đáp pháp luật").

Questions are rows of a model, not pages: readers create them, so they must not enter the page tree and its
workflow, and the asker's contact details must be erasable for good, which page revisions (copies of every
field, kept forever) would defeat. The legal staff answer and publish in the admin by setting the status;
the public page lists what is published, by topic, searchable without diacritics."""

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.paginator import Paginator
from django.db import models, transaction
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from contact.protection import give_back_submission, rate_limit_message, take_submission
from core.translatable import PAGE_FIELDS
from delivery.content_cache import ViewRestrictionsFromCache
from legal_qa.forms import QuestionFilterForm, QuestionForm
from legal_qa.topics import Topic
from search.ranking import parse
from search.text import fold, html_text
from visits.middleware import CountedPageMixin

logger = logging.getLogger(__name__)
RATE_SCOPE = "legal-question"
QUESTIONS_PER_PAGE = 10
MAX_SEARCH_WORDS = 8
# How the site search labels an answer (and the Q&A page), search/kinds.py.
SEARCH_KIND = "legal-answer"
SEARCH_KIND_LABEL = pgettext_lazy("loại kết quả tìm kiếm", "Hỏi đáp pháp luật")
TITLE_WORDS = 30  # of a question, as a search result's title


class Status(models.TextChoices):
    NEW = "new", _("Chờ trả lời")
    PUBLISHED = "published", _("Đã đăng")
    DECLINED = "declined", _("Không đăng")


class LegalQuestion(index.Indexed, models.Model):
    topic = models.CharField(_("lĩnh vực"), max_length=40, choices=Topic.choices, default=Topic.OTHER)
    question = models.TextField(_("câu hỏi"))
    answer = RichTextField(_("câu trả lời"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.NEW)
    asker_name = models.CharField(_("người hỏi"), max_length=120, blank=True)
    asker_email = models.EmailField(_("thư điện tử người hỏi"), blank=True)
    asker_phone = models.CharField(_("điện thoại người hỏi"), max_length=20, blank=True)
    submitted_at = models.DateTimeField(_("ngày gửi"), default=timezone.now)
    published_at = models.DateTimeField(_("ngày đăng"), null=True, blank=True, editable=False)
    asker_notified_at = models.DateTimeField(_("đã báo người hỏi lúc"), null=True, blank=True, editable=False)
    folded_text = models.TextField(editable=False, default="")

    panels = [
        FieldPanel("topic"),
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldPanel("status"),
        MultiFieldPanel(
            [FieldPanel("asker_name"), FieldPanel("asker_email"), FieldPanel("asker_phone")],
            heading=_("Người hỏi (không bao giờ công khai; xoá trắng để xoá thông tin liên hệ)"),
        ),
    ]
    search_fields = [index.SearchField("question"), index.SearchField("answer"), index.FilterField("status")]

    class Meta:
        verbose_name = _("câu hỏi pháp luật")
        verbose_name_plural = _("câu hỏi pháp luật")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["status", "topic", "-published_at"])]

    def __str__(self):
        return self.question[:80]

    def save(self, *args, **kwargs):
        self.folded_text = fold(f"{self.question} {strip_tags(self.answer or '')}")
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        # Marked with the publication itself, so that the asker is told once, whatever is saved later.
        notify = self.status == Status.PUBLISHED and self.asker_email and self.asker_notified_at is None
        if notify:
            self.asker_notified_at = timezone.now()
        super().save(*args, **kwargs)
        if notify:
            transaction.on_commit(lambda: notify_asker(self.pk))

    @property
    def shown_on_pages(self):
        """Whether saving or deleting it changes what readers see (delivery/page_cache.py): not while it waits for an
        answer or was declined without ever being published."""
        return self.published_at is not None

    def clean(self):
        if self.status == Status.PUBLISHED and not strip_tags(self.answer or "").strip():
            raise ValidationError({"answer": _("Cần có câu trả lời trước khi đăng.")})

    # The site search (search/indexing.py): a published answer is found on the Vietnamese Q&A page, under its
    # publication and privacy; the question is its title. Questions are not translated (docs/content.md).
    search_kind = SEARCH_KIND
    search_kind_label = SEARCH_KIND_LABEL

    @classmethod
    def search_candidates(cls):
        return cls.objects.filter(status=Status.PUBLISHED)

    def search_document(self):
        return [("title", self.question), ("body", html_text(self.answer))]

    def search_meta(self):
        if self.status != Status.PUBLISHED:
            return None
        page = LegalQAPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).first()
        if page is None:
            return None
        with translation.override(settings.LANGUAGE_CODE):
            return {
                "page": page,
                "locale_id": page.locale_id,
                "title": Truncator(" ".join(self.question.split())).words(TITLE_WORDS),
                "url": f"{page.get_url()}?question={self.pk}#cau-hoi-{self.pk}",
                "section": str(self.get_topic_display()),
                "published": self.published_at and timezone.localdate(self.published_at),
            }


def notify_asker(question_pk):
    """Tell the asker their question is answered; a mail server's failure is logged, not raised, and leaves the
    question to be notified at its next save."""
    question = LegalQuestion.objects.filter(pk=question_pk).first()
    if question is None or not question.asker_email:
        return
    page = LegalQAPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).first()
    link = f"{page.full_url}#cau-hoi-{question.pk}" if page else ""
    body = gettext(
        "Xin chào %(name)s,\n\nCâu hỏi của bạn gửi Liên đoàn Lao động tỉnh đã được trả lời:\n\n%(question)s\n\n"
        "Xem câu trả lời: %(link)s\n\nThông tin liên hệ của bạn không được công khai."
    ) % {"name": question.asker_name or gettext("bạn"), "question": question.question[:500], "link": link}
    try:
        send_mail(gettext("Câu hỏi của bạn đã được trả lời"), body, None, [question.asker_email])
    except Exception:  # noqa: BLE001 - publishing must not fail because the notice could not be sent
        logger.exception("Could not tell the asker of question %s", question.pk)
        LegalQuestion.objects.filter(pk=question.pk).update(asker_notified_at=None)


def published_questions(topic=None, query=""):
    questions = LegalQuestion.objects.filter(status=Status.PUBLISHED).order_by("-published_at", "-pk")
    if topic:
        questions = questions.filter(topic=topic)
    typed = parse(query)  # the search page's reading of a query: raw Telex decoded ("tai nanj" -> "tai nạn")
    for word in fold(typed.rewritten or typed.text).split()[:MAX_SEARCH_WORDS]:
        questions = questions.filter(folded_text__contains=word)
    return questions.only("pk", "topic", "question", "answer", "published_at")


class LegalQAPage(CountedPageMixin, ViewRestrictionsFromCache, Page):
    """ "Hỏi đáp pháp luật": the published answers, by topic and searchable, and the form to ask a question."""

    intro = models.TextField(_("tóm tắt"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = PAGE_FIELDS + [
        TranslatableField("intro"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    page_description = _("Hỏi đáp pháp luật: câu hỏi của bạn đọc và câu trả lời đã đăng (quản lý ở mục “Hỏi đáp”).")

    class Meta:
        verbose_name = _("trang hỏi đáp pháp luật")
        verbose_name_plural = _("trang hỏi đáp pháp luật")

    # The site search (search/indexing.py): the page itself, and on the Vietnamese page the published answers.
    search_kind = SEARCH_KIND
    search_kind_label = SEARCH_KIND_LABEL

    def search_document(self):
        return [("title", self.title), ("lead", self.intro)]

    def search_meta(self):
        return {"published": None}

    def search_dependents(self):
        if self.locale.language_code != settings.LANGUAGE_CODE:
            return []
        return LegalQuestion.search_candidates()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = QuestionFilterForm(request.GET)
        topic, query = "", ""
        if filters.is_valid():
            topic, query = filters.cleaned_data["topic"], filters.cleaned_data["q"]
        questions = published_questions(topic, query)
        # One answer, as the site search links to it (?question=<id>).
        one = request.GET.get("question", "")
        one = int(one) if one.isascii() and one.isdigit() and len(one) < 10 else None
        if one is not None:
            questions = questions.filter(pk=one)
        context["filters"] = filters
        context["questions"] = Paginator(questions, QUESTIONS_PER_PAGE).get_page(request.GET.get("page"))
        counts = dict(
            LegalQuestion.objects.filter(status=Status.PUBLISHED)
            .order_by()
            .values_list("topic")
            .annotate(count=Count("pk"))
            .values_list("topic", "count")
        )
        context["topics"] = [(value, label, counts.get(value, 0)) for value, label in Topic.choices]
        context["topic_label"] = dict(Topic.choices)
        context["searching"] = bool(topic or query or one is not None)
        context.setdefault("form", QuestionForm())
        return context

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = QuestionForm(request.POST)
        status = 200
        submitted = False
        if not take_submission(request, RATE_SCOPE):
            form.is_valid()
            form.add_error(None, rate_limit_message())
            status = 429
        else:
            try:
                if form.is_valid():
                    LegalQuestion.objects.create(
                        topic=form.cleaned_data["topic"],
                        question=form.cleaned_data["question"],
                        asker_name=form.cleaned_data["name"],
                        asker_email=form.cleaned_data["email"],
                        asker_phone=form.cleaned_data["phone"],
                    )
                    submitted = True
                    form = QuestionForm()
            finally:
                if not submitted:
                    give_back_submission(request, RATE_SCOPE)
        context = self.get_context(request, *args, **kwargs)
        context.update(form=form, submitted=submitted)
        return TemplateResponse(request, self.get_template(request), context, status=status)
