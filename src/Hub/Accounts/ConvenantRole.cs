using System.Diagnostics.CodeAnalysis;

namespace SharingHub.Hub.Accounts;

/// <summary>
/// A functional role under one convenant, written <c>convenant:role</c> in tokens (e.g. <c>riec:analist</c>).
/// </summary>
public readonly record struct ConvenantRole(string Convenant, string Role)
{
    public const int PartMaxLength = 64;

    /// <summary>The token form, <c>convenant:role</c>.</summary>
    public override string ToString() => Convenant + ":" + Role;

    /// <summary>Parses <c>convenant:role</c>; both parts must be well-formed ids.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out ConvenantRole? role)
    {
        role = null;
        if (value is null)
        {
            return false;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == value.Length - 1)
        {
            return false;
        }

        var convenant = value[..colon];
        var name = value[(colon + 1)..];
        if (!IsId(convenant) || !IsId(name))
        {
            return false;
        }

        role = new ConvenantRole(convenant, name);
        return true;
    }

    /// <summary>True for 1-64 characters of a-z, 0-9 and dashes, not starting with a dash.</summary>
    public static bool IsId(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.Length > PartMaxLength || value[0] == '-')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
