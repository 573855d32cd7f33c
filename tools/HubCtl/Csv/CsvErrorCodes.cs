namespace SharingHub.HubCtl.Csv;

/// <summary>
/// Stable error codes for the CSV files hubctl reads (block SH9100-SH9119). Messages never contain field contents:
/// the fields are identifiers.
/// </summary>
public static class CsvErrorCodes
{
    /// <summary>The file could not be opened or read.</summary>
    public const string FileUnreadable = "SH9100";

    /// <summary>The file is empty: there is no header row.</summary>
    public const string MissingHeader = "SH9101";

    /// <summary>A required column is missing from the header.</summary>
    public const string MissingColumn = "SH9102";

    /// <summary>A column name appears twice in the header.</summary>
    public const string DuplicateColumn = "SH9103";

    /// <summary>A row has a different number of fields than the header.</summary>
    public const string WrongFieldCount = "SH9104";

    /// <summary>A quoted field is not closed before the end of the file.</summary>
    public const string UnterminatedQuote = "SH9105";

    /// <summary>A quote appears inside an unquoted field, or text follows a closing quote.</summary>
    public const string MisplacedQuote = "SH9106";

    /// <summary>A required field (an id) is empty.</summary>
    public const string EmptyRequiredField = "SH9107";

    /// <summary>An id that must be unique appears on two rows.</summary>
    public const string DuplicateId = "SH9108";

    /// <summary>A row is longer than <see cref="CsvLimits.MaxRecordChars"/> characters.</summary>
    public const string RecordTooLong = "SH9109";

    /// <summary>The file is not valid UTF-8.</summary>
    public const string InvalidEncoding = "SH9110";

    /// <summary>A link score is not a number in [0, 1].</summary>
    public const string InvalidScore = "SH9111";
}

/// <summary>Limits that keep a hostile file from exhausting memory.</summary>
public static class CsvLimits
{
    /// <summary>Maximum characters in one row (all fields together).</summary>
    public const int MaxRecordChars = 1 << 20;
}
