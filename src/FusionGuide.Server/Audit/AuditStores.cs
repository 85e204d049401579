namespace FusionGuide.Server.Audit;

/// <summary>Which audit store a server or <c>audit verify</c> uses.</summary>
/// <param name="SqlitePath">A SQLite file (used when no PostgreSQL connection is given).</param>
/// <param name="PostgresConnection">A PostgreSQL connection string.</param>
public sealed record AuditStoreOptions(string? SqlitePath, string? PostgresConnection)
{
    /// <summary>The default SQLite file, in the working directory.</summary>
    public const string DefaultSqliteFile = "fusionguide-audit.db";

    /// <summary>Opens the chosen store with <paramref name="access"/> (nothing touches the database until first use).</summary>
    public SqlAuditStore Open(AuditStoreAccess access = AuditStoreAccess.Migrate) => PostgresConnection is { Length: > 0 } pg
        ? new PostgresAuditStore(pg, access)
        : new SqliteAuditStore(SqlitePath ?? DefaultSqliteFile, access);

    /// <summary>True for a SQLite store.</summary>
    public bool IsSqlite => PostgresConnection is not { Length: > 0 };

    /// <summary>The SQLite file's full path (SQLite stores only).</summary>
    public string SqliteFullPath => Path.GetFullPath(SqlitePath ?? DefaultSqliteFile);

    /// <summary>Where the records are, for messages (a PostgreSQL connection string may hold a password: never shown).</summary>
    public string Describe() => PostgresConnection is { Length: > 0 }
        ? "PostgreSQL"
        : $"SQLite file {Path.GetFullPath(SqlitePath ?? DefaultSqliteFile)}";
}
