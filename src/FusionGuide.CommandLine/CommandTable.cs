namespace FusionGuide.CommandLine;

/// <summary>
/// Every command of FusionGuide, in one table: which executable runs it, its synopsis and its options. The CLI's
/// dispatcher, the server's program and the <c>./fusionguide</c> launcher route by it (tests hold each to it), the
/// parser reads its options, and the help texts are generated from it.
/// </summary>
public static class CommandTable
{
    private static readonly OptionSpec AsOf = new("--as-of", "YYYY-MM-DD", "the evaluation date: what is in force then applies (default: the knowledge base's release date)");
    private static readonly OptionSpec Format = new("--format", "json|markdown|html", "the output format");
    private static readonly OptionSpec Region = new("--region", "R", "the site's region: US, EU, TR, JP, CN or other (FHIR does not carry it)");
    private static readonly OptionSpec Db = new("--db", "PATH", "the SQLite audit store (default: fusionguide-audit.db in the working directory)");
    private static readonly OptionSpec Postgres = new("--postgres", "CONNECTION", "a PostgreSQL audit store instead (Host=…;Database=…;Username=…;Password=…)");
    private static readonly OptionSpec Checkpoints = new("--audit-checkpoints", "DIR|off", "the signed checkpoint directory (default beside a SQLite file: FILE.checkpoints)");
    private static readonly OptionSpec AuditKey = new("--audit-key", "FILE", "the checkpoint signing key, ECDSA P-256 PEM (default FILE.checkpoints.key.pem, created once)");
    private static readonly OptionSpec Config = new("--config", "FILE", "read options from the \"FusionGuide\" section of this JSON file (else FUSIONGUIDE_CONFIG)");
    private static readonly OptionSpec PostgresPasswordFile = new("--postgres-password-file", "FILE", "the password of --postgres, read from a file (relative: systemd's $CREDENTIALS_DIRECTORY first)");
    private static readonly OptionSpec ApiKeys = new("--api-keys", "FILE",
        "named API keys, one a line: NAME ROLE sha256:SALT:HASH (roles clinician, integration, auditor; see keys add)");
    private static readonly OptionSpec Knowledge = new("--knowledge", "DIR",
        "use this released knowledge folder, validated in full first (else FUSIONGUIDE_KNOWLEDGE; default: the embedded release)");
    private static readonly OptionSpec NewChain = new("--audit-new-chain", null, "begin a new chain after the latest checkpoint (ids continue) when the store is missing or does not match");

    /// <summary><c>recommend CASE.json</c>.</summary>
    public static readonly CommandSpec Recommend = new("recommend", Executable.Cli,
        "recommend CASE.json [-o FILE.md|FILE.html|FILE.json] [--format json|markdown|html] [--as-of YYYY-MM-DD]",
        "the recommendation for a case (CASE.json may be '-' for standard input)")
    {
        Options =
        [
            new("--output", "FILE", "write the answer to FILE, whole or not at all, in the format its extension names (.md, .html, .json)") { Alias = "-o" },
            Format with { Help = "the output format (default: Markdown on a terminal, JSON when redirected, else the -o extension)" },
            AsOf, Knowledge,
        ],
        Details = "recommend writes Markdown to a terminal and JSON when its output is redirected; -o FILE picks the format\nfrom the extension (.md, .html, .json); --format overrides both.",
    };

    /// <summary><c>validate CASE.json</c>.</summary>
    public static readonly CommandSpec Validate = new("validate", Executable.Cli, "validate CASE.json", "check a case against the contract (every problem at once)");

    /// <summary><c>kb validate [DIR]</c>.</summary>
    public static readonly CommandSpec KbValidate = new("kb validate", Executable.Cli, "kb validate [DIR]", "check a knowledge base (the embedded one by default) and count each entity");

    /// <summary><c>kb version</c>.</summary>
    public static readonly CommandSpec KbVersion = new("kb version", Executable.Cli, "kb version", "knowledge-base version and release date");

    /// <summary><c>kb show ID</c>.</summary>
    public static readonly CommandSpec KbShow = new("kb show", Executable.Cli, "kb show ID [--json]", "a drug, reference, rule, regimen, trial or threshold, with sources")
    {
        Options = [new("--json", null, "the record as the knowledge base holds it (the knowledge file's fields)")],
    };

    /// <summary><c>kb refs</c>.</summary>
    public static readonly CommandSpec KbRefs = new("kb refs", Executable.Cli, "kb refs", "the reference list");

    /// <summary><c>kb diff</c>.</summary>
    public static readonly CommandSpec KbDiff = new("kb diff", Executable.Cli, "kb diff --old DIR --new DIR [--cohort INPUT.ndjson] [--as-of DATE]",
        "facts changed between two knowledge folders, and the cases whose answer changes")
    {
        Options =
        [
            new("--old", "DIR", "the earlier knowledge folder"),
            new("--new", "DIR", "the later knowledge folder"),
            new("--cohort", "INPUT.ndjson", "cases (one per line) evaluated against both releases"),
            AsOf with { Help = "evaluate the cohort on this date (default: each release's own date)" },
        ],
    };

    /// <summary><c>kb audit [DIR]</c>.</summary>
    public static readonly CommandSpec KbAudit = new("kb audit", Executable.Cli, "kb audit [DIR] [--json] [--html FILE] [--cohort N [--seed S]]",
        "facts verified, on secondary evidence and unverified; the review sheet; how many answers lean on unverified facts")
    {
        Options =
        [
            new("--json", null, "the audit as JSON"),
            new("--html", "FILE", "write the review sheet a clinician signs off"),
            new("--cohort", "N", "also evaluate N synthetic cases: the share whose result carries the unverified-knowledge warning, and the unverified facts behind it, most results first"),
            new("--seed", "S", "the synthetic cases' seed (default 1)"),
        ],
    };

    /// <summary><c>batch INPUT.ndjson</c>.</summary>
    public static readonly CommandSpec Batch = new("batch", Executable.Cli,
        "batch INPUT.ndjson [-o OUT.ndjson] [--report REPORT.html] [--workers N] [--as-of DATE] [--no-progress]",
        "one case per line in, one result per line out, in input order")
    {
        Options =
        [
            new("--output", "OUT.ndjson", "write the results to a file (default: standard output)") { Alias = "-o" },
            new("--report", "REPORT.html", "write the cohort report"),
            new("--workers", "N", "evaluate on N threads (1–256; default: one per core)"),
            AsOf,
            new("--no-progress", null, "no progress bar on a terminal"),
            Knowledge,
        ],
    };

    /// <summary><c>synth</c>.</summary>
    public static readonly CommandSpec Synth = new("synth", Executable.Cli, "synth --n N --seed S [-o FILE]", "deterministic synthetic cases (NDJSON)")
    {
        Options =
        [
            new("--n", "N", "how many cases (default 1000)"),
            new("--seed", "S", "the seed: case i of seed s is always the same (default 1)"),
            new("--output", "FILE", "write to a file (default: standard output)") { Alias = "-o" },
        ],
    };

    /// <summary><c>bench</c>.</summary>
    public static readonly CommandSpec Bench = new("bench", Executable.Cli, "bench [--n N] [--seed S] [--passes P] | bench --cold-start",
        "engine cases/s against the System.Text.Json floor, and the ratio; or the steps of a cold start")
    {
        Options = [new("--n", "N", "synthetic cases (default 20000)"), new("--seed", "S", "their seed (default 1)"), new("--passes", "P", "passes per chunk, best kept (default 5)"),
            new("--cold-start", null, "time knowledge load, engine build and the first case, first in this process and warm")],
    };

    /// <summary><c>serve</c>.</summary>
    public static readonly CommandSpec Serve = new("serve", Executable.Server,
        "serve [--urls http://127.0.0.1:8080] [--db PATH | --postgres CONNECTION] [--api-key-file FILE] [OPTION …]",
        "the HTTP API, CDS Hooks and the web page; every recommendation recorded in the audit store")
    {
        PassesHostSettings = true,
        Options =
        [
            new("--urls", "URLS", "where to listen (default http://127.0.0.1:8080)"),
            Db, Postgres,
            new("--api-key-file", "FILE", "one unnamed auditor key (else FUSIONGUIDE_API_KEY; at least 16 characters); prefer --api-keys"),
            ApiKeys,
            new("--oidc-authority", "URL", "the hospital's identity provider (issuer): its bearer tokens name callers by sub"),
            new("--oidc-audience", "AUD", "the aud its tokens must carry"),
            new("--oidc-jwt-key", "FILE", "its signing keys from a file (JWKS, PEM or HS256 secret) instead of discovery"),
            new("--oidc-auditor-role", "CLAIM=VALUE", "the claim value that makes a token's holder an auditor (default roles=auditor)"),
            new("--proxy-user-header", "NAME", "the header in which a --trust-proxy proxy names its authenticated user (X-Forwarded-User)"),
            new("--cds-jwt-key", "FILE", "verify the CDS client's bearer JWT: HS256 secret, PEM public key or JWKS file"),
            new("--cds-jwt-issuer", "ISS", "the issuer (iss) the JWT must name"),
            new("--cds-region", "US|EU|TR|JP|CN|other", "the site's region (which approvals apply)"),
            new("--cds-fhir-fetch", "on|off", "read missing prefetch from the request's fhirServer"),
            new("--cds-fhir-allow-http", "on|off", "send the bearer token to an http:// FHIR server (local testing only)"),
            new("--cds-out-of-scope", "silent|explain", "a patient without NSCLC: no card, or one info card saying why"),
            new("--cds-info-cards", "N", "most informational patient-view cards per answer, the rest merged into one (default 1)"),
            new("--cds-report-days", "N", "days a card's report link opens the report (default 30; the audit record is kept)"),
            new("--trust-proxy", "ADDRESS|NETWORK[,…]", "believe X-Forwarded-For/-Proto/-Host from these proxies only"),
            new("--public-url", "URL", "the base of the CDS cards' report links"),
            Checkpoints, AuditKey,
            new("--audit-checkpoint-interval", "SECONDS", "sign a checkpoint this often (default 300)"),
            new("--audit-schema", "migrate|existing", "existing: never create or upgrade the schema (an append-only role)"),
            NewChain, Config, PostgresPasswordFile,
            new("--log-format", "text|json", "console log lines as text or one JSON object a line"),
            Knowledge,
        ],
        Details = """
            Who asked is recorded in every audit record: a named key (--api-keys, X-Api-Key header), the sub of a bearer
            token from --oidc-authority, the user a --trust-proxy proxy names in --proxy-user-header, or the CDS client's
            iss|sub. With any of the first three configured, /v1/recommend refuses a caller it cannot name (401). The audit
            endpoints answer auditors only (401 without a caller, 403 for another role); the single --api-key-file key is
            an auditor. Other --key=value arguments are ASP.NET Core host settings.
            CDS Hooks 2.0 at /cds-services: --cds-jwt-key verifies the client's bearer JWT (audience = the called URL;
            --cds-jwt-issuer checks iss); --cds-fhir-fetch on reads missing prefetch from the request's fhirServer (https
            only with a bearer token unless --cds-fhir-allow-http on; 10 pages, 5 MB a page, 2 s a call).
            --trust-proxy: X-Forwarded-For/-Proto/-Host are then believed (the JWT audience and links use the original URL).
            --public-url https://fg.example/ is the base of the CDS cards' report links (else the forwarded URL from a
            trusted proxy, else the listening address; never the request's Host header).
            Audit checkpoints: at start, every 5 minutes and at shutdown the server signs (store id, last record, its hash,
            time, digests of feedback and hook links) and adds it to the checkpoint directory (PostgreSQL: none unless
            given). It refuses to start on a store that is missing, behind its latest checkpoint or another store (exit 4),
            unless --audit-new-chain begins a new chain.
            Configuration (docs/deploy.md): every option may also come from the variable FUSIONGUIDE_<OPTION>
            (--cds-jwt-key: FUSIONGUIDE_CDS_JWT_KEY) or the "FusionGuide" section of the --config file; the command line
            wins, then the environment; --audit-new-chain only on the command line. Operations: /healthz (alive), /readyz
            (503 while the audit store is unreachable), /version, /metrics (Prometheus).
            """,
    };

    /// <summary><c>audit verify</c>.</summary>
    public static readonly CommandSpec AuditVerify = new("audit verify", Executable.Server,
        "audit verify [--db PATH | --postgres CONNECTION] [--audit-checkpoints DIR] [--audit-public-key FILE | --audit-key FILE] [--archive DIR]",
        "recompute the audit hash chain and check it against the latest signed checkpoint")
    {
        Options = [Db, Postgres, Checkpoints, new("--audit-public-key", "FILE", "pin the key the checkpoints must be signed with (else: the keys beside them)"), AuditKey, Config, PostgresPasswordFile,
            new("--archive", "DIR", "verify an archived month instead: DIR from 'audit archive', its table restored from the dump into --postgres")],
        Details = """
            Opens the store read-only (SQLite Mode=ReadOnly; a SELECT-only PostgreSQL role suffices) in one snapshot.
            Months archived by 'audit archive' (signed manifests in the checkpoint directory) are stepped over and reported.
            """,
    };

    /// <summary><c>audit archive</c>.</summary>
    public static readonly CommandSpec AuditArchive = new("audit archive", Executable.Server,
        "audit archive --postgres CONNECTION --month YYYY-MM --out DIR --audit-checkpoints DIR [--audit-key FILE]",
        "detach a past month's PostgreSQL partition with a signed manifest (then pg_dump it: docs/audit-sizing.md)")
    {
        Options = [Postgres, new("--month", "YYYY-MM", "the month to archive (it must have ended)"), new("--out", "DIR", "the archive directory to create"),
            Checkpoints, AuditKey, Config, PostgresPasswordFile],
        Details = "Needs the owner role. Verifies the store first; the month's last record must be covered by a signed checkpoint.",
    };

    /// <summary><c>audit migrate</c>.</summary>
    public static readonly CommandSpec AuditMigrate = new("audit migrate", Executable.Server,
        "audit migrate [--db PATH | --postgres CONNECTION] [--audit-checkpoints DIR] [--audit-key FILE] [--audit-new-chain]",
        "create or upgrade the audit schema (and, on PostgreSQL, the triggers refusing UPDATE/DELETE of records)")
    {
        Options = [Db, Postgres, Checkpoints, AuditKey, NewChain, Config, PostgresPasswordFile],
        Details = "Needs CREATE rights, unlike serve --audit-schema existing and audit verify.",
    };

    /// <summary><c>audit list</c>.</summary>
    public static readonly CommandSpec AuditList = new("audit list", Executable.Server,
        "audit list [--db PATH | --postgres CONNECTION] [--offset N] [--limit N]",
        "the audit records, newest first: id, time, who asked, case id, knowledge version, evaluation date, case SHA-256")
    {
        Options = [Db, Postgres, new("--offset", "N", "skip the N newest records (default 0)"), new("--limit", "N", "at most N records (1–10000; default 50)"), Config, PostgresPasswordFile],
        Details = "Opens the store read-only, as audit verify does. One tab-separated line a record; never a result or a case.",
    };

    /// <summary><c>keys add NAME ROLE</c>.</summary>
    public static readonly CommandSpec KeysAdd = new("keys add", Executable.Server, "keys add NAME ROLE --api-keys FILE",
        "make a new API key: its hashed line is added to FILE, the key printed once")
    {
        Options = [ApiKeys, Config],
        Details = "ROLE is clinician, integration or auditor. The key is printed on standard output and stored nowhere: hand it to\nits holder. A running server reads FILE at start: restart it to accept the new key.",
    };

    /// <summary><c>keys hash NAME ROLE</c>.</summary>
    public static readonly CommandSpec KeysHash = new("keys hash", Executable.Server, "keys hash NAME ROLE < KEY",
        "print the --api-keys line for a key read from standard input (a key made elsewhere)");

    /// <summary><c>fhir BUNDLE.json</c>.</summary>
    public static readonly CommandSpec Fhir = new("fhir", Executable.Server, "fhir BUNDLE.json [--as-of YYYY-MM-DD] [--region R] [--knowledge DIR]",
        "read a FHIR R4 Bundle (or resource) into a case and print it")
    {
        Options = [AsOf, Region, Knowledge],
    };

    /// <summary><c>recommend --fhir BUNDLE.json</c>.</summary>
    public static readonly CommandSpec RecommendFhir = new("recommend", Executable.Server,
        "recommend --fhir BUNDLE.json [--format json|markdown|html] [--as-of YYYY-MM-DD] [--region R] [--knowledge DIR]",
        "evaluate a FHIR Bundle and print the result")
    {
        Requires = "--fhir",
        Options = [new("--fhir", "BUNDLE.json", "the FHIR R4 Bundle (or resource) to evaluate"), Format with { Help = "the output format (default json)" }, AsOf, Region, Knowledge],
    };

    /// <summary>Every command, in the order the help lists them.</summary>
    public static IReadOnlyList<CommandSpec> All { get; } =
        [Recommend, Validate, KbValidate, KbVersion, KbShow, KbRefs, KbDiff, KbAudit, Batch, Synth, Bench, Serve, AuditVerify, AuditMigrate, AuditArchive, AuditList, KeysAdd, KeysHash, Fhir, RecommendFhir];

    /// <summary>The commands <paramref name="host"/> runs.</summary>
    public static IEnumerable<CommandSpec> RunBy(Executable host) => All.Where(c => c.Host == host);

    /// <summary>
    /// The command a command line names: the longest whose words begin it and whose <see cref="CommandSpec.Requires"/>
    /// option, if any, it contains (so <c>recommend --fhir …</c> is the FHIR one). Null when none.
    /// </summary>
    public static CommandSpec? Find(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return All
            .Where(c => c.Words.Count <= args.Count && c.Words.Select((w, i) => args[i] == w).All(match => match))
            .Where(c => c.Requires is null || args.Contains(c.Requires))
            .OrderByDescending(c => c.Words.Count).ThenByDescending(c => c.Requires is not null)
            .FirstOrDefault();
    }

    /// <summary>The subcommands of a group word (<c>kb</c>, <c>audit</c>); empty for a word that is not a group.</summary>
    public static IReadOnlyList<string> SubcommandsOf(string word) =>
        [.. All.Where(c => c.Words.Count > 1 && c.Words[0] == word).Select(c => c.Words[1])];
}
