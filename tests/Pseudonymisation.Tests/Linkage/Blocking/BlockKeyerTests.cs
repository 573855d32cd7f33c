using System.Buffers.Binary;
using System.Security.Cryptography;
using SharingHub.Pseudonymisation.Linkage;
using SharingHub.Pseudonymisation.Linkage.Blocking;

namespace SharingHub.Pseudonymisation.Tests.Linkage.Blocking;

public sealed class BlockKeyerTests
{
    private static ulong Expected(string token)
    {
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, LinkageTestData.DomainKey, 32, [], "sharinghub/linkage/block/v1"u8.ToArray());
        return BinaryPrimitives.ReadUInt64LittleEndian(HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes(token)));
    }

    [FsCheck.Xunit.Property(MaxTest = 25)]
    public void ComputeMany_AnyRecords_EqualsComputeOneByOne(ulong seed, byte count)
    {
        var s = seed | 1;
        var n = 1 + (count % 21);
        var records = new List<QuasiIdentifiers>(n);
        for (var i = 0; i < n; i++)
        {
            var person = LinkageTestData.RandomPerson(ref s, "r" + i);
            records.Add(i % 6 == 2 ? new QuasiIdentifiers { Surname = person.Surname } : (i % 6 == 5 ? new QuasiIdentifiers() : person.Quasi));
        }

        using var single = new BlockKeyer(LinkageTestData.DomainKey);
        using var batched = new BlockKeyer(LinkageTestData.DomainKey);
        var expected = new ulong[n * BlockKeyer.PassCount];
        for (var i = 0; i < n; i++)
        {
            single.Compute(records[i], expected.AsSpan(i * BlockKeyer.PassCount, BlockKeyer.PassCount));
        }

        var actual = new ulong[n * BlockKeyer.PassCount];
        batched.ComputeMany(records, actual);
        Assert.Equal(expected, actual);
        Assert.Contains(actual, k => k != 0);
    }

    [Fact]
    public void Compute_FullRecord_KeysAreTruncatedHmacsOfThePassTokens()
    {
        using var keyer = new BlockKeyer(LinkageTestData.DomainKey);
        var keys = new ulong[BlockKeyer.PassCount];
        keyer.Compute(new QuasiIdentifiers { GivenNames = ["jan"], Surname = "bijl", DateOfBirth = new DateOnly(1984, 7, 12), Postcode = "1234AB", HouseNumber = "12a" }, keys);
        var phonetic = DutchPhonetic.Encode("bijl");
        Assert.Equal(Expected("1|1984|0712"), keys[(int)BlockingPass.YearDayMonthPair]);
        Assert.Equal(Expected($"2|1984|07|{phonetic}"), keys[(int)BlockingPass.YearMonthSurname]);
        Assert.Equal(Expected("5|1234AB|12a"), keys[(int)BlockingPass.PostcodeHouse]);
        Assert.Equal(Expected($"8|{phonetic}|{DutchPhonetic.Encode("jan")}"), keys[(int)BlockingPass.SurnameGivenName]);
        Assert.All(keys, k => Assert.NotEqual(0UL, k));
    }

    [Fact]
    public void Compute_SwappedDayAndMonth_ShareTheDatePairBlock()
    {
        using var keyer = new BlockKeyer(LinkageTestData.DomainKey);
        var a = new ulong[BlockKeyer.PassCount];
        var b = new ulong[BlockKeyer.PassCount];
        keyer.Compute(new QuasiIdentifiers { Surname = "berg", DateOfBirth = new DateOnly(1984, 7, 12) }, a);
        keyer.Compute(new QuasiIdentifiers { Surname = "berg", DateOfBirth = new DateOnly(1984, 12, 7) }, b);
        Assert.Equal(a[(int)BlockingPass.YearDayMonthPair], b[(int)BlockingPass.YearDayMonthPair]);
        Assert.NotEqual(a[(int)BlockingPass.YearMonthSurname], b[(int)BlockingPass.YearMonthSurname]);
    }

    [Fact]
    public void Compute_NoDateNoAddress_OnlyNameBlocks()
    {
        using var keyer = new BlockKeyer(LinkageTestData.DomainKey);
        var keys = new ulong[BlockKeyer.PassCount];
        keyer.Compute(new QuasiIdentifiers { GivenNames = ["jan"], Surname = "berg" }, keys);
        Assert.Equal([(int)BlockingPass.SurnameGivenName], keys.Select((k, i) => (k, i)).Where(x => x.k != 0).Select(x => x.i));
    }
}
