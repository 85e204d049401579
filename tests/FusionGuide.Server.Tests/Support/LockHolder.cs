using System.Data.Common;

namespace FusionGuide.Server.Tests.Support;

/// <summary>An open connection holding a lock; disposing runs <c>release</c> (a rollback) and closes it.</summary>
internal sealed class LockHolder(DbConnection connection, string release) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await using (connection)
        {
            await using var cmd = connection.CreateCommand();
#pragma warning disable CA2100 // A constant of the tests.
            cmd.CommandText = release;
#pragma warning restore CA2100
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
