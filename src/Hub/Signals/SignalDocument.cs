namespace SharingHub.Hub.Signals;

/// <summary>
/// A document attached to a signal (table <c>signal_documents</c>). The original is stored only encrypted
/// (AES-256-GCM under a per-document key wrapped by DataProtection); plain text is also stored scrubbed for sharing.
/// Store names are random ids and reveal nothing.
/// </summary>
public sealed class SignalDocument
{
    public const int ContentTypeMaxLength = 64;
    public const int NameMaxLength = 128;

    public Guid Id { get; set; }

    public Guid SignalId { get; set; }

    public required string PartnerId { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }

    /// <summary>Document-store name of the encrypted original.</summary>
    public required string OriginalName { get; set; }

    /// <summary>Document-store name of the scrubbed text, null when none (PDF: not shareable until reviewed).</summary>
    public string? ScrubbedName { get; set; }

    /// <summary>False for documents whose text the hub could not scrub (PDF): not shareable until a person reviewed them.</summary>
    public bool Shareable { get; set; }

    /// <summary>The per-document AES key, wrapped by DataProtection.</summary>
    public required byte[] WrappedKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
