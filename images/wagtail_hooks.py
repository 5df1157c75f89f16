"""The image and document edit views explain, in Vietnamese, why an editor may not change a photo or file that
something published shows (images/in_use.py), instead of Wagtail's bare "permission denied"; and readers download
only the files that something published uses."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.views import documents
from wagtail.images import get_image_model
from wagtail.images.views import images

from images import in_use


def explained(view, get_model, pk_kwarg, index_url_name):
    """Wagtail's edit view, answered first with the reason and the way forward when the rule refuses."""

    def guarded_view(request, *args, **kwargs):
        instance = get_object_or_404(get_model(), pk=kwargs[pk_kwarg])
        reason = in_use.refusal(request.user, instance)
        if reason is not None:
            messages.error(request, reason)
            return redirect(index_url_name)
        return view(request, *args, **kwargs)

    return guarded_view


@hooks.register("register_admin_urls")
def register_explained_edit_views():
    # The same addresses as Wagtail's own (images and documents are registered after this app), so every link
    # to "edit" reaches these first; Wagtail's URL names still resolve to them.
    return [
        path(
            "images/<int:image_id>/",
            explained(images.EditView.as_view(), get_image_model, "image_id", "wagtailimages:index"),
            name="images_edit_explained",
        ),
        path(
            "documents/edit/<int:document_id>/",
            explained(documents.EditView.as_view(), get_document_model, "document_id", "wagtaildocs:index"),
            name="documents_edit_explained",
        ),
    ]


@hooks.register("before_serve_document")
def serve_published_files_only(document, request):
    """A file that nothing published uses yet (an upload waiting, with its page or document, for approval) is not
    the readers' yet: /documents/<id>/<name> answers 404 to them, and the file to people of the admin, who preview
    and review it; a file only restricted pages show goes to those who pass their restriction. Files reach readers
    only through /documents/ (nginx does not serve them from /media/)."""
    if not in_use.readers_may_see(document, request):
        raise Http404
    return None
