#!/usr/bin/env python3
"""Prints SQL that creates an audit store as a schema 2 FusionGuide server left it (results as text, no case, record
format 1), with N records chained as that version chained them (docs/audit-integrity.md: SHA-256 over length-prefixed
fields). The SQL runs on SQLite and PostgreSQL alike. Used by the schema-migration runbook check to upgrade a store
"across versions" without building an old release. Usage: schema2-store.py N"""
import hashlib, sys

def field(v):
    if v is None:
        return b"~"
    b = v.encode()
    return str(len(b)).encode() + b":" + b

def digest(*fields):
    return hashlib.sha256(b"".join(field(f) for f in fields)).hexdigest()

n = int(sys.argv[1])
store, created = "5c1e0a7e-2a2b-4c3d-9e8f-000000000002", "2026-10-01T00:00:00.0000000Z"
genesis = digest("fusionguide-audit-genesis/1", store, "1", created, None, None, None)
print("""
CREATE TABLE audit_record (id BIGINT PRIMARY KEY, recorded_at TEXT NOT NULL, case_id TEXT NULL, case_sha256 TEXT NOT NULL,
    kb_version TEXT NOT NULL, as_of TEXT NOT NULL, result_json TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE audit_chain_head (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), last_id BIGINT NOT NULL, last_hash TEXT NOT NULL);
CREATE TABLE audit_store (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), store_id TEXT NOT NULL, schema_version INTEGER NOT NULL,
    created_at TEXT NOT NULL, first_id BIGINT NOT NULL, genesis_hash TEXT NOT NULL, previous_store_id TEXT NULL,
    previous_last_id BIGINT NULL, previous_last_hash TEXT NULL);
CREATE TABLE cds_hook_instance (hook_instance TEXT NOT NULL, audit_id BIGINT NOT NULL, service_id TEXT NOT NULL, hook TEXT NOT NULL,
    recorded_at TEXT NOT NULL, PRIMARY KEY (hook_instance, audit_id));
CREATE TABLE cds_report_link (token_sha256 TEXT PRIMARY KEY, audit_id BIGINT NOT NULL, recorded_at TEXT NOT NULL);
CREATE TABLE cds_feedback (id TEXT PRIMARY KEY, received_at TEXT NOT NULL, position INTEGER NOT NULL, service_id TEXT NOT NULL,
    card TEXT NOT NULL, outcome TEXT NOT NULL, accepted_suggestions TEXT NOT NULL, override_system TEXT NULL, override_code TEXT NULL,
    override_display TEXT NULL, user_comment TEXT NULL, outcome_timestamp TEXT NOT NULL);""")
print(f"INSERT INTO audit_store VALUES (1, '{store}', 2, '{created}', 1, '{genesis}', NULL, NULL, NULL);")
prev = genesis
for i in range(1, n + 1):
    at, case_id, sha, kb, as_of, result = f"2026-10-{i % 28 + 1:02d}T10:00:00.0000000Z", f"old-{i}", hashlib.sha256(bytes([i])).hexdigest(), "2026.10.0", "2026-10-01", '{"n":%d}' % i
    h = digest(prev, str(i), at, case_id, sha, kb, as_of, result)
    print(f"INSERT INTO audit_record VALUES ({i}, '{at}', '{case_id}', '{sha}', '{kb}', '{as_of}', '{result}', '{prev}', '{h}');")
    prev = h
print(f"INSERT INTO audit_chain_head VALUES (1, {n}, '{prev}');")
