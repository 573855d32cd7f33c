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
    /// The first word of every title and role alternative (its leading letters, folded: "de" of "de heer", "dhr" of
    /// "dhr.", "t" of "t.a.v.", "ex" of "ex-partner", "client" of "cliënt"), each with the second words that must follow
    /// it after white space ("heer"), or null when some alternative needs nothing after it.
    /// </summary>
    private static readonly Dictionary<string, HashSet<string>?> FirstWords = TitleOrRoleFirstWords(Titles + "|" + Roles);

    private static readonly Dictionary<string, HashSet<string>?>.AlternateLookup<ReadOnlySpan<char>> FirstWordLookup =
        FirstWords.GetAlternateLookup<ReadOnlySpan<char>>();

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
    /// there), tried only at a word that can start a title or role (<see cref="MayStartTitleOrRole"/>). A match starts
    /// at a letter with no letter or digit before it (every alternative starts with a letter; the lookbehind), so the
    /// other positions of a word are skipped.
    /// </summary>
    internal static Match NextCandidate(ScrubInput input, int position)
    {
        var text = input.Text;
        for (var start = position; start < text.Length; start++)
        {
            if (!char.IsLetter(text[start]))
            {
                continue;
            }

            var end = LetterRun(text, start);
            if (NameLiterals.IsWordStart(text, start) && MayStartTitleOrRole(input, start, end))
            {
                var match = CandidateAt().Match(text, start);
                if (match.Success)
                {
                    return match;
                }
            }

            start = end - 1;
        }

        return Match.Empty;
    }

    /// <summary>
    /// False when the title or role alternatives cannot match at the word [<paramref name="start"/>, <paramref name="end"/>):
    /// each alternative's first word is letters followed by a non-letter, and every character the case-insensitive regex
    /// accepts for one of its letters is a letter that folds to it (tested), so the word folded is that first word; when
    /// the alternatives with that first word all continue with white space and a second word ("de heer", "ten name van"),
    /// the next word folded is one of those.
    /// </summary>
    private static bool MayStartTitleOrRole(ScrubInput input, int start, int end)
    {
        if (!FirstWordLookup.TryGetValue(input.Folded.AsSpan(start, end - start), out var secondWords))
        {
            return false;
        }

        if (secondWords is null)
        {
            return true;
        }

        var text = input.Text;
        var second = end;
        while (second < text.Length && char.IsWhiteSpace(text[second]))
        {
            second++;
        }

        return second > end && second < text.Length
            && secondWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(input.Folded.AsSpan(second, LetterRun(text, second) - second));
    }

    private static int LetterRun(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsLetter(text[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>
    /// The first words of regex alternatives (see <see cref="FirstWords"/>). An alternative is read as letters, then
    /// either the end, \s+ and a second word of letters followed by the end or \s, or anything else (then nothing
    /// after its first word is required).
    /// </summary>
    internal static Dictionary<string, HashSet<string>?> TitleOrRoleFirstWords(string alternatives)
    {
        var firstWords = new Dictionary<string, HashSet<string>?>(StringComparer.Ordinal);
        foreach (var alternative in alternatives.Split('|'))
        {
            var first = Letters(alternative, 0);
            var hasSecond = alternative.AsSpan(first).StartsWith(@"\s+", StringComparison.Ordinal);
            var secondEnd = hasSecond ? Letters(alternative, first + 3) : first;
            var afterSecond = alternative.AsSpan(secondEnd);
            var needsSecond = hasSecond && secondEnd > first + 3 && (afterSecond.IsEmpty || afterSecond.StartsWith(@"\s", StringComparison.Ordinal));
            var key = TextFolding.Fold(alternative.AsSpan(0, first));
            if (!needsSecond)
            {
                firstWords[key] = null;
            }
            else if (!firstWords.TryGetValue(key, out var seconds) || seconds is not null)
            {
                seconds ??= new HashSet<string>(StringComparer.Ordinal);
                seconds.Add(TextFolding.Fold(alternative.AsSpan(first + 3, secondEnd - first - 3)));
                firstWords[key] = seconds;
            }
        }

        return firstWords;
    }

    private static int Letters(string alternative, int start)
    {
        var end = start;
        while (end < alternative.Length && char.IsLetter(alternative[end]))
        {
            end++;
        }

        return end;
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
    internal const string Titles = @"de\s+heer|heer|dhr\.?|meneer|mijnheer|mevrouw|mevr\.?|mw\.?|mej\.?|mejuffrouw|mr\.|dr\.|drs\.|ir\.|ing\.|prof\.";

    /// <summary>The role words (a name after one scores <see cref="AfterRole"/>), as regex alternatives.</summary>
    internal const string Roles = @"betrokkene|bewoner|bewoonster|melder|melderes|meldster|zoon|zoontje|dochter|dochtertje|vader|moeder|stiefvader|stiefmoeder|pleegvader|pleegmoeder|broer|broertje|zus|zusje|zuster|oom|tante|neef|nicht|opa|oma|partner|ex-partner|echtgenoot|echtgenote|vriend|vriendin|ex-vriend|ex-vriendin|buurman|buurvrouw|verdachte|slachtoffer|getuige|aangever|aangeefster|cliënt|client|cliënte|jongere|minderjarige|pupil|leerling|genaamd|genaamde|alias|bijnaam|roepnaam|collega|hulpverlener|casusregisseur|wijkagent|mentor|begeleider|huisarts|eigenaar|huurder|verhuurder|bestuurder|kind|baby|man|vrouw|werkgever|inzake|t\.a\.v\.|tav|ten\s+name\s+van|op\s+naam\s+van|noemde\s+zich|noemt\s+zich";

    /// <summary>A title or role word, then the name.</summary>
    internal const string Pattern =
        @"(?<![\p{L}\p{N}])(?:(?<title>(?i:" + Titles + @"))|(?<role>(?i:" + Roles + @")))"
        + @"(?![\p{L}])[ \t]*[:,]?[ \t]+(?<name>(?:\p{Lu}\.[ ]?){0,4}(?:" + Tussen + @"[ ]+)*" + NameWord + @"(?:[ ]+(?:" + Tussen + @"[ ]+)*" + NameWord + @"){0,4})";

    /// <summary><see cref="Pattern"/> anchored (\G) where <see cref="NextCandidate"/> tries it.</summary>
    [GeneratedRegex(@"\G" + Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex CandidateAt();
}
