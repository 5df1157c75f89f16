from django.urls import include, path
from wagtail import hooks

from editorial import translations


@hooks.register("register_admin_urls")
def register_translation_workflow_urls():
    return [
        # Registered before wagtail-localize's own URL (editorial precedes it in INSTALLED_APPS), so that its
        # "Sync translated pages" links reach the stricter view.
        path(
            "localize/update/<int:translation_source_id>/",
            translations.UpdateTranslationsView.as_view(),
            name="editorial_update_translations",
        ),
        path(
            "editorial/",
            include(
                (
                    [
                        path(
                            "submit-translation/<int:page_id>/",
                            translations.submit_translation_view,
                            name="submit_translation",
                        )
                    ],
                    "editorial",
                ),
                namespace="editorial",
            ),
        ),
    ]


hooks.register("register_page_listing_more_buttons", translations.submit_translation_buttons)
hooks.register("register_page_header_buttons", translations.submit_translation_buttons)


@hooks.register("register_admin_viewset")
def register_conflict_checking_page_views():
    """Every page type's editor refuses a save based on an outdated revision (editorial/conflicts.py)."""
    from editorial.conflicts import ConflictCheckingPageViewSet

    return ConflictCheckingPageViewSet()
