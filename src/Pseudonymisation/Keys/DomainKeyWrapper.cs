using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SharingHub.Pseudonymisation.Keys;

/// <summary>
/// Wraps and unwraps key versions with ASP.NET Core DataProtection, one purpose chain per domain:
/// ("SharingHub.Keys.v1", domain). The protected plaintext also names its domain, version and key id, so a
/// wrapped key moved to another record or domain is refused (SH1204/SH1205) instead of silently used.
/// </summary>
internal sealed class DomainKeyWrapper
{
    public const string Purpose = "SharingHub.Keys.v1";

    private const byte PlainFormat = 1;
    private const int HeaderLength = 1 + 4 + 16;
    private const int PlainLength = HeaderLength + (2 * DomainKeyMaterial.KeyLength);

    private readonly IDataProtector _protector;

    public DomainKeyWrapper(IDataProtectionProvider provider, string domain)
    {
        ArgumentNullException.ThrowIfNull(provider);
        DomainId.Validate(domain);
        Domain = domain;
        _protector = provider.CreateProtector(Purpose, domain);
    }

    public string Domain { get; }

    public byte[] Wrap(DomainKeyMaterial material)
    {
        var plain = GC.AllocateUninitializedArray<byte>(PlainLength, pinned: true);
        try
        {
            plain[0] = PlainFormat;
            BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(1), material.Version);
            material.KeyId.TryWriteBytes(plain.AsSpan(5, 16));
            material.PseudonymKey.CopyTo(plain.AsSpan(HeaderLength));
            material.ReferenceSecret.CopyTo(plain.AsSpan(HeaderLength + DomainKeyMaterial.KeyLength));
            return _protector.Protect(plain);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    public DomainKeyMaterial Unwrap(WrappedKeyRecord record)
    {
        if (!string.Equals(record.Domain, Domain, StringComparison.Ordinal))
        {
            throw new KeyException(KeyErrorCodes.RecordMismatch, $"A key record of another domain was offered to domain '{Domain}'.");
        }

        byte[] plain;
        try
        {
            plain = _protector.Unprotect(record.WrappedKey.ToArray());
        }
        catch (CryptographicException ex)
        {
            // The inner exception is DataProtection's own: it carries no key material.
            throw new KeyException(KeyErrorCodes.UnwrapFailed, $"Key version {record.Version} of domain '{Domain}' could not be unwrapped.", ex);
        }

        try
        {
            if (plain.Length != PlainLength || plain[0] != PlainFormat
                || BinaryPrimitives.ReadInt32BigEndian(plain.AsSpan(1)) != record.Version
                || new Guid(plain.AsSpan(5, 16)) != record.KeyId)
            {
                throw new KeyException(KeyErrorCodes.RecordMismatch, $"The wrapped key does not belong to key version {record.Version} of domain '{Domain}'.");
            }

            return new DomainKeyMaterial(
                Domain,
                record.Version,
                record.KeyId,
                plain.AsSpan(HeaderLength, DomainKeyMaterial.KeyLength),
                plain.AsSpan(HeaderLength + DomainKeyMaterial.KeyLength, DomainKeyMaterial.KeyLength));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}
