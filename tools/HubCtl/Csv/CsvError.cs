namespace SharingHub.HubCtl.Csv;

/// <summary>
/// Why a CSV file was rejected. <paramref name="RowNumber"/> is the 1-based data row (0 for the header),
/// <paramref name="Line"/> the 1-based physical line on which that row starts. The message names the row and
/// column but never a field's content.
/// </summary>
public sealed record CsvError(string Code, long RowNumber, long Line, string Message)
{
    public override string ToString() => $"{Code}: {Message} (row {RowNumber}, line {Line})";
}
