using Microsoft.Extensions.Options;
using SharingHub.Hub.Disclosure;
using SharingHub.Hub.Storage;
using SharingHub.Policies.Decisions;

namespace SharingHub.Hub.Requests;

/// <summary>
/// Adds the <see cref="Grant"/> of a permitted or fully approved request to the context (saved with the request's own change):
/// the subject root, the categories, the granted fields (requested ∩ what the permitting flow shares), the purpose, the
/// requester as recipient, the approvers, and an expiry of the request's <see cref="AccessRequest.GrantDays"/> capped by
/// <see cref="RequestsOptions.MaxGrantDays"/>.
/// </summary>
internal sealed class GrantFactory(HubDbContext db, IOptions<RequestsOptions> options)
{
    public Grant Add(AccessRequest request, PolicyDecision decision, IReadOnlyList<string> approvers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(approvers);
        var fields = RequestPolicy.Split(request.Fields).Where(f => decision.AllowedFields.Contains(f, StringComparer.Ordinal));
        var days = Math.Clamp(request.GrantDays <= 0 ? options.Value.DefaultGrantDays : request.GrantDays, 1, options.Value.MaxGrantDays);
        var grant = new Grant
        {
            Id = Guid.NewGuid(),
            RequestId = request.Id,
            ConvenantId = request.ConvenantId,
            SubjectId = request.SubjectId,
            RecipientPartnerId = request.RequesterPartnerId,
            RecipientRole = request.RequesterRole,
            Purpose = request.Purpose,
            Categories = request.Categories,
            Fields = string.Join(',', fields),
            Mode = request.Mode,
            Approvers = string.Join(',', approvers.Distinct(StringComparer.Ordinal)),
            Clause = decision.DecidingClauseId,
            GrantedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        db.Grants.Add(grant);
        return grant;
    }
}
