using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SharingHub.Hub.Api;
using SharingHub.Hub.Auth;
using SharingHub.Hub.Convenants;
using SharingHub.Hub.Errors;
using SharingHub.Hub.Idempotency;
using SharingHub.Hub.Operations.RequestLimits;

namespace SharingHub.Hub.Signals;

/// <summary>
/// <c>POST /api/v1/convenants/{convenant}/signals</c> (one signal, 201) and <c>.../signals:batch</c> (up to
/// <see cref="MaxBatchItems"/>, 200 with a result per item). Scope <c>signals</c> and a role in the convenant are required.
/// An <c>Idempotency-Key</c> header replays the stored response for the same body and answers 409 (SH3031) for another.
/// </summary>
internal sealed class SignalsEndpoints : IHubEndpoints
{
    public const int MaxBatchItems = 1000;
    public const long SingleBodyLimit = 64 * 1024;
    public const long BatchBodyLimit = 4 * 1024 * 1024;
    private const string JsonContentType = "application/json";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapApiV1()
            .MapGroup("/convenants/{convenant}")
            .RequireAuthorization(HubPolicies.Scope(HubScopes.Signals))
            .RequireConvenantRole()
            .WithTags("Signals");
        group.MapPost("/signals", SubmitAsync).WithName("SubmitSignal")
            .WithSummary("Submit one signal; 201 with the signal id and the caller's subject reference.")
            .Accepts<SignalRequest>(JsonContentType).Produces<SignalCreated>(StatusCodes.Status201Created)
            .WithRequestBodyLimit(SingleBodyLimit);
        group.MapPost("/signals:batch", SubmitBatchAsync).WithName("SubmitSignalBatch")
            .WithSummary("Submit up to 1000 signals; a result per item, all-or-nothing per item.")
            .Accepts<SignalBatchRequest>(JsonContentType).Produces<SignalBatchResponse>()
            .WithRequestBodyLimit(BatchBodyLimit);
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, ConvenantAccess access, SignalIngest ingest, HubConvenants convenants,
        IdempotencyStore idempotency, CancellationToken cancellationToken)
    {
        var (request, problem) = await ReadAsync(http, access, convenants, idempotency, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (!SignalJson.TryRead<SignalRequest>(request!.Body, out var signal, out var path))
        {
            return Invalid(SignalErrorCodes.MalformedJson, path);
        }

        var caller = Caller(access);
        IResult? stored = null;
        IngestItemResult[] results;
        try
        {
            results = await ingest.IngestAsync(caller, [signal], results =>
            {
                var result = results[0];
                if (result.Status == StatusCodes.Status201Created)
                {
                    var body = SignalJson.Write(new SignalCreated(result.SignalId!.Value, result.SubjectRef!, result.Members));
                    var location = $"/api/v1/convenants/{access.Convenant}/signals/{result.SignalId:D}";
                    stored = new StoredJsonResult(StatusCodes.Status201Created, JsonContentType, body, location);
                    if (request.Key is { } key)
                    {
                        idempotency.Record(caller.ClientId, key, request.Hash, StatusCodes.Status201Created, JsonContentType, body);
                    }
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (request.Key is not null)
        {
            return await ConcurrentRetryAsync(idempotency, caller.ClientId, request, cancellationToken).ConfigureAwait(false);
        }

        var item = results[0];
        return item.Status switch
        {
            StatusCodes.Status201Created => stored!,
            StatusCodes.Status403Forbidden => Refused(item),
            _ => Invalid(item.Code!, item.Field),
        };
    }

    private static async Task<IResult> SubmitBatchAsync(HttpContext http, ConvenantAccess access, SignalIngest ingest, HubConvenants convenants,
        IdempotencyStore idempotency, CancellationToken cancellationToken)
    {
        var (request, problem) = await ReadAsync(http, access, convenants, idempotency, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (!SignalJson.TryRead<SignalBatchRequest>(request!.Body, out var batch, out var path))
        {
            return Invalid(SignalErrorCodes.MalformedJson, path);
        }

        if (batch!.Signals is null)
        {
            return Invalid(SignalErrorCodes.MissingField, "signals");
        }

        if (batch.Signals.Count is 0 or > MaxBatchItems)
        {
            return Invalid(SignalErrorCodes.BatchSize, "signals");
        }

        var caller = Caller(access);
        byte[] body = [];
        try
        {
            await ingest.IngestAsync(caller, batch.Signals, results =>
            {
                var items = results.Select((r, i) => new SignalBatchItem(i, r.Status, r.SignalId, r.SubjectRef, r.Code, r.Field, r.Clauses, r.Members)).ToArray();
                var accepted = items.Count(i => i.Status == StatusCodes.Status201Created);
                body = SignalJson.Write(new SignalBatchResponse(accepted, items.Length - accepted, items));
                if (request.Key is { } key)
                {
                    idempotency.Record(caller.ClientId, key, request.Hash, StatusCodes.Status200OK, JsonContentType, body);
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (request.Key is not null)
        {
            return await ConcurrentRetryAsync(idempotency, caller.ClientId, request, cancellationToken).ConfigureAwait(false);
        }

        return new StoredJsonResult(StatusCodes.Status200OK, JsonContentType, body);
    }

    /// <summary>Checks convenant, content type and Idempotency-Key, reads the body; a problem result, a replay, or the request.</summary>
    private static async Task<(ReadRequest? Request, IResult? Problem)> ReadAsync(
        HttpContext http, ConvenantAccess access, HubConvenants convenants, IdempotencyStore idempotency, CancellationToken cancellationToken)
    {
        if (convenants.VersionHash(access.Convenant) is null)
        {
            return (null, HubProblems.Result(StatusCodes.Status404NotFound, SignalErrorCodes.UnknownConvenant, "This hub does not run under that convenant."));
        }

        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var media) ||
            !string.Equals(media.MediaType, JsonContentType, StringComparison.OrdinalIgnoreCase))
        {
            return (null, HubProblems.Result(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, "Send application/json."));
        }

        IdempotencyKey? key = null;
        if (http.Request.Headers.TryGetValue(IdempotencyKey.HeaderName, out var header))
        {
            if (header.Count != 1 || !IdempotencyKey.TryParse(header[0], out key))
            {
                return (null, HubProblems.Result(StatusCodes.Status400BadRequest, ErrorCodes.IdempotencyKeyMalformed, "The Idempotency-Key header is 1-128 visible ASCII characters."));
            }
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var body = buffer.ToArray();
        var hash = IdempotencyStore.RequestHash(http.Request.Method, http.Request.Path.Value ?? string.Empty, body);
        if (key is { } value)
        {
            var lookup = await idempotency.FindAsync(ClientIdOf(access), value, hash, cancellationToken).ConfigureAwait(false);
            switch (lookup.Outcome)
            {
                case IdempotencyOutcome.Replay:
                    var record = lookup.Record!;
                    return (null, new StoredJsonResult(record.StatusCode, record.ResponseContentType ?? JsonContentType, record.ResponseBody));
                case IdempotencyOutcome.Conflict:
                    return (null, HubProblems.Result(StatusCodes.Status409Conflict, ErrorCodes.IdempotencyKeyReused, "This Idempotency-Key was used with another request."));
            }
        }

        return (new ReadRequest(body, key, hash), null);
    }

    /// <summary>
    /// Two requests with one Idempotency-Key raced and the other committed first (our write collided on the key and was
    /// rolled back): answer as a retry would, with its stored response or 409.
    /// </summary>
    private static async Task<IResult> ConcurrentRetryAsync(IdempotencyStore idempotency, string clientId, ReadRequest request, CancellationToken cancellationToken)
    {
        var lookup = await idempotency.FindAsync(clientId, request.Key!.Value, request.Hash, cancellationToken).ConfigureAwait(false);
        return lookup.Outcome switch
        {
            IdempotencyOutcome.Replay => new StoredJsonResult(lookup.Record!.StatusCode, lookup.Record.ResponseContentType ?? JsonContentType, lookup.Record.ResponseBody),
            IdempotencyOutcome.Conflict => HubProblems.Result(StatusCodes.Status409Conflict, ErrorCodes.IdempotencyKeyReused, "This Idempotency-Key was used with another request."),
            _ => throw new InvalidOperationException("The write failed although no request with this Idempotency-Key was stored."),
        };
    }

    private static IngestCaller Caller(ConvenantAccess access) => new(
        access.Convenant,
        access.Caller.PartnerId,
        access.Caller.PartyType ?? string.Empty,
        ClientIdOf(access),
        access.Caller.Subject,
        access.Caller.IsPerson ? "person" : "system",
        access.Roles);

    private static string ClientIdOf(ConvenantAccess access) => access.Caller.ClientId ?? access.Caller.Subject;

    private static ProblemHttpResult Invalid(string code, string? field)
    {
        var problem = HubProblems.Create(StatusCodes.Status400BadRequest, code, "A field of the request is missing or invalid.");
        problem.Extensions["field"] = field;
        return TypedResults.Problem(problem);
    }

    private static ProblemHttpResult Refused(IngestItemResult item)
    {
        var detail = item.Code == SignalErrorCodes.ApprovalRequired
            ? "The convenant requires an approval before this submission."
            : "The convenant does not permit this submission.";
        var problem = HubProblems.Create(StatusCodes.Status403Forbidden, item.Code!, detail);
        problem.Extensions["clauses"] = item.Clauses;
        return TypedResults.Problem(problem);
    }

    private sealed record ReadRequest(byte[] Body, IdempotencyKey? Key, byte[] Hash);
}
