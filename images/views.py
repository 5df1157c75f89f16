"""Readers get a photo's file only once something published shows it (docs/approval.md, "Photos and files").

Wagtail writes an image's original under `original_images/` and each size of it (a rendition) under `images/` of
MEDIA_ROOT, the moment the admin shows a thumbnail or an editor previews a draft: served straight from disk, an
upload waiting for approval would be public to whoever guesses its name. So `/media/` goes through this view:
the file's image is looked up (one query), and `images.in_use.readers_may_see` decides (kept per content version).
Admin users' avatars go to people of the admin only; anything else under MEDIA_ROOT (documents go through
/documents/<id>/<name>) answers 404.

Django sends the file itself by default; behind nginx, set MEDIA_ACCEL_REDIRECT to an internal location that
aliases MEDIA_ROOT, and nginx sends it (docs/deployment.md, "nginx")."""

import posixpath

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.static import serve
from wagtail.images import get_image_model

from images import in_use

ORIGINALS = "original_images/"
RENDITIONS = "images/"
AVATARS = "avatar_images/"  # admin users' own photos (Wagtail's account settings): for the admin only


def image_of(path):
    """The image whose original or rendition is stored at `path` (relative to MEDIA_ROOT), or None."""
    image_model = get_image_model()
    if path.startswith(ORIGINALS):
        return image_model.objects.filter(file=path).first()
    if path.startswith(RENDITIONS):
        rendition = image_model.get_rendition_model().objects.filter(file=path).select_related("image").first()
        return rendition.image if rendition is not None else None
    return None


def media_file(request, path):
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith(AVATARS):
        if not in_use.is_admin_user(request.user):
            raise Http404
        return send(request, path, shared=False)
    image = image_of(path)
    if image is None or not in_use.readers_may_see(image, request):
        raise Http404
    return send(request, path, shared=in_use.shown_to_everyone_cached(image))


def send(request, path, shared):
    accel = getattr(settings, "MEDIA_ACCEL_REDIRECT", "")
    if accel:
        response = HttpResponse(content_type="")  # nginx sets the type from the file
        response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + path
    else:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    if shared:
        patch_cache_control(response, public=True, max_age=getattr(settings, "MEDIA_CACHE_SECONDS", 86400))
    else:  # for the admin, or a restricted page's reader: no shared cache keeps it
        patch_cache_control(response, private=True, no_store=True)
    return response
