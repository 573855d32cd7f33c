using System.Text;

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
        // Every match starts with the first letter of a given name or of S.
        var first = new StringBuilder(given.Length + 1);
        foreach (var word in given)
        {
            AddOnce(first, word[0][0]);
        }

        if (surname.Length > 0)
        {
            AddOnce(first, surname[0][0][0]);
            surnameNeedle = Longest(surname);
        }

        givenNeedle = givenAlone ? Longest(given.AsSpan(0, 1)) : null;
        firstCharacters = first.ToString();
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
        var givenParts = new string[given.Length][];
        var initialCount = 0;
        for (var i = 0; i < given.Length; i++)
        {
            givenParts[i] = given[i].Parts;
            initialCount += given[i].Parts.Length;
        }

        var initials = new char[initialCount];
        initialCount = 0;
        foreach (var word in given)
        {
            foreach (var part in word.Parts)
            {
                initials[initialCount++] = part[0];
            }
        }

        var surnameLength = 0;
        foreach (var word in surnameWords)
        {
            surnameLength += word.Length;
        }

        string[][] surname = [];
        Form[] forms = [];
        if (surnameWords.Length > 0 && surnameLength >= 2)
        {
            var prefix = Words(person.SurnamePrefix);
            surname = new string[prefix.Length + surnameWords.Length][];
            for (var i = 0; i < surname.Length; i++)
            {
                surname[i] = i < prefix.Length ? prefix[i].Parts : surnameWords[i - prefix.Length].Parts;
            }

            forms = given.Length > 0 ? FullForms(given, initials) : [];
        }

        var givenAlone = given.Length > 0 && given[0].Length > 1;
        return surname.Length == 0 && !givenAlone ? null : new KnownPersonPattern(givenParts, surname, initials, forms, givenAlone);
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
    /// <c>I1(?:\.\s*|\s+)(?:I2(?:\.\s*|\s+))?...(?:In(?:\.\s*|\s+))?</c> then S P, as the backtracking expression
    /// tries it (each optional initial taken before skipped). Every initial that fits at a position leads to the same next
    /// position, and what the expression tries after skipping a fitting initial (a later initial there, then S P there)
    /// it has already tried after taking it, except S P right there. So its first success is found by taking, at each
    /// position, the first initial that fits, then trying S P from the last position reached back to the first: linear,
    /// where the expression could take exponential time on many equal initials.
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
    /// The full-name forms in the order the expression tried them: longest pattern first. Every form ends in S, so the
    /// lengths before it decide; the sort is stable, so equal lengths keep the order in which the expression listed them
    /// (all given names, each given name of two or more characters, initials with separators, initials together).
    /// </summary>
    private static Form[] FullForms(Word[] given, char[] initials)
    {
        var forms = new List<Form>(given.Length + 3);
        if (given.Length > 1)
        {
            var all = -WhiteSpaceLength;
            foreach (var word in given)
            {
                all += WhiteSpaceLength + PatternLength(word.Parts);
            }

            forms.Add(new Form(FormKind.AllGivenNames, 0, all + WhiteSpaceLength));
        }

        for (var i = 0; i < given.Length; i++)
        {
            if (given[i].Length > 1)
            {
                forms.Add(new Form(FormKind.OneGivenName, i, PatternLength(given[i].Parts) + WhiteSpaceLength));
            }
        }

        var separated = EscapedLength(initials[0]) + InitialSeparatorLength;
        var together = EscapedLength(initials[0]);
        for (var i = 1; i < initials.Length; i++)
        {
            separated += OptionalInitialOverhead + EscapedLength(initials[i]) + InitialSeparatorLength;
            together += EscapedLength(initials[i]);
        }

        forms.Add(new Form(FormKind.Initials, 0, separated));
        forms.Add(new Form(FormKind.InitialsTogether, 0, together + WhiteSpaceLength));

        // Stable insertion sort, longest first.
        var sorted = forms.ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            var form = sorted[i];
            var j = i - 1;
            while (j >= 0 && sorted[j].PatternLength < form.PatternLength)
            {
                sorted[j + 1] = sorted[j];
                j--;
            }

            sorted[j + 1] = form;
        }

        return sorted;
    }

    /// <summary>
    /// Folded words that hold at least one letter or digit, with leading and trailing hyphens removed, each with its
    /// non-empty hyphen-separated parts ("Jan-Willem" → "jan-willem": "jan", "willem"). White space and dots separate
    /// words ("J.W." → "j", "w"). The same words as folding the value with its dots made spaces and splitting it at white
    /// space (a character folds to white space or a dot only when it is one).
    /// </summary>
    private static Word[] Words(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var folded = TextFolding.Fold(value);
        List<Word>? words = null;
        var i = 0;
        while (i < folded.Length)
        {
            while (i < folded.Length && IsWordSeparator(folded[i]))
            {
                i++;
            }

            var start = i;
            while (i < folded.Length && !IsWordSeparator(folded[i]))
            {
                i++;
            }

            var word = folded.AsSpan(start, i - start).Trim('-');
            if (word.Length > 0 && ContainsLetterOrDigit(word))
            {
                (words ??= []).Add(new Word(Parts(word), word.Length));
            }
        }

        return words is null ? [] : [.. words];
    }

    private static bool IsWordSeparator(char folded) => folded == '.' || char.IsWhiteSpace(folded);

    private static bool ContainsLetterOrDigit(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The non-empty parts of a word between hyphens.</summary>
    private static string[] Parts(ReadOnlySpan<char> word)
    {
        if (!word.Contains('-'))
        {
            return [word.ToString()];
        }

        var parts = new List<string>();
        foreach (var range in word.Split('-'))
        {
            if (word[range].Length > 0)
            {
                parts.Add(word[range].ToString());
            }
        }

        return [.. parts];
    }

    private static void AddOnce(StringBuilder characters, char c)
    {
        for (var i = 0; i < characters.Length; i++)
        {
            if (characters[i] == c)
            {
                return;
            }
        }

        characters.Append(c);
    }

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

    /// <summary>Length of one word as the expression wrote it: escaped parts joined by the hyphen alternation.</summary>
    private static int PatternLength(string[] parts)
    {
        var length = -HyphenLength;
        foreach (var part in parts)
        {
            length += HyphenLength;
            foreach (var c in part)
            {
                length += EscapedLength(c);
            }
        }

        return length;
    }

    private static int EscapedLength(char c) => RegexMetacharacters.Contains(c, StringComparison.Ordinal) ? 2 : 1;

    private readonly record struct Form(FormKind Kind, int GivenIndex, int PatternLength);

    private readonly record struct Word(string[] Parts, int Length);
}
