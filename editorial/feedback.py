"""Every workflow action ends with a message saying what happened and to whom.

Wagtail says "Trang ... đã được cập nhật" after an approval or a request for changes made from the editor, and
nothing at all after one made from the dashboard's dialog. The approval step (editorial/models.py) performs every
approve and reject, from any view, for pages and snippets alike, but it is not given the request: the middleware
below lends it the current admin request, for that and nothing else."""

from contextvars import ContextVar

from django.contrib import messages
from django.utils.formats import date_format
from django.utils.timezone import localtime, now
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_latest_str, get_user_display_name
from wagtail.models import WorkflowState

current_request = ContextVar("editorial_current_request", default=None)


class CurrentRequestMiddleware:
    """Makes the request being answered available to workflow_message() (a context variable, so threads and
    asynchronous requests never see each other's)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)


def title_of(obj):
    if hasattr(obj, "get_admin_display_title"):
        return obj.get_admin_display_title()
    return get_latest_str(obj)


def people(users):
    names = sorted({get_user_display_name(user) for user in users if user is not None})
    return ", ".join(names) or _("người gửi")


def group_names(task):
    groups = getattr(task, "groups", None)
    return ", ".join(group.name for group in groups.all()) if groups is not None else task.name


def submitters_of(task_state):
    # Wagtail e-mails the outcome to the person who started the workflow.
    return [task_state.workflow_state.requested_by]


def action_message(task_state, action_name):
    """What an approve or reject of this task state did, for the person who did it."""
    obj = task_state.workflow_state.content_object
    obj = getattr(obj, "specific", obj)
    title = title_of(obj)
    workflow_state = task_state.workflow_state
    workflow_state.refresh_from_db()
    if action_name == "reject":
        return _("Đã gửi yêu cầu chỉnh sửa “%(title)s” tới %(people)s.") % {
            "title": title,
            "people": people(submitters_of(task_state)),
        }
    if workflow_state.status == workflow_state.STATUS_IN_PROGRESS and workflow_state.current_task_state:
        next_task = workflow_state.current_task_state.task.specific
        return _("Đã duyệt “%(title)s” ở bước “%(task)s”; đã chuyển tới bước “%(next)s” (%(groups)s).") % {
            "title": title,
            "task": task_state.task.name,
            "next": next_task.name,
            "groups": group_names(next_task),
        }
    go_live_at = getattr(obj, "go_live_at", None)
    if go_live_at and go_live_at > now():
        return _("Đã duyệt “%(title)s”; sẽ tự xuất bản lúc %(time)s. Đã báo %(people)s.") % {
            "title": title,
            "time": date_format(localtime(go_live_at), "d/m/Y H:i"),
            "people": people(submitters_of(task_state)),
        }
    return _("Đã duyệt và xuất bản “%(title)s”. Đã báo %(people)s.") % {
        "title": title,
        "people": people(submitters_of(task_state)),
    }


def submitted_message(obj):
    """After "Gửi duyệt" (or resubmission): who will review it."""
    # Read afresh: the editor's page object may hold the workflow states prefetched before the submission.
    state = WorkflowState.objects.for_instance(obj).active().select_related("current_task_state__task").first()
    task = state.current_task_state.task.specific if state and state.current_task_state else None
    if task is None:
        return _("Đã gửi duyệt “%(title)s”.") % {"title": title_of(obj)}
    return _("Đã gửi duyệt “%(title)s” tới nhóm %(groups)s (bước “%(task)s”). Bạn sẽ nhận thư khi có kết quả.") % {
        "title": title_of(obj),
        "groups": group_names(task),
        "task": task.name,
    }


def workflow_message(task_state, action_name):
    """Adds the message for an approve or reject to the current admin request, if there is one."""
    request = current_request.get()
    if request is None or not hasattr(request, "_messages"):
        return
    messages.success(request, action_message(task_state, action_name))
