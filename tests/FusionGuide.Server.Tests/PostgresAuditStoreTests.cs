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
