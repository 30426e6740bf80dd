#!/usr/bin/python3
"""Compares jieba.NET's precise-mode tokens with Debian's python3-jieba on the same sentences.

Input: the folder written by `techbridge bench jieba --corpus C.jsonl --out DIR` (sentences.txt, jieba-net.txt with
tokens joined by U+2502). Prints sentence-level identity and token-level agreement: a token agrees when the same
(start, end) character span is a token on both sides; precision/recall/F1 of jieba.NET's spans against python's.
Usage: apt-get install -y python3-jieba && /usr/bin/python3 scripts/jieba-agreement.py DIR
"""
import sys

import jieba

SEPARATOR = "\u2502"


def spans(tokens):
    result, start = set(), 0
    for token in tokens:
        result.add((start, start + len(token)))
        start += len(token)
    return result


def main(folder):
    jieba.setLogLevel(60)
    with open(f"{folder}/sentences.txt", encoding="utf-8") as f:
        sentences = f.read().split("\n")
    with open(f"{folder}/jieba-net.txt", encoding="utf-8") as f:
        net_lines = f.read().split("\n")
    if sentences and sentences[-1] == "":
        sentences.pop()
    if net_lines and net_lines[-1] == "":
        net_lines.pop()
    assert len(sentences) == len(net_lines), (len(sentences), len(net_lines))

    identical = common = net_total = py_total = 0
    skipped = 0
    examples = []
    for sentence, net_line in zip(sentences, net_lines):
        net_tokens = net_line.split(SEPARATOR) if net_line else []
        if "".join(net_tokens) != sentence:
            # jieba.NET dropped or changed characters; compare only aligned sentences.
            skipped += 1
            continue
        py_tokens = list(jieba.cut(sentence, cut_all=False, HMM=True))
        a, b = spans(net_tokens), spans(py_tokens)
        common += len(a & b)
        net_total += len(a)
        py_total += len(b)
        if a == b:
            identical += 1
        elif len(examples) < 5:
            examples.append((net_tokens, py_tokens))

    compared = len(sentences) - skipped
    precision = common / net_total
    recall = common / py_total
    f1 = 2 * precision * recall / (precision + recall)
    print(f"sentences {len(sentences)} (compared {compared}, not aligned {skipped})")
    print(f"identical segmentation: {identical / compared:.2%} of sentences")
    print(f"tokens: jieba.NET {net_total}, python3-jieba {py_total}, same span {common}")
    print(f"token agreement: precision {precision:.2%} recall {recall:.2%} F1 {f1:.2%}")
    for net_tokens, py_tokens in examples:
        print("  .NET  :", "/".join(net_tokens))
        print("  python:", "/".join(py_tokens))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/jieba-agreement")
