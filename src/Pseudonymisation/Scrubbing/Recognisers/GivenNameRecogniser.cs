using System.Text.RegularExpressions;

namespace SharingHub.Pseudonymisation.Scrubbing.Recognisers;

/// <summary>
/// Names without a title or role word, recognised by a common given name (<see cref="GivenNames"/>):
/// "sprak met Kees Bos", "door Dirk Kuijpers", "Jeroen is niet verschenen". A given name followed by capitalised
/// name words 0.7; a given name alone 0.55 (kept at the default threshold: we err towards scrubbing). Words that
/// end like a street or an organisation, and known non-names, end the name.
/// </summary>
internal sealed partial class GivenNameRecogniser : IEntityRecogniser
{
    public const double WithSurname = 0.7;
    public const double Alone = 0.55;

    private static readonly string[] StreetEndings = ["straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "park", "hof"];

    public string Name => "given-name";

    public void Recognise(ScrubInput input, List<Detection> results)
    {
        // Matched one capitalised word at a time: a match that starts at a word that is not a given name must not
        // swallow the name after it ("Aanhouding van Dennis Mulder"). The capitalised word is found by hand (exactly the
        // "given" part of the pattern); the pattern runs, anchored there, only for a word in the gazetteer.
        var text = input.Text;
        var next = 0;
        while (NextCapitalisedWord(text, next, out var wordStart, out var wordEnd))
        {
            next = wordEnd;
            if (!GivenNames.Contains(input.Folded[wordStart..wordEnd]))
            {
                continue;
            }

            var match = CandidateAt().Match(text, wordStart);
            if (!match.Success)
            {
                continue; // cannot happen: the rest of the pattern is optional
            }

            var given = match.Groups["given"];
            // Keep the name words after the given name up to the first one that is not a name; the surname is the
            // last name word with the tussenvoegsels right before it ("Jan Willem de Vries" → "de Vries").
            var end = given.Index + given.Length;
            var surnameStart = -1;
            var pendingStart = -1;
            foreach (Capture word in match.Groups["word"].Captures)
            {
                var folded = TextFolding.Fold(word.ValueSpan);
                if (NameParts.IsTussenvoegsel(folded))
                {
                    pendingStart = pendingStart < 0 ? word.Index : pendingStart;
                    continue;
                }

                if (NameParts.NotNames.Contains(folded) || NameParts.IsOrganisationWord(folded) || StreetEndings.Any(e => folded.EndsWith(e, StringComparison.Ordinal)))
                {
                    break;
                }

                surnameStart = pendingStart >= 0 ? pendingStart : word.Index;
                pendingStart = -1;
                end = word.Index + word.Length;
            }

            next = end;
            var whole = TextFolding.Normalise(input.Text.AsSpan(given.Index, end - given.Index));
            if (NameParts.Places.Contains(whole))
            {
                continue;
            }

            var key = surnameStart >= 0
                ? "name:" + TextFolding.Normalise(input.Text.AsSpan(surnameStart, end - surnameStart))
                : "name:" + TextFolding.Fold(given.ValueSpan);
            results.Add(new Detection(ScrubEntityType.Person, given.Index, end - given.Index, surnameStart >= 0 ? WithSurname : Alone, Name, ScrubEvidence.Pattern, key));
        }
    }

    private const string NameWord = @"(?:\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*|\p{Lu}{2,}(?:-\p{Lu}{2,})*)(?![\p{L}])";
    private const string Tussen = @"(?:van|de|der|den|het|'t|ten|ter|te|el|al|da|dos|du|von|bin|ben|ibn|abu|Van|De|Der|Den|Ter|Ten|El|Al)(?=[ ])";

    /// <summary>A capitalised word ("given") and up to five name words after it.</summary>
    internal const string CandidatePattern =
        @"(?<![\p{L}\p{N}\-])(?<given>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\-])(?:[ ]+(?<word>" + Tussen + "|" + NameWord + @")){0,5}";

    /// <summary>
    /// The first capitalised word at or after <paramref name="position"/>, as the "given" part of
    /// <see cref="CandidatePattern"/> finds it: (?&lt;![\p{L}\p{N}\-])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?![\p{L}\-]). Its runs
    /// are greedy and a shorter one always leaves a lower-case letter next, which the lookahead refuses, so there is no
    /// backtracking to do. The rest of the pattern is optional: the pattern matches exactly where this does.
    /// </summary>
    internal static bool NextCapitalisedWord(string text, int position, out int start, out int end)
    {
        for (start = position; start < text.Length; start++)
        {
            if (!char.IsUpper(text[start]) || (start > 0 && (NameLiterals.IsLetterOrNumber(text[start - 1]) || text[start - 1] == '-')))
            {
                continue;
            }

            end = LowerCaseRun(text, start + 1);
            if (end == start + 1)
            {
                continue;
            }

            if (end + 2 < text.Length && text[end] == '-' && char.IsUpper(text[end + 1]) && char.IsLower(text[end + 2]))
            {
                end = LowerCaseRun(text, end + 2);
            }

            if (end == text.Length || !(char.IsLetter(text[end]) || text[end] == '-'))
            {
                return true;
            }
        }

        (start, end) = (-1, -1);
        return false;
    }

    private static int LowerCaseRun(string text, int position)
    {
        while (position < text.Length && char.IsLower(text[position]))
        {
            position++;
        }

        return position;
    }

    /// <summary><see cref="CandidatePattern"/> anchored (\G) at a capitalised word that is a given name.</summary>
    [GeneratedRegex(@"\G" + CandidatePattern, RegexOptions.CultureInvariant)]
    private static partial Regex CandidateAt();
}
