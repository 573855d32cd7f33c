namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// Seals many payloads as one unit of work (an ingress batch): each subject's data key is unwrapped, or created, once per
/// scope and kept in plaintext (pinned) only until <see cref="Dispose"/>, which zeroes every key. Safe for parallel seals;
/// two first seals of one subject at the same moment may both load it (the store keeps one key per subject, the scope keeps
/// the first copy and zeroes the other).
/// <para>
/// A cache must never outlive a shred: <see cref="IdentityVault.ShredAsync"/> evicts and zeroes the subject's key in every
/// live scope of the vault, and a key that was being loaded while a shred ran is dropped and loaded again from the store,
/// so after ShredAsync returns no scope seals under the shredded key. Other processes' shreds are not seen (the same holds
/// for the store's own unit of work); keep scopes as short as one batch.
/// </para>
/// </summary>
public sealed class VaultSealScope : IDisposable
{
    private readonly IdentityVault _vault;
    private readonly Lock _sync = new();
    private readonly Dictionary<string, UnwrappedDataKey> _keys = new(StringComparer.Ordinal);
    private bool _disposed;

    internal VaultSealScope(IdentityVault vault) => _vault = vault;

    /// <summary>How many subjects' keys the scope holds (tests).</summary>
    internal int CachedKeyCount
    {
        get
        {
            lock (_sync)
            {
                return _keys.Count;
            }
        }
    }

    /// <summary>As <see cref="IdentityVault.SealAsync"/>, with the subject's data key unwrapped or created at most once in this scope.</summary>
    public async Task<byte[]> SealAsync(string subjectId, IdentityRecord identity, CancellationToken cancellationToken = default)
    {
        SubjectId.Validate(subjectId);
        ArgumentNullException.ThrowIfNull(identity);
        while (true)
        {
            var key = await GetKeyAsync(subjectId, cancellationToken).ConfigureAwait(false);
            if (key.TrySeal(subjectId, identity, out var payload))
            {
                return payload;
            }

            // Evicted (shredded) between the lookup and the seal: look the subject up again.
        }
    }

    /// <summary>Zeroes every key the scope holds, after any seal in progress with it ended.</summary>
    public void Dispose()
    {
        List<UnwrappedDataKey> keys;
        lock (_sync)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            keys = [.. _keys.Values];
            _keys.Clear();
        }

        foreach (var key in keys)
        {
            key.Dispose();
        }

        _vault.Unregister(this);
    }

    /// <summary>Drops and zeroes the subject's key (called by <see cref="IdentityVault.ShredAsync"/>).</summary>
    internal void Evict(string subjectId)
    {
        UnwrappedDataKey? key;
        lock (_sync)
        {
            _keys.Remove(subjectId, out key);
        }

        key?.Dispose();
    }

    private async ValueTask<UnwrappedDataKey> GetKeyAsync(string subjectId, CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_sync)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_keys.TryGetValue(subjectId, out var cached))
                {
                    return cached;
                }
            }

            var shreds = _vault.ShredCount;
            var loaded = await _vault.GetOrCreateDataKeyAsync(subjectId, cancellationToken).ConfigureAwait(false);
            lock (_sync)
            {
                if (_disposed || _vault.ShredCount != shreds)
                {
                    // The scope ended, or a shred ran while the key was loaded (it may have been this subject's, and the
                    // eviction could not see a key that was not cached yet): drop it and, if still open, load again.
                    loaded.Dispose();
                    ObjectDisposedException.ThrowIf(_disposed, this);
                    continue;
                }

                if (_keys.TryGetValue(subjectId, out var cached))
                {
                    // A parallel seal of the same subject was first; the store holds one key per subject, so it is this one.
                    loaded.Dispose();
                    return cached;
                }

                _keys.Add(subjectId, loaded);
                return loaded;
            }
        }
    }
}
