using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using SharingHub.Hub.Api;
using SharingHub.Hub.Audit.Records;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Operations.RequestLimits;

namespace SharingHub.Hub.Cases;

/// <summary>
/// The casus API under <c>/api/v1/convenants/{convenant}/casus</c> (scope <c>signals</c>, a role in the convenant):
/// <c>POST /</c> brings a subject in (201 casus view), <c>GET /?state=</c> lists the casus the caller may see,
/// <c>GET /{id}</c> shows one pseudonymised, <c>POST /{id}/transitions</c> moves it (owner or casusregisseur).
/// </summary>
internal sealed class CasusEndpoints : IHubEndpoints
{
    public const long BodyLimit = 4 * 1024;
    private const string JsonContentType = "application/json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 8,
    };

    /// <remarks>
    /// The bodies (<see cref="BringInRequest"/>, <see cref="TransitionRequest"/>) are read by the handlers, not declared with
    /// <c>Accepts</c>: routing would answer a wrong content type with 415 before the handler runs, and that refusal would go unaudited.
    /// </remarks>
    public void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiV1()
            .MapGroup("/convenants/{convenant}/casus")
            .RequireAuthorization(HubPolicies.Scope(HubScopes.Signals))
            .RequireConvenantRole()
            .WithTags("Casus");
        group.MapPost("/", BringInAsync).WithName("BringInCasus")
            .WithSummary("Bring a subject in as a casus candidate (state signal, phase signal), owned by the caller's partner.")
            .Produces<CasusView>(StatusCodes.Status201Created).WithRequestBodyLimit(BodyLimit);
        group.MapGet("/", ListAsync).WithName("ListCasus")
            .WithSummary("The casus the caller may see, most recently updated first; ?state= filters.").Produces<CasusList>();
        group.MapGet("/{id}", GetAsync).WithName("GetCasus")
            .WithSummary("One casus, pseudonymised: only the signal categories the caller may view in its phase and level.").Produces<CasusView>();
        group.MapPost("/{id}/transitions", TransitionAsync).WithName("TransitionCasus")
            .WithSummary("Move a casus to another state, phase or escalation level (owner or casusregisseur).")
            .Produces<CasusView>().WithRequestBodyLimit(BodyLimit);
    }

    private static async Task<IResult> BringInAsync(HttpContext http, ConvenantAccess access, CasusService casus, CancellationToken cancellationToken)
    {
        var (request, refusal) = await ReadAsync<BringInRequest>(http, access, casus, AuditOperations.CasusCreated, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var outcome = await casus.BringInAsync(access, request, cancellationToken).ConfigureAwait(false);
        return outcome.Code is null
            ? TypedResults.Created($"/api/v1/convenants/{access.Convenant}/casus/{outcome.Value!.Id:D}", outcome.Value)
            : Problem(outcome.Status, outcome.Code);
    }

    private static async Task<IResult> ListAsync(ConvenantAccess access, CasusService casus, string? state, CancellationToken cancellationToken)
    {
        var outcome = await casus.ListAsync(access, state, cancellationToken).ConfigureAwait(false);
        return outcome.Code is null ? TypedResults.Ok(outcome.Value) : Problem(outcome.Status, outcome.Code);
    }

    private static async Task<IResult> GetAsync(ConvenantAccess access, CasusService casus, string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var casusId))
        {
            var refused = await casus.RefuseAsync<CasusView>(access, AuditOperations.View, 400, CasusErrorCodes.InvalidValue, cancellationToken).ConfigureAwait(false);
            return Problem(refused.Status, refused.Code!);
        }

        var outcome = await casus.GetAsync(access, casusId, cancellationToken).ConfigureAwait(false);
        return outcome.Code is null ? TypedResults.Ok(outcome.Value) : Problem(outcome.Status, outcome.Code);
    }

    private static async Task<IResult> TransitionAsync(HttpContext http, ConvenantAccess access, CasusService casus, string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var casusId))
        {
            var refused = await casus.RefuseAsync<CasusView>(access, AuditOperations.CasusTransition, 400, CasusErrorCodes.InvalidValue, cancellationToken).ConfigureAwait(false);
            return Problem(refused.Status, refused.Code!);
        }

        var (request, refusal) = await ReadAsync<TransitionRequest>(http, access, casus, AuditOperations.CasusTransition, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var outcome = await casus.TransitionAsync(access, casusId, request!, cancellationToken).ConfigureAwait(false);
        return outcome.Code is null ? TypedResults.Ok(outcome.Value) : Problem(outcome.Status, outcome.Code);
    }

    /// <summary>Reads a JSON body strictly (unknown members refused); a refusal is audited and returned as a problem.</summary>
    private static async Task<(T? Request, IResult? Refusal)> ReadAsync<T>(
        HttpContext http, ConvenantAccess access, CasusService casus, string operation, CancellationToken cancellationToken)
        where T : class
    {
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var media)
            || !string.Equals(media.MediaType, JsonContentType, StringComparison.OrdinalIgnoreCase))
        {
            var refused = await casus.RefuseAsync<T>(access, operation, StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, cancellationToken).ConfigureAwait(false);
            return (null, HubProblems.Result(refused.Status, refused.Code!, "Send application/json."));
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        string path;
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.ToArray(), Json);
            if (value is not null)
            {
                return (value, null);
            }

            path = "$";
        }
        catch (JsonException exception)
        {
            path = string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path;
        }

        var malformed = await casus.RefuseAsync<T>(access, operation, StatusCodes.Status400BadRequest, CasusErrorCodes.MalformedJson, cancellationToken).ConfigureAwait(false);
        var problem = HubProblems.Create(malformed.Status, malformed.Code!, Detail(malformed.Code!));
        problem.Extensions["field"] = path;
        return (null, TypedResults.Problem(problem));
    }

    private static ProblemHttpResult Problem(int status, string code) => HubProblems.Result(status, code, Detail(code));

    /// <summary>Fixed, identifier-free explanations per code.</summary>
    internal static string Detail(string code) => code switch
    {
        CasusErrorCodes.MalformedJson => "The body is not valid JSON for this endpoint.",
        CasusErrorCodes.MissingField => "A required field is missing, or the request changes nothing.",
        CasusErrorCodes.InvalidValue => "A value is not one this endpoint accepts.",
        CasusErrorCodes.SubjectNotFound => "No such subject reference for your organisation under this convenant.",
        CasusErrorCodes.CasusNotFound => "No such casus under this convenant.",
        CasusErrorCodes.UnknownConvenant => "This hub does not run under that convenant.",
        CasusErrorCodes.MayNotBringIn => "Your party may not bring in cases under this convenant.",
        CasusErrorCodes.MayNotTransition => "Only the owner or a casusregisseur may move this casus.",
        CasusErrorCodes.OpenCasusExists => "This subject already has an open casus under this convenant.",
        CasusErrorCodes.VersionConflict => "The casus changed meanwhile; read it again.",
        CasusErrorCodes.TransitionNotAllowed => "The lifecycle does not allow this state from the current one.",
        CasusErrorCodes.PhaseNotForward => "Phases only move forward, and not while parked or when closing.",
        CasusErrorCodes.PhaseInconsistent => "This phase does not fit the state.",
        CasusErrorCodes.LevelStep => "An escalation level moves one rank at a time.",
        CasusErrorCodes.LevelsNotSupported => "This convenant has no escalation levels.",
        CasusErrorCodes.ReferralNotAllowed => "Referral to the RIEC is not possible under this convenant.",
        CasusErrorCodes.CasusClosed => "The casus is closed.",
        _ => "The request was refused.",
    };
}
