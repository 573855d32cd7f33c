using System.Text.RegularExpressions;

namespace SharingHub.Pseudonymisation.Scrubbing.Recognisers;

/// <summary>
/// IBAN for any country in the registry table, with or without spaces, checked with mod-97 and the country's
/// length. Scores: mod-97 + context 1.0, mod-97 0.95; a Dutch-shaped IBAN (NLkk BANK 0123456789) with a failed
/// checksum 0.55 (kept: a mistyped account number is still personal data).
/// </summary>
internal sealed partial class IbanRecogniser : IEntityRecogniser
{
    public const double WithContext = 1.0;
    public const double ChecksumOnly = 0.95;
    public const double DutchShapeOnly = 0.55;

    internal static readonly string[] Context =
    [
        "iban", "rekening", "rekeningnummer", "bankrekening", "bankrekeningnummer", "overgemaakt", "overboeking", "gestort", "rek.nr", "rek.nr.",
    ];

    public string Name => "iban";

    public void Recognise(ScrubInput input, List<Detection> results)
    {
        var text = input.Text;
        if (!MayHoldIban(text))
        {
            return;
        }

        Span<char> compact = stackalloc char[34];
        foreach (Match found in Candidate().Matches(text))
        {
            var match = found.Groups[1];
            var expected = IdentifierChecks.IbanLength(text.AsSpan(match.Index, 2));
            var dutchShape = expected == 18 && char.ToUpperInvariant(text[match.Index]) == 'N';
            if (expected == 0)
            {
                continue;
            }

            // Walk the candidate, taking exactly the country's number of letters/digits (single spaces allowed between).
            var count = 0;
            var end = match.Index;
            for (var i = match.Index; i < match.Index + match.Length && count < expected; i++)
            {
                var c = text[i];
                if (char.IsAsciiLetterOrDigit(c))
                {
                    compact[count++] = c;
                    end = i + 1;
                }
            }

            if (count != expected || (end < text.Length && char.IsLetterOrDigit(text[end])))
            {
                continue;
            }

            var context = ContextWords.AnyBefore(input.Folded, match.Index, 40, Context);
            var key = new string(compact[..count]).ToUpperInvariant();
            if (IdentifierChecks.IsValidIbanChecksum(compact[..count]))
            {
                var evidence = ScrubEvidence.Pattern | ScrubEvidence.ChecksumPassed | (context ? ScrubEvidence.ContextWord : ScrubEvidence.None);
                results.Add(new Detection(ScrubEntityType.Iban, match.Index, end - match.Index, context ? WithContext : ChecksumOnly, Name, evidence, key));
            }
            else if (dutchShape && DutchShape().IsMatch(key))
            {
                var evidence = ScrubEvidence.Pattern | ScrubEvidence.ChecksumFailed | (context ? ScrubEvidence.ContextWord : ScrubEvidence.None);
                results.Add(new Detection(ScrubEntityType.Iban, match.Index, end - match.Index, DutchShapeOnly, Name, evidence, key));
            }
        }
    }

    /// <summary>
    /// False when <see cref="CandidatePattern"/> cannot match: every match starts with two ASCII letters and two decimal
    /// digits (\d, any decimal digit), so a text without them (most texts) is not scanned.
    /// </summary>
    internal static bool MayHoldIban(string text)
    {
        for (var i = 2; i + 1 < text.Length; i++)
        {
            if (char.IsDigit(text[i]) && char.IsDigit(text[i + 1]) && char.IsAsciiLetter(text[i - 2]) && char.IsAsciiLetter(text[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where an IBAN may start (a lookahead, so every start position is tried).</summary>
    internal const string CandidatePattern = @"(?<![\p{L}\p{N}])(?=([A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}))";

    [GeneratedRegex(CandidatePattern, RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    [GeneratedRegex(@"^NL\d{2}[A-Z]{4}\d{10}$", RegexOptions.CultureInvariant)]
    private static partial Regex DutchShape();
}
