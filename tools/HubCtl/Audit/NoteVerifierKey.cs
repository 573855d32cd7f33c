using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace SharingHub.HubCtl.Audit;

/// <summary>
/// A C2SP signed-note verifier key (<c>name+hexkeyid+base64(type ‖ pubkey)</c>) for Ed25519: type 0x01 for note
/// (checkpoint) signatures, 0x04 for cosignature/v1. Key id = SHA-256(name ‖ 0x0A ‖ type ‖ pubkey)[:4].
/// </summary>
public sealed class NoteVerifierKey
{
    public const byte Ed25519 = 0x01;
    public const byte CosignatureV1 = 0x04;

    private NoteVerifierKey(string name, byte type, byte[] publicKey, byte[] keyId, string text)
    {
        Name = name;
        Type = type;
        PublicKey = publicKey;
        KeyId = keyId;
        Text = text;
    }

    public string Name { get; }

    public byte Type { get; }

    public byte[] PublicKey { get; }

    public byte[] KeyId { get; }

    /// <summary>The vkey string.</summary>
    public string Text { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out NoteVerifierKey? key)
    {
        key = null;
        text = text?.Trim();
        var parts = text?.Split('+', 3);
        if (parts is not { Length: 3 } || !IsValidName(parts[0]) || parts[1].Length != 8)
        {
            return false;
        }

        if (!uint.TryParse(parts[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _)
            || !TryBase64(parts[2], out var material) || material.Length != 33 || material[0] is not (Ed25519 or CosignatureV1))
        {
            return false;
        }

        var publicKey = material[1..];
        var keyId = ComputeKeyId(parts[0], material[0], publicKey);
        if (!string.Equals(Convert.ToHexStringLower(keyId), parts[1].ToLowerInvariant(), StringComparison.Ordinal))
        {
            return false;
        }

        key = new NoteVerifierKey(parts[0], material[0], publicKey, keyId, text!);
        return true;
    }

    public static NoteVerifierKey Create(string name, byte type, byte[] publicKey)
    {
        var keyId = ComputeKeyId(name, type, publicKey);
        return new NoteVerifierKey(name, type, publicKey, keyId,
            $"{name}+{Convert.ToHexStringLower(keyId)}+{Convert.ToBase64String([type, .. publicKey])}");
    }

    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && !name.Any(c => c is ' ' or '+' || char.IsControl(c));

    public static byte[] ComputeKeyId(string name, byte type, ReadOnlySpan<byte> publicKey)
    {
        byte[] input = [.. Encoding.UTF8.GetBytes(name), 0x0A, type, .. publicKey];
        return SHA256.HashData(input)[..4];
    }

    public bool VerifySignature(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 64)
        {
            return false;
        }

        var verifier = new Ed25519Signer();
        verifier.Init(false, new Ed25519PublicKeyParameters(PublicKey, 0));
        verifier.BlockUpdate(message);
        return verifier.VerifySignature(signature.ToArray());
    }

    public override string ToString() => Text;

    internal static bool TryBase64(string text, out byte[] bytes)
    {
        var buffer = new byte[((text.Length * 3) / 4) + 3];
        if (Convert.TryFromBase64String(text, buffer, out var written))
        {
            bytes = buffer[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}
