"""The search entries' long texts compressed with LZ4 instead of PostgreSQL's default pglz, where the server has it
(PostgreSQL 14 and later, built with LZ4, as Debian's and the official images are).

The phrase bonus (search/ranking.py, `rerank`) reads the folded and keyed texts of 200 candidates per search, and
the search page the text of the 10 it shows: each read decompresses the value. LZ4 decompresses several times
faster; the reranking query takes about a quarter less time (6.3 -> 4.7 ms, mean of the 28 benchmark queries at
10,000 articles), for texts about a quarter larger on disk (61 -> 74 MB of entries with their TOAST there).
docs/performance.md says how it was measured. Existing values are rewritten once, so that the gain is not only
for entries indexed from now on. Nothing changes on SQLite, or on a server without LZ4."""

from django.db import migrations

COLUMNS = ["text", "folded", "keyed"]


def has_lz4(schema_editor) -> bool:
    if schema_editor.connection.vendor != "postgresql":
        return False
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression'")
        row = cursor.fetchone()
    return row is not None and "lz4" in row[0]


def compress_with(method: str):
    def change(apps, schema_editor) -> None:
        if not has_lz4(schema_editor):
            return
        table = schema_editor.quote_name(apps.get_model("search", "SearchEntry")._meta.db_table)
        columns = [schema_editor.quote_name(column) for column in COLUMNS]
        changes = ", ".join(f"ALTER COLUMN {column} SET COMPRESSION {method}" for column in columns)
        schema_editor.execute(f"ALTER TABLE {table} {changes}")
        if method == "lz4":  # a stored value keeps its compression until it is written again
            rewritten = ", ".join(f"{column} = {column} || ''" for column in columns)
            schema_editor.execute(f"UPDATE {table} SET {rewritten}")

    return change


class Migration(migrations.Migration):
    dependencies = [("search", "0006_more_synonyms")]

    operations = [migrations.RunPython(compress_with("lz4"), compress_with("pglz"))]
