using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Pseudonymisation.Tests.Vault;

public sealed class VaultPropertyTests
{
    private static readonly IdentityVault Vault = new(new InMemoryVaultKeyStore(), VaultTestData.Provider, TimeProvider.System);

    [Property(MaxTest = 200)]
    public bool SealThenOpen_AnyFields_RoundTrips(NonNull<string>[] raws, string?[] normalised, PositiveInt subject)
    {
        var fields = raws
            .Select((raw, i) => new KeyValuePair<string, IdentityField>($"f{i}", new IdentityField(Valid(raw.Get), i < normalised.Length && normalised[i] is { } n ? Valid(n) : null)))
            .Take(VaultPayload.MaxFields)
            .ToList();
        var record = new IdentityRecord(fields);
        var subjectId = $"s-{subject.Get}";

        var payload = Vault.SealAsync(subjectId, record).GetAwaiter().GetResult();
        var opened = Vault.OpenAsync(subjectId, payload).GetAwaiter().GetResult();

        return opened.Fields.Count == record.Fields.Count && record.Fields.All(f => opened[f.Key] == f.Value);
    }

    [Property(MaxTest = 300)]
    public bool Open_RandomBytes_ThrowsVaultExceptionOnly(byte[] junk, bool withMagic)
    {
        var payload = withMagic ? [.. "SHIV"u8.ToArray(), 1, .. junk] : junk;
        try
        {
            Vault.OpenAsync("s-1", payload).GetAwaiter().GetResult();
            return false;
        }
        catch (VaultException)
        {
            return true;
        }
    }

    // Identifiers arrive as UTF-8 text, so strings are valid UTF-16; replace lone surrogates the way a UTF-8 decoder would.
    private static string Valid(string value) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value));
}
