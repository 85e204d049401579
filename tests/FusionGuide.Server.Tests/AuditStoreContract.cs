using System.Data.Common;
using FusionGuide.Server.Audit;

namespace FusionGuide.Server.Tests;

/// <summary>What every audit store must do, run against a real SQLite file and a real PostgreSQL server.</summary>
public abstract class AuditStoreContract
{
    /// <summary>A new, empty store (each call in one test opens the same database, as a second server would).</summary>
    protected abstract SqlAuditStore Open();

    /// <summary>Runs SQL on the store's database behind its back, as someone tampering with it would.</summary>
    protected abstract Task Tamper(string sql);

    private static AuditEntry Entry(int n) => new($"2026-11-24T10:00:{n % 60:00}.0000000Z", n % 3 == 0 ? null : $"case-{n}",
        Audit.AuditChain.Sha256([(byte)n]), "2026.11.0", "2026-11-24", $$"""{"caseId":"case-{{n}}","n":{{n}},"text":"ALK ≥ 15 % — µ"}""");

    [Fact]
    public async Task Appends_link_each_record_to_the_one_before()
    {
        await using var store = Open();
        var first = await store.AppendAsync(Entry(1), TestContext.Current.CancellationToken);
        var second = await store.AppendAsync(Entry(2), TestContext.Current.CancellationToken);
        Assert.Equal((1, AuditChain.Genesis), (first.Id, first.PrevHash));
        Assert.Equal((2, first.Hash), (second.Id, second.PrevHash));
        Assert.Equal(second, await store.GetAsync(2, TestContext.Current.CancellationToken));
        Assert.Null(await store.GetAsync(3, TestContext.Current.CancellationToken));
        var page = await store.ListAsync(0, 10, TestContext.Current.CancellationToken);
        Assert.Equal([2L, 1L], page.Records.Select(r => r.Id));
        Assert.Equal(new ChainVerification(2, null, null), await store.VerifyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Concurrent_appends_from_several_servers_never_fork_the_chain()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => Open()).ToList();
        try
        {
            var appends = Enumerable.Range(1, 60).Select(n => Task.Run(() => stores[n % stores.Count].AppendAsync(Entry(n), TestContext.Current.CancellationToken)));
            var records = await Task.WhenAll(appends);
            Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), records.Select(r => r.Id).Order());
            Assert.Equal(60, records.Select(r => r.PrevHash).Distinct().Count());
            var verdict = await stores[0].VerifyAsync(TestContext.Current.CancellationToken);
            Assert.True(verdict.IsIntact, verdict.Reason);
            Assert.Equal(60, verdict.Count);
        }
        finally
        {
            foreach (var s in stores)
            {
                await s.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData("UPDATE audit_record SET result_json = '{\"altered\":true}' WHERE id = 4", 4L)]
    [InlineData("UPDATE audit_record SET as_of = '2020-01-01' WHERE id = 2", 2L)]
    [InlineData("UPDATE audit_record SET case_id = NULL WHERE id = 5", 5L)]
    [InlineData("DELETE FROM audit_record WHERE id = 3", 3L)]
    [InlineData("DELETE FROM audit_record WHERE id = 6", 6L)]
    [InlineData("UPDATE audit_record SET hash = prev_hash WHERE id = 1", 1L)]
    public async Task A_tampered_chain_is_found_and_the_first_broken_record_named(string tamper, long brokenId)
    {
        await using var store = Open();
        for (var n = 1; n <= 6; n++)
        {
            await store.AppendAsync(Entry(n), TestContext.Current.CancellationToken);
        }

        await Tamper(tamper);
        var verdict = await store.VerifyAsync(TestContext.Current.CancellationToken);
        Assert.False(verdict.IsIntact);
        Assert.Equal(brokenId, verdict.FirstBrokenId);
    }

    /// <summary>Runs one statement on an open connection.</summary>
    protected static async Task Execute(DbConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
#pragma warning disable CA2100 // Test-only tampering statements, constants of the test data.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
