namespace SharingHub.Hub.KeyRing;

/// <summary>Configuration section <c>DataProtection</c>: where the ASP.NET Core key ring lives and how it is protected.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>Files (default <c>keys</c> under the data directory) or AzureBlob; default follows <c>Documents:Provider</c>.</summary>
    public KeyRingStore? Store { get; set; }

    /// <summary>Files: the key ring directory.</summary>
    public string? Directory { get; set; }

    /// <summary>AzureBlob: container and blob that hold the key ring XML (connection string as for documents).</summary>
    public string Container { get; set; } = "keys";

    public string Blob { get; set; } = "keyring.xml";

    /// <summary>A PKCS#12 (.pfx) certificate whose key encrypts every key at rest. Required outside Development.</summary>
    public CertificateOptions Certificate { get; set; } = new();
}

public sealed class CertificateOptions
{
    public string? Path { get; set; }

    public string? Password { get; set; }
}

public enum KeyRingStore
{
    Files,
    AzureBlob,
}
