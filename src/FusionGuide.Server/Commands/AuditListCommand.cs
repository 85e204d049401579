using System.Globalization;
using FusionGuide.Domain.Validation;
using FusionGuide.Domain.Wire;
using FusionGuide.Server.Audit;

namespace FusionGuide.Server.Commands;

/// <summary>
/// <c>audit list</c>: the records of an audit store, newest first, one tab-separated line each — id, time, who asked,
/// case id, knowledge version, evaluation date, case SHA-256 — for an auditor on the server's host. Read-only; never
/// prints a result or a case (those are health data: <c>GET /v1/audit/{id}</c> with an auditor's key).
/// </summary>
internal static class AuditListCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // The configuration file and FUSIONGUIDE_* variables first, then the arguments; positional words are refused.
        var a = CommandLine.ParseConfigured(args, CommandTable.AuditList).Arguments;

        var offset = (int)a.Long("--offset", 0, 0, int.MaxValue);
        var limit = (int)a.Long("--limit", 50, 1, 10_000);
        var (db, pg) = (a.Option("--db"), a.Option("--postgres"));
        if (db is not null && pg is not null)
        {
            a.Usage("give --db or --postgres, not both");
        }

        var options = new AuditStoreOptions(db, pg);
        if (options.IsSqlite && !File.Exists(options.SqliteFullPath))
        {
            a.Problems.Add(new Problem("--db", $"there is no audit database at {options.SqliteFullPath}"));
        }

        if (a.Problems.Count > 0)
        {
            return Fail(stderr, a.Problems);
        }

        await using var store = options.Open(AuditStoreAccess.ReadOnly);
        var status = await store.ProbeAsync();
        if (status != AuditStoreStatus.Current)
        {
            return Fail(stderr, [new Problem(options.IsSqlite ? "--db" : "--postgres", status == AuditStoreStatus.Absent
                ? "not an audit store (it holds no audit tables)"
                : "the audit store's schema is older than this program's: upgrade it with 'audit migrate' (audit verify reads it as it is)")]);
        }

        var page = await store.ListAsync(offset, limit);
        await stdout.WriteLineAsync(string.Join('\t', "id", "recordedAt", "caller", "caseId", "knowledgeBase", "asOf", "caseSha256"));
        foreach (var r in page.Records)
        {
            var e = r.Entry;
            // A record from before callers were recorded (schema 4) says so rather than pretending to be anonymous.
            var caller = e.Caller?.ToString() ?? "(not recorded)";
            string[] fields = [r.Id.ToString(CultureInfo.InvariantCulture), e.RecordedAt, caller, e.CaseId ?? "-", e.KnowledgeBaseVersion, e.AsOf, e.CaseSha256];
            // One line a record whatever a name holds (a token's sub is the provider's to choose).
            await stdout.WriteLineAsync(string.Join('\t', fields.Select(f => string.Concat(f.Select(ch => char.IsControl(ch) ? '?' : ch)))));
        }

        await stderr.WriteLineAsync($"{page.Records.Count} of {page.Total} records ({options.Describe()})");
        return ExitCodes.Ok;
    }

    private static int Fail(TextWriter stderr, IReadOnlyList<Problem> problems)
    {
        stderr.WriteLine(ContractJson.Serialize(problems));
        return ExitCodes.InvalidInput;
    }
}
