using FsCheck;
using FsCheck.Fluent;
using SharingHub.Hub.Documents;

namespace SharingHub.Hub.Tests.Documents;

public sealed class DocumentNameTests
{
    [Theory]
    [InlineData("")]
    [InlineData("../etc/passwd")]
    [InlineData("a/../../b")]
    [InlineData("/absolute")]
    [InlineData("a//b")]
    [InlineData("a/./b")]
    [InlineData(".hidden")]
    [InlineData("a\\b")]
    [InlineData("a/b/")]
    [InlineData("C:/x")]
    [InlineData("name with space")]
    [InlineData("naïve")]
    public void TryParse_UnsafeName_Rejected(string value) => Assert.False(DocumentName.TryParse(value, out _));

    [Theory]
    [InlineData("a")]
    [InlineData("signals/0193a4f0/original.pdf.enc")]
    [InlineData("checkpoints/2026-11-24T12_00_00Z")]
    public void TryParse_SafeName_Accepted(string value)
    {
        Assert.True(DocumentName.TryParse(value, out var name));
        Assert.Equal(value, name.Value.Value);
    }

    [Fact]
    public void TryParse_TooLong_Rejected() => Assert.False(DocumentName.TryParse(new string('a', DocumentName.MaxLength + 1), out _));

    [Fact]
    public void Parse_Invalid_ThrowsArgumentException() => Assert.Throws<ArgumentException>(() => DocumentName.Parse("../x"));

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property TryParse_AnyString_NeverThrowsAndAcceptedNamesStayRelative()
    {
        var alphabet = "ab./\\-_:".ToCharArray();
        var strings = Gen.ArrayOf(Gen.Elements(alphabet)).Select(chars => new string(chars));
        return Prop.ForAll(strings.ToArbitrary(), value =>
        {
            if (!DocumentName.TryParse(value, out var name))
            {
                return true;
            }

            var full = Path.GetFullPath(Path.Combine("/root", name.Value.Value));
            return full.StartsWith("/root/", StringComparison.Ordinal) && !value.Split('/').Any(s => s is "." or "..");
        });
    }
}
