namespace SharingHub.Hub.Signals;

/// <summary>
/// One signal as a partner submits it. Identifiers are raw; they are parsed, pseudonymised and sealed at ingress and
/// never stored as given. <see cref="ToString"/> reveals nothing.
/// </summary>
public sealed record SignalRequest
{
    /// <summary>person, address, company, vehicle or group.</summary>
    public string? SubjectType { get; init; }

    /// <summary>The subject's identifiers (every type but <c>group</c>).</summary>
    public SignalIdentifiers? Identifiers { get; init; }

    /// <summary>The group and its members (subject type <c>group</c> only).</summary>
    public SignalGroup? Group { get; init; }

    /// <summary>Convenant purpose id.</summary>
    public string? Purpose { get; init; }

    /// <summary>Convenant category ids.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Case phase (default <c>signal</c>).</summary>
    public string? Phase { get; init; }

    public bool? IsMinor { get; init; }

    /// <summary>Free text; stored only scrubbed.</summary>
    public string? Summary { get; init; }

    /// <summary>The reporter (melder): sealed in the vault only, never linkable, never returned.</summary>
    public SignalIdentifiers? Reporter { get; init; }

    /// <summary>
    /// Content fields: convenant field id (of one of <see cref="Categories"/>, never of the melder category) to free text.
    /// Stored only scrubbed and sealed in the vault (<see cref="Signal.Content"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string?>? Fields { get; init; }

    public override string ToString() => "SignalRequest(***)";
}

/// <summary>Raw identifiers of a subject or reporter. <see cref="ToString"/> reveals nothing.</summary>
public sealed record SignalIdentifiers
{
    public string? Bsn { get; init; }

    public string? GivenNames { get; init; }

    public string? SurnamePrefix { get; init; }

    public string? Surname { get; init; }

    /// <summary>ISO date (yyyy-MM-dd).</summary>
    public string? DateOfBirth { get; init; }

    public SignalAddress? Address { get; init; }

    public string? Kvk { get; init; }

    public string? Kenteken { get; init; }

    public string? Iban { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public override string ToString() => "SignalIdentifiers(***)";
}

/// <summary>
/// A group-level signal's group (PmG): the partner's own group label or number (pseudonymised with the partner id, never
/// stored in plain text) and the members, each identified like a person. <see cref="ToString"/> reveals nothing.
/// </summary>
public sealed record SignalGroup
{
    public string? Reference { get; init; }

    public IReadOnlyList<SignalIdentifiers?>? Members { get; init; }

    public override string ToString() => "SignalGroup(***)";
}

/// <summary>A Dutch address. <see cref="ToString"/> reveals nothing.</summary>
public sealed record SignalAddress
{
    public string? Postcode { get; init; }

    public string? HouseNumber { get; init; }

    public string? Suffix { get; init; }

    public string? Street { get; init; }

    public string? City { get; init; }

    public override string ToString() => "SignalAddress(***)";
}

/// <summary>A batch of signals.</summary>
public sealed record SignalBatchRequest
{
    public IReadOnlyList<SignalRequest?>? Signals { get; init; }
}

/// <summary>
/// 201 body: the stored signal and the caller's own reference to its subject; for a group signal also the caller's
/// references to the members, in submitted order (absent otherwise).
/// </summary>
public sealed record SignalCreated(Guid SignalId, string SubjectRef, IReadOnlyList<string>? Members = null);

/// <summary>One item of a batch response: 201 with ids (and member references for a group), or a 4xx status with its code and (for 400) the field path.</summary>
public sealed record SignalBatchItem(
    int Index, int Status, Guid? SignalId, string? SubjectRef, string? Code, string? Field, IReadOnlyList<string>? Clauses, IReadOnlyList<string>? Members = null);

/// <summary>Batch response: per item, in request order.</summary>
public sealed record SignalBatchResponse(int Accepted, int Rejected, IReadOnlyList<SignalBatchItem> Results);
