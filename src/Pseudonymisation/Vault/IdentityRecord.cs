using System.Diagnostics;
namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// The real identity of a subject, as named fields. It exists in plaintext only between the parser and the
/// vault, and between the vault and a granted disclosure. ToString shows field names, never values.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class IdentityRecord
{
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly SortedDictionary<string, IdentityField> _fields;

    public IdentityRecord(IEnumerable<KeyValuePair<string, IdentityField>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _fields = new SortedDictionary<string, IdentityField>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            if (!IdentityFieldNames.IsValid(name) || !_fields.TryAdd(name, value ?? throw new ArgumentNullException(nameof(fields))))
            {
                throw new VaultException(VaultErrorCodes.InvalidFieldName, "Field names are 1..32 characters of [a-z0-9_] and unique.");
            }
        }
    }

    /// <summary>The fields, ordered by name.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public IReadOnlyDictionary<string, IdentityField> Fields => _fields;

    public IdentityField? this[string name] => _fields.TryGetValue(name, out var field) ? field : null;

    public override string ToString() => $"IdentityRecord {{ Fields = [{string.Join(", ", _fields.Keys)}] }}";
}
