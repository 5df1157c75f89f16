"""Photos and files that readers see change only with an approver's consent (docs/approval.md).

Wagtail keeps no drafts of images and documents: saving one changes, at once, every page that shows it. So an
image or document in use by something published (a live page, a published official's photo, a published
official document's file: Wagtail's reference index, which records the published version of each) may be
changed only by someone who may publish each of those: the approvers (and administrators). Editors may change
what nothing published uses yet, and upload new photos and files freely; to change what readers see, they upload
a new one and choose it in the page or snippet, which then goes through approval with it.

The rule is a permission policy, so every admin path that asks Wagtail whether a user may change an image or a
document is covered by the one check: the edit views (details, focal point, replacing the file), the
multiple-upload forms (including the "duplicate" step that edits an existing image), the bulk actions (collection,
tags). The edit views also get a Vietnamese explanation instead of a bare refusal (images/wagtail_hooks.py)."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Page, ReferenceIndex, WorkflowState
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy

from delivery import content_cache

# What changes what readers see; choosing an image and deleting one are governed elsewhere (deleting is the
# approvers' right already, and Wagtail's usage count warns first).
GUARDED_ACTIONS = {"change"}
NAMES_SHOWN = 3


def published_users(instance):
    """The published pages and snippets that show this image or document, from Wagtail's reference index
    (which each save of a page or snippet row updates: for a live object the row is its published version)."""
    ids_by_type = defaultdict(set)
    for content_type_id, object_id in (
        ReferenceIndex.get_references_to(instance).values_list("content_type_id", "object_id").distinct()
    ):
        ids_by_type[content_type_id].add(object_id)
    found = []
    for content_type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:  # a model removed since the index was built
            continue
        for source in model._default_manager.filter(pk__in=ids):
            if not isinstance(source, DraftStateMixin) or source.live:
                found.append(source)
    return found


def is_admin_user(user) -> bool:
    """People of the admin, who review uploads before they are published."""
    return bool(user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


def shown_to_everyone(instance) -> bool:
    """Whether something published and public shows this image or document: a published snippet or setting,
    or a live page under no view restriction (password, login, groups)."""
    return any(
        not isinstance(source, Page) or not source.get_view_restrictions().exists()
        for source in published_users(instance)
    )


def shown_to_everyone_cached(instance) -> bool:
    meta = instance._meta
    return content_cache.cached(
        "media-public", meta.label_lower, instance.pk, compute=lambda: shown_to_everyone(instance)
    )


def readers_may_see(instance, request: HttpRequest) -> bool:
    """Whether the reader of `request` may download this image's or document's file: people of the admin always;
    readers once something published shows it, and, when only restricted pages show it, if they pass one of
    those pages' restrictions (signed in, the page's password). The answer for everyone is kept with the
    content version (which every publication, restriction, image and setting change renews)."""
    if is_admin_user(getattr(request, "user", None)):
        return True
    if shown_to_everyone_cached(instance):
        return True
    return any(
        isinstance(source, Page)
        and all(restriction.accept_request(request) for restriction in source.get_view_restrictions())
        for source in published_users(instance)
    )


def may_publish(user, source):
    if isinstance(source, Page):
        return source.permissions_for_user(user).can_publish()
    if isinstance(source, DraftStateMixin):
        meta = source._meta
        return user.has_perm(f"{meta.app_label}.publish_{meta.model_name}")
    return user.is_superuser  # something shown at once on saving: only an administrator decides for it


def in_moderation(instance):
    """The versions submitted for approval (pages and snippets in moderation) that show this image or document:
    what the approver reviews must not change under them. Moderation is rare, so each check reads the few
    submitted revisions; the reference index records only saved rows, not revisions."""
    found = []
    states = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).select_related(
        "current_task_state__revision"
    )
    for state in states:
        revision = state.current_task_state.revision if state.current_task_state else None
        if revision is not None:
            submitted = revision.as_object()
            if shows(submitted, instance):
                found.append(submitted)
    return found


def shows(source, instance):
    """Whether `source` (a page or snippet, as a revision has it) refers to `instance`, as the reference index
    would record it."""
    for content_type_id, object_id, _model_path, _content_path in ReferenceIndex._extract_references_from_object(
        source
    ):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None and isinstance(instance, model) and object_id == str(instance.pk):
            return True
    return False


def blocking_users(user, instance):
    """The published things, and the versions in moderation, showing `instance` that `user` may not publish
    (none for approvers)."""
    if user.is_active and user.is_superuser:
        return []
    sources = [*published_users(instance), *in_moderation(instance)]
    return [source for source in sources if not may_publish(user, source)]


def title_of(source):
    return source.get_admin_display_title() if isinstance(source, Page) else str(source)


def refusal(user, instance):
    """The Vietnamese explanation for an editor who may not change this image or document, or None."""
    blocking = blocking_users(user, instance)
    if not blocking:
        return None
    names = ", ".join(f"“{title_of(source)}”" for source in blocking[:NAMES_SHOWN])
    if len(blocking) > NAMES_SHOWN:
        names += _(" và %(count)s nơi khác") % {"count": len(blocking) - NAMES_SHOWN}
    if isinstance(instance, get_document_model()):
        text = _(
            "Tệp này đang dùng trên trang đã xuất bản hoặc đang chờ duyệt (%(names)s); chỉ người duyệt được sửa "
            "hay thay tệp. Hãy tải tệp mới lên và chọn nó trong trang hoặc văn bản: thay đổi sẽ được duyệt cùng "
            "trang."
        )
    else:
        text = _(
            "Ảnh này đang dùng trên trang đã xuất bản hoặc đang chờ duyệt (%(names)s); chỉ người duyệt được sửa "
            "chú thích, tác giả, mô tả hay thay ảnh. Hãy tải ảnh mới lên và chọn nó trong bài: thay đổi sẽ được "
            "duyệt cùng bài."
        )
    return text % {"names": names}


class PublishedMediaPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's policy for images and documents (collections, owners), plus: changing one that something
    published shows needs the right to publish that."""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        base = super()
        allowed = [action for action in actions if base.user_has_any_permission_for_instance(user, [action], instance)]
        if not allowed:
            return False
        if any(action not in GUARDED_ACTIONS for action in allowed):
            return True
        return not blocking_users(user, instance)


def register():
    """For the project's image model and Wagtail's document model, in place of Wagtail's own policies (which
    are registered for the base classes; an exact-class registration takes precedence)."""
    register_permission_policy(
        get_image_model(),
        PublishedMediaPermissionPolicy(
            get_image_model(), auth_model="wagtailimages.Image", owner_field_name="uploaded_by_user"
        ),
        exact_class=True,
    )
    register_permission_policy(
        get_document_model(),
        PublishedMediaPermissionPolicy(
            get_document_model(), auth_model="wagtaildocs.Document", owner_field_name="uploaded_by_user"
        ),
        exact_class=True,
    )
