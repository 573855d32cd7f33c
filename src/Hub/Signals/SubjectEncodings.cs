using System.Buffers.Binary;
using SharingHub.Hub.Linkage;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Linkage;
using SharingHub.Pseudonymisation.Linkage.Blocking;
using SharingHub.Pseudonymisation.Linkage.Encoding;
using SharingHub.Pseudonymisation.Linkage.Preparation;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Hub.Signals;

/// <summary>
/// The fuzzy-linkage encodings ingress writes (<see cref="SubjectEncoding"/>, one row per stored person signal and per
/// member of a group signal), made with the linkage core exactly as <c>hubctl link</c> prepares records
/// (<see cref="LinkagePreparation.QuasiIdentifiersOf"/>, <see cref="ClkEncoder"/>, <see cref="BlockKeyer"/>) under the
/// convenant's ACTIVE domain key (<see cref="LinkageEncoders.ForActiveKey"/>: the CLK field keys and the block key are
/// derived from it with HKDF-SHA256, infos <c>sharinghub/linkage/clk/v1/&lt;field&gt;</c> and <c>sharinghub/linkage/block/v1</c>).
/// </summary>
/// <remarks>
/// Byte layout, fixed:
/// <list type="bullet">
/// <item><see cref="SubjectEncoding.Clk"/>: <see cref="ClkBytes"/> (= <see cref="BloomFilterStore.Bits"/>/8 = 128) bytes: the
/// <see cref="BloomFilterStore.Words"/> 64-bit words of the CLK in order, each little-endian; bit j of word i is Bloom
/// position 64·i + j. Read it back with <see cref="ReadClk"/>.</item>
/// <item><see cref="SubjectEncoding.BlockKeys"/>: <see cref="BlockKeyBytes"/> (= 8 × <see cref="BlockKeyer.PassCount"/>) bytes:
/// one 64-bit key per <see cref="BlockingPass"/>, little-endian, in enum order (pass p at offset 8·p); 0 means "not in a
/// block of this pass". Read one with <see cref="ReadBlockKey"/>.</item>
/// <item><see cref="SubjectEncoding.KeyVersion"/>: the domain key version; only encodings of equal versions compare.</item>
/// </list>
/// A person without any quasi-identifier (BSN only) gets no row: there is nothing for fuzzy linkage to compare.
/// </remarks>
public static class SubjectEncodings
{
    /// <summary>Bytes of <see cref="SubjectEncoding.Clk"/>.</summary>
    public const int ClkBytes = BloomFilterStore.Bytes;

    /// <summary>Bytes of <see cref="SubjectEncoding.BlockKeys"/>.</summary>
    public static int BlockKeyBytes => BlockKeyer.PassCount * sizeof(ulong);

    /// <summary>
    /// An encoder under the linkage key of <paramref name="ring"/>'s active version (<see cref="LinkageEncoding.DeriveKey(DomainKeyRing, Span{byte})"/>:
    /// HKDF "linkage" subkey of the pseudonym key, so the pseudonym key itself never enters the encoder) and that version.
    /// Not thread-safe; dispose it.
    /// </summary>
    public static RecordEncoder CreateEncoder(DomainKeyRing ring, out int keyVersion)
    {
        Span<byte> key = stackalloc byte[LinkageEncoding.KeyLength];
        try
        {
            keyVersion = LinkageEncoding.DeriveKey(ring, key);
            return new RecordEncoder(key);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The encoding row of one person, or null when the person has no quasi-identifier.</summary>
    public static SubjectEncoding? Create(
        RecordEncoder encoder, int keyVersion, string convenantId, Guid signalId, Guid subjectId, PersonIdentifiers person, DateTimeOffset createdAt)
    {
        var rows = CreateMany(encoder, keyVersion, convenantId, [new EncodingSubject(signalId, subjectId, person)], createdAt);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// The encoding rows of many persons; persons without any quasi-identifier are skipped. Rows come in input order.
    /// </summary>
    public static List<SubjectEncoding> CreateMany(
        RecordEncoder encoder, int keyVersion, string convenantId, IReadOnlyList<EncodingSubject> subjects, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(convenantId);
        ArgumentNullException.ThrowIfNull(subjects);
        var encoded = Encode(encoder, [.. subjects.Select(s => s.Person)]);
        var rows = new List<SubjectEncoding>(subjects.Count);
        for (var i = 0; i < subjects.Count; i++)
        {
            if (encoded[i] is { } encoding)
            {
                rows.Add(encoding.ToRow(keyVersion, convenantId, subjects[i].SignalId, subjects[i].SubjectId, createdAt));
            }
        }

        return rows;
    }

    /// <summary>
    /// The CLK and block-key bytes of each person (null for a person without any quasi-identifier), in input order; the
    /// tokens of 16 records are hashed together in multi-buffer batches.
    /// </summary>
    public static EncodedPerson?[] Encode(RecordEncoder encoder, IReadOnlyList<PersonIdentifiers> persons)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(persons);
        const int Group = 16;
        var result = new EncodedPerson?[persons.Count];
        var owners = new List<int>(Group);
        var quasi = new List<QuasiIdentifiers>(Group);
        var words = new ulong[Group * BloomFilterStore.Words];
        var blocks = new ulong[Group * BlockKeyer.PassCount];
        for (var start = 0; start < persons.Count; start += Group)
        {
            owners.Clear();
            quasi.Clear();
            for (var i = start; i < Math.Min(start + Group, persons.Count); i++)
            {
                var q = LinkagePreparation.QuasiIdentifiersOf(persons[i]);
                if (!q.IsEmpty)
                {
                    owners.Add(i);
                    quasi.Add(q);
                }
            }

            if (quasi.Count == 0)
            {
                continue;
            }

            var clk = words.AsSpan(0, quasi.Count * BloomFilterStore.Words);
            encoder.Clk.EncodeMany(quasi, clk);
            encoder.Blocks.ComputeMany(quasi, blocks);
            for (var r = 0; r < quasi.Count; r++)
            {
                var clkBytes = new byte[ClkBytes];
                for (var w = 0; w < BloomFilterStore.Words; w++)
                {
                    BinaryPrimitives.WriteUInt64LittleEndian(clkBytes.AsSpan(w * sizeof(ulong)), clk[(r * BloomFilterStore.Words) + w]);
                }

                var blockBytes = new byte[BlockKeyBytes];
                for (var p = 0; p < BlockKeyer.PassCount; p++)
                {
                    BinaryPrimitives.WriteUInt64LittleEndian(blockBytes.AsSpan(p * sizeof(ulong)), blocks[(r * BlockKeyer.PassCount) + p]);
                }

                result[owners[r]] = new EncodedPerson(clkBytes, blockBytes);
            }

            clk.Clear();
        }

        return result;
    }

    /// <summary>The CLK words of <paramref name="clk"/> (<see cref="ClkBytes"/> bytes) into <paramref name="words"/> (<see cref="BloomFilterStore.Words"/>).</summary>
    public static void ReadClk(ReadOnlySpan<byte> clk, Span<ulong> words)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(clk.Length, ClkBytes, nameof(clk));
        ArgumentOutOfRangeException.ThrowIfLessThan(words.Length, BloomFilterStore.Words, nameof(words));
        for (var w = 0; w < BloomFilterStore.Words; w++)
        {
            words[w] = BinaryPrimitives.ReadUInt64LittleEndian(clk[(w * sizeof(ulong))..]);
        }
    }

    /// <summary>The key of <paramref name="pass"/> in <paramref name="blockKeys"/> (<see cref="BlockKeyBytes"/> bytes); 0 = no block.</summary>
    public static ulong ReadBlockKey(ReadOnlySpan<byte> blockKeys, BlockingPass pass)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(blockKeys.Length, BlockKeyBytes, nameof(blockKeys));
        return BinaryPrimitives.ReadUInt64LittleEndian(blockKeys[((int)pass * sizeof(ulong))..]);
    }
}

/// <summary>One person to encode: the signal it came with and the subject it was stored under. Reveals nothing in ToString.</summary>
public sealed record EncodingSubject(Guid SignalId, Guid SubjectId, PersonIdentifiers Person)
{
    public override string ToString() => $"EncodingSubject {{ SignalId = {SignalId} }}";
}

/// <summary>The encoding bytes of one person in the layout <see cref="SubjectEncodings"/> documents.</summary>
public sealed record EncodedPerson(byte[] Clk, byte[] BlockKeys)
{
    /// <summary>The row of this encoding for a signal and the subject it was stored under.</summary>
    public SubjectEncoding ToRow(int keyVersion, string convenantId, Guid signalId, Guid subjectId, DateTimeOffset createdAt) => new()
    {
        SignalId = signalId,
        ConvenantId = convenantId,
        SubjectId = subjectId,
        KeyVersion = keyVersion,
        Clk = Clk,
        BlockKeys = BlockKeys,
        CreatedAt = createdAt.ToUniversalTime(),
    };

    public override string ToString() => "EncodedPerson(***)";
}
