"""The captioned-image block: alt text unless decorative, caption and credit from the image unless overridden."""

import pytest
from django.core.exceptions import ValidationError

from images.blocks import CaptionedImageBlock
from images.models import CaptionedImage

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo(db):
    return CaptionedImage.objects.filter(credit="PT (LĐLĐ tỉnh)").first()


def value(photo, alt_text="", decorative=False, caption="", credit=""):
    block = CaptionedImageBlock()
    return block, block.to_python(
        {
            "image": {"image": photo.pk, "alt_text": alt_text, "decorative": decorative},
            "caption": caption,
            "credit": credit,
        }
    )


def test_alt_text_is_required_unless_the_image_is_decorative(photo):
    block, without_alt = value(photo)
    with pytest.raises(ValidationError):
        block.clean(without_alt)
    block.clean(value(photo, decorative=True)[1])
    block.clean(value(photo, alt_text="Đồng chí Bí thư phát biểu")[1])


def test_caption_and_credit_come_from_the_image_unless_overridden(photo):
    block, default = value(photo, alt_text="Ảnh")
    html = block.render(default)
    assert "<figcaption>" + photo.caption + '. <span class="credit">Ảnh: PT (LĐLĐ tỉnh)</span>' in html
    assert 'alt="Ảnh"' in html and "<picture>" in html and "image/webp" in html

    block, overridden = value(photo, alt_text="Ảnh", caption="Quang cảnh đại hội.", credit="Minh Thu")
    html = block.render(overridden)
    assert '<figcaption>Quang cảnh đại hội. <span class="credit">Ảnh: Minh Thu</span></figcaption>' in html
