from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Tin bài")

    def ready(self):
        from articles.models import articles_citing, live_articles_citing
        from official_documents import citations

        citations.register("articles", live=live_articles_citing, shown=articles_citing)
