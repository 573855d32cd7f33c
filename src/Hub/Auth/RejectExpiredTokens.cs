using OpenIddict.Abstractions;
using OpenIddict.Validation;
using SharingHub.Hub.Errors;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace SharingHub.Hub.Auth;

/// <summary>
/// Runs just before OpenIddict's own expiry check and rejects an expired access token with a description that
/// carries SH3011, so the API can tell "expired: get a new token" apart from "invalid token".
/// </summary>
internal sealed class RejectExpiredTokens : IOpenIddictValidationHandler<ValidateTokenContext>
{
    public const string Description = ErrorCodes.TokenExpired + ": the access token has expired.";

    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<RejectExpiredTokens>()
            .SetOrder(OpenIddictValidationHandlers.Protection.ValidateExpirationDate.Descriptor.Order - 1)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.DisableLifetimeValidation || context.Principal is null)
        {
            return default;
        }

        var expires = context.Principal.GetExpirationDate();
        var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (expires is { } expiry && expiry <= now)
        {
            context.Reject(OpenIddictConstants.Errors.InvalidToken, Description);
        }

        return default;
    }
}
