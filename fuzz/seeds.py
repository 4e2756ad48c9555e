#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora from the tests and the scenario library.

usage: seeds.py SOURCE_DIR OUT_DIR  (OUT_DIR/<target>/<name> for each fuzz target)

Each seed is what the target reads: a scenario file, the client's (C:) or the server's (S:)
lines of a golden dialogue, a message, zone text, a DNS datagram, a quantity. Nothing is
invented that the tests do not already hold, except the DNS datagrams, which are encoded
here from the library's zones since the tests keep DNS traffic as text.
"""
import glob
import os
import re
import struct
import sys

import yaml


def write(out, target, name, data):
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def dialogue_side(path, prefix):
    """The lines one side of a golden transcript sends, CRLF-terminated."""
    lines = []
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            if line.startswith(prefix):
                lines.append(line[len(prefix):].rstrip("\n") + "\r\n")
    return "".join(lines).encode("utf-8", "surrogateescape")


def dns_name(name):
    out = b""
    for label in name.rstrip(".").split("."):
        if label:
            out += bytes([len(label)]) + label.encode()
    return out + b"\0"


def dns_datagrams(zones):
    """A query and an answer for each record of the zones (RFC 1035 4.1), one with a pointer."""
    types = {"A": 1, "NS": 2, "MX": 15, "TXT": 16, "SOA": 6, "CNAME": 5, "AAAA": 28}
    n = 0
    for text in zones:
        for line in text.splitlines():
            parts = line.split()
            if len(parts) < 4 or parts[2] not in types:
                continue
            owner = parts[0] if parts[0] != "@" else "b.example."
            qtype = types[parts[2]]
            question = dns_name(owner) + struct.pack(">HH", qtype, 1)
            yield f"query-{n}", struct.pack(">HHHHHH", n, 0x0100, 1, 0, 0, 0) + question
            rdata = b""
            if parts[2] == "A":
                rdata = bytes(int(x) for x in parts[3].split("."))
            elif parts[2] == "MX":
                rdata = struct.pack(">H", int(parts[3])) + dns_name(parts[4])
            elif parts[2] in ("NS", "CNAME"):
                rdata = b"\xc0\x0c"  # a compression pointer to the question's name
            answer = b"\xc0\x0c" + struct.pack(">HHIH", qtype, 1, int(parts[1]), len(rdata)) + rdata
            yield f"answer-{n}", struct.pack(">HHHHHH", n, 0x8580, 1, 1, 0, 0) + question + answer
            n += 1


def string_literals(path):
    with open(path, encoding="utf-8") as f:
        return set(re.findall(r'"((?:[^"\\\n]|\\.){1,60})"', f.read()))


def main(src, out):
    library = sorted(glob.glob(os.path.join(src, "scenarios/library/*.yaml")))
    broken = sorted(glob.glob(os.path.join(src, "tests/scenarios/broken/*.yaml")))
    schema = sorted(glob.glob(os.path.join(src, "tests/schema/*.yaml")))
    zones = []
    for path in library + broken + schema:
        with open(path, "rb") as f:
            write(out, "scenario_fuzz", os.path.basename(path), f.read())
    for path in library:
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        for origin, text in ((doc.get("dns") or {}).get("zones") or {}).items():
            zones.append(text)
            write(out, "zone_text_fuzz", f"{os.path.basename(path)}-{origin}", text)
    for name, data in dns_datagrams(zones):
        write(out, "dns_decode_fuzz", name, data)

    for proto, targets in (("smtp", ("smtp_server_fuzz", "smtp_client_fuzz")),
                           ("pop3", ("pop3_server_fuzz",)), ("imap", ("imap_server_fuzz",))):
        for path in sorted(glob.glob(os.path.join(src, f"tests/{proto}/golden/*.txt"))):
            name = os.path.basename(path)
            write(out, targets[0], name, dialogue_side(path, "C: "))
            if len(targets) > 1:
                write(out, targets[1], name, dialogue_side(path, "S: "))

    for path in sorted(glob.glob(os.path.join(src, "tests/imf/golden/*.eml"))):
        with open(path, "rb") as f:
            data = f.read()
        write(out, "imf_fuzz", os.path.basename(path), data)
        if "dsn" in os.path.basename(path):
            write(out, "dsn_fuzz", os.path.basename(path), data)

    literals = set()
    for test in ("tests/sim/time_test.cpp", "tests/sim/units_test.cpp"):
        literals |= string_literals(os.path.join(src, test))
    for i, text in enumerate(sorted(literals)):
        write(out, "units_fuzz", f"literal-{i}", text)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
