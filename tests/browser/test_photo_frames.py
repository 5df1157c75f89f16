"""Photos that look like photos (issue 19, item 8): on a desktop and on a phone, every photo fills its frame, with
no empty strip under it (the frame taller than the picture) and no squashed or letterboxed picture (the shown
box's proportions are the file's)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Each photo of the main column with the box it is drawn in and the box of its frame: the link around a card's photo,
# the <picture> of a figure, else the image itself (a portrait). Lazy images are loaded first.
MEASURE = """async () => {
  const images = Array.from(document.querySelectorAll("main img"));
  images.forEach((image) => { image.loading = "eager"; });
  await Promise.all(images.map((image) => image.decode().catch(() => null)));
  return images.map((image) => {
    const frame = image.closest("a.card__image") || image.closest("picture") || image;
    const box = image.getBoundingClientRect();
    const outer = frame.getBoundingClientRect();
    return {
      src: image.currentSrc,
      image: [box.width, box.height],
      frame: [outer.width, outer.height],
      natural: [image.naturalWidth, image.naturalHeight],
    };
  });
}"""


@pytest.fixture
def pages_with_photos(home, section, seed_article):
    """Requested before the browser starts (see tests/browser/test_public_pages.py)."""
    from organisation.models import IntroductionPage, LeadershipPage

    leadership = LeadershipPage.objects.child_of(IntroductionPage.objects.child_of(home).get()).get()
    return {"home": home.url, "section": section.url, "article": seed_article.url, "leadership": leadership.url}


@pytest.mark.parametrize("width", [1366, 412])
def test_every_photo_fills_its_frame(pages_with_photos, routed_site, width):
    page = routed_site.new_page(viewport={"width": width, "height": 900}, is_mobile=width < 600)
    problems = {}
    for name, url in pages_with_photos.items():
        response = page.goto(routed_site.url + url)
        assert response.status == 200, f"{name}: {response.status}"
        photos = page.evaluate(MEASURE)
        assert photos, f"{name}: no photo to measure"
        for photo in photos:
            (width_shown, height_shown), (frame_width, frame_height) = photo["image"], photo["frame"]
            natural_width, natural_height = photo["natural"]
            assert natural_width, f"{name}: {photo['src']} did not load"
            if abs(frame_height - height_shown) > 1 or abs(frame_width - width_shown) > 1:
                problems.setdefault(name, []).append(f"frame {photo['frame']} around image {photo['image']}")
            if abs(width_shown / height_shown - natural_width / natural_height) > 0.02:
                problems.setdefault(name, []).append(f"{photo['src']} {photo['natural']} shown as {photo['image']}")
    assert not problems, problems
