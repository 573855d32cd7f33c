using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SharingHub.Pseudonymisation.Hashing;

/// <summary>
/// HMAC-SHA256 (RFC 2104, FIPS 180-4) over one message or a batch, bit-identical to
/// <see cref="System.Security.Cryptography.HMACSHA256"/>, without heap allocations after key setup.
/// Batches run 16 (AVX-512) or 8 (AVX2) messages per SHA-256 pass; <see cref="BestAvailable"/> picks the
/// widest path the processor runs. Messages may have any length, and lengths may differ within a batch.
/// </summary>
[SkipLocalsInit]
public static unsafe class FastHmacSha256
{
    /// <summary>Bytes in one HMAC-SHA256 result.</summary>
    public const int HashSize = 32;

    /// <summary>The widest implementation this processor runs.</summary>
    public static HmacImplementation BestAvailable { get; } =
        HmacSha256x16.IsSupported ? HmacImplementation.Vector512x16
        : HmacSha256x8.IsSupported ? HmacImplementation.Vector256x8
        : HmacImplementation.Scalar;

    /// <summary>True when <paramref name="implementation"/> runs on this processor.</summary>
    public static bool IsSupported(HmacImplementation implementation) => implementation switch
    {
        HmacImplementation.Scalar => true,
        HmacImplementation.Vector256x8 => HmacSha256x8.IsSupported,
        HmacImplementation.Vector512x16 => HmacSha256x16.IsSupported,
        _ => false,
    };

    /// <summary>The implementations this processor runs, narrowest first.</summary>
    public static IReadOnlyList<HmacImplementation> Available { get; } =
        Enum.GetValues<HmacImplementation>().Where(IsSupported).ToArray();

    /// <summary>Writes HMAC-SHA256(key, message) to the first 32 bytes of <paramref name="destination"/>; the two may overlap.</summary>
    public static void Compute(HmacSha256Key key, ReadOnlySpan<byte> message, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(key);
        key.ThrowIfDisposed();
        if (destination.Length < HashSize)
        {
            HashingErrors.ThrowDestinationTooSmall(HashSize, nameof(destination));
        }

        uint* w = stackalloc uint[Sha256Scalar.ScheduleWords];
        byte* block = stackalloc byte[Sha256Constants.BlockSize];
        fixed (byte* m = message)
        fixed (byte* d = destination)
        {
            Sha256Scalar.Hmac(key.Inner, key.Outer, m, message.Length, d, w, block);
        }

        new Span<byte>(w, Sha256Scalar.ScheduleWords * sizeof(uint)).Clear();
        new Span<byte>(block, Sha256Constants.BlockSize).Clear();
    }

    /// <summary>
    /// HMAC-SHA256 of every message in a batch with <see cref="BestAvailable"/>. Message i is
    /// <c>data[offsets[i]..offsets[i + 1]]</c> (so <c>offsets.Length == count + 1</c>); its result goes to
    /// <c>destination[32 * i..32 * i + 32]</c>. The destination must not overlap the data.
    /// </summary>
    public static void ComputeBatch(HmacSha256Key key, ReadOnlySpan<byte> data, ReadOnlySpan<int> offsets, Span<byte> destination) =>
        ComputeBatch(key, data, offsets, destination, BestAvailable);

    /// <summary>
    /// As <see cref="ComputeBatch(HmacSha256Key, ReadOnlySpan{byte}, ReadOnlySpan{int}, Span{byte})"/> with a
    /// chosen implementation; throws <see cref="PlatformNotSupportedException"/> when it does not run here.
    /// </summary>
    public static void ComputeBatch(HmacSha256Key key, ReadOnlySpan<byte> data, ReadOnlySpan<int> offsets, Span<byte> destination, HmacImplementation implementation)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!IsSupported(implementation))
        {
            ThrowUnsupported(implementation);
        }

        key.ThrowIfDisposed();
        int count = Validate(data, offsets, destination);
        if (count == 0)
        {
            return;
        }

        fixed (byte* d = data)
        fixed (int* o = offsets)
        fixed (byte* dest = destination)
        {
            switch (implementation)
            {
                case HmacImplementation.Vector512x16:
                    BatchX16(key, d, data.Length, o, count, dest);
                    break;
                case HmacImplementation.Vector256x8:
                    BatchX8(key, d, data.Length, o, 0, count, dest);
                    break;
                default:
                    BatchScalar(key, d, o, 0, count, dest);
                    break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BatchX16(HmacSha256Key key, byte* data, int dataLength, int* offsets, int count, byte* destination)
    {
        Vector512<uint>* scratch = stackalloc Vector512<uint>[HmacSha256x16.ScratchBytes / 64];
        var innerStart = Sha256FoldedStart.From(key.Inner);
        var outerStart = Sha256FoldedStart.From(key.Outer);
        int first = 0;
        for (; count - first >= HmacSha256x16.Lanes; first += HmacSha256x16.Lanes)
        {
            HmacSha256x16.Group(key, innerStart, outerStart, data, offsets, first, HmacSha256x16.Lanes, destination, scratch);
        }

        int rest = count - first;
        if (rest > HmacSha256x8.Lanes)
        {
            HmacSha256x16.Group(key, innerStart, outerStart, data, offsets, first, rest, destination, scratch);
        }
        else if (rest > 0)
        {
            BatchX8(key, data, dataLength, offsets, first, count, destination);
        }

        new Span<byte>(scratch, HmacSha256x16.ScratchBytes).Clear();
        innerStart.Clear();
        outerStart.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BatchX8(HmacSha256Key key, byte* data, int dataLength, int* offsets, int first, int count, byte* destination)
    {
        Vector256<uint>* scratch = stackalloc Vector256<uint>[HmacSha256x8.ScratchBytes / 32];
        byte* dataEnd = data + dataLength;
        for (; count - first >= HmacSha256x8.Lanes; first += HmacSha256x8.Lanes)
        {
            HmacSha256x8.Group(key, data, dataEnd, offsets, first, HmacSha256x8.Lanes, destination, scratch);
        }

        int rest = count - first;
        if (rest > 1)
        {
            HmacSha256x8.Group(key, data, dataEnd, offsets, first, rest, destination, scratch);
        }
        else if (rest == 1)
        {
            BatchScalar(key, data, offsets, first, count, destination);
        }

        new Span<byte>(scratch, HmacSha256x8.ScratchBytes).Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BatchScalar(HmacSha256Key key, byte* data, int* offsets, int first, int count, byte* destination)
    {
        uint* w = stackalloc uint[Sha256Scalar.ScheduleWords];
        byte* block = stackalloc byte[Sha256Constants.BlockSize];
        ref readonly Sha256State inner = ref key.Inner;
        ref readonly Sha256State outer = ref key.Outer;
        for (int i = first; i < count; i++)
        {
            int start = offsets[i];
            Sha256Scalar.Hmac(inner, outer, data + start, offsets[i + 1] - start, destination + ((long)i * HashSize), w, block);
        }

        new Span<byte>(w, Sha256Scalar.ScheduleWords * sizeof(uint)).Clear();
        new Span<byte>(block, Sha256Constants.BlockSize).Clear();
    }

    /// <summary>Checks the batch arguments and returns the message count.</summary>
    private static int Validate(ReadOnlySpan<byte> data, ReadOnlySpan<int> offsets, Span<byte> destination)
    {
        if (offsets.IsEmpty)
        {
            HashingErrors.ThrowOffsetsEmpty(nameof(offsets));
        }

        int count = offsets.Length - 1;
        long required = (long)count * HashSize;
        if (destination.Length < required)
        {
            HashingErrors.ThrowDestinationTooSmall(required, nameof(destination));
        }

        int previous = 0;
        for (int i = 0; i < offsets.Length; i++)
        {
            int offset = offsets[i];
            if (offset < previous || offset > data.Length)
            {
                HashingErrors.ThrowOffsetOutOfOrder(i, nameof(offsets));
            }

            previous = offset;
        }

        if (count > 0 && data.Overlaps(destination[..(int)required]))
        {
            HashingErrors.ThrowDestinationOverlapsData(nameof(destination));
        }

        return count;
    }

    private static void ThrowUnsupported(HmacImplementation implementation)
    {
        if (Enum.IsDefined(implementation))
        {
            HashingErrors.ThrowImplementationUnavailable(implementation);
        }

        HashingErrors.ThrowUnknownImplementation(implementation);
    }
}
