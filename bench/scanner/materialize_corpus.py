#!/usr/bin/env python3
"""Writes each case of the scanner's labelled corpus to <out>/<case id>/<file> (mode 0600), for running other tools on it.
Usage: materialize_corpus.py CORPUS_JSON OUT_DIR"""
import json
import os
import sys

corpus, out = sys.argv[1], sys.argv[2]
for case in json.load(open(corpus, encoding="utf-8"))["cases"]:
    path = os.path.join(out, case["id"], case["file"])
    os.makedirs(os.path.dirname(path), exist_ok=True)  # a case's file may sit in a subfolder (tests/test_client.py)
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as f:
        f.write(case["content"])
