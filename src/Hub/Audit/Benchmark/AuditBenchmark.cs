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
using SharingHub.Hub.Processing;
using SharingHub.Hub.Storage;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Hub.Audit.Benchmark;

/// <summary>
/// <c>dotnet run -c Release --project src/Hub -- audit-bench [--seconds 10] [--appenders 256] [--batch 1] [--ingress] [--components [--rounds 4]] [--postgres CONN]</c>:
/// many concurrent appenders against the real audit log (group commit, durable store, 1 s checkpoints); prints
/// durable records/s, hub CPU per record, append latency and append→covering-checkpoint latency percentiles. A throwaway
/// store: a temp SQLite file, or the given PostgreSQL database (its audit_* tables must not exist yet). Default records are
/// 750-byte disclosures appended with <see cref="AuditLog.AppendAsync(IReadOnlyList{AuditRecord}, CancellationToken)"/>;
/// <c>--ingress</c> sends what signal ingress sends instead: per signal a policy decision, a submission and a linkage
/// match through <see cref="IProcessingLog.RecordBatchAsync"/>, <c>--batch</c> signals (3 records each) per call.
/// </summary>
internal static class AuditBenchmark
{
    public const string Command = "audit-bench";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var seconds = Option(args, "--seconds", 10);
        var appenders = Option(args, "--appenders", 256);
        var batch = Option(args, "--batch", 1);
        var ingress = args.Contains("--ingress");
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
            // As in the hub: the SQLite audit file is checkpointed in the background.
            using var checkpointer = store is SqliteAuditStore sqlite
                ? new SqliteCheckpointer(new SqliteCheckpointer.Target(sqlite.ConnectionString), new StorageOptions(), time, NullLogger<SqliteCheckpointer>.Instance)
                : null;
            if (checkpointer is not null)
            {
                await checkpointer.StartAsync(CancellationToken.None).ConfigureAwait(false);
            }

            var records = Enumerable.Range(0, 4096).Select(Record).ToArray();
            var steps = IngressSteps(4096);
            if (args.Contains("--components"))
            {
                for (var round = 0; round < Option(args, "--rounds", 4); round++)
                {
                    await ComponentsAsync(records, ingress ? steps : null, store, tree, output).ConfigureAwait(false);
                }

                return 0;
            }

            var processing = new AuditProcessingLog(log);

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
                var signals = new ProcessingRecord[batch * 3];
                while (time.GetTimestamp() < end)
                {
                    var t0 = time.GetTimestamp();
                    long last;
                    if (ingress)
                    {
                        for (var i = 0; i < batch; i++)
                        {
                            var signal = (n++ * 7) % (steps.Length / 3);
                            steps.AsSpan(signal * 3, 3).CopyTo(signals.AsSpan(i * 3));
                        }

                        await processing.RecordBatchAsync(signals, CancellationToken.None).ConfigureAwait(false);
                        last = tree.Size - 1; // at least as large as this call's last index: the tree grows only after a commit
                    }
                    else
                    {
                        for (var i = 0; i < batch; i++)
                        {
                            list[i] = records[(n++ * 7) % records.Length];
                        }

                        var result = await log.AppendAsync(list).ConfigureAwait(false);
                        last = result.FirstIndex + result.Count - 1;
                    }

                    durable.Add(time.GetElapsedTime(t0).TotalMilliseconds);
                    if (n % 16 == 0)
                    {
                        samples.Add((last, t0));
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
                $"audit-bench store={(postgres is null ? "sqlite(WAL,synchronous=FULL)" : "postgresql(COPY)")} records={(ingress ? "ingress(3 per signal)" : "disclosure")} appenders={appenders} batch={batch} seconds={elapsed:F1}"));
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

    // Single-threaded cost of each stage, to see where the time goes: wall time and the hub process's CPU time (the other
    // threads are idle here, so on a shared machine the CPU figure is the steadier one).
    private static async Task ComponentsAsync(AuditRecord[] records, ProcessingRecord[]? steps, AuditStore store, MerkleTree tree, TextWriter output)
    {
        // As the append path does it: 256 signals (3 records each) per RecordBatchAsync, or as many disclosure records per append.
        const int Count = 8192;
        var appends = Enumerable.Range(0, Count).Chunk(3 * 256).ToArray();
        var disclosures = appends.Select(a => a.Select(k => records[k % records.Length]).ToArray()).ToArray();
        var ingress = steps is null ? null : appends.Select(a => a.Select(k => steps[k % steps.Length]).ToArray()).ToArray();
        var entries = new List<PendingEntry>(Count);
        var stage = Stage.Start();
        for (var a = 0; a < appends.Length; a++)
        {
            entries.AddRange(AuditLog.Prepare(ingress is null ? disclosures[a] : AuditProcessingLog.MapAll(ingress[a])));
        }

        var serialise = stage.PerRecord(Count);
        stage = Stage.Start();
        await store.AppendAsync(entries, tree.Size, 0, CancellationToken.None).ConfigureAwait(false);
        var insert = stage.PerRecord(Count);
        stage = Stage.Start();
        tree.AppendLeafHashes(entries.SelectMany(e => e.LeafHash).ToArray());
        var hash = stage.PerRecord(Count);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per record (wall / cpu us): {(steps is null ? "" : "map+")}serialise+leaf {serialise.Wall:F2} / {serialise.Cpu:F2}, store (one {Count}-row transaction) {insert.Wall:F2} / {insert.Cpu:F2}, tree {hash.Wall:F2} / {hash.Cpu:F2}; record bytes {entries[0].Record.Length}"));
    }

    private readonly record struct Stage(long Started, TimeSpan Cpu)
    {
        public static Stage Start()
        {
            using var process = Process.GetCurrentProcess();
            return new Stage(Stopwatch.GetTimestamp(), process.TotalProcessorTime);
        }

        public (double Wall, double Cpu) PerRecord(int count)
        {
            var wall = Stopwatch.GetElapsedTime(Started).TotalMicroseconds / count;
            using var process = Process.GetCurrentProcess();
            return (wall, (process.TotalProcessorTime - Cpu).TotalMicroseconds / count);
        }
    }

    // What ingress logs per stored signal (SignalIngest): a policy decision, the submission and the linkage match, one
    // request's trace each, a match-key pseudonym as subject.
    private static ProcessingRecord[] IngressSteps(int signals)
    {
        var steps = new ProcessingRecord[signals * 3];
        var start = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        string[] categories = ["signaal", "identificatie", "bsn"];
        for (var s = 0; s < signals; s++)
        {
            var hash = new byte[32];
            BitConverter.GetBytes(s).CopyTo(hash, 0);
            var anchor = new Pseudonym(PseudonymKind.Bsn, 1, hash).ToString();
            var trace = ActivityTraceId.CreateRandom().ToHexString();
            var span = ActivitySpanId.CreateRandom().ToHexString();
            var signalId = Guid.CreateVersion7(start.AddMilliseconds(s)).ToString("D");
            var at = start.AddMilliseconds(s);
            ProcessingRecord Step(string operation, string? decision, IReadOnlyList<string> reasons, string? resource) => new(
                trace, span, operation, ProcessingStatuses.Succeeded, at, at.AddMilliseconds(2), "riec",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "aanpak-georganiseerde-criminaliteit", "gemeente-maastricht",
                "medewerker", "demo-gemeente", "system", categories, anchor, "person", decision, reasons, resource, null);
            steps[(s * 3) + 0] = Step(ProcessingOperations.PolicyDecision, "Permit", ["RIEC-S-01", "RIEC-S-02"], null);
            steps[(s * 3) + 1] = Step(ProcessingOperations.SignalSubmitted, null, [], signalId);
            steps[(s * 3) + 2] = Step(ProcessingOperations.LinkageMatch, null, [s % 3 == 0 ? "match:new-subject" : "match:existing:bsn"], signalId);
        }

        return steps;
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
