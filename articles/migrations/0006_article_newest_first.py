# Listings are newest first: with this index the newest articles are read in order instead of all sorted.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_article_gallery_block"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="articlepage",
            index=models.Index(fields=["-date", "-page_ptr"], name="article_newest_first"),
        ),
    ]
