namespace SharingHub.Hub.Requests;

/// <summary>
/// One review of an access request (table <c>reviews</c>) for one approval gate: four-eyes, privacy officer or moreel beraad.
/// A moreel beraad carries its structured deliberation record (JSON, scrubbed) with the decision.
/// </summary>
public sealed class Review
{
    public Guid Id { get; set; }

    public Guid RequestId { get; set; }

    /// <summary><c>four-eyes</c>, <c>privacy-officer</c>, <c>moreel-beraad</c> or <c>steering-group</c>.</summary>
    public required string Gate { get; set; }

    public required string ReviewerPartnerId { get; set; }

    public required string ReviewerRole { get; set; }

    /// <summary><c>client:&lt;id&gt;</c> or <c>person:&lt;id&gt;</c>.</summary>
    public required string ReviewerActor { get; set; }

    /// <summary><c>approve</c> or <c>reject</c>.</summary>
    public required string Verdict { get; set; }

    /// <summary>The reviewer's motivation, scrubbed.</summary>
    public required string Motivation { get; set; }

    /// <summary>
    /// Moreel beraad only: the deliberation record as JSON (dilemma, facts, values at stake, options weighed, decision, dissent,
    /// participants), every text scrubbed; null for other gates.
    /// </summary>
    public string? Deliberation { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
