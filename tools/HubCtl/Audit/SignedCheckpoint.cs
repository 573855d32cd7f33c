using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace SharingHub.HubCtl.Audit;

/// <summary>
/// A C2SP tlog-checkpoint in signed-note form: body (origin, size, base64 root, optional extension lines, each
/// newline-terminated), a blank line, then signature lines <c>— name base64(keyid ‖ signature)</c>.
/// </summary>
public sealed record SignedCheckpoint(string Origin, long Size, byte[] Root, string Body, IReadOnlyList<(string Name, byte[] Blob)> Signatures, string Text)
{
    private const string SignaturePrefix = "\u2014 ";

    public static bool TryParse(string? text, [NotNullWhen(true)] out SignedCheckpoint? checkpoint, out string error)
    {
        checkpoint = null;
        error = "not a signed checkpoint";
        if (string.IsNullOrEmpty(text) || !text.EndsWith('\n') || text.Contains('\r', StringComparison.Ordinal))
        {
            return false;
        }

        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return false;
        }

        var body = text[..(split + 1)];
        var lines = body[..^1].Split('\n');
        if (lines.Length < 3 || lines[0].Length == 0
            || !long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || lines[1] != size.ToString(CultureInfo.InvariantCulture)
            || !NoteVerifierKey.TryBase64(lines[2], out var root) || root.Length != MerkleVerification.HashSize)
        {
            error = "malformed checkpoint body";
            return false;
        }

        var signatures = new List<(string, byte[])>();
        var signatureBlock = text[(split + 2)..];
        if (signatureBlock.Length == 0)
        {
            error = "checkpoint has no signature";
            return false;
        }

        foreach (var line in signatureBlock[..^1].Split('\n'))
        {
            if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal))
            {
                error = "malformed signature line";
                return false;
            }

            var parts = line[SignaturePrefix.Length..].Split(' ');
            if (parts.Length != 2 || !NoteVerifierKey.TryBase64(parts[1], out var blob) || blob.Length < 5)
            {
                error = "malformed signature line";
                return false;
            }

            signatures.Add((parts[0], blob));
        }

        if (signatures.Count == 0)
        {
            error = "checkpoint has no signature";
            return false;
        }

        checkpoint = new SignedCheckpoint(lines[0], size, root, body, signatures, text);
        return true;
    }

    /// <summary>True when a signature line of <paramref name="key"/> (name and key id match) verifies over the body.</summary>
    public bool IsSignedBy(NoteVerifierKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var message = Encoding.UTF8.GetBytes(Body);
        foreach (var (name, blob) in Signatures)
        {
            if (name == key.Name && blob.Length == 4 + 64 && blob.AsSpan(0, 4).SequenceEqual(key.KeyId) && key.VerifySignature(message, blob.AsSpan(4)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Verifies a cosignature/v1 line of <paramref name="witness"/>; returns its timestamp or null.</summary>
    public ulong? CosignatureTime(NoteVerifierKey witness)
    {
        ArgumentNullException.ThrowIfNull(witness);
        foreach (var (name, blob) in Signatures)
        {
            if (name == witness.Name && blob.Length == 4 + 8 + 64 && blob.AsSpan(0, 4).SequenceEqual(witness.KeyId))
            {
                var time = BinaryPrimitives.ReadUInt64BigEndian(blob.AsSpan(4, 8));
                if (witness.VerifySignature(Encoding.UTF8.GetBytes(CosignedMessage(time, Body)), blob.AsSpan(12)))
                {
                    return time;
                }
            }
        }

        return null;
    }

    /// <summary>The cosignature/v1 signed message: header line, time line, then the checkpoint body.</summary>
    public static string CosignedMessage(ulong time, string body) =>
        "cosignature/v1\ntime " + time.ToString(CultureInfo.InvariantCulture) + "\n" + body;
}
