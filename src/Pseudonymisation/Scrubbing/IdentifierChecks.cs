namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>
/// The checksums the recognisers need: the BSN 11-proef and IBAN mod-97 with country lengths.
/// Kept in one place so they can be swapped for the shared identifiers library in one edit.
/// </summary>
internal static class IdentifierChecks
{
    private static readonly Dictionary<string, int> IbanLengths = new(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22,
        ["BH"] = 22, ["BR"] = 29, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18,
        ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22,
        ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22,
        ["IL"] = 23, ["IS"] = 26, ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LI"] = 21,
        ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MR"] = 27,
        ["MT"] = 31, ["MU"] = 30, ["NL"] = 18, ["NO"] = 15, ["PK"] = 24, ["PL"] = 28, ["PS"] = 29, ["PT"] = 25,
        ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["SA"] = 24, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27,
        ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VG"] = 24, ["XK"] = 20,
    };

    /// <summary>11-proef on exactly nine digits: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), and not all zero.</summary>
    public static bool IsValidBsn(ReadOnlySpan<char> nineDigits)
    {
        if (nineDigits.Length != 9)
        {
            return false;
        }

        var sum = 0;
        var nonZero = false;
        for (var i = 0; i < 9; i++)
        {
            var c = nineDigits[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            var digit = c - '0';
            nonZero |= digit != 0;
            sum += i == 8 ? -digit : (9 - i) * digit;
        }

        return nonZero && sum % 11 == 0;
    }

    /// <summary>The registered IBAN length for a country code, or 0 when unknown.</summary>
    public static int IbanLength(ReadOnlySpan<char> countryCode)
    {
        Span<char> upper = stackalloc char[2];
        if (countryCode.Length != 2 || countryCode.ToUpperInvariant(upper) != 2)
        {
            return 0;
        }

        return IbanLengths.TryGetValue(new string(upper), out var length) ? length : 0;
    }

    /// <summary>ISO 13616 mod-97 on a compact IBAN (letters and digits only, any case).</summary>
    public static bool IsValidIbanChecksum(ReadOnlySpan<char> compact)
    {
        if (compact.Length is < 5 or > 34)
        {
            return false;
        }

        var remainder = 0;
        for (var i = 0; i < compact.Length; i++)
        {
            var c = compact[(i + 4) % compact.Length];
            if (c is >= '0' and <= '9')
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else
            {
                var upper = char.ToUpperInvariant(c);
                if (upper is < 'A' or > 'Z')
                {
                    return false;
                }

                remainder = ((remainder * 100) + (upper - 'A' + 10)) % 97;
            }
        }

        return remainder == 1;
    }
}
