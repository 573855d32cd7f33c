using System.Text.RegularExpressions;

namespace SharingHub.Pseudonymisation.Scrubbing.Recognisers;

/// <summary>
/// Telephone numbers. Dutch: ten digits starting with 0 ("06-12345678", "020-1234567", "0172 123456",
/// "(020) 123 4567") or +31/0031 with nine digits ("+31 6 12345678", "+31 (0)20 123 4567"): 0.85, 0.95 with a
/// context word. Other countries: "+" with a country code and 8-14 digits: 0.7. The first group of a Dutch
/// number must be a plausible area code (06, 0xx, 0xxx) so that dates such as "04-11-1978" are not joined.
/// </summary>
internal sealed partial class PhoneRecogniser : IEntityRecogniser
{
    public const double Dutch = 0.85;
    public const double DutchWithContext = 0.95;
    public const double International = 0.7;

    internal static readonly string[] Context =
    [
        "tel", "tel.", "telefoon", "telefoonnummer", "telefonisch", "mobiel", "mobiele", "gsm", "06-nummer", "bellen", "gebeld", "belde",
        "bereikbaar", "nummer", "whatsapp", "sms", "sms'te", "appte", "app", "contact", "tel.nr", "telnr",
    ];

    public string Name => "phone";

    public void Recognise(ScrubInput input, List<Detection> results)
    {
        var text = input.Text;
        foreach (Match found in Candidate().Matches(text))
        {
            var match = found.Groups[1];
            var groups = Groups(text.AsSpan(match.Index, match.Length), match.Index);
            if (TryDutch(groups, out var end, out var key) || TryInternational(groups, out end, out key))
            {
                var dutch = key.StartsWith("+31", StringComparison.Ordinal);
                var context = ContextWords.AnyBefore(input.Folded, match.Index, 40, Context);
                var score = dutch ? (context ? DutchWithContext : Dutch) : International;
                var evidence = ScrubEvidence.Pattern | (context ? ScrubEvidence.ContextWord : ScrubEvidence.None);
                results.Add(new Detection(ScrubEntityType.Phone, match.Index, end - match.Index, score, Name, evidence, key));
            }
        }
    }

    /// <summary>Digit groups with their end offsets; '+' and "(0)" are kept as markers.</summary>
    private static List<(string Digits, int End, bool Plus, bool TrunkZero)> Groups(ReadOnlySpan<char> span, int offset)
    {
        var groups = new List<(string, int, bool, bool)>();
        var i = 0;
        while (i < span.Length)
        {
            if (span[i..].StartsWith("(0)", StringComparison.Ordinal))
            {
                groups.Add(("0", offset + i + 3, false, true));
                i += 3;
                continue;
            }

            var plus = span[i] == '+';
            if (plus)
            {
                i++;
            }

            var start = i;
            while (i < span.Length && char.IsAsciiDigit(span[i]))
            {
                i++;
            }

            if (i > start)
            {
                groups.Add((span[start..i].ToString(), offset + i, plus, false));
            }

            while (i < span.Length && !char.IsAsciiDigit(span[i]) && span[i] != '+' && !span[i..].StartsWith("(0)", StringComparison.Ordinal))
            {
                i++;
            }
        }

        return groups;
    }

    private static bool TryDutch(List<(string Digits, int End, bool Plus, bool TrunkZero)> groups, out int end, out string key)
    {
        end = 0;
        key = string.Empty;
        if (groups.Count == 0)
        {
            return false;
        }

        var first = groups[0];
        int index;
        string national;
        if ((first.Plus && first.Digits.StartsWith("31", StringComparison.Ordinal)) || first.Digits.StartsWith("0031", StringComparison.Ordinal))
        {
            national = first.Digits[(first.Digits.StartsWith("0031", StringComparison.Ordinal) ? 4 : 2)..];
            index = 1;
            if (index < groups.Count && groups[index].TrunkZero)
            {
                index++;
            }

            if (national.Length == 0 && index < groups.Count && groups[index].Digits[0] == '0')
            {
                return false;
            }
        }
        else if (!first.Plus && first.Digits[0] == '0' && first.Digits.Length > 1 && first.Digits[1] != '0'
            && (first.Digits.Length is 3 or 4 || first.Digits == "06" || first.Digits.Length == 10))
        {
            national = first.Digits[1..];
            index = 1;
        }
        else
        {
            return false;
        }

        end = first.End;
        while (national.Length < 9 && index < groups.Count)
        {
            national += groups[index].Digits;
            end = groups[index].End;
            index++;
        }

        if (national.Length != 9 || national[0] == '0')
        {
            return false;
        }

        key = "+31" + national;
        return true;
    }

    private static bool TryInternational(List<(string Digits, int End, bool Plus, bool TrunkZero)> groups, out int end, out string key)
    {
        end = 0;
        key = string.Empty;
        if (groups.Count == 0 || !groups[0].Plus || groups[0].Digits[0] == '0')
        {
            return false;
        }

        var digits = string.Empty;
        foreach (var group in groups)
        {
            if (group.TrunkZero)
            {
                continue;
            }

            digits += group.Digits;
            end = group.End;
            if (digits.Length >= 10)
            {
                break;
            }
        }

        if (digits.Length is < 9 or > 15)
        {
            return false;
        }

        key = "+" + digits;
        return true;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}+/.,\-(])(?=((?:\+|00|\(0|0)[\d ()\-.]{7,20}\d)(?![\p{L}\p{N}]|[.,\-/]\d))", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
