namespace SharingHub.Policies.Loading;

/// <summary>Severity of a validation error or lint finding.</summary>
public enum FindingSeverity
{
    Warning = 1,
    Error,
}

/// <summary>
/// One problem in a convenant file: a stable code (SH2xxx, see <see cref="PolicyCodes"/>), the JSON path, the id of
/// the enclosing clause (null when the problem is outside any clause) and a message. Messages quote only
/// convenant vocabulary (ids, field names), never data about people.
/// </summary>
public sealed record ConvenantError(string Code, string Path, string? ClauseId, string Message, FindingSeverity Severity = FindingSeverity.Error)
{
    public override string ToString() =>
        $"{(Severity == FindingSeverity.Error ? "error" : "warning")} {Code} {ClauseId ?? "-"} {Path}: {Message}";
}
