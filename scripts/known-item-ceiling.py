#!/usr/bin/python3
"""Best nDCG@10 any monotone text ranking can reach on a known-item set with "twin" documents.

A query's relevant document A has a twin B when B is A's text followed by the query verbatim: every score that grows
with matched query text ranks B above A, so that query scores at most 1/log2(3) at rank 2. Prints the count of such
queries and the resulting ceiling (every other query assumed at rank 1). Reads only corpus, queries and qrels.
Usage: scripts/known-item-ceiling.py DIR   (DIR = ../shared/data/search-dev/csl-known-item)
"""
import collections
import glob
import json
import math
import sys


def main(folder):
    docs = {}
    for line in open(f"{folder}/corpus.jsonl", encoding="utf-8"):
        d = json.loads(line)
        docs[d["id"]] = d["text"]
    queries = {}
    for path in glob.glob(f"{folder}/queries-*.jsonl"):
        for line in open(path, encoding="utf-8"):
            q = json.loads(line)
            queries[q["id"]] = q["text"]
    relevant = collections.defaultdict(list)
    for line in open(f"{folder}/qrels.tsv", encoding="utf-8"):
        qid, _, doc, grade = line.split()
        if int(grade) > 0:
            relevant[qid].append(doc)
    by_start = collections.defaultdict(list)
    for doc, text in docs.items():
        by_start[text[:60]].append(doc)

    twins, best = 0, []
    for qid, docs_for_query in relevant.items():
        a = docs_for_query[0]
        text = docs[a].rstrip()
        has_twin = any(
            b != a and docs[b].startswith(text) and queries[qid] in docs[b][len(text):]
            for b in by_start[text[:60]]
        )
        twins += has_twin
        best.append(1 / math.log2(3) if has_twin else 1.0)
    print(f"queries {len(best)}, with a twin (relevant text + the query verbatim) {twins}")
    print(f"ceiling nDCG@10 for monotone text rankings: {sum(best) / len(best):.4f}")


if __name__ == "__main__":
    main(sys.argv[1])
