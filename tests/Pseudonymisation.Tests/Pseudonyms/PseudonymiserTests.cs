using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using SharingHub.Pseudonymisation.Identifiers;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Pseudonymisation.Tests.Pseudonyms;

public sealed class PseudonymiserTests
{
    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void Compute_Bsn_EqualsBclHmacOfTagAndNormalisedValue()
    {
        using var ring = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);
        var pseudonymiser = new Pseudonymiser(ring);

        var pseudonym = pseudonymiser.Compute(MatchKeys.Bsn(Bsn.Parse(" 111.222.333 ").Value));

        var expected = HMACSHA256.HashData(ring.GetMaterial(1).PseudonymKey, Encoding.UTF8.GetBytes("p1\u001F111222333"));
        var actual = new byte[32];
        pseudonym.CopyHashTo(actual);
        Assert.Equal(expected, actual);
        Assert.Equal(PseudonymKind.Bsn, pseudonym.Kind);
        Assert.Equal(1, pseudonym.KeyVersion);
        Assert.StartsWith("p1.1.", pseudonym.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NameDob_EqualsBclHmacOfDocumentedMessage()
    {
        using var ring = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);
        var name = PersonName.Parse("Jan-Willem", "van der", "Berg").Value;
        var dob = DateOfBirth.Parse("1984-02-29", new DateOnly(2026, 1, 1)).Value;

        var pseudonym = new Pseudonymiser(ring).Compute(MatchKeys.NameDob(name, dob));

        var message = $"n1\u001F{name.GivenNames}\u001F{name.SurnamePrefix}\u001F{name.Surname}\u001F19840229";
        var expected = HMACSHA256.HashData(ring.GetMaterial(1).PseudonymKey, Encoding.UTF8.GetBytes(message));
        var actual = new byte[32];
        pseudonym.CopyHashTo(actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Compute_SameInputTwoDomains_UnrelatedPseudonyms()
    {
        using var riec = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);
        using var zvh = DomainKeyRing.FromSecret("zvh", 1, Guid.Empty, Secret, TimeProvider.System);
        var input = MatchKeys.Bsn(Bsn.Parse("111222333").Value);

        var a = new Pseudonymiser(riec).Compute(input);
        var b = new Pseudonymiser(zvh).Compute(input);

        Assert.NotEqual(a, b);
        Assert.NotEqual(a.ToString()[5..], b.ToString()[5..]);
    }

    [Fact]
    public async Task Compute_DataProtectedRingsOfTwoDomains_UnrelatedPseudonyms()
    {
        using var service = new DomainKeyService(new InMemoryDomainKeyStore(), new EphemeralDataProtectionProvider(), TimeProvider.System);
        var input = MatchKeys.Kvk(KvkNumber.Parse("12345678").Value);

        var a = new Pseudonymiser(await service.GetRingAsync("riec")).Compute(input);
        var b = new Pseudonymiser(await service.GetRingAsync("pmg")).Compute(input);

        Assert.NotEqual(a, b);
        Assert.Equal(a, new Pseudonymiser(await service.GetRingAsync("riec")).Compute(input));
    }

    [Fact]
    public void Compute_SameDigitsDifferentKind_DifferentPseudonyms()
    {
        using var ring = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);
        var pseudonymiser = new Pseudonymiser(ring);
        var phoneHash = new byte[32];
        var kvkHash = new byte[32];

        pseudonymiser.Compute(MatchKeys.Kvk(KvkNumber.Parse("12345678").Value)).CopyHashTo(kvkHash);
        pseudonymiser.Compute(MatchKeys.Bsn(Bsn.Parse("111222333").Value)).CopyHashTo(phoneHash);

        Assert.NotEqual(kvkHash, phoneHash);
    }

    [Fact]
    public void ComputeBatch_ManyInputsOfEveryLength_EqualsSingleComputation()
    {
        using var ring = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);
        var pseudonymiser = new Pseudonymiser(ring);
        var inputs = Enumerable.Range(0, 5000)
            .Select(i => new MatchKeyInput(PseudonymKind.Email, new string((char)('a' + (i % 26)), i % 300)))
            .ToArray();
        var batch = new Pseudonym[inputs.Length];

        pseudonymiser.ComputeBatch(inputs, batch);

        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(pseudonymiser.Compute(inputs[i]), batch[i]);
        }
    }

    [Fact]
    public void PseudonymiseBatch_Subjects_EqualsPerSubject()
    {
        using var ring = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);
        var pseudonymiser = new Pseudonymiser(ring);
        SubjectIdentifiers[] subjects =
        [
            MatchKeysTests.FullPerson(),
            new AddressIdentifiers(DutchAddress.Parse("1234AB", "12", "").Value),
            new CompanyIdentifiers(KvkNumber.Parse("12345678").Value),
            new VehicleIdentifiers(Kenteken.Parse("12-BCD-3").Value),
            new PersonIdentifiers(),
        ];

        var batch = pseudonymiser.PseudonymiseBatch(subjects);

        Assert.Equal(subjects.Length, batch.Count);
        for (var i = 0; i < subjects.Length; i++)
        {
            Assert.Equal(pseudonymiser.Pseudonymise(subjects[i]), batch[i]);
        }

        Assert.Equal(7, batch[0].Count);
        Assert.Equal([PseudonymKind.Kenteken], batch[3].Select(p => p.Kind));
        Assert.Empty(batch[4]);
    }

    [Fact]
    public void Verify_RightWrongAndForeignInputs_PreciseOutcome()
    {
        using var ring = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);
        var pseudonymiser = new Pseudonymiser(ring);
        var input = MatchKeys.Bsn(Bsn.Parse("111222333").Value);
        var pseudonym = pseudonymiser.Compute(input);

        Assert.Equal(PseudonymError.None, pseudonymiser.Verify(pseudonym, input));
        Assert.Equal(PseudonymError.VerificationFailed, pseudonymiser.Verify(pseudonym, MatchKeys.Bsn(Bsn.Parse("123456782").Value)));
        Assert.Equal(PseudonymError.KindMismatch, pseudonymiser.Verify(pseudonym, MatchKeys.Kvk(KvkNumber.Parse("12345678").Value)));
        var bytes = new byte[32];
        pseudonym.CopyHashTo(bytes);
        Assert.Equal(PseudonymError.UnknownKeyVersion, pseudonymiser.Verify(new Pseudonym(PseudonymKind.Bsn, 9, bytes), input));
    }

    [Fact]
    public void Compute_UnknownVersion_ThrowsUnknownKeyVersion()
    {
        using var ring = DomainKeyRing.FromSecret("riec", 1, Guid.Empty, Secret, TimeProvider.System);

        var ex = Assert.Throws<KeyException>(() => new Pseudonymiser(ring).Compute(MatchKeys.Bsn(Bsn.Parse("111222333").Value), 2));

        Assert.Equal(KeyErrorCodes.UnknownKeyVersion, ex.Code);
    }
}
