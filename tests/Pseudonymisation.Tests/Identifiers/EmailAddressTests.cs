using SharingHub.Pseudonymisation.Identifiers;

namespace SharingHub.Pseudonymisation.Tests.Identifiers;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("Jan.Jansen@Example.NL", "Jan.Jansen@example.nl")]
    [InlineData("  jan@example.nl  ", "jan@example.nl")]
    [InlineData("jan+tag@sub.example.co.uk", "jan+tag@sub.example.co.uk")]
    [InlineData("o'reilly@example.ie", "o'reilly@example.ie")]
    [InlineData("a!#$%&'*+/=?^_`{|}~-b@example.nl", "a!#$%&'*+/=?^_`{|}~-b@example.nl")]
    [InlineData("info@bücher.de", "info@xn--bcher-kva.de")]
    [InlineData("info@BÜCHER.de", "info@xn--bcher-kva.de")]
    [InlineData("jöran@example.se", "jöran@example.se")]
    [InlineData("x@a-b.nl", "x@a-b.nl")]
    [InlineData("x@123.example", "x@123.example")]
    public void Parse_ValidAddress_Normalises(string input, string expected)
    {
        Assert.Equal(expected, EmailAddress.Parse(input).Value.Normalised);
    }

    [Theory]
    [InlineData(null, IdentifierError.Empty)]
    [InlineData("no-at-sign", IdentifierError.InvalidFormat)]
    [InlineData("@example.nl", IdentifierError.InvalidLocalPart)]
    [InlineData(".jan@example.nl", IdentifierError.InvalidLocalPart)]
    [InlineData("jan.@example.nl", IdentifierError.InvalidLocalPart)]
    [InlineData("jan..jansen@example.nl", IdentifierError.InvalidLocalPart)]
    [InlineData("\"jan\"@example.nl", IdentifierError.InvalidLocalPart)]
    [InlineData("jan jansen@example.nl", IdentifierError.InvalidLocalPart)]
    [InlineData("jan@jansen@example.nl", IdentifierError.InvalidLocalPart)]
    [InlineData("jan\u200F@example.nl", IdentifierError.InvalidLocalPart)]
    [InlineData("jan\U0001F600@example.nl", IdentifierError.InvalidLocalPart)]
    [InlineData("jan@", IdentifierError.InvalidDomain)]
    [InlineData("jan@localhost", IdentifierError.InvalidDomain)]
    [InlineData("jan@-example.nl", IdentifierError.InvalidDomain)]
    [InlineData("jan@example-.nl", IdentifierError.InvalidDomain)]
    [InlineData("jan@example..nl", IdentifierError.InvalidDomain)]
    [InlineData("jan@example.nl.", IdentifierError.InvalidDomain)]
    [InlineData("jan@[192.0.2.1]", IdentifierError.InvalidDomain)]
    [InlineData("jan@example.123", IdentifierError.InvalidDomain)]
    [InlineData("jan@exa_mple.nl", IdentifierError.InvalidDomain)]
    [InlineData("jan@exa mple.nl", IdentifierError.InvalidDomain)]
    [InlineData("jan@example.nl\u0000", IdentifierError.InvalidDomain)]
    [InlineData("jan@\U0001F600.nl", IdentifierError.InvalidDomain)]
    [InlineData("jan@exa\uD800mple.nl", IdentifierError.InvalidDomain)]
    public void Parse_InvalidAddress_ReturnsPreciseError(string? input, IdentifierError expected)
    {
        Assert.Equal(expected, EmailAddress.Parse(input).Error);
    }

    [Fact]
    public void Parse_LengthLimits_AreEnforced()
    {
        string local64 = new('a', 64);
        string label63 = new('b', 63);

        Assert.True(EmailAddress.Parse(local64 + "@example.nl").IsValid);
        Assert.Equal(IdentifierError.TooLong, EmailAddress.Parse(local64 + "a@example.nl").Error);
        Assert.True(EmailAddress.Parse("x@" + label63 + ".nl").IsValid);
        Assert.Equal(IdentifierError.InvalidDomain, EmailAddress.Parse("x@" + label63 + "b.nl").Error);
        string longDomain = string.Join('.', Enumerable.Repeat(label63, 4)) + ".nl";
        Assert.Equal(IdentifierError.InvalidDomain, EmailAddress.Parse("x@" + longDomain).Error);
        string pathTooLong = local64 + "@" + string.Join('.', Enumerable.Repeat(label63, 3)) + ".nl";
        Assert.Equal(IdentifierError.TooLong, EmailAddress.Parse(pathTooLong).Error);
        Assert.Equal(IdentifierError.TooLong, EmailAddress.Parse(new string('a', 100_000) + "@example.nl").Error);
    }

    [Fact]
    public void Parse_ParsedParts_AreExposed()
    {
        EmailAddress email = EmailAddress.Parse("Jan@Bücher.DE").Value;

        Assert.Equal("Jan", email.LocalPart);
        Assert.Equal("xn--bcher-kva.de", email.Domain);
    }

    [Theory]
    [InlineData("Jan.Jansen@Example.NL")]
    [InlineData("info@bücher.de")]
    public void Parse_Normalised_IsIdempotent(string input)
    {
        EmailAddress first = EmailAddress.Parse(input).Value;
        EmailAddress second = EmailAddress.Parse(first.Normalised).Value;

        Assert.Equal(first, second);
        Assert.Equal(first.Normalised, second.Normalised);
    }

    [Fact]
    public void Equals_LocalPartCase_IsSignificant()
    {
        Assert.NotEqual(EmailAddress.Parse("Jan@example.nl").Value, EmailAddress.Parse("jan@example.nl").Value);
        Assert.Equal(EmailAddress.Parse("jan@EXAMPLE.nl").Value, EmailAddress.Parse("jan@example.NL").Value);
    }

    [Fact]
    public void ToString_Address_HidesValue()
    {
        Assert.Equal("EmailAddress(***)", EmailAddress.Parse("jan@example.nl").Value.ToString());
    }
}
