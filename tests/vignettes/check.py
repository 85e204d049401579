#!/usr/bin/env python3
"""Run acceptance vignettes against the command-line tool and compare with their expectations.

Usage: check.py [--cli "COMMAND"] VIGNETTE_DIR_OR_FILE...

COMMAND is how to start the tool; `recommend CASE.json` is appended. Without --cli the
environment variable FUSIONGUIDE_CLI is used. Each vignette is a JSON file
{"title": ..., "case": {...}, "expect": {...}}; see README.md for the expectation keys.
Prints one line per failed check and ends with 'N passed, N failed'.
"""
import json
import os
import shlex
import subprocess
import sys
import tempfile

try:  # results are also checked against the contract's result schema where jsonschema is installed
    import jsonschema
    # In FusionGuide's copy (tests/vignettes/) the schema is the repository's docs/schema/; in shared/ it is ../contract/.
    _HERE = os.path.dirname(os.path.abspath(__file__))
    _SCHEMA_PATH = next(p for p in (os.path.join(_HERE, "..", "..", "docs", "schema", "result.schema.json"),
                                    os.path.join(_HERE, "..", "contract", "result.schema.json")) if os.path.isfile(p))
    RESULT_VALIDATOR = jsonschema.Draft202012Validator(json.load(open(_SCHEMA_PATH)))
except Exception:  # noqa: BLE001 - optional dependency or schema missing
    RESULT_VALIDATOR = None


def therapies(items):
    return [i.get("therapy") for i in items or []]


def check(expect, result, proc):
    """Return a list of failure messages for one vignette."""
    fails = []
    if "exitCode" in expect:
        if proc.returncode != expect["exitCode"]:
            fails.append(f"exit code {proc.returncode}, expected {expect['exitCode']}")
        if expect["exitCode"] == 2:
            try:
                problems = json.loads(proc.stderr)
                paths = json.dumps(problems)
                for p in expect.get("errorPathsInclude", []):
                    if p not in paths:
                        fails.append(f"error list does not name {p}: {proc.stderr[:300]}")
            except json.JSONDecodeError:
                fails.append(f"stderr is not a JSON problem list: {proc.stderr[:300]}")
        return fails
    if result is None:
        return [f"no JSON result (exit {proc.returncode}): {proc.stderr[:300]}"]
    if RESULT_VALIDATOR is not None:
        for err in list(RESULT_VALIDATOR.iter_errors(result))[:3]:
            path = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err.absolute_path)
            fails.append(f"result breaks the contract schema at {path}: {err.message[:200]}")
    dx = result.get("diagnosis") or {}
    st = result.get("systemicTherapy") or {}
    options = therapies(st.get("options"))
    avoid = therapies(st.get("avoid"))
    local = result.get("localTherapy") or []
    allwarn = (dx.get("warnings") or []) + (result.get("warnings") or [])
    codes = [w.get("code") for w in allwarn]
    text = json.dumps(result).lower()

    def want(cond, msg):
        if not cond:
            fails.append(msg)

    if "driver" in expect:
        want(dx.get("driver") == expect["driver"], f"driver {dx.get('driver')!r}, expected {expect['driver']!r}")
    for gene, status in (expect.get("genes") or {}).items():
        got = (dx.get("genes") or {}).get(gene)
        want(got == status, f"{gene} status {got!r}, expected {status!r}")
    for t in expect.get("nextTestsInclude", []):
        ok = any(n.get("gene") == t["gene"] and n.get("method") in t["methodIn"]
                 and ("sample" not in t or n.get("sample") == t["sample"])
                 for n in dx.get("nextTests") or [])
        want(ok, f"nextTests lack {t}: {dx.get('nextTests')}")
    for t in expect.get("nextTestsExclude", []):
        bad = [n for n in dx.get("nextTests") or [] if n.get("gene") == t["gene"] and n.get("method") in t["methodIn"]]
        want(not bad, f"nextTests should not ask for {t}: {bad}")
    if expect.get("nextTestsEmpty"):
        want(not dx.get("nextTests"), f"nextTests should be empty: {dx.get('nextTests')}")
    if "setting" in expect:
        want(st.get("setting") == expect["setting"], f"setting {st.get('setting')!r}, expected {expect['setting']!r}")
    if "line" in expect:
        want(st.get("line") == expect["line"], f"line {st.get('line')!r}, expected {expect['line']!r}")
    if "firstChoiceIn" in expect:
        first = options[0] if options else None
        want(first in expect["firstChoiceIn"], f"first choice {first!r}, expected one of {expect['firstChoiceIn']}; options {options}")
    for t in expect.get("optionsInclude", []):
        want(t in options, f"options lack {t}: {options}")
    for t in expect.get("optionsExclude", []):
        want(t not in options, f"options include {t}: {options}")
    for t in expect.get("avoidInclude", []):
        want(t in avoid, f"avoid lacks {t}: {avoid}")
    for t in expect.get("preferredInclude", []):
        pref = [o.get("therapy") for o in st.get("options") or [] if o.get("preference") == "preferred"]
        want(t in pref, f"{t} not preferred; preferred are {pref}")
    for t in expect.get("notPreferred", []):
        pref = [o.get("therapy") for o in st.get("options") or [] if o.get("preference") == "preferred"]
        want(t not in pref, f"{t} is preferred; it should not be")
    for t in expect.get("localInclude", []):
        want(t in therapies(local), f"localTherapy lacks {t}: {therapies(local)}")
    any_local = expect.get("localIncludeAny")
    if any_local:
        want(any(t in therapies(local) for t in any_local), f"localTherapy has none of {any_local}: {therapies(local)}")
    for t in expect.get("localExclude", []):
        want(t not in therapies(local), f"localTherapy includes {t}")
    if expect.get("localEmpty"):
        want(not local, f"localTherapy should be empty: {therapies(local)}")
    for c in expect.get("warningCodesInclude", []):
        want(c in codes, f"warnings lack code {c}: {codes}")
    for c in expect.get("warningCodesExclude", []):
        want(c not in codes, f"warnings include code {c}; they should not: {[w.get('message', '')[:120] for w in allwarn if w.get('code') == c]}")
    if expect.get("warningsNonEmpty"):
        want(bool(allwarn), "expected a warning, got none")
    for tx in expect.get("toxicity", []):
        rows = [r for r in result.get("toxicityManagement") or []
                if r.get("therapy") == tx["therapy"] and r.get("event") == tx["event"]]
        if not rows:
            fails.append(f"no toxicityManagement row for {tx['therapy']} {tx['event']}")
            continue
        r = rows[0]
        want(r.get("action") in tx["actionIn"], f"{tx['therapy']} {tx['event']}: action {r.get('action')!r}, expected one of {tx['actionIn']}")
        if "doseContains" in tx:
            want(tx["doseContains"] in (r.get("dose") or ""), f"{tx['therapy']} {tx['event']}: dose {r.get('dose')!r} lacks {tx['doseContains']!r}")
    for d in expect.get("dosing", []):
        rows = [r for r in result.get("dosing") or [] if r.get("therapy") == d["therapy"]]
        if not rows:
            fails.append(f"no dosing row for {d['therapy']}")
            continue
        start = rows[0].get("start") or ""
        for frag in d.get("startContains", []):
            want(frag.lower() in start.lower(), f"{d['therapy']} start {start!r} lacks {frag!r}")
        if "firstReductionContains" in d:
            red = rows[0].get("reductions") or [""]
            want(d["firstReductionContains"].lower() in (red[0] or "").lower(), f"{d['therapy']} first reduction {red[:1]} lacks {d['firstReductionContains']!r}")
    for it in expect.get("interactionsInclude", []):
        ok = any(r.get("therapy") == it["therapy"] and it["with"].lower() in (r.get("with") or "").lower()
                 and ("severityIn" not in it or r.get("severity") in it["severityIn"])
                 and ("adviceContains" not in it or it["adviceContains"].lower() in (r.get("advice") or "").lower())
                 for r in result.get("interactions") or [])
        want(ok, f"interactions lack {it}: {result.get('interactions')}")
    for a in expect.get("accessInclude", []):
        rows = [o for o in st.get("options") or [] if o.get("therapy") == a["therapy"]]
        acc = (rows[0].get("access") or {}) if rows else None
        if acc is None:
            fails.append(f"access: {a['therapy']} is not among the options {options}")
        else:
            if "approvalIn" in a:
                want(acc.get("approval") in a["approvalIn"], f"access: {a['therapy']} approval {acc.get('approval')!r}, expected one of {a['approvalIn']}")
            if "reimbursementIn" in a:
                want(acc.get("reimbursement") in a["reimbursementIn"], f"access: {a['therapy']} reimbursement {acc.get('reimbursement')!r}, expected one of {a['reimbursementIn']}")
            for frag in a.get("conditionsMention", []):
                want(frag.lower() in json.dumps(acc.get("conditions") or []).lower(), f"access: {a['therapy']} conditions never mention {frag!r}: {acc.get('conditions')}")
    for w in expect.get("whatWouldChangeInclude", []):
        items = result.get("whatWouldChange") or []
        hits = [i for i in items if (i.get("input") or "").startswith(w["inputPrefix"])
                and all(c in (i.get("changes") or []) for c in w.get("changesInclude", []))
                and ("firstChoiceIn" not in w or i.get("firstChoice") in w["firstChoiceIn"])]
        want(bool(hits), f"whatWouldChange lacks {w}: {[(i.get('input'), i.get('changes'), i.get('firstChoice')) for i in items][:12]}")
    for frag in expect.get("mentions", []):
        want(frag.lower() in text, f"result never mentions {frag!r}")
    for frag in expect.get("mentionsNone", []):
        want(frag.lower() not in text, f"result mentions {frag!r}; it should not")
    if expect.get("mentionsAny"):
        want(any(f.lower() in text for f in expect["mentionsAny"]), f"result mentions none of {expect['mentionsAny']}")
    return fails


def main(argv):
    cli = os.environ.get("FUSIONGUIDE_CLI")
    args = list(argv)
    if args[:1] == ["--cli"]:
        cli, args = args[1], args[2:]
    if not cli or not args:
        print(__doc__)
        return 2
    files = []
    for a in args:
        if os.path.isdir(a):
            files += sorted(os.path.join(a, f) for f in os.listdir(a) if f.endswith(".json"))
        else:
            files.append(a)
    passed = failed = 0
    for path in files:
        v = json.load(open(path))
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as tmp:
            json.dump(v["case"], tmp)
        try:
            proc = subprocess.run(shlex.split(cli) + ["recommend", tmp.name] + v.get("args", []),
                                  capture_output=True, text=True, timeout=60)
        finally:
            os.unlink(tmp.name)
        result = None
        if proc.returncode == 0:
            try:
                result = json.loads(proc.stdout)
            except json.JSONDecodeError:
                pass
        fails = check(v["expect"], result, proc)
        name = os.path.basename(path)
        if fails:
            failed += 1
            for f in fails:
                print(f"FAIL {name} ({v.get('title', '')}): {f}")
        else:
            passed += 1
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
