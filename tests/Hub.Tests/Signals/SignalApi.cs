using System.Data.Common;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using SharingHub.Hub.Documents;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Tests.Infrastructure;

namespace SharingHub.Hub.Tests.Signals;

/// <summary>HTTP helpers for the signals API and a snapshot of every table's row count and every stored document.</summary>
internal static class SignalApi
{
    public const string SignalsPath = "/api/v1/convenants/riec/signals";
    public const string BatchPath = "/api/v1/convenants/riec/signals:batch";

    public static Task<string> TokenAsync(HttpClient http, string clientId) => Tokens.GetAsync(http, clientId, TestAccounts.Secret, "signals");

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string token, string body,
        string contentType = "application/json", string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await http.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient http, string signalId, string token, byte[] file, string fileContentType, string partName = "file")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{SignalsPath}/{signalId}/documents", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(fileContentType);
        content.Add(part, partName, "upload.bin");
        request.Content = content;
        return await http.SendAsync(request);
    }

    public static string Person(string bsn, string given = "Jan", string surname = "Jansen", string dob = "1980-05-17", string categories = "\"signaal\",\"identificatie\",\"bsn\"") =>
        $$"""
        {"subjectType":"person","identifiers":{"bsn":"{{bsn}}","givenNames":"{{given}}","surname":"{{surname}}","dateOfBirth":"{{dob}}"},
         "purpose":"{{SignalPartners.Purpose}}","categories":[{{categories}}],"phase":"signal"}
        """;

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await Tokens.ReadJsonAsync(response);

    /// <summary>Row count of every table of the hub database, and the names of every stored document.</summary>
    public static async Task<(Dictionary<string, long> Tables, List<string> Documents)> SnapshotAsync(HubFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var tables = new Dictionary<string, long>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            var names = new List<string>();
            var listSql = db.Database.IsNpgsql()
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = listSql;
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    names.Add(reader.GetString(0));
                }
            }

            foreach (var name in names)
            {
                await using var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM \"{name}\"";
                tables[name] = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            await connection.CloseAsync();
        }

        // The audit trail publishes a signed checkpoint to the document store every second while it grows
        // (audit/...); those are the hub's own, not what a request stored.
        var store = factory.Services.GetRequiredService<IDocumentStore>();
        var documents = new List<string>();
        await foreach (var info in store.ListAsync(string.Empty))
        {
            if (!info.Name.Value.StartsWith("audit/", StringComparison.Ordinal))
            {
                documents.Add(info.Name.Value);
            }
        }

        return (tables, documents);
    }

    /// <summary>Every text and binary value of every table, as text (binary as Latin-1 so embedded plaintext shows).</summary>
    public static async Task<string> DumpAsync(HubFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            var columns = new List<(string Table, string Column)>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT table_schema || '.' || table_name, column_name FROM information_schema.columns WHERE table_schema IN ('public', 'audit') " +
                    "AND data_type IN ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb')";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    columns.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            var dump = new StringBuilder();
            foreach (var (table, column) in columns)
            {
                await using var select = connection.CreateCommand();
                select.CommandText = $"SELECT \"{column}\" FROM {QualifiedName(table)}";
                await using var reader = await select.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    AppendValue(dump, reader);
                }
            }

            return dump.ToString();
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>Every captured log record: message, exception and structured values.</summary>
    public static string LogText(HubFactory factory) => string.Join('\n', factory.Services.GetFakeLogCollector().GetSnapshot()
        .Select(r => r.Message + " " + r.Exception + " " + string.Join(' ', r.StructuredState?.Select(p => p.Value) ?? [])));

    /// <summary>The whole database as text: the SQLite files' bytes, or every text/bytea value of PostgreSQL.</summary>
    public static async Task<string> DatabaseTextAsync(ISignalsHub hub)
    {
        if (hub.IsPostgres)
        {
            return await DumpAsync(hub.Factory);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(hub.Factory.DataDirectory, "*.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            text.Append(Encoding.Latin1.GetString(bytes)).Append('\n').Append(Encoding.UTF8.GetString(bytes)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Every stored document's bytes, as text (Latin-1 and UTF-8).</summary>
    public static async Task<string> DocumentsTextAsync(HubFactory factory)
    {
        var store = factory.Services.GetRequiredService<IDocumentStore>();
        var text = new StringBuilder();
        await foreach (var info in store.ListAsync(string.Empty))
        {
            await using var document = await store.GetAsync(info.Name);
            using var buffer = new MemoryStream();
            await document!.Content.CopyToAsync(buffer);
            text.Append(Encoding.Latin1.GetString(buffer.ToArray())).Append('\n').Append(Encoding.UTF8.GetString(buffer.ToArray())).Append('\n');
        }

        return text.ToString();
    }

    private static string QualifiedName(string schemaAndTable)
    {
        var dot = schemaAndTable.IndexOf('.', StringComparison.Ordinal);
        return $"\"{schemaAndTable[..dot]}\".\"{schemaAndTable[(dot + 1)..]}\"";
    }

    private static void AppendValue(StringBuilder dump, DbDataReader reader)
    {
        if (reader.IsDBNull(0))
        {
            return;
        }

        var value = reader.GetValue(0);
        dump.Append(value is byte[] bytes ? Encoding.Latin1.GetString(bytes) + "\n" + Encoding.UTF8.GetString(bytes) : value.ToString()).Append('\n');
    }
}
