namespace SharingHub.Hub.Idempotency;

/// <summary>
/// The stored outcome of a request sent with an Idempotency-Key: a retry with the same key and the same
/// request hash gets the stored response; the same key with another hash is a conflict (SH3031).
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 128;
    public const int ContentTypeMaxLength = 128;
    public const int RequestHashLength = 32;

    /// <summary>The client that sent the key: keys are scoped per client.</summary>
    public required string ClientId { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256 of method, route and body.</summary>
    public required byte[] RequestHash { get; set; }

    public int StatusCode { get; set; }

    public string? ResponseContentType { get; set; }

    /// <summary>The response body as sent (it never contains plaintext identifiers: responses carry pseudonyms only).</summary>
    public byte[] ResponseBody { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}
