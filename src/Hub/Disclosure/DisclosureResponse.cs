using System.Text.Json.Nodes;

namespace SharingHub.Hub.Disclosure;

/// <summary>
/// 200 body of <c>GET /api/v1/access-requests/{id}/disclosure</c>: the granted fields, re-identified, and the audit receipt
/// (C2SP tlog-proof text) of the disclosure record, which <c>hubctl audit verify --receipt</c> checks offline.
/// <see cref="Fields"/> maps each granted field id to its value, or to an array when the subject's signals hold several
/// distinct values (empty array: granted, but no signal holds it). <see cref="Receipts"/> has one receipt per data subject
/// (the subject first, then group members whose identity was disclosed); <see cref="Receipt"/> is the first.
/// </summary>
public sealed record DisclosureResponse(
    Guid RequestId,
    Guid GrantId,
    string SubjectRef,
    string Purpose,
    DateTimeOffset ExpiresAt,
    JsonObject Fields,
    string Receipt,
    IReadOnlyList<string> Receipts)
{
    public override string ToString() => $"DisclosureResponse({RequestId}, {Fields.Count} fields)";
}

/// <summary>200 body of <c>POST /api/v1/access-requests/{id}/revoke</c>.</summary>
public sealed record RevocationResponse(Guid RequestId, Guid GrantId, DateTimeOffset RevokedAt, string RevokedBy);
