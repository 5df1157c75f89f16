from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every part of the public site shares and that is not content of its own: translation helpers, the page
    furniture (menu, breadcrumbs, language versions) with its template tags, SEO tags, the sitemap, robots.txt and
    site-wide middleware. It imports no content app (pyproject.toml, [tool.importlinter]). No models."""

    name = "core"
