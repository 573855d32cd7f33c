using System.Diagnostics;
using SharingHub.Pseudonymisation.Hashing;

namespace SharingHub.Pseudonymisation.Keys;

/// <summary>
/// The secrets of one key version of one domain: the pseudonym key (HMAC key of hub pseudonyms) and the
/// separate reference secret (input of the per-partner HKDF). Both 256 bits. Internal: key material never
/// leaves the assembly.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
internal sealed class DomainKeyMaterial : IDisposable
{
    public const int KeyLength = 32;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly SecretBuffer _pseudonymKey;
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly SecretBuffer _referenceSecret;
    private readonly Lock _gate = new();
    private HmacSha256Key? _pseudonymHmacKey;

    public DomainKeyMaterial(string domain, int version, Guid keyId, ReadOnlySpan<byte> pseudonymKey, ReadOnlySpan<byte> referenceSecret)
    {
        if (pseudonymKey.Length != KeyLength || referenceSecret.Length != KeyLength)
        {
            throw new KeyException(KeyErrorCodes.InvalidKeyLength, "Domain keys and reference secrets are exactly 32 bytes.");
        }

        Domain = domain;
        Version = version;
        KeyId = keyId;
        _pseudonymKey = new SecretBuffer(pseudonymKey);
        _referenceSecret = new SecretBuffer(referenceSecret);
    }

    public string Domain { get; }

    public int Version { get; }

    public Guid KeyId { get; }

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public ReadOnlySpan<byte> PseudonymKey => _pseudonymKey.Span;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public ReadOnlySpan<byte> ReferenceSecret => _referenceSecret.Span;

    /// <summary>The pseudonym key in precomputed HMAC form, made on first use and disposed with this material.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public HmacSha256Key PseudonymHmacKey
    {
        get
        {
            lock (_gate)
            {
                return _pseudonymHmacKey ??= new HmacSha256Key(PseudonymKey);
            }
        }
    }

    public override string ToString() => $"DomainKeyMaterial {{ Domain = {Domain}, Version = {Version}, KeyId = {KeyId} }}";

    public void Dispose()
    {
        lock (_gate)
        {
            _pseudonymHmacKey?.Dispose();
        }

        _pseudonymKey.Dispose();
        _referenceSecret.Dispose();
    }
}
