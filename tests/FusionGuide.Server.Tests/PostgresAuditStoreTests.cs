using FusionGuide.Server.Audit;
using FusionGuide.Server.Tests.Support;
using Npgsql;

namespace FusionGuide.Server.Tests;

/// <summary>The store contract against a real PostgreSQL server; each test gets a database of its own.</summary>
public sealed class PostgresAuditStoreTests : AuditStoreContract, IClassFixture<PostgresCluster>, IAsyncLifetime
{
    private readonly PostgresCluster cluster;
    private readonly string database = $"fg_{Guid.NewGuid():N}";

    public PostgresAuditStoreTests(PostgresCluster cluster)
    {
        this.cluster = cluster;
        Paths.RequireTool(cluster.Available, "PostgreSQL (Debian package postgresql)");
    }

    private string ConnectionString => new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = database }.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        if (!cluster.Available)
        {
            return;
        }

        await using var c = new NpgsqlConnection(cluster.ConnectionString);
        await c.OpenAsync();
        await Execute(c, $"CREATE DATABASE {database}");
    }

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_case_id_PostgreSQL_refuses_fails_only_its_own_append_in_a_batch()
    {
        // PostgreSQL text cannot hold U+0000 (the reader now refuses it, but the store must not depend on that).
        await using var store = Open();
        var ct = TestContext.Current.CancellationToken;
        await store.AppendAsync(Entry("first"), ct);
        Task<AuditRecord> held;
        List<Task<AuditRecord>> batch;
        await using (await HoldChainLock())
        {
            held = store.AppendAsync(Entry("held"), ct);
            while (store.QueuedAppends != 0)
            {
                await Task.Delay(5, ct);
            }

            batch = [.. Enumerable.Range(0, 10).Select(n => store.AppendAsync(Entry(n == 4 ? "nul\0id" : $"case-{n}"), ct))];
            while (store.QueuedAppends != 10)
            {
                await Task.Delay(5, ct);
            }
        }

        Assert.Equal(2, (await held).Id);
        await Assert.ThrowsAnyAsync<Exception>(() => batch[4]);
        Assert.Equal(9, (await Task.WhenAll(batch.Where((_, i) => i != 4))).Length);
        Assert.Equal(new ChainVerification(11, null, null), await store.VerifyAsync(ct));
    }

    [Fact]
    public async Task A_frozen_instance_holding_the_chain_head_delays_another_by_the_lock_timeout_and_is_cut_off_by_the_idle_timeout()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var store = Open();
        await store.AppendAsync(Entry("first"), ct);
        // The frozen instance: a session with the server's own settings that locks the head, as an append does, and
        // then does nothing more (a process stopped with SIGSTOP, a VM paused) — it never commits nor closes.
        var frozen = new NpgsqlConnection(PostgresAuditStore.WithTimeouts(ConnectionString, AuditStoreAccess.Migrate));
        await frozen.OpenAsync(ct);
        await Execute(frozen, "BEGIN; SELECT last_id FROM audit_chain_head WHERE singleton = 1 FOR UPDATE;");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // lock_timeout (10 s): the other instance's append fails after seconds, not never.
        var blocked = await Assert.ThrowsAsync<PostgresException>(() => store.AppendAsync(Entry("blocked"), ct));
        Assert.Equal(PostgresErrorCodes.LockNotAvailable, blocked.SqlState);
        Assert.InRange(clock.Elapsed.TotalSeconds, 9, 25);

        // idle_in_transaction_session_timeout (30 s): PostgreSQL ends the frozen session and its lock, and appends resume.
        AuditRecord? next = null;
        while (next is null && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                next = await store.AppendAsync(Entry("after"), ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
            }
        }

        Assert.NotNull(next);
        Assert.InRange(clock.Elapsed.TotalSeconds, 25, 45);
        Assert.Equal(2, next.Id);
        await Assert.ThrowsAnyAsync<Exception>(() => Execute(frozen, "COMMIT;"));
        await frozen.DisposeAsync();
        Assert.Equal(new ChainVerification(2, null, null), await store.VerifyAsync(ct));
    }

    [Fact]
    public async Task Records_cannot_be_updated_or_deleted_even_by_the_owner_while_the_triggers_stand()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var store = Open())
        {
            await store.AppendAsync(Entry("a"), ct);
        }

        await using var c = new NpgsqlConnection(ConnectionString);
        await c.OpenAsync(ct);
        foreach (var sql in new[] { "UPDATE audit_record SET case_id = 'x' WHERE id = 1", "DELETE FROM audit_record WHERE id = 1", "TRUNCATE audit_record", "DELETE FROM audit_chain_head" })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => Execute(c, sql));
            Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_append_only_role_appends_and_a_select_only_role_verifies_without_writing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (code, _, stderr) = await RunCommand("audit", "migrate", "--postgres", ConnectionString);
        Assert.True(code == 0, stderr);
        var server = $"fg_server_{Guid.NewGuid():N}"[..24];
        var verifier = $"fg_verify_{Guid.NewGuid():N}"[..24];
        await using (var c = new NpgsqlConnection(ConnectionString))
        {
            await c.OpenAsync(ct);
            // The roles docs/audit-integrity.md documents.
            await Execute(c, $"""
                CREATE ROLE {server} LOGIN;
                GRANT SELECT, INSERT ON audit_record, cds_hook_instance, cds_feedback TO {server};
                GRANT SELECT, UPDATE ON audit_chain_head TO {server};
                GRANT SELECT ON audit_store TO {server};
                CREATE ROLE {verifier} LOGIN;
                GRANT SELECT ON audit_record, audit_chain_head, audit_store, cds_hook_instance, cds_feedback TO {verifier};
                """);
        }

        string As(string role) => new NpgsqlConnectionStringBuilder(ConnectionString) { Username = role }.ConnectionString;
        await using (var appender = new PostgresAuditStore(As(server), AuditStoreAccess.AppendOnly))
        {
            var first = await appender.AppendAsync(Entry("a"), ct);
            var second = await appender.AppendAsync(Entry("b"), ct);
            Assert.Equal((1L, 2L), (first.Id, second.Id));
            await appender.LinkHookInstanceAsync(new HookInstanceLink("hi", 1, "svc", "patient-view", "2026-11-24T10:00:00Z"), ct);
        }

        await using (var c = new NpgsqlConnection(As(server)))
        {
            await c.OpenAsync(ct);
            await Assert.ThrowsAsync<PostgresException>(() => Execute(c, "UPDATE audit_record SET case_id = 'x'"));
        }

        (code, var stdout, stderr) = await RunCommand("audit", "verify", "--postgres", As(verifier));
        Assert.True(code == 0, stdout + stderr);
        Assert.StartsWith("intact: 2 records", stdout, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunCommand(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await FusionGuide.Server.Commands.ServerProgram.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static AuditEntry Entry(string caseId) =>
        new("2026-11-24T10:00:00.0000000Z", caseId, AuditChain.Sha256([1]), "2026.11.0", "2026-11-24", "{}");

    protected override SqlAuditStore Open() => new PostgresAuditStore(ConnectionString);

    protected override string PoisonTriggerSql => """
        CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.case_id = 'poison' THEN RAISE EXCEPTION 'poison record refused'; END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER poison BEFORE INSERT ON audit_record FOR EACH ROW EXECUTE FUNCTION poison();
        """;

    protected override string Dialect => "postgresql";

    protected override async Task<long> RecordBytesAsync()
    {
        await using var c = new NpgsqlConnection(ConnectionString);
        await c.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT pg_total_relation_size('audit_record')", c);
        return (long)(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    protected override async Task<IAsyncDisposable> HoldChainLock()
    {
        var c = new NpgsqlConnection(ConnectionString);
        await c.OpenAsync(TestContext.Current.CancellationToken);
        await Execute(c, "BEGIN; SELECT last_id FROM audit_chain_head WHERE singleton = 1 FOR UPDATE;");
        return new LockHolder(c, "ROLLBACK;");
    }

    protected override async Task Tamper(string sql)
    {
        // Someone with the owner's or a superuser's rights: the append-only triggers are bypassed (replica mode).
        await using var c = new NpgsqlConnection(ConnectionString);
        await c.OpenAsync(TestContext.Current.CancellationToken);
        await Execute(c, "SET session_replication_role = replica;");
        await Execute(c, sql);
    }
}
