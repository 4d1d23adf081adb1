#!/usr/bin/env python3
"""Fills translations of a Qt .ts file from a JSON dictionary {source: translation}.

Used by whoever translates: `lupdate` (the update_translations target) adds new source
strings as unfinished; this script sets the ones the dictionary knows and marks them done.

    fill_ts.py swarmergy_fr.ts fr.json
    fill_ts.py --source-language swarmergy_en.ts en.json

A plain string maps to a string. A plural string (tr(..., n), marked numerus="yes" in the .ts)
maps to a list with one entry per plural form of the language, in Qt's order: French and
English both have two, [singular, plural]; French uses the singular for 0 and 1.
With --source-language (the language the sources are written in), plain strings the
dictionary does not know get their source text; plural strings still need their forms.

Every translation is checked against its source: same %1..%9 / %n / %Ln placeholders, same
HTML tags, same number of line breaks, and one "&" mnemonic if the source has one. The
strings still missing are printed on stderr; the exit status is 1 if any check failed.
"""
import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%L?(?:\d+|n)")
HTML_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)[^>]*>")
MNEMONIC = re.compile(r"&\S")   # after "&&" (a literal ampersand) is taken out


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def html_tags(text):
    return sorted(tag.lower() for tag in HTML_TAG.findall(text))


def mnemonics(text):
    return len(MNEMONIC.findall(text.replace("&&", "")))


def problems(source, translation):
    """What makes `translation` unusable for `source`, as sentences (empty when fine)."""
    found = []
    if placeholders(source) != placeholders(translation):
        found.append(f"placeholders {placeholders(translation)} instead of {placeholders(source)}")
    if html_tags(source) != html_tags(translation):
        found.append(f"HTML tags {html_tags(translation)} instead of {html_tags(source)}")
    if source.count("\n") != translation.count("\n"):
        found.append(f"{translation.count(chr(10))} line breaks instead of {source.count(chr(10))}")
    if mnemonics(source) != mnemonics(translation):
        found.append(f"{mnemonics(translation)} '&' mnemonics instead of {mnemonics(source)}")
    if not translation.strip():
        found.append("empty translation")
    return found


def fill_plural(message, forms_wanted, context, source):
    """Sets the <numerusform> children of a numerus message; returns the problems found."""
    translation = message.find("translation")
    forms = translation.findall("numerusform")
    if not isinstance(forms_wanted, list):
        return [f"{context}: '{source}' is a plural string: its value must be a list of "
                f"{len(forms)} forms, not {type(forms_wanted).__name__}"]
    if len(forms_wanted) != len(forms):
        return [f"{context}: '{source}' needs {len(forms)} plural forms, the dictionary gives {len(forms_wanted)}"]
    found = [f"{context}: '{source}' form {i + 1}: {p}"
             for i, text in enumerate(forms_wanted) for p in problems(source, text)]
    if found:
        return found
    for element, text in zip(forms, forms_wanted):
        element.text = text
    translation.attrib.pop("type", None)
    return []


def fill_plain(message, text, context, source):
    if not isinstance(text, str):
        return [f"{context}: '{source}' is not a plural string: its value must be a string"]
    found = [f"{context}: '{source}': {p}" for p in problems(source, text)]
    if found:
        return found
    translation = message.find("translation")
    translation.text = text
    translation.attrib.pop("type", None)
    return []


def protect(text):
    """Escapes text the way lupdate writes it, so a later lupdate run leaves the file alone."""
    replaced = (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace('"', "&quot;").replace("'", "&apos;"))
    # Like Qt's protect() in ts.cpp: control characters and non-ASCII spaces become entities.
    return "".join(f"&#x{ord(c):x};" if (ord(c) < 0x20 and c not in "\n\t") or (ord(c) > 0x7f and c.isspace())
                   else c for c in replaced)


def serialise(element, out):
    attributes = "".join(f' {name}="{protect(value)}"' for name, value in element.attrib.items())
    out.append(f"<{element.tag}{attributes}>")
    if element.text:
        out.append(protect(element.text))
    for child in element:
        serialise(child, out)
        if child.tail:
            out.append(protect(child.tail))
    out.append(f"</{element.tag}>")


def write_ts(tree, ts_path):
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n']
    serialise(tree.getroot(), out)
    out.append("\n")
    with open(ts_path, "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(out))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ts_path")
    parser.add_argument("dict_path")
    parser.add_argument("--source-language", action="store_true",
                        help="plain strings missing from the dictionary get their source text")
    args = parser.parse_args(argv)

    with open(args.dict_path, encoding="utf-8") as f:
        table = json.load(f)
    tree = ET.parse(args.ts_path)
    filled = copied = missing = 0
    errors = []
    used = set()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            plural = message.get("numerus") == "yes"
            if source in table:
                used.add(source)
                fill = fill_plural if plural else fill_plain
                found = fill(message, table[source], name, source)
                errors += found
                filled += not found
            elif args.source_language and not plural:
                translation.text = source
                translation.attrib.pop("type", None)
                copied += 1
            elif translation.get("type") == "unfinished":
                missing += 1
                kind = "untranslated plural:" if plural else "untranslated:"
                print(kind, f"{name}: {source!r}", file=sys.stderr)
    for error in errors:
        print("error:", error, file=sys.stderr)
    for source in sorted(set(table) - used):
        print("unused (no such source string):", repr(source), file=sys.stderr)
    write_ts(tree, args.ts_path)
    summary = f"{args.ts_path}: {filled} translated"
    if args.source_language:
        summary += f", {copied} kept as in the source"
    print(f"{summary}, {missing} still missing, {len(errors)} rejected")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
