using System.Globalization;
using System.Security.Cryptography;
using SharingHub.Pseudonymisation.Linkage.Encoding;

namespace SharingHub.Pseudonymisation.Linkage.Blocking;

/// <summary>
/// Keyed block keys: HMAC-SHA256 (key derived with HKDF from the domain key) of the pass name and the values
/// it blocks on, truncated to 64 bits. Zero means "this record is not in a block of this pass". Not thread-safe.
/// </summary>
public sealed class BlockKeyer : IDisposable
{
    /// <summary>Number of passes.</summary>
    public static readonly int PassCount = Enum.GetValues<BlockingPass>().Length;

    private readonly KeyedTokenHasher _hasher;

    /// <summary>Derives the blocking key from <paramref name="domainKey"/>.</summary>
    public BlockKeyer(ReadOnlySpan<byte> domainKey)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(domainKey.Length, 32, nameof(domainKey));
        Span<byte> key = stackalloc byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, domainKey, key, salt: default, "sharinghub/linkage/block/v1"u8);
        _hasher = new KeyedTokenHasher(key);
        CryptographicOperations.ZeroMemory(key);
    }

    /// <summary>Writes the key of every pass (indexed by <see cref="BlockingPass"/>) into <paramref name="destination"/>.</summary>
    public void Compute(QuasiIdentifiers record, Span<ulong> destination)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, PassCount, nameof(destination));
        destination[..PassCount].Clear();
        var surname = string.IsNullOrEmpty(record.Surname) ? string.Empty : DutchPhonetic.Encode(record.Surname);
        Span<char> buffer = stackalloc char[160];
        if (record.DateOfBirth is { } dob)
        {
            var (low, high) = dob.Day <= dob.Month ? (dob.Day, dob.Month) : (dob.Month, dob.Day);
            destination[(int)BlockingPass.YearDayMonthPair] = Key(buffer, $"1|{dob.Year:D4}|{low:D2}{high:D2}");
            if (surname.Length > 0)
            {
                destination[(int)BlockingPass.YearMonthSurname] = Key(buffer, $"2|{dob.Year:D4}|{dob.Month:D2}|{surname}");
                destination[(int)BlockingPass.YearDaySurname] = Key(buffer, $"3|{dob.Year:D4}|{dob.Day:D2}|{surname}");
                destination[(int)BlockingPass.MonthDaySurname] = Key(buffer, $"4|{dob.Month:D2}|{dob.Day:D2}|{surname}");
            }
        }

        if (!string.IsNullOrEmpty(record.Postcode) && !string.IsNullOrEmpty(record.HouseNumber))
        {
            destination[(int)BlockingPass.PostcodeHouse] = Key(buffer, $"5|{record.Postcode}|{record.HouseNumber}");
        }

        var initial = FirstInitial(record.GivenNames);
        if (surname.Length > 0 && initial != '\0' && record.DateOfBirth is { } d)
        {
            destination[(int)BlockingPass.SurnameInitialDecade] = Key(buffer, $"6|{surname}|{initial}|{d.Year / 10}");
        }

        if (initial != '\0' && record.DateOfBirth is { } md)
        {
            destination[(int)BlockingPass.MonthDayInitial] = Key(buffer, $"7|{md.Month:D2}|{md.Day:D2}|{initial}");
        }

        var given = FirstFullGivenName(record.GivenNames);
        if (surname.Length > 0 && given.Length > 0)
        {
            destination[(int)BlockingPass.SurnameGivenName] = Key(buffer, $"8|{surname}|{DutchPhonetic.Encode(given)}");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _hasher.Dispose();

    private static string FirstFullGivenName(IReadOnlyList<string> givenNames)
    {
        foreach (var name in givenNames)
        {
            if (name.Count(char.IsLetter) > 1)
            {
                return name;
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

    private ulong Key(Span<char> buffer, [System.Runtime.CompilerServices.InterpolatedStringHandlerArgument(nameof(buffer))] MemoryExtensions.TryWriteInterpolatedStringHandler token)
    {
        if (!MemoryExtensions.TryWrite(buffer, CultureInfo.InvariantCulture, ref token, out var written))
        {
            return 0;
        }

        var (h1, _) = _hasher.Hash(buffer[..written]);
        buffer[..written].Clear();
        return h1 == 0 ? 1 : h1;
    }
}
