using System.Collections.Frozen;

namespace SharingHub.Pseudonymisation.Identifiers;

/// <summary>
/// Dutch surname prefixes (tussenvoegsels / voorvoegsels) and their abbreviations.
/// <para>Known prefixes follow the BRP voorvoegsel table in spirit (van, de, van der, ter, 't, in 't, op de,
/// uit den, d', l', von, de la, da, dos, el, ...). Words that are also common given names (ben, bin, al) and
/// one-letter words without apostrophe are left out on purpose, so "Ben de Vries" keeps "Ben" as given name.</para>
/// <para>Abbreviations are expanded: "v." → "van"; "v.d.", "v/d", "vd", "vdr" → "van der"; "v. d." → "van der";
/// "v.d. den"-style forms are not guessed. "v.d." is ambiguous in reality (van de / van den / van der); it
/// always expands to the most frequent, "van der", so both sides of a comparison expand alike, and
/// <see cref="PersonName.IsSurnamePrefixAbbreviated"/> tells a fuzzy matcher to compare on "van" only.</para>
/// </summary>
internal static class SurnamePrefixes
{
    private static readonly FrozenSet<string> Known = new[]
    {
        "'s", "'t", "aan", "aan 't", "aan de", "aan den", "aan der", "aan het", "af", "auf", "auf dem", "auf den",
        "auf der", "aus", "aus dem", "aus den", "aus der", "bij", "bij 't", "bij de", "bij den", "bij het", "d'",
        "da", "dal", "dalla", "dall'", "das", "de", "de die", "de l'", "de la", "de las", "de le", "de los",
        "de van der", "del", "dell'", "della", "den", "der", "des", "di", "die", "dos", "du", "el", "het", "in",
        "in 't", "in de", "in den", "in der", "in het", "l'", "la", "las", "le", "les", "lo", "los", "op", "op 't",
        "op de", "op den", "op der", "op gen", "op het", "op ten", "over", "over 't", "over de", "over den",
        "over het", "te", "ten", "ter", "tho", "thoe", "thor", "toe", "tot", "uijt", "uijt 't", "uijt de",
        "uijt den", "uijt te de", "uijt ten", "uit", "uit 't", "uit de", "uit den", "uit het", "uit te de",
        "uit ten", "unter", "van", "van 't", "van de", "van de l'", "van den", "van der", "van die", "van het",
        "van la", "van le", "van los", "van ter", "van van de", "ver", "vom", "von", "von 't", "von dem",
        "von den", "von der", "voor", "voor 't", "voor de", "voor den", "voor in 't", "vor", "vor der", "zu",
        "zum", "zur",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Apostrophe prefixes written against the surname ("d'Ancona", "l'Ami").</summary>
    private static readonly string[] AttachedPrefixes = ["d'", "l'", "dell'", "dall'"];

    private const int MaxPrefixWords = 4;

    /// <summary>A prefix found in a token list.</summary>
    internal readonly record struct Match(int Start, int Count, string Canonical, bool Abbreviated);

    /// <summary>Lower-case invariant with every apostrophe variant (’ ‘ ` ´ ʼ) turned into '.</summary>
    public static string Canonical(string token)
    {
        Span<char> buffer = token.Length <= 64 ? stackalloc char[token.Length] : new char[token.Length];
        for (int i = 0; i < token.Length; i++)
        {
            char c = token[i];
            buffer[i] = IsApostrophe(c) ? '\'' : char.ToLowerInvariant(c);
        }

        return new string(buffer);
    }

    /// <summary>True for ' and its typographic look-alikes.</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4' or '\u02BC';

    /// <summary>
    /// Splits name text into whitespace-separated tokens, joins hyphens written with spaces around them
    /// ("Jansen - de Boer" → "Jansen-de", "Boer") and splits attached apostrophe prefixes ("d'Ancona" → "d'", "Ancona").
    /// </summary>
    public static List<string> Tokenise(string text)
    {
        var tokens = new List<string>();
        foreach (string part in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            bool joinsPrevious = tokens.Count > 0 && (tokens[^1].EndsWith('-') || part.StartsWith('-'));
            if (joinsPrevious)
            {
                tokens[^1] += part;
                continue;
            }

            string canonical = Canonical(part);
            string? attached = Array.Find(AttachedPrefixes, p => canonical.Length > p.Length && canonical.StartsWith(p, StringComparison.Ordinal));
            if (attached is not null)
            {
                tokens.Add(part[..attached.Length]);
                tokens.Add(part[attached.Length..]);
            }
            else
            {
                tokens.Add(part);
            }
        }

        return tokens;
    }

    /// <summary>True when the canonical text is a known prefix.</summary>
    public static bool IsKnown(string canonical) => Known.Contains(canonical);

    /// <summary>
    /// The longest prefix starting at <paramref name="start"/>, or null. Abbreviations ("v.", "v.d.", "vd")
    /// are recognised only when <paramref name="allowAbbreviation"/> holds; a bare "v" without dot only when
    /// <paramref name="allowBareV"/> holds too (in a prefix field, where it cannot be an initial).
    /// </summary>
    public static Match? MatchAt(IReadOnlyList<string> tokens, int start, bool allowAbbreviation, bool allowBareV = false)
    {
        if (start >= tokens.Count)
        {
            return null;
        }

        string first = Canonical(tokens[start]);
        string? expanded = allowAbbreviation ? ExpandAbbreviation(first, allowBareV) : null;
        if (expanded is not null)
        {
            int count = 1;
            if (expanded == "van" && start + 1 < tokens.Count && Canonical(tokens[start + 1]) is "d." or "d")
            {
                expanded = "van der";
                count = 2;
            }

            // "v. der", "v. den", "v. 't": extend the expansion with full words.
            while (start + count < tokens.Count && count < MaxPrefixWords
                && IsKnown(expanded + " " + Canonical(tokens[start + count])))
            {
                expanded += " " + Canonical(tokens[start + count]);
                count++;
            }

            return new Match(start, count, expanded, Abbreviated: true);
        }

        Match? best = null;
        string joined = first;
        for (int count = 1; count <= MaxPrefixWords && start + count <= tokens.Count; count++)
        {
            if (count > 1)
            {
                joined += " " + Canonical(tokens[start + count - 1]);
            }

            if (IsKnown(joined))
            {
                best = new Match(start, count, joined, Abbreviated: false);
            }
        }

        return best;
    }

    /// <summary>The expansion of an abbreviated prefix token, or null when it is not one.</summary>
    private static string? ExpandAbbreviation(string canonical, bool allowBareV)
    {
        bool dotted = canonical.Contains('.', StringComparison.Ordinal) || canonical.Contains('/', StringComparison.Ordinal);
        string bare = canonical.Replace(".", string.Empty, StringComparison.Ordinal).Replace("/", string.Empty, StringComparison.Ordinal);
        return bare switch
        {
            "v" when dotted || allowBareV => "van",
            "vd" or "vdr" => "van der",
            _ => null,
        };
    }
}
