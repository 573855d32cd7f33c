using SharingHub.Pseudonymisation.Identifiers;

namespace SharingHub.Pseudonymisation.Tests.Identifiers;

/// <summary>The numeric parsers stay allocation-light: nothing on failure, only the result on success.</summary>
public sealed class AllocationTests
{
    private const int Rounds = 200;

    /// <summary>
    /// Bytes allocated per call once the JIT has settled: tier-0 code and first calls may allocate while the
    /// runtime warms up, so this measures repeatedly (up to ~2 s) and returns the first figure within
    /// <paramref name="limit"/>, or the smallest seen.
    /// </summary>
    private static long AllocatedPerCall(Action action, long limit)
    {
        long smallest = long.MaxValue;
        for (int attempt = 0; attempt < 40; attempt++)
        {
            for (int i = 0; i < Rounds; i++)
            {
                action();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < Rounds; i++)
            {
                action();
            }

            smallest = Math.Min(smallest, (GC.GetAllocatedBytesForCurrentThread() - before) / Rounds);
            if (smallest <= limit)
            {
                return smallest;
            }

            Thread.Sleep(50);
        }

        return smallest;
    }

    public static TheoryData<string, Action> FailingParses() => new()
    {
        { "bsn-checksum", () => Bsn.Parse(" 1234.56.789 ") },
        { "bsn-length", () => Bsn.Parse("1234567") },
        { "postcode", () => Postcode.Parse("1234 SA") },
        { "kvk", () => KvkNumber.Parse("1234567") },
        { "kenteken", () => Kenteken.Parse("12-ABC-3") },
        { "iban", () => Iban.Parse("NL91 ABNA 0417 1643 01") },
        { "phone", () => PhoneNumber.Parse("06-1234567") },
        { "dob", () => DateOfBirth.Parse("2023-02-29", new DateOnly(2026, 11, 24)) },
    };

    [Theory]
    [MemberData(nameof(FailingParses))]
    public void Parse_InvalidInput_AllocatesNothing(string name, Action parse)
    {
        Assert.True(AllocatedPerCall(parse, limit: 0) == 0, name);
    }

    [Fact]
    public void Parse_ValidBsn_AllocatesOnlyTheResult()
    {
        // One Bsn object (24 bytes) and one 9-character string (40 bytes) on 64-bit.
        Assert.InRange(AllocatedPerCall(() => Bsn.Parse(" 1234.56.782 "), limit: 64), 1, 64);
    }

    [Fact]
    public void Fold_AlreadyFoldedName_AllocatesNothing()
    {
        Assert.Equal(0, AllocatedPerCall(() => NameFolding.Fold("jan willem van der berg"), limit: 0));
    }
}
