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


def renamed(strings):
    """The SMTP strings of a locale, nested as they are, naming SYNTH instead."""
    if isinstance(strings, dict):
        return {key: renamed(value) for key, value in strings.items()}
    return strings.replace("SMTP", "SYNTH")


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
    # Three-digit codes up to 400 (100 per class), four-digit ones beyond (a million pages takes
    # 707 codes): the same URLs as a real protocol either way.
    digits = 3 if n <= 400 else 4
    if n > 4000:
        sys.exit("make_catalog.py: at most 4000 codes")
    classes = [f"{c}{'x' * (digits - 1)}" for c in "2345"]
    protocol = {
        "name": "SYNTH", "title": "Synthetic Benchmark Protocol",
        "summary": "A generated protocol for measuring build speed.", "rfc": "RFC 9999",
        "classes": {c: {"outcome": o} for c, o in zip(classes, ["success", "intermediate", "transient", "permanent"])},
    }
    if digits != 3:
        protocol["code_format"] = {"kind": "integer", "digits": digits}
    (out / "content" / "synth" / "protocol.json").write_text(json.dumps(protocol, indent=2) + "\n")
    for i in range(n):
        # n codes spread over the four classes, numbered from x00 (x000) upwards within each.
        klass = classes[i % len(classes)]
        code = int(klass[0]) * 10 ** (digits - 1) + i // len(classes)
        name = f"Synthetic Reply {code}"
        entry = {
            "code": code, "name": name, "slug": f"{code}-synthetic-reply-{code}", "class": klass,
            "summary": sentence(i, 16), "description": prose(i, 3), "when_seen": prose(i + 1, 2),
            "how_to_fix": prose(i + 2, 3), "action": sentence(i + 3, 18), "defined_in": f"RFC 9999 §{i % 9 + 1}.{i % 7 + 1}",
            "trigger": "a " + WORDS[i % len(WORDS)] + " step",
            "retry": {"2": "not-needed", "3": "not-needed", "4": "later", "5": "after-change"}[klass[0]],
        }
        (out / "content" / "synth" / f"{code}.json").write_text(json.dumps(entry, indent=2) + "\n")
    for locale in settings["locales"]:
        path = out / "locales" / f"{locale}.json"
        strings = json.loads(path.read_text())
        strings["protocols"]["synth"] = renamed(strings["protocols"]["smtp"])
        strings["classes"]["synth"] = {klass: text for klass, text in zip(classes, strings["classes"]["smtp"].values())}
        path.write_text(json.dumps(strings, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
