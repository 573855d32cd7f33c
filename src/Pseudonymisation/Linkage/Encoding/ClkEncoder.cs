using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SharingHub.Pseudonymisation.Linkage.Encoding;

/// <summary>
/// Keyed CLK-style Bloom-filter encoder (1024 bits). Each field has its own key, derived with HKDF-SHA256 from
/// the convenant's domain key, and its own number of hash functions (its weight). Each token is hashed once
/// with HMAC-SHA256 under the field key; the first 16 bytes give h1 and h2, and the k bit positions are
/// h1 + i·h2 (double hashing). With <see cref="ClkHardening.XorFold"/> the positions address 2048 bits whose
/// halves are XOR-folded into the final 1024. Not thread-safe: use one encoder per thread.
/// </summary>
public sealed class ClkEncoder : IDisposable
{
    private const string InfoPrefix = "sharinghub/linkage/clk/v1/";
    private static readonly ClkField[] Fields = Enum.GetValues<ClkField>();

    private readonly KeyedTokenHasher[] _hashers;
    private readonly int[] _hashes;
    private readonly ClkOptions _options;
    private readonly int _positions;
    private readonly int[] _flushSlots = new int[KeyedTokenHasher.BatchLanes];
    private readonly ulong[] _flushH1 = new ulong[KeyedTokenHasher.BatchLanes];
    private readonly ulong[] _flushH2 = new ulong[KeyedTokenHasher.BatchLanes];
    private ulong[] _scratch = [];

    /// <summary>Derives the per-field keys from <paramref name="domainKey"/> (at least 32 bytes).</summary>
    public ClkEncoder(ReadOnlySpan<byte> domainKey, ClkOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(domainKey.Length, 32, nameof(domainKey));
        _options = options ?? ClkOptions.Default;
        _positions = _options.Hardening == ClkHardening.XorFold ? 2 * BloomFilterStore.Bits : BloomFilterStore.Bits;
        _hashers = new KeyedTokenHasher[Fields.Length];
        _hashes = new int[Fields.Length];
        Span<byte> fieldKey = stackalloc byte[32];
        try
        {
            foreach (var field in Fields)
            {
                var info = System.Text.Encoding.ASCII.GetBytes(InfoPrefix + field.ToString());
                HKDF.DeriveKey(HashAlgorithmName.SHA256, domainKey, fieldKey, salt: default, info);
                _hashers[(int)field] = new KeyedTokenHasher(fieldKey);
                _hashes[(int)field] = Math.Clamp(_options.HashesFor(field), 0, 64);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fieldKey);
        }
    }

    /// <summary>Writes the encoding of <paramref name="record"/> into <paramref name="destination"/> (16 words).</summary>
    public void Encode(QuasiIdentifiers record, Span<ulong> destination)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfNotEqual(destination.Length, BloomFilterStore.Words, nameof(destination));
        Span<ulong> bits = stackalloc ulong[2 * BloomFilterStore.Words];
        bits.Clear();
        Tokens(record, new Writer(this, bits, -1));
        Fold(bits, destination);
    }

    /// <summary>
    /// Encodes <paramref name="records"/> into consecutive 16-word slots of <paramref name="destination"/>, with
    /// the same result as <see cref="Encode"/> per record. Tokens that miss the cache are queued per field and
    /// hashed in 16-lane multi-buffer batches instead of one HMAC at a time.
    /// </summary>
    public void EncodeMany(IReadOnlyList<QuasiIdentifiers> records, Span<ulong> destination)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfNotEqual(destination.Length, records.Count * BloomFilterStore.Words, nameof(destination));
        var slotWords = 2 * BloomFilterStore.Words;
        if (_scratch.Length < records.Count * slotWords)
        {
            _scratch = new ulong[records.Count * slotWords];
        }

        var scratch = _scratch.AsSpan(0, records.Count * slotWords);
        scratch.Clear();
        for (var r = 0; r < records.Count; r++)
        {
            var record = records[r];
            ArgumentNullException.ThrowIfNull(record, nameof(records));
            Tokens(record, new Writer(this, scratch.Slice(r * slotWords, slotWords), r));
        }

        foreach (var field in Fields)
        {
            FlushField(field);
        }

        for (var r = 0; r < records.Count; r++)
        {
            Fold(scratch.Slice(r * slotWords, slotWords), destination.Slice(r * BloomFilterStore.Words, BloomFilterStore.Words));
        }

        scratch.Clear();
    }

    private static void Tokens(QuasiIdentifiers record, Writer writer)
    {
        Span<char> buffer = stackalloc char[96];

        foreach (var given in record.GivenNames)
        {
            var length = LinkageText.Letters(given.AsSpan(0, Math.Min(given.Length, 64)), buffer[1..65]);
            if (length == 0)
            {
                continue;
            }

            writer.Add(ClkField.Initial, buffer.Slice(1, 1));
            if (length > 1)
            {
                writer.Bigrams(ClkField.GivenName, buffer, length);
            }
        }

        if (!string.IsNullOrEmpty(record.Surname))
        {
            var length = LinkageText.Letters(record.Surname.AsSpan(0, Math.Min(record.Surname.Length, 64)), buffer[1..65]);
            if (length > 0)
            {
                writer.Bigrams(ClkField.Surname, buffer, length);
            }
        }

        var prefix = LinkageText.Prefix(record.SurnamePrefix);
        if (prefix.Length > 0)
        {
            writer.Add(ClkField.SurnamePrefix, prefix);
        }

        if (record.DateOfBirth is { } dob)
        {
            var (low, high) = dob.Day <= dob.Month ? (dob.Day, dob.Month) : (dob.Month, dob.Day);
            writer.Add(ClkField.DateOfBirth, Format(buffer, $"y{dob.Year:D4}"));
            writer.Add(ClkField.DateOfBirth, Format(buffer, $"m{dob.Month:D2}"));
            writer.Add(ClkField.DateOfBirth, Format(buffer, $"d{dob.Day:D2}"));
            writer.Add(ClkField.DateOfBirth, Format(buffer, $"p{low:D2}{high:D2}"));
            writer.Add(ClkField.DateOfBirth, Format(buffer, $"f{dob.Year:D4}{dob.Month:D2}{dob.Day:D2}"));
            writer.Add(ClkField.DateOfBirth, Format(buffer, $"c{dob.Year / 100:D2}"));
            writer.Add(ClkField.DateOfBirth, Format(buffer, $"t{dob.Year / 10 % 10:D1}"));
            writer.Add(ClkField.DateOfBirth, Format(buffer, $"u{dob.Year % 10:D1}"));
        }

        if (!string.IsNullOrEmpty(record.Postcode) && record.Postcode.Length >= 4)
        {
            writer.Add(ClkField.Address, Format(buffer, $"a{record.Postcode.AsSpan(0, 4)}"));
            writer.Add(ClkField.Address, Format(buffer, $"p{record.Postcode}"));
            if (!string.IsNullOrEmpty(record.HouseNumber))
            {
                writer.Add(ClkField.Address, Format(buffer, $"h{record.Postcode}|{record.HouseNumber}"));
            }
        }

        buffer.Clear();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var hasher in _hashers)
        {
            hasher.Dispose();
        }
    }

    private static ReadOnlySpan<char> Format(Span<char> buffer, [System.Runtime.CompilerServices.InterpolatedStringHandlerArgument(nameof(buffer))] MemoryExtensions.TryWriteInterpolatedStringHandler handler)
    {
        return MemoryExtensions.TryWrite(buffer, CultureInfo.InvariantCulture, ref handler, out var written) ? buffer[..written] : [];
    }

    private void Fold(ReadOnlySpan<ulong> bits, Span<ulong> destination)
    {
        if (_options.Hardening == ClkHardening.XorFold)
        {
            for (var i = 0; i < BloomFilterStore.Words; i++)
            {
                destination[i] = bits[i] ^ bits[i + BloomFilterStore.Words];
            }
        }
        else
        {
            bits[..BloomFilterStore.Words].CopyTo(destination);
        }
    }

    /// <summary>Sets the k bit positions of one token hash (double hashing h1 + i·h2).</summary>
    private void SetBits(Span<ulong> bits, ClkField field, ulong h1, ulong h2)
    {
        h2 |= 1;
        var k = _hashes[(int)field];
        var mask = (ulong)(_positions - 1);
        for (var i = 0; i < k; i++)
        {
            var position = (int)((h1 + ((ulong)i * h2)) & mask);
            bits[position >> 6] |= 1UL << (position & 63);
        }
    }

    private void FlushField(ClkField field)
    {
        var count = _hashers[(int)field].Flush(_flushSlots, _flushH1, _flushH2);
        var slotWords = 2 * BloomFilterStore.Words;
        for (var i = 0; i < count; i++)
        {
            SetBits(_scratch.AsSpan(_flushSlots[i] * slotWords, slotWords), field, _flushH1[i], _flushH2[i]);
        }

        _flushH1.AsSpan(0, count).Clear();
        _flushH2.AsSpan(0, count).Clear();
    }

    /// <summary>Adds tokens to one record's 2048-bit scratch; with a slot ≥ 0, cache misses are queued for a batch.</summary>
    private ref struct Writer(ClkEncoder encoder, Span<ulong> bits, int slot)
    {
        private readonly Span<ulong> _bits = bits;

        /// <summary>Bigrams of the letters at buffer[1..length+1], padded with '_' on both ends.</summary>
        public readonly void Bigrams(ClkField field, Span<char> buffer, int length)
        {
            buffer[0] = '_';
            buffer[length + 1] = '_';
            for (var i = 0; i <= length; i++)
            {
                Add(field, buffer.Slice(i, 2));
            }
        }

        public readonly void Add(ClkField field, ReadOnlySpan<char> token)
        {
            if (token.IsEmpty)
            {
                return;
            }

            var hasher = encoder._hashers[(int)field];
            if (slot < 0)
            {
                var (h1, h2) = hasher.Hash(token);
                encoder.SetBits(_bits, field, h1, h2);
            }
            else if (hasher.TryGetCached(token, out var cached))
            {
                encoder.SetBits(_bits, field, cached.H1, cached.H2);
            }
            else if (hasher.Enqueue(token, slot))
            {
                encoder.FlushField(field);
            }
        }
    }
}
