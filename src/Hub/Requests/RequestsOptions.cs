using System.ComponentModel.DataAnnotations;

namespace SharingHub.Hub.Requests;

/// <summary>Configuration section <c>Requests</c>: grant durations and how often overdue reviews are escalated.</summary>
public sealed class RequestsOptions
{
    public const string Section = "Requests";

    /// <summary>Days a grant stays valid when the request names no duration.</summary>
    [Range(1, 3650)]
    public int DefaultGrantDays { get; set; } = 30;

    /// <summary>The longest grant a request may ask for; longer requests are refused (SH3149).</summary>
    [Range(1, 3650)]
    public int MaxGrantDays { get; set; } = 90;

    /// <summary>How often <see cref="RequestEscalation"/> looks for overdue reviews.</summary>
    public TimeSpan EscalationInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>False stops the periodic escalation pass (tests call <see cref="RequestEscalation.RunOnceAsync"/> directly).</summary>
    public bool EscalationEnabled { get; set; } = true;
}
