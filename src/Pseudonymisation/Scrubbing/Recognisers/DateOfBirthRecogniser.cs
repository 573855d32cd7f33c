using System.Globalization;
using System.Text.RegularExpressions;

namespace SharingHub.Pseudonymisation.Scrubbing.Recognisers;

/// <summary>
/// Dates of birth: a valid calendar date ("12-03-1985", "12/3/85", "12.03.1985", "1985-03-12", "12 maart 1985",
/// "12 mrt. '85") preceded within 40 characters of the same sentence by "geboren", "geb.", "geboortedatum", "dob", ... with no other
/// date in between (0.9), or followed by "(dob)" (0.9), or in parentheses right after a capitalised word, the
/// police notation "P. de Vries (04-11-1978)" (0.7). Other dates (incident dates) are left alone.
/// </summary>
internal sealed partial class DateOfBirthRecogniser : IEntityRecogniser
{
    public const double WithContext = 0.9;
    public const double AfterName = 0.7;

    internal static readonly string[] Context =
    [
        "geboren", "geb.", "geb", "geboortedatum", "geboortedag", "geb.datum", "geb.dat.", "dob", "d.o.b.", "geboorte", "geboortejaar", "°", "*",
    ];

    private static readonly string[] Months =
    [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
    ];

    public string Name => "date-of-birth";

    public void Recognise(ScrubInput input, List<Detection> results)
    {
        var previousEnd = 0;
        foreach (Match match in Date().Matches(input.Text))
        {
            if (!TryParse(match, out var date))
            {
                continue;
            }

            var context = ContextWords.AnyBefore(input.Folded, match.Index, 40, Context, notBefore: Math.Max(previousEnd, ContextWords.SentenceStart(input.Text, match.Index)))
                || AfterIsDobMarker(input.Folded, match.Index + match.Length);
            previousEnd = match.Index + match.Length;
            var key = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (context)
            {
                results.Add(new Detection(ScrubEntityType.DateOfBirth, match.Index, match.Length, WithContext, Name, ScrubEvidence.Pattern | ScrubEvidence.ChecksumPassed | ScrubEvidence.ContextWord, key));
            }
            else if (InParenthesesAfterName(input.Text, match.Index, match.Index + match.Length))
            {
                results.Add(new Detection(ScrubEntityType.DateOfBirth, match.Index, match.Length, AfterName, Name, ScrubEvidence.Pattern | ScrubEvidence.ChecksumPassed, key));
            }
        }
    }

    private static bool AfterIsDobMarker(string folded, int end)
    {
        var rest = folded.AsSpan(end, Math.Min(12, folded.Length - end)).TrimStart();
        return rest.StartsWith("(dob", StringComparison.Ordinal) || rest.StartsWith("(geb", StringComparison.Ordinal)
            || rest.StartsWith("(geboortedatum", StringComparison.Ordinal);
    }

    private static bool InParenthesesAfterName(string text, int start, int end)
    {
        if (start < 3 || end >= text.Length || text[start - 1] != '(' || text[end] != ')' || text[start - 2] != ' ')
        {
            return false;
        }

        var i = start - 3;
        while (i > 0 && char.IsLetter(text[i - 1]))
        {
            i--;
        }

        return char.IsLetter(text[i]) && char.IsUpper(text[i]);
    }

    private static bool TryParse(Match match, out DateOnly date)
    {
        date = default;
        int day, month, year;
        if (match.Groups["iy"].Success)
        {
            year = int.Parse(match.Groups["iy"].ValueSpan, CultureInfo.InvariantCulture);
            month = int.Parse(match.Groups["im"].ValueSpan, CultureInfo.InvariantCulture);
            day = int.Parse(match.Groups["id"].ValueSpan, CultureInfo.InvariantCulture);
        }
        else
        {
            day = int.Parse(match.Groups["d"].ValueSpan, CultureInfo.InvariantCulture);
            var yearText = match.Groups["y"].Value.TrimStart('\'', '\u2019');
            year = int.Parse(yearText, CultureInfo.InvariantCulture);
            if (yearText.Length == 2)
            {
                year += year <= 30 ? 2000 : 1900;
            }

            month = match.Groups["m"].Success
                ? int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture)
                : MonthNumber(match.Groups["mn"].Value);
        }

        if (year is < 1880 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int MonthNumber(string name)
    {
        var folded = TextFolding.Fold(name).TrimEnd('.');
        for (var i = 0; i < Months.Length; i++)
        {
            if (Months[i].StartsWith(folded, StringComparison.Ordinal) || (folded == "mrt" && i == 2) || (folded == "okt" && i == 9))
            {
                return i + 1;
            }
        }

        return 0;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}/.\-])(?:(?<d>\d{1,2})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})|(?<iy>(?:18|19|20)\d{2})-(?<im>\d{2})-(?<id>\d{2})|(?<d>\d{1,2})[ ]+(?<mn>(?i:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?)[ ]+(?<y>\d{4}|['\u2019]\d{2}))(?![\p{L}\p{N}]|[-/.]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Date();
}
