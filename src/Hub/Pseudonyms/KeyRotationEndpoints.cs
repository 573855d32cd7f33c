using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SharingHub.Hub.Api;
using SharingHub.Hub.Audit;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Convenants;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Operations.RequestLimits;
using SharingHub.Hub.Retention;

namespace SharingHub.Hub.Pseudonyms;

/// <summary>
/// <c>POST /api/v1/convenants/{convenant}/keys/rotate</c> (privacy officer of the convenant, person token, scope audit), body
/// empty or <c>{ "expectedActiveVersion": n }</c> (a guard against two officers rotating at once: 409 SH3195 when another
/// version is active). 200 <see cref="KeyRotationResult"/>. Malformed body → 400 SH3194, nothing changes.
/// </summary>
internal sealed class KeyRotationEndpoints : IHubEndpoints
{
    public const long MaxBodyBytes = 1024;

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiV1()
            .MapGroup("/convenants/{convenant}/keys")
            .RequireAuthorization(HubPolicies.Scope(HubScopes.Audit))
            .RequireConvenantRole()
            .WithTags("Keys")
            .MapPost("/rotate", RotateAsync)
            .WithName("RotateConvenantKey")
            .WithSummary("Rotates the convenant's pseudonymisation key and re-pseudonymises stored match keys; old versions stay resolvable.")
            .WithRequestBodyLimit(MaxBodyBytes);
    }

    private static async Task<Results<Ok<KeyRotationResult>, ProblemHttpResult>> RotateAsync(
        HttpContext http, ConvenantAccess access, KeyRotationService rotation, HubConvenants convenants, AuditLog audit, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (await PrivacyOfficerGate.CheckAsync(access, convenants, audit, AuditOperations.KeyRotation, time, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var started = time.GetUtcNow();
        var (ok, expected) = await ReadBodyAsync(http.Request, cancellationToken).ConfigureAwait(false);
        string? error = null;
        KeyRotationResult? result = null;
        if (!ok)
        {
            error = RetentionErrorCodes.MalformedBody;
        }
        else
        {
            (result, error) = await rotation.RotateAsync(access.Convenant, expected, PrivacyOfficerGate.ActorFor(access), cancellationToken).ConfigureAwait(false);
        }

        if (result is not null)
        {
            return TypedResults.Ok(result);
        }

        await audit.AppendAsync(PrivacyOfficerGate.Record(access, convenants, AuditOperations.KeyRotation, AuditStatus.Error, started, time.GetUtcNow(), [error!]),
            cancellationToken).ConfigureAwait(false);
        return error switch
        {
            RetentionErrorCodes.MalformedBody => HubProblems.Result(StatusCodes.Status400BadRequest, error,
                "Send no body or {\"expectedActiveVersion\": n} with n a positive whole number."),
            RetentionErrorCodes.VersionMismatch => HubProblems.Result(StatusCodes.Status409Conflict, error,
                "Another key version is active than expectedActiveVersion says; nothing was rotated."),
            _ => HubProblems.Result(StatusCodes.Status409Conflict, RetentionErrorCodes.AlreadyRunning,
                "A retention run or key rotation for this convenant is under way; try again later."),
        };
    }

    /// <summary>Empty body → (true, null); <c>{"expectedActiveVersion": n}</c> with n ≥ 1 → (true, n); anything else → (false, null).</summary>
    internal static async Task<(bool Ok, int? Expected)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            return (true, null);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (false, null);
            }

            int? expected = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name != "expectedActiveVersion" || property.Value.ValueKind != JsonValueKind.Number
                    || !property.Value.TryGetInt32(out var version) || version < 1)
                {
                    return (false, null);
                }

                expected = version;
            }

            return (true, expected);
        }
        catch (JsonException)
        {
            return (false, null);
        }
    }
}

/// <summary>Registers key rotation (service and endpoint).</summary>
internal static class KeyRotationSetup
{
    public static IServiceCollection AddHubKeyRotation(this IServiceCollection services)
    {
        services.AddSingleton<KeyRotationService>();
        return services.AddHubEndpoints<KeyRotationEndpoints>();
    }
}
