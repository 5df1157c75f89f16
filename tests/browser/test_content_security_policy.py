"""In a real browser, the public pages break no rule of their Content-Security-Policy: the site's own deferred
script runs, and the JSON-LD blocks, data rather than script, are not reported as blocked inline scripts."""

import pytest

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


def test_public_pages_break_no_rule_of_their_policy(live_site, home, section, seed_article, campaign):
    page = live_site.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    for url in (home.url, section.url, seed_article.url, campaign.url, "/search/?q=c%C3%B4ng+%C4%91o%C3%A0n"):
        response = page.goto(live_site.url + url)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
        assert page.evaluate("window.cspViolations") == [], url

    page.goto(live_site.url + seed_article.url)
    page.wait_for_load_state("load")
    data = page.evaluate(
        "[...document.querySelectorAll('script[type=\"application/ld+json\"]')].map(s => JSON.parse(s.textContent))"
    )
    assert any(block.get("@type") == "NewsArticle" for block in data)
    assert page.evaluate("window.cspViolations") == []
    # The policy is enforced, and the listener would have seen it: an injected inline script does not run.
    page.evaluate("""() => {
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
    }""")
    page.wait_for_function("window.cspViolations.length > 0")
    assert page.evaluate("window.injected") is None
    assert page.evaluate("window.cspViolations")[0].startswith("script-src")
