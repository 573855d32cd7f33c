using System.Threading.Channels;
using SharingHub.Hub.Audit.Merkle;
using SharingHub.Hub.Audit.Storage;

namespace SharingHub.Hub.Audit;

/// <summary>
/// Group commit: appenders enqueue (records already serialised and hashed on their own thread); one writer loop
/// takes everything queued (up to <see cref="AuditOptions.MaxBatch"/> records), writes it in ONE durable
/// transaction, extends the Merkle tree, and only then completes each appender's task.
/// </summary>
internal sealed partial class AuditWriter(AuditStore store, MerkleTree tree, AuditOptions options, TimeProvider time, ILogger<AuditWriter> logger)
{
    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _loop;

    public Task<AuditAppendResult> AppendAsync(IReadOnlyList<PendingEntry> entries)
    {
        var work = new Work(entries, new TaskCompletionSource<AuditAppendResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        return _queue.Writer.TryWrite(work) ? work.Completion.Task : throw new InvalidOperationException("The audit log is stopped.");
    }

    public void Start() => _loop ??= Task.Run(RunAsync);

    /// <summary>Stops accepting records and waits until everything queued is written.</summary>
    public async Task StopAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<Work>();
        var entries = new List<PendingEntry>();
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            entries.Clear();
            while (entries.Count < options.MaxBatch && reader.TryRead(out var work))
            {
                batch.Add(work);
                entries.AddRange(work.Entries);
            }

            var first = tree.Size;
            try
            {
                await store.AppendAsync(entries, first, time.GetUtcNow().ToUnixTimeMilliseconds(), CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The writer must survive a failed batch: its appenders get the exception, later batches proceed.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogBatchFailed(logger, entries.Count, e);
                foreach (var work in batch)
                {
                    work.Completion.TrySetException(e);
                }

                continue;
            }

            var hashes = new byte[entries.Count * Rfc6962.HashSize];
            for (var i = 0; i < entries.Count; i++)
            {
                entries[i].LeafHash.CopyTo(hashes, i * Rfc6962.HashSize);
            }

            tree.AppendLeafHashes(hashes);
            var index = first;
            foreach (var work in batch)
            {
                work.Completion.TrySetResult(new AuditAppendResult(index, work.Entries.Count));
                index += work.Entries.Count;
            }
        }
    }

    [LoggerMessage(EventId = 3500, Level = LogLevel.Error, Message = "Audit batch of {Count} records failed to commit; the appenders were told")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    private sealed record Work(IReadOnlyList<PendingEntry> Entries, TaskCompletionSource<AuditAppendResult> Completion);
}
