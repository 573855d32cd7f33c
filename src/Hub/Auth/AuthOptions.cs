using System.ComponentModel.DataAnnotations;
using SharingHub.Hub.KeyRing;

namespace SharingHub.Hub.Auth;

/// <summary>Configuration section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Lifetime of access tokens (default 15 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Lifetime of the login cookie for people (default 30 minutes, sliding).</summary>
    public TimeSpan LoginLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>PBKDF2 iterations for people's passwords (PasswordHasher, HMAC-SHA512); default 600,000.</summary>
    [Range(100_000, 10_000_000)]
    public int PasswordIterations { get; set; } = 600_000;

    /// <summary>The issuer URI in tokens; default: the URI the request came in on.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>Certificate (.pfx) that signs tokens. Required outside Development.</summary>
    public CertificateOptions SigningCertificate { get; set; } = new();

    /// <summary>Certificate (.pfx) that encrypts access tokens. Required outside Development.</summary>
    public CertificateOptions EncryptionCertificate { get; set; } = new();
}
