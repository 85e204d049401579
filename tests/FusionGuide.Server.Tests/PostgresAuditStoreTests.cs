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
        await using var c = new NpgsqlConnection(ConnectionString);
        await c.OpenAsync(TestContext.Current.CancellationToken);
        await Execute(c, sql);
    }
}
