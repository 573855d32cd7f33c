using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SharingHub.Hub.Tests.Infrastructure;

/// <summary>Self-signed RSA certificates written as password-protected .pfx files, as an operator would configure.</summary>
internal static class TestCertificates
{
    public const string Password = "test-pfx-password";

    public static string CreatePfx(string directory, string name, X509KeyUsageFlags usage)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=SharingHub test " + name, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        var path = Path.Combine(directory, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }

    /// <summary>Settings for a hub that may run outside Development: token and key-ring certificates.</summary>
    public static Dictionary<string, string?> ProductionSettings(string directory) => new(StringComparer.Ordinal)
    {
        ["Auth:SigningCertificate:Path"] = CreatePfx(directory, "signing", X509KeyUsageFlags.DigitalSignature),
        ["Auth:SigningCertificate:Password"] = Password,
        ["Auth:EncryptionCertificate:Path"] = CreatePfx(directory, "encryption", X509KeyUsageFlags.KeyEncipherment),
        ["Auth:EncryptionCertificate:Password"] = Password,
        ["DataProtection:Certificate:Path"] = CreatePfx(directory, "keyring", X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment),
        ["DataProtection:Certificate:Password"] = Password,
    };
}
