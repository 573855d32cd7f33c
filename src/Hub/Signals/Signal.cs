namespace SharingHub.Hub.Signals;

/// <summary>
/// A submitted signal (table <c>signals</c>): pseudonymous metadata, the scrubbed summary, and the identity as submitted
/// only as vault ciphertext. The reporter (melder), when given, is sealed separately under a vault id used nowhere else.
/// </summary>
public sealed class Signal
{
    public const int IdMaxLength = 64;
    public const int CategoriesMaxLength = 1024;
    public const int SummaryMaxLength = 8000;

    public Guid Id { get; set; }

    public required string ConvenantId { get; set; }

    public Guid SubjectId { get; set; }

    public required string PartnerId { get; set; }

    public required string ClientId { get; set; }

    public required string Role { get; set; }

    public required string Purpose { get; set; }

    /// <summary>Category ids, comma separated, in request order.</summary>
    public required string Categories { get; set; }

    public required string Phase { get; set; }

    public bool IsMinor { get; set; }

    /// <summary>The summary after scrubbing (null when none was given).</summary>
    public string? Summary { get; set; }

    /// <summary>The submitted identity, sealed by the vault under the subject's vault id.</summary>
    public required byte[] Identity { get; set; }

    /// <summary>The reporter identity, sealed under <see cref="ReporterVaultIdOf"/>; null when no reporter was given.</summary>
    public byte[]? Reporter { get; set; }

    /// <summary>
    /// The signal's content fields (convenant field ids such as <c>aanmeldreden</c>, each scrubbed), sealed by the vault under the
    /// subject's vault id like <see cref="Identity"/>; null when the signal carried no content fields.
    /// </summary>
    public byte[]? Content { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>W3C trace id of the request that stored it.</summary>
    public string? TraceId { get; set; }

    public static string ReporterVaultIdOf(Guid signalId) => "melder-" + signalId.ToString("N");
}
