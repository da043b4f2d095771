#!/usr/bin/env python3
"""Writes a synthetic site of N codes (one protocol, "synth") for benchmarks: valid content with
prose as long as the real catalog's, the repository's locales and templates.

usage: make_catalog.py N OUT_DIR"""
import json, shutil, sys
from pathlib import Path

WORDS = ("server client request reply command session mailbox address message header body "
         "connection policy limit retry delivery route queue domain record relay account").split()


def sentence(seed, length):
    words = [WORDS[(seed * 7 + i * 13) % len(WORDS)] for i in range(length)]
    return " ".join(words).capitalize() + "."


def prose(seed, sentences):
    return " ".join(sentence(seed + i, 14 + (seed + i) % 9) for i in range(sentences))


def main():
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    repo = Path(__file__).resolve().parent.parent
    if out.exists():
        shutil.rmtree(out)
    (out / "content" / "synth").mkdir(parents=True)
    shutil.copytree(repo / "locales", out / "locales")
    shutil.copytree(repo / "templates", out / "templates")
    settings = json.loads((repo / "sitegen.json").read_text())
    (out / "sitegen.json").write_text(json.dumps(settings, indent=2) + "\n")
    classes = ["2xx", "3xx", "4xx", "5xx"]
    (out / "content" / "synth" / "protocol.json").write_text(json.dumps({
        "name": "SYNTH", "title": "Synthetic Benchmark Protocol",
        "summary": "A generated protocol for measuring build speed.", "rfc": "RFC 9999",
        "classes": {c: {"outcome": o} for c, o in zip(classes, ["success", "intermediate", "transient", "permanent"])},
    }, indent=2) + "\n")
    for i in range(n):
        # n codes spread over the four classes, numbered from x00 upwards within each (n <= 400).
        klass = classes[i % len(classes)]
        code = int(klass[0]) * 100 + i // len(classes)
        name = f"Synthetic Reply {code}"
        entry = {
            "code": code, "name": name, "slug": f"{code}-synthetic-reply-{code}", "class": klass,
            "summary": sentence(i, 16), "description": prose(i, 3), "when_seen": prose(i + 1, 2),
            "how_to_fix": prose(i + 2, 3), "defined_in": f"RFC 9999 §{i % 9 + 1}.{i % 7 + 1}",
            "trigger": "a " + WORDS[i % len(WORDS)] + " step",
            "retry": {"2xx": "not-needed", "3xx": "not-needed", "4xx": "later", "5xx": "after-change"}[klass],
        }
        (out / "content" / "synth" / f"{code}.json").write_text(json.dumps(entry, indent=2) + "\n")
    for locale in settings["locales"]:
        path = out / "locales" / f"{locale}.json"
        strings = json.loads(path.read_text())
        strings["protocols"]["synth"] = dict(strings["protocols"]["smtp"])
        for key in strings["protocols"]["synth"]:
            strings["protocols"]["synth"][key] = strings["protocols"]["synth"][key].replace("SMTP", "SYNTH")
        strings["classes"]["synth"] = strings["classes"]["smtp"]
        path.write_text(json.dumps(strings, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
