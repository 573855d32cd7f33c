namespace SharingHub.Hub.Processing;

/// <summary>Records nothing. Registered only until an audit trail implementation is registered instead.</summary>
public sealed class NullProcessingLog : IProcessingLog
{
    public ValueTask RecordAsync(ProcessingRecord record, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask RecordBatchAsync(IReadOnlyList<ProcessingRecord> records, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
