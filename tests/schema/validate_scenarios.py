#!/usr/bin/env python3
"""Checks docs/scenario.schema.json against real files with python3-jsonschema:
every library scenario and tests/schema/every-key.yaml must be valid, and every broken file
whose fault is structural (listed below) must be rejected, as the loader rejects it."""
import argparse
import json
import pathlib
import re
import sys

import jsonschema
import yaml

# Broken files (tests/scenarios/broken/NAME.yaml) whose fault the schema sees too: unknown keys,
# wrong types, missing required keys, bad enum values, bad units. The others (hostile files,
# duplicate names, unknown references, zone text, time order) only the loader can see.
STRUCTURAL = [
    "unknown-key-did-you-mean",
    "unknown-top-level-key",
    "wrong-type-integer",
    "wrong-type-list-for-text",
    "bad-time-unit",
    "bad-size",
    "bad-bandwidth",
    "bandwidth-without-unit",
    "bad-firewall-action",
    "unknown-expectation-kind",
    "two-expectations",
    "unknown-spf-value",
    "missing-required-key",
    "missing-title",
    "list-instead-of-map",
    "map-instead-of-list",
    "several-errors",
    "bad-address",
    "port-out-of-range",
    "bad-loss",
    "timeline-without-action",
    "timeline-two-actions",
    "bad-boolean",
    "bad-outcome",
    "bad-position",
    "no-mail-lost-not-boolean",
    "negative-time",
    "bad-start",
    "bad-trusted-network",
    "dnsbl-not-a-name",
    "dates-out-of-range",
    "questions-broken",
]

# Broken files whose fault only the loader sees: their structure is right, so the schema must
# accept them (a schema that refuses them is stricter than the format).
SEMANTIC = [
    "duplicate-host-names",
    "duplicate-addresses",
    "timeline-out-of-order",
    "unknown-host-reference",
    "unknown-link-end",
    "bad-dns-zone-line",
    "change-dns-two-rrsets",
    "change-dns-unknown-zone",
    "dns-no-resolver",
    "dns-no-root",
    "dns-resolver-on-server",
    "type-target-starts-with-digit",
    "change-dns-bad-name",
    "times-too-long",
    "dates-after-9999",
]


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML speaks YAML 1.1, where `off` is false, `1:30:00` a number and a date a datetime;
    the loader (yaml-cpp) and editors read YAML 1.2, where these are text."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag.rsplit(":", 1)[-1] not in ("bool", "int", "float", "timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
    list("-+.0123456789"))


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Yaml12Loader)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", type=pathlib.Path,
                        default=pathlib.Path(__file__).resolve().parents[2])
    root = parser.parse_args().root
    schema = json.loads((root / "docs/scenario.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)

    passed, failed = 0, 0

    def check(ok, name, detail):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}: {detail}")

    valid = sorted((root / "scenarios/library").glob("*.yaml"))
    valid += sorted((root / "scenarios/exercises").glob("**/*.yaml"))  # and their answers
    valid.append(root / "tests/schema/every-key.yaml")
    valid.append(root / "tests/schema/french-units.yaml")
    check(len(valid) > 10, "library", f"only {len(valid)} files found")
    for path in valid:
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
                  for e in validator.iter_errors(load(path))]
        check(not errors, path.relative_to(root), "; ".join(errors))

    broken = root / "tests/scenarios/broken"
    for name in STRUCTURAL:
        path = broken / f"{name}.yaml"
        if not path.exists():
            check(False, name, f"{path} is missing")
            continue
        errors = list(validator.iter_errors(load(path)))
        check(bool(errors), path.relative_to(root), "the schema accepts it; the loader does not")
    for name in SEMANTIC:
        path = broken / f"{name}.yaml"
        errors = [e.message for e in validator.iter_errors(load(path))]
        check(not errors, path.relative_to(root), "; ".join(errors))

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
