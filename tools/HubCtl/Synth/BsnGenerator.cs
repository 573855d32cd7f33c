using Bogus;

namespace SharingHub.HubCtl.Synth;

/// <summary>
/// Burgerservicenummers: 9 digits passing the 11-proef (9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 mod 11). Leading zeros
/// occur (numbers carried over from the old sofinummer range).
/// </summary>
internal static class BsnGenerator
{
    private static readonly (int FirstDigit, double Weight)[] FirstDigits = [(0, 8), (1, 30), (2, 32), (3, 30)];

    /// <summary>A valid BSN as a 9-digit string.</summary>
    public static string Next(Randomizer random)
    {
        Span<int> digits = stackalloc int[9];
        while (true)
        {
            var pick = random.Double() * 100;
            var first = 0;
            foreach (var (digit, weight) in FirstDigits)
            {
                if (pick < weight)
                {
                    first = digit;
                    break;
                }

                pick -= weight;
            }

            digits[0] = first;
            var sum = 9 * first;
            for (var i = 1; i < 8; i++)
            {
                digits[i] = random.Number(0, 9);
                sum += (9 - i) * digits[i];
            }

            var check = sum % 11;
            if (check == 10)
            {
                continue;
            }

            digits[8] = check;
            if (first == 0 && digits[1] == 0)
            {
                continue; // "00…" numbers are not issued.
            }

            return string.Create(9, digits.ToArray(), static (span, d) =>
            {
                for (var i = 0; i < 9; i++)
                {
                    span[i] = (char)('0' + d[i]);
                }
            });
        }
    }

    /// <summary>True when <paramref name="bsn"/> is 9 digits passing the 11-proef.</summary>
    public static bool IsValid(ReadOnlySpan<char> bsn)
    {
        if (bsn.Length != 9)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var c = bsn[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            sum += (i == 8 ? -1 : 9 - i) * (c - '0');
        }

        return sum % 11 == 0 && sum != 0;
    }
}
