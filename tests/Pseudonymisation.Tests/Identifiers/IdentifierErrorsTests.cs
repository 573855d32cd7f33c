using System.Text.RegularExpressions;
using SharingHub.Pseudonymisation.Identifiers;

namespace SharingHub.Pseudonymisation.Tests.Identifiers;

public sealed partial class IdentifierErrorsTests
{
    [Theory]
    [InlineData(IdentifierError.None, "SH1000")]
    [InlineData(IdentifierError.Empty, "SH1001")]
    [InlineData(IdentifierError.TooLong, "SH1002")]
    [InlineData(IdentifierError.InvalidCharacters, "SH1003")]
    [InlineData(IdentifierError.WrongLength, "SH1004")]
    [InlineData(IdentifierError.ChecksumFailed, "SH1005")]
    [InlineData(IdentifierError.InvalidDate, "SH1006")]
    [InlineData(IdentifierError.DateInFuture, "SH1007")]
    [InlineData(IdentifierError.DateTooOld, "SH1008")]
    [InlineData(IdentifierError.InvalidFormat, "SH1009")]
    [InlineData(IdentifierError.UnknownSidecode, "SH1010")]
    [InlineData(IdentifierError.InvalidPostcode, "SH1011")]
    [InlineData(IdentifierError.InvalidHouseNumber, "SH1012")]
    [InlineData(IdentifierError.InvalidHouseNumberSuffix, "SH1013")]
    [InlineData(IdentifierError.UnsupportedCountry, "SH1014")]
    [InlineData(IdentifierError.InvalidDomain, "SH1015")]
    [InlineData(IdentifierError.InvalidLocalPart, "SH1016")]
    [InlineData(IdentifierError.MissingSurname, "SH1017")]
    [InlineData(IdentifierError.ReservedNumber, "SH1018")]
    [InlineData(IdentifierError.LetterNotIssued, "SH1019")]
    [InlineData(IdentifierError.NotParsed, "SH1020")]
    public void Code_EveryError_IsStable(IdentifierError error, string expected)
    {
        Assert.Equal(expected, IdentifierErrors.Code(error));
    }

    [Fact]
    public void Code_AllMembers_AreUniqueInTheSh1Block()
    {
        IdentifierError[] errors = Enum.GetValues<IdentifierError>();

        string[] codes = errors.Select(IdentifierErrors.Code).ToArray();

        Assert.Equal(codes.Length, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.Matches(CodePattern(), c));
        Assert.DoesNotContain("SH1099", codes);
    }

    [Fact]
    public void Describe_AllMembers_AreDistinctFixedSentences()
    {
        string[] descriptions = Enum.GetValues<IdentifierError>().Select(IdentifierErrors.Describe).ToArray();

        Assert.Equal(descriptions.Length, descriptions.Distinct(StringComparer.Ordinal).Count());
        Assert.All(descriptions, d => Assert.EndsWith(".", d, StringComparison.Ordinal));
        Assert.All(descriptions, d => Assert.DoesNotMatch("[0-9]", d));
    }

    [Fact]
    public void Code_UnknownValue_FallsBackToGenericCode()
    {
        Assert.Equal("SH1099", IdentifierErrors.Code((IdentifierError)999));
        Assert.Equal("The value is not valid.", IdentifierErrors.Describe((IdentifierError)999));
    }

    [GeneratedRegex("^SH1[0-9]{3}$")]
    private static partial Regex CodePattern();
}
