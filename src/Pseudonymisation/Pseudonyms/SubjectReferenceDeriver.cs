using System.Collections.Concurrent;
using System.Security.Cryptography;
using SharingHub.Pseudonymisation.Hashing;
using SharingHub.Pseudonymisation.Keys;

namespace SharingHub.Pseudonymisation.Pseudonyms;

/// <summary>
/// Derives the subject reference a partner sees: HMAC-SHA256(partner key, "s1" 0x1F tag ‖ hub pseudonym
/// hash), where partner key = HKDF-SHA256(the domain's reference secret of the pseudonym's key version,
/// salt "SharingHub.SubjectRef.v1", info domain 0x1F partnerId). The same subject gets a different, stable
/// reference for every partner; without the reference secret nobody can relate two partners' references.
/// References are one-way: the hub resolves a reference back to its subject with a lookup table it fills
/// when it issues the reference (partner, subjectRef) → subject, never by inverting it.
/// </summary>
public sealed class SubjectReferenceDeriver : IDisposable
{
    private const int MessageLength = 4 + Pseudonym.HashLength;

    private readonly DomainKeyRing _ring;
    private readonly ConcurrentDictionary<(string PartnerId, int Version), HmacSha256Key> _partnerKeys = new();
    private bool _disposed;

    public SubjectReferenceDeriver(DomainKeyRing ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        _ring = ring;
    }

    /// <summary>The reference of <paramref name="hubPseudonym"/> for <paramref name="partnerId"/> (KeyException SH1207 for a bad partner id, SH1202 for an unknown key version).</summary>
    public SubjectReference Derive(string partnerId, Pseudonym hubPseudonym)
    {
        var key = PartnerKey(partnerId, hubPseudonym.KeyVersion);
        Span<byte> message = stackalloc byte[MessageLength];
        WriteMessage(hubPseudonym, message);
        Span<byte> hash = stackalloc byte[Pseudonym.HashLength];
        FastHmacSha256.Compute(key, message, hash);
        return new SubjectReference(hubPseudonym.KeyVersion, hash);
    }

    /// <summary>The references of many hub pseudonyms for one partner, with the batch HMAC.</summary>
    public void DeriveBatch(string partnerId, ReadOnlySpan<Pseudonym> hubPseudonyms, Span<SubjectReference> destination)
    {
        if (destination.Length < hubPseudonyms.Length)
        {
            throw new ArgumentException("The destination is shorter than the input.", nameof(destination));
        }

        var data = new byte[hubPseudonyms.Length * MessageLength];
        var offsets = new int[hubPseudonyms.Length + 1];
        var hashes = new byte[hubPseudonyms.Length * Pseudonym.HashLength];
        foreach (var version in DistinctVersions(hubPseudonyms))
        {
            var count = 0;
            for (var i = 0; i < hubPseudonyms.Length; i++)
            {
                if (hubPseudonyms[i].KeyVersion == version)
                {
                    offsets[count] = count * MessageLength;
                    WriteMessage(hubPseudonyms[i], data.AsSpan(count * MessageLength, MessageLength));
                    count++;
                }
            }

            offsets[count] = count * MessageLength;
            FastHmacSha256.ComputeBatch(PartnerKey(partnerId, version), data.AsSpan(0, count * MessageLength), offsets.AsSpan(0, count + 1), hashes.AsSpan(0, count * Pseudonym.HashLength));
            var j = 0;
            for (var i = 0; i < hubPseudonyms.Length; i++)
            {
                if (hubPseudonyms[i].KeyVersion == version)
                {
                    destination[i] = new SubjectReference(version, hashes.AsSpan(j++ * Pseudonym.HashLength, Pseudonym.HashLength));
                }
            }
        }
    }

    /// <summary>True when <paramref name="reference"/> is <paramref name="partnerId"/>'s reference of <paramref name="hubPseudonym"/> (constant-time compare).</summary>
    public bool Verify(string partnerId, SubjectReference reference, Pseudonym hubPseudonym)
    {
        if (reference.KeyVersion != hubPseudonym.KeyVersion || !_ring.HasVersion(hubPseudonym.KeyVersion))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[Pseudonym.HashLength];
        Span<byte> actual = stackalloc byte[Pseudonym.HashLength];
        Derive(partnerId, hubPseudonym).CopyHashTo(expected);
        reference.CopyHashTo(actual);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    public void Dispose()
    {
        _disposed = true;
        foreach (var key in _partnerKeys.Values)
        {
            key.Dispose();
        }

        _partnerKeys.Clear();
    }

    private static void WriteMessage(Pseudonym hubPseudonym, Span<byte> message)
    {
        message[0] = (byte)SubjectReference.Tag;
        message[1] = (byte)'1';
        message[2] = 0x1F;
        message[3] = (byte)hubPseudonym.Tag;
        hubPseudonym.CopyHashTo(message[4..]);
    }

    private static SortedSet<int> DistinctVersions(ReadOnlySpan<Pseudonym> pseudonyms)
    {
        var versions = new SortedSet<int>();
        foreach (var pseudonym in pseudonyms)
        {
            versions.Add(pseudonym.KeyVersion);
        }

        return versions;
    }

    private HmacSha256Key PartnerKey(string partnerId, int version)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        PartnerId.Validate(partnerId);
        if (_partnerKeys.TryGetValue((partnerId, version), out var cached))
        {
            return cached;
        }

        var material = _ring.GetMaterial(version);
        Span<byte> derived = stackalloc byte[32];
        try
        {
            SecretDerivation.DerivePartnerKey(material.ReferenceSecret, _ring.Domain, partnerId, derived);
            var key = new HmacSha256Key(derived);
            if (!_partnerKeys.TryAdd((partnerId, version), key))
            {
                key.Dispose();
            }

            return _partnerKeys[(partnerId, version)];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(derived);
        }
    }
}
