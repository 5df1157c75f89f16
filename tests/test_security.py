"""Hardening: production settings pass Django's deployment checks and refuse to start without a secret; the public
site sends a strict Content-Security-Policy and the usual security headers; the admin's address is configurable;
repeated wrong passwords lock the login out with a message in Vietnamese; uploads are limited in type, size and
pixels with clear errors."""

import base64
import hashlib
import io
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if key not in ("SECRET_KEY", "DATABASE_URL")}
    environment.update(env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def run_python(code, **env):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", **env}
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", f"import django; django.setup()\n{code}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "ALLOWED_HOSTS": "example.org",
    "DATABASE_URL": "postgres://portal@127.0.0.1:5432/portal",
}


def test_production_settings_pass_the_deployment_checks():
    result = run_manage("check", "--deploy", SECRET_KEY=secrets.token_urlsafe(50), **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", SECRET_KEY="", **PRODUCTION)
    assert result.returncode != 0
    assert "The environment variable SECRET_KEY is required in production." in result.stderr


def test_production_sends_hsts_and_secure_httponly_cookies():
    code = (
        "from django.conf import settings as s\n"
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_SSL_REDIRECT,"
        " s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY)"
    )
    result = run_python(code, SECRET_KEY=secrets.token_urlsafe(50), **PRODUCTION)
    assert result.stdout.split() == ["31536000", "True", "True", "True", "True", "True", "True"], result.stderr


def test_production_reads_the_mail_relay_and_its_login_from_the_environment():
    code = (
        "from django.conf import settings as s\n"
        "print(s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER, s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.EMAIL_USE_SSL)"
    )
    relay = {"EMAIL_HOST": "smtp.example.org", "EMAIL_PORT": "587", "EMAIL_HOST_USER": "portal"}
    env = {**PRODUCTION, **relay, "EMAIL_HOST_PASSWORD": "relay-secret", "EMAIL_USE_TLS": "true"}
    result = run_python(code, SECRET_KEY=secrets.token_urlsafe(50), **env)
    assert result.stdout.split() == ["smtp.example.org", "587", "portal", "relay-secret", "True", "False"], (
        result.stderr
    )


def test_public_pages_have_a_strict_content_security_policy_and_security_headers(client, seed_article):
    response = client.get(seed_article.url)
    assert response.status_code == 200
    policy = dict(
        (directive.split()[0], directive.split()[1:]) for directive in response["Content-Security-Policy"].split("; ")
    )
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_public_pages_have_no_inline_script_but_json_ld_data_blocks(client, seed_article):
    html = client.get(seed_article.url).content.decode()
    for tag in re.findall(r"<script\b[^>]*>", html):
        # CSP checks only scripts that would run: an external one from this site, or a data block (JSON-LD),
        # which a browser never executes (HTML's "prepare the script element" stops before CSP for it).
        assert 'type="application/ld+json"' in tag or re.search(r'src="/static/[^"]+\.js"', tag), tag
    assert not re.search(r"\son[a-z]+=", html), "inline event handlers are blocked by the policy"
    assert " style=" not in html and "<style" not in html


def test_the_500_page_style_is_allowed_by_its_hash():
    template = (ROOT / "site" / "templates" / "500.html").read_text(encoding="utf-8")
    [style] = re.findall(r"<style>(.*?)</style>", template, re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" == django_settings.ERROR_PAGE_STYLE_HASH, "update ERROR_PAGE_STYLE_HASH in base.py"


def test_the_admin_is_left_out_of_the_strict_policy(client, db):
    response = client.get(reverse("wagtailadmin_login"))
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response


def test_the_admin_path_comes_from_the_environment():
    code = (
        "from django.conf import settings\nfrom django.urls import reverse\n"
        "print(reverse('wagtailadmin_login'), settings.CONTENT_SECURITY_POLICY['EXCLUDE_URL_PREFIXES'])"
    )
    result = run_python(code, WAGTAILADMIN_PATH="quan-tri")
    assert result.stdout.strip() == "/quan-tri/login/ ['/quan-tri/']", result.stderr
    assert run_python(code).stdout.strip() == "/admin/login/ ['/admin/']"


def test_the_footer_links_to_the_admin_login(client, home):
    assert f'href="{reverse("wagtailadmin_login")}"' in client.get(home.url).content.decode()


@pytest.fixture
def editor_account(django_user_model):
    return django_user_model.objects.create_user("bientap", "bientap@example.invalid", "right-password")


def login(client, username, password, ip="192.0.2.1"):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_repeated_wrong_passwords_lock_the_login_out_with_a_vietnamese_message(client, editor_account):
    for _ in range(django_settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, "bientap", "wrong").status_code == 200  # the form again, with its error
    locked = login(client, "bientap", "wrong")
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "Tạm khoá đăng nhập" in text
    assert f"đăng nhập sai {django_settings.AXES_FAILURE_LIMIT} lần" in text
    assert "thử lại sau 15 phút" in text
    # Even the right password is refused while locked out, from that address.
    assert login(client, "bientap", "right-password").status_code == 429
    assert "_auth_user_id" not in client.session
    # Another address is not locked out (a newsroom behind one NAT keeps working for the other accounts too).
    assert login(client, "bientap", "right-password", ip="192.0.2.2").status_code == 302


def test_a_successful_login_resets_the_failures(client, editor_account):
    for _ in range(django_settings.AXES_FAILURE_LIMIT - 1):
        login(client, "bientap", "wrong")
    assert login(client, "bientap", "right-password").status_code == 302
    client.logout()
    for _ in range(django_settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, "bientap", "wrong").status_code == 200


@pytest.fixture
def admin_client_vi(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("quantri", "quantri@example.invalid", "x"))
    return client


def png(width, height):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (10, 120, 60)).save(buffer, "PNG")
    return buffer.getvalue()


def upload_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": "Ảnh thử", "file": SimpleUploadedFile(name, content), "alt_text": "Ảnh thử"},
    )


def file_errors(response):
    return [str(error) for error in response.context["form"].errors.get("file", [])]


def test_an_image_too_big_is_refused_with_a_clear_message(admin_client_vi, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    response = upload_image(admin_client_vi, "lon.png", png(400, 400) + b"\0" * 2048)
    assert response.status_code == 200
    [error] = file_errors(response)
    assert error.startswith("Tệp quá lớn (") and "Dung lượng tối đa: 1,0\xa0KB" in error


def test_an_image_with_too_many_pixels_is_refused_with_a_clear_message(admin_client_vi, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 10_000
    [error] = file_errors(upload_image(admin_client_vi, "rong.png", png(200, 200)))
    assert error.startswith("Ảnh có quá nhiều điểm ảnh (40000). Tối đa: 10000 điểm ảnh")


def test_an_svg_or_a_disguised_file_is_refused_as_an_image(admin_client_vi):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    [error] = file_errors(upload_image(admin_client_vi, "logo.svg", svg))
    assert error.startswith("Không nhận định dạng ảnh này. Chỉ nhận: JPG, JPEG, PNG, GIF, WEBP, AVIF")
    errors = file_errors(upload_image(admin_client_vi, "anh.jpg", png(20, 20)))
    assert errors == ["Tệp không phải ảnh .jpeg hợp lệ: đuôi tệp không khớp với định dạng thật của tệp (png)."]


def test_documents_are_limited_in_type_and_size(admin_client_vi, settings):
    response = admin_client_vi.post(
        reverse("wagtaildocs:add"), {"title": "Tệp lạ", "file": SimpleUploadedFile("chay.exe", b"MZ")}
    )
    [error] = file_errors(response)
    assert error.startswith("Không nhận tệp đuôi “exe”. Chỉ nhận các loại tệp: pdf, doc, docx")
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10
    response = admin_client_vi.post(
        reverse("wagtaildocs:add"), {"title": "Tệp lớn", "file": SimpleUploadedFile("lon.pdf", b"%PDF" + b"0" * 100)}
    )
    assert file_errors(response)[0] == "Tệp quá lớn (104\xa0byte). Dung lượng tối đa: 10\xa0byte."


def test_an_oversized_form_post_is_refused_not_a_server_error(client, db):
    body = "q=" + "x" * (django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post(reverse("wagtailadmin_login"), body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
