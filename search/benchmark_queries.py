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

# The freer ways of typing of issue 21 (VNI keys, slips, questions, synonyms, mixed), measured by `measure_search`
# beside the kinds above but not in its "ALL" row nor in bench/run.py, so that their figures stay comparable with
# earlier runs. Made up for the benchmark, not taken from the development set.
FREER_QUERIES = {
    "vni": ["ba3o hie63m xa4 ho65i", "d9oa2n vie6n co6ng d9oa2n"],
    "typo": ["bảo hiểmm xã hội", "khu côgn nghiệp"],
    "question": ["đóng bảo hiểm xã hội như thế nào", "khi nào được nghỉ phép năm"],
    "synonym": ["tiền công tháng 13", "hãng may mặc"],
    "mixed": ["CÔNG ĐOÀN app", "giải PICKLEBALL"],
}
