namespace SharingHub.Hub.Audit.Storage;

/// <summary>
/// The audit tables, versioned in <c>audit_schema_version</c> and created by idempotent DDL at start-up (no EF
/// migration: the audit log has its own store). Append-only: triggers reject UPDATE, DELETE (and TRUNCATE on
/// PostgreSQL) of entries and checkpoints.
/// </summary>
internal static class AuditSchema
{
    public const int CurrentVersion = 2;

    /// <summary>
    /// Version 2 indexes subjects per region of <c>2^RegionBits</c> consecutive entries: <c>(idx &gt;&gt; 14, subject_key)</c>.
    /// Appends then insert into the index region of the newest entries only (a few dozen pages), where the version-1 index on
    /// <c>subject_key</c> alone (a hash) put every insert on a random page of an index that grows with the log; a subject
    /// lookup probes each region (<see cref="AuditStore.FindBySubjectAsync"/>): one seek per 16,384 entries.
    /// </summary>
    public const int RegionBits = 14;

    public const string AppendOnlyMessage = "SH3521 audit tables are append-only";

    public const string VersionTable =
        "CREATE TABLE IF NOT EXISTS audit_schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)";

    public static readonly string[] SqliteV1 =
    [
        """
        CREATE TABLE IF NOT EXISTS audit_entries (
            idx INTEGER NOT NULL PRIMARY KEY, record BLOB NOT NULL, leaf_hash BLOB NOT NULL,
            subject_key BIGINT NOT NULL, logged_at BIGINT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_audit_entries_subject ON audit_entries (subject_key)",
        "CREATE TABLE IF NOT EXISTS audit_checkpoints (size INTEGER NOT NULL PRIMARY KEY, root BLOB NOT NULL, note TEXT NOT NULL, signed_at BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS audit_cosignatures (size INTEGER NOT NULL, witness TEXT NOT NULL, line TEXT NOT NULL, received_at BIGINT NOT NULL, PRIMARY KEY (size, witness))",
        "CREATE TABLE IF NOT EXISTS audit_signing_keys (name TEXT NOT NULL PRIMARY KEY, public_key BLOB NOT NULL, protected_private_key BLOB NOT NULL, created_at BIGINT NOT NULL)",
        .. SqliteAppendOnly("audit_entries"),
        .. SqliteAppendOnly("audit_checkpoints"),
    ];

    /// <summary>Version 2 on both providers (the same SQL): the region index replaces the subject index.</summary>
    public static readonly string[] V2 =
    [
        $"CREATE INDEX IF NOT EXISTS ix_audit_entries_region_subject ON audit_entries ((idx >> {RegionBits}), subject_key)",
        "DROP INDEX IF EXISTS ix_audit_entries_subject",
    ];

    /// <summary>A subject's entries through the region index (SQLite: the regions from a recursive CTE, probed by IN).</summary>
    public static readonly string SqliteFindBySubject =
        $"WITH RECURSIVE regions(r) AS (SELECT 0 UNION ALL SELECT r + 1 FROM regions WHERE r < (SELECT COALESCE(MAX(idx), 0) >> {RegionBits} FROM audit_entries)) "
        + $"SELECT idx, record, leaf_hash FROM audit_entries WHERE (idx >> {RegionBits}) IN (SELECT r FROM regions) AND subject_key = @subject ORDER BY idx";

    /// <summary>A subject's entries through the region index (PostgreSQL: the regions as an array, probed by = ANY).</summary>
    public static readonly string PostgresFindBySubject =
        $"SELECT idx, record, leaf_hash FROM audit_entries WHERE (idx >> {RegionBits}) = ANY(ARRAY(SELECT generate_series(0::bigint, "
        + $"(SELECT COALESCE(MAX(idx), 0) FROM audit_entries) >> {RegionBits}))) AND subject_key = @subject ORDER BY idx";

    public static readonly string[] PostgresV1 =
    [
        """
        CREATE TABLE IF NOT EXISTS audit_entries (
            idx BIGINT NOT NULL PRIMARY KEY, record BYTEA NOT NULL, leaf_hash BYTEA NOT NULL,
            subject_key BIGINT NOT NULL, logged_at BIGINT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS ix_audit_entries_subject ON audit_entries (subject_key)",
        "CREATE TABLE IF NOT EXISTS audit_checkpoints (size BIGINT NOT NULL PRIMARY KEY, root BYTEA NOT NULL, note TEXT NOT NULL, signed_at BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS audit_cosignatures (size BIGINT NOT NULL, witness TEXT NOT NULL, line TEXT NOT NULL, received_at BIGINT NOT NULL, PRIMARY KEY (size, witness))",
        "CREATE TABLE IF NOT EXISTS audit_signing_keys (name TEXT NOT NULL PRIMARY KEY, public_key BYTEA NOT NULL, protected_private_key BYTEA NOT NULL, created_at BIGINT NOT NULL)",
        $"""
        CREATE OR REPLACE FUNCTION audit_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{AppendOnlyMessage} (%)', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END $$
        """,
        .. PostgresAppendOnly("audit_entries"),
        .. PostgresAppendOnly("audit_checkpoints"),
    ];

    private static string[] SqliteAppendOnly(string table) =>
    [
        $"CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{AppendOnlyMessage}'); END",
        $"CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{AppendOnlyMessage}'); END",
    ];

    private static string[] PostgresAppendOnly(string table) =>
    [
        $"DROP TRIGGER IF EXISTS {table}_append_only ON {table}",
        $"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION audit_reject_change()",
        $"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}",
        $"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change()",
        $"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM PUBLIC",
    ];
}
