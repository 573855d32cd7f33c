using System.Diagnostics;

namespace SharingHub.Hub.Audit.Records;

/// <summary>
/// One processing step about one data subject: the Logboek Dataverwerkingen core fields (trace, span, parent
/// span, operation, status, start/end, processing activity, pseudonymised subject and its type) plus the
/// convenant context. Every text field is an id (<see cref="AuditId"/>); the subject is an
/// <see cref="AuditSubject"/> (a pseudonym or reference), so a plaintext identifier cannot be stored.
/// The Merkle leaf is over <see cref="AuditRecordSerializer.Serialize"/> of this record.
/// </summary>
public sealed record AuditRecord
{
    private readonly ActivityTraceId _traceId;
    private readonly ActivitySpanId _spanId;
    private readonly string _operation = string.Empty;
    private readonly string _status = AuditStatus.Ok;
    private readonly string _activity = string.Empty;
    private readonly string? _convenant;
    private readonly string? _convenantVersion;
    private readonly string? _purpose;
    private readonly string? _legalGround;
    private readonly string? _partner;
    private readonly string? _role;
    private readonly string _actor = string.Empty;
    private readonly IReadOnlyList<string> _approvers = [];
    private readonly string? _recipient;
    private readonly string? _recipientRole;
    private readonly IReadOnlyList<string> _categories = [];
    private readonly IReadOnlyList<string> _reasons = [];
    private readonly string? _resource;

    /// <summary>W3C trace id (16 bytes), e.g. <c>Activity.Current.TraceId</c>.</summary>
    public required ActivityTraceId TraceId
    {
        get => _traceId;
        init => _traceId = value == default ? throw new AuditRecordException(nameof(TraceId)) : value;
    }

    /// <summary>Span id (8 bytes) of this step.</summary>
    public required ActivitySpanId SpanId
    {
        get => _spanId;
        init => _spanId = value == default ? throw new AuditRecordException(nameof(SpanId)) : value;
    }

    /// <summary>Parent span id, when the step is part of a larger one.</summary>
    public ActivitySpanId? ParentSpanId { get; init; }

    /// <summary>What was done (<see cref="AuditOperations"/>).</summary>
    public required string Operation { get => _operation; init => _operation = AuditId.Require(value, nameof(Operation)); }

    /// <summary><see cref="AuditStatus"/>.</summary>
    public string Status { get => _status; init => _status = AuditId.Require(value, nameof(Status)); }

    public required DateTimeOffset StartTime { get; init; }

    public required DateTimeOffset EndTime { get; init; }

    /// <summary>Processing activity id (verwerkingsactiviteit) from the register of processing activities.</summary>
    public required string ProcessingActivityId { get => _activity; init => _activity = AuditId.Require(value, nameof(ProcessingActivityId)); }

    /// <summary>The pseudonymised data subject (one record per subject).</summary>
    public required AuditSubject Subject { get; init; }

    public string? ConvenantId { get => _convenant; init => _convenant = AuditId.Optional(value, nameof(ConvenantId)); }

    /// <summary>Hash (id form, e.g. <c>sha256:…</c>) of the convenant version that decided.</summary>
    public string? ConvenantVersion { get => _convenantVersion; init => _convenantVersion = AuditId.Optional(value, nameof(ConvenantVersion)); }

    public string? Purpose { get => _purpose; init => _purpose = AuditId.Optional(value, nameof(Purpose)); }

    /// <summary>The legal ground (grondslag) id or clause the processing rests on.</summary>
    public string? LegalGround { get => _legalGround; init => _legalGround = AuditId.Optional(value, nameof(LegalGround)); }

    /// <summary>The partner on whose behalf the step ran.</summary>
    public string? Partner { get => _partner; init => _partner = AuditId.Optional(value, nameof(Partner)); }

    public string? Role { get => _role; init => _role = AuditId.Optional(value, nameof(Role)); }

    /// <summary>Who acted: a client id or person subject id (never a name or e-mail address).</summary>
    public required string Actor { get => _actor; init => _actor = AuditId.Require(value, nameof(Actor)); }

    public IReadOnlyList<string> Approvers { get => _approvers; init => _approvers = AuditId.RequireAll(value, nameof(Approvers)); }

    /// <summary>Receiving partner of a disclosure.</summary>
    public string? Recipient { get => _recipient; init => _recipient = AuditId.Optional(value, nameof(Recipient)); }

    public string? RecipientRole { get => _recipientRole; init => _recipientRole = AuditId.Optional(value, nameof(RecipientRole)); }

    public IReadOnlyList<string> DataCategories { get => _categories; init => _categories = AuditId.RequireAll(value, nameof(DataCategories)); }

    /// <summary>True when identities were re-identified (vault opened) in this step.</summary>
    public bool Reidentified { get; init; }

    /// <summary>The decision's reasons: clause ids.</summary>
    public IReadOnlyList<string> DecisionReasons { get => _reasons; init => _reasons = AuditId.RequireAll(value, nameof(DecisionReasons)); }

    /// <summary>Id of the thing created or touched (signal id, document id, request id), when any.</summary>
    public string? ResourceId { get => _resource; init => _resource = AuditId.Optional(value, nameof(ResourceId)); }

    public override string ToString() => $"AuditRecord({Operation}, {Status}, {Subject.Type})";
}
