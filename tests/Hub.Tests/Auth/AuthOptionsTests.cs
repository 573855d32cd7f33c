using System.ComponentModel.DataAnnotations;
using SharingHub.Hub.Auth;

namespace SharingHub.Hub.Tests.Auth;

/// <summary>The password-hashing cost: tests run at the lowest accepted count (HubFactory), so the production default is pinned here.</summary>
public sealed class AuthOptionsTests
{
    [Fact]
    public void PasswordIterations_Default_Is600000()
    {
        Assert.Equal(600_000, new AuthOptions().PasswordIterations);
    }

    [Theory]
    [InlineData(99_999, false)]
    [InlineData(100_000, true)]
    [InlineData(10_000_000, true)]
    [InlineData(10_000_001, false)]
    public void PasswordIterations_Range_RefusesBelowOneHundredThousand(int iterations, bool valid)
    {
        var options = new AuthOptions { PasswordIterations = iterations };
        var results = new List<ValidationResult>();

        var ok = Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.Equal(valid, ok);
    }
}
