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
def register_editorial_page_views():
    """Every page type's editor refuses a save based on an outdated revision (editorial/conflicts.py) and shows
    the approver's request for changes (editorial/page_editor.py)."""
    from editorial.page_editor import EditorialPageViewSet

    return EditorialPageViewSet()


@hooks.register("construct_page_action_menu")
def one_way_to_publish_in_moderation(menu_items, request, context):
    """While a page is in moderation, approving it is the way to publish it: "Duyệt và xuất bản" is the main
    button for those who may approve, and the plain "Xuất bản" (which would skip the approval and, for the
    submitter, separation of duties) is not offered. "Khởi động lại quy trình duyệt" is dropped when the workflow
    has a single step: it would do exactly what "Gửi duyệt lại" does."""
    page = context.get("page")
    state = page.current_workflow_state if page is not None and page.pk else None
    if state is None:
        return
    single_step = len(state.workflow.tasks) <= 1
    kept = [
        item
        for item in menu_items
        if not (item.name == "action-restart-workflow" and single_step)
        and not (item.name == "action-publish" and state.status == state.STATUS_IN_PROGRESS)
    ]
    approve = [item for item in kept if item.name == "approve" and not getattr(item, "launch_modal", True)]
    menu_items[:] = approve + [item for item in kept if item not in approve]


@hooks.register("construct_homepage_panels")
def changes_requested_on_the_dashboard(request, panels):
    from editorial.changes_requested import ChangesRequestedPanel, for_user

    items = for_user(request.user)
    if items:
        panels.append(ChangesRequestedPanel(items))
