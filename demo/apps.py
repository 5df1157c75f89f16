from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content and its loader (`manage.py load_demo_content`), and the measuring commands that need
    content (`measure_pages`, `measure_search`, `measure_view_counting`). The top layer: it may import every app,
    and no app imports it (pyproject.toml, [tool.importlinter]). No models."""

    name = "demo"
