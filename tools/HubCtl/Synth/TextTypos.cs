using System.Globalization;
using Bogus;

namespace SharingHub.HubCtl.Synth;

/// <summary>
/// Single realistic edits of a string. Each returns null when it does not apply (nothing to change), so the caller
/// can pick another edit; a non-null result always differs from the input.
/// </summary>
internal static class TextTypos
{
    private static readonly Dictionary<char, string> KeyboardNeighbours = new()
    {
        ['a'] = "qswz", ['b'] = "vghn", ['c'] = "xdfv", ['d'] = "serfcx", ['e'] = "wsdr", ['f'] = "drtgvc", ['g'] = "ftyhbv",
        ['h'] = "gyujnb", ['i'] = "ujko", ['j'] = "huikmn", ['k'] = "jiolm", ['l'] = "kop", ['m'] = "njk", ['n'] = "bhjm",
        ['o'] = "iklp", ['p'] = "ol", ['q'] = "wa", ['r'] = "edft", ['s'] = "awedxz", ['t'] = "rfgy", ['u'] = "yhji",
        ['v'] = "cfgb", ['w'] = "qase", ['x'] = "zsdc", ['y'] = "tghu", ['z'] = "asx",
    };

    /// <summary>OCR and handwriting confusions, both directions.</summary>
    private static readonly (string From, string To)[] OcrConfusions =
    [
        ("rn", "m"), ("m", "rn"), ("cl", "d"), ("d", "cl"), ("vv", "w"), ("w", "vv"), ("l", "I"), ("I", "l"), ("e", "c"),
        ("c", "e"), ("h", "b"), ("n", "ri"), ("u", "ii"), ("ij", "y"), ("o", "0"), ("O", "0"), ("i", "l"), ("S", "5"), ("B", "8"),
        ("a", "o"), ("g", "q"), ("t", "f"),
    ];

    /// <summary>Two adjacent, different letters swapped ("Jansen" → "Jasnen").</summary>
    public static string? SwapAdjacent(Randomizer random, string text)
    {
        var candidates = new List<int>();
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsLetter(text[i]) && char.IsLetter(text[i + 1]) && text[i] != text[i + 1])
            {
                candidates.Add(i);
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var at = random.Pick(candidates);
        var chars = text.ToCharArray();
        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
        return new string(chars);
    }

    /// <summary>A letter typed twice ("Bakker" → "Bakkker", "Jan" → "Jann").</summary>
    public static string? DoubleLetter(Randomizer random, string text)
    {
        var at = RandomLetter(random, text, 0);
        return at < 0 ? null : text.Insert(at, text[at].ToString());
    }

    /// <summary>A letter left out (never the first letter: people rarely get that wrong).</summary>
    public static string? DropLetter(Randomizer random, string text)
    {
        if (text.Count(char.IsLetter) < 4)
        {
            return null;
        }

        var at = RandomLetter(random, text, 1);
        return at < 0 ? null : text.Remove(at, 1);
    }

    /// <summary>A letter replaced by a neighbour on a QWERTY keyboard.</summary>
    public static string? KeyboardSlip(Randomizer random, string text)
    {
        var at = RandomLetter(random, text, 1);
        if (at < 0 || !KeyboardNeighbours.TryGetValue(char.ToLowerInvariant(text[at]), out var neighbours))
        {
            return null;
        }

        var replacement = neighbours[random.Index(neighbours.Length)];
        if (char.IsUpper(text[at]))
        {
            replacement = char.ToUpperInvariant(replacement);
        }

        return string.Concat(text.AsSpan(0, at), replacement.ToString(), text.AsSpan(at + 1));
    }

    /// <summary>One of the four letter typos, chosen at random; null only for texts too short for any.</summary>
    public static string? LetterTypo(Randomizer random, string text)
    {
        var start = random.Index(4);
        for (var k = 0; k < 4; k++)
        {
            var result = ((start + k) % 4) switch
            {
                0 => SwapAdjacent(random, text),
                1 => DoubleLetter(random, text),
                2 => DropLetter(random, text),
                _ => KeyboardSlip(random, text),
            };
            if (result is not null && result != text)
            {
                return result;
            }
        }

        return null;
    }

    /// <summary>"ij" written as "y" or the other way round ("Meijer" ↔ "Meyer", "IJsbrand" → "Ysbrand").</summary>
    public static string? IjY(Randomizer random, string text)
    {
        var options = new List<(int At, int Length, string To)>();
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && (text[i] is 'i' or 'I') && (text[i + 1] is 'j' or 'J'))
            {
                options.Add((i, 2, char.IsUpper(text[i]) ? "Y" : "y"));
                i++;
            }
            else if (text[i] is 'y' or 'Y' or 'ÿ')
            {
                options.Add((i, 1, char.IsUpper(text[i]) ? "IJ" : "ij"));
            }
            else if (text[i] is 'ĳ' or 'Ĳ')
            {
                options.Add((i, 1, text[i] == 'ĳ' ? "ij" : "IJ"));
            }
        }

        if (options.Count == 0)
        {
            return null;
        }

        var (at, length, to) = random.Pick(options);
        return string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + length));
    }

    /// <summary>Diacritics dropped ("Zoë" → "Zoe", "Öztürk" → "Ozturk"). A table, because the hub runs with invariant globalization (no Unicode normalisation).</summary>
    public static string? StripDiacritics(string text)
    {
        var index = text.AsSpan().IndexOfAny(Diacritics.Accented);
        if (index < 0)
        {
            return null;
        }

        var chars = text.ToCharArray();
        for (var i = index; i < chars.Length; i++)
        {
            var at = Diacritics.From.IndexOf(chars[i], StringComparison.Ordinal);
            if (at >= 0)
            {
                chars[i] = Diacritics.To[at];
            }
        }

        return new string(chars);
    }

    /// <summary>True when the text has a letter with a diacritic.</summary>
    public static bool HasDiacritics(string text) => text.AsSpan().ContainsAny(Diacritics.Accented);

    /// <summary>Capitals as an old system or a form writes them: ALL CAPS, all lower case, or each word capitalised.</summary>
    public static string? CaseChange(Randomizer random, string text)
    {
        var start = random.Index(3);
        for (var k = 0; k < 3; k++)
        {
            var result = ((start + k) % 3) switch
            {
                0 => text.ToUpperInvariant(),
                1 => text.ToLowerInvariant(),
                _ => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(text.ToLowerInvariant()),
            };
            if (result != text)
            {
                return result;
            }
        }

        return null;
    }

    /// <summary>A character confusion typical of OCR on scanned forms ("rn" → "m", "l" → "I", "e" → "c").</summary>
    public static string? Ocr(Randomizer random, string text)
    {
        var options = new List<(int At, string From, string To)>();
        foreach (var (from, to) in OcrConfusions)
        {
            var at = text.IndexOf(from, StringComparison.Ordinal);
            while (at >= 0)
            {
                options.Add((at, from, to));
                at = text.IndexOf(from, at + 1, StringComparison.Ordinal);
            }
        }

        if (options.Count == 0)
        {
            return null;
        }

        var (position, f, t) = random.Pick(options);
        return string.Concat(text.AsSpan(0, position), t, text.AsSpan(position + f.Length));
    }

    /// <summary>One digit replaced by another digit.</summary>
    public static string? DigitWrong(Randomizer random, string text)
    {
        var digits = Enumerable.Range(0, text.Length).Where(i => char.IsAsciiDigit(text[i])).ToList();
        if (digits.Count == 0)
        {
            return null;
        }

        var at = random.Pick(digits);
        var replacement = (char)('0' + ((text[at] - '0' + random.Number(1, 9)) % 10));
        return string.Concat(text.AsSpan(0, at), replacement.ToString(), text.AsSpan(at + 1));
    }

    /// <summary>Two adjacent, different digits swapped.</summary>
    public static string? DigitsTransposed(Randomizer random, string text)
    {
        var options = Enumerable.Range(0, Math.Max(0, text.Length - 1))
            .Where(i => char.IsAsciiDigit(text[i]) && char.IsAsciiDigit(text[i + 1]) && text[i] != text[i + 1]).ToList();
        if (options.Count == 0)
        {
            return null;
        }

        var at = random.Pick(options);
        var chars = text.ToCharArray();
        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
        return new string(chars);
    }

    private static class Diacritics
    {
        public const string From = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿşğıśńłżźąęćčšžřÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŞĞİŚŃŁŻŹĄĘĆČŠŽŘ";
        public const string To = "aaaaaaceeeeiiiinooooouuuuyysgisnlzzaeccszrAAAAAACEEEEIIIINOOOOOUUUUYSGISNLZZAECCSZR";
        public static readonly System.Buffers.SearchValues<char> Accented = System.Buffers.SearchValues.Create(From);
    }

    private static int RandomLetter(Randomizer random, string text, int from)
    {
        var letters = 0;
        for (var i = from; i < text.Length; i++)
        {
            if (char.IsLetter(text[i]))
            {
                letters++;
            }
        }

        if (letters == 0)
        {
            return -1;
        }

        var pick = random.Index(letters);
        for (var i = from; i < text.Length; i++)
        {
            if (char.IsLetter(text[i]) && pick-- == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
