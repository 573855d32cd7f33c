namespace SharingHub.Pseudonymisation.Vault;

/// <summary>
/// The one exception type of the vault. <see cref="Code"/> is a stable SH11xx code from
/// <see cref="VaultErrorCodes"/>; the message never holds plaintext or key material. Every cryptographic
/// failure ends here: the vault returns the right plaintext or throws, never wrong plaintext.
/// </summary>
public sealed class VaultException : Exception
{
    public VaultException()
        : this(VaultErrorCodes.MalformedPayload, "Vault operation failed.")
    {
    }

    public VaultException(string message)
        : this(VaultErrorCodes.MalformedPayload, message)
    {
    }

    public VaultException(string message, Exception innerException)
        : this(VaultErrorCodes.MalformedPayload, message, innerException)
    {
    }

    public VaultException(string code, string message, Exception? innerException = null)
        : base($"{code}: {message}", innerException)
    {
        Code = code;
    }

    /// <summary>The stable SH11xx code.</summary>
    public string Code { get; }
}
