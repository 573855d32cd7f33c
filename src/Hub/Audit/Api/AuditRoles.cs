using SharingHub.Hub.Auth;

namespace SharingHub.Hub.Audit.Api;

/// <summary>The convenant roles that may read the audit trail.</summary>
internal static class AuditRoles
{
    public const string PrivacyOfficer = "privacy-officer";
    public const string Auditor = "auditor";

    public static bool IsAuditor(HubCaller caller) =>
        caller.Roles.Any(r => r.Role is PrivacyOfficer or Auditor);

    /// <summary>The convenants in which the caller is a privacy officer.</summary>
    public static IReadOnlySet<string> PrivacyOfficerConvenants(HubCaller caller) =>
        caller.Roles.Where(r => r.Role == PrivacyOfficer).Select(r => r.Convenant).ToHashSet(StringComparer.Ordinal);
}
