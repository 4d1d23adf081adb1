#!/usr/bin/env python3
"""Fills translations of a Qt .ts file from a JSON dictionary {source: translation}.

Used by whoever translates: `lupdate` (the update_translations target) adds new source
strings as unfinished; this script sets the ones the dictionary knows and marks them done.
Usage: fill_ts.py swarmergy_fr.ts fr.json
"""
import json
import sys
import xml.etree.ElementTree as ET


def main(ts_path, dict_path):
    with open(dict_path, encoding="utf-8") as f:
        table = json.load(f)
    tree = ET.parse(ts_path)
    filled = missing = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in table:
            translation.text = table[source]
            translation.attrib.pop("type", None)
            filled += 1
        elif translation.get("type") == "unfinished":
            missing += 1
            print("untranslated:", source, file=sys.stderr)
    with open(ts_path, "wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding="utf-8", xml_declaration=False)
    print(f"{ts_path}: {filled} translated, {missing} still missing")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
