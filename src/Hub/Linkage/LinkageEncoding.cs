using System.Buffers.Binary;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Linkage;
using SharingHub.Pseudonymisation.Linkage.Blocking;
using SharingHub.Pseudonymisation.Linkage.Encoding;

namespace SharingHub.Hub.Linkage;

/// <summary>
/// The one definition of a <see cref="SubjectEncoding"/>'s bytes, shared by ingress (which writes them) and the background
/// linker (which compares them). The linkage key of a convenant is HKDF-SHA256 of its domain key (the pseudonym key of one key
/// version), info <c>linkage</c>; from it <see cref="RecordEncoder"/> derives the CLK field keys and the blocking key. The CLK is
/// <see cref="BloomFilterStore.Bytes"/> bytes (the 16 little-endian words of the 1024-bit filter); the block keys are 8 bytes
/// little-endian per <see cref="BlockingPass"/>, in enum order (0 = the record is in no block of that pass).
/// </summary>
public static class LinkageEncoding
{
    /// <summary>Length of the linkage key.</summary>
    public const int KeyLength = 32;

    /// <summary>Length of <see cref="SubjectEncoding.Clk"/>.</summary>
    public const int ClkLength = BloomFilterStore.Bytes;

    /// <summary>HKDF info of the linkage key.</summary>
    public static ReadOnlySpan<byte> KeyInfo => "linkage"u8;

    /// <summary>Length of <see cref="SubjectEncoding.BlockKeys"/>.</summary>
    public static int BlockKeysLength => BlockKeyer.PassCount * sizeof(ulong);

    /// <summary>
    /// Writes the linkage key of <paramref name="ring"/>'s active version into <paramref name="destination"/>
    /// (<see cref="KeyLength"/> bytes; the caller zeroes it) and returns that version (store it as <see cref="SubjectEncoding.KeyVersion"/>).
    /// </summary>
    public static int DeriveKey(DomainKeyRing ring, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(ring);
        var version = ring.ActiveVersion;
        DeriveKey(ring, version, destination);
        return version;
    }

    /// <summary>Writes the linkage key of key version <paramref name="version"/> into <paramref name="destination"/>.</summary>
    public static void DeriveKey(DomainKeyRing ring, int version, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(ring);
        ArgumentOutOfRangeException.ThrowIfNotEqual(destination.Length, KeyLength, nameof(destination));
        ring.DeriveSubkey(version, KeyInfo, destination);
    }

    /// <summary>The CLK and block keys of one subject under <paramref name="linkageKey"/>.</summary>
    public static (byte[] Clk, byte[] BlockKeys) Encode(ReadOnlySpan<byte> linkageKey, QuasiIdentifiers quasiIdentifiers)
    {
        ArgumentNullException.ThrowIfNull(quasiIdentifiers);
        using var encoder = new RecordEncoder(linkageKey);
        return Encode(encoder, quasiIdentifiers);
    }

    /// <summary>As <see cref="Encode(ReadOnlySpan{byte}, QuasiIdentifiers)"/> with an encoder made from the linkage key (reuse it for a batch; not thread-safe).</summary>
    public static (byte[] Clk, byte[] BlockKeys) Encode(RecordEncoder encoder, QuasiIdentifiers quasiIdentifiers)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(quasiIdentifiers);
        Span<ulong> words = stackalloc ulong[BloomFilterStore.Words];
        Span<ulong> blocks = stackalloc ulong[BlockKeyer.PassCount];
        words.Clear();
        blocks.Clear();
        if (!quasiIdentifiers.IsEmpty)
        {
            encoder.Clk.Encode(quasiIdentifiers, words);
            encoder.Blocks.Compute(quasiIdentifiers, blocks);
        }

        var clk = new byte[ClkLength];
        WriteWords(words, clk);
        var blockKeys = new byte[BlockKeysLength];
        WriteWords(blocks, blockKeys);
        return (clk, blockKeys);
    }

    /// <summary>Reads a stored CLK into 16 words; false when it has the wrong length.</summary>
    public static bool TryReadClk(ReadOnlySpan<byte> clk, Span<ulong> words)
    {
        if (clk.Length != ClkLength || words.Length != BloomFilterStore.Words)
        {
            return false;
        }

        for (var i = 0; i < words.Length; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt64LittleEndian(clk[(i * sizeof(ulong))..]);
        }

        return true;
    }

    /// <summary>The stored block key of <paramref name="pass"/>; 0 (no block) when the bytes are too short.</summary>
    public static ulong BlockKey(ReadOnlySpan<byte> blockKeys, BlockingPass pass)
    {
        var at = (int)pass * sizeof(ulong);
        return blockKeys.Length < at + sizeof(ulong) ? 0 : BinaryPrimitives.ReadUInt64LittleEndian(blockKeys[at..]);
    }

    private static void WriteWords(ReadOnlySpan<ulong> words, Span<byte> destination)
    {
        for (var i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(destination[(i * sizeof(ulong))..], words[i]);
        }
    }
}
