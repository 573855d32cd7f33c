using System.Diagnostics.CodeAnalysis;

namespace SharingHub.Hub.Idempotency;

/// <summary>The value of an <c>Idempotency-Key</c> header: 1-128 visible ASCII characters (SH3030 otherwise).</summary>
public readonly record struct IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";

    private IdempotencyKey(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>Parses a header value; false (never an exception) when it is malformed.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out IdempotencyKey? key)
    {
        key = null;
        if (string.IsNullOrEmpty(value) || value.Length > IdempotencyRecord.KeyMaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        key = new IdempotencyKey(value);
        return true;
    }
}
