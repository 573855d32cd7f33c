namespace SharingHub.Hub.Audit.Api;

/// <summary>One log entry: its index, leaf hash and canonical record bytes (base64, so the exact bytes survive).</summary>
public sealed record AuditEntryResponse(long Index, string LeafHash, string Record);

public sealed record AuditEntriesResponse(long TreeSize, IReadOnlyList<AuditEntryResponse> Entries);

public sealed record InclusionProofResponse(long Index, long Size, string LeafHash, IReadOnlyList<string> Proof);

public sealed record ConsistencyProofResponse(long From, long To, IReadOnlyList<string> Proof);

/// <summary>A witness cosignature: the checkpoint size and the note signature line <c>— name base64(keyid ‖ time ‖ sig)</c>.</summary>
public sealed record CosignatureRequest(long Size, string Cosignature);

/// <summary>One disclosure in a subject-access report (AVG art. 15).</summary>
public sealed record SubjectDisclosure(
    long Index, string Time, string Operation, string? Convenant, string? Recipient, string? RecipientRole, string? Purpose,
    string? LegalGround, IReadOnlyList<string> Approvers, IReadOnlyList<string> Categories, string? DisclosedBy, bool Reidentified);

public sealed record SubjectAccessReport(string SubjectId, string SubjectType, long TreeSize, IReadOnlyList<SubjectDisclosure> Disclosures);
