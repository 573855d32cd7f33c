using Microsoft.AspNetCore.DataProtection;
using SharingHub.Pseudonymisation.Identifiers;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Pseudonymisation.Tests.Pseudonyms;

public sealed class RotationAndMigrationTests
{
    private static readonly MatchKeyInput Input = MatchKeys.Bsn(Bsn.Parse("111222333").Value);

    [Fact]
    public async Task RotateAsync_V1Pseudonym_StaysVerifiableAndRecomputable()
    {
        using var service = new DomainKeyService(new InMemoryDomainKeyStore(), new EphemeralDataProtectionProvider(), TimeProvider.System);
        var pseudonymiser = new Pseudonymiser(await service.GetRingAsync("riec"));
        var v1 = pseudonymiser.Compute(Input);

        await service.RotateAsync("riec");
        var v2 = pseudonymiser.Compute(Input);

        Assert.Equal(1, v1.KeyVersion);
        Assert.Equal(2, v2.KeyVersion);
        Assert.NotEqual(v1, v2);
        Assert.Equal(PseudonymError.None, pseudonymiser.Verify(v1, Input));
        Assert.Equal(v1, pseudonymiser.Compute(Input, 1));
    }

    [Fact]
    public async Task Migrate_RecordPseudonymisedUnderV1_FoundUnderV2AfterMigration()
    {
        using var service = new DomainKeyService(new InMemoryDomainKeyStore(), new EphemeralDataProtectionProvider(), TimeProvider.System);
        var pseudonymiser = new Pseudonymiser(await service.GetRingAsync("riec"));
        var other = MatchKeys.Bsn(Bsn.Parse("123456782").Value);
        // The hub's stored index: pseudonym text → record id; the identities live in the vault.
        var index = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [pseudonymiser.Compute(Input).ToString()] = "record-1",
            [pseudonymiser.Compute(other).ToString()] = "record-2",
        };
        var vault = new Dictionary<string, MatchKeyInput> { ["record-1"] = Input, ["record-2"] = other };

        await service.RotateAsync("riec");
        Assert.False(index.ContainsKey(pseudonymiser.Compute(Input).ToString()));

        var results = new PseudonymMigrator(pseudonymiser).Migrate(index.Select(e => (e.Key, vault[e.Value])).ToList());
        index = results.ToDictionary(r => r.NewPseudonym.ToString(), r => index[r.OldPseudonym], StringComparer.Ordinal);

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.All(results, r => Assert.Equal(2, r.NewPseudonym.KeyVersion));
        Assert.Equal("record-1", index[pseudonymiser.Compute(Input).ToString()]);
        Assert.Equal("record-2", index[pseudonymiser.Compute(other).ToString()]);
    }

    [Fact]
    public void Migrate_WrongIdentity_VerificationFailedAndNoMapping()
    {
        using var ring = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, new byte[32], TimeProvider.System);
        var pseudonymiser = new Pseudonymiser(ring);
        var old = pseudonymiser.Compute(Input).ToString();
        ring.Rotate();

        var result = new PseudonymMigrator(pseudonymiser).Migrate(old, MatchKeys.Bsn(Bsn.Parse("123456782").Value));

        Assert.False(result.Succeeded);
        Assert.Equal(PseudonymError.VerificationFailed, result.Error);
        Assert.Equal("SH1310", result.ErrorCode);
        Assert.Equal(default, result.NewPseudonym);
    }

    [Theory]
    [InlineData("xyz", PseudonymError.UnknownTag)]
    [InlineData("not a pseudonym", PseudonymError.MalformedStructure)]
    [InlineData("", PseudonymError.Empty)]
    public void Migrate_BadStoredText_ParseError(string stored, PseudonymError expected)
    {
        using var ring = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, new byte[32], TimeProvider.System);

        var result = new PseudonymMigrator(new Pseudonymiser(ring)).Migrate(stored, Input);

        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public void Migrate_AlreadyActiveVersion_Unchanged()
    {
        using var ring = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, new byte[32], TimeProvider.System);
        var pseudonymiser = new Pseudonymiser(ring);
        var current = pseudonymiser.Compute(Input);

        var result = new PseudonymMigrator(pseudonymiser).Migrate(current.ToString(), Input);

        Assert.True(result.Succeeded);
        Assert.Equal(current, result.NewPseudonym);
    }

    [Fact]
    public void Migrate_VersionNoLongerInRing_UnknownKeyVersion()
    {
        using var ring = DomainKeyRing.FromSecret("riec", 5, Guid.Empty, new byte[32], TimeProvider.System);
        var pseudonymiser = new Pseudonymiser(ring);
        var hash = new byte[32];
        pseudonymiser.Compute(Input).CopyHashTo(hash);

        var result = new PseudonymMigrator(pseudonymiser).Migrate(new Pseudonym(PseudonymKind.Bsn, 4, hash).ToString(), Input);

        Assert.Equal(PseudonymError.UnknownKeyVersion, result.Error);
    }
}
