namespace SharingHub.Hub.Cases;

/// <summary>One step in a casus's history (table <c>casus_events</c>): who moved it from which state, phase and level to which. Codes only, no free text.</summary>
public sealed class CasusEvent
{
    public Guid Id { get; set; }

    public Guid CasusId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string PartnerId { get; set; }

    public required string Role { get; set; }

    /// <summary><c>client:&lt;id&gt;</c> or <c>person:&lt;id&gt;</c>.</summary>
    public required string Actor { get; set; }

    public string? FromState { get; set; }

    public required string ToState { get; set; }

    public string? FromPhase { get; set; }

    public required string ToPhase { get; set; }

    public string? FromLevel { get; set; }

    public string? ToLevel { get; set; }

    /// <summary>Clause ids of the decision that allowed the step, comma separated.</summary>
    public string? Clauses { get; set; }
}
