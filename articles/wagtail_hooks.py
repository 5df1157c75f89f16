from django.db.models import F, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.ui.tables.pages import PageStatusColumn, PageTitleColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet

from articles.models import ArticlePage
from visits.models import DailyPageViews


class ArticleIndexView(IndexView):
    default_ordering = "-date"

    def get_base_queryset(self):
        counted = (
            DailyPageViews.objects.filter(page=OuterRef("pk"))
            .values("page")
            .annotate(total=Sum("views"))
            .values("total")
        )
        return super().get_base_queryset().annotate(views=Coalesce(Subquery(counted), 0) + F("imported_views"))


class ArticleListingViewSet(PageListingViewSet):
    """All articles in one list, sortable by views ("most read") and date."""

    model = ArticlePage
    index_view_class = ArticleIndexView
    icon = "doc-full-inverse"
    menu_label = _("Tin bài")
    menu_order = 150
    add_to_admin_menu = True
    name = "articles"
    columns = [
        PageTitleColumn("title", label=_("Tiêu đề"), sort_key="title", classname="title"),
        DateColumn("date", label=_("Ngày đăng"), sort_key="date", width="12%"),
        Column("views", label=_("Lượt xem"), sort_key="views", width="10%"),
        PageStatusColumn("status", label=_("Trạng thái"), sort_key="live", width="12%"),
    ]


@hooks.register("register_admin_viewset")
def register_article_listing():
    return ArticleListingViewSet("articles")
