using System.Security.Cryptography;
using System.Text;
using SharingHub.Pseudonymisation.Identifiers;
using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Pseudonymisation.Tests.Pseudonyms;

public sealed class GroupPseudonymTests
{
    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(32);

    [Theory]
    [InlineData("PMG-2026-017", "PMG2026017")]
    [InlineData(" pmg 2026/017 ", "PMG2026017")]
    [InlineData("groep_noord.3:a", "GROEPNOORD3A")]
    public void Parse_ValidReference_UpperCaseLettersAndDigits(string input, string normalised)
    {
        var parsed = GroupReference.Parse(input);

        Assert.True(parsed.IsValid);
        Assert.Equal(normalised, parsed.Value.Normalised);
    }

    [Theory]
    [InlineData(null, IdentifierError.Empty)]
    [InlineData("   ", IdentifierError.Empty)]
    [InlineData("--//", IdentifierError.Empty)]
    [InlineData("PMG;DROP TABLE", IdentifierError.InvalidCharacters)]
    [InlineData("groep\u00e9", IdentifierError.InvalidCharacters)]
    [InlineData("PMG\u0000017", IdentifierError.InvalidCharacters)]
    public void Parse_BadReference_CodedErrorNoThrow(string? input, IdentifierError error)
    {
        var parsed = GroupReference.Parse(input);

        Assert.False(parsed.IsValid);
        Assert.Equal(error, parsed.Error);
        Assert.StartsWith("SH10", parsed.ErrorCode, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLong_TooLong()
    {
        Assert.Equal(IdentifierError.TooLong, GroupReference.Parse(new string('A', GroupReference.MaxInputLength + 1)).Error);
    }

    [Fact]
    public void ToString_Reference_RevealsNothing()
    {
        var reference = GroupReference.Parse("PMG-2026-017").Value;
        var identifiers = new GroupIdentifiers("gemeente-x", reference);

        Assert.DoesNotContain("2026", reference.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("2026", identifiers.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("2026", MatchKeys.Group("gemeente-x", reference).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_Group_EqualsBclHmacOfPartnerAndNormalisedReference()
    {
        using var ring = DomainKeyRing.FromSecret("pmg", 1, Guid.Empty, Secret, TimeProvider.System);

        var pseudonym = new Pseudonymiser(ring).Compute(MatchKeys.Group("gemeente-x", GroupReference.Parse("pmg 2026-017").Value));

        var expected = HMACSHA256.HashData(ring.GetMaterial(1).PseudonymKey, Encoding.UTF8.GetBytes("g1\u001Fgemeente-x\u001FPMG2026017"));
        var actual = new byte[32];
        pseudonym.CopyHashTo(actual);
        Assert.Equal(expected, actual);
        Assert.Equal(PseudonymKind.Group, pseudonym.Kind);
        Assert.StartsWith("g1.1.", pseudonym.ToString(), StringComparison.Ordinal);
        Assert.True(MatchKeys.Get(PseudonymKind.Group).IsMatchKey);
        Assert.Equal(SubjectType.Group, MatchKeys.Get(PseudonymKind.Group).SubjectType);
    }

    [Fact]
    public void Pseudonymise_SameReferenceTwoPartners_DifferentGroups()
    {
        using var ring = DomainKeyRing.FromSecret("pmg", 1, Guid.Empty, Secret, TimeProvider.System);
        var pseudonymiser = new Pseudonymiser(ring);
        var reference = GroupReference.Parse("PMG-2026-017").Value;

        var school = pseudonymiser.Pseudonymise(new GroupIdentifiers("school-a", reference));
        var again = pseudonymiser.Pseudonymise(new GroupIdentifiers("school-a", GroupReference.Parse("pmg2026017").Value));
        var police = pseudonymiser.Pseudonymise(new GroupIdentifiers("politie-b", reference));

        Assert.Equal(school[0], Assert.Single(again));
        Assert.NotEqual(school[0], Assert.Single(police));
    }
}
