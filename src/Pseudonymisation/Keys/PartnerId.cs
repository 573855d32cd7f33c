namespace SharingHub.Pseudonymisation.Keys;

/// <summary>A partner id (the hub's client id of a partner): 1..128 characters, no control characters.</summary>
public static class PartnerId
{
    public const int MaxLength = 128;

    public static bool IsValid(string? partnerId) =>
        !string.IsNullOrEmpty(partnerId) && partnerId.Length <= MaxLength && !partnerId.Any(char.IsControl);

    /// <summary>Throws <see cref="KeyException"/> SH1207 when <paramref name="partnerId"/> is not valid.</summary>
    public static void Validate(string? partnerId)
    {
        if (!IsValid(partnerId))
        {
            throw new KeyException(KeyErrorCodes.InvalidPartnerId, "A partner id is 1..128 characters without control characters.");
        }
    }
}
