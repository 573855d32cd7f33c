using SharingHub.Pseudonymisation.Identifiers;

namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>
/// The checks the recognisers need, delegated to the identifiers library so that each checksum has one
/// implementation: the BSN 11-proef (<see cref="Bsn.IsValidElfproef"/>), IBAN lengths per country
/// (<see cref="IbanCountries"/>) and the IBAN mod-97 check with the Dutch BBAN layout (<see cref="Iban.Parse"/>).
/// </summary>
internal static class IdentifierChecks
{
    /// <summary>11-proef on exactly nine digits; all zeros is rejected.</summary>
    public static bool IsValidBsn(ReadOnlySpan<char> nineDigits) => Bsn.IsValidElfproef(nineDigits);

    /// <summary>The registered IBAN length for a country code (any case), or 0 when unknown.</summary>
    public static int IbanLength(ReadOnlySpan<char> countryCode)
    {
        Span<char> upper = stackalloc char[2];
        return countryCode.Length == 2 && countryCode.ToUpperInvariant(upper) == 2 ? IbanCountries.LengthOf(upper) : 0;
    }

    /// <summary>A compact IBAN (letters and digits only, any case) that passes mod-97 and its country's layout.</summary>
    public static bool IsValidIbanChecksum(ReadOnlySpan<char> compact) => Iban.Parse(compact.ToString()).IsValid;
}
