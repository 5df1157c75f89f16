# The stored figure is now only what the old portal counted; views counted here live in visits.DailyPageViews.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_initial"),
    ]

    operations = [
        migrations.RenameField(model_name="articlepage", old_name="view_count", new_name="imported_views"),
        migrations.AlterField(
            model_name="articlepage",
            name="imported_views",
            field=models.PositiveIntegerField(
                default=0,
                editable=False,
                help_text="Cộng thêm vào số lượt xem đếm được.",
                verbose_name="lượt xem từ cổng cũ",
            ),
        ),
    ]
