using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using SharingHub.Pseudonymisation.Hashing;
using SharingHub.Pseudonymisation.Linkage.Encoding;

namespace SharingHub.Pseudonymisation.Linkage.Blocking;

/// <summary>
/// Keyed block keys: HMAC-SHA256 (key derived with HKDF from the domain key) of the pass name and the values
/// it blocks on, truncated to 64 bits; the tokens of one record (two with <see cref="ComputeMany"/>) are hashed in one multi-buffer batch. Zero means "this record is not in a block of this pass". Not thread-safe.
/// </summary>
public sealed class BlockKeyer : IDisposable
{
    /// <summary>Number of passes.</summary>
    public static readonly int PassCount = Enum.GetValues<BlockingPass>().Length;

    private const int MaxTokenBytes = 256;
    private readonly HmacSha256Key _key;
    private const int Lanes = 16;
    private readonly byte[] _data = new byte[MaxTokenBytes * Lanes];
    private readonly int[] _offsets = new int[Lanes + 1];
    private readonly int[] _targets = new int[Lanes];
    private readonly byte[] _macs = new byte[FastHmacSha256.HashSize * Lanes];
    private int _count;
    private int _target;

    /// <summary>Derives the blocking key from <paramref name="domainKey"/>.</summary>
    public BlockKeyer(ReadOnlySpan<byte> domainKey)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(domainKey.Length, 32, nameof(domainKey));
        Span<byte> key = stackalloc byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, domainKey, key, salt: default, "sharinghub/linkage/block/v1"u8);
        _key = new HmacSha256Key(key);
        CryptographicOperations.ZeroMemory(key);
    }

    /// <summary>Writes the key of every pass (indexed by <see cref="BlockingPass"/>) into <paramref name="destination"/>.</summary>
    public void Compute(QuasiIdentifiers record, Span<ulong> destination)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, PassCount, nameof(destination));
        destination[..PassCount].Clear();
        _count = 0;
        _target = 0;
        Queue(record);
        Flush(destination);
    }

    /// <summary>
    /// Writes the keys of every record, <see cref="PassCount"/> per record and record after record, into
    /// <paramref name="destination"/>; the same keys as <see cref="Compute"/>, with the tokens of two records
    /// hashed together in one 16-lane batch.
    /// </summary>
    public void ComputeMany(IReadOnlyList<QuasiIdentifiers> records, Span<ulong> destination)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, records.Count * PassCount, nameof(destination));
        destination[..(records.Count * PassCount)].Clear();
        _count = 0;
        for (var r = 0; r < records.Count; r++)
        {
            var record = records[r];
            ArgumentNullException.ThrowIfNull(record, nameof(records));
            if (_count + PassCount > Lanes)
            {
                Flush(destination);
            }

            _target = r * PassCount;
            Queue(record);
        }

        Flush(destination);
    }

    private void Queue(QuasiIdentifiers record)
    {
        var surname = string.IsNullOrEmpty(record.Surname) ? string.Empty : DutchPhonetic.Encode(record.Surname);
        Span<char> buffer = stackalloc char[160];
        if (record.DateOfBirth is { } dob)
        {
            var (low, high) = dob.Day <= dob.Month ? (dob.Day, dob.Month) : (dob.Month, dob.Day);
            Add(BlockingPass.YearDayMonthPair, buffer, $"1|{dob.Year:D4}|{low:D2}{high:D2}");
            if (surname.Length > 0)
            {
                Add(BlockingPass.YearMonthSurname, buffer, $"2|{dob.Year:D4}|{dob.Month:D2}|{surname}");
                Add(BlockingPass.YearDaySurname, buffer, $"3|{dob.Year:D4}|{dob.Day:D2}|{surname}");
                Add(BlockingPass.MonthDaySurname, buffer, $"4|{dob.Month:D2}|{dob.Day:D2}|{surname}");
            }
        }

        if (!string.IsNullOrEmpty(record.Postcode) && !string.IsNullOrEmpty(record.HouseNumber))
        {
            Add(BlockingPass.PostcodeHouse, buffer, $"5|{record.Postcode}|{record.HouseNumber}");
        }

        var initial = FirstInitial(record.GivenNames);
        if (surname.Length > 0 && initial != '\0' && record.DateOfBirth is { } d)
        {
            Add(BlockingPass.SurnameInitialDecade, buffer, $"6|{surname}|{initial}|{d.Year / 10}");
        }

        if (initial != '\0' && record.DateOfBirth is { } md)
        {
            Add(BlockingPass.MonthDayInitial, buffer, $"7|{md.Month:D2}|{md.Day:D2}|{initial}");
        }

        var given = FirstFullGivenName(record.GivenNames);
        if (surname.Length > 0 && given.Length > 0)
        {
            Add(BlockingPass.SurnameGivenName, buffer, $"8|{surname}|{DutchPhonetic.Encode(given)}");
        }

    }

    /// <inheritdoc />
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_data);
        _key.Dispose();
    }

    private static string FirstFullGivenName(IReadOnlyList<string> givenNames)
    {
        foreach (var name in givenNames)
        {
            var letters = 0;
            foreach (var c in name)
            {
                if (char.IsLetter(c) && ++letters > 1)
                {
                    return name;
                }
            }
        }

        return string.Empty;
    }

    private static char FirstInitial(IReadOnlyList<string> givenNames)
    {
        foreach (var name in givenNames)
        {
            foreach (var c in name)
            {
                var lower = char.ToLowerInvariant(c);
                if (lower is >= 'a' and <= 'z')
                {
                    return lower;
                }
            }
        }

        return '\0';
    }

    /// <summary>Queues the token of one pass; <see cref="Flush"/> hashes all queued tokens in one batch (8 or 16 lanes).</summary>
    private void Add(BlockingPass pass, Span<char> buffer, [System.Runtime.CompilerServices.InterpolatedStringHandlerArgument(nameof(buffer))] MemoryExtensions.TryWriteInterpolatedStringHandler token)
    {
        if (!MemoryExtensions.TryWrite(buffer, CultureInfo.InvariantCulture, ref token, out var written))
        {
            return;
        }

        var start = _offsets[_count];
        var chars = buffer[..Math.Min(written, MaxTokenBytes / 3)];
        var length = System.Text.Encoding.UTF8.GetBytes(chars, _data.AsSpan(start, MaxTokenBytes));
        chars.Clear();
        _targets[_count] = _target + (int)pass;
        _offsets[++_count] = start + length;
    }

    private void Flush(Span<ulong> destination)
    {
        if (_count == 0)
        {
            return;
        }

        FastHmacSha256.ComputeBatch(_key, _data.AsSpan(0, _offsets[_count]), _offsets.AsSpan(0, _count + 1), _macs.AsSpan(0, _count * FastHmacSha256.HashSize));
        for (var i = 0; i < _count; i++)
        {
            var h1 = BinaryPrimitives.ReadUInt64LittleEndian(_macs.AsSpan(i * FastHmacSha256.HashSize));
            destination[_targets[i]] = h1 == 0 ? 1 : h1;
        }

        CryptographicOperations.ZeroMemory(_data.AsSpan(0, _offsets[_count]));
        _count = 0;
    }
}
