"""Two people editing the same page never silently overwrite each other.

Wagtail 8 compares the revision an editor loaded (`loaded_revision_id` in the form) with the page's latest revision,
but refuses a stale save only for its background saves (autosave, JSON); the save buttons rely on the browser
(the editing-session pings and a confirmation dialog), so a form posted from a page that missed the ping, or
without JavaScript, replaced a colleague's newer version without a word. Here the server refuses it too: the
editor gets their own text back in the form with a message naming who saved what, and saving again (the form now
carries the latest revision) is a deliberate overwrite, as Wagtail's dialog allows. Locked pages are Wagtail's own
check (a page locked by someone else cannot be saved).

Only someone else's save is a conflict. The editor's own autosave overwrites their revision (and its time) in the
background; one that lands while they press "Gửi duyệt" or "Lưu" leaves the form a step behind, and refusing that
would stop an editor for their own words."""

from django.contrib import messages
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet


class ConflictCheckingEditView(EditView):
    def post(self, request, *args, **kwargs):
        if not self.page.alias_of_id and not self.expects_json_response and self.newer_revision_by_someone_else:
            return self.refuse_stale_save()
        return super().post(request, *args, **kwargs)

    @cached_property
    def newer_revision_by_someone_else(self):
        """The latest revision saved by another person (or by the system) after the one the form was loaded from."""
        if not self.is_out_of_date:
            return None
        newer = self.page.revisions.exclude(user=self.request.user)  # keeps revisions without a user
        try:
            loaded_at = parse_datetime(self.request.POST.get("loaded_revision_created_at", ""))
        except ValueError:  # well formed but not a date: as if it were missing
            loaded_at = None
        if loaded_at:
            newer = newer.filter(created_at__gt=loaded_at)
        else:  # revision ids increase too, but an overwritten revision keeps its id
            loaded_id = self.request.POST.get("loaded_revision_id", "")
            newer = newer.filter(pk__gt=int(loaded_id)) if loaded_id.isascii() and loaded_id.isdigit() else newer
        return newer.order_by("-created_at", "-pk").first()

    def refuse_stale_save(self):
        newer = self.newer_revision_by_someone_else
        return self.refuse_save(
            _(
                "%(user)s đã lưu một phiên bản mới hơn của trang này lúc %(time)s, sau khi bạn mở trang để sửa. "
                "Thay đổi của bạn chưa được lưu và vẫn còn nguyên dưới đây: hãy xem phiên bản mới trong Lịch sử; "
                "nếu vẫn muốn thay thế nó bằng nội dung của bạn, hãy bấm lưu lần nữa."
            )
            % {
                "user": get_user_display_name(newer.user) if newer.user else _("Hệ thống"),
                "time": date_format(localtime(newer.created_at), "H:i d/m/Y"),
            }
        )

    def refuse_save(self, message):
        """The editor's form again, with their text as they posted it and `message`: nothing is saved."""
        self.form = self.form_class(
            self.request.POST,
            self.request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent,
            for_user=self.request.user,
        )
        messages.error(self.request, message)
        self.has_unsaved_changes = True
        return self.render_to_response(self.get_context_data())


class ConflictCheckingPageViewSet(PageViewSet):
    """Replaces Wagtail's default page viewset (registered before it, with order -1) for every page type."""

    edit_view_class = ConflictCheckingEditView
