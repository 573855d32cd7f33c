using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Pseudonymisation.Tests.Vault;

public sealed class VaultPrivacyTests
{
    [Fact]
    public void ToString_IdentityRecordAndFields_ShowNoValues()
    {
        var person = VaultTestData.Person();
        var shown = person.ToString() + string.Join('|', person.Fields.Values.Select(f => f.ToString()));

        Assert.Contains(IdentityFieldNames.Surname, shown, StringComparison.Ordinal);
        Assert.All(VaultTestData.PlaintextValues(person), value => Assert.DoesNotContain(value, shown, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ToString_WrappedDataKey_ShowsNoKeyBytes()
    {
        var bytes = new byte[] { 0xDE, 0xAD, 0xBE, 0xEF, 0x01 };
        var key = new WrappedDataKey("subject-1", Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UnixEpoch, bytes);

        var shown = key.ToString();

        Assert.DoesNotContain(Convert.ToBase64String(bytes), shown, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(bytes), shown, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("subject-1", shown, StringComparison.Ordinal);
    }
}
