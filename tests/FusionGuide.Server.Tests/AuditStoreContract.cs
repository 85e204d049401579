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

    [Fact]
    public async Task Feedback_is_stored_and_read_back_newest_first_in_posted_order()
    {
        await using var store = Open();
        var ct = TestContext.Current.CancellationToken;
        var accepted = new FeedbackEntry("f1", "2026-11-24T10:00:00.0000000Z", "fusionguide-patient-view", "card-1", "accepted", ["s1", "s2"],
            null, null, null, null, "2026-11-24T09:59:00.0000000+00:00");
        var overridden = new FeedbackEntry("f2", "2026-11-24T10:00:00.0000000Z", "fusionguide-patient-view", "card-2", "overridden", [],
            "urn:x", "patient-preference", "Patient preference", "declined — µ", "2026-11-24T09:59:30.0000000+00:00");
        var later = accepted with { Id = "f3", ReceivedAt = "2026-11-24T11:00:00.0000000Z", ServiceId = "fusionguide-order-select", AcceptedSuggestions = ["s9"] };
        await store.AppendFeedbackAsync([accepted, overridden], ct);
        await store.AppendFeedbackAsync([later], ct);
        var read = await store.ListFeedbackAsync(0, 10, ct);
        Assert.Equal(["f3", "f1", "f2"], read.Select(f => f.Id));
        Assert.Equal(["s1", "s2"], read[1].AcceptedSuggestions);
        Assert.Equal(overridden with { AcceptedSuggestions = read[2].AcceptedSuggestions }, read[2]);
        Assert.Empty(read[2].AcceptedSuggestions);
        Assert.Equal(["f1"], (await store.ListFeedbackAsync(1, 1, ct)).Select(f => f.Id));
        // Feedback lives beside the chain, not in it.
        Assert.Equal(new ChainVerification(0, null, null), await store.VerifyAsync(ct));
    }

    [Fact]
    public async Task A_hook_instance_finds_its_newest_audit_record()
    {
        await using var store = Open();
        var ct = TestContext.Current.CancellationToken;
        Assert.Null(await store.FindHookInstanceAsync("hi-1", ct));
        var first = await store.AppendAsync(Entry(1), ct);
        var second = await store.AppendAsync(Entry(2), ct);
        await store.LinkHookInstanceAsync(new HookInstanceLink("hi-1", first.Id, "fusionguide-patient-view", "patient-view", "2026-11-24T10:00:00Z"), ct);
        await store.LinkHookInstanceAsync(new HookInstanceLink("hi-1", second.Id, "fusionguide-patient-view", "patient-view", "2026-11-24T10:01:00Z"), ct);
        await store.LinkHookInstanceAsync(new HookInstanceLink("hi-1", second.Id, "fusionguide-patient-view", "patient-view", "2026-11-24T10:01:00Z"), ct);
        Assert.Equal(second.Id, await store.FindHookInstanceAsync("hi-1", ct));
        Assert.Null(await store.FindHookInstanceAsync("hi-2", ct));
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
