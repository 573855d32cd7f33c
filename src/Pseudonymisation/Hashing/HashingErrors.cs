using System.Diagnostics.CodeAnalysis;

namespace SharingHub.Pseudonymisation.Hashing;

/// <summary>
/// Stable error codes of the keyed-hashing capability (block SH17xx) and the throw helpers that raise them.
/// Messages name the argument and the position only; they never contain data bytes or key material.
/// </summary>
internal static class HashingErrors
{
    /// <summary>The offsets span is empty: a batch needs <c>count + 1</c> offsets.</summary>
    public const string OffsetsEmpty = "SH1701";

    /// <summary>An offset is negative, lies beyond the data, or is smaller than the one before it.</summary>
    public const string OffsetOutOfOrder = "SH1702";

    /// <summary>The destination cannot hold 32 bytes per message.</summary>
    public const string DestinationTooSmall = "SH1703";

    /// <summary>The batch destination overlaps the input data.</summary>
    public const string DestinationOverlapsData = "SH1704";

    /// <summary>The requested implementation does not run on this processor.</summary>
    public const string ImplementationUnavailable = "SH1705";

    /// <summary>The implementation value is not a member of <see cref="HmacImplementation"/>.</summary>
    public const string UnknownImplementation = "SH1706";

    [DoesNotReturn]
    public static void ThrowOffsetsEmpty(string paramName) =>
        throw new ArgumentException($"{OffsetsEmpty}: offsets must hold count + 1 entries (at least one).", paramName);

    [DoesNotReturn]
    public static void ThrowOffsetOutOfOrder(int index, string paramName) =>
        throw new ArgumentException(
            $"{OffsetOutOfOrder}: offsets[{index}] is negative, beyond the data, or smaller than the offset before it.",
            paramName);

    [DoesNotReturn]
    public static void ThrowDestinationTooSmall(long required, string paramName) =>
        throw new ArgumentException(
            $"{DestinationTooSmall}: destination must hold at least {required} bytes (32 per message).",
            paramName);

    [DoesNotReturn]
    public static void ThrowDestinationOverlapsData(string paramName) =>
        throw new ArgumentException($"{DestinationOverlapsData}: destination must not overlap data.", paramName);

    [DoesNotReturn]
    public static void ThrowImplementationUnavailable(HmacImplementation implementation) =>
        throw new PlatformNotSupportedException(
            $"{ImplementationUnavailable}: {implementation} is not supported on this processor.");

    [DoesNotReturn]
    public static void ThrowUnknownImplementation(HmacImplementation implementation) =>
        throw new ArgumentOutOfRangeException(
            nameof(implementation),
            $"{UnknownImplementation}: {(int)implementation} is not a known HMAC implementation.");
}
