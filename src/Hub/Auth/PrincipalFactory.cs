using System.Collections.Immutable;
using System.Security.Claims;
using OpenIddict.Abstractions;
using SharingHub.Hub.Accounts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SharingHub.Hub.Auth;

/// <summary>Builds the identities the token endpoint signs: one for a partner system, one for a person.</summary>
internal static class PrincipalFactory
{
    public static ClaimsPrincipal ForClient(PartnerClient client, Partner partner, IEnumerable<string> scopes)
    {
        var roles = partner.Roles.Select(r => r.ToConvenantRole().ToString());
        return Build(client.ClientId, partner, HubClaims.ActorSystem, roles, scopes);
    }

    public static ClaimsPrincipal ForPerson(Person person, Partner partner, IEnumerable<string> scopes)
    {
        var roles = person.Roles.Select(r => r.ToConvenantRole().ToString());
        return Build(person.Id.ToString("N"), partner, HubClaims.ActorPerson, roles, scopes);
    }

    private static ClaimsPrincipal Build(string subject, Partner partner, string actorType, IEnumerable<string> roles, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(
            authenticationType: "SharingHub", nameType: Claims.Name, roleType: HubClaims.Role);
        identity.SetClaim(Claims.Subject, subject)
            .SetClaim(HubClaims.Partner, partner.Id)
            .SetClaim(HubClaims.Party, partner.PartyType)
            .SetClaim(HubClaims.ActorType, actorType)
            .SetClaims(HubClaims.Role, roles.Order(StringComparer.Ordinal).ToImmutableArray());
        identity.SetScopes(scopes.Where(s => HubScopes.All.Contains(s, StringComparer.Ordinal)));
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
