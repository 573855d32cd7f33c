using System.Globalization;

namespace SharingHub.Hub.Audit;

/// <summary>C2SP tlog-checkpoint body: origin, tree size, base64 root hash, each line ending in a newline.</summary>
public static class CheckpointFormat
{
    public static string Body(string origin, long size, ReadOnlySpan<byte> root) =>
        origin + "\n" + size.ToString(CultureInfo.InvariantCulture) + "\n" + Convert.ToBase64String(root) + "\n";
}
