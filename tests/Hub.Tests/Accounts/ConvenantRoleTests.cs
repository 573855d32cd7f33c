using FsCheck;
using FsCheck.Fluent;
using SharingHub.Hub.Accounts;

namespace SharingHub.Hub.Tests.Accounts;

public sealed class ConvenantRoleTests
{
    [Theory]
    [InlineData("riec:analist", "riec", "analist")]
    [InlineData("zvh:moreel-beraad-facilitator", "zvh", "moreel-beraad-facilitator")]
    public void TryParse_WellFormed_SplitsConvenantAndRole(string value, string convenant, string role)
    {
        Assert.True(ConvenantRole.TryParse(value, out var parsed));
        Assert.Equal(new ConvenantRole(convenant, role), parsed);
        Assert.Equal(value, parsed.Value.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("riec")]
    [InlineData(":analist")]
    [InlineData("riec:")]
    [InlineData("RIEC:analist")]
    [InlineData("riec:ana list")]
    [InlineData("riec:-analist")]
    [InlineData("riec:analist:extra")]
    public void TryParse_Malformed_False(string? value) => Assert.False(ConvenantRole.TryParse(value, out _));

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property TryParse_ToStringOfValidRole_RoundTrips()
    {
        var id = Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789".ToCharArray())
            .NonEmptyListOf().Select(chars => new string([.. chars.Take(ConvenantRole.PartMaxLength)]));
        return Prop.ForAll(id.ToArbitrary(), id.ToArbitrary(), (convenant, role) =>
            ConvenantRole.TryParse(new ConvenantRole(convenant, role).ToString(), out var parsed)
            && parsed.Value == new ConvenantRole(convenant, role));
    }
}
