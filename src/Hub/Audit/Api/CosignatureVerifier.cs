using System.Buffers.Binary;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using SharingHub.Hub.Audit.Signing;

namespace SharingHub.Hub.Audit.Api;

/// <summary>Checks a witness's C2SP cosignature/v1 line against the configured witness vkeys (type 0x04).</summary>
internal static class CosignatureVerifier
{
    public const byte AlgorithmCosignatureV1 = 0x04;

    /// <summary>The witness name when <paramref name="line"/> is a valid cosignature of <paramref name="checkpointBody"/> by a configured witness.</summary>
    public static string? Verify(string line, string checkpointBody, IEnumerable<string> witnessKeys)
    {
        if (!line.StartsWith("\u2014 ", StringComparison.Ordinal) || line.Contains('\n', StringComparison.Ordinal))
        {
            return null;
        }

        var parts = line[2..].Split(' ');
        if (parts.Length != 2 || !TryBase64(parts[1], out var blob) || blob.Length != 4 + 8 + 64)
        {
            return null;
        }

        foreach (var vkey in witnessKeys)
        {
            var fields = vkey.Split('+', 3);
            if (fields.Length != 3 || fields[0] != parts[0] || !TryBase64(fields[2], out var key) || key.Length != 33 || key[0] != AlgorithmCosignatureV1)
            {
                continue;
            }

            var publicKey = key[1..];
            if (!NoteKey.ComputeKeyId(fields[0], AlgorithmCosignatureV1, publicKey).AsSpan().SequenceEqual(blob.AsSpan(0, 4)))
            {
                continue;
            }

            var timestamp = BinaryPrimitives.ReadUInt64BigEndian(blob.AsSpan(4, 8));
            var message = Encoding.UTF8.GetBytes($"cosignature/v1\ntime {timestamp}\n{checkpointBody}");
            var verifier = new Ed25519Signer();
            verifier.Init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.BlockUpdate(message, 0, message.Length);
            if (verifier.VerifySignature(blob[12..]))
            {
                return fields[0];
            }
        }

        return null;
    }

    private static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = new byte[(text.Length * 3 / 4) + 3];
        if (Convert.TryFromBase64String(text, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}
