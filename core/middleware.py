"""Request handling that every part of the site needs."""

from django.core.exceptions import BadRequest


class MisencodedFormMiddleware:
    """A form posted as `application/x-www-form-urlencoded` with a charset other than UTF-8 is refused by Django
    when `request.POST` is read (BadRequest, a 400). Unlike for a malformed multipart body, Django does not
    remember that the body could not be read: the 400 and 500 views check the CSRF token, read `request.POST`
    again and raise again, and the reader gets the WSGI server's bare 500. Here the body is read first (the CSRF
    check right below reads it anyway) and, if it cannot be, left empty, so the 400 page is shown.

    Place it right above django.middleware.csrf.CsrfViewMiddleware. Found by tests/test_fuzz.py."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.content_type == "application/x-www-form-urlencoded":
            try:
                request.POST  # noqa: B018 - read it to find out whether it can be read
            except BadRequest:
                request._mark_post_parse_error()  # as Django does for a malformed multipart body
                raise
        return self.get_response(request)
