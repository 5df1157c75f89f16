"""Translations go through the approval workflow like every page.

wagtail-localize's translation editor only offers "Publish", to those who may publish (approvers). A translator
without that right submits the translation to "Duyệt tin bài" from the page's "More" menu in the page listing:
the translated text becomes a new draft revision, and the approvers review it as any other page. And the
"Sync translated pages" form offers "Publish immediately" only to those who may publish every translation."""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets.button import Button
from wagtail.models import DraftStateMixin, Page, WorkflowState
from wagtail_localize.models import Translation
from wagtail_localize.views import update_translations


def synced_translation(page):
    """The wagtail-localize translation whose target is this page, if the page is kept in sync with a source."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def can_submit(page, user):
    if not page.permissions_for_user(user).can_edit():
        return False
    lock = page.get_lock()
    return not (lock and lock.for_user(user))


@transaction.atomic
def submit_for_approval(page, translation, user):
    """Save the translation as it stands (untranslated strings in the source language) as a draft revision of
    the page, without touching what readers see, and submit it to the page's workflow. Returns the workflow state,
    or None when no workflow applies (then the draft waits for someone who may publish)."""
    draft = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    draft.save_revision(user=user, log_action=True)
    page = Page.objects.get(pk=page.pk).specific
    workflow = page.get_workflow()
    if workflow is None:
        return None
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return state
    if state is not None:
        state.cancel(user=user)
    return workflow.start(page, user)


def submit_translation_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    translation = synced_translation(page)
    if translation is None:
        raise Http404
    if not can_submit(page, request.user):
        raise PermissionDenied
    explore_url = reverse("wagtailadmin_explore", args=[page.get_parent().pk])
    if request.method == "POST":
        state = submit_for_approval(page, translation, request.user)
        if state is None:
            messages.success(
                request, _("Đã lưu bản nháp bản dịch “%(title)s”.") % {"title": page.get_admin_display_title()}
            )
        else:
            messages.success(
                request,
                _("Đã gửi duyệt bản dịch “%(title)s” (%(workflow)s).")
                % {"title": page.get_admin_display_title(), "workflow": state.workflow.name},
            )
        return redirect(explore_url)
    return TemplateResponse(
        request,
        "editorial/submit_translation.html",
        {"page": page, "translation": translation, "explore_url": explore_url, "workflow": page.get_workflow()},
    )


def submit_translation_buttons(page, user, view_name=None, next_url=None):
    translation = synced_translation(page)
    if translation is not None and can_submit(page, user):
        yield Button(
            _("Gửi duyệt bản dịch"),
            reverse("editorial:submit_translation", args=[page.pk]),
            icon_name="resubmit",
            priority=61,
        )


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", whose "Publish immediately" is only for users who may publish
    every translation (it asks only for the right to submit translations)."""

    def get_form(self):
        form = super().get_form()
        if not self.user_may_publish_translations():
            field = form.fields["publish_translations"]
            field.disabled = True
            field.help_text = gettext_lazy(
                "Chỉ người duyệt được xuất bản ngay. Bản dịch cập nhật được gửi duyệt từ menu “Gửi duyệt bản dịch”."
            )
        return form

    def user_may_publish_translations(self):
        user = self.request.user
        for translation in self.object.translations.filter(enabled=True):
            try:
                target = translation.get_target_instance()
            except ObjectDoesNotExist:  # created by the sync, as a draft
                continue
            if isinstance(target, Page):
                if not target.permissions_for_user(user).can_publish():
                    return False
            elif isinstance(target, DraftStateMixin):  # a snippet with drafts: publishing it needs its permission
                meta = target._meta
                if not user.has_perm(f"{meta.app_label}.publish_{meta.model_name}"):
                    return False
        return True
