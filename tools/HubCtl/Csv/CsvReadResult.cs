namespace SharingHub.HubCtl.Csv;

/// <summary>All records of a CSV file, or the first error found in it (never both).</summary>
public sealed class CsvReadResult<T>
    where T : class
{
    /// <summary>A successfully read file.</summary>
    public CsvReadResult(IReadOnlyList<T> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        Records = records;
    }

    /// <summary>A rejected file.</summary>
    public CsvReadResult(CsvError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Records = [];
        Error = error;
    }

    /// <summary>The records; empty when <see cref="Error"/> is set.</summary>
    public IReadOnlyList<T> Records { get; }

    /// <summary>The first error, or null when the whole file was read.</summary>
    public CsvError? Error { get; }

    public bool IsSuccess => Error is null;

    public override string ToString() => IsSuccess ? $"{Records.Count} records" : Error!.ToString();
}
