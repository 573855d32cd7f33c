namespace SharingHub.Hub.Cases;

/// <summary>
/// A casus (table <c>casus</c>): linked signals about one subject (a person, or a group for PmG) under one convenant, owned by
/// the partner that brings it in, with its lifecycle state. What each partner role may see depends on <see cref="Phase"/> and
/// <see cref="Level"/>, decided by the convenant.
/// </summary>
public sealed class Casus
{
    public const int IdMaxLength = 64;

    public Guid Id { get; set; }

    public required string ConvenantId { get; set; }

    /// <summary>The subject (cluster root when created).</summary>
    public Guid SubjectId { get; set; }

    public required string OwnerPartnerId { get; set; }

    public required string OwnerRole { get; set; }

    /// <summary>Lifecycle state (<see cref="CasusStates"/>).</summary>
    public required string State { get; set; }

    /// <summary>Work-process phase, a convenant phase id (<c>signal</c>, <c>intake</c>, <c>analysis</c>, <c>case-meeting</c>, <c>execution</c>, <c>aftercare</c>).</summary>
    public required string Phase { get; set; }

    /// <summary>PmG IJAM escalation level id (e.g. <c>school-knooppunt</c>); null when the convenant has none or none is set.</summary>
    public string? Level { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the casus was closed (retention counts <c>case-closed</c> from here).</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Optimistic concurrency token, incremented on every change.</summary>
    public int Version { get; set; }
}

/// <summary>The lifecycle states of a casus ("van signaal naar casus").</summary>
public static class CasusStates
{
    /// <summary>Linked signals, not yet weighed (casus candidate).</summary>
    public const string Signal = "signal";

    /// <summary>Weighed by the owner; a decision on the approach follows.</summary>
    public const string Weighed = "weighed";

    /// <summary>Niets doen / parkeren.</summary>
    public const string Parked = "parked";

    /// <summary>Local approach by one discipline.</summary>
    public const string LocalMono = "local-mono";

    /// <summary>Local multidisciplinary approach.</summary>
    public const string LocalMulti = "local-multi";

    /// <summary>Referred to the RIEC.</summary>
    public const string ReferredRiec = "referred-riec";

    public const string Closed = "closed";
}
