"""Photos as readers get them: responsive WebP/JPEG renditions with their size, the first screen's photo at once
and the others lazily, and photo sets (galleries) that work by keyboard."""

import re

import pytest
from django.core.exceptions import ValidationError

from articles.models import ArticlePage
from images.blocks import GalleryBlock
from images.models import CaptionedImage

pytestmark = pytest.mark.django_db


def gallery_value(photos, **overrides):
    block = GalleryBlock()
    raw = {
        "title": "Một số hình ảnh tại hội nghị",
        "credit": "PT",
        "images": [
            {
                "image": {"image": photo.pk, "alt_text": f"Ảnh {number}", "decorative": False},
                "caption": f"Chú thích {number}",
            }
            for number, photo in enumerate(photos, start=1)
        ],
        **overrides,
    }
    return block, block.to_python(raw)


def test_gallery_renders_linked_thumbnails_with_alt_text_and_sizes():
    photos = list(CaptionedImage.objects.all()[:3])
    block, value = gallery_value(photos)
    html = block.render(value)
    links = re.findall(r'<a class="gallery__link" href="([^"]+)">(.*?)</a>', html, re.S)
    assert len(links) == 3
    for number, (href, inner) in enumerate(links, start=1):
        assert href.endswith(".jpg") or href.endswith(".png") or ".width-1600." in href
        assert f'alt="Ảnh {number}"' in inner and 'loading="lazy"' in inner
        assert re.search(r'<img[^>]* width="\d+"', inner) and re.search(r'<img[^>]* height="\d+"', inner)
        assert 'type="image/webp"' in inner
        assert "visually-hidden" in inner  # the link says what it opens even for a decorative photo
    assert "<figcaption>Chú thích 1</figcaption>" in html
    assert "Ảnh: PT" in html


def test_gallery_needs_two_photos_each_with_alt_text_unless_decorative():
    photos = list(CaptionedImage.objects.all()[:2])
    block, value = gallery_value(photos[:1])
    with pytest.raises(ValidationError):
        block.clean(value)
    block.clean(gallery_value(photos)[1])
    without_alt = [
        {"image": {"image": photo.pk, "alt_text": "", "decorative": False}, "caption": ""} for photo in photos
    ]
    block, value = gallery_value(photos, images=without_alt)
    with pytest.raises(ValidationError):
        block.clean(value)


def main_of(html):
    """The page's content: the header's emblem (a fixed 48 px image, loaded at once) aside."""
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def test_article_photos_are_responsive_with_their_size(client, seed_article):
    html = client.get(seed_article.url).content.decode()
    images = re.findall(r"<img [^>]*>", main_of(html))
    assert images
    for img in images:
        assert re.search(r' width="\d+"', img) and re.search(r' height="\d+"', img), img
        assert "srcset=" in img and "sizes=" in img
    assert 'type="image/webp"' in html


def body_images(client, article):
    html = client.get(article.url).content.decode()
    return re.findall(r"<img [^>]*>", html.split('class="article__body"')[1].split("</article>")[0])


def test_the_first_screens_photo_loads_at_once_the_others_lazily(client, seed_article, home):
    # The seed article's photo comes after four paragraphs: below the first screen.
    assert all('loading="lazy"' in img for img in body_images(client, seed_article))
    early = next(article for article in ArticlePage.objects.live() if article.eager_image_block)
    images = body_images(client, early)
    assert 'fetchpriority="high"' in images[0] and 'loading="lazy"' not in images[0]
    assert all('loading="lazy"' in img for img in images[1:])
    home_images = re.findall(r"<img [^>]*>", main_of(client.get(home.url).content.decode()))
    assert 'fetchpriority="high"' in home_images[0]
    assert all('loading="lazy"' in img for img in home_images[1:])
