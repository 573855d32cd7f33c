using System.Security.Cryptography;
using System.Text;

namespace SharingHub.Pseudonymisation.Keys;

/// <summary>HKDF-SHA256 derivations with fixed, documented labels (domain separation by label and context).</summary>
internal static class SecretDerivation
{
    private static readonly byte[] DomainKeySalt = "SharingHub.Keys.v1/derive"u8.ToArray();
    private static readonly byte[] PartnerKeySalt = "SharingHub.SubjectRef.v1"u8.ToArray();

    /// <summary>info = label 0x1F domain 0x1F version (decimal).</summary>
    public static void DeriveDomainKey(ReadOnlySpan<byte> secret, string label, string domain, int version, Span<byte> destination)
    {
        var info = Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{label}\u001F{domain}\u001F{version}"));
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, destination, DomainKeySalt, info);
    }

    /// <summary>
    /// The per-partner subject-reference key: HKDF-SHA256(ikm = the domain's reference secret of one version,
    /// salt = "SharingHub.SubjectRef.v1", info = domain 0x1F partnerId).
    /// </summary>
    public static void DerivePartnerKey(ReadOnlySpan<byte> referenceSecret, string domain, string partnerId, Span<byte> destination)
    {
        var infoLength = Encoding.UTF8.GetByteCount(domain) + 1 + Encoding.UTF8.GetByteCount(partnerId);
        Span<byte> info = infoLength <= 512 ? stackalloc byte[infoLength] : new byte[infoLength];
        var written = Encoding.UTF8.GetBytes(domain, info);
        info[written++] = 0x1F;
        Encoding.UTF8.GetBytes(partnerId, info[written..]);
        HKDF.DeriveKey(HashAlgorithmName.SHA256, referenceSecret, destination, PartnerKeySalt, info);
    }
}
