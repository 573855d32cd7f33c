using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace SharingHub.Pseudonymisation.Tests.Identifiers;

/// <summary>A valid BSN written as 9 digits, built by the test's own 11-proef arithmetic.</summary>
public sealed record ValidBsnText(string Digits);

/// <summary>A valid Dutch IBAN with check digits computed by the test's own BigInteger mod-97.</summary>
public sealed record ValidNlIban(string Text);

/// <summary>A valid Dutch postcode as "1234AB".</summary>
public sealed record ValidPostcodeText(string Text);

/// <summary>A valid licence plate with its expected sidecode.</summary>
public sealed record ValidKentekenText(string Text, int Sidecode);

/// <summary>Independent reference arithmetic and FsCheck generators for the identifier tests.</summary>
public static class IdentifierGenerators
{
    // Sidecode layouts written out again in the test, not taken from the code under test.
    public static readonly string[] SidecodeLayouts =
    [
        "XX-99-99", "99-99-XX", "99-XX-99", "XX-99-XX", "XX-XX-99", "99-XX-XX", "99-XXX-9",
        "9-XXX-99", "XX-999-X", "X-999-XX", "XXX-99-X", "X-99-XXX", "9-XX-999", "999-XX-9",
    ];

    private const string Consonants = "BCDFGHJKLMNPRSTVWXZ";

    /// <summary>The BSN check digit for 8 digits, or -1 when none exists (the sum needs a 10).</summary>
    public static int BsnCheckDigit(string eightDigits)
    {
        int sum = 0;
        for (int i = 0; i < 8; i++)
        {
            sum += (9 - i) * (eightDigits[i] - '0');
        }

        int check = sum % 11;
        return check == 10 ? -1 : check;
    }

    /// <summary>IBAN check digits computed with BigInteger over the textbook rearrangement.</summary>
    public static string IbanCheckDigits(string country, string bban)
    {
        string rearranged = bban + country + "00";
        var digits = new System.Text.StringBuilder();
        foreach (char c in rearranged)
        {
            digits.Append(char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture));
        }

        int remainder = (int)(BigInteger.Parse(digits.ToString(), CultureInfo.InvariantCulture) % 97);
        return (98 - remainder).ToString("D2", CultureInfo.InvariantCulture);
    }

    /// <summary>True when the IBAN's BigInteger mod 97 is 1.</summary>
    public static bool IbanMod97IsOne(string iban)
    {
        string rearranged = iban[4..] + iban[..4];
        var digits = new System.Text.StringBuilder();
        foreach (char c in rearranged)
        {
            digits.Append(char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture));
        }

        return BigInteger.Parse(digits.ToString(), CultureInfo.InvariantCulture) % 97 == 1;
    }

    private static Gen<char> Digit => Gen.Elements("0123456789".ToCharArray());

    private static Gen<string> DigitsGen(int count) => Gen.ArrayOf(Digit, count).Select(a => new string(a));

    public static Arbitrary<ValidBsnText> ValidBsn() =>
        DigitsGen(8)
            .Where(d => BsnCheckDigit(d) >= 0 && d != "00000000")
            .Select(d => new ValidBsnText(d + BsnCheckDigit(d).ToString(CultureInfo.InvariantCulture)))
            .ToArbitrary();

    public static Arbitrary<ValidNlIban> ValidIban() =>
        Gen.ArrayOf(Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray()), 4)
            .SelectMany(bank => DigitsGen(10), (bank, account) => new string(bank) + account)
            .Select(bban => new ValidNlIban("NL" + IbanCheckDigits("NL", bban) + bban))
            .ToArbitrary();

    public static Arbitrary<ValidPostcodeText> ValidPostcode() =>
        Gen.Choose(1000, 9999)
            .SelectMany(_ => Gen.ArrayOf(Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray()), 2), (n, l) => n.ToString(CultureInfo.InvariantCulture) + new string(l))
            .Where(p => !p.EndsWith("SA", StringComparison.Ordinal) && !p.EndsWith("SD", StringComparison.Ordinal) && !p.EndsWith("SS", StringComparison.Ordinal))
            .Select(p => new ValidPostcodeText(p))
            .ToArbitrary();

    public static Arbitrary<ValidKentekenText> ValidKenteken() =>
        Gen.Choose(1, 14)
            .SelectMany(
                sidecode => Gen.CollectToArray(SidecodeLayouts[sidecode - 1].ToCharArray(), p => p switch
                {
                    'X' => Gen.Elements(Consonants.ToCharArray()),
                    '9' => Digit,
                    _ => Gen.Constant(p),
                }),
                (sidecode, chars) => new ValidKentekenText(new string(chars), sidecode))
            .ToArbitrary();
}
