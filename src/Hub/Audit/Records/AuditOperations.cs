namespace SharingHub.Hub.Audit.Records;

/// <summary>The operations the hub logs (the Logboek Dataverwerkingen <c>operation</c> / span name).</summary>
public static class AuditOperations
{
    public const string SignalSubmitted = "signal.submitted";
    public const string Match = "linkage.match";
    public const string HitNoHit = "linkage.hit-no-hit";
    public const string PolicyDecision = "policy.decision";
    public const string AccessRequest = "request.created";
    public const string Review = "request.reviewed";
    public const string Grant = "request.granted";
    public const string RequestRevoked = "request.revoked";
    public const string Disclosure = "disclosure";
    public const string View = "disclosure.viewed";
    public const string Export = "disclosure.exported";
    public const string RetentionPurge = "retention.purge";
    public const string KeyRotation = "keys.rotated";
    public const string AuditLogin = "audit.login";
    public const string SubjectAccessReport = "audit.subject-access-report";
    public const string CasusCreated = "casus.created";
    public const string CasusTransition = "casus.transition";
}

/// <summary>Logboek Dataverwerkingen status values.</summary>
public static class AuditStatus
{
    public const string Ok = "ok";
    public const string Error = "error";
    public const string Denied = "denied";
}
