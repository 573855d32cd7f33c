using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Signing;

namespace SharingHub.Hub.Tests.Audit;

public sealed class NoteKeyTests
{
    private static readonly byte[] Seed = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void KeyId_IsFirstFourBytesOfSha256OfNameNewlineTypePublicKey()
    {
        using var key = new NoteKey("example.com/log", Seed);
        var expected = SHA256.HashData([.. "example.com/log"u8, 0x0A, 0x01, .. key.PublicKey])[..4];
        Assert.Equal(expected, key.KeyId);
        Assert.Equal($"example.com/log+{Convert.ToHexStringLower(expected)}+{Convert.ToBase64String([0x01, .. key.PublicKey])}", key.VerifierKey);
    }

    [Fact]
    public void SignNote_Checkpoint_IsC2spFormatAndVerifiesWithEd25519()
    {
        using var key = new NoteKey("example.com/log", Seed);
        var body = CheckpointFormat.Body("example.com/log", 42, new byte[32]);
        Assert.Equal("example.com/log\n42\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", body);
        var note = key.SignNote(body);
        var lines = note.Split('\n');
        Assert.Equal(string.Empty, lines[3]);
        Assert.StartsWith("\u2014 example.com/log ", lines[4], StringComparison.Ordinal);
        var blob = Convert.FromBase64String(lines[4].Split(' ')[2]);
        Assert.Equal(key.KeyId, blob[..4]);
        var verifier = new Ed25519Signer();
        verifier.Init(false, new Ed25519PublicKeyParameters(key.PublicKey, 0));
        var message = Encoding.UTF8.GetBytes(body);
        verifier.BlockUpdate(message, 0, message.Length);
        Assert.True(verifier.VerifySignature(blob[4..]));
    }

    [Fact]
    public void ToString_NeverShowsKeyMaterial()
    {
        using var key = new NoteKey("example.com/log", Seed);
        Assert.DoesNotContain(Convert.ToBase64String(Seed), key.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(Seed), key.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("has+plus")]
    public void Constructor_BadName_Throws(string name) => Assert.Throws<ArgumentException>(() => new NoteKey(name, Seed));
}
