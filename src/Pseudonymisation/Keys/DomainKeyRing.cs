using System.Diagnostics;
using System.Security.Cryptography;

namespace SharingHub.Pseudonymisation.Keys;

/// <summary>
/// The key versions of one domain (convenant), unwrapped in memory. Exactly one version is active and makes
/// new pseudonyms; every older version stays resolvable so pseudonyms made under it can be verified and
/// migrated. Key material is internal to this assembly, pinned, and zeroed on <see cref="Dispose"/>.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class DomainKeyRing : IDisposable
{
    private readonly Lock _gate = new();
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly SortedDictionary<int, Slot> _slots = [];
    private readonly DomainKeyWrapper? _wrapper;
    private readonly TimeProvider _time;
    private int _activeVersion;
    private bool _disposed;

    private DomainKeyRing(string domain, DomainKeyWrapper? wrapper, TimeProvider time)
    {
        Domain = domain;
        _wrapper = wrapper;
        _time = time;
    }

    /// <summary>The domain (convenant id) this ring belongs to.</summary>
    public string Domain { get; }

    /// <summary>The version new pseudonyms are made under.</summary>
    public int ActiveVersion
    {
        get
        {
            lock (_gate)
            {
                ThrowIfDisposed();
                return _activeVersion;
            }
        }
    }

    /// <summary>All versions, oldest first; metadata only.</summary>
    public IReadOnlyList<DomainKeyInfo> Versions
    {
        get
        {
            lock (_gate)
            {
                ThrowIfDisposed();
                return [.. _slots.Values.Select(s => s.Info)];
            }
        }
    }

    /// <summary>
    /// A ring for offline tools (hubctl) from one 256-bit secret: the pseudonym key and the reference secret
    /// of <paramref name="version"/> are derived from it with HKDF-SHA256, bound to the domain and version, so
    /// one secret gives unrelated keys per domain. Such a ring is not backed by a store.
    /// </summary>
    public static DomainKeyRing FromSecret(string domain, int version, Guid keyId, ReadOnlySpan<byte> secret, TimeProvider time)
    {
        DomainId.Validate(domain);
        ArgumentNullException.ThrowIfNull(time);
        ValidateVersion(version);
        if (secret.Length != DomainKeyMaterial.KeyLength)
        {
            throw new KeyException(KeyErrorCodes.InvalidKeyLength, "A key secret is exactly 32 bytes.");
        }

        Span<byte> pseudonymKey = stackalloc byte[DomainKeyMaterial.KeyLength];
        Span<byte> referenceSecret = stackalloc byte[DomainKeyMaterial.KeyLength];
        try
        {
            SecretDerivation.DeriveDomainKey(secret, "pseudonym", domain, version, pseudonymKey);
            SecretDerivation.DeriveDomainKey(secret, "reference", domain, version, referenceSecret);
            var ring = new DomainKeyRing(domain, wrapper: null, time);
            var material = new DomainKeyMaterial(domain, version, keyId, pseudonymKey, referenceSecret);
            ring._slots.Add(version, new Slot(new DomainKeyInfo(domain, version, keyId, KeyStatus.Active, time.GetUtcNow()), material, ReadOnlyMemory<byte>.Empty));
            ring._activeVersion = version;
            return ring;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pseudonymKey);
            CryptographicOperations.ZeroMemory(referenceSecret);
        }
    }

    /// <summary>True when <paramref name="version"/> can be resolved by this ring.</summary>
    public bool HasVersion(int version)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            return _slots.ContainsKey(version);
        }
    }

    /// <summary>
    /// Makes a new random 256-bit key version the active one; the previous active version becomes Retired
    /// and stays resolvable. In memory only: <see cref="DomainKeyService.RotateAsync"/> also persists it.
    /// </summary>
    public DomainKeyInfo Rotate()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            var plan = PlanRotation();
            Apply(plan);
            return plan.NewInfo;
        }
    }

    /// <summary>The wrapped records of every version, for persisting. Only rings loaded through a key store have them.</summary>
    public IReadOnlyList<WrappedKeyRecord> ToRecords()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_wrapper is null)
            {
                throw new InvalidOperationException("This key ring was derived from a secret and has no wrapped records.");
            }

            return [.. _slots.Values.Select(s => ToRecord(s.Info, s.Wrapped))];
        }
    }

    public override string ToString() => $"DomainKeyRing {{ Domain = {Domain}, ActiveVersion = {_activeVersion}, Versions = {_slots.Count} }}";

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            foreach (var slot in _slots.Values)
            {
                slot.Material.Dispose();
            }

            _disposed = true;
        }
    }

    internal static DomainKeyRing CreateNew(DomainKeyWrapper wrapper, TimeProvider time)
    {
        var ring = new DomainKeyRing(wrapper.Domain, wrapper, time);
        ring.Apply(ring.PlanRotation());
        return ring;
    }

    internal static DomainKeyRing Load(DomainKeyWrapper wrapper, IReadOnlyList<WrappedKeyRecord> records, TimeProvider time)
    {
        if (records.Count == 0)
        {
            throw new KeyException(KeyErrorCodes.NoKeys, $"Domain '{wrapper.Domain}' has no keys.");
        }

        if (records.Select(r => r.Version).Distinct().Count() != records.Count
            || records.Count(r => r.Status == KeyStatus.Active) != 1
            || records.Any(r => r.Version < 1 || !Enum.IsDefined(r.Status)))
        {
            throw new KeyException(KeyErrorCodes.StoreInconsistent, $"The key records of domain '{wrapper.Domain}' need unique versions and exactly one active version.");
        }

        var ring = new DomainKeyRing(wrapper.Domain, wrapper, time);
        try
        {
            foreach (var record in records)
            {
                var material = wrapper.Unwrap(record);
                var info = new DomainKeyInfo(record.Domain, record.Version, record.KeyId, record.Status, record.CreatedAt);
                ring._slots.Add(record.Version, new Slot(info, material, record.WrappedKey));
                if (record.Status == KeyStatus.Active)
                {
                    ring._activeVersion = record.Version;
                }
            }

            return ring;
        }
        catch
        {
            ring.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Writes HKDF-SHA256(ikm = the pseudonym key of <paramref name="version"/>, no salt, info = <paramref name="info"/>) into
    /// <paramref name="destination"/> (32 to 64 bytes): a subkey for another keyed process of the same domain (e.g. info
    /// <c>linkage</c> for fuzzy-linkage encodings), from which the domain key itself cannot be recovered. The caller zeroes it.
    /// <see cref="KeyException"/> SH1202 when the version is unknown.
    /// </summary>
    public void DeriveSubkey(int version, ReadOnlySpan<byte> info, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfZero(info.Length, nameof(info));
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, 32, nameof(destination));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(destination.Length, 64, nameof(destination));
        HKDF.DeriveKey(HashAlgorithmName.SHA256, GetMaterial(version).PseudonymKey, destination, salt: default, info);
    }

    /// <summary>The material of the active version. The caller must not keep it beyond the ring's life.</summary>
    internal DomainKeyMaterial GetActiveMaterial()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            return _slots[_activeVersion].Material;
        }
    }

    /// <summary>The material of <paramref name="version"/>; <see cref="KeyException"/> SH1202 when unknown.</summary>
    internal DomainKeyMaterial GetMaterial(int version)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (!_slots.TryGetValue(version, out var slot))
            {
                throw new KeyException(KeyErrorCodes.UnknownKeyVersion, $"Domain '{Domain}' has no key version {version}.");
            }

            return slot.Material;
        }
    }

    internal bool TryGetMaterial(int version, out DomainKeyMaterial? material)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            material = _slots.TryGetValue(version, out var slot) ? slot.Material : null;
            return material is not null;
        }
    }

    /// <summary>Prepares the next version without changing the ring, so a store can persist it first.</summary>
    internal RotationPlan PlanRotation()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            var version = _slots.Count == 0 ? 1 : checked(_slots.Keys.Max() + 1);
            Span<byte> secrets = stackalloc byte[2 * DomainKeyMaterial.KeyLength];
            try
            {
                RandomNumberGenerator.Fill(secrets);
                var keyId = Guid.NewGuid();
                var material = new DomainKeyMaterial(Domain, version, keyId, secrets[..DomainKeyMaterial.KeyLength], secrets[DomainKeyMaterial.KeyLength..]);
                var wrapped = _wrapper is null ? ReadOnlyMemory<byte>.Empty : _wrapper.Wrap(material);
                var info = new DomainKeyInfo(Domain, version, keyId, KeyStatus.Active, _time.GetUtcNow());
                var records = _wrapper is null
                    ? []
                    : _slots.Values.Select(s => ToRecord(s.Info with { Status = KeyStatus.Retired }, s.Wrapped)).Append(ToRecord(info, wrapped)).ToList();
                return new RotationPlan(info, material, wrapped, records);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(secrets);
            }
        }
    }

    internal void Apply(RotationPlan plan)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            foreach (var version in _slots.Keys.ToList())
            {
                var slot = _slots[version];
                _slots[version] = slot with { Info = slot.Info with { Status = KeyStatus.Retired } };
            }

            _slots.Add(plan.NewInfo.Version, new Slot(plan.NewInfo, plan.Material, plan.Wrapped));
            _activeVersion = plan.NewInfo.Version;
        }
    }

    internal static void ValidateVersion(int version)
    {
        if (version < 1)
        {
            throw new KeyException(KeyErrorCodes.InvalidKeyVersion, "Key versions are 1..2147483647.");
        }
    }

    private static WrappedKeyRecord ToRecord(DomainKeyInfo info, ReadOnlyMemory<byte> wrapped) =>
        new(info.Domain, info.Version, info.KeyId, info.Status, info.CreatedAt, wrapped);

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    internal sealed record RotationPlan(DomainKeyInfo NewInfo, DomainKeyMaterial Material, ReadOnlyMemory<byte> Wrapped, IReadOnlyList<WrappedKeyRecord> Records);

    private sealed record Slot(DomainKeyInfo Info, DomainKeyMaterial Material, ReadOnlyMemory<byte> Wrapped);
}
