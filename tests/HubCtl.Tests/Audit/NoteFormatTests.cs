using SharingHub.HubCtl.Audit;

namespace SharingHub.HubCtl.Tests.Audit;

public sealed class NoteFormatTests
{
    [Fact]
    public void VerifierKey_ManyGeneratedKeys_ParseEvenWithPlusInBase64()
    {
        // Regression: base64 may contain '+', the vkey separator; only the first two '+' separate fields.
        var sawPlus = false;
        for (var i = 0; i < 64; i++)
        {
            var key = WitnessKey.Generate("witness.test/w" + i, out var keyText);
            sawPlus |= key.VerifierKey.Text.Split('+').Length > 3;
            Assert.True(NoteVerifierKey.TryParse(key.VerifierKey.Text, out var parsed));
            Assert.Equal(key.VerifierKey.PublicKey, parsed.PublicKey);
            Assert.True(WitnessKey.TryParse(keyText, out var reloaded));
            Assert.Equal(key.VerifierKey.Text, reloaded.VerifierKey.Text);
        }

        Assert.True(sawPlus);
    }

    [Theory]
    [InlineData("")]
    [InlineData("name+0000+AQ==")]
    [InlineData("name+zzzzzzzz+AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("name+00000000+AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")] // wrong key id
    [InlineData("bad name+00000000+AQ==")]
    public void VerifierKey_Malformed_IsRefused(string text) => Assert.False(NoteVerifierKey.TryParse(text, out _));

    [Fact]
    public void Cosignature_RoundTrip_VerifiesAndBindsTheBody()
    {
        var witness = WitnessKey.Generate("witness.test/w1", out _);
        const string body = "example.com/log\n5\nTj67H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85MPKhiZNQ=\n";
        var line = witness.Cosign(body, 1_700_000_000);
        Assert.True(SignedCheckpoint.TryParse(body + "\n" + line + "\n", out var checkpoint, out _));
        Assert.Equal(1_700_000_000UL, checkpoint.CosignatureTime(witness.VerifierKey));
        Assert.True(SignedCheckpoint.TryParse(body.Replace("\n5\n", "\n6\n", StringComparison.Ordinal) + "\n" + line + "\n", out var altered, out _));
        Assert.Null(altered.CosignatureTime(witness.VerifierKey));
        Assert.DoesNotContain("PRIVATE", witness.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("example.com/log\n5\nroot\n\n\u2014 k AAAA\n")] // root not base64 of 32 bytes
    [InlineData("example.com/log\n05\nTj67H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85MPKhiZNQ=\n\n\u2014 k AAAAAAAA\n")] // leading zero
    [InlineData("example.com/log\n5\nTj67H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85MPKhiZNQ=\n\n")] // no signature
    [InlineData("example.com/log\n5\nTj67H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85MPKhiZNQ=\n")] // no blank line
    public void Checkpoint_Malformed_IsRefused(string text) => Assert.False(SignedCheckpoint.TryParse(text, out _, out _));

    [Theory]
    [InlineData("")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\n\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 01\n\nexample.com/log\n5\nTj67H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85MPKhiZNQ=\n\n\u2014 k AAAAAAAA\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 1\nnot-a-hash\n\nexample.com/log\n5\nTj67H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85MPKhiZNQ=\n\n\u2014 k AAAAAAAA\n")]
    [InlineData("wrong-header\nindex 1\n\nexample.com/log\n5\nTj67H3tHjc/nH7YxYxUZo7yhLJrvyhYSv85MPKhiZNQ=\n\n\u2014 k AAAAAAAA\n")]
    public void Receipt_Malformed_IsRefused(string text) => Assert.False(TlogProof.TryParse(text, out _, out _));
}
