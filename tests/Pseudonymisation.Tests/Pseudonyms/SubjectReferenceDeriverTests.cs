using System.Security.Cryptography;
using SharingHub.Pseudonymisation.Identifiers;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Pseudonymisation.Tests.Pseudonyms;

public sealed class SubjectReferenceDeriverTests
{
    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Derive_TwoPartners_DifferentReferencesStablePerPartner()
    {
        using var ring = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);
        using var deriver = new SubjectReferenceDeriver(ring);
        var hub = new Pseudonymiser(ring).Compute(MatchKeys.Bsn(Bsn.Parse("111222333").Value));

        var police = deriver.Derive("politie-oost", hub);
        var municipality = deriver.Derive("gemeente-utrecht", hub);

        Assert.NotEqual(police, municipality);
        Assert.Equal(police, deriver.Derive("politie-oost", hub));
        using var again = new SubjectReferenceDeriver(ring);
        Assert.Equal(police, again.Derive("politie-oost", hub));
        Assert.StartsWith("s1.1.", police.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(hub.ToString()[5..], police.ToString()[5..]);
    }

    [Fact]
    public void Derive_ManySubjects_PartnersReferenceSetsDisjoint()
    {
        using var ring = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);
        using var deriver = new SubjectReferenceDeriver(ring);
        var hubs = Enumerable.Range(0, 500).Select(i => new Pseudonym(PseudonymKind.Bsn, 1, RandomNumberGenerator.GetBytes(32))).ToArray();

        var a = hubs.Select(h => deriver.Derive("partner-a", h).ToString()).ToHashSet(StringComparer.Ordinal);
        var b = hubs.Select(h => deriver.Derive("partner-b", h).ToString()).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(hubs.Length, a.Count);
        Assert.Equal(hubs.Length, b.Count);
        Assert.Empty(a.Intersect(b));
    }

    [Fact]
    public void Derive_PartnerKey_IsHkdfOfReferenceSecretWithPartnerInfo()
    {
        using var ring = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);
        using var deriver = new SubjectReferenceDeriver(ring);
        var hubHash = RandomNumberGenerator.GetBytes(32);
        var hub = new Pseudonym(PseudonymKind.Kvk, 1, hubHash);

        var reference = deriver.Derive("partner-a", hub);

        var partnerKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, ring.GetMaterial(1).ReferenceSecret.ToArray(), 32, "SharingHub.SubjectRef.v1"u8.ToArray(), "riec\u001Fpartner-a"u8.ToArray());
        var expected = HMACSHA256.HashData(partnerKey, (byte[])[(byte)'s', (byte)'1', 0x1F, (byte)'k', .. hubHash]);
        var actual = new byte[32];
        reference.CopyHashTo(actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Derive_SameSecretOtherDomain_DifferentReference()
    {
        using var riec = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);
        using var zvh = DomainKeyRing.FromSecret("zvh", 1, Guid.Empty, Secret, TimeProvider.System);
        var hub = new Pseudonym(PseudonymKind.Bsn, 1, new byte[32]);
        using var a = new SubjectReferenceDeriver(riec);
        using var b = new SubjectReferenceDeriver(zvh);

        Assert.NotEqual(a.Derive("p", hub), b.Derive("p", hub));
    }

    [Fact]
    public void DeriveBatch_MixedVersions_EqualsSingleDerivation()
    {
        using var ring = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);
        ring.Rotate();
        using var deriver = new SubjectReferenceDeriver(ring);
        var hubs = Enumerable.Range(0, 100).Select(i => new Pseudonym(PseudonymKind.Bsn, 1 + (i % 2), RandomNumberGenerator.GetBytes(32))).ToArray();
        var batch = new SubjectReference[hubs.Length];

        deriver.DeriveBatch("partner-a", hubs, batch);

        for (var i = 0; i < hubs.Length; i++)
        {
            Assert.Equal(deriver.Derive("partner-a", hubs[i]), batch[i]);
            Assert.Equal(hubs[i].KeyVersion, batch[i].KeyVersion);
        }
    }

    [Fact]
    public void Verify_OwnAndForeignReference_TrueOnlyForOwn()
    {
        using var ring = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);
        using var deriver = new SubjectReferenceDeriver(ring);
        var hub = new Pseudonym(PseudonymKind.Bsn, 1, RandomNumberGenerator.GetBytes(32));
        var reference = deriver.Derive("partner-a", hub);

        Assert.True(deriver.Verify("partner-a", reference, hub));
        Assert.False(deriver.Verify("partner-b", reference, hub));
        Assert.False(deriver.Verify("partner-a", reference, new Pseudonym(PseudonymKind.Bsn, 1, RandomNumberGenerator.GetBytes(32))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad\npartner")]
    public void Derive_InvalidPartnerId_ThrowsInvalidPartnerId(string partnerId)
    {
        using var ring = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);
        using var deriver = new SubjectReferenceDeriver(ring);

        var ex = Assert.Throws<KeyException>(() => deriver.Derive(partnerId, new Pseudonym(PseudonymKind.Bsn, 1, new byte[32])));

        Assert.Equal(KeyErrorCodes.InvalidPartnerId, ex.Code);
    }
}
