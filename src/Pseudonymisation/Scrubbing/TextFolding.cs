namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>
/// One-to-one character folding (lower case, diacritics removed, typographic apostrophes straightened), so
/// that offsets in the folded text are offsets in the original. Does not depend on ICU (the hub runs with
/// invariant globalisation).
/// </summary>
internal static class TextFolding
{
    private const string Accented = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňŉòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżžß";
    private const string Plain = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzzs";

    public static char Fold(char c)
    {
        if (c < 128)
        {
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        if (c is '\u2019' or '\u2018' or '\u00B4' or '`')
        {
            return '\'';
        }

        if (c is '\u2010' or '\u2011' or '\u2013')
        {
            return '-';
        }

        if (c == '\u00A0')
        {
            return ' ';
        }

        if (c == '\u0130')
        {
            return 'i';
        }

        var lower = char.ToLowerInvariant(c);
        var index = Accented.IndexOf(lower, StringComparison.Ordinal);
        return index >= 0 ? Plain[index] : lower;
    }

    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Fold(source[i]);
            }
        });
    }

    public static string Fold(ReadOnlySpan<char> text)
    {
        return string.Create(text.Length, text.ToString(), static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Fold(source[i]);
            }
        });
    }

    /// <summary>Folded, with runs of whitespace collapsed to one space and ends trimmed.</summary>
    public static string Normalise(ReadOnlySpan<char> text)
    {
        var folded = Fold(text);
        return string.Join(' ', folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
