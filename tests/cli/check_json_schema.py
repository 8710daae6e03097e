#!/usr/bin/env python3
"""Validates a JSON document against a JSON Schema with Debian's python3-jsonschema, offline.

Either side is a file or what `plugin-studio ARGS` prints:
  --schema FILE | --schema-from "ARGS"      the schema (draft-07 or 2020-12, by its $schema)
  --document FILE | --document-from "ARGS"  the document
--expect-exit lists the exit codes the studio may end with (validate exits 1 on errors);
--expect-invalid turns the check around: the document must break the schema.
The schema resolves with nothing but itself: no network, no other file.
"""
import argparse
import json
import pathlib
import shlex
import subprocess
import sys

import jsonschema


def studio_json(studio, arguments, expected_exits):
    run = subprocess.run([studio, *shlex.split(arguments)], capture_output=True, text=True,
                         timeout=120)
    if run.returncode not in expected_exits:
        sys.exit(f"plugin-studio {arguments} exited {run.returncode}: {run.stderr}")
    return json.loads(run.stdout)


def load(path, arguments, studio, expected_exits):
    if path:
        return json.loads(pathlib.Path(path).read_text())
    return studio_json(studio, arguments, expected_exits)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--studio")
    schema_source = parser.add_mutually_exclusive_group(required=True)
    schema_source.add_argument("--schema")
    schema_source.add_argument("--schema-from")
    document_source = parser.add_mutually_exclusive_group(required=True)
    document_source.add_argument("--document")
    document_source.add_argument("--document-from")
    parser.add_argument("--expect-exit", type=int, nargs="+", default=[0])
    parser.add_argument("--expect-invalid", action="store_true")
    args = parser.parse_args()

    schema = load(args.schema, args.schema_from, args.studio, args.expect_exit)
    document = load(args.document, args.document_from, args.studio, args.expect_exit)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)

    def refuse_remote(uri):
        raise jsonschema.RefResolutionError(f"the schema refers outside itself: {uri}")

    resolver = jsonschema.RefResolver.from_schema(schema, handlers={"http": refuse_remote,
                                                                   "https": refuse_remote})
    validator = validator_class(schema, resolver=resolver,
                                format_checker=validator_class.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors:
        print(f"FAIL: /{'/'.join(map(str, error.absolute_path))}: {error.message}")
    print(f"{len(errors)} errors")
    return 0 if bool(errors) == args.expect_invalid else 1


if __name__ == "__main__":
    sys.exit(main())
