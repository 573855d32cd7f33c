using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using SharingHub.Hub.Audit.Storage;

namespace SharingHub.Hub.Audit.Signing;

/// <summary>
/// Loads the checkpoint signing key from the audit store, or creates it on first start (seed from
/// <see cref="RandomNumberGenerator"/>). The seed is stored only DataProtection-protected (purpose
/// <see cref="Purpose"/>); the public key is stored beside it.
/// </summary>
internal sealed class AuditSigningKeyProvider(IDataProtectionProvider protection, TimeProvider time)
{
    public const string Purpose = "SharingHub.Audit.CheckpointSigningKey.v1";

    public async Task<NoteKey> LoadOrCreateAsync(AuditStore store, string name, CancellationToken cancellationToken)
    {
        var protector = protection.CreateProtector(Purpose);
        var stored = await store.LoadSigningKeyAsync(name, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            using var fresh = NoteKey.Generate(name);
            var seed = fresh.ExportSeed();
            try
            {
                stored = await store.SaveSigningKeyAsync(new StoredSigningKey(name, fresh.PublicKey, protector.Protect(seed)), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(seed);
            }
        }

        var unprotected = protector.Unprotect(stored.ProtectedPrivateKey);
        try
        {
            var key = new NoteKey(name, unprotected);
            if (!CryptographicOperations.FixedTimeEquals(key.PublicKey, stored.PublicKey))
            {
                key.Dispose();
                throw new CryptographicException("The stored audit signing key does not match its public key.");
            }

            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(unprotected);
        }
    }
}
