using SharingHub.Policies.Linting;
using SharingHub.Policies.Loading;

namespace SharingHub.Policies.Tests.Convenants;

public sealed class ShippedConvenantTests
{
    public static TheoryData<string> Ids => new(ShippedConvenants.Ids);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Load_ShippedConvenant_HasNoErrors(string id)
    {
        var result = ConvenantLoader.Load(ShippedConvenants.Text(id));

        Assert.Empty(result.Errors);
        Assert.True(result.Success);
        Assert.Equal(id, result.Convenant!.Id);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Lint_ShippedConvenant_IsClean(string id)
    {
        var findings = ConvenantLinter.Lint(ShippedConvenants.Get(id), ShippedConvenants.Now);

        Assert.Empty(findings.Select(f => f.ToString()));
    }
}
