using System.Text.RegularExpressions;

namespace SharingHub.Pseudonymisation.Scrubbing.Recognisers;

/// <summary>
/// BSN: nine digits, also written "1234.56.782", "123.456.782", "123 456 782" or "1234 56 782".
/// Scores: 11-proef + context word 0.95; 11-proef alone 0.6 (kept: we err towards scrubbing);
/// 11-proef next to an order/invoice/case-number word 0.4 (dropped at the default threshold 0.5);
/// context word but failed 11-proef 0.55 (kept: a mistyped BSN is still a BSN).
/// </summary>
internal sealed partial class BsnRecogniser : IEntityRecogniser
{
    public const double WithContext = 0.95;
    public const double ChecksumOnly = 0.6;
    public const double NegativeContextScore = 0.4;
    public const double ContextWithoutChecksum = 0.55;

    private const int ContextWindow = 40;

    internal static readonly string[] Context =
    [
        "bsn", "burgerservicenummer", "burgerservice-nummer", "sofinummer", "sofi-nummer", "sofi nummer", "sofi", "bsn-nummer", "persoonsnummer",
    ];

    internal static readonly string[] Negative =
    [
        "ordernummer", "order", "bestelnummer", "bestelling", "factuurnummer", "factuur", "artikelnummer", "zaaknummer",
        "registratienummer", "referentie", "referentienummer", "kenmerk", "dossiernummer", "polisnummer", "transactienummer",
        "bonnummer", "pakketnummer", "zending", "track", "kvk", "btw", "ticketnummer", "meldingnummer", "meldingsnummer",
        "€", "eur", "euro", "bedrag", "bedroeg", "saldo",
    ];

    public string Name => "bsn";

    public void Recognise(ScrubInput input, List<Detection> results)
    {
        Span<char> digits = stackalloc char[9];
        foreach (var match in Candidate().EnumerateMatches(input.Text))
        {
            var span = input.Text.AsSpan(match.Index, match.Length);
            var count = 0;
            foreach (var c in span)
            {
                if (char.IsAsciiDigit(c))
                {
                    digits[count++] = c;
                }
            }

            if (count == 8 && match.Length == 8)
            {
                // A BSN with a leading zero is often written without it (spreadsheets); only with a context word.
                digits[..8].CopyTo(digits[1..]);
                digits[0] = '0';
                count = 9;
                if (!IdentifierChecks.IsValidBsn(digits) || !ContextWords.AnyBefore(input.Folded, match.Index, ContextWindow, Context))
                {
                    continue;
                }
            }

            if (count != 9)
            {
                continue;
            }

            var valid = IdentifierChecks.IsValidBsn(digits);
            var context = ContextWords.AnyBefore(input.Folded, match.Index, ContextWindow, Context);
            double score;
            ScrubEvidence evidence;
            if (valid && context)
            {
                (score, evidence) = (WithContext, ScrubEvidence.Pattern | ScrubEvidence.ChecksumPassed | ScrubEvidence.ContextWord);
            }
            else if (valid && ContextWords.AnyBefore(input.Folded, match.Index, ContextWindow, Negative))
            {
                (score, evidence) = (NegativeContextScore, ScrubEvidence.Pattern | ScrubEvidence.ChecksumPassed | ScrubEvidence.NegativeContext);
            }
            else if (valid)
            {
                (score, evidence) = (ChecksumOnly, ScrubEvidence.Pattern | ScrubEvidence.ChecksumPassed);
            }
            else if (context)
            {
                (score, evidence) = (ContextWithoutChecksum, ScrubEvidence.Pattern | ScrubEvidence.ContextWord | ScrubEvidence.ChecksumFailed);
            }
            else
            {
                continue;
            }

            results.Add(new Detection(ScrubEntityType.Bsn, match.Index, match.Length, score, Name, evidence, new string(digits)));
        }
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_/\-.,+])(?:\d{8,9}|\d{4}\.\d{2}\.\d{3}|\d{3}\.\d{3}\.\d{3}|\d{3} \d{3} \d{3}|\d{4} \d{2} \d{3})(?![\p{L}\p{N}_]|[.,\-/]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
