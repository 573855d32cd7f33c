namespace SharingHub.Pseudonymisation.Linkage.Encoding;

/// <summary>
/// Text preparation for tokens: keeps the letters a–z of an already folded name, and writes the Dutch "ij"
/// as "y" so "Bijl" and "Byl" give the same bigrams. Tussenvoegsels are canonicalised from their common
/// abbreviations ("v.d." → "vander").
/// </summary>
public static class LinkageText
{
    private static readonly Dictionary<string, string> PrefixAbbreviations = new(StringComparer.Ordinal)
    {
        ["vd"] = "vander",
        ["vdr"] = "vander",
        ["v"] = "van",
        ["vdn"] = "vanden",
        ["id"] = "inde",
        ["it"] = "het",
    };

    /// <summary>Letters a–z of <paramref name="value"/>, lower case, "ij" as "y", into <paramref name="destination"/>; returns the length.</summary>
    public static int Letters(ReadOnlySpan<char> value, Span<char> destination)
    {
        var n = 0;
        for (var i = 0; i < value.Length && n < destination.Length; i++)
        {
            var c = char.ToLowerInvariant(value[i]);
            if (c is < 'a' or > 'z')
            {
                continue;
            }

            if (c == 'j' && n > 0 && destination[n - 1] == 'i')
            {
                destination[n - 1] = 'y';
                continue;
            }

            destination[n++] = c;
        }

        return n;
    }

    /// <summary>The canonical token of a tussenvoegsel ("van der", "v.d." → "vander"); empty when none.</summary>
    public static string Prefix(string? prefix)
    {
        if (string.IsNullOrWhiteSpace(prefix))
        {
            return string.Empty;
        }

        Span<char> buffer = stackalloc char[32];
        var length = Letters(prefix.AsSpan(0, Math.Min(prefix.Length, 32)), buffer);
        var letters = new string(buffer[..length]);
        return PrefixAbbreviations.TryGetValue(letters, out var full) ? full : letters;
    }
}
