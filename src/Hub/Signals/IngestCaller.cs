namespace SharingHub.Hub.Signals;

/// <summary>Who submits, as ingress needs it: hub partner id (subject references), convenant party id (policy), roles.</summary>
public sealed record IngestCaller(string Convenant, string PartnerId, string Party, string ClientId, string Actor, string ActorType, IReadOnlyList<string> Roles);

/// <summary>
/// The outcome of one submitted signal: 201 with its ids (and, for a group, the member references in submitted order),
/// or a 4xx status with code, field path or clause ids.
/// </summary>
public sealed record IngestItemResult(
    int Status, Guid? SignalId, string? SubjectRef, string? Code, string? Field, IReadOnlyList<string>? Clauses, IReadOnlyList<string>? Members = null);
