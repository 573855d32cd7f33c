using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SharingHub.Pseudonymisation.Scrubbing;

namespace SharingHub.Pseudonymisation.Tests.Scrubbing;

public sealed class IdentifierChecksTests
{
    [Theory]
    [InlineData("111222333", true)]
    [InlineData("123456782", true)]
    [InlineData("012345672", true)]
    [InlineData("123456789", false)]
    [InlineData("000000000", false)]
    [InlineData("12345678", false)]
    [InlineData("12345678a", false)]
    public void IsValidBsn_Examples(string value, bool expected) => Assert.Equal(expected, IdentifierChecks.IsValidBsn(value));

    [Property]
    public Property IsValidBsn_ComputedCheckDigit_IsValidAndOneDigitChangeIsNot()
    {
        var eightDigits = Gen.Choose(0, 9).ArrayOf(8).ToArbitrary();
        return Prop.ForAll(eightDigits, digits =>
        {
            var sum = 0;
            for (var i = 0; i < 8; i++)
            {
                sum += (9 - i) * digits[i];
            }

            var check = sum % 11;
            if (check == 10 || (sum == 0))
            {
                return true; // no valid ninth digit for this prefix
            }

            var bsn = string.Concat(digits) + check;
            var changed = bsn[..8] + ((check + 1) % 10);
            return IdentifierChecks.IsValidBsn(bsn) && !IdentifierChecks.IsValidBsn(changed);
        });
    }

    [Theory]
    [InlineData("NL91ABNA0417164300", true)]
    [InlineData("nl91abna0417164300", true)]
    [InlineData("DE89370400440532013000", true)]
    [InlineData("GB82WEST12345698765432", true)]
    [InlineData("NL92ABNA0417164300", false)]
    [InlineData("NL91ABNA04171643!0", false)]
    public void IsValidIbanChecksum_Examples(string value, bool expected) => Assert.Equal(expected, IdentifierChecks.IsValidIbanChecksum(value));

    [Theory]
    [InlineData("NL", 18)]
    [InlineData("be", 16)]
    [InlineData("DE", 22)]
    [InlineData("XX", 0)]
    [InlineData("N", 0)]
    public void IbanLength_CountryCodes(string country, int expected) => Assert.Equal(expected, IdentifierChecks.IbanLength(country));
}
