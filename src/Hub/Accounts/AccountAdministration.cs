using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using SharingHub.Hub.Storage;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace SharingHub.Hub.Accounts;

/// <summary>
/// Creates and changes partners, client registrations and people. Used by the demo seed and tests; an admin API or
/// hubctl command can build on it. Create methods are idempotent by id: an existing entry is left as it is.
/// </summary>
public sealed class AccountAdministration(HubDbContext db, IOpenIddictApplicationManager applications, IPasswordHasher<Person> hasher)
{
    /// <summary>Creates a partner with its convenant roles unless a partner with this id exists. Returns true when created.</summary>
    public async Task<bool> CreatePartnerAsync(string id, string name, string partyType, IEnumerable<ConvenantRole> roles, CancellationToken cancellationToken = default)
    {
        RequireId(id, nameof(id));
        RequireId(partyType, nameof(partyType));
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (await db.Partners.AnyAsync(p => p.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var partner = new Partner { Id = id, Name = name, PartyType = partyType };
        foreach (var role in roles.Distinct())
        {
            RequireRole(role);
            partner.Roles.Add(new PartnerRole { PartnerId = id, ConvenantId = role.Convenant, Role = role.Role });
        }

        db.Partners.Add(partner);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Registers a confidential client (a partner system) for the client-credentials grant. Returns true when created.</summary>
    public async Task<bool> CreateSystemClientAsync(
        string clientId, string partnerId, string secret, IEnumerable<string> scopes, bool isDemo, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        if (await applications.FindByClientIdAsync(clientId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = clientId,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        AddScopes(descriptor, scopes);
        return await RegisterAsync(descriptor, partnerId, isDemo, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Registers a public client for people (authorization code + PKCE). Returns true when created.</summary>
    public async Task<bool> CreatePortalClientAsync(
        string clientId, IEnumerable<Uri> redirectUris, IEnumerable<Uri> postLogoutRedirectUris, IEnumerable<string> scopes, bool isDemo,
        CancellationToken cancellationToken = default)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            DisplayName = clientId,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        descriptor.RedirectUris.UnionWith(redirectUris);
        descriptor.PostLogoutRedirectUris.UnionWith(postLogoutRedirectUris);
        AddScopes(descriptor, scopes);
        return await RegisterAsync(descriptor, partnerId: null, isDemo, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a person with a hashed password unless the user name exists. Returns true when created.</summary>
    public async Task<bool> CreatePersonAsync(
        string userName, string displayName, string password, string partnerId, IEnumerable<ConvenantRole> roles,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        ArgumentException.ThrowIfNullOrWhiteSpace(password);
        if (userName.Length > Person.UserNameMaxLength)
        {
            throw new ArgumentException("The user name is too long.", nameof(userName));
        }

        if (await db.People.AnyAsync(p => p.UserName == userName, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await RequirePartnerAsync(partnerId, cancellationToken).ConfigureAwait(false);
        var person = new Person
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            DisplayName = displayName,
            PasswordHash = string.Empty,
            PartnerId = partnerId,
        };
        person.PasswordHash = hasher.HashPassword(person, password);
        foreach (var role in roles.Distinct())
        {
            RequireRole(role);
            person.Roles.Add(new PersonRole { PersonId = person.Id, ConvenantId = role.Convenant, Role = role.Role });
        }

        db.People.Add(person);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Enables or disables a client; a disabled client gets no token (SH3020). False when unknown.</summary>
    public async Task<bool> SetClientEnabledAsync(string clientId, bool enabled, CancellationToken cancellationToken = default)
    {
        var client = await db.PartnerClients.SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return false;
        }

        client.Enabled = enabled;
        client.Touch();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Enables or disables a partner: all its clients and people are refused while disabled. False when unknown.</summary>
    public async Task<bool> SetPartnerEnabledAsync(string partnerId, bool enabled, CancellationToken cancellationToken = default)
    {
        var partner = await db.Partners.SingleOrDefaultAsync(p => p.Id == partnerId, cancellationToken).ConfigureAwait(false);
        if (partner is null)
        {
            return false;
        }

        partner.Enabled = enabled;
        partner.Touch();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> RegisterAsync(OpenIddictApplicationDescriptor descriptor, string? partnerId, bool isDemo, CancellationToken cancellationToken)
    {
        if (descriptor.ClientId is not { Length: > 0 and <= PartnerClient.ClientIdMaxLength } clientId)
        {
            throw new ArgumentException("A client id is 1-100 characters.", nameof(descriptor));
        }

        if (partnerId is not null)
        {
            await RequirePartnerAsync(partnerId, cancellationToken).ConfigureAwait(false);
        }

        // The hub's row first: a client without it is refused at the token endpoint, so a crash in between is safe.
        db.PartnerClients.Add(new PartnerClient { ClientId = clientId, PartnerId = partnerId, IsDemo = isDemo });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await applications.CreateAsync(descriptor, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task RequirePartnerAsync(string partnerId, CancellationToken cancellationToken)
    {
        if (!await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("Unknown partner '" + partnerId + "'.");
        }
    }

    private static void AddScopes(OpenIddictApplicationDescriptor descriptor, IEnumerable<string> scopes)
    {
        foreach (var scope in scopes)
        {
            if (!Auth.HubScopes.All.Contains(scope, StringComparer.Ordinal))
            {
                throw new ArgumentException("Unknown scope '" + scope + "'.", nameof(scopes));
            }

            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }
    }

    private static void RequireId(string value, string parameter)
    {
        if (!ConvenantRole.IsId(value))
        {
            throw new ArgumentException("An id is 1-64 characters of a-z, 0-9 and '-'.", parameter);
        }
    }

    private static void RequireRole(ConvenantRole role)
    {
        RequireId(role.Convenant, nameof(role));
        RequireId(role.Role, nameof(role));
    }
}
