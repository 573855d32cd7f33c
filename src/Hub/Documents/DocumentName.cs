using System.Diagnostics.CodeAnalysis;

namespace SharingHub.Hub.Documents;

/// <summary>
/// A validated document name: 1-512 characters, segments of [A-Za-z0-9._-] separated by '/', no empty,
/// "." or ".." segment, no leading dot in a segment. Safe as a relative file path and as a blob name.
/// Names are made by hub code (ids, pseudonyms), never from raw identifiers.
/// </summary>
public readonly record struct DocumentName
{
    public const int MaxLength = 512;

    private DocumentName(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>Parses a name; false (never an exception) when it is not a valid name.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out DocumentName? name)
    {
        name = null;
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        foreach (var segment in value.Split('/'))
        {
            if (!IsValidSegment(segment))
            {
                return false;
            }
        }

        name = new DocumentName(value);
        return true;
    }

    /// <summary>Parses a name made by hub code; an invalid one is a programming error.</summary>
    public static DocumentName Parse(string value) =>
        TryParse(value, out var name) ? name.Value : throw new ArgumentException("Not a valid document name.", nameof(value));

    public static implicit operator string(DocumentName name) => name.Value;

    private static bool IsValidSegment(string segment)
    {
        if (segment.Length == 0 || segment[0] == '.')
        {
            return false;
        }

        foreach (var c in segment)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
