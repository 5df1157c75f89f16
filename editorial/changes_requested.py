"""The approver's word where the editor works: after "Yêu cầu chỉnh sửa", the editor of the page (or snippet) shows
the comment, who wrote it and when, and the dashboard lists the person's own items waiting for their changes.

Both read the object's current workflow state: while it "needs changes", its current task state is the rejected
one and holds the comment. Resubmitting starts a new task state, and the banner goes."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_user_display_name
from wagtail.models import WorkflowState

DASHBOARD_LIMIT = 20


@dataclass
class ChangesRequested:
    comment: str
    by: str
    at: datetime
    task: str
    title: str = ""
    edit_url: str = ""

    @property
    def when(self):
        """dd/mm/yyyy HH:MM in the site's time (Asia/Ho_Chi_Minh)."""
        return date_format(localtime(self.at), "d/m/Y H:i")


def from_workflow_state(state):
    task_state = state.current_task_state
    if state.status != WorkflowState.STATUS_NEEDS_CHANGES or task_state is None:
        return None
    return ChangesRequested(
        comment=task_state.comment,
        by=get_user_display_name(task_state.finished_by) if task_state.finished_by else _("Hệ thống"),
        at=task_state.finished_at or task_state.started_at,
        task=task_state.task.name,
    )


def for_object(obj):
    """The request for changes the object is waiting on, or None."""
    state = getattr(obj, "current_workflow_state", None)
    return from_workflow_state(state) if state is not None else None


def for_user(user, limit=DASHBOARD_LIMIT):
    """The pages and snippets this person submitted that an approver has sent back, latest first."""
    states = (
        WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES, requested_by=user)
        .select_related("current_task_state__finished_by", "current_task_state__task")
        .order_by("-current_task_state__finished_at")[:limit]
    )
    finder = AdminURLFinder(user)
    found = []
    for state in states:
        item = from_workflow_state(state)
        obj = state.content_object
        if item is None or obj is None:
            continue
        obj = getattr(obj, "specific", obj)
        item.title = obj.get_admin_display_title() if hasattr(obj, "get_admin_display_title") else str(obj)
        item.edit_url = finder.get_edit_url(obj) or ""
        found.append(item)
    return found


class ChangesRequestedPanel(Component):
    name = "changes_requested"
    template_name = "editorial/changes_requested_panel.html"
    order = 90  # above Wagtail's panels (their orders start at 100)

    def __init__(self, items):
        self.items = items

    def get_context_data(self, parent_context):
        return {"items": self.items}
