using SharingHub.Pseudonymisation.Keys;
using SharingHub.Pseudonymisation.Linkage.Encoding;

namespace SharingHub.Pseudonymisation.Linkage.Preparation;

/// <summary>
/// Record encoders for a domain's key ring without handing key material out of this assembly: the hub encodes a
/// signal's subject at ingress with exactly the keys <see cref="LinkagePreparation.Prepare"/> uses (CLK field keys and
/// the block key, each derived with HKDF-SHA256 from the active domain key under its own "sharinghub/linkage/..." info).
/// </summary>
public static class LinkageEncoders
{
    /// <summary>
    /// A new encoder under the ring's active key version (returned in <paramref name="keyVersion"/>; encodings compare
    /// only with encodings of the same version). Not thread-safe; dispose it when done.
    /// </summary>
    public static RecordEncoder ForActiveKey(DomainKeyRing ring, out int keyVersion, ClkOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ring);
        var material = ring.GetActiveMaterial();
        keyVersion = material.Version;
        return new RecordEncoder(material.PseudonymKey, options);
    }
}
