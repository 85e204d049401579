using FusionGuide.Server.Audit;
using FusionGuide.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace FusionGuide.Server.Tests;

public sealed class SqliteAuditStoreTests : AuditStoreContract, IDisposable
{
    private readonly TempDir dir = new("fg-sqlite-");

    private string DbPath => dir.File("audit.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        dir.Dispose();
    }

    protected override SqlAuditStore Open() => new SqliteAuditStore(DbPath);

    protected override async Task Tamper(string sql)
    {
        await using var c = new SqliteConnection($"Data Source={DbPath};Pooling=false");
        await c.OpenAsync(TestContext.Current.CancellationToken);
        await Execute(c, sql);
    }

    protected override string PoisonTriggerSql => """
        CREATE TRIGGER poison BEFORE INSERT ON audit_record WHEN NEW.case_id = 'poison'
        BEGIN SELECT RAISE(ABORT, 'poison record refused'); END;
        """;

    protected override string Dialect => "sqlite";

    protected override async Task<long> RecordBytesAsync()
    {
        // The whole file once the write-ahead log is folded in (only the audit records grow in the measurement).
        await using var c = new SqliteConnection($"Data Source={DbPath};Pooling=false");
        await c.OpenAsync(TestContext.Current.CancellationToken);
        await Execute(c, "PRAGMA wal_checkpoint(TRUNCATE);");
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()";
        return (long)(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    protected override async Task<IAsyncDisposable> HoldChainLock()
    {
        var c = new SqliteConnection($"Data Source={DbPath};Pooling=false");
        await c.OpenAsync(TestContext.Current.CancellationToken);
        await Execute(c, "BEGIN IMMEDIATE;");
        return new LockHolder(c, "ROLLBACK;");
    }

    [Fact]
    public async Task A_new_audit_database_and_its_write_ahead_log_are_readable_by_their_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes");
            return;
        }

        await using (var store = Open())
        {
            await store.AppendAsync(new AuditEntry("2026-11-24T10:00:00.0000000Z", null, new string('a', 64), "2026.11.0", "2026-11-24", "{}"), TestContext.Current.CancellationToken);
            Assert.True(File.Exists(DbPath + "-wal"));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DbPath + "-wal"));
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DbPath));
    }

    [Fact]
    public async Task The_audit_database_is_in_write_ahead_log_mode_after_an_append()
    {
        await using var store = Open();
        await store.AppendAsync(new AuditEntry("2026-11-24T10:00:00.0000000Z", null, new string('a', 64), "2026.11.0", "2026-11-24", "{}"), TestContext.Current.CancellationToken);
        await using var c = new SqliteConnection($"Data Source={DbPath};Pooling=false");
        await c.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_schema_is_created_in_a_new_file_on_first_use()
    {
        await using var store = Open();
        Assert.False(File.Exists(DbPath));
        Assert.True((await store.VerifyAsync(TestContext.Current.CancellationToken)).IsIntact);
        Assert.True(File.Exists(DbPath));
    }
}
