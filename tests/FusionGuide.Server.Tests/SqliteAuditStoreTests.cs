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

    [Fact]
    public async Task The_schema_is_created_in_a_new_file_on_first_use()
    {
        await using var store = Open();
        Assert.False(File.Exists(DbPath));
        Assert.True((await store.VerifyAsync(TestContext.Current.CancellationToken)).IsIntact);
        Assert.True(File.Exists(DbPath));
    }
}
