using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SharingHub.Hub.Audit.Merkle;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Audit.Signing;
using SharingHub.Hub.Audit.Storage;
using SharingHub.Hub.Documents;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Hub.Audit.Benchmark;

/// <summary>
/// <c>dotnet run -c Release --project src/Hub -- audit-bench [--seconds 10] [--appenders 256] [--batch 1] [--postgres CONN]</c>:
/// many concurrent appenders against the real audit log (group commit, durable store, 1 s checkpoints); prints
/// durable records/s, append latency and append→covering-checkpoint latency percentiles. A throwaway store:
/// a temp SQLite file, or the given PostgreSQL database (its audit_* tables must not exist yet).
/// </summary>
internal static class AuditBenchmark
{
    public const string Command = "audit-bench";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var seconds = Option(args, "--seconds", 10);
        var appenders = Option(args, "--appenders", 256);
        var batch = Option(args, "--batch", 1);
        var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
        var directory = Path.Combine(Path.GetTempPath(), "sharinghub-audit-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        NpgsqlDataSource? source = null;
        try
        {
            AuditStore store;
            if (postgres is null)
            {
                store = new SqliteAuditStore(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "audit.db"), Pooling = true }.ToString());
            }
            else
            {
                source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(postgres) { SearchPath = PostgresAuditStore.Schema }.ConnectionString);
                store = new PostgresAuditStore(source);
            }

            var time = TimeProvider.System;
            var options = new AuditOptions { PublishCheckpoints = false };
            var tree = new MerkleTree();
            using var log = new AuditLog(store, tree, options, new AuditSigningKeyProvider(new EphemeralDataProtectionProvider(), time),
                new FileDocumentStore(directory), time, NullLoggerFactory.Instance);
            await log.StartAsync(CancellationToken.None).ConfigureAwait(false);
            var records = Enumerable.Range(0, 4096).Select(Record).ToArray();
            if (args.Contains("--components"))
            {
                for (var round = 0; round < 4; round++)
                {
                    await ComponentsAsync(records, store, tree, output).ConfigureAwait(false);
                }

                return 0;
            }

            var checkpoints = new ConcurrentQueue<(long Size, long At)>();
            using var stop = new CancellationTokenSource();
            var signer = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(options.CheckpointInterval, time);
                while (await timer.WaitForNextTickAsync(CancellationToken.None).ConfigureAwait(false))
                {
                    var checkpoint = await log.SignCheckpointAsync().ConfigureAwait(false);
                    if (checkpoint is not null)
                    {
                        checkpoints.Enqueue((checkpoint.Size, time.GetTimestamp()));
                    }

                    if (stop.IsCancellationRequested && checkpoint?.Size == tree.Size)
                    {
                        return;
                    }
                }
            });

            var durable = new ConcurrentBag<double>();
            var samples = new ConcurrentBag<(long Index, long Start)>();
            using var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var started = time.GetTimestamp();
            var end = started + (long)(seconds * (double)Stopwatch.Frequency);
            var workers = Enumerable.Range(0, appenders).Select(worker => Task.Run(async () =>
            {
                var n = worker;
                var list = new AuditRecord[batch];
                while (time.GetTimestamp() < end)
                {
                    for (var i = 0; i < batch; i++)
                    {
                        list[i] = records[(n++ * 7) % records.Length];
                    }

                    var t0 = time.GetTimestamp();
                    var result = await log.AppendAsync(list).ConfigureAwait(false);
                    durable.Add(time.GetElapsedTime(t0).TotalMilliseconds);
                    if (n % 16 == 0)
                    {
                        samples.Add((result.FirstIndex + result.Count - 1, t0));
                    }
                }
            })).ToArray();
            await Task.WhenAll(workers).ConfigureAwait(false);
            var elapsed = time.GetElapsedTime(started).TotalSeconds;
            var total = tree.Size;
            process.Refresh();
            var cpuPerRecord = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / Math.Max(1, total);
            await stop.CancelAsync().ConfigureAwait(false);
            await signer.ConfigureAwait(false);
            await log.StopAsync().ConfigureAwait(false);

            var signed = checkpoints.ToArray();
            var covering = samples.Select(s =>
            {
                var at = signed.First(c => c.Size > s.Index).At;
                return Stopwatch.GetElapsedTime(s.Start, at).TotalMilliseconds;
            }).Order().ToArray();
            var appends = durable.Order().ToArray();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"audit-bench store={(postgres is null ? "sqlite(WAL,synchronous=FULL)" : "postgresql(COPY)")} appenders={appenders} batch={batch} seconds={elapsed:F1}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"records={total} durable_records_per_s={total / elapsed:F0} appends={appends.Length} checkpoints={signed.Length} cpu_us_per_record={cpuPerRecord:F1} load_avg_1m={LoadAverage()}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"append_to_durable_ms p50={Pct(appends, 0.50):F1} p99={Pct(appends, 0.99):F1} max={appends[^1]:F1}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"append_to_covering_checkpoint_ms p50={Pct(covering, 0.50):F0} p99={Pct(covering, 0.99):F0} max={covering[^1]:F0} (samples={covering.Length})"));
            var latest = await store.FindCheckpointAsync(null, CancellationToken.None).ConfigureAwait(false);
            var verified = latest is not null && latest.Size == total && tree.Root(total).AsSpan().SequenceEqual(latest.Root);
            output.WriteLine("last_checkpoint_covers_all_and_matches_root=" + (verified ? "true" : "false"));
            return 0;
        }
        finally
        {
            if (source is not null)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }

            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    // Single-threaded cost of each stage, to see where the time goes.
    private static async Task ComponentsAsync(AuditRecord[] records, AuditStore store, MerkleTree tree, TextWriter output)
    {
        var time = TimeProvider.System;
        var entries = new List<PendingEntry>(8192);
        var t0 = time.GetTimestamp();
        for (var i = 0; i < 8192; i++)
        {
            var bytes = AuditRecordSerializer.Serialize(records[i % records.Length]);
            entries.Add(new PendingEntry(bytes, Rfc6962.HashLeaf(bytes), PendingEntry.KeyOf(records[i % records.Length].Subject.Id)));
        }

        var serialise = time.GetElapsedTime(t0).TotalMicroseconds / 8192;
        t0 = time.GetTimestamp();
        await store.AppendAsync(entries, tree.Size, 0, CancellationToken.None).ConfigureAwait(false);
        var insert = time.GetElapsedTime(t0).TotalMicroseconds / 8192;
        t0 = time.GetTimestamp();
        tree.AppendLeafHashes(entries.SelectMany(e => e.LeafHash).ToArray());
        var hash = time.GetElapsedTime(t0).TotalMicroseconds / 8192;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per record: serialise+leaf {serialise:F2} us, store (one 8192-row transaction) {insert:F2} us, tree {hash:F2} us; record bytes {entries[0].Record.Length}"));
    }

    private static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    private static double Pct(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static int Option(string[] args, string name, int fallback)
    {
        var value = args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : fallback;
    }

    private static AuditRecord Record(int seed)
    {
        var hash = new byte[32];
        BitConverter.GetBytes(seed).CopyTo(hash, 0);
        var start = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero).AddMilliseconds(seed);
        return new AuditRecord
        {
            TraceId = ActivityTraceId.CreateRandom(),
            SpanId = ActivitySpanId.CreateRandom(),
            Operation = AuditOperations.Disclosure,
            StartTime = start,
            EndTime = start.AddMilliseconds(3),
            ProcessingActivityId = "riec-informatie-delen",
            Subject = AuditSubject.From(new Pseudonym(PseudonymKind.Bsn, 1, hash)),
            ConvenantId = "riec",
            ConvenantVersion = "sha256:8c1f0e2d4b6a",
            Purpose = "bestuurlijke-aanpak",
            LegalGround = "RIEC-G-01",
            Partner = "gemeente-maastricht",
            Role = "casusregisseur",
            Actor = "client:gemeente-system",
            Approvers = ["person:p-17"],
            Recipient = "politie-limburg",
            RecipientRole = "analist",
            DataCategories = ["identificerend", "financieel"],
            DecisionReasons = ["RIEC-F-07"],
        };
    }
}
