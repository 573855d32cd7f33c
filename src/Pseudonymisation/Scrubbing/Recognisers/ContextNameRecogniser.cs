using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace SharingHub.Pseudonymisation.Scrubbing.Recognisers;

/// <summary>
/// Person names recognisable from the words before them. After a title ("de heer", "dhr.", "mevrouw", "mw.",
/// "mevr.") 0.85; after a role ("betrokkene", "bewoner", "melder", "zoon", "dochter", "genaamd", "zijn vriendin")
/// 0.75. A name is a run of capitalised words (or ALL CAPS) with tussenvoegsels between them and optional
/// initials in front: "Van der Berg", "El Amrani", "Jan-Willem de Vries", "P.J. de Vries". After a title it may
/// start with a lower-case tussenvoegsel ("de heer van Dijk"). The title or role word itself stays in the text.
/// Capitalised function words, weekdays, months, agencies and place names such as "Den Haag" are not names.
/// </summary>
internal sealed partial class ContextNameRecogniser : IEntityRecogniser
{
    public const double AfterTitle = 0.85;
    public const double AfterRole = 0.75;

    private static readonly string[] StreetEndings = ["straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk"];

    /// <summary>
    /// The folded literal start of every title and role alternative (<see cref="LiteralStart"/>): every match starts with
    /// one. The regex compares them case-insensitively, and each character it takes for one of their letters folds to that
    /// letter (the only non-ASCII ones are the Kelvin sign for k and Ë for ë), so the folded text holds the start too.
    /// </summary>
    internal static readonly SearchValues<string> TitleOrRoleStarts = SearchValues.Create(
        [.. (Titles + "|" + Roles).Split('|').Select(LiteralStart).Distinct(StringComparer.Ordinal)], StringComparison.Ordinal);

    public string Name => "context-name";

    public void Recognise(ScrubInput input, List<Detection> results)
    {
        for (var match = NextCandidate(input, 0); match.Success; match = NextCandidate(input, match.Index + match.Length))
        {
            Add(input, match, results);
        }
    }

    /// <summary>
    /// The next match of <see cref="Pattern"/> at or after <paramref name="position"/> (what Regex.Match would find from
    /// there), tried only where a title or role word can start.
    /// </summary>
    internal static Match NextCandidate(ScrubInput input, int position)
    {
        var text = input.Text;
        while (position < text.Length)
        {
            var offset = input.Folded.AsSpan(position).IndexOfAny(TitleOrRoleStarts);
            if (offset < 0)
            {
                break;
            }

            var start = position + offset;
            var match = NameLiterals.IsWordStart(text, start) ? CandidateAt().Match(text, start) : Match.Empty;
            if (match.Success)
            {
                return match;
            }

            position = start + 1;
        }

        return Match.Empty;
    }

    /// <summary>
    /// The literal characters a title or role alternative starts with, folded: up to white space (\s) or an optional
    /// character (x?), with \. read as a dot ("dhr\.?" → "dhr", "t\.a\.v\." → "t.a.v.", "de\s+heer" → "de", "cliënt" → "client").
    /// </summary>
    internal static string LiteralStart(string alternative)
    {
        var literal = new StringBuilder();
        for (var i = 0; i < alternative.Length; i++)
        {
            if (alternative[i] == '?')
            {
                literal.Length--;
                break;
            }

            if (alternative[i] == '\\')
            {
                if (i + 1 < alternative.Length && alternative[i + 1] == '.')
                {
                    literal.Append('.');
                    i++;
                    continue;
                }

                break;
            }

            literal.Append(alternative[i]);
        }

        return TextFolding.Fold(literal.ToString());
    }

    private void Add(ScrubInput input, Match match, List<Detection> results)
    {
        var title = match.Groups["title"].Success;
        var name = match.Groups["name"];
        var words = WordSpans(input.Text, name.Index, name.Length);
        // After a role word a name starts with a capital ("bewoner van de woning" is no name); after a title it may not.
        if (!title && words.Count > 0 && char.IsLower(input.Text[words[0].Start]))
        {
            return;
        }

        // Trim trailing words that are not names ("mevrouw Jansen Maandag").
        while (words.Count > 0 && NameParts.NotNames.Contains(Fold(input.Text, words[^1])))
        {
            words.RemoveAt(words.Count - 1);
        }

        // A street name after a role word is an address ("bewoner Thijs Verbeek van Kerkstraat 3"), not a name.
        while (!title && words.Count > 1 && StreetEndings.Any(e => Fold(input.Text, words[^1]).EndsWith(e, StringComparison.Ordinal)))
        {
            words.RemoveAt(words.Count - 1);
        }

        // Trailing tussenvoegsels are never part of the name.
        while (words.Count > 0 && NameParts.IsTussenvoegsel(Fold(input.Text, words[^1])) && char.IsLower(input.Text[words[^1].Start]))
        {
            words.RemoveAt(words.Count - 1);
        }

        var nameWords = words.Where(w => !IsInitial(input.Text, w)).ToList();
        if (nameWords.Count == 0 || !nameWords.Any(w => char.IsUpper(input.Text[w.Start]) && !NameParts.IsTussenvoegsel(Fold(input.Text, w))))
        {
            return;
        }

        var first = Fold(input.Text, nameWords[0]);
        var last = Fold(input.Text, nameWords[^1]);
        var start = words[0].Start;
        var end = words[^1].Start + words[^1].Length;
        var whole = TextFolding.Normalise(input.Text.AsSpan(nameWords[0].Start, end - nameWords[0].Start));
        if (NameParts.NotNames.Contains(first)
            || nameWords.Exists(w => NameParts.IsOrganisationWord(Fold(input.Text, w)))
            || NameParts.Places.Contains(whole)
            || NameParts.IsTussenvoegsel(last)
            || (!title && StreetEndings.Any(e => last.EndsWith(e, StringComparison.Ordinal))))
        {
            return;
        }

        var surname = SurnameForm(input.Text, nameWords);
        results.Add(new Detection(ScrubEntityType.Person, start, end - start, title ? AfterTitle : AfterRole, Name, ScrubEvidence.TitleOrRole, "name:" + surname));
    }

    /// <summary>The last name word with the tussenvoegsels before it, folded: "Van der Berg" → "van der berg".</summary>
    internal static string SurnameForm(string text, List<(int Start, int Length)> nameWords)
    {
        var from = nameWords.Count - 1;
        while (from > 0 && NameParts.IsTussenvoegsel(Fold(text, nameWords[from - 1])))
        {
            from--;
        }

        var start = nameWords[from].Start;
        var end = nameWords[^1].Start + nameWords[^1].Length;
        return TextFolding.Normalise(text.AsSpan(start, end - start));
    }

    private static string Fold(string text, (int Start, int Length) word) => TextFolding.Fold(text.AsSpan(word.Start, word.Length));

    private static bool IsInitial(string text, (int Start, int Length) word) =>
        word.Length <= 2 && word.Length >= 1 && char.IsUpper(text[word.Start]) && (word.Length == 1 || text[word.Start + 1] == '.');

    private static List<(int Start, int Length)> WordSpans(string text, int start, int length)
    {
        var words = new List<(int, int)>();
        var end = start + length;
        var i = start;
        while (i < end)
        {
            while (i < end && text[i] == ' ')
            {
                i++;
            }

            var wordStart = i;
            while (i < end && text[i] != ' ')
            {
                // Initials are split at each dot: "P.J." → "P.", "J.".
                i++;
                if (text[i - 1] == '.' && i - wordStart <= 2)
                {
                    break;
                }
            }

            if (i > wordStart)
            {
                words.Add((wordStart, i - wordStart));
            }
        }

        return words;
    }

    private const string NameWord = @"(?:\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*|\p{Lu}{2,}(?:-\p{Lu}{2,})*)(?!\p{L})";
    private const string Tussen = @"(?:van|de|der|den|het|'t|ten|ter|te|op|in|la|le|el|al|da|dos|du|von|zu|bin|ben|ibn|abu|di|del|della|lo|uit|des|los|das)";

    /// <summary>The title words (a name after one scores <see cref="AfterTitle"/>), as regex alternatives.</summary>
    private const string Titles = @"de\s+heer|heer|dhr\.?|meneer|mijnheer|mevrouw|mevr\.?|mw\.?|mej\.?|mejuffrouw|mr\.|dr\.|drs\.|ir\.|ing\.|prof\.";

    /// <summary>The role words (a name after one scores <see cref="AfterRole"/>), as regex alternatives.</summary>
    private const string Roles = @"betrokkene|bewoner|bewoonster|melder|melderes|meldster|zoon|zoontje|dochter|dochtertje|vader|moeder|stiefvader|stiefmoeder|pleegvader|pleegmoeder|broer|broertje|zus|zusje|zuster|oom|tante|neef|nicht|opa|oma|partner|ex-partner|echtgenoot|echtgenote|vriend|vriendin|ex-vriend|ex-vriendin|buurman|buurvrouw|verdachte|slachtoffer|getuige|aangever|aangeefster|cliënt|client|cliënte|jongere|minderjarige|pupil|leerling|genaamd|genaamde|alias|bijnaam|roepnaam|collega|hulpverlener|casusregisseur|wijkagent|mentor|begeleider|huisarts|eigenaar|huurder|verhuurder|bestuurder|kind|baby|man|vrouw|werkgever|inzake|t\.a\.v\.|tav|ten\s+name\s+van|op\s+naam\s+van|noemde\s+zich|noemt\s+zich";

    /// <summary>A title or role word, then the name.</summary>
    internal const string Pattern =
        @"(?<![\p{L}\p{N}])(?:(?<title>(?i:" + Titles + @"))|(?<role>(?i:" + Roles + @")))"
        + @"(?![\p{L}])[ \t]*[:,]?[ \t]+(?<name>(?:\p{Lu}\.[ ]?){0,4}(?:" + Tussen + @"[ ]+)*" + NameWord + @"(?:[ ]+(?:" + Tussen + @"[ ]+)*" + NameWord + @"){0,4})";

    /// <summary><see cref="Pattern"/> anchored (\G) where <see cref="NextCandidate"/> tries it.</summary>
    [GeneratedRegex(@"\G" + Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex CandidateAt();
}
