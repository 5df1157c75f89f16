"""Bad input (issue 10, item 5): Hypothesis sends thousands of random paths, query strings and form posts to the
public URLs of the demo content. Nothing may answer 5xx (the test client re-raises a view's exception, so a
crash fails at once), and input never comes back unescaped in HTML or XML.

How input is recognised in the answer: random text carries markers such as `<x-fuzz-12>`, `x"fuzz-12` or
`<script>x-fuzz-12</script>`; their characters `< > " '` can only reach the body raw if they were not escaped (no
product code writes `x"fuzz`), so a raw marker in the body is an escaping bug, and an escaped one (`x&quot;fuzz-12`)
shows the input was reflected and checked. Each test asserts that its posts reach validation (no rate limit, no
CSRF refusal where none is meant) and that some markers come back escaped, so that it cannot pass by doing nothing.

Reproducible: examples are derived from each test's name (`derandomize=True`), no example database. Requests
are made the way a WSGI server hands them over (PATH_INFO as the percent-decoded bytes read as Latin-1,
QUERY_STRING as sent), so broken percent-encodings and invalid UTF-8 reach Django as they would in production.
FUZZ_SCALE=4 (an environment variable) runs four times as many examples."""

import os
import re
from collections import Counter
from urllib.parse import quote, unquote_to_bytes, urlencode

import pytest
from django.test import Client
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from taggit.models import Tag
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

from contact.models import ContactPage
from legal_qa.models import LegalQAPage, LegalQuestion, Status, Topic
from official_documents.models import OfficialDocument

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # Hypothesis: hundreds of requests a test

SCALE = float(os.environ.get("FUZZ_SCALE", "1"))


def fuzz(examples):
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# What readers type, and what robots and broken clients send.
VIETNAMESE = "ăâđêôơưĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
COMBINING = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"  # marks typed after the letter (NFD input)
CONTROL = "\x00\x01\x07\x08\t\n\r\x0b\x0c\x1b\x7f\x85\u200b\u200d\u200e\u202e\u2028\ufeff\ufffd"
PUNCTUATION = "<>\"'&;/\\%?#=+ .,-_:@!$()*[]{}|`~^"
ODD_DIGITS = "²³¹½٣۴߁१０"  # digits for str.isdigit() that int() may refuse
WORDS = ["công đoàn", "cong doan", "hocj taapj", "01-KL/TW", "kết luận số 01", "ATVSLĐ", "Bác", "hoà", "hòa", "lao"]
MARKER_FORMS = [
    "<x-fuzz-{n}>",
    "<script>x-fuzz-{n}</script>",
    'x"fuzz-{n}',
    "x'fuzz-{n}",
    "x<fuzz-{n}",
    "x>fuzz-{n}",
]
MARKER = re.compile(r"<script>x-fuzz-\d+</script>|<x-fuzz-\d+>|x[\"'<>]fuzz-\d+")

characters = st.one_of(
    st.sampled_from(VIETNAMESE + COMBINING + CONTROL + PUNCTUATION + ODD_DIGITS),
    st.characters(codec="utf-8"),  # any code point but surrogates, which no UTF-8 request can carry
)
marker = st.builds(lambda form, n: form.format(n=n), st.sampled_from(MARKER_FORMS), st.integers(0, 999))
fragment = st.one_of(
    st.text(characters, max_size=30),
    st.sampled_from(WORDS),
    marker,
    st.integers(-(10**20), 10**20).map(str),
)
# Text with at least one marker, among words or random characters.
tainted = st.builds(lambda *parts: "".join(parts), fragment, st.sampled_from(["", " "]), marker, fragment)
# A value: a few fragments, now and then a very long one (past every max_length, and the search's 200 characters).
value = st.one_of(
    tainted,
    st.lists(fragment, max_size=5).map(" ".join),
    st.lists(fragment, max_size=5).map("".join),
    st.builds(
        lambda text, n: text * n, st.sampled_from(["ạ", "a ", "x", "ệ\u0300", "<x-fuzz-1000>"]), st.integers(200, 6000)
    ),
)
page_number = st.one_of(
    st.integers(-5, 30).map(str),
    st.sampled_from(["", "last", "0", "-1", "1e3", "9" * 30, " 2", "2 ", "0x1", "1.5", "NaN", "Infinity"]),
    st.text(st.sampled_from("0123456789" + ODD_DIGITS), min_size=1, max_size=4),
    value,
)
# Raw (already encoded) pieces of a query string or path that a client library would never produce.
RAW_PIECES = ["%", "%%", "%zz", "%0", "%00", "%FF", "%C0%AF", "%E1%BA", "%ED%A0%80", "%2e%2e", "%2F", "%5C", "&", "=",
              ";", "+", "%u0041", "%25", "%E2%80%AE"]  # fmt: skip


def markers_in(*texts):
    found = set()
    for text in texts:
        if isinstance(text, bytes):
            text = text.decode("utf-8", "replace")
        found.update(MARKER.findall(text))
    return found


class Checker:
    """Sends requests as a WSGI server would and checks every answer."""

    def __init__(self, client):
        self.client = client
        self.seen = Counter()

    def get(self, raw_path, raw_query="", **environ):
        """`raw_path` and `raw_query` as on the request line: ASCII, percent-encoded (or not quite)."""
        path_info = unquote_to_bytes(raw_path).decode("latin-1")
        response = self.client.request(
            REQUEST_METHOD="GET", PATH_INFO=path_info, QUERY_STRING=raw_query, SCRIPT_NAME="", **environ
        )
        return self.check(response, unquote_to_bytes(raw_path), unquote_to_bytes(raw_query.replace("+", " ")))

    def check(self, response, *inputs):
        self.seen["requests"] += 1
        self.seen[response.status_code] += 1
        assert response.status_code < 500, response
        content_type = response.get("Content-Type", "")
        found_markers = markers_in(*inputs)
        self.seen["with markers"] += bool(found_markers)
        if "html" in content_type or "xml" in content_type:
            body = b"".join(response) if response.streaming else response.content
            body = body.decode(response.charset or "utf-8", "replace")
            for found in found_markers:
                assert found not in body, f"unescaped input {found!r} in {content_type} answer"
                if escape(found) in body:
                    self.seen["escaped"] += 1
        return response


def path_piece(text):
    """A path segment as a client would encode it: every character but the unreserved ones."""
    return quote(text.encode("utf-8"), safe="")


def query_string(pairs, raw=()):
    encoded = urlencode([(key, val.encode("utf-8")) for key, val in pairs])
    return "&".join([encoded, *raw]).strip("&")


@pytest.fixture
def targets(home):
    """The public addresses of the demo content, found rather than listed, so new pages are fuzzed too."""
    pages = list(Page.objects.live().public().filter(depth__gt=1).specific())
    urls = sorted({page.url for page in pages if page.url})
    assert len(urls) > 20
    slugs = sorted({page.slug for page in pages})
    sections = [page.url for page in pages if page.specific_class.__name__ == "ArticleIndexPage"]
    return {
        "urls": urls,
        "slugs": slugs,
        "sections": sections,
        "documents": sorted(OfficialDocument.objects.values_list("pk", flat=True)),
        "tags": sorted(Tag.objects.values_list("slug", flat=True)),
        "contact": ContactPage.objects.live().filter(locale__language_code="vi").get().url,
        "qa": LegalQAPage.objects.live().filter(locale__language_code="vi").get().url,
    }


@pytest.fixture
def settings_as_in_production(settings):
    """The whole-page cache on, as in production (the test settings turn it off)."""
    settings.PAGE_CACHE_SECONDS = 60


def test_random_paths(client, targets, settings_as_in_production):
    """Random paths under /, /en/, the search, the document library, the feeds, tag pages, sections and articles,
    with odd headers, and the page cache on as in production."""
    checker = Checker(client)
    segment = st.one_of(
        st.sampled_from(targets["slugs"] + targets["tags"] + ["..", ".", "", "en", "vi", "rss", "van-ban", "search"]),
        st.sampled_from(RAW_PIECES),
        st.builds("{}%00{}".format, st.sampled_from(["", "a", "hoc-tap"]), st.sampled_from(["", "b", ".html"])),
        st.integers(-(10**20), 10**20).map(str),
        value.map(path_piece),
        st.integers(200, 5000).map(lambda n: path_piece("đ" * n)),
    )
    # Routes that take a parameter from the path (a tag, a section's feed, a document), then any page or route.
    with_parameter = ["/tu-khoa/", "/en/tu-khoa/", "/rss/", "/en/rss/", "/van-ban/", "/en/van-ban/"]
    prefix = st.one_of(
        st.sampled_from(with_parameter),
        st.sampled_from(
            ["/", "/en/", "/search/", "/search/suggest/", "/van-ban/cong-khai-tai-chinh/", "/sitemap.xml/",
             "/robots.txt/", "/documents/", *targets["urls"], *[f"/van-ban/{pk}/" for pk in targets["documents"]]]
        ),
    )  # fmt: skip
    header = st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=80)
    headers = st.fixed_dictionaries(
        {},
        optional={
            "HTTP_USER_AGENT": st.one_of(st.just("Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Firefox/140.0"), header),
            "HTTP_ACCEPT_LANGUAGE": st.one_of(st.sampled_from(["vi", "en-US,en;q=0.5", "*", "vi;q=x"]), header),
            "HTTP_COOKIE": header,
            "HTTP_X_FORWARDED_FOR": header,
        },
    )

    @fuzz(800)
    @given(prefix, st.lists(segment, max_size=4), st.booleans(), st.sampled_from(["", "page=2", "q=a", "%FF"]), headers)
    def run(start, segments, slash, query, environ):
        path = start + "/".join(segments) + ("/" if slash and segments else "")
        checker.get(path, query, **environ)

    run()
    assert checker.seen[200] > 50 and checker.seen[404] > 50, checker.seen


def random_query(names, extra_values=()):
    """Query strings over the parameters a page reads (and others), each value random or one that makes sense;
    the last pair (the one a view reads) is always one of `names`."""
    values = st.one_of(value, tainted, page_number, st.sampled_from(list(extra_values) or [""]))
    pair = st.tuples(st.one_of(st.sampled_from(names), value), values)
    read = st.tuples(st.sampled_from(names), values)
    return st.builds(lambda pairs, last: pairs + [last], st.lists(pair, max_size=4), read)


def test_random_search_and_suggest_queries(client, targets):
    checker = Checker(client)

    @fuzz(500)
    @given(
        st.sampled_from(["/search/", "/en/search/", "/search/suggest/", "/en/search/suggest/"]),
        random_query(["q", "q", "page", "format"], ["json", "html", "xml"]),
        st.lists(st.sampled_from(RAW_PIECES), max_size=3),
    )
    def run(path, pairs, raw):
        checker.get(path, query_string(pairs, raw))

    run()
    assert checker.seen[200] > 400 and checker.seen["escaped"] > 20, checker.seen


def test_random_listing_pages_register_filters_and_feeds(client, targets):
    """Pagination of the sections and tag pages, the document register's filters, the Q&A list's filters and the
    feeds."""
    checker = Checker(client)
    listings = targets["sections"] + [f"/tu-khoa/{quote(tag)}/" for tag in targets["tags"][:5]]
    listings += ["/van-ban/", "/en/van-ban/", "/van-ban/cong-khai-tai-chinh/", targets["qa"], "/rss/", "/en/rss/"]
    for section in targets["sections"]:  # /rss/<slug>/, /en/rss/<slug>/
        language, slug = ("/en/" if section.startswith("/en/") else "/"), section.strip("/").split("/")[-1]
        listings.append(f"{language}rss/{slug}/")
    # Sorted: the same draws pick the same values whatever order the database returns them in (which the tests
    # before this one change), so that the run is the same every time.
    kinds = sorted(set(OfficialDocument.objects.values_list("kind", flat=True)))
    issuers = sorted(set(OfficialDocument.objects.values_list("issuer", flat=True)))
    years = [str(day.year) for day in OfficialDocument.objects.dates("issued_on", "year")]

    @fuzz(700)
    @given(
        st.sampled_from(listings),
        random_query(["page", "q", "kind", "year", "issuer", "topic"], kinds + issuers + years + Topic.values),
        st.lists(st.sampled_from(RAW_PIECES), max_size=3),
    )
    def run(path, pairs, raw):
        checker.get(path, query_string(pairs, raw))

    run()
    # Only the register's and the Q&A list's search boxes show what was typed, in a few of the draws (the more
    # sections the demo has, the fewer): that the test sees escaped input at all is shown once, not counted.
    assert checker.seen[200] > 500, checker.seen
    assert "x&quot;fuzz-register" in client.get("/van-ban/", {"q": 'x"fuzz-register'}).content.decode()


def contact_data():
    return {
        "name": "Nguyễn Thị Lan",
        "email": "lan@example.invalid",
        "phone": "0912 345 678",
        "subject": "Hỏi về thủ tục kết nạp đoàn viên",
        "message": "Xin hỏi thủ tục kết nạp đoàn viên công đoàn tại doanh nghiệp.",
        "website": "",
    }


def question_data():
    return {
        "name": "Trần Văn Bình",
        "email": "binh@example.invalid",
        "phone": "0987 654 321",
        "topic": Topic.WAGES.value,
        "question": "Công ty chậm trả lương hai tháng liền thì người lao động cần làm gì để đòi?",
        "website": "",
    }


def form_posts(valid):
    """A valid post with some fields replaced by random values, appended to, or left out, and sometimes
    unexpected fields added: many posts pass validation (and are stored), many don't."""
    names = list(valid)
    change = st.tuples(
        st.sampled_from(names),
        st.sampled_from(["replace", "append", "drop"]),
        value,
    )

    def build(changes, extra):
        data = dict(valid)
        for name, how, text in changes:
            if how == "replace":
                data[name] = text
            elif how == "append":
                data[name] = f"{data.get(name, '')} {text}"
            else:
                data.pop(name, None)
        data.update(extra)
        return data

    extras = st.dictionaries(st.one_of(value, st.sampled_from(["csrfmiddlewaretoken", "page", "q"])), value, max_size=2)
    return st.builds(build, st.lists(change, max_size=3), st.one_of(st.just({}), extras))


ENCODINGS = ["multipart", "urlencoded", "urlencoded; charset=utf-8", "urlencoded; charset=latin-1",
             "urlencoded; charset=cp1258", "urlencoded; charset=utf-16", "urlencoded; charset=bogus"]  # fmt: skip


def ipv6_visitor(number):
    return f"2001:db8:{number // 65536:x}:{number % 65536:x}::1"


def post(checker, path, data, encoding, visitor):
    # A new visitor each time, in a /64 of its own (the limits count an IPv6 /64 as one address): never limited.
    extra = {"REMOTE_ADDR": ipv6_visitor(visitor)}
    if encoding == "multipart":
        response = checker.client.post(path, data, **extra)
    else:
        charset = encoding.partition("charset=")[2] or "utf-8"
        try:
            body = urlencode(data, encoding=charset if charset != "bogus" else "utf-8", errors="strict")
        except (UnicodeEncodeError, LookupError):
            body = urlencode(data, encoding="utf-8")
        content_type = "application/x-www-form-urlencoded" + encoding.removeprefix("urlencoded")
        response = checker.client.generic("POST", path, body.encode("ascii"), content_type, **extra)
    raw = [key for key in data] + [val for val in data.values()]
    return checker.check(response, *raw)


def test_random_contact_form_posts(client, targets):
    checker = Checker(client)
    page = ContactPage.objects.get(url_path__endswith="/lien-he/", locale__language_code="vi")
    before = FormSubmission.objects.filter(page=page).count()
    visitors = iter(range(1, 10**6))

    @fuzz(400)
    @given(form_posts(contact_data()), st.sampled_from(ENCODINGS))
    def run(data, encoding):
        checker.get(targets["contact"])  # a GET before the post, as a reader does
        post(checker, targets["contact"], data, encoding, next(visitors))

    run()
    stored = FormSubmission.objects.filter(page=page).count() - before
    assert checker.seen[429] == 0 and checker.seen[403] == 0, checker.seen
    assert 40 < stored < checker.seen["requests"] // 2, (stored, checker.seen)  # both outcomes, many of each
    assert checker.seen["escaped"] > 50, checker.seen


def test_random_legal_question_posts_and_their_publication(client, admin_client, targets):
    """Readers' questions are stored, then shown once published: the stored text must come out escaped too."""
    checker = Checker(client)
    before = LegalQuestion.objects.count()
    visitors = iter(range(1, 10**6))

    @fuzz(400)
    @given(form_posts(question_data()), st.sampled_from(ENCODINGS))
    def run(data, encoding):
        post(checker, targets["qa"], data, encoding, next(visitors))

    run()
    created = LegalQuestion.objects.order_by("-pk")[: LegalQuestion.objects.count() - before]
    assert checker.seen[429] == 0 and checker.seen[403] == 0, checker.seen
    assert 40 < len(created) < checker.seen["requests"], (len(created), checker.seen)
    assert checker.seen["escaped"] > 50, checker.seen
    stored = [question.question for question in created]
    assert markers_in(*stored), "no marker got through validation: the check below would be vacuous"
    LegalQuestion.objects.filter(pk__in=[question.pk for question in created]).update(
        status=Status.PUBLISHED, answer="<p>Trả lời.</p>"
    )
    # Every page of the public list, and the admin's list of questions.
    for number in range(1, len(created) // 10 + 3):
        checker.check(client.get(targets["qa"], {"page": number}), *stored)
    checker.check(admin_client.get("/admin/snippets/legal_qa/legalquestion/"), *stored)


def test_contact_submissions_are_listed_escaped_in_the_admin(client, admin_client, targets):
    """What the contact form stored comes out escaped in the admin's list of submissions."""
    page = ContactPage.objects.get(url_path__endswith="/lien-he/", locale__language_code="vi")
    checker = Checker(client)
    data = {**contact_data(), "name": "<x-fuzz-1>", "subject": 'x"fuzz-2 <script>x-fuzz-3</script>'}
    post(checker, targets["contact"], data, "multipart", 1)
    assert FormSubmission.objects.filter(page=page, form_data__name="<x-fuzz-1>").exists()
    checker.check(admin_client.get(f"/admin/forms/submissions/{page.pk}/"), *data.values())
    assert checker.seen["escaped"] >= 3


@pytest.mark.parametrize("form", ["contact", "qa"])
def test_csrf_is_enforced_and_random_tokens_and_bodies_are_refused_cleanly(targets, form):
    """With CSRF checks on (as browsers meet them): no token, a wrong token, a random body or content type are
    refused with 4xx, never 5xx; a reader's own token gets through to validation."""
    client = Client(enforce_csrf_checks=True)
    checker = Checker(client)
    path = targets[form]
    valid = contact_data() if form == "contact" else question_data()
    visitors = iter(range(1, 10**6))
    content_types = st.sampled_from(
        ["application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-16",
         "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=BoUnDaRy",
         "text/plain", "application/json", "", "application/x-www-form-urlencoded; charset=latin-1",
         "application/x-www-form-urlencoded; charset=windows-1258", "application/x-www-form-urlencoded; charset=bogus"]
    )  # fmt: skip
    body = st.one_of(
        st.binary(max_size=300),
        st.sampled_from(
            [b"name=%FF%FE&email=%C0%AF", b"a=%", b"=&=&==", b"name=\xff\xfe\xfd", b"%E1%BA",
             b"--BoUnDaRy\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n\xff\r\n--BoUnDaRy--\r\n",
             b"--BoUnDaRy\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../x\"\r\n\r\nx\r\n",
             b"--BoUnDaRy\r\n\r\n\r\n", b"{\"name\": \"<x-fuzz-7>\"}"]
        ),
    )  # fmt: skip

    @fuzz(150)
    @given(content_types, body, st.sampled_from(["none", "wrong", "own"]))
    def run(content_type, raw, token):
        client.cookies.clear()
        extra = {"REMOTE_ADDR": ipv6_visitor(next(visitors))}
        if token != "none":
            checker.get(path)  # sets the CSRF cookie
            secret = client.cookies["csrftoken"].value if token == "own" else "x" * 32
            extra["HTTP_X_CSRFTOKEN"] = secret
        response = checker.check(client.generic("POST", path, raw, content_type, **extra), raw)
        if token != "own":  # refused: 403, or 400 for a form body that cannot be read at all
            assert response.status_code in (400, 403), response

    run()
    assert checker.seen[403] > 50, checker.seen

    # A reader's token, as the page's form sends it: the post reaches validation (and is stored).
    client.cookies.clear()
    response = client.get(path)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())[1]
    response = client.post(path, {**valid, "csrfmiddlewaretoken": token}, REMOTE_ADDR="2001:db8::1")
    assert response.status_code == 200
