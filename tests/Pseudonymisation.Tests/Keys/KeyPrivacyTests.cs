using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.DataProtection;
using SharingHub.Pseudonymisation.Identifiers;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Pseudonyms;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Pseudonymisation.Tests.Keys;

/// <summary>No key material and no identifier may appear in an exception, ToString or debugger text of this area.</summary>
public sealed class KeyPrivacyTests
{
    [Fact]
    public async Task Exceptions_EveryKeyFailure_NoKeyMaterialInMessages()
    {
        var store = new InMemoryDomainKeyStore();
        var provider = new EphemeralDataProtectionProvider();
        using var service = new DomainKeyService(store, provider, TimeProvider.System);
        var ring = await service.GetRingAsync("riec");
        await service.RotateAsync("riec");
        var secrets = Secrets(ring).ToList();
        var records = await store.LoadAsync("riec");
        var failures = new List<Exception>();

        failures.Add(Assert.Throws<KeyException>(() => new DomainKeyWrapper(new EphemeralDataProtectionProvider(), "riec").Unwrap(records[0])));
        failures.Add(Assert.Throws<KeyException>(() => new DomainKeyWrapper(provider, "riec").Unwrap(records[0] with { WrappedKey = records[1].WrappedKey })));
        failures.Add(Assert.Throws<KeyException>(() => new DomainKeyWrapper(provider, "zvh").Unwrap(records[0])));
        failures.Add(Assert.Throws<KeyException>(() => ring.GetMaterial(99)));
        failures.Add(Assert.Throws<KeyException>(() => DomainId.Validate("Bad Domain")));
        failures.Add(Assert.Throws<KeyException>(() => PartnerId.Validate("")));
        failures.Add(Assert.Throws<KeyException>(() => DomainKeyRing.FromSecret("riec", 1, Guid.Empty, ring.GetMaterial(1).PseudonymKey[..31], TimeProvider.System)));

        Assert.All(failures, ex => AssertClean(ex.ToString(), secrets, []));
    }

    [Fact]
    public void Exceptions_PseudonymiserFailures_NoIdentifierInMessages()
    {
        using var ring = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, new byte[32], TimeProvider.System);
        var pseudonymiser = new Pseudonymiser(ring);
        var identifiers = new[] { "111222333", "vanderberg", "Berg" };
        var failures = new List<Exception>
        {
            Assert.Throws<KeyException>(() => pseudonymiser.Compute(MatchKeys.Bsn(Bsn.Parse("111222333").Value), 4)),
            Assert.Throws<ArgumentException>(() => new MatchKeyInput(PseudonymKind.Bsn, "111222333\u001Fvanderberg")),
            Assert.Throws<ArgumentException>(() => MatchKeys.SurnameInitialDob(PersonName.Parse("", "", "Berg").Value, DateOfBirth.Parse("1984-02-29", new DateOnly(2026, 1, 1)).Value)),
        };

        Assert.All(failures, ex => AssertClean(ex.Message, Secrets(ring), identifiers));
    }

    [Fact]
    public async Task ToString_RingsRecordsAndInfos_NoKeyMaterial()
    {
        var store = new InMemoryDomainKeyStore();
        using var service = new DomainKeyService(store, new EphemeralDataProtectionProvider(), TimeProvider.System);
        var ring = await service.GetRingAsync("riec");
        var record = Assert.Single(await store.LoadAsync("riec"));

        var shown = string.Join('|', ring.ToString(), ring.GetMaterial(1).ToString(), record.ToString(), ring.Versions[0].ToString());

        AssertClean(shown, Secrets(ring), []);
        AssertClean(shown, [record.WrappedKey.ToArray()], []);
        Assert.Contains("riec", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(DomainKeyMaterial), "PseudonymKey")]
    [InlineData(typeof(DomainKeyMaterial), "ReferenceSecret")]
    [InlineData(typeof(DomainKeyMaterial), "PseudonymHmacKey")]
    [InlineData(typeof(SecretBuffer), "Span")]
    [InlineData(typeof(IdentityField), "Raw")]
    [InlineData(typeof(IdentityField), "Normalised")]
    [InlineData(typeof(IdentityRecord), "Fields")]
    [InlineData(typeof(MatchKeyInput), "Content")]
    public void DebuggerDisplay_SecretMembers_NeverBrowsable(Type type, string property)
    {
        var member = type.GetProperty(property, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);

        Assert.NotNull(member);
        Assert.Equal(DebuggerBrowsableState.Never, member.GetCustomAttribute<DebuggerBrowsableAttribute>()?.State);
    }

    private static IEnumerable<byte[]> Secrets(DomainKeyRing ring) =>
        ring.Versions.SelectMany(v => new[] { ring.GetMaterial(v.Version).PseudonymKey.ToArray(), ring.GetMaterial(v.Version).ReferenceSecret.ToArray() });

    private static void AssertClean(string text, IEnumerable<byte[]> secrets, IEnumerable<string> identifiers)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(Convert.ToHexString(secret.AsSpan(0, 8)), text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Convert.ToBase64String(secret.AsSpan(0, 9)), text, StringComparison.Ordinal);
            Assert.DoesNotContain(System.Buffers.Text.Base64Url.EncodeToString(secret.AsSpan(0, 9)), text, StringComparison.Ordinal);
        }

        foreach (var identifier in identifiers)
        {
            Assert.DoesNotContain(identifier, text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
