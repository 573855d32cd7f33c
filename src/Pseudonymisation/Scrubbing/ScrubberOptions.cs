using System.Diagnostics;

namespace SharingHub.Pseudonymisation.Scrubbing;

/// <summary>
/// Configuration of a <see cref="Scrubber"/>. Defaults: minimum score 0.5, token ids of 4 hex characters,
/// every type replaced by a typed token. <see cref="ToString"/> never shows the key.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class ScrubberOptions
{
    /// <summary>Smallest accepted key, in bytes.</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>Default <see cref="MinimumScore"/>.</summary>
    public const double DefaultMinimumScore = 0.5;

    /// <summary>Default <see cref="TokenHexLength"/>.</summary>
    public const int DefaultTokenHexLength = 4;

    /// <summary>Creates options with the HMAC key for token ids (at least 16 bytes, 32 recommended); the key is copied.</summary>
    public ScrubberOptions(ReadOnlySpan<byte> tokenKey)
    {
        if (tokenKey.Length < MinimumKeyLength)
        {
            throw new ArgumentException($"{ScrubErrorCodes.KeyTooShort}: the token key must be at least {MinimumKeyLength} bytes.", nameof(tokenKey));
        }

        TokenKey = tokenKey.ToArray();
    }

    /// <summary>
    /// Detections scoring below this are dropped before overlaps are resolved. The default 0.5 keeps an
    /// 11-proef-valid 9-digit number without context (0.6) and drops one next to "ordernummer" (0.4).
    /// </summary>
    public double MinimumScore
    {
        get;
        init => field = value is > 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(MinimumScore), $"{ScrubErrorCodes.MinimumScoreOutOfRange}: the minimum score must be in (0, 1].");
    } = DefaultMinimumScore;

    /// <summary>Hex characters in a token id; extended per document when two values would collide.</summary>
    public int TokenHexLength
    {
        get;
        init => field = value is >= 1 and <= 64
            ? value
            : throw new ArgumentOutOfRangeException(nameof(TokenHexLength), $"{ScrubErrorCodes.TokenHexLengthOutOfRange}: the token hex length must be in [1, 64].");
    } = DefaultTokenHexLength;

    /// <summary>Operator per entity type; types not listed use <see cref="ScrubOperatorKind.TypedToken"/>.</summary>
    public IReadOnlyDictionary<ScrubEntityType, ScrubOperatorKind> Operators { get; init; } = new Dictionary<ScrubEntityType, ScrubOperatorKind>();

    internal byte[] TokenKey { get; }

    internal ScrubOperatorKind OperatorFor(ScrubEntityType type) =>
        Operators.TryGetValue(type, out var kind) ? kind : ScrubOperatorKind.TypedToken;

    /// <summary>Settings without the key.</summary>
    public override string ToString() =>
        $"ScrubberOptions {{ MinimumScore = {MinimumScore.ToString(System.Globalization.CultureInfo.InvariantCulture)}, TokenHexLength = {TokenHexLength}, Operators = {Operators.Count}, TokenKey = [redacted] }}";
}
