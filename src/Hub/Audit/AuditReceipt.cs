using System.Text;

namespace SharingHub.Hub.Audit;

/// <summary>
/// An offline-verifiable proof that a record is in the log (C2SP tlog-proof@v1): index, inclusion path
/// (leaf sibling first) and the signed checkpoint it is proven against; the <c>extra</c> line carries the canonical
/// record (base64) so the recipient can recompute the leaf. <see cref="ToString"/> is the text form.
/// </summary>
public sealed record AuditReceipt(long Index, byte[] Record, IReadOnlyList<byte[]> InclusionPath, string Checkpoint)
{
    public const string Header = "c2sp.org/tlog-proof@v1";

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        text.Append("extra ").Append(Convert.ToBase64String(Record)).Append('\n');
        text.Append("index ").Append(Index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in InclusionPath)
        {
            text.Append(Convert.ToBase64String(hash)).Append('\n');
        }

        return text.Append('\n').Append(Checkpoint).ToString();
    }
}

/// <summary>Where a batch of appended records landed: indices <see cref="FirstIndex"/> .. +<see cref="Count"/>-1, durable.</summary>
public readonly record struct AuditAppendResult(long FirstIndex, int Count);
