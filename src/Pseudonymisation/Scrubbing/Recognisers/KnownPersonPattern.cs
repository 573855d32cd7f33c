namespace SharingHub.Pseudonymisation.Scrubbing.Recognisers;

/// <summary>
/// The spellings of one known person, matched over the folded text like the ordered alternation
/// <c>(?&lt;![\p{L}\p{N}])(?:(?&lt;full&gt;(?:A|B|...)P)|(?&lt;surname&gt;S P)|(?&lt;given&gt;G P))(?![\p{L}\p{N}])</c>
/// where S is the surname with its tussenvoegsels, P the possessive ending and A, B, ... the full-name forms: all
/// given names + S, each given name of two or more characters + S, the initials with dots or spaces ("J.W.",
/// "J. W.", "J W") + S, and the initials written together ("JW") + S. The full-name forms are tried longest
/// pattern first, measured as the escaped regular expression would be, so that the first form that matches at a
/// position is the one the expression would take. Built per call (names are personal data and are not cached).
/// </summary>
internal sealed class KnownPersonPattern
{
    /// <summary>Characters <c>Regex.Escape</c> writes as two characters.</summary>
    private const string RegexMetacharacters = "\t\n\f\r #$()*+.?[\\^{|";

    private const int WhiteSpaceLength = 3; // \s+
    private const int HyphenLength = 15; // (?:\s*-\s*|\s+)
    private const int InitialSeparatorLength = 13; // (?:\.\s*|\s+)
    private const int OptionalInitialOverhead = 5; // (?:  )?

    private readonly string[][] given;
    private readonly string[][] surname;
    private readonly char[] initials;
    private readonly Form[] fullForms;
    private readonly bool givenAlone;
    private readonly string firstCharacters;
    private readonly string? surnameNeedle;
    private readonly string? givenNeedle;

    private KnownPersonPattern(string[][] given, string[][] surname, char[] initials, Form[] fullForms, bool givenAlone)
    {
        this.given = given;
        this.surname = surname;
        this.initials = initials;
        this.fullForms = fullForms;
        this.givenAlone = givenAlone;
        var first = new HashSet<char>();
        foreach (var word in given)
        {
            first.Add(word[0][0]);
        }

        if (surname.Length > 0)
        {
            first.Add(surname[0][0][0]);
            surnameNeedle = Longest(surname);
        }

        givenNeedle = givenAlone ? Longest(given.AsSpan(0, 1)) : null;
        firstCharacters = string.Concat(first);
    }

    /// <summary>What a match is: a full name (0.95), the surname alone or the first given name alone.</summary>
    public enum Kind
    {
        Full,
        Surname,
        Given,
    }

    private enum FormKind
    {
        AllGivenNames,
        OneGivenName,
        Initials,
        InitialsTogether,
    }

    /// <summary>The pattern for <paramref name="person"/>, or null when no part of the name can be matched.</summary>
    public static KnownPersonPattern? Create(KnownPerson person)
    {
        var given = Words(person.GivenNames);
        var surnameWords = Words(person.Surname);
        var prefix = Words(person.SurnamePrefix);
        string[][] surname = [];
        var forms = new List<Form>();
        var initials = given.SelectMany(g => g.Parts).Select(part => part[0]).ToArray();
        if (surnameWords.Length > 0 && surnameWords.Sum(w => w.Word.Length) >= 2)
        {
            surname = [.. prefix.Select(w => w.Parts), .. surnameWords.Select(w => w.Parts)];
            if (given.Length > 0)
            {
                if (given.Length > 1)
                {
                    forms.Add(new Form(FormKind.AllGivenNames, 0, JoinLength(given.Select(w => w.Parts)) + WhiteSpaceLength));
                }

                for (var i = 0; i < given.Length; i++)
                {
                    if (given[i].Word.Length > 1)
                    {
                        forms.Add(new Form(FormKind.OneGivenName, i, JoinLength([given[i].Parts]) + WhiteSpaceLength));
                    }
                }

                var initialsLength = EscapedLength(initials[0]) + InitialSeparatorLength
                    + initials.Skip(1).Sum(c => OptionalInitialOverhead + EscapedLength(c) + InitialSeparatorLength);
                forms.Add(new Form(FormKind.Initials, 0, initialsLength));
                forms.Add(new Form(FormKind.InitialsTogether, 0, initials.Sum(EscapedLength) + WhiteSpaceLength));
            }
        }

        var givenAlone = given.Length > 0 && given[0].Word.Length > 1;
        if (surname.Length == 0 && !givenAlone)
        {
            return null;
        }

        // Every full form ends in S, so the lengths before it order them as the whole alternatives would; OrderByDescending
        // is stable, so equal lengths keep the order in which the expression listed them.
        var ordered = forms.OrderByDescending(f => f.PatternLength).ToArray();
        return new KnownPersonPattern([.. given.Select(w => w.Parts)], surname, initials, ordered, givenAlone);
    }

    /// <summary>False when <paramref name="folded"/> lacks the literal pieces every match holds: then there is nothing to scan.</summary>
    public bool MayOccurIn(string folded) =>
        (surnameNeedle is not null && folded.Contains(surnameNeedle, StringComparison.Ordinal))
        || (givenNeedle is not null && folded.Contains(givenNeedle, StringComparison.Ordinal));

    /// <summary>
    /// The next match at or after <paramref name="position"/> (Regex.Match from there): its start, end and kind;
    /// false when there is none.
    /// </summary>
    public bool NextMatch(string folded, int position, out int start, out int end, out Kind kind)
    {
        while (position < folded.Length)
        {
            var offset = folded.AsSpan(position).IndexOfAny(firstCharacters);
            if (offset < 0)
            {
                break;
            }

            start = position + offset;
            if (NameLiterals.IsWordStart(folded, start) && MatchAt(folded, start, out end, out kind))
            {
                return true;
            }

            position = start + 1;
        }

        (start, end, kind) = (-1, -1, Kind.Full);
        return false;
    }

    private bool MatchAt(string folded, int start, out int end, out Kind kind)
    {
        if (surname.Length > 0)
        {
            kind = Kind.Full;
            foreach (var form in fullForms)
            {
                end = MatchFullForm(folded, start, form);
                if (end >= 0)
                {
                    return true;
                }
            }

            kind = Kind.Surname;
            end = WithSurname(folded, start);
            if (end >= 0)
            {
                return true;
            }
        }

        kind = Kind.Given;
        end = givenAlone ? Possessive(folded, NameLiterals.MatchWords(folded, start, given.AsSpan(0, 1))) : -1;
        return end >= 0;
    }

    private int MatchFullForm(string folded, int start, Form form)
    {
        switch (form.Kind)
        {
            case FormKind.AllGivenNames:
                return WithSurname(folded, WhiteSpaceAfter(folded, NameLiterals.MatchWords(folded, start, given)));
            case FormKind.OneGivenName:
                return WithSurname(folded, WhiteSpaceAfter(folded, NameLiterals.MatchWords(folded, start, given.AsSpan(form.GivenIndex, 1))));
            case FormKind.InitialsTogether:
                return WithSurname(folded, WhiteSpaceAfter(folded, folded.AsSpan(start).StartsWith(initials) ? start + initials.Length : -1));
            default:
                return MatchInitials(folded, start);
        }
    }

    /// <summary>
    /// <c>I1(?:\.\s*|\s+)(?:I2(?:\.\s*|\s+))?...(?:In(?:\.\s*|\s+))?</c> then S P. Whether an optional initial can
    /// be taken depends only on the position (its letter and the separator after it), and skipping one that could
    /// be taken leaves the later ones fewer chances than taking it, so the backtracking expression's first success
    /// is found by taking, at each position, the first initial that fits, and then trying S P from the last
    /// position reached back to the first.
    /// </summary>
    private int MatchInitials(string folded, int start)
    {
        var position = InitialAt(folded, start, initials[0]);
        if (position < 0)
        {
            return -1;
        }

        Span<int> reached = initials.Length <= 32 ? stackalloc int[initials.Length] : new int[initials.Length];
        var count = 0;
        reached[count++] = position;
        for (var index = 1; index < initials.Length; index++)
        {
            var next = InitialAt(folded, position, initials[index]);
            if (next >= 0)
            {
                position = next;
                reached[count++] = position;
            }
        }

        for (var i = count - 1; i >= 0; i--)
        {
            var end = WithSurname(folded, reached[i]);
            if (end >= 0)
            {
                return end;
            }
        }

        return -1;
    }

    /// <summary><c>I(?:\.\s*|\s+)</c>: the end, or -1.</summary>
    private static int InitialAt(string folded, int position, char initial)
    {
        if (position >= folded.Length || folded[position] != initial || position + 1 >= folded.Length)
        {
            return -1;
        }

        var after = position + 1;
        if (folded[after] == '.')
        {
            return NameLiterals.SkipWhiteSpace(folded, after + 1);
        }

        var end = NameLiterals.SkipWhiteSpace(folded, after);
        return end > after ? end : -1;
    }

    /// <summary>S then P from <paramref name="position"/> (-1 passes through).</summary>
    private int WithSurname(string folded, int position) =>
        position < 0 ? -1 : Possessive(folded, NameLiterals.MatchWords(folded, position, surname));

    private static int Possessive(string folded, int end) => end < 0 ? -1 : NameLiterals.PossessiveEnd(folded, end);

    /// <summary><c>\s+</c> after <paramref name="end"/>: the position after the white space, or -1.</summary>
    private static int WhiteSpaceAfter(string folded, int end)
    {
        if (end < 0)
        {
            return -1;
        }

        var after = NameLiterals.SkipWhiteSpace(folded, end);
        return after > end ? after : -1;
    }

    /// <summary>
    /// Folded words that hold at least one letter or digit, with leading and trailing hyphens removed, each with its
    /// non-empty hyphen-separated parts ("Jan-Willem" → "jan-willem": "jan", "willem"). Dots separate words ("J.W.").
    /// </summary>
    private static (string Word, string[] Parts)[] Words(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : TextFolding.Normalise(value.Replace('.', ' '))
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.Trim('-'))
                .Where(w => w.Any(char.IsLetterOrDigit))
                .Select(w => (w, w.Split('-', StringSplitOptions.RemoveEmptyEntries)))
                .ToArray();

    private static string Longest(ReadOnlySpan<string[]> words)
    {
        var longest = string.Empty;
        foreach (var parts in words)
        {
            foreach (var part in parts)
            {
                longest = part.Length > longest.Length ? part : longest;
            }
        }

        return longest;
    }

    /// <summary>Length of the words as the expression wrote them: escaped parts, hyphen alternations, \s+ between words.</summary>
    private static int JoinLength(IEnumerable<string[]> words)
    {
        var length = -WhiteSpaceLength;
        foreach (var parts in words)
        {
            length += WhiteSpaceLength - HyphenLength;
            foreach (var part in parts)
            {
                length += HyphenLength + part.Sum(EscapedLength);
            }
        }

        return length;
    }

    private static int EscapedLength(char c) => RegexMetacharacters.Contains(c, StringComparison.Ordinal) ? 2 : 1;

    private readonly record struct Form(FormKind Kind, int GivenIndex, int PatternLength);
}
