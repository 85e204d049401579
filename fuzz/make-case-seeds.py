#!/usr/bin/env python3
"""Writes the seed corpus of the case targets (fuzz/corpus/case/): the case part of every public vignette, the
repository's examples, and a few hostile documents. Compact JSON: AFL mutates small inputs faster.
Run from anywhere: python3 fuzz/make-case-seeds.py [SHARED_DIR]; the vignettes are the repository's copy
(tests/vignettes/cases) unless a shared/ folder is named."""
import glob, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
vignettes = os.path.join(sys.argv[1], "vignettes") if len(sys.argv) > 1 else os.path.join(root, "tests", "vignettes")
out = os.path.join(here, "corpus", "case")
os.makedirs(out, exist_ok=True)

def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))

def compact(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)

for path in sorted(glob.glob(os.path.join(vignettes, "cases", "*.json"))):
    with open(path, encoding="utf-8") as f:
        write("vignette-" + os.path.basename(path), compact(json.load(f)["case"]))

for path in sorted(glob.glob(os.path.join(root, "examples", "*.json"))):
    with open(path, encoding="utf-8") as f:
        write("example-" + os.path.basename(path), compact(json.load(f)))

minimal = {"tests": [{"gene": "ALK", "method": "ihc", "result": "positive"}]}
hostile = {
    "empty-object.json": "{}",
    "minimal.json": compact(minimal),
    "not-an-object.json": "[1,\"a\",null,true]",
    "nested.json": "[" * 40 + "]" * 40,
    "bom.json": b"\xef\xbb\xbf" + compact(minimal).encode(),
    "duplicate-key.json": '{"id":"a","id":"b"}',
    "lone-surrogate.json": '{"id":"\\ud800","medications":["\\udfff x"]}',
    "escaped-name.json": '{"\\u0069d":"x","patient":{"\\ud83d\\ude00":1}}',
    "invalid-utf8.json": b'{"id":"\xff\xfe"}',
    "numbers.json": '{"patient":{"age":1e400,"ecog":-0.0},"tests":[{"gene":"ALK","method":"fish","percentRearrangedCells":15.0000000000000000001,"cellsScored":1E2,"intensity":3.0}]}',
    "long-text.json": compact({"id": "\U0001F600" * 59 + "é" * 5, "medications": ["x" * 81], "tests": [{"gene": "ROS1", "method": "ngs", "fusionPartner": "CD74", "mutations": ["p.Gly2032Arg", "G2032R", "L2026M", "ALK G1202R"], "alterations": ["MET amplification", "unknown"]}]}),
    "wrong-types.json": '{"id":1,"patient":[],"tumor":"x","tests":{},"history":[1],"adverseEvents":[null],"comorbidities":"a","context":{"available":null,"unavailable":[1]}}',
    "nul.json": b'{"id":"a\x00b"}',
    "trailing.json": '{"id":"a"} {}',
    "comment.json": '{/* c */"id":"a"}',
}
for name, data in hostile.items():
    write("hostile-" + name, data)

print(f"{len(os.listdir(out))} seeds in {out}")
