using SharingHub.Pseudonymisation.Keys;

namespace SharingHub.Pseudonymisation.Tests.Keys;

public sealed class DomainKeyRingTests
{
    private static readonly byte[] Secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    [Fact]
    public void FromSecret_SameInputs_SameKeys()
    {
        using var a = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);
        using var b = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);

        Assert.Equal(a.GetMaterial(1).PseudonymKey.ToArray(), b.GetMaterial(1).PseudonymKey.ToArray());
        Assert.Equal(a.GetMaterial(1).ReferenceSecret.ToArray(), b.GetMaterial(1).ReferenceSecret.ToArray());
    }

    [Fact]
    public void FromSecret_OtherDomainOrVersion_UnrelatedKeys()
    {
        using var riec = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);
        using var zvh = DomainKeyRing.FromSecret("zvh", 1, Guid.Empty, Secret, TimeProvider.System);
        using var riec2 = DomainKeyRing.FromSecret("riec", 2, Guid.Empty, Secret, TimeProvider.System);

        var keys = new[]
        {
            riec.GetMaterial(1).PseudonymKey.ToArray(), riec.GetMaterial(1).ReferenceSecret.ToArray(),
            zvh.GetMaterial(1).PseudonymKey.ToArray(), riec2.GetMaterial(2).PseudonymKey.ToArray(), Secret,
        };

        Assert.Equal(keys.Length, keys.Select(Convert.ToHexString).Distinct().Count());
    }

    [Fact]
    public void Rotate_InMemoryRing_NewActiveVersionOldResolvable()
    {
        using var ring = DomainKeyRing.FromSecret("riec", 3, Guid.Empty, Secret, TimeProvider.System);

        var info = ring.Rotate();

        Assert.Equal(4, info.Version);
        Assert.Equal(4, ring.ActiveVersion);
        Assert.True(ring.HasVersion(3));
        Assert.Equal(KeyStatus.Retired, ring.Versions[0].Status);
    }

    [Fact]
    public void GetMaterial_UnknownVersion_ThrowsUnknownKeyVersion()
    {
        using var ring = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);

        var ex = Assert.Throws<KeyException>(() => ring.GetMaterial(7));

        Assert.Equal(KeyErrorCodes.UnknownKeyVersion, ex.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void FromSecret_WrongSecretLength_ThrowsInvalidKeyLength(int length)
    {
        var ex = Assert.Throws<KeyException>(() => DomainKeyRing.FromSecret("riec", 1, Guid.Empty, new byte[length], TimeProvider.System));

        Assert.Equal(KeyErrorCodes.InvalidKeyLength, ex.Code);
    }

    [Fact]
    public void FromSecret_VersionZero_ThrowsInvalidKeyVersion()
    {
        var ex = Assert.Throws<KeyException>(() => DomainKeyRing.FromSecret("riec", 0, Guid.Empty, Secret, TimeProvider.System));

        Assert.Equal(KeyErrorCodes.InvalidKeyVersion, ex.Code);
    }

    [Fact]
    public void Dispose_Ring_ZeroesKeyMaterial()
    {
        var ring = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);
        var material = ring.GetMaterial(1);

        ring.Dispose();

        Assert.Throws<ObjectDisposedException>(() => material.PseudonymKey.ToArray());
        Assert.Throws<ObjectDisposedException>(() => ring.ActiveVersion);
    }

    [Fact]
    public void ToRecords_RingFromSecret_ThrowsInvalidOperation()
    {
        using var ring = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);

        Assert.Throws<InvalidOperationException>(() => ring.ToRecords());
    }

    [Theory]
    [InlineData("riec", true)]
    [InlineData("zvh-2", true)]
    [InlineData("0pmg", true)]
    [InlineData("", false)]
    [InlineData("-riec", false)]
    [InlineData("RIEC", false)]
    [InlineData("ri ec", false)]
    [InlineData("../x", false)]
    [InlineData("é", false)]
    public void IsValid_DomainIds_AsExpected(string domain, bool expected) =>
        Assert.Equal(expected, DomainId.IsValid(domain));

    [Fact]
    public void IsValid_DomainOf64Characters_False() =>
        Assert.False(DomainId.IsValid(new string('a', 64)));
}
