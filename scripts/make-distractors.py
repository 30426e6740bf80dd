#!/usr/bin/python3
"""Writes a search-eval corpus of N lines: the given corpus plus generated distractor documents.

Each distractor is 4–12 clauses drawn at random (fixed seed) from the corpus's own texts, so lengths and
vocabulary are those of the real documents while no distractor repeats a real one. Used to check that search-eval
handles 100,000 lines and to measure ranking with distractors.
Usage: scripts/make-distractors.py corpus.jsonl N out.jsonl
"""
import json
import random
import re
import sys


def main(source, total, target):
    random.seed(20261126)
    docs = [json.loads(line) for line in open(source, encoding="utf-8") if line.strip()]
    clauses = [c for d in docs for c in re.split(r"[。；，,;]|(?<!\d)\.(?!\d)", d["text"]) if len(c) >= 4]
    with open(target, "w", encoding="utf-8") as out:
        for d in docs:
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
        for i in range(total - len(docs)):
            text = "，".join(random.sample(clauses, random.randint(4, 12))) + "。"
            out.write(json.dumps({"id": f"x{i:06d}", "text": text}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
