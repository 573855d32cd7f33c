using Microsoft.Extensions.Time.Testing;
using SharingHub.Pseudonymisation.Identifiers;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Linkage.Blocking;
using SharingHub.Pseudonymisation.Linkage.Encoding;
using SharingHub.Pseudonymisation.Linkage.Preparation;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Pseudonymisation.Tests.Linkage.Preparation;

public sealed class LinkageEncodersTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void ForActiveKey_Person_SameEncodingAndBlockKeysAsPrepare()
    {
        using var ring = DomainKeyRing.FromSecret("test", 3, Guid.Empty, Enumerable.Repeat((byte)9, 32).ToArray(), new FakeTimeProvider());
        var person = new PersonIdentifiers(
            Bsn.Parse("111222333").Value, PersonName.Parse("Jan Willem", "van der", "Berg").Value,
            DateOfBirth.Parse("1984-07-12", Today).Value, DutchAddress.Parse("1234 ab", "12", null).Value);
        var prepared = LinkagePreparation.Prepare(ring, [new LinkageSubject("a", person)]);

        using var encoder = LinkageEncoders.ForActiveKey(ring, out var version);
        var clk = new ulong[BloomFilterStore.Words];
        var blocks = new ulong[BlockKeyer.PassCount];
        var quasi = LinkagePreparation.QuasiIdentifiersOf(person);
        encoder.Clk.Encode(quasi, clk);
        encoder.Blocks.Compute(quasi, blocks);

        Assert.Equal(3, version);
        Assert.Equal(prepared.Filters[0].ToArray(), clk);
        Assert.All(Enum.GetValues<BlockingPass>(), pass => Assert.Equal(prepared.BlockKey(pass, 0), blocks[(int)pass]));
        Assert.Contains(clk, w => w != 0);
    }
}
