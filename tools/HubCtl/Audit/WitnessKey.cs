using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace SharingHub.HubCtl.Audit;

/// <summary>
/// A witness's Ed25519 cosigning key. Key file: one line <c>PRIVATE+KEY+&lt;name&gt;+&lt;hex keyid&gt;+base64(0x04 ‖ seed)</c>
/// (the signed-note private-key layout). Never printed; <see cref="VerifierKey"/> is the public vkey (type 0x04).
/// </summary>
public sealed class WitnessKey
{
    private const string Prefix = "PRIVATE+KEY+";
    private readonly Ed25519PrivateKeyParameters _key;

    private WitnessKey(string name, byte[] seed)
    {
        Name = name;
        _key = new Ed25519PrivateKeyParameters(seed, 0);
        VerifierKey = NoteVerifierKey.Create(name, NoteVerifierKey.CosignatureV1, _key.GeneratePublicKey().GetEncoded());
    }

    public string Name { get; }

    public NoteVerifierKey VerifierKey { get; }

    public static WitnessKey Generate(string name, out string keyFileText)
    {
        if (!NoteVerifierKey.IsValidName(name))
        {
            throw new ArgumentException("A witness name has no spaces, '+' or control characters.", nameof(name));
        }

        var seed = RandomNumberGenerator.GetBytes(32);
        var key = new WitnessKey(name, seed);
        keyFileText = $"{Prefix}{name}+{Convert.ToHexStringLower(key.VerifierKey.KeyId)}+{Convert.ToBase64String([NoteVerifierKey.CosignatureV1, .. seed])}\n";
        CryptographicOperations.ZeroMemory(seed);
        return key;
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out WitnessKey? key)
    {
        key = null;
        text = text?.Trim();
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = text[Prefix.Length..].Split('+', 3);
        if (parts.Length != 3 || !NoteVerifierKey.IsValidName(parts[0]) || !NoteVerifierKey.TryBase64(parts[2], out var material)
            || material.Length != 33 || material[0] != NoteVerifierKey.CosignatureV1)
        {
            return false;
        }

        var candidate = new WitnessKey(parts[0], material[1..]);
        CryptographicOperations.ZeroMemory(material);
        if (!string.Equals(Convert.ToHexStringLower(candidate.VerifierKey.KeyId), parts[1].ToLowerInvariant(), StringComparison.Ordinal))
        {
            return false;
        }

        key = candidate;
        return true;
    }

    /// <summary>The cosignature line <c>— name base64(keyid ‖ u64 time ‖ signature)</c> over the checkpoint body.</summary>
    public string Cosign(string checkpointBody, ulong time)
    {
        var message = Encoding.UTF8.GetBytes(SignedCheckpoint.CosignedMessage(time, checkpointBody));
        var signer = new Ed25519Signer();
        signer.Init(true, _key);
        signer.BlockUpdate(message, 0, message.Length);
        var signature = signer.GenerateSignature();
        var blob = new byte[4 + 8 + 64];
        VerifierKey.KeyId.CopyTo(blob, 0);
        BinaryPrimitives.WriteUInt64BigEndian(blob.AsSpan(4, 8), time);
        signature.CopyTo(blob, 12);
        return "\u2014 " + Name + " " + Convert.ToBase64String(blob);
    }

    public override string ToString() => $"WitnessKey({Name})";
}
