"""Queries of every kind readers type, for the search benchmarks: `measure_search` (latency by kind) and
bench/run.py (the search page under load, one query after another). Plain data, importable without Django."""

QUERIES = {
    "exact": ["mái ấm công đoàn", "tháng công nhân", "bảo hiểm xã hội", "khu công nghiệp"],
    "unaccented": ["mai am cong doan", "lien doan lao dong tinh", "thoa uoc lao dong tap the"],
    "partial": ["Mái am CONG đoàn", "huấn luyen AN TOAN"],
    "telex": ["hocj taapj", "phats trieenr ddoanf vieen", "coong nhaan"],
    "tone_placement": ["hoà giải", "uỷ ban nhân dân", "thuỷ điện"],
    "abbreviation": ["ATVSLĐ", "CNVCLĐ", "bảo hiểm xã hội tự nguyện"],
    "document": ["KL 01", "01-kl/tw", "kế hoạch 260"],
    "tone_discrimination": ["lời dạy của Bác", "bão lũ", "Bắc Hà"],
    "phrase": ["an toàn vệ sinh lao động", "công đoàn cơ sở"],
    "people": ["Nguyễn Thị Lan", "Tiến Sỹ"],
}
