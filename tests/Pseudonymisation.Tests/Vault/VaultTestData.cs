using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using SharingHub.Pseudonymisation.Vault;

namespace SharingHub.Pseudonymisation.Tests.Vault;

internal static class VaultTestData
{
    public static readonly IDataProtectionProvider Provider = new EphemeralDataProtectionProvider();

    public static FakeTimeProvider Time() => new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A synthetic person (the BSN passes the 11-proef; it belongs to nobody known).</summary>
    public static IdentityRecord Person() => new(new Dictionary<string, IdentityField>
    {
        [IdentityFieldNames.Bsn] = new("111222333", "111222333"),
        [IdentityFieldNames.GivenNames] = new("Jan-Willem", "jan willem"),
        [IdentityFieldNames.SurnamePrefix] = new("van der", "van der"),
        [IdentityFieldNames.Surname] = new("Bergh-Müller", "bergh muller"),
        [IdentityFieldNames.DateOfBirth] = new("1984-02-29", "1984-02-29"),
        [IdentityFieldNames.Postcode] = new("1234 ab", "1234AB"),
        [IdentityFieldNames.HouseNumber] = new("12", "12"),
        [IdentityFieldNames.Email] = new("J.W.vanderBergh@Example.NL", null),
    });

    public static IEnumerable<string> PlaintextValues(IdentityRecord record) =>
        record.Fields.Values.SelectMany(f => new[] { f.Raw, f.Normalised }).OfType<string>().Where(v => v.Length >= 4);
}
