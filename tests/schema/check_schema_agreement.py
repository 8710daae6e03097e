#!/usr/bin/env python3
"""Checks that resources/schema and `plugin-studio validate` agree on which manifests have errors.

The schema cannot look at files, image headers or other entries, so findings about those
(missing files, image content, duplicate ids) are left out of the comparison. Every manifest of
the sample index must be valid for both; every case under cases/ is named valid-*.json or
invalid-*.json and both must say so.
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

import jsonschema

# Rules a JSON Schema cannot express: files on disk, image content, the whole index.
NOT_SCHEMA_CHECKABLE = {"PS151", "PS153", "PS161", "PS122", "PS002", "PS190"}


def studio_errors(studio, path):
    run = subprocess.run([studio, "validate", "--format", "json", str(path)],
                         capture_output=True, text=True, timeout=120)
    if run.returncode not in (0, 1):
        sys.exit(f"plugin-studio validate {path} failed with {run.returncode}: {run.stderr}")
    report = json.loads(run.stdout)
    return [d for d in report["diagnostics"]
            if d["severity"] == "error" and d["code"] not in NOT_SCHEMA_CHECKABLE]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--studio", required=True)
    parser.add_argument("--schema", required=True)
    parser.add_argument("--index-schema", required=True)
    parser.add_argument("--index", required=True)
    parser.add_argument("--cases", required=True)
    args = parser.parse_args()

    schema = json.loads(pathlib.Path(args.schema).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failures = []

    # The index schema stands alone (an editor has nothing else): any reference outside it
    # fails here.
    index_schema = json.loads(pathlib.Path(args.index_schema).read_text())
    jsonschema.Draft202012Validator.check_schema(index_schema)

    def refuse_remote(uri):
        raise jsonschema.RefResolutionError(f"the index schema refers outside itself: {uri}")

    index_validator = jsonschema.Draft202012Validator(
        index_schema, resolver=jsonschema.RefResolver.from_schema(
            index_schema, handlers={"http": refuse_remote, "https": refuse_remote}))

    entries = json.loads(pathlib.Path(args.index).read_text())
    problems = [e.message for e in index_validator.iter_errors(entries)]
    if problems:
        failures.append(f"sample index: index schema says invalid: {problems}")
    if not entries:
        failures.append("the sample index is empty")
    for entry in entries:
        problems = [e.message for e in validator.iter_errors(entry)]
        if problems:
            failures.append(f"sample {entry.get('id')}: schema says invalid: {problems}")
    index_errors = studio_errors(args.studio, args.index)
    if index_errors:
        failures.append(f"sample index: validator says invalid: {index_errors}")

    cases = sorted(pathlib.Path(args.cases).glob("*.json"))
    if len(cases) < 10:
        failures.append(f"only {len(cases)} cases in {args.cases}")
    with tempfile.TemporaryDirectory() as scratch:
        for case in cases:
            expected_valid = case.name.startswith("valid-")
            manifest = json.loads(case.read_text())
            schema_valid = not list(validator.iter_errors(manifest))
            # Validate a copy outside any repository so file checks do not apply.
            copy = pathlib.Path(scratch) / case.name
            copy.write_text(case.read_text())
            errors = studio_errors(args.studio, copy)
            studio_valid = not errors
            if schema_valid != expected_valid:
                failures.append(f"{case.name}: schema says {'valid' if schema_valid else 'invalid'}")
            if studio_valid != expected_valid:
                failures.append(f"{case.name}: validator says {'valid' if studio_valid else 'invalid'} {errors}")

    for failure in failures:
        print("FAIL:", failure)
    print(f"{len(entries)} sample entries and {len(cases)} cases checked")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
