namespace SharingHub.Hub.Auth;

/// <summary>Claim types the hub puts in access tokens (besides OpenIddict's <c>sub</c>, <c>client_id</c> and scopes).</summary>
public static class HubClaims
{
    /// <summary>The partner id (e.g. <c>gemeente-maastricht</c>).</summary>
    public const string Partner = "partner";

    /// <summary>The partner's party type in convenants (e.g. <c>gemeente</c>).</summary>
    public const string Party = "party";

    /// <summary>One claim per role, written <c>convenant:role</c> (e.g. <c>riec:analist</c>).</summary>
    public const string Role = "role";

    /// <summary><c>person</c> for people (authorization code), <c>system</c> for partner systems (client credentials).</summary>
    public const string ActorType = "actor_type";

    public const string ActorPerson = "person";
    public const string ActorSystem = "system";
}
