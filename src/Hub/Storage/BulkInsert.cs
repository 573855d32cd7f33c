using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

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
        if (db.Database.IsSqlite())
        {
            InsertPrepared(connection, transaction, table, columns, properties, mappings, getters, rows);
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

    /// <summary>SQLite (in-process, no round trips): one prepared single-row INSERT, re-bound per row.</summary>
    private static void InsertPrepared<T>(
        DbConnection connection, DbTransaction transaction, string table, string columns, IProperty[] properties, RelationalTypeMapping[] mappings,
        IClrPropertyGetter[] getters, IReadOnlyList<T> rows)
        where T : class
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Quote(table)} ({columns}) VALUES ({string.Join(", ", properties.Select((_, c) => "@p" + c))})";
        var parameters = new DbParameter[properties.Length];
        for (var c = 0; c < properties.Length; c++)
        {
            parameters[c] = mappings[c].CreateParameter(command, "@p" + c, getters[c].GetClrValueUsingContainingEntity(rows[0]), properties[c].IsNullable);
            command.Parameters.Add(parameters[c]);
        }

        command.Prepare();
        for (var r = 0; r < rows.Count; r++)
        {
            if (r > 0)
            {
                for (var c = 0; c < properties.Length; c++)
                {
                    var value = getters[c].GetClrValueUsingContainingEntity(rows[r]);
                    var converter = mappings[c].Converter;
                    parameters[c].Value = (converter is null || value is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
                }
            }

            command.ExecuteNonQuery();
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
