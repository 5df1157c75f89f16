"""The approval step of "Duyệt tin bài": Wagtail's group approval, except that by default nobody approves what
they submitted themselves (separation of duties). A one-person office sets EDITORIAL_ALLOW_SELF_APPROVAL.

Works for any object in a workflow (pages and snippets alike): it only looks at the object's current workflow
state, never at page-specific fields."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


def self_approval_allowed():
    return getattr(settings, "EDITORIAL_ALLOW_SELF_APPROVAL", False)


def submitters(task_state):
    """Who put this version up for approval: the person who started the workflow and the person who saved the
    revision under review (after "Yêu cầu chỉnh sửa", whoever edited and resubmitted it)."""
    if task_state is None:
        return set()
    people = {task_state.workflow_state.requested_by_id}
    if task_state.revision_id and task_state.revision.user_id:
        people.add(task_state.revision.user_id)
    people.discard(None)
    return people


class IndependentApprovalTask(AbstractGroupApprovalTask):
    """Approval by a member of the chosen groups other than the submitter."""

    def is_submitter(self, obj, user):
        if self_approval_allowed() or not user.is_authenticated:
            return False
        state = getattr(obj, "current_workflow_task_state", None)
        if state is None or state.task_id != self.pk:
            return False
        return user.pk in submitters(state)

    def get_actions(self, obj, user):
        if not super().get_actions(obj, user) or self.is_submitter(obj, user):
            return []
        return [
            # Wagtail's menus add "và xuất bản" at the last step.
            ("reject", _("Yêu cầu chỉnh sửa"), True),
            ("approve", _("Duyệt"), False),
            ("approve", _("Duyệt kèm nhận xét"), True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if self_approval_allowed() or not states.exists():
            return states
        return states.exclude(workflow_state__requested_by=user).exclude(revision__user=user)

    def on_action(self, task_state, user, action_name, **kwargs):
        # The views offer only get_actions(); this refuses a forged or stale request as well.
        if action_name == "approve" and not self_approval_allowed() and user.pk in submitters(task_state):
            raise PermissionDenied
        result = super().on_action(task_state, user, action_name, **kwargs)
        if action_name in ("approve", "reject"):
            from editorial.feedback import workflow_message

            workflow_message(task_state, action_name)
        return result

    @classmethod
    def get_description(cls):
        return _("Thành viên các nhóm đã chọn duyệt, trừ người đã gửi duyệt (trừ khi EDITORIAL_ALLOW_SELF_APPROVAL).")

    class Meta:
        verbose_name = _("phê duyệt bởi người khác")
        verbose_name_plural = _("phê duyệt bởi người khác")
