using SharingHub.Hub.Audit.Merkle;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Audit.Signing;
using SharingHub.Hub.Audit.Storage;
using SharingHub.Hub.Documents;

namespace SharingHub.Hub.Audit;

/// <summary>
/// The hub's tamper-evident audit log. Call <see cref="AppendAsync(IReadOnlyList{AuditRecord}, CancellationToken)"/>
/// for every processing step (one record per data subject): the task completes once the records are durable.
/// <see cref="AppendWithReceiptsAsync"/> also returns a receipt per record (disclosures hand these to recipients).
/// </summary>
public sealed partial class AuditLog : IDisposable
{
    private readonly AuditStore _store;
    private readonly AuditWriter _writer;
    private readonly AuditSigningKeyProvider _keys;
    private readonly IDocumentStore _documents;
    private readonly TimeProvider _time;
    private readonly ILogger<AuditLog> _logger;
    private readonly SemaphoreSlim _signing = new(1, 1);
    private readonly object _waitersLock = new();
    private TaskCompletionSource _nextCheckpoint = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private NoteKey? _key;
    private volatile StoredCheckpoint? _latest;
    private volatile bool _disposed;

    internal AuditLog(AuditStore store, MerkleTree tree, AuditOptions options, AuditSigningKeyProvider keys, IDocumentStore documents,
        TimeProvider time, ILoggerFactory loggers)
    {
        _store = store;
        Tree = tree;
        Options = options;
        _keys = keys;
        _documents = documents;
        _time = time;
        _logger = loggers.CreateLogger<AuditLog>();
        _writer = new AuditWriter(store, tree, options, time, loggers.CreateLogger<AuditWriter>());
    }

    public AuditOptions Options { get; }

    /// <summary>Clears the signing key. The signing gate is not disposed: a final checkpoint may still be signed while the host stops.</summary>
    public void Dispose()
    {
        _disposed = true;
        _key?.Dispose();
    }

    internal MerkleTree Tree { get; }

    internal AuditStore Store => _store;

    /// <summary>The checkpoint signing key's public verifier key (C2SP vkey).</summary>
    public string VerifierKey => Key.VerifierKey;

    /// <summary>The latest signed checkpoint, or null before the first record.</summary>
    public StoredCheckpoint? LatestCheckpoint => _latest;

    public long Size => Tree.Size;

    private NoteKey Key => _key ?? throw new InvalidOperationException("The audit log is not started.");

    /// <summary>Appends records (one per data subject) durably; returns where they landed.</summary>
    public Task<AuditAppendResult> AppendAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return Task.FromResult(new AuditAppendResult(Tree.Size, 0));
        }

        return _writer.AppendAsync(Prepare(records)).WaitAsync(cancellationToken);
    }

    /// <summary>The store entries of records (on the appender's thread): canonical bytes, leaf hash and subject key.</summary>
    internal static PendingEntry[] Prepare(IReadOnlyList<AuditRecord> records)
    {
        var entries = new PendingEntry[records.Count];
        string? subject = null;
        var subjectKey = 0L;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var leafHash = new byte[Rfc6962.HashSize];
            var bytes = AuditRecordSerializer.SerializeWithLeafHash(record, leafHash);
            if (subject is null || !string.Equals(subject, record.Subject.Id, StringComparison.Ordinal))
            {
                // Callers log several steps per subject in a row (ingress: decision, submission, match): one key each.
                subject = record.Subject.Id;
                subjectKey = PendingEntry.KeyOf(subject);
            }

            entries[i] = new PendingEntry(bytes, leafHash, subjectKey);
        }

        return entries;
    }

    public Task<AuditAppendResult> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default) =>
        AppendAsync([record], cancellationToken);

    /// <summary>Appends durably, waits for a covering checkpoint (signed at once), and returns one receipt per record.</summary>
    public async Task<IReadOnlyList<AuditReceipt>> AppendWithReceiptsAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        var result = await AppendAsync(records, cancellationToken).ConfigureAwait(false);
        var receipts = new List<AuditReceipt>(result.Count);
        for (var i = 0; i < result.Count; i++)
        {
            receipts.Add(await GetReceiptAsync(result.FirstIndex + i, cancellationToken).ConfigureAwait(false));
        }

        return receipts;
    }

    /// <summary>A receipt for a durable record: its inclusion proof against the latest checkpoint (signing one now if none covers it).</summary>
    public async Task<AuditReceipt> GetReceiptAsync(long index, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Tree.Size);
        var checkpoint = _latest;
        if (checkpoint is null || checkpoint.Size <= index)
        {
            checkpoint = await SignCheckpointAsync(cancellationToken).ConfigureAwait(false);
        }

        var entry = await _store.ReadEntriesAsync(index, 1, cancellationToken).ConfigureAwait(false);
        return new AuditReceipt(index, entry[0].Record, Tree.InclusionProof(index, checkpoint!.Size), checkpoint.Note);
    }

    /// <summary>Completes when a checkpoint with size &gt; <paramref name="index"/> is signed (benchmarks, tests).</summary>
    public async Task<StoredCheckpoint> WaitForCheckpointAsync(long index, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task next;
            lock (_waitersLock)
            {
                if (_latest is { } latest && latest.Size > index)
                {
                    return latest;
                }

                next = _nextCheckpoint.Task;
            }

            await next.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Signs, stores and publishes a checkpoint of the current tree if it grew; returns the latest checkpoint.</summary>
    public async Task<StoredCheckpoint?> SignCheckpointAsync(CancellationToken cancellationToken = default)
    {
        await _signing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var size = Tree.Size;
            if (size == 0 || (_latest is { } latest && latest.Size >= size))
            {
                return _latest;
            }

            var root = Tree.Root(size);
            var note = Key.SignNote(CheckpointFormat.Body(Options.Origin, size, root));
            var checkpoint = new StoredCheckpoint(size, root, note, _time.GetUtcNow());
            await _store.SaveCheckpointAsync(checkpoint, cancellationToken).ConfigureAwait(false);
            lock (_waitersLock)
            {
                _latest = checkpoint;
                var signalled = _nextCheckpoint;
                _nextCheckpoint = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                signalled.TrySetResult();
            }

            if (Options.PublishCheckpoints)
            {
                await PublishAsync(checkpoint, cancellationToken).ConfigureAwait(false);
            }

            return checkpoint;
        }
        finally
        {
            _signing.Release();
        }
    }

    /// <summary>Opens the store, loads the tree, loads or creates the key, checks the tree against the last checkpoint.</summary>
    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        await _store.InitialiseAsync(cancellationToken).ConfigureAwait(false);
        var pending = new List<byte>(64 * 1024);
        await _store.LoadLeafHashesAsync(hash =>
        {
            pending.AddRange(hash);
            if (pending.Count >= 64 * 1024)
            {
                Tree.AppendLeafHashes(pending.ToArray());
                pending.Clear();
            }
        }, cancellationToken).ConfigureAwait(false);
        Tree.AppendLeafHashes(pending.ToArray());
        _key = await _keys.LoadOrCreateAsync(_store, Options.Origin, cancellationToken).ConfigureAwait(false);
        var latest = await _store.FindCheckpointAsync(null, cancellationToken).ConfigureAwait(false);
        if (latest is not null && (latest.Size > Tree.Size || !Tree.Root(latest.Size).AsSpan().SequenceEqual(latest.Root)))
        {
            LogTreeMismatch(_logger, latest.Size, Tree.Size);
        }

        _latest = latest;
        _writer.Start();
    }

    internal async Task StopAsync()
    {
        await _writer.StopAsync().ConfigureAwait(false);
        if (!_disposed)
        {
            await SignCheckpointAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task PublishAsync(StoredCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(checkpoint.Note);
        try
        {
            using (var content = new MemoryStream(bytes, writable: false))
            {
                await _documents.PutAsync(DocumentName.Parse($"audit/checkpoints/{checkpoint.Size}"), content, "text/plain; charset=utf-8", cancellationToken).ConfigureAwait(false);
            }

            using (var content = new MemoryStream(bytes, writable: false))
            {
                await _documents.PutAsync(DocumentName.Parse("audit/checkpoint-latest"), content, "text/plain; charset=utf-8", cancellationToken).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // Publishing is best effort: the checkpoint is already stored and served by the API.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogPublishFailed(_logger, checkpoint.Size, e);
        }
    }

    [LoggerMessage(EventId = 3501, Level = LogLevel.Critical,
        Message = "Audit log does not match its last signed checkpoint (checkpoint size {CheckpointSize}, stored entries {TreeSize}): the audit database was altered")]
    private static partial void LogTreeMismatch(ILogger logger, long checkpointSize, long treeSize);

    [LoggerMessage(EventId = 3502, Level = LogLevel.Warning, Message = "Publishing audit checkpoint {Size} to the document store failed")]
    private static partial void LogPublishFailed(ILogger logger, long size, Exception exception);
}
