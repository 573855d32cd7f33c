using System.Buffers.Text;
using SharingHub.Pseudonymisation.Pseudonyms;

namespace SharingHub.Pseudonymisation.Tests.Pseudonyms;

public sealed class PseudonymTextTests
{
    private static readonly byte[] Hash = [.. Enumerable.Range(0, 32).Select(i => (byte)(i * 7))];
    private static readonly string HashText = Base64Url.EncodeToString(Hash);

    [Fact]
    public void ToString_Pseudonym_TagFormatVersionAndBase64Url()
    {
        var pseudonym = new Pseudonym(PseudonymKind.Bsn, 3, Hash);

        Assert.Equal("p1.3." + HashText, pseudonym.ToString());
        Assert.Equal(43, HashText.Length);
    }

    [Theory]
    [InlineData(PseudonymKind.Bsn, 'p')]
    [InlineData(PseudonymKind.NameDob, 'n')]
    [InlineData(PseudonymKind.SurnameInitialDob, 'i')]
    [InlineData(PseudonymKind.PostcodeHouseDob, 'h')]
    [InlineData(PseudonymKind.Address, 'a')]
    [InlineData(PseudonymKind.Kvk, 'k')]
    [InlineData(PseudonymKind.Kenteken, 'v')]
    [InlineData(PseudonymKind.Iban, 'r')]
    [InlineData(PseudonymKind.Phone, 't')]
    [InlineData(PseudonymKind.Email, 'e')]
    [InlineData(PseudonymKind.Group, 'g')]
    public void TryParse_EveryKind_RoundTripsWithItsTag(PseudonymKind kind, char tag)
    {
        var text = $"{tag}1.12.{HashText}";

        Assert.True(Pseudonym.TryParse(text, out var parsed, out var error));

        Assert.Equal(PseudonymError.None, error);
        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(12, parsed.KeyVersion);
        Assert.Equal(text, parsed.ToString());
        var bytes = new byte[32];
        parsed.CopyHashTo(bytes);
        Assert.Equal(Hash, bytes);
    }

    public static TheoryData<string, PseudonymError> BadTexts() => new()
    {
        { "", PseudonymError.Empty },
        { "p1.1." + HashText + "A", PseudonymError.InvalidHashLength },
        { "p1.1234567890." + HashText + "A", PseudonymError.TooLong },
        { "x1.1." + HashText, PseudonymError.UnknownTag },
        { "s1.1." + HashText, PseudonymError.UnknownTag },
        { "P1.1." + HashText, PseudonymError.UnknownTag },
        { "p2.1." + HashText, PseudonymError.UnsupportedFormat },
        { "p", PseudonymError.MalformedStructure },
        { "pp.1." + HashText, PseudonymError.MalformedStructure },
        { "p1-1." + HashText, PseudonymError.MalformedStructure },
        { "p1.1" + HashText, PseudonymError.MalformedStructure },
        { "p1.0." + HashText, PseudonymError.InvalidKeyVersion },
        { "p1.01." + HashText, PseudonymError.InvalidKeyVersion },
        { "p1.-1." + HashText, PseudonymError.InvalidKeyVersion },
        { "p1.." + HashText, PseudonymError.InvalidKeyVersion },
        { "p1.2147483648." + HashText, PseudonymError.InvalidKeyVersion },
        { "p1.+1." + HashText, PseudonymError.InvalidKeyVersion },
        { "p1.1." + HashText[..42], PseudonymError.InvalidHashLength },
        { "p1.1." + HashText[..42] + "=", PseudonymError.InvalidBase64 },
        { "p1.1." + HashText[..42] + "/", PseudonymError.InvalidBase64 },
        { "p1.1." + HashText[..41] + " " + HashText[42], PseudonymError.InvalidBase64 },
        { "p1.1." + HashText[..42] + "B", PseudonymError.InvalidBase64 },
    };

    [Theory]
    [MemberData(nameof(BadTexts))]
    public void TryParse_BadText_PreciseError(string text, PseudonymError expected)
    {
        Assert.False(Pseudonym.TryParse(text, out var parsed, out var error));

        Assert.Equal(expected, error);
        Assert.Equal(default, parsed);
    }

    [Fact]
    public void TryParse_Null_False() => Assert.False(Pseudonym.TryParse((string?)null, out _));

    [Fact]
    public void TryParse_SubjectReference_RoundTripsAndRefusesHubTags()
    {
        var text = "s1.4." + HashText;

        Assert.True(SubjectReference.TryParse(text, out var reference, out _));
        Assert.Equal(4, reference.KeyVersion);
        Assert.Equal(text, reference.ToString());
        Assert.False(SubjectReference.TryParse("p1.4." + HashText, out _, out var error));
        Assert.Equal(PseudonymError.UnknownTag, error);
    }

    [Fact]
    public void ErrorCodes_EveryError_DistinctSh13Code()
    {
        var codes = Enum.GetValues<PseudonymError>().Select(PseudonymErrorCodes.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^SH13[0-9]{2}$", c));
    }

    [Fact]
    public void TryFormat_SmallAndLargeBuffers_SameAsToString()
    {
        var pseudonym = new Pseudonym(PseudonymKind.Kvk, int.MaxValue, Hash);
        var large = new char[100];
        var small = new char[10];

        Assert.True(pseudonym.TryFormat(large, out var written, default, null));
        Assert.False(pseudonym.TryFormat(small, out _, default, null));

        Assert.Equal(pseudonym.ToString(), new string(large, 0, written));
        Assert.Equal(Pseudonym.MaxTextLength, written);
    }
}
