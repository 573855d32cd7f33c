namespace SharingHub.Pseudonymisation.Keys;

/// <summary>
/// The one exception type of the key area. <see cref="Code"/> is a stable SH12xx code from
/// <see cref="KeyErrorCodes"/>; the message never contains key material or identifiers.
/// </summary>
public sealed class KeyException : Exception
{
    public KeyException()
        : this(KeyErrorCodes.StoreCorrupt, "Key operation failed.")
    {
    }

    public KeyException(string message)
        : this(KeyErrorCodes.StoreCorrupt, message)
    {
    }

    public KeyException(string message, Exception innerException)
        : this(KeyErrorCodes.StoreCorrupt, message, innerException)
    {
    }

    public KeyException(string code, string message, Exception? innerException = null)
        : base($"{code}: {message}", innerException)
    {
        Code = code;
    }

    /// <summary>The stable SH12xx code.</summary>
    public string Code { get; }
}
