using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SharingHub.Pseudonymisation.Identifiers;

/// <summary>
/// An e-mail address, validated pragmatically after RFC 5321/5322 (surrounding whitespace tolerated).
/// <para>Local part (before the last @): 1..64 characters of dot-atom text: ASCII letters, digits and
/// !#$%&amp;'*+/=?^_`{|}~- , plus non-ASCII letters and digits (RFC 6531); dots not first, last or doubled.
/// Quoted local parts and comments are rejected. The local part keeps its case.</para>
/// <para>Domain: lower-cased, internationalised names converted to punycode (IDNA), at least two labels of
/// 1..63 letters, digits or inner hyphens, 255 characters at most; non-ASCII labels may hold letters, marks
/// and digits only (IDNA 2008: no emoji or other symbols), a top-level label that is not all
/// digits; address literals ([192.0.2.1]) and a trailing dot are rejected. The whole address is at most
/// 254 characters (the RFC 5321 path limit).</para>
/// </summary>
[DebuggerDisplay("EmailAddress(***)")]
public sealed class EmailAddress : IEquatable<EmailAddress>
{
    /// <summary>The longest local part (RFC 5321).</summary>
    public const int MaxLocalPartLength = 64;

    /// <summary>The longest domain (RFC 5321).</summary>
    public const int MaxDomainLength = 255;

    /// <summary>The longest address (RFC 5321 path of 256 minus the angle brackets).</summary>
    public const int MaxAddressLength = 254;

    private const int MaxInputLength = 1024;

    private static readonly SearchValues<char> AtomSpecials = SearchValues.Create("!#$%&'*+/=?^_`{|}~-");

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    private EmailAddress(string localPart, string domain)
    {
        LocalPart = localPart;
        Domain = domain;
        Normalised = localPart + "@" + domain;
    }

    /// <summary>The local part as given.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string LocalPart { get; }

    /// <summary>The domain, lower-case ASCII (punycode for internationalised names).</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Domain { get; }

    /// <summary>LocalPart@Domain.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Normalised { get; }

    /// <summary>Parses an e-mail address; never throws.</summary>
    public static ParseResult<EmailAddress> Parse(string? input)
    {
        if (InputText.IsBlank(input))
        {
            return ParseResult<EmailAddress>.Failure(IdentifierError.Empty);
        }

        if (input!.Length > MaxInputLength)
        {
            return ParseResult<EmailAddress>.Failure(IdentifierError.TooLong);
        }

        string text = input.Trim();
        int at = text.LastIndexOf('@');
        if (at < 0)
        {
            return ParseResult<EmailAddress>.Failure(IdentifierError.InvalidFormat);
        }

        ReadOnlySpan<char> local = text.AsSpan(0, at);
        if (!IsValidLocalPart(local))
        {
            return ParseResult<EmailAddress>.Failure(
                local.Length > MaxLocalPartLength ? IdentifierError.TooLong : IdentifierError.InvalidLocalPart);
        }

        string? domain = ToAsciiDomain(text.AsSpan(at + 1));
        if (domain is null)
        {
            return ParseResult<EmailAddress>.Failure(IdentifierError.InvalidDomain);
        }

        if (local.Length + 1 + domain.Length > MaxAddressLength)
        {
            return ParseResult<EmailAddress>.Failure(IdentifierError.TooLong);
        }

        return ParseResult<EmailAddress>.Success(new EmailAddress(local.ToString(), domain));
    }

    private static bool IsValidLocalPart(ReadOnlySpan<char> local)
    {
        if (local.IsEmpty || local.Length > MaxLocalPartLength || local[0] == '.' || local[^1] == '.' || local.IndexOf("..", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        foreach (char c in local)
        {
            bool ok = char.IsAsciiLetterOrDigit(c) || c == '.' || AtomSpecials.Contains(c)
                || (c > 0x7F && !char.IsSurrogate(c) && char.IsLetterOrDigit(c));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static string? ToAsciiDomain(ReadOnlySpan<char> raw)
    {
        if (raw.IsEmpty || raw.Length > MaxDomainLength || raw[^1] == '.' || raw[0] == '[')
        {
            return null;
        }

        string ascii;
        if (!InputText.AllInRange(raw, (char)0x20, (char)0x7E))
        {
            if (!HasOnlyIdnaCharacters(raw))
            {
                return null;
            }

            try
            {
                ascii = Idn.GetAscii(raw.ToString().ToLowerInvariant());
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
        else
        {
            ascii = raw.ToString().ToLowerInvariant();
        }

        return IsValidHostName(ascii) ? ascii : null;
    }

    /// <summary>
    /// IDNA 2008 allows letters, marks and digits in labels, not symbols (emoji), spaces, controls, format
    /// characters or lone surrogates (which enumerate as U+FFFD, a symbol).
    /// </summary>
    private static bool HasOnlyIdnaCharacters(ReadOnlySpan<char> domain)
    {
        foreach (Rune rune in domain.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                continue;
            }

            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.UppercaseLetter:
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.OtherLetter:
                case UnicodeCategory.ModifierLetter:
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.DecimalDigitNumber:
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }

    private static bool IsValidHostName(string domain)
    {
        if (domain.Length > MaxDomainLength)
        {
            return false;
        }

        int labels = 0;
        ReadOnlySpan<char> lastLabel = default;
        foreach (Range range in domain.AsSpan().Split('.'))
        {
            ReadOnlySpan<char> label = domain.AsSpan(range);
            if (label.IsEmpty || label.Length > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (char c in label)
            {
                if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
                {
                    return false;
                }
            }

            labels++;
            lastLabel = label;
        }

        return labels >= 2 && !InputText.AllInRange(lastLabel, '0', '9');
    }

    /// <inheritdoc/>
    public bool Equals(EmailAddress? other) => other is not null && string.Equals(Normalised, other.Normalised, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as EmailAddress);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Normalised);

    /// <summary>Always "EmailAddress(***)".</summary>
    public override string ToString() => "EmailAddress(***)";

    /// <summary>Value equality.</summary>
    public static bool operator ==(EmailAddress? left, EmailAddress? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(EmailAddress? left, EmailAddress? right) => !(left == right);
}
