using System.Text.RegularExpressions;

namespace SharingHub.Pseudonymisation.Scrubbing.Recognisers;

/// <summary>
/// Dutch licence plates in the fourteen sidecodes (e.g. 12-ABC-3, AB-123-C, 1-ABC-23). Written with two dashes
/// and upper-case letters: 0.9 (1.0 with a context word). Without dashes, with spaces or in lower case only
/// next to a context word ("kenteken", "voertuig", "auto", "scooter", ...): 0.8.
/// </summary>
internal sealed partial class KentekenRecogniser : IEntityRecogniser
{
    public const double DashedWithContext = 1.0;
    public const double Dashed = 0.9;
    public const double UndashedWithContext = 0.8;

    internal static readonly string[] Context =
    [
        "kenteken", "kentekenplaat", "voertuig", "auto", "personenauto", "bestelauto", "bestelbus", "busje", "scooter", "brommer",
        "bromfiets", "motor", "motorfiets", "vrachtwagen", "wagen", "snorfiets", "aanhanger", "caravan", "camper", "taxi", "bmw",
        "audi", "volkswagen", "mercedes", "opel", "peugeot", "renault", "toyota", "ford", "kia", "skoda", "fiat", "citroen", "volvo",
    ];

    public string Name => "kenteken";

    public void Recognise(ScrubInput input, List<Detection> results)
    {
        Span<char> key = stackalloc char[8];
        var text = input.Text;
        for (var position = 0; position < text.Length; position++)
        {
            // Every sidecode has a digit within its (at most eight) characters: try only word starts that have one.
            if (!char.IsAsciiLetterOrDigit(text[position]) || (position > 0 && (char.IsLetterOrDigit(text[position - 1]) || text[position - 1] == '-'))
                || text.AsSpan(position, Math.Min(8, text.Length - position)).IndexOfAnyInRange('0', '9') < 0)
            {
                continue;
            }

            var match = Candidate().Match(text, position);
            if (!match.Success)
            {
                continue;
            }

            position = match.Index + match.Length - 1;
            var span = text.AsSpan(match.Index, match.Length);
            var dashes = 0;
            var spaces = 0;
            var lower = false;
            var n = 0;
            foreach (var c in span)
            {
                if (c == '-')
                {
                    dashes++;
                }
                else if (c == ' ')
                {
                    spaces++;
                }
                else
                {
                    lower |= char.IsAsciiLetterLower(c);
                    key[n++] = char.ToUpperInvariant(c);
                }
            }

            var context = ContextWords.AnyBefore(input.Folded, match.Index, 50, Context)
                || ContextWords.AnyAfter(input.Folded, match.Index + match.Length, 20, Context);
            double score;
            var evidence = ScrubEvidence.Pattern;
            if (dashes == 2 && !lower)
            {
                score = context ? DashedWithContext : Dashed;
            }
            else if (context && (dashes + spaces is 0 or 2))
            {
                score = UndashedWithContext;
            }
            else
            {
                continue;
            }

            if (context)
            {
                evidence |= ScrubEvidence.ContextWord;
            }

            results.Add(new Detection(ScrubEntityType.Kenteken, match.Index, match.Length, score, Name, evidence, new string(key[..n])));
        }
    }

    [GeneratedRegex(@"\G(?<![\p{L}\p{N}\-])(?:[A-Za-z]{2}[- ]?\d{2}[- ]?\d{2}|\d{2}[- ]?\d{2}[- ]?[A-Za-z]{2}|\d{2}[- ]?[A-Za-z]{2}[- ]?\d{2}|[A-Za-z]{2}[- ]?\d{2}[- ]?[A-Za-z]{2}|[A-Za-z]{2}[- ]?[A-Za-z]{2}[- ]?\d{2}|\d{2}[- ]?[A-Za-z]{2}[- ]?[A-Za-z]{2}|\d{2}[- ]?[A-Za-z]{3}[- ]?\d{1}|\d{1}[- ]?[A-Za-z]{3}[- ]?\d{2}|[A-Za-z]{2}[- ]?\d{3}[- ]?[A-Za-z]{1}|[A-Za-z]{1}[- ]?\d{3}[- ]?[A-Za-z]{2}|[A-Za-z]{3}[- ]?\d{2}[- ]?[A-Za-z]{1}|[A-Za-z]{1}[- ]?\d{2}[- ]?[A-Za-z]{3}|\d{1}[- ]?[A-Za-z]{2}[- ]?\d{3}|\d{3}[- ]?[A-Za-z]{2}[- ]?\d{1})(?![\p{L}\p{N}]|-[\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
