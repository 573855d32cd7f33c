using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SharingHub.Pseudonymisation.Identifiers;

/// <summary>
/// A person's name as given names, surname prefix (tussenvoegsel) and surname, each folded with
/// <see cref="NameFolding"/>; the raw parts are kept for fuzzy matching.
/// <para>Accepted characters: letters and combining marks of any script, spaces, hyphens, apostrophes
/// (' ’ ‘ ` ´ ʼ), dots, commas, slashes and parentheses; invisible format characters (bidi marks, zero-width
/// joiners) are tolerated and dropped by folding. Digits, symbols (emoji), control characters and other
/// punctuation fail with InvalidCharacters. Each part is at most <see cref="MaxPartLength"/> characters.</para>
/// <para>The surname is required (MissingSurname). Given names may be empty, full names or initials
/// ("J.W.", "J. W.", "JW"). When the prefix field is empty, a leading prefix is moved out of the surname
/// ("van der Berg" → "van der" + "berg") so that both ways of recording compare equal; when the prefix
/// field is filled and the surname repeats it ("van der" + "van der Berg"), the copy is dropped. See
/// <see cref="SurnamePrefixes"/> for the known prefixes and abbreviations.</para>
/// </summary>
[DebuggerDisplay("PersonName(***)")]
public sealed class PersonName : IEquatable<PersonName>
{
    /// <summary>The longest accepted raw part (given names, prefix or surname).</summary>
    public const int MaxPartLength = 200;

    /// <summary>The longest accepted full name for <see cref="ParseFull"/>.</summary>
    public const int MaxFullNameLength = 400;

    private static readonly SearchValues<char> Vowels = SearchValues.Create("AEIOUY");

    private PersonName(string rawGiven, string rawPrefix, string rawSurname, string given, string prefix, string surname, string initials, bool abbreviated)
    {
        RawGivenNames = rawGiven;
        RawSurnamePrefix = rawPrefix;
        RawSurname = rawSurname;
        GivenNames = given;
        SurnamePrefix = prefix;
        Surname = surname;
        Initials = initials;
        IsSurnamePrefixAbbreviated = abbreviated;
        Normalised = given + "|" + prefix + "|" + surname;
    }

    /// <summary>Folded given names ("jan willem"); "" when none.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string GivenNames { get; }

    /// <summary>Folded, expanded prefix ("van der", "in t", "d"); "" when none.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string SurnamePrefix { get; }

    /// <summary>Folded surname; double surnames keep both parts ("vries van dijk").</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Surname { get; }

    /// <summary>One folded letter per given name ("jw" for "Jan-Willem" or "J.W."); a name starting with IJ gives "ij".</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Initials { get; }

    /// <summary>The first initial, or '\0' when there are no given names.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public char FirstInitial => Initials.Length > 0 ? Initials[0] : '\0';

    /// <summary>True when the prefix was written as an abbreviation ("v.d."), whose expansion is a guess.</summary>
    public bool IsSurnamePrefixAbbreviated { get; }

    /// <summary>Given names as supplied (trimmed).</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string RawGivenNames { get; }

    /// <summary>Surname prefix as supplied (trimmed).</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string RawSurnamePrefix { get; }

    /// <summary>Surname as supplied (trimmed).</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string RawSurname { get; }

    /// <summary>"given|prefix|surname", all folded; equality is on this value.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Normalised { get; }

    /// <summary>The folded full surname including its prefix ("van der berg").</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string FullSurname => SurnamePrefix.Length == 0 ? Surname : SurnamePrefix + " " + Surname;

    /// <summary>Parses a name from separate fields; never throws.</summary>
    public static ParseResult<PersonName> Parse(string? givenNames, string? surnamePrefix, string? surname)
    {
        IdentifierError error = CheckPart(givenNames);
        if (error == IdentifierError.None)
        {
            error = CheckPart(surnamePrefix);
        }

        if (error == IdentifierError.None)
        {
            error = CheckPart(surname);
        }

        if (error != IdentifierError.None)
        {
            return ParseResult<PersonName>.Failure(error);
        }

        string rawGiven = givenNames?.Trim() ?? string.Empty;
        string rawPrefix = surnamePrefix?.Trim() ?? string.Empty;
        string rawSurname = surname?.Trim() ?? string.Empty;

        string prefix;
        string folded;
        bool abbreviated = false;
        if (rawPrefix.Length > 0)
        {
            (prefix, abbreviated) = NormalisePrefixField(rawPrefix);
            folded = DropRepeatedPrefix(prefix, rawSurname);
        }
        else
        {
            (prefix, folded, abbreviated) = SplitLeadingPrefix(rawSurname);
        }

        if (folded.Length == 0)
        {
            return ParseResult<PersonName>.Failure(IdentifierError.MissingSurname);
        }

        return ParseResult<PersonName>.Success(new PersonName(
            rawGiven, rawPrefix, rawSurname, NameFolding.Fold(rawGiven), prefix, folded, InitialsOf(rawGiven), abbreviated));
    }

    /// <summary>
    /// Parses a full name written as one string: "Jan-Willem van der Berg", "J.W. v.d. Berg",
    /// "Berg, J.W. van den", "de Vries-van Dijk", "Jan Jansen-de Boer". Without a comma the surname is the
    /// part from the first surname prefix (or the first hyphenated token ending in a prefix, or else the last
    /// word) onwards; with a comma the surname comes first and a trailing prefix follows the given names.
    /// Abbreviated prefixes are recognised when written in lower case ("v.d."), or in all-capital input
    /// after the first word; "V. de Boer" keeps "V." as an initial. Never throws.
    /// </summary>
    public static ParseResult<PersonName> ParseFull(string? fullName)
    {
        if (InputText.IsBlank(fullName))
        {
            return ParseResult<PersonName>.Failure(IdentifierError.MissingSurname);
        }

        if (fullName!.Length > MaxFullNameLength)
        {
            return ParseResult<PersonName>.Failure(IdentifierError.TooLong);
        }

        IdentifierError error = CheckCharacters(fullName);
        if (error != IdentifierError.None)
        {
            return ParseResult<PersonName>.Failure(error);
        }

        bool allCaps = !fullName.Any(char.IsLower);
        int comma = fullName.IndexOf(',', StringComparison.Ordinal);
        return comma >= 0
            ? ParseSurnameFirst(fullName[..comma], fullName[(comma + 1)..], allCaps)
            : ParseGivenFirst(fullName, allCaps);
    }

    private static ParseResult<PersonName> ParseSurnameFirst(string surnamePart, string rest, bool allCaps)
    {
        List<string> tokens = SurnamePrefixes.Tokenise(rest);
        for (int i = 0; i < tokens.Count; i++)
        {
            SurnamePrefixes.Match? match = SurnamePrefixes.MatchAt(tokens, i, AllowAbbreviation(tokens[i], i, allCaps));
            if (match is { } m && m.Start + m.Count == tokens.Count)
            {
                return Parse(string.Join(' ', tokens.Take(i)), string.Join(' ', tokens.Skip(i)), surnamePart);
            }
        }

        return Parse(rest, null, surnamePart);
    }

    private static ParseResult<PersonName> ParseGivenFirst(string fullName, bool allCaps)
    {
        List<string> tokens = SurnamePrefixes.Tokenise(fullName);
        int surnameStart = tokens.Count - 1;
        int prefixStart = -1;
        int prefixEnd = -1;
        for (int i = 0; i < tokens.Count - 1; i++)
        {
            SurnamePrefixes.Match? match = SurnamePrefixes.MatchAt(tokens, i, AllowAbbreviation(tokens[i], i, allCaps));
            if (match is not { } m || m.Start + m.Count >= tokens.Count)
            {
                continue;
            }

            // "Ben de Vries": a prefix directly followed by another prefix is a given name, not a prefix.
            int next = m.Start + m.Count;
            if (SurnamePrefixes.MatchAt(tokens, next, allowAbbreviation: false) is not null && next < tokens.Count - 1)
            {
                continue;
            }

            prefixStart = i;
            prefixEnd = next;
            break;
        }

        // "Jan Jansen-de Boer": a double surname whose first part is followed by a hyphenated prefix.
        for (int i = 1; i < tokens.Count - 1 && (prefixStart < 0 || i < prefixStart); i++)
        {
            int hyphen = tokens[i].LastIndexOf('-');
            if (hyphen > 0 && hyphen < tokens[i].Length - 1 && SurnamePrefixes.IsKnown(SurnamePrefixes.Canonical(tokens[i][(hyphen + 1)..])))
            {
                prefixStart = -1;
                surnameStart = i;
                break;
            }
        }

        if (prefixStart >= 0)
        {
            return Parse(
                string.Join(' ', tokens.Take(prefixStart)),
                string.Join(' ', tokens.Skip(prefixStart).Take(prefixEnd - prefixStart)),
                string.Join(' ', tokens.Skip(prefixEnd)));
        }

        return Parse(string.Join(' ', tokens.Take(surnameStart)), null, string.Join(' ', tokens.Skip(surnameStart)));
    }

    private static bool AllowAbbreviation(string token, int index, bool allCaps) =>
        allCaps ? index > 0 : !token.Any(char.IsUpper);

    private static (string Prefix, bool Abbreviated) NormalisePrefixField(string rawPrefix)
    {
        List<string> tokens = SurnamePrefixes.Tokenise(rawPrefix);
        SurnamePrefixes.Match? match = SurnamePrefixes.MatchAt(tokens, 0, allowAbbreviation: true, allowBareV: true);
        return match is { } m && m.Count == tokens.Count
            ? (NameFolding.Fold(m.Canonical), m.Abbreviated)
            : (NameFolding.Fold(rawPrefix), false);
    }

    /// <summary>The folded surname, without a copy of the prefix ("van der" + "van der Berg" → "berg").</summary>
    private static string DropRepeatedPrefix(string foldedPrefix, string rawSurname)
    {
        List<string> tokens = SurnamePrefixes.Tokenise(rawSurname);
        SurnamePrefixes.Match? match = SurnamePrefixes.MatchAt(tokens, 0, allowAbbreviation: true);
        return match is { } m && m.Count < tokens.Count && NameFolding.Fold(m.Canonical) == foldedPrefix
            ? NameFolding.Fold(string.Join(' ', tokens.Skip(m.Count)))
            : NameFolding.Fold(rawSurname);
    }

    private static (string Prefix, string Surname, bool Abbreviated) SplitLeadingPrefix(string rawSurname)
    {
        List<string> tokens = SurnamePrefixes.Tokenise(rawSurname);
        SurnamePrefixes.Match? match = SurnamePrefixes.MatchAt(tokens, 0, allowAbbreviation: true);
        if (match is { } m && m.Count < tokens.Count)
        {
            return (NameFolding.Fold(m.Canonical), NameFolding.Fold(string.Join(' ', tokens.Skip(m.Count))), m.Abbreviated);
        }

        return (string.Empty, NameFolding.Fold(rawSurname), false);
    }

    /// <summary>One initial per given name; "JW" (2-3 capitals without vowels) counts as initials.</summary>
    private static string InitialsOf(string rawGiven)
    {
        if (rawGiven.Length == 0)
        {
            return string.Empty;
        }

        var initials = new StringBuilder();
        int start = -1;
        for (int i = 0; i <= rawGiven.Length; i++)
        {
            bool inWord = i < rawGiven.Length && (char.IsLetter(rawGiven[i]) || char.IsSurrogate(rawGiven[i])
                || CharUnicodeInfo.GetUnicodeCategory(rawGiven[i]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                AppendInitials(rawGiven[start..i], initials);
                start = -1;
            }
        }

        return initials.ToString();
    }

    private static void AppendInitials(string word, StringBuilder initials)
    {
        bool cluster = word.Length is 2 or 3 && word.All(char.IsAsciiLetterUpper) && !word.AsSpan().ContainsAny(Vowels);
        if (cluster)
        {
            initials.Append(word.ToLowerInvariant());
            return;
        }

        string folded = NameFolding.FoldCompact(word);
        if (folded.Length == 0)
        {
            return;
        }

        initials.Append(folded.StartsWith("ij", StringComparison.Ordinal) ? "ij" : folded[..1]);
    }

    private static IdentifierError CheckPart(string? part)
    {
        if (part is null)
        {
            return IdentifierError.None;
        }

        return part.Length > MaxPartLength ? IdentifierError.TooLong : CheckCharacters(part);
    }

    private static IdentifierError CheckCharacters(string text)
    {
        foreach (Rune rune in text.EnumerateRunes())
        {
            // A lone surrogate enumerates as U+FFFD, a symbol, and is rejected below.
            bool ok = Rune.GetUnicodeCategory(rune) switch
            {
                UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                    or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                    or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                    or UnicodeCategory.SpaceSeparator or UnicodeCategory.DashPunctuation or UnicodeCategory.Format => true,
                _ => rune.IsBmp && ((char)rune.Value is '.' or ',' or '/' or '(' or ')' or ' '
                    || SurnamePrefixes.IsApostrophe((char)rune.Value)),
            };
            if (!ok)
            {
                return IdentifierError.InvalidCharacters;
            }
        }

        return IdentifierError.None;
    }

    /// <inheritdoc/>
    public bool Equals(PersonName? other) => other is not null && string.Equals(Normalised, other.Normalised, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PersonName);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Normalised);

    /// <summary>Always "PersonName(***)".</summary>
    public override string ToString() => "PersonName(***)";

    /// <summary>Value equality.</summary>
    public static bool operator ==(PersonName? left, PersonName? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(PersonName? left, PersonName? right) => !(left == right);
}
