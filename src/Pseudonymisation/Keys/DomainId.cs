namespace SharingHub.Pseudonymisation.Keys;

/// <summary>
/// A key domain is a convenant id ("riec", "zvh", "pmg"): 1..63 characters of [a-z0-9-], starting with a
/// letter or digit. The rule keeps domain ids safe as file names and DataProtection purposes.
/// </summary>
public static class DomainId
{
    public const int MaxLength = 63;

    public static bool IsValid(string? domain)
    {
        if (string.IsNullOrEmpty(domain) || domain.Length > MaxLength || domain[0] == '-')
        {
            return false;
        }

        foreach (var c in domain)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws <see cref="KeyException"/> SH1201 when <paramref name="domain"/> is not a valid domain id.</summary>
    public static void Validate(string? domain)
    {
        if (!IsValid(domain))
        {
            throw new KeyException(KeyErrorCodes.InvalidDomain, "The key domain id must be 1..63 characters of [a-z0-9-], starting with a letter or digit.");
        }
    }
}
