#!/usr/bin/env python3
"""Reads a lesson page (mailsim report) with a strict XML parser (expat: any unclosed element,
unquoted attribute or stray '&' is an error, exit status 1) and prints what the tests check, as
JSON: the root, its language, the sections, the message articles, the charts and their tries'
time axes, the folded answers, the questions linked from the story, whatever would load another
file, and the text a reader sees (one text node per line, the style sheet left out)."""
import json
import sys
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"


def main(path):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        print(f"{path}: not well-formed: {e}", file=sys.stderr)
        return 1
    elements = list(root.iter())
    external = []
    for e in elements:
        name = e.tag.split("}")[-1]
        if name in ("script", "link", "img", "iframe", "object", "embed", "base"):
            external.append(name)
        for attr in ("src", "href"):
            value = e.get(attr)
            if value is not None and not value.startswith("#"):
                external.append(f"{attr}={value}")
    text = []
    for e in elements:
        if e.tag != XHTML + "style" and e.text and e.text.strip():
            text.append(e.text.strip())
        if e.tail and e.tail.strip():
            text.append(e.tail.strip())
    style = "".join(e.text or "" for e in root.iter(XHTML + "style"))
    if "url(" in style or "@import" in style:
        external.append("style")
    print(json.dumps({
        "root": root.tag,
        "lang": root.get("lang"),
        "title": (root.find(f"{XHTML}head/{XHTML}title").text or ""),
        "sections": [e.get("id") for e in root.iter(XHTML + "section")],
        "articles": [e.get("id") for e in root.iter(XHTML + "article")],
        "charts": len([e for e in root.iter(SVG + "svg") if e.get("class") != "tries"]),
        "axes": len([e for e in root.iter(SVG + "svg") if e.get("class") == "tries"]),
        "details": len(list(root.iter(XHTML + "details"))),
        "story": len([e for e in root.iter(XHTML + "li") if e.get("data-kind")]),
        "results": [e.get("class") for e in root.iter(XHTML + "tr") if e.get("class")],
        "story_questions": [a.get("href") for li in root.iter(XHTML + "li")
                            if li.get("class") == "question" for a in li.iter(XHTML + "a")],
        "question_ids": [li.get("id") for ol in root.iter(XHTML + "ol")
                         if ol.get("class") == "questions" for li in ol.iter(XHTML + "li")],
        "asked": len([p for p in root.iter(XHTML + "p") if p.get("class") == "asked"]),
        "external": external,
        "text": "\n".join(text),
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
