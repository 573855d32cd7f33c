using System.Text;

namespace SharingHub.Hub.Disclosure;

/// <summary>
/// The CSV form of a disclosure: header <c>field,value</c>, one row per value (RFC 4180 quoting). A value that a spreadsheet
/// would run as a formula (starting with =, +, -, @, tab or carriage return) is prefixed with a single quote.
/// </summary>
public static class DisclosureCsv
{
    public const string Header = "field,value";

    public static string Write(IEnumerable<KeyValuePair<string, string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var (field, value) in rows)
        {
            csv.Append(Cell(field)).Append(',').Append(Cell(value)).Append('\n');
        }

        return csv.ToString();
    }

    internal static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
