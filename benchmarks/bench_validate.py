"""How fast is full validation? Printed as ratios against floors measured in the same run.

Floors: ``json.loads`` of the same document, and a compiled JSON Schema validator
(fastjsonschema) on the library's own schema for the spec, which stops at the first
error.  jsonschema's interpreted validator is measured too, for scale.

Aim: ``clusterforms.validate`` (every finding, with its message) within 1.5x of the
compiled validator, and far ahead of jsonschema's.

Run: python benchmarks/bench_validate.py [SPEC] [ROUNDS]
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import fastjsonschema
import jsonschema

import clusterforms

ROOT = Path(__file__).resolve().parent.parent


def per_call(fn: Callable[[], object], rounds: int) -> float:
    """Best-of-5 mean seconds per call."""
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(rounds):
            fn()
        best = min(best, (time.perf_counter() - start) / rounds)
    return best


def main() -> None:
    spec_id = sys.argv[1] if len(sys.argv) > 1 else "national-2023"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    spec = clusterforms.load_spec(spec_id)
    text = (ROOT / "examples" / f"{spec_id}.json").read_text(encoding="utf-8")
    data = clusterforms.parse_application(text)
    schema = json.loads(clusterforms.render(spec, "json-schema"))
    # The schema validators see the document as JSON would give it to them.
    plain = json.loads(text, parse_float=Decimal)
    compiled = fastjsonschema.compile(schema)
    interpreted = jsonschema.Draft202012Validator(schema)
    assert clusterforms.validate(spec, data).ok
    compiled(plain)
    interpreted.validate(plain)

    times = {
        "json.loads": per_call(lambda: json.loads(text, parse_float=Decimal), rounds),
        "fastjsonschema (compiled)": per_call(lambda: compiled(plain), rounds),
        "jsonschema (interpreted)": per_call(
            lambda: interpreted.is_valid(plain), max(1, rounds // 10)
        ),
        "clusterforms.validate": per_call(lambda: clusterforms.validate(spec, data), rounds),
    }
    floor = times["fastjsonschema (compiled)"]
    print(f"{spec_id}: {len(data['values'])} fields, {len(text.encode())} bytes")
    for name, seconds in times.items():
        print(f"  {name:<28} {seconds * 1e6:9.1f} µs/doc   {seconds / floor:6.2f}x compiled schema")
    ratio = times["clusterforms.validate"] / floor
    verdict = "meets" if ratio <= 1.5 else "misses"
    print(f"validate / compiled schema = {ratio:.2f}x ({verdict} the 1.5x aim)")
    ahead = times["jsonschema (interpreted)"] / times["clusterforms.validate"]
    print(f"jsonschema / validate = {ahead:.1f}x")


if __name__ == "__main__":
    main()
