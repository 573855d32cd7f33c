using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SharingHub.HubCtl.Audit;

/// <summary>
/// A C2SP tlog-proof@v1 receipt: header, optional <c>extra</c> line (here: the base64 canonical record, so the
/// leaf can be recomputed), <c>index N</c>, inclusion path lines, a blank line, then the signed checkpoint.
/// </summary>
public sealed record TlogProof(byte[]? Extra, long Index, IReadOnlyList<byte[]> Path, SignedCheckpoint Checkpoint)
{
    public const string Header = "c2sp.org/tlog-proof@v1";

    public static bool TryParse(string? text, [NotNullWhen(true)] out TlogProof? proof, out string error)
    {
        proof = null;
        error = "not a c2sp.org/tlog-proof@v1 receipt";
        if (string.IsNullOrEmpty(text) || text.Contains('\r', StringComparison.Ordinal))
        {
            return false;
        }

        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            return false;
        }

        var lines = text[..split].Split('\n');
        if (lines.Length < 2 || lines[0] != Header)
        {
            return false;
        }

        var next = 1;
        byte[]? extra = null;
        if (lines[next].StartsWith("extra ", StringComparison.Ordinal))
        {
            if (!NoteVerifierKey.TryBase64(lines[next][6..], out var bytes))
            {
                error = "malformed extra line";
                return false;
            }

            extra = bytes;
            next++;
        }

        if (next >= lines.Length || !lines[next].StartsWith("index ", StringComparison.Ordinal)
            || !long.TryParse(lines[next][6..], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || lines[next][6..] != index.ToString(CultureInfo.InvariantCulture))
        {
            error = "malformed index line";
            return false;
        }

        var path = new List<byte[]>();
        foreach (var line in lines.Skip(next + 1))
        {
            if (!NoteVerifierKey.TryBase64(line, out var hash) || hash.Length != MerkleVerification.HashSize)
            {
                error = "malformed inclusion path line";
                return false;
            }

            path.Add(hash);
        }

        if (!SignedCheckpoint.TryParse(text[(split + 2)..], out var checkpoint, out var checkpointError))
        {
            error = "receipt checkpoint: " + checkpointError;
            return false;
        }

        proof = new TlogProof(extra, index, path, checkpoint);
        return true;
    }
}
