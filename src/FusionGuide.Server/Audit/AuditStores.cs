namespace FusionGuide.Server.Audit;

/// <summary>Which audit store a server or <c>audit verify</c> uses.</summary>
/// <param name="SqlitePath">A SQLite file (used when no PostgreSQL connection is given).</param>
/// <param name="PostgresConnection">A PostgreSQL connection string.</param>
public sealed record AuditStoreOptions(string? SqlitePath, string? PostgresConnection)
{
    /// <summary>The default SQLite file, in the working directory.</summary>
    public const string DefaultSqliteFile = "fusionguide-audit.db";

    /// <summary>Opens the chosen store (nothing touches the database until first use).</summary>
    public SqlAuditStore Open() => PostgresConnection is { Length: > 0 } pg
        ? new PostgresAuditStore(pg)
        : new SqliteAuditStore(SqlitePath ?? DefaultSqliteFile);

    /// <summary>Where the records are, for messages (a PostgreSQL connection string may hold a password: never shown).</summary>
    public string Describe() => PostgresConnection is { Length: > 0 }
        ? "PostgreSQL"
        : $"SQLite file {Path.GetFullPath(SqlitePath ?? DefaultSqliteFile)}";
}
