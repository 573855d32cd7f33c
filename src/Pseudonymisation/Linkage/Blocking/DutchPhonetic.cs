namespace SharingHub.Pseudonymisation.Linkage.Blocking;

/// <summary>
/// A simplified Dutch phonetic key for blocking (in the spirit of Soundex and the Cologne phonetic, adapted to
/// Dutch spelling): sch→s, ch→g, ij/ei/ey/y→y, ou/au→au, ph→f, th→t, dt/final d→t, c→k (s before e/i), q→k,
/// x→ks, z→s, v→f, w stays; doubled letters collapse; vowels after the first letter are dropped; the key is
/// the first letter plus up to four consonant sounds. "Bijl"/"Byl", "Jansen"/"Janssen", "Smid"/"Smit",
/// "Schouten"/"Schoten" and "Claassen"/"Klaasen" share a key.
/// </summary>
public static class DutchPhonetic
{
    /// <summary>Maximum key length.</summary>
    public const int MaxLength = 5;

    /// <summary>The phonetic key of a folded name; empty when the name has no letters.</summary>
    public static string Encode(ReadOnlySpan<char> name)
    {
        Span<char> letters = stackalloc char[64];
        var n = Encoding.LinkageText.Letters(name[..Math.Min(name.Length, 64)], letters);
        if (n == 0)
        {
            return string.Empty;
        }

        Span<char> sounds = stackalloc char[128];
        var m = 0;
        for (var i = 0; i < n; i++)
        {
            var c = letters[i];
            var next = i + 1 < n ? letters[i + 1] : '\0';
            var after = i + 2 < n ? letters[i + 2] : '\0';
            switch (c)
            {
                case 's' when next == 'c' && after == 'h':
                    sounds[m++] = 's';
                    i += 2;
                    continue;
                case 'c' when next == 'h':
                    sounds[m++] = 'g';
                    i++;
                    continue;
                case 'e' when next is 'i' or 'y':
                case 'a' when next == 'y':
                    sounds[m++] = 'y';
                    i++;
                    continue;
                case 'o' when next == 'u':
                case 'a' when next == 'u':
                    sounds[m++] = 'a';
                    sounds[m++] = 'u';
                    i++;
                    continue;
                case 'p' when next == 'h':
                    sounds[m++] = 'f';
                    i++;
                    continue;
                case 't' when next == 'h':
                    sounds[m++] = 't';
                    i++;
                    continue;
                case 'd' when next == 't' || next == '\0':
                    sounds[m++] = 't';
                    if (next == 't')
                    {
                        i++;
                    }

                    continue;
                case 'c':
                    sounds[m++] = next is 'e' or 'i' or 'y' ? 's' : 'k';
                    continue;
                case 'q':
                    sounds[m++] = 'k';
                    continue;
                case 'x':
                    sounds[m++] = 'k';
                    sounds[m++] = 's';
                    continue;
                case 'z':
                    sounds[m++] = 's';
                    continue;
                case 'v':
                    sounds[m++] = 'f';
                    continue;
                case 'h' when m > 0 && !IsVowel(sounds[m - 1]):
                    continue;
                default:
                    sounds[m++] = c;
                    continue;
            }
        }

        Span<char> key = stackalloc char[MaxLength];
        var k = 0;
        key[k++] = sounds[0];
        var previous = sounds[0];
        for (var i = 1; i < m && k < MaxLength; i++)
        {
            var s = sounds[i];
            if (s == previous)
            {
                continue;
            }

            previous = s;
            if (IsVowel(s) || s == 'h')
            {
                continue;
            }

            key[k++] = s;
        }

        return new string(key[..k]);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
