using System.Buffers.Text;
using System.Globalization;

namespace SharingHub.Pseudonymisation.Pseudonyms;

/// <summary>
/// The text form shared by hub pseudonyms and subject references:
/// <c>&lt;tag&gt;&lt;format&gt;.&lt;keyversion&gt;.&lt;base64url(32 bytes)&gt;</c>, for example <c>p1.3.</c> followed by
/// 43 characters. Tag: one lowercase ASCII letter; format: '1'; key version: decimal 1..2147483647 without
/// leading zeros; hash: unpadded base64url with zero padding bits (one canonical text per value).
/// </summary>
internal static class PseudonymCodec
{
    public const char Format = '1';
    public const int HashChars = 43;
    public const int MaxLength = 2 + 1 + 10 + 1 + HashChars;

    public static string Format32(char tag, int keyVersion, HashBytes hash)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        var written = FormatTo(tag, keyVersion, hash, buffer);
        return new string(buffer[..written]);
    }

    public static int FormatTo(char tag, int keyVersion, HashBytes hash, Span<char> destination)
    {
        destination[0] = tag;
        destination[1] = Format;
        destination[2] = '.';
        keyVersion.TryFormat(destination[3..], out var digits, provider: CultureInfo.InvariantCulture);
        var offset = 3 + digits;
        destination[offset++] = '.';
        Span<byte> bytes = stackalloc byte[HashBytes.Length];
        hash.Write(bytes);
        offset += Base64Url.EncodeToChars(bytes, destination[offset..]);
        return offset;
    }

    public static PseudonymError TryParse(ReadOnlySpan<char> text, Func<char, bool> isKnownTag, out char tag, out int keyVersion, out HashBytes hash)
    {
        tag = '\0';
        keyVersion = 0;
        hash = default;
        if (text.IsEmpty)
        {
            return PseudonymError.Empty;
        }

        if (text.Length > MaxLength)
        {
            return PseudonymError.TooLong;
        }

        if (!char.IsAsciiLetterLower(text[0]) || !isKnownTag(text[0]))
        {
            return PseudonymError.UnknownTag;
        }

        if (text.Length < 2 || !char.IsAsciiDigit(text[1]))
        {
            return PseudonymError.MalformedStructure;
        }

        if (text[1] != Format)
        {
            return PseudonymError.UnsupportedFormat;
        }

        if (text.Length < 3 || text[2] != '.')
        {
            return PseudonymError.MalformedStructure;
        }

        var rest = text[3..];
        var dot = rest.IndexOf('.');
        if (dot < 0)
        {
            return PseudonymError.MalformedStructure;
        }

        var versionText = rest[..dot];
        if (versionText.IsEmpty || versionText[0] == '0' || versionText.Length > 10 || versionText.ContainsAnyExceptInRange('0', '9')
            || !int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out keyVersion))
        {
            keyVersion = 0;
            return PseudonymError.InvalidKeyVersion;
        }

        var hashText = rest[(dot + 1)..];
        if (hashText.Length != HashChars)
        {
            keyVersion = 0;
            return PseudonymError.InvalidHashLength;
        }

        Span<byte> bytes = stackalloc byte[HashBytes.Length];
        Span<char> canonical = stackalloc char[HashChars];
        if (!Base64Url.IsValid(hashText) || Base64Url.DecodeFromChars(hashText, bytes) != HashBytes.Length
            || Base64Url.EncodeToChars(bytes, canonical) != HashChars || !canonical.SequenceEqual(hashText))
        {
            keyVersion = 0;
            return PseudonymError.InvalidBase64;
        }

        tag = text[0];
        hash = HashBytes.Read(bytes);
        return PseudonymError.None;
    }
}
