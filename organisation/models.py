"""The federation itself ("Giới thiệu"): its functions, tasks and history; its units as data (a tree) and the
officials readers may contact, as Decree 42/2022/NĐ-CP expects of a public body's portal."""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.translatable import PAGE_FIELDS, LiveQuerySet, prefer_locale
from delivery.content_cache import ViewRestrictionsFromCache, public_q
from search.text import html_text
from visits.middleware import CountedPageMixin

PAGE_TRANSLATABLE_FIELDS = PAGE_FIELDS + [TranslatableField("intro")]


class OrganisationSearchMixin:
    """The organisation's pages in the site search (search/indexing.py): labelled "Tổ chức", undated."""

    search_kind = "organisation"
    search_kind_label = pgettext_lazy("loại kết quả tìm kiếm", "Tổ chức")

    def search_meta(self):
        return {"published": None}


class UnitKind(models.TextChoices):
    LEADERSHIP = "leadership", _("Lãnh đạo")
    DEPARTMENT = "department", _("Ban chuyên môn")
    DISTRICT = "district", _("Liên đoàn Lao động cấp huyện")
    SECTOR = "sector", _("Công đoàn ngành")
    OTHER = "other", _("Đơn vị khác")


class Unit(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """A unit of the federation: a department (ban), a district federation, a sector union; units under units
    make the organisational chart. Translated with wagtail-localize like the pages that show it. Changes go
    through the approval workflow (docs/approval.md): readers see the published version only."""

    name = models.CharField(_("tên đơn vị"), max_length=255)
    kind = models.CharField(_("loại đơn vị"), max_length=20, choices=UnitKind.choices, default=UnitKind.DEPARTMENT)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("trực thuộc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Để trống với đơn vị cấp cao nhất."),
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    sort_order = models.PositiveIntegerField(
        _("thứ tự hiển thị"), default=100, help_text=_("Số nhỏ đứng trước, trong cùng một cấp.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("parent"),
        MultiFieldPanel([FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")], heading=_("Liên hệ")),
        FieldPanel("sort_order"),
    ]
    # Translators translate the name and the address; the rest is the same in every language. The parent of a
    # translated unit is the parent's translation (wagtail-localize translates it along with the unit).
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("kind", overridable=False),
        TranslatableField("parent"),
        TranslatableField("address"),
        SynchronizedField("phone", overridable=False),
        SynchronizedField("email", overridable=False),
        SynchronizedField("sort_order", overridable=False),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]
    objects = LiveQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        from django.core.exceptions import ValidationError

        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": _("Một đơn vị không thể trực thuộc chính nó hay đơn vị cấp dưới.")})
            ancestor = ancestor.parent


class Official(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """An official readers may contact: name, position, unit, phone, official e-mail, photo. Changes go through
    the approval workflow (docs/approval.md): readers see the published version only."""

    name = models.CharField(_("họ và tên"), max_length=255)
    position = models.CharField(_("chức vụ"), max_length=255, help_text=_("Ví dụ: Chủ tịch, Trưởng ban"))
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), null=True, blank=True, on_delete=models.SET_NULL, related_name="officials"
    )
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử công vụ"), blank=True)
    photo = models.ForeignKey(
        "images.CaptionedImage",
        verbose_name=_("ảnh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_leader = models.BooleanField(_("thuộc lãnh đạo"), default=False, help_text=_("Hiển thị trên trang “Lãnh đạo”."))
    sort_order = models.PositiveIntegerField(_("thứ tự hiển thị"), default=100, help_text=_("Số nhỏ đứng trước."))

    panels = [
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("unit"),
        FieldPanel("is_leader"),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Liên hệ")),
        FieldPanel("photo"),
        FieldPanel("sort_order"),
    ]
    # A name is not translated (a translator may still override it, for a transliteration); the position is.
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("position"),
        TranslatableField("unit"),
        SynchronizedField("is_leader", overridable=False),
        SynchronizedField("phone", overridable=False),
        SynchronizedField("email", overridable=False),
        SynchronizedField("photo", overridable=False),
        SynchronizedField("sort_order", overridable=False),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("position"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]
    objects = LiveQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return f"{self.name} ({self.position})"


def officials(locale_id, units=None):
    """The officials as readers of one language see them (prefer_locale), each with its unit in that language too
    (units: the units as prefer_locale chose them, if the caller has them), photos' renditions included: three
    queries, however many officials and languages."""
    from images.models import CaptionedImageRendition

    if units is None:
        units = prefer_locale(Unit.objects.live(), locale_id)
    units = {unit.translation_key: unit for unit in units}
    everyone = (
        Official.objects.live()
        .select_related("unit", "photo")
        .prefetch_related(Prefetch("photo__renditions", queryset=CaptionedImageRendition.objects.all()))
    )
    chosen = prefer_locale(everyone, locale_id)
    for official in chosen:
        if official.unit is not None:
            # A unit not published yet is not shown, not even as an official's unit.
            official.unit = units.get(official.unit.translation_key)
    return chosen


def unit_tree(locale_id):
    """The units as a tree, in display order, in the readers' language where translated: a list of (unit,
    children) with each unit's officials in unit.directory. Three queries, however many units."""
    everything = list(Unit.objects.all())
    # Parents are found by translation key among every unit, published or not: a published unit under one not
    # published yet stays out of the tree with it, rather than showing at the top.
    key_of = {unit.pk: unit.translation_key for unit in everything}
    units = prefer_locale([unit for unit in everything if unit.live], locale_id)
    by_parent = {}
    for unit in units:
        unit.directory = []
        by_parent.setdefault(key_of.get(unit.parent_id), []).append(unit)
    by_key = {unit.translation_key: unit for unit in units}
    for official in officials(locale_id, units):
        if official.unit is not None:
            by_key[official.unit.translation_key].directory.append(official)

    def branch(parent_key, seen):
        nodes = []
        for unit in by_parent.get(parent_key, []):
            if unit.translation_key not in seen:  # a cycle made in the database directly must not loop forever
                nodes.append((unit, branch(unit.translation_key, seen | {unit.translation_key})))
        return nodes

    return branch(None, frozenset())


class IntroductionPage(OrganisationSearchMixin, CountedPageMixin, ViewRestrictionsFromCache, Page):
    """ "Giới thiệu": what the federation is for (functions, tasks) and its history; its structure and leadership
    are pages under it."""

    intro = models.TextField(_("tóm tắt"), blank=True)
    functions = RichTextField(_("chức năng"), blank=True)
    tasks = RichTextField(_("nhiệm vụ"), blank=True)
    history = RichTextField(_("lịch sử"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("functions"),
        FieldPanel("tasks"),
        FieldPanel("history"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("functions"),
        TranslatableField("tasks"),
        TranslatableField("history"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("functions"),
        index.SearchField("tasks"),
        index.SearchField("history"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["organisation.StructurePage", "organisation.LeadershipPage"]
    max_count_per_parent = 1
    page_description = _("Trang “Giới thiệu”: chức năng, nhiệm vụ, lịch sử.")

    class Meta:
        verbose_name = _("trang giới thiệu")
        verbose_name_plural = _("trang giới thiệu")

    def search_document(self):
        document = [("title", self.title), ("lead", self.intro)]
        document += [("body", html_text(text)) for text in (self.functions, self.tasks, self.history)]
        return [(field, text) for field, text in document if text]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only their titles and addresses are shown: the pages as they are, public ones (the cached restrictions),
        # in one query.
        context["subpages"] = self.get_children().live().filter(public_q())
        return context


class OrganisationSubpage(OrganisationSearchMixin, CountedPageMixin, ViewRestrictionsFromCache, Page):
    """What the structure and leadership pages share: a summary over data kept as snippets, one of each under the
    introduction."""

    intro = models.TextField(_("tóm tắt"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS
    parent_page_types = ["organisation.IntroductionPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def search_document(self):
        """Its summary and the people and units it lists (published ones, in its language), so that a name or a
        position ("Chủ tịch") finds the page, its summary alone being the result's snippet; organisation/signals.py
        refreshes it when they change."""
        document = [("title", self.title), ("lead", self.intro)]
        for official in self.search_officials():
            document += [("other", official.name), ("other", official.position)]
            if official.unit is not None:
                document.append(("other", official.unit.name))
        return [(field, text) for field, text in document if text]

    def search_officials(self):
        return officials(self.locale_id)


class StructurePage(OrganisationSubpage):
    """ "Cơ cấu tổ chức": the units (snippets) as a tree of nested lists, each with its officials."""

    page_description = _("Cơ cấu tổ chức: các đơn vị và cán bộ, lấy từ mục “Tổ chức” trong trang quản trị.")

    class Meta:
        verbose_name = _("trang cơ cấu tổ chức")
        verbose_name_plural = _("trang cơ cấu tổ chức")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tree"] = unit_tree(self.locale_id)
        return context

    def search_document(self):
        units = prefer_locale(Unit.objects.live(), self.locale_id)
        return super().search_document() + [("other", unit.name) for unit in units]


class LeadershipPage(OrganisationSubpage):
    """ "Lãnh đạo": the officials marked as leaders, in display order."""

    page_description = _("Lãnh đạo: các cán bộ được đánh dấu “thuộc lãnh đạo”.")

    class Meta:
        verbose_name = _("trang lãnh đạo")
        verbose_name_plural = _("trang lãnh đạo")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["leaders"] = [official for official in officials(self.locale_id) if official.is_leader]
        return context

    def search_officials(self):
        return [official for official in officials(self.locale_id) if official.is_leader]


class RelatedLink(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model):
    """A link to a related body's portal ("Liên kết website"), listed in every page's footer. Changes go through
    the approval workflow (docs/approval.md): readers see the published version only."""

    title = models.CharField(_("tên cơ quan, trang web"), max_length=150)
    url = models.URLField(_("địa chỉ"), max_length=500)
    sort_order = models.PositiveIntegerField(_("thứ tự hiển thị"), default=100, help_text=_("Số nhỏ đứng trước."))

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("sort_order")]
    # The body's name is translated; a translator may point to its English site.
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("url"),
        SynchronizedField("sort_order", overridable=False),
    ]
    objects = LiveQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("liên kết website")
        verbose_name_plural = _("liên kết website")
        ordering = ["sort_order", "title"]

    def __str__(self):
        return self.title


@register_setting(icon="site", order=100)
class OrganisationSettings(BaseSiteSetting):
    """Who publishes the portal, shown in every page's header (emblem and name) and footer (the lines Vietnamese
    portals carry: managing body, address, phone, e-mail, fax, person responsible, licence; Decree 42/2022/NĐ-CP
    for state bodies' portals, the licence and responsible-person lines of news sites). Administrators edit it
    (Settings › Thông tin cơ quan): one row per site, not a translatable object, so its texts have an English
    counterpart beside them, shown on English pages (the Vietnamese where it is empty). Saving it changes the
    content version, so every cached page and part shows it at once (docs/delivery.md)."""

    logo = models.ForeignKey(
        "images.CaptionedImage",
        verbose_name=_("biểu trưng (logo)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Hiển thị cạnh tên cơ quan ở đầu trang, cao 48 px; nên dùng ảnh PNG vuông, nền trong suốt."),
    )
    name = models.CharField(_("tên cơ quan"), max_length=255, blank=True)
    name_en = models.CharField(_("tên cơ quan (tiếng Anh)"), max_length=255, blank=True)
    managing_body = models.CharField(_("cơ quan chủ quản"), max_length=255, blank=True)
    managing_body_en = models.CharField(_("cơ quan chủ quản (tiếng Anh)"), max_length=255, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    address_en = models.CharField(_("địa chỉ (tiếng Anh)"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True, help_text=_("Ví dụ: 0214 3820 000"))
    fax = models.CharField(_("fax"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    responsible_person = models.CharField(
        _("chịu trách nhiệm chính"),
        max_length=255,
        blank=True,
        help_text=_("Họ tên và chức vụ, ví dụ: Nguyễn Văn A, Chủ tịch Liên đoàn Lao động tỉnh"),
    )
    responsible_person_en = models.CharField(_("chịu trách nhiệm chính (tiếng Anh)"), max_length=255, blank=True)
    licence_number = models.CharField(
        _("số giấy phép"), max_length=100, blank=True, help_text=_("Ví dụ: 12/GP-STTTT; để trống nếu không có.")
    )
    licence_date = models.DateField(_("ngày cấp giấy phép"), null=True, blank=True)
    licence_issuer = models.CharField(
        _("cơ quan cấp giấy phép"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Sở Thông tin và Truyền thông tỉnh Lào Cai"),
    )
    licence_issuer_en = models.CharField(_("cơ quan cấp giấy phép (tiếng Anh)"), max_length=255, blank=True)

    panels = [
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
                FieldRowPanel([FieldPanel("managing_body"), FieldPanel("managing_body_en")]),
                FieldRowPanel([FieldPanel("responsible_person"), FieldPanel("responsible_person_en")]),
            ],
            heading=_("Tên cơ quan"),
            help_text=_(
                "Cột bên phải là bản tiếng Anh, hiển thị trên các trang tiếng Anh; để trống thì dùng tiếng Việt."
            ),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("address"), FieldPanel("address_en")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email")]),
            ],
            heading=_("Liên hệ"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("licence_number"), FieldPanel("licence_date")]),
                FieldRowPanel([FieldPanel("licence_issuer"), FieldPanel("licence_issuer_en")]),
            ],
            heading=_("Giấy phép"),
        ),
    ]

    class Meta:
        verbose_name = _("thông tin cơ quan")
        verbose_name_plural = _("thông tin cơ quan")

    def __str__(self):
        return self.name or str(self.site)

    # The texts that have an English counterpart (`<field>_en`), and the fields shown as they are.
    TRANSLATED = ("name", "managing_body", "address", "responsible_person", "licence_issuer")
    AS_THEY_ARE = ("phone", "fax", "email", "licence_number", "licence_date")

    @classmethod
    def shown_in(cls, values, language):
        """What readers of `language` are shown of `values` (the fields by name): each text in that language, the
        Vietnamese where it has none."""
        english = language != settings.LANGUAGE_CODE
        texts = {field: (english and values[f"{field}_en"]) or values[field] for field in cls.TRANSLATED}
        return {**texts, **{field: values[field] for field in cls.AS_THEY_ARE}}
