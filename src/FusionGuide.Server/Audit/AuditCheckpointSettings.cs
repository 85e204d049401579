namespace FusionGuide.Server.Audit;

/// <summary>How a server checkpoints its audit store and what it may do to the store's schema.</summary>
public sealed record AuditCheckpointSettings
{
    /// <summary>The default time between checkpoints.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The checkpoint directory (<c>--audit-checkpoints</c>). Null: beside a SQLite file (<c>FILE.checkpoints</c>);
    /// none for PostgreSQL (the server then warns that nothing outside the database anchors the chain).
    /// </summary>
    public string? Directory { get; init; }

    /// <summary>True when <c>--audit-checkpoints off</c> turned checkpoints off.</summary>
    public bool Off { get; init; }

    /// <summary>The signing key, a PEM ECDSA P-256 private key (<c>--audit-key</c>). Null: a key created beside the directory.</summary>
    public string? KeyFile { get; init; }

    /// <summary>A signer to use instead of a key file (an HSM or KMS; set by a host, not the command line).</summary>
    public ICheckpointSigner? Signer { get; init; }

    /// <summary>Time between checkpoints (one is also written at start and at shutdown).</summary>
    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>Begin a new chain when the store is missing though checkpoints name one (<c>--audit-new-chain</c>).</summary>
    public bool NewChain { get; init; }

    /// <summary>
    /// <see cref="AuditStoreAccess.Migrate"/> (<c>--audit-schema migrate</c>, the default): the server creates or upgrades
    /// the schema when needed; <see cref="AuditStoreAccess.AppendOnly"/> (<c>--audit-schema existing</c>): it never runs
    /// DDL and refuses to start on a store <c>audit migrate</c> has not prepared.
    /// </summary>
    public AuditStoreAccess Schema { get; init; } = AuditStoreAccess.Migrate;

    /// <summary>The directory in use for <paramref name="store"/>, or null when there is none.</summary>
    public string? ResolveDirectory(AuditStoreOptions store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Off ? null : Directory ?? (store.IsSqlite ? CheckpointDirectory.BesideSqlite(store.SqliteFullPath) : null);
    }

    /// <summary>The key file used when none is given: beside the checkpoint directory, never inside the database.</summary>
    public static string DefaultKeyFile(string directory) => Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar) + ".key.pem";
}

/// <summary>Checks shared by the server's start and <c>audit verify</c>.</summary>
public static class CheckpointChecks
{
    /// <summary>
    /// Null when <paramref name="latest"/> (the checkpoint naming the highest record) is of this store, or of the store
    /// this one's chain was begun after; else why the database is not the store the checkpoints vouch for.
    /// </summary>
    public static string? StoreMismatch(AuditStoreInfo store, AuditCheckpoint latest)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(latest);
        if (latest.StoreId == store.StoreId)
        {
            return null;
        }

        return store.PreviousStoreId == latest.StoreId && store.PreviousLastId == latest.LastId && store.PreviousLastHash == latest.LastHash && store.FirstId > latest.LastId
            ? null
            : $"the latest checkpoint ({latest.Time}) vouches for store {latest.StoreId} up to record {latest.LastId}, but the database holds store {store.StoreId} "
              + "(its records were wiped and the store recreated, or it was replaced)";
    }

    /// <summary>Signer from the settings: the given signer, the key file, or a key created (once) beside the directory.</summary>
    public static ICheckpointSigner Signer(AuditCheckpointSettings settings, string directory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Signer is { } s)
        {
            return s;
        }

        if (settings.KeyFile is { } f)
        {
            return EcdsaCheckpointSigner.FromPemFile(f);
        }

        var file = AuditCheckpointSettings.DefaultKeyFile(directory);
        return File.Exists(file) ? EcdsaCheckpointSigner.FromPemFile(file) : EcdsaCheckpointSigner.CreatePemFile(file);
    }
}

/// <summary>The server will not run on this audit store (it is behind its checkpoints, missing, or not migrated).</summary>
public sealed class AuditStoreRefusedException(string message) : Exception(message);
