using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace SharingHub.Hub.Storage;

/// <summary>
/// Inserts many rows of one mapped entity type with multi-row INSERT statements on the context's connection and
/// current transaction, bypassing the change tracker (ingress writes thousands of rows per batch). Table, column names
/// and value conversions come from the EF model, so the rows are exactly what EF itself would write.
/// </summary>
internal static class BulkInsert
{
    private const int MaxParametersPerStatement = 2000;

    public static async Task InsertAsync<T>(HubDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => p.PropertyInfo is not null).ToArray();
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();
        var columns = string.Join(", ", properties.Select(p => Quote(p.GetColumnName(store)!)));
        var perStatement = Math.Max(1, MaxParametersPerStatement / properties.Length);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the caller's transaction.");
        if (connection is NpgsqlConnection npgsql && CopyTypesOf(mappings) is { } copyTypes)
        {
            await CopyAsync(npgsql, table, columns, properties, mappings, getters, copyTypes, rows, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (connection is SqliteConnection sqlite && IsRawBindable(properties, mappings))
        {
            // The raw statement runs on the connection's handle, so inside the transaction the caller opened on it.
            InsertPrepared(sqlite, table, columns, properties, mappings, getters, rows);
            return;
        }

        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - start);
            var command = connection.CreateCommand();
            await using var disposal = command.ConfigureAwait(false);
            command.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO ").Append(Quote(table)).Append(" (").Append(columns).Append(") VALUES ");
            var index = 0;
            for (var r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < properties.Length; c++)
                {
                    var name = "@p" + index++;
                    sql.Append(c == 0 ? name : ", " + name);
                    command.Parameters.Add(mappings[c].CreateParameter(command, name, getters[c].GetClrValueUsingContainingEntity(rows[start + r]), properties[c].IsNullable));
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// SQLite (in-process, no round trips): one prepared single-row INSERT on the connection's own handle, re-bound BY POSITION
    /// per row. The provider's named parameters cost more per row than SQLite's own insert work here: every execution looks
    /// each name up again (<c>sqlite3_bind_parameter_index</c>) and formats every GUID into a new upper-cased string
    /// (docs/PERFORMANCE.md, "Signal ingress"). Values are bound exactly as Microsoft.Data.Sqlite binds them (text for
    /// strings and upper-case "D" GUIDs, 64-bit integers for integral types and booleans, blobs, doubles), which
    /// <c>BulkInsertTests</c> checks column by column against rows EF itself wrote; an entity with a provider type outside
    /// that set goes through the provider's parameters instead.
    /// </summary>
    private static void InsertPrepared<T>(
        SqliteConnection connection, string table, string columns, IProperty[] properties, RelationalTypeMapping[] mappings,
        IClrPropertyGetter[] getters, IReadOnlyList<T> rows)
        where T : class
    {
        var kinds = new ValueKind[properties.Length];
        var converters = new ValueConverter?[properties.Length];
        for (var c = 0; c < properties.Length; c++)
        {
            converters[c] = mappings[c].Converter;
            var provider = converters[c]?.ProviderClrType ?? properties[c].ClrType;
            kinds[c] = KindOf(Nullable.GetUnderlyingType(provider) ?? provider);
        }

        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var sql = $"INSERT INTO {Quote(table)} ({columns}) VALUES ({string.Join(", ", properties.Select((_, c) => "?" + (c + 1).ToString(CultureInfo.InvariantCulture)))})";
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            for (var r = 0; r < rows.Count; r++)
            {
                for (var c = 0; c < properties.Length; c++)
                {
                    var value = getters[c].GetClrValueUsingContainingEntity(rows[r]);
                    if (value is not null && converters[c] is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    Check(handle, Bind(statement, c + 1, kinds[c], value));
                }

                var done = raw.sqlite3_step(statement);
                if (done != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(done, handle);
                }

                Check(handle, raw.sqlite3_reset(statement));
            }
        }
    }

    /// <summary>
    /// PostgreSQL: one binary <c>COPY ... FROM STDIN</c> on the connection, inside its current transaction. Multi-row INSERTs
    /// with thousands of parameters are parsed and planned per statement on the server; COPY streams the rows (docs/PERFORMANCE.md,
    /// "Signal ingress"). Every value goes in as the column's own type (from the EF store type); <c>BulkInsertTests</c> compares
    /// the stored rows with what EF itself stores. An entity with a column type outside the mapped set uses the INSERT path.
    /// </summary>
    private static async Task CopyAsync<T>(
        NpgsqlConnection connection, string table, string columns, IProperty[] properties, RelationalTypeMapping[] mappings,
        IClrPropertyGetter[] getters, NpgsqlDbType[] types, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var importer = await connection.BeginBinaryImportAsync($"COPY {Quote(table)} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            for (var r = 0; r < rows.Count; r++)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                for (var c = 0; c < properties.Length; c++)
                {
                    var value = getters[c].GetClrValueUsingContainingEntity(rows[r]);
                    if (value is not null && mappings[c].Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    await WriteAsync(importer, value, types[c], cancellationToken).ConfigureAwait(false);
                }
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : type switch
        {
            NpgsqlDbType.Text => importer.WriteAsync((string)value, type, cancellationToken),
            NpgsqlDbType.Uuid => importer.WriteAsync((Guid)value, type, cancellationToken),
            NpgsqlDbType.Bytea => importer.WriteAsync((byte[])value, type, cancellationToken),
            NpgsqlDbType.Boolean => importer.WriteAsync((bool)value, type, cancellationToken),
            NpgsqlDbType.Smallint => importer.WriteAsync(Convert.ToInt16(value, CultureInfo.InvariantCulture), type, cancellationToken),
            NpgsqlDbType.Integer => importer.WriteAsync(Convert.ToInt32(value, CultureInfo.InvariantCulture), type, cancellationToken),
            NpgsqlDbType.Bigint => importer.WriteAsync(Convert.ToInt64(value, CultureInfo.InvariantCulture), type, cancellationToken),
            NpgsqlDbType.Double => importer.WriteAsync(Convert.ToDouble(value, CultureInfo.InvariantCulture), type, cancellationToken),
            NpgsqlDbType.TimestampTz => value is DateTimeOffset offset
                ? importer.WriteAsync(offset, type, cancellationToken)
                : importer.WriteAsync((DateTime)value, type, cancellationToken),
            _ => throw new InvalidOperationException("A column type without a COPY writer."),
        };

    /// <summary>The COPY type of every column from its EF store type, or null when one is not in the mapped set.</summary>
    private static NpgsqlDbType[]? CopyTypesOf(RelationalTypeMapping[] mappings)
    {
        var types = new NpgsqlDbType[mappings.Length];
        for (var c = 0; c < mappings.Length; c++)
        {
            var store = mappings[c].StoreType;
            NpgsqlDbType? type = store.StartsWith("character varying", StringComparison.Ordinal) || store == "text" ? NpgsqlDbType.Text
                : store switch
                {
                    "uuid" => NpgsqlDbType.Uuid,
                    "bytea" => NpgsqlDbType.Bytea,
                    "boolean" => NpgsqlDbType.Boolean,
                    "smallint" => NpgsqlDbType.Smallint,
                    "integer" => NpgsqlDbType.Integer,
                    "bigint" => NpgsqlDbType.Bigint,
                    "double precision" => NpgsqlDbType.Double,
                    "timestamp with time zone" => NpgsqlDbType.TimestampTz,
                    _ => null,
                };
            if (type is null)
            {
                return null;
            }

            types[c] = type.Value;
        }

        return types;
    }

    /// <summary>How a provider value of a CLR type is bound; <see cref="ValueKind.Unsupported"/> sends the entity down the provider's path.</summary>
    private enum ValueKind
    {
        Unsupported,
        Text,
        Integer,
        Boolean,
        Real,
        Blob,
        Guid,
    }

    private static ValueKind KindOf(Type type) =>
        type == typeof(string) ? ValueKind.Text
        : type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte) || type == typeof(sbyte) || type == typeof(ushort) || type == typeof(uint) ? ValueKind.Integer
        : type == typeof(bool) ? ValueKind.Boolean
        : type == typeof(double) ? ValueKind.Real
        : type == typeof(byte[]) ? ValueKind.Blob
        : type == typeof(Guid) ? ValueKind.Guid
        : ValueKind.Unsupported;

    private static bool IsRawBindable(IProperty[] properties, RelationalTypeMapping[] mappings)
    {
        for (var c = 0; c < properties.Length; c++)
        {
            var provider = mappings[c].Converter?.ProviderClrType ?? properties[c].ClrType;
            if (KindOf(Nullable.GetUnderlyingType(provider) ?? provider) == ValueKind.Unsupported)
            {
                return false;
            }
        }

        return true;
    }

    private static int Bind(sqlite3_stmt statement, int index, ValueKind kind, object? value)
    {
        if (value is null)
        {
            return raw.sqlite3_bind_null(statement, index);
        }

        switch (kind)
        {
            case ValueKind.Text:
                return raw.sqlite3_bind_text16(statement, index, ((string)value).AsSpan());
            case ValueKind.Integer:
                return raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case ValueKind.Boolean:
                return raw.sqlite3_bind_int64(statement, index, (bool)value ? 1 : 0);
            case ValueKind.Real:
                return raw.sqlite3_bind_double(statement, index, (double)value);
            case ValueKind.Blob:
                return raw.sqlite3_bind_blob(statement, index, (byte[])value);
            case ValueKind.Guid:
                // Microsoft.Data.Sqlite stores a GUID parameter as upper-case "D" text; EF's SQLite mapping relies on that.
                Span<byte> text = stackalloc byte[36];
                if (!((Guid)value).TryFormat(text, out var written, "D") || written != text.Length)
                {
                    throw new InvalidOperationException("A GUID did not format as 36 characters.");
                }

                for (var i = 0; i < text.Length; i++)
                {
                    if (text[i] is >= (byte)'a' and <= (byte)'f')
                    {
                        text[i] -= 'a' - 'A';
                    }
                }

                return raw.sqlite3_bind_text(statement, index, text);
            default:
                throw new InvalidOperationException("A value kind without a binding.");
        }
    }

    private static void Check(sqlite3 handle, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
