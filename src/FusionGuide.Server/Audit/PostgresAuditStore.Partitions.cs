using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FusionGuide.Server.Audit;

/// <summary>
/// Records partitioned by month (issue #22 item 5): <c>audit_record</c> is range-partitioned on <c>recorded_at</c>
/// (ISO 8601 text in the "C" collation, so text order is time order) into <c>audit_record_yYYYYmMM</c> tables, with a
/// <c>audit_record_default</c> partition so that an append never fails for want of one. A month is archived by
/// <c>audit archive</c> (detach, signed manifest) and <c>pg_dump</c>; see docs/audit-sizing.md.
/// </summary>
public sealed partial class PostgresAuditStore
{
    /// <summary>How many months after the current one <c>audit migrate</c> and the server keep partitions ready for.</summary>
    public const int MonthsAhead = 3;

    /// <summary>
    /// <c>fusionguide_audit_add_month(date)</c> creates one month's partition (with the TRUNCATE trigger, which row
    /// triggers' cloning does not carry) unless it exists or the default partition holds records of that month (they
    /// would not fit: <c>audit migrate</c> moves them first); <c>fusionguide_audit_add_months(n)</c> does so for the
    /// current month and the next <c>n</c>. SECURITY DEFINER, owned by the owner role: the append-only server role may
    /// add months (GRANT EXECUTE) without owning the table. The search path is fixed to the schema it was created in.
    /// </summary>
    private const string PartitionFunctionsSql = """
        CREATE OR REPLACE FUNCTION fusionguide_audit_add_month(month date) RETURNS boolean
        LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
        DECLARE
            m date := date_trunc('month', month)::date;
            part text := format('audit_record_y%sm%s', to_char(m, 'YYYY'), to_char(m, 'MM'));
            lo text := to_char(m, 'YYYY-MM-DD');
            hi text := to_char((m + interval '1 month')::date, 'YYYY-MM-DD');
        BEGIN
            IF to_regclass(part) IS NOT NULL THEN RETURN false; END IF;
            IF EXISTS (SELECT 1 FROM audit_record_default WHERE recorded_at >= lo AND recorded_at < hi) THEN RETURN false; END IF;
            EXECUTE format('CREATE TABLE %I PARTITION OF audit_record FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
            EXECUTE format('CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION fusionguide_audit_refuse()', part);
            RETURN true;
        END $$;
        CREATE OR REPLACE FUNCTION fusionguide_audit_add_months(ahead integer) RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
        DECLARE created integer := 0;
        BEGIN
            FOR i IN 0..ahead LOOP
                IF fusionguide_audit_add_month((date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => i))::date) THEN
                    created := created + 1;
                END IF;
            END LOOP;
            RETURN created;
        END $$;
        REVOKE ALL ON FUNCTION fusionguide_audit_add_month(date) FROM PUBLIC;
        REVOKE ALL ON FUNCTION fusionguide_audit_add_months(integer) FROM PUBLIC;
        """;

    /// <summary>
    /// Turns a plain <c>audit_record</c> into the partitioned one, in the migrate transaction: the old table is renamed,
    /// the new one created with the same columns (whatever earlier steps added), a partition made for every month its
    /// records name, the records copied (ids, hashes and bytes unchanged), the old table's grants given to the new one
    /// and the old table dropped. A store already partitioned is left alone.
    /// </summary>
    private const string PartitionRecordsSql = """
        DO $$
        DECLARE g record; m date;
        BEGIN
            IF EXISTS (SELECT 1 FROM pg_partitioned_table WHERE partrelid = to_regclass('audit_record')) THEN RETURN; END IF;
            ALTER TABLE audit_record RENAME TO audit_record_unpartitioned;
            ALTER TABLE audit_record_unpartitioned RENAME CONSTRAINT audit_record_pkey TO audit_record_unpartitioned_pkey;
            ALTER TABLE audit_record_unpartitioned ALTER COLUMN recorded_at TYPE TEXT COLLATE "C";
            CREATE TABLE audit_record (LIKE audit_record_unpartitioned INCLUDING DEFAULTS) PARTITION BY RANGE (recorded_at);
            -- The partition key must be part of the key; ids stay unique by the chain-head lock and are checked by verify.
            ALTER TABLE audit_record ADD CONSTRAINT audit_record_pkey PRIMARY KEY (id, recorded_at);
            CREATE TABLE audit_record_default PARTITION OF audit_record DEFAULT;
            CREATE TRIGGER audit_record_no_truncate BEFORE TRUNCATE ON audit_record_default FOR EACH STATEMENT EXECUTE FUNCTION fusionguide_audit_refuse();
            FOR m IN SELECT DISTINCT to_date(substr(recorded_at, 1, 7) || '-01', 'YYYY-MM-DD') FROM audit_record_unpartitioned
                     WHERE recorded_at ~ '^[0-9]{4}-(0[1-9]|1[0-2])-' LOOP
                PERFORM fusionguide_audit_add_month(m);
            END LOOP;
            INSERT INTO audit_record SELECT * FROM audit_record_unpartitioned;
            FOR g IN SELECT grantee, privilege_type FROM information_schema.role_table_grants
                     WHERE table_schema = current_schema() AND table_name = 'audit_record_unpartitioned'
                       AND grantee NOT IN ('PUBLIC', current_user) LOOP
                EXECUTE format('GRANT %s ON audit_record TO %I', g.privilege_type, g.grantee);
            END LOOP;
            DROP TABLE audit_record_unpartitioned;
        END $$;
        """;

    // The partition names this class makes, and the only table names it interpolates into SQL.
    [GeneratedRegex("^audit_record_y[0-9]{4}m(0[1-9]|1[0-2])$")]
    private static partial Regex PartitionName();

    /// <summary>The partition table of <paramref name="month"/> (<c>YYYY-MM</c>).</summary>
    public static string PartitionOf(string month)
    {
        var m = ParseMonth(month);
        return string.Create(CultureInfo.InvariantCulture, $"audit_record_y{m.Year:D4}m{m.Month:D2}");
    }

    /// <summary>The first day of <paramref name="month"/> (<c>YYYY-MM</c>); throws <see cref="FormatException"/> otherwise.</summary>
    public static DateOnly ParseMonth(string month) =>
        DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    protected override async Task UpgradeLayoutAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken)
    {
        await using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT EXISTS (SELECT 1 FROM pg_partitioned_table WHERE partrelid = to_regclass('audit_record'))";
            if (await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
            {
                await ExecuteAsync(connection, tx, $"{PartitionFunctionsSql} SELECT fusionguide_audit_add_months({MonthsAhead});", cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        // The function the TRUNCATE triggers call must exist before the partitions are made; the row triggers are then
        // installed on the new parent (PostgreSQL clones them to every partition, present and future).
        await ExecuteAsync(connection, tx, RefuseRewritesSql + PartitionFunctionsSql + PartitionRecordsSql + RefuseRewritesSql
            + $"SELECT fusionguide_audit_add_months({MonthsAhead});", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates the partitions of the current month and the next <see cref="MonthsAhead"/> that are missing (the server
    /// calls it at start and twice a day); returns how many it created. Needs EXECUTE on <c>fusionguide_audit_add_months</c>.
    /// </summary>
    public async Task<int> AddMonthsAheadAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT fusionguide_audit_add_months({MonthsAhead})";
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>The partitions attached to <c>audit_record</c>: name and bounds (<c>FOR VALUES …</c> or <c>DEFAULT</c>), by name.</summary>
    public async Task<IReadOnlyList<(string Name, string Bounds)>> PartitionsAsync(CancellationToken cancellationToken = default)
    {
        await using var c = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT c.relname::text, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = to_regclass('audit_record') ORDER BY 1
            """;
        var list = new List<(string, string)>();
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add((r.GetString(0), r.GetString(1)));
        }

        return list;
    }

    /// <summary>
    /// The records of <paramref name="month"/>'s partition, by id, read in one snapshot; null when that partition is not
    /// attached. Throws when the default partition holds records of the month (run <c>audit migrate</c> first).
    /// </summary>
    public async Task<(string Table, List<AuditRecord> Records)?> ReadMonthAsync(string month, CancellationToken cancellationToken = default)
    {
        var table = PartitionOf(month);
        var (lo, hi) = Bounds(month);
        await using var c = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginSnapshotAsync(c, cancellationToken).ConfigureAwait(false);
        if ((await PartitionsAsync(cancellationToken).ConfigureAwait(false)).All(p => p.Name != table))
        {
            return null;
        }

        await using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = $"SELECT count(*) FROM audit_record_default WHERE recorded_at >= '{lo}' AND recorded_at < '{hi}'";
            if (Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0)
            {
                throw new NotAnAuditStoreException($"records of {month} are in audit_record_default, not in {table}");
            }
        }

        return (table, await ReadTableAsync(c, tx, table, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Detaches <paramref name="table"/> (a month partition) from <c>audit_record</c>: it stays in the database as a
    /// table of its own, for <c>pg_dump</c>, without the TRUNCATE trigger (so the dump restores without this schema's
    /// functions). Owner only.
    /// </summary>
    public async Task DetachAsync(string table, CancellationToken cancellationToken = default)
    {
        CheckPartitionName(table);
        await using var c = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(c, tx, $"ALTER TABLE audit_record DETACH PARTITION {table}; DROP TRIGGER IF EXISTS audit_record_no_truncate ON {table};",
            cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every record of a detached month table (a restored archive, or one not yet dumped), by id, read-only.</summary>
    public async Task<List<AuditRecord>> ReadArchivedTableAsync(string table, CancellationToken cancellationToken = default)
    {
        CheckPartitionName(table);
        await using var c = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await BeginSnapshotAsync(c, cancellationToken).ConfigureAwait(false);
        return await ReadTableAsync(c, tx, table, cancellationToken).ConfigureAwait(false);
    }

    private static (string Lo, string Hi) Bounds(string month)
    {
        var m = ParseMonth(month);
        return (m.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static void CheckPartitionName(string table)
    {
        if (!PartitionName().IsMatch(table))
        {
            throw new ArgumentException($"'{table}' is not a month partition's name (audit_record_yYYYYmMM)", nameof(table));
        }
    }
}
