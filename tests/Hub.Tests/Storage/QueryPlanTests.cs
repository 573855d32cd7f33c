using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SharingHub.Hub.Linkage;
using SharingHub.Hub.Storage;
using SharingHub.Hub.Tests.Retention;

namespace SharingHub.Hub.Tests.Storage;

/// <summary>
/// Regression: lookups by a list of ids (one JSON parameter, <c>json_each</c>) must be served by an index on those ids. With an
/// extra <c>ConvenantId = @c</c> predicate, SQLite (no statistics) chose the convenant-prefixed primary key or index instead and
/// read every reference, key, grant or request of the convenant per lookup, so ingress slowed down as the database grew.
/// </summary>
public sealed partial class QueryPlanTests
{
    [Fact]
    public async Task IdListLookups_IngressLinkageRetentionAndRotation_NeverScanAWholeConvenant()
    {
        await using var hub = await RetentionTestHub.StartAsync(settings: new Dictionary<string, string?> { ["Linkage:Enabled"] = "false" });
        using var recorder = new SqliteCommandRecorder(hub.Factory.DataDirectory);

        await hub.SubmitAsync(RetentionTestHub.PersonBody("945807302"));
        await hub.SubmitAsync(RetentionTestHub.PersonBody("945807302")); // an existing subject: its reference is looked up
        await hub.SubmitAsync("""
            {"subjectType":"person","identifiers":{"givenNames":"Jan","surname":"Janssen","dateOfBirth":"1980-05-17","address":{"postcode":"1234AB","houseNumber":"5"}},
             "purpose":"complexe-casuistiek","categories":["casusinformatie","identificatie"],"phase":"signal"}
            """);
        var linker = hub.Factory.Services.GetRequiredService<SubjectLinker>();
        var linked = await linker.RunOnceAsync(CancellationToken.None);
        await hub.SubmitAsync(RetentionTestHub.PersonBody("111222333"));
        var second = await linker.RunOnceAsync(CancellationToken.None); // reads only the subject it does not hold yet, by id
        await hub.PreviewAsync();
        var (rotated, _) = await hub.CallAsync(HttpMethod.Post, "/api/v1/convenants/zvh/keys/rotate", await hub.PersonTokenAsync(RetentionTestHub.Officer),
            """{"expectedActiveVersion":1}""");

        Assert.Equal(HttpStatusCode.OK, rotated);
        Assert.True(linked.Comparisons > 0, "the linker compared nothing, so its BSN lookup did not run");
        Assert.Equal((1, 1), (second.Pending, linker.SubjectReads));
        var lookups = recorder.Commands.Where(sql => sql.Contains("json_each", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(lookups.Count >= 8, $"only {lookups.Count} id-list lookups were recorded");
        var offending = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(hub.Factory.DataDirectory, "hub.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        foreach (var sql in lookups)
        {
            offending.AddRange((await PlanAsync(connection, sql)).Where(step => ConvenantScan().IsMatch(step)).Select(step => step + "  <=  " + sql));
        }

        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }

    [Fact]
    public async Task LinkerBatchAndFingerprint_PendingBacklog_ReadTheEncodingIndexInOrderWithoutASort()
    {
        await using var hub = await RetentionTestHub.StartAsync(settings: new Dictionary<string, string?> { ["Linkage:Enabled"] = "false" });
        using var recorder = new SqliteCommandRecorder(hub.Factory.DataDirectory);
        await hub.SubmitAsync(RetentionTestHub.PersonBody("945807302"));
        await hub.SubmitAsync(RetentionTestHub.PersonBody("111222333"));

        var linked = await hub.Factory.Services.GetRequiredService<SubjectLinker>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, linked.Pending);
        var queries = recorder.Commands.Where(sql => sql.Contains("\"subject_encodings\"", StringComparison.Ordinal) && sql.Contains("\"LinkedAt\"", StringComparison.Ordinal)
            && sql.TrimStart().StartsWith("SELECT", StringComparison.Ordinal)).Distinct().ToList();
        var batch = Assert.Single(queries, sql => sql.Contains("LIMIT", StringComparison.Ordinal) && sql.Contains("IS NULL", StringComparison.Ordinal));
        var fingerprint = Assert.Single(queries, sql => sql.Contains("COUNT(*)", StringComparison.Ordinal));
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(hub.Factory.DataDirectory, "hub.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        foreach (var sql in (string[])[batch, fingerprint])
        {
            var plan = await PlanAsync(connection, sql);
            Assert.Contains(plan, step => step.Contains("USING COVERING INDEX IX_subject_encodings_ConvenantId_LinkedAt_CreatedAt_SignalId", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task SubjectResolution_Sqlite_SearchesTheMatchKeysByConvenantAndPseudonymTail()
    {
        await using var hub = await RetentionTestHub.StartAsync(settings: new Dictionary<string, string?> { ["Linkage:Enabled"] = "false" });
        using var recorder = new SqliteCommandRecorder(hub.Factory.DataDirectory);

        await hub.SubmitAsync(RetentionTestHub.PersonBody("945807302"));

        var resolution = Assert.Single(recorder.Commands.Where(sql => sql.Contains("FROM \"subject_keys\"", StringComparison.Ordinal)
            && sql.Contains("substr(", StringComparison.Ordinal)).Distinct());
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(hub.Factory.DataDirectory, "hub.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        var plan = await PlanAsync(connection, resolution);
        Assert.Contains(plan, step => step.Contains($"USING INDEX {PseudonymTail.IndexName} (ConvenantId=? AND <expr>=?)", StringComparison.Ordinal));
        await using var indexes = connection.CreateCommand();
        indexes.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'subject_keys'";
        var names = new List<string>();
        await using (var reader = await indexes.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        Assert.Contains(PseudonymTail.IndexName, names);
        Assert.DoesNotContain("IX_subject_keys_ConvenantId_Pseudonym", names);
    }

    [Fact]
    public void ConvenantScan_PlanSteps_FlagsOnlyConvenantOrPartnerPrefixSearchesAndTableScans()
    {
        Assert.Matches(ConvenantScan(), "SEARCH r USING INDEX sqlite_autoindex_subject_refs_1 (ConvenantId=? AND PartnerId=?)");
        Assert.Matches(ConvenantScan(), "SEARCH k USING INDEX IX_subject_keys_ConvenantId_PseudonymTail (ConvenantId=?)");
        Assert.Matches(ConvenantScan(), "SCAN g");
        Assert.DoesNotMatch(ConvenantScan(), "SEARCH k USING INDEX IX_subject_keys_ConvenantId_PseudonymTail (ConvenantId=? AND <expr>=?)");
        Assert.DoesNotMatch(ConvenantScan(), "SEARCH r USING INDEX IX_subject_refs_SubjectId_PartnerId (SubjectId=? AND PartnerId=?)");
        Assert.DoesNotMatch(ConvenantScan(), "SCAN json_each VIRTUAL TABLE INDEX 1:");
        Assert.DoesNotMatch(ConvenantScan(), "SCAN l VIRTUAL TABLE INDEX 1:");
        Assert.DoesNotMatch(ConvenantScan(), "SEARCH e USING COVERING INDEX IX_subject_encodings_ConvenantId_LinkedAt_CreatedAt_SignalId (ConvenantId=? AND LinkedAt=?)");
    }

    /// <summary>The steps of SQLite's plan for <paramref name="sql"/> (parameters unbound).</summary>
    private static async Task<List<string>> PlanAsync(SqliteConnection connection, string sql)
    {
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        await using var reader = await explain.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    // A whole-table scan, or an index search constrained only by convenant (and partner): every row of the convenant is read.
    // (ConvenantId, LinkedAt, ...) is allowed: it reads only the pending linkage encodings.
    [GeneratedRegex(@"^(SCAN \w+(?! VIRTUAL TABLE)( |$)|SEARCH \w+ USING (COVERING )?INDEX \w+ \(ConvenantId=\?( AND PartnerId=\?)?\))")]
    private static partial Regex ConvenantScan();

    /// <summary>The SQL of every command EF executes on the SQLite database under one data directory (EF's diagnostic events).</summary>
    private sealed class SqliteCommandRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _directory;
        private readonly IDisposable _all;
        private readonly ConcurrentQueue<IDisposable> _subscriptions = new();
        private readonly ConcurrentQueue<string> _commands = new();

        public SqliteCommandRecorder(string directory)
        {
            _directory = directory;
            _all = DiagnosticListener.AllListeners.Subscribe(this);
        }

        public IReadOnlyList<string> Commands => [.. _commands];

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                _subscriptions.Enqueue(value.Subscribe(this));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data
                && data.Command.Connection?.DataSource?.StartsWith(_directory, StringComparison.Ordinal) == true)
            {
                _commands.Enqueue(data.Command.CommandText);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _all.Dispose();
            while (_subscriptions.TryDequeue(out var subscription))
            {
                subscription.Dispose();
            }
        }
    }
}
