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

    /// <summary>SQL that makes every insert of a record whose case id is <c>poison</c> fail (a trigger).</summary>
    protected abstract string PoisonTriggerSql { get; }

    /// <summary>Takes the lock an append needs from another connection, as a second server mid-append would, until disposed.</summary>
    protected abstract Task<IAsyncDisposable> HoldChainLock();

    /// <summary>Bytes the database gives to the audit records (table, indexes, out-of-line storage).</summary>
    protected abstract Task<long> RecordBytesAsync();

    /// <summary>"sqlite" or "postgresql", naming the measurement file.</summary>
    protected abstract string Dialect { get; }

    /// <summary>
    /// Issue #22 item 5: results and cases are stored compressed. Real answers — the vignette and example cases through
    /// the engine — are appended, and the bytes per record measured; they go to .build/artifacts/audit-record-size-*.txt
    /// for docs/audit-sizing.md.
    /// </summary>
    [Fact]
    public async Task Results_and_cases_are_stored_compressed_at_a_measured_size_per_record()
    {
        var ct = TestContext.Current.CancellationToken;
        var engine = new FusionGuide.Engine.FusionEngine(FusionGuide.Knowledge.Loading.KnowledgeLoader.Embedded);
        var cases = Directory.GetFiles(Path.Combine(Paths.Root, "tests", "vignettes", "cases"), "*.json")
            .Select(f => System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(f)).RootElement.GetProperty("case").GetRawText()))
            .Concat(Directory.GetFiles(Path.Combine(Paths.Root, "examples"), "*.json").Select(File.ReadAllBytes))
            .Where(b => FusionGuide.Domain.Validation.CaseReader.Read(b).IsValid).ToList();
        const int Records = 720;
        long resultBytes = 0, caseBytes = 0, before;
        await using (var store = Open())
        {
            await store.AppendAsync(Entry(0), ct);
            before = await RecordBytesAsync();
            var appends = new List<Task<AuditRecord>>();
            for (var i = 0; i < Records; i++)
            {
                var bytes = cases[i % cases.Count];
                var read = FusionGuide.Domain.Validation.CaseReader.Read(bytes);
                var result = engine.Evaluate(read.Case!, new DateOnly(2026, 11, 24), read.Notices);
                var json = FusionGuide.Domain.Wire.ContractJson.Serialize(result, indented: false);
                resultBytes += System.Text.Encoding.UTF8.GetByteCount(json);
                caseBytes += bytes.Length;
                appends.Add(store.AppendAsync(new AuditEntry("2026-11-24T10:00:00.0000000Z", result.CaseId, AuditChain.Sha256(bytes),
                    result.KnowledgeBaseVersion, result.AsOf!, json, System.Text.Encoding.UTF8.GetString(bytes)), ct));
            }

            await Task.WhenAll(appends);
            Assert.True((await store.VerifyAsync(ct)).IsIntact);
        }

        var perRecord = (await RecordBytesAsync() - before) / (double)Records;
        var text = (resultBytes + caseBytes) / (double)Records;
        await File.WriteAllTextAsync(Path.Combine(Paths.Artifacts, $"audit-record-size-{Dialect}.txt"),
            $"{Dialect}: {Records} records of {cases.Count} distinct cases; result text {resultBytes / (double)Records:F0} B, case text {caseBytes / (double)Records:F0} B, stored {perRecord:F0} B per record\n", ct);
        // Stored with its case, a record still takes under a third of what its text alone would.
        Assert.True(perRecord * 3 < text, $"{perRecord:F0} B stored per record for {text:F0} B of text");
    }

    private static AuditEntry Entry(int n) => new($"2026-11-24T10:00:{n % 60:00}.0000000Z", n % 3 == 0 ? null : $"case-{n}",
        Audit.AuditChain.Sha256([(byte)n]), "2026.11.0", "2026-11-24", $$"""{"caseId":"case-{{n}}","n":{{n}},"text":"ALK ≥ 15 % — µ"}""",
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{{\"id\":\"case-{n}\",\"patient\":{{\"age\":{40 + n}}}}}"),
        new AuditCaller("api-key", $"client-{n % 4}"));

    [Fact]
    public async Task Appends_link_each_record_to_the_one_before()
    {
        await using var store = Open();
        var first = await store.AppendAsync(Entry(1), TestContext.Current.CancellationToken);
        var second = await store.AppendAsync(Entry(2), TestContext.Current.CancellationToken);
        // The first record follows the store's genesis, which binds the chain to the store's id.
        var genesis = (await store.ReadStateAsync(TestContext.Current.CancellationToken))!.Store;
        Assert.Equal((1, AuditChain.GenesisHash(genesis)), (first.Id, first.PrevHash));
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
            Assert.Equal(new ChainVerification(60, null, null), await stores[0].VerifyAsync(TestContext.Current.CancellationToken));
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
    [InlineData("UPDATE audit_record SET case_br = result_br WHERE id = 4", 4L)]
    [InlineData("UPDATE audit_record SET case_br = NULL WHERE id = 2", 2L)]
    [InlineData("UPDATE audit_record SET result_br = case_br WHERE id = 5", 5L)]
    [InlineData("UPDATE audit_record SET format = 1 WHERE id = 3", 3L)]
    [InlineData("UPDATE audit_record SET caller_name = 'someone-else' WHERE id = 4", 4L)]
    [InlineData("UPDATE audit_record SET caller_kind = 'oidc' WHERE id = 2", 2L)]
    [InlineData("UPDATE audit_record SET format = 2 WHERE id = 5", 5L)]
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
    public async Task The_case_is_stored_with_its_result_and_read_back_as_it_was_given()
    {
        await using var store = Open();
        var ct = TestContext.Current.CancellationToken;
        var appended = await store.AppendAsync(Entry(4), ct);
        var read = await store.GetAsync(appended.Id, ct);
        Assert.Equal(Entry(4), read!.Entry);
        Assert.Equal((AuditRecord.CurrentFormat, appended.Hash), (read.Format, read.Hash));
        // The hash covers the case: the same record with another case has another hash.
        Assert.NotEqual(read.Hash, AuditChain.Hash(read.PrevHash, read.Id, read.Entry with { CaseJson = "{}" }));
    }

    [Fact]
    public async Task Who_asked_is_stored_read_back_and_covered_by_the_hash_and_an_unnamed_caller_is_recorded_as_anonymous()
    {
        await using var store = Open();
        var ct = TestContext.Current.CancellationToken;
        var named = await store.AppendAsync(Entry(1) with { Caller = new AuditCaller("oidc", "dr.ayse") }, ct);
        var unnamed = await store.AppendAsync(Entry(2) with { Caller = null }, ct);
        Assert.Equal(new AuditCaller("oidc", "dr.ayse"), (await store.GetAsync(named.Id, ct))!.Entry.Caller);
        Assert.Equal(AuditCaller.Anonymous, (await store.GetAsync(unnamed.Id, ct))!.Entry.Caller);
        Assert.Equal(AuditCaller.Anonymous, (await store.ListAsync(0, 1, ct)).Records[0].Entry.Caller);
        Assert.NotEqual(named.Hash, AuditChain.Hash(named.PrevHash, named.Id, named.Entry with { Caller = new AuditCaller("oidc", "dr.someone") }));
        Assert.Equal(new ChainVerification(2, null, null), await store.VerifyAsync(ct));
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

    [Fact]
    public async Task A_report_token_opens_only_its_own_record_and_is_stored_only_as_a_hash()
    {
        await using var store = Open();
        var ct = TestContext.Current.CancellationToken;
        var first = await store.AppendAsync(Entry(1), ct);
        var second = await store.AppendAsync(Entry(2), ct);
        await store.LinkReportAsync("token-of-the-first-call", first.Id, "2026-11-24T10:00:00Z", ct);
        await store.LinkReportAsync("token-of-the-second-call", second.Id, "2026-11-24T10:01:00Z", ct);
        Assert.Equal(first.Id, await store.FindReportAsync("token-of-the-first-call", ct));
        Assert.Equal(second.Id, await store.FindReportAsync("token-of-the-second-call", ct));
        Assert.Null(await store.FindReportAsync("token-of-another-call", ct));
        Assert.Null(await store.FindReportAsync(AuditChain.Sha256("token-of-the-first-call"u8), ct));
    }

    [Fact]
    public async Task Two_hundred_parallel_appends_form_one_unbroken_chain_and_each_caller_gets_its_own_record()
    {
        await using var store = Open();
        var ct = TestContext.Current.CancellationToken;
        var entries = Enumerable.Range(1, 200).Select(Entry).ToList();
        var records = await Task.WhenAll(entries.Select(e => Task.Run(() => store.AppendAsync(e, ct), ct)));
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), records.Select(r => r.Id).Order());
        for (var i = 0; i < entries.Count; i++)
        {
            Assert.Same(entries[i], records[i].Entry);
            Assert.Equal(records[i], await store.GetAsync(records[i].Id, ct));
        }

        Assert.Equal(new ChainVerification(200, null, null), await store.VerifyAsync(ct));
    }

    [Fact]
    public async Task Appends_that_arrive_while_a_transaction_waits_are_committed_together_in_the_next_one()
    {
        await using var store = Open();
        var ct = TestContext.Current.CancellationToken;
        await store.AppendAsync(Entry(0), ct);
        Task<AuditRecord> first;
        List<Task<AuditRecord>> rest;
        await using (await HoldChainLock())
        {
            first = store.AppendAsync(Entry(1), ct);
            await Until(() => store.QueuedAppends == 0);
            rest = [.. Enumerable.Range(2, 199).Select(n => Task.Run(() => store.AppendAsync(Entry(n), ct), ct))];
            await Until(() => store.QueuedAppends == 199);
            Assert.False(first.IsCompleted);
        }

        var records = await Task.WhenAll([first, .. rest]);
        // One transaction for the warm-up, one for the append that waited on the lock, one for the 199 queued behind it.
        Assert.Equal(3, store.CommittedTransactions);
        Assert.Equal(2, records[0].Id);
        Assert.Equal(Enumerable.Range(3, 199).Select(i => (long)i), records.Skip(1).Select(r => r.Id).Order());
        Assert.Equal(new ChainVerification(201, null, null), await store.VerifyAsync(ct));
    }

    [Fact]
    public async Task A_failing_append_in_a_batch_fails_only_its_own_request()
    {
        await using var store = Open();
        var ct = TestContext.Current.CancellationToken;
        await store.AppendAsync(Entry(1), ct);
        await Tamper(PoisonTriggerSql);
        Task<AuditRecord> first;
        List<Task<AuditRecord>> batch;
        await using (await HoldChainLock())
        {
            first = store.AppendAsync(Entry(2), ct);
            await Until(() => store.QueuedAppends == 0);
            batch = [.. Enumerable.Range(3, 20).Select(n => store.AppendAsync(n == 12 ? Entry(n) with { CaseId = "poison" } : Entry(n), ct))];
            await Until(() => store.QueuedAppends == 20);
        }

        Assert.Equal(2, (await first).Id);
        var poisoned = batch[12 - 3];
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => poisoned);
        Assert.Contains("poison", failure.Message, StringComparison.Ordinal);
        // The other 19 are stored, chained in the order they arrived, each returned to its own caller.
        var stored = await Task.WhenAll(batch.Where(t => t != poisoned));
        Assert.Equal(Enumerable.Range(3, 19).Select(i => (long)i), stored.Select(r => r.Id));
        Assert.DoesNotContain(stored, r => r.Entry.CaseId == "poison");
        Assert.Equal(21, (await store.ListAsync(0, 100, ct)).Total);
        Assert.Equal(22, (await store.AppendAsync(Entry(99), ct)).Id);
        Assert.Equal(new ChainVerification(22, null, null), await store.VerifyAsync(ct));
    }

    [Fact]
    public async Task A_failing_append_alone_fails_and_the_chain_goes_on()
    {
        await using var store = Open();
        var ct = TestContext.Current.CancellationToken;
        await store.AppendAsync(Entry(1), ct);
        await Tamper(PoisonTriggerSql);

        await Assert.ThrowsAnyAsync<Exception>(() => store.AppendAsync(Entry(2) with { CaseId = "poison" }, ct));

        Assert.Equal(2, (await store.AppendAsync(Entry(3), ct)).Id);
        Assert.True((await store.VerifyAsync(ct)).IsIntact);
    }

    [Fact]
    public async Task An_append_cancelled_before_its_transaction_starts_is_withdrawn()
    {
        await using var store = Open();
        var ct = TestContext.Current.CancellationToken;
        await store.AppendAsync(Entry(1), ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task<AuditRecord> first, withdrawn;
        await using (await HoldChainLock())
        {
            first = store.AppendAsync(Entry(2), ct);
            await Until(() => store.QueuedAppends == 0);
            withdrawn = store.AppendAsync(Entry(3), cancel.Token);
            await cancel.CancelAsync();
        }

        Assert.Equal(2, (await first).Id);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawn);
        Assert.Equal(2, (await store.ListAsync(0, 100, ct)).Total);
        Assert.Equal(3, (await store.AppendAsync(Entry(4), ct)).Id);
    }

    [Fact]
    public async Task Disposing_the_store_writes_every_queued_append_first_then_refuses_new_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = Open();
        await store.AppendAsync(Entry(1), ct);
        Task<AuditRecord> first;
        List<Task<AuditRecord>> queued;
        Task disposing;
        await using (await HoldChainLock())
        {
            first = store.AppendAsync(Entry(2), ct);
            await Until(() => store.QueuedAppends == 0);
            queued = [.. Enumerable.Range(3, 30).Select(n => store.AppendAsync(Entry(n), ct))];
            disposing = store.DisposeAsync().AsTask();
            await Task.Delay(50, ct);
            Assert.False(disposing.IsCompleted);
        }

        await disposing;
        Assert.Equal(Enumerable.Range(2, 31).Select(i => (long)i), (await Task.WhenAll([first, .. queued])).Select(r => r.Id).Order());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AppendAsync(Entry(40), ct));
        await using var reopened = Open();
        Assert.Equal(new ChainVerification(32, null, null), await reopened.VerifyAsync(ct));
    }

    /// <summary>Waits (polling, at most 30 s) until <paramref name="condition"/> holds.</summary>
    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the store's writer");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
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
