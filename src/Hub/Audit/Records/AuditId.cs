using System.Buffers;

namespace SharingHub.Hub.Audit.Records;

/// <summary>
/// The shape every free-form audit field must have: an id (convenant, purpose, partner, role, client, clause,
/// category, operation). 1-128 characters of [A-Za-z0-9._:/-], starting with a letter. A value that is not an id
/// (a name, a BSN, an e-mail address, free text) is refused, and the refusal never echoes the value.
/// </summary>
public static class AuditId
{
    public const int MaxLength = 128;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:/-");

    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && char.IsAsciiLetter(value[0])
        && !value.AsSpan().ContainsAnyExcept(Allowed);

    /// <summary>Returns <paramref name="value"/> when it is an id; throws <see cref="AuditRecordException"/> naming only the field.</summary>
    public static string Require(string? value, string field) =>
        IsValid(value) ? value! : throw new AuditRecordException(field);

    public static string? Optional(string? value, string field) => value is null ? null : Require(value, field);

    public static IReadOnlyList<string> RequireAll(IEnumerable<string>? values, string field)
    {
        if (values is null)
        {
            return [];
        }

        if (values is IReadOnlyList<string> given)
        {
            if (given.Count == 0)
            {
                return [];
            }

            var copy = new string[given.Count];
            for (var i = 0; i < copy.Length; i++)
            {
                copy[i] = Require(given[i], field);
            }

            return copy;
        }

        var list = new List<string>();
        foreach (var value in values)
        {
            list.Add(Require(value, field));
        }

        return list;
    }
}

/// <summary>An audit record was built with a field that is not an id. The message names the field, never the value.</summary>
public sealed class AuditRecordException(string field)
    : ArgumentException($"{AuditErrorCodes.InvalidRecordField}: audit field '{field}' is not a well-formed id.")
{
    public string Field { get; } = field;

    public string Code => AuditErrorCodes.InvalidRecordField;
}
