using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace SharingHub.Hub.Errors;

/// <summary>
/// Builds and writes <c>application/problem+json</c> responses with the stable <c>code</c> extension.
/// Titles are fixed per code; <c>detail</c> is for safe, identifier-free explanations only.
/// </summary>
public static class HubProblems
{
    /// <summary>Name of the ProblemDetails extension that carries the stable error code.</summary>
    public const string CodeExtension = "code";

    /// <summary>Name of the ProblemDetails extension that carries the W3C trace id.</summary>
    public const string TraceIdExtension = "traceId";

    /// <summary>A ProblemDetails result for an endpoint: <c>return HubProblems.Result(403, ErrorCodes.Forbidden)</c>.</summary>
    public static ProblemHttpResult Result(int status, string code, string? detail = null) =>
        TypedResults.Problem(Create(status, code, detail));

    /// <summary>Creates a ProblemDetails with the code and the standard title for the status.</summary>
    public static ProblemDetails Create(int status, string code, string? detail = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        var problem = new ProblemDetails { Status = status, Title = TitleFor(status), Detail = detail };
        problem.Extensions[CodeExtension] = code;
        return problem;
    }

    /// <summary>Writes a problem response directly (middleware, authorisation handlers, rejection callbacks).</summary>
    public static async ValueTask WriteAsync(HttpContext context, int status, string code, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = Create(status, code, detail),
        }).ConfigureAwait(false);
    }

    /// <summary>The default code for a status when nothing more specific was set.</summary>
    public static string CodeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ErrorCodes.BadRequest,
        StatusCodes.Status401Unauthorized => ErrorCodes.Unauthenticated,
        StatusCodes.Status403Forbidden => ErrorCodes.Forbidden,
        StatusCodes.Status404NotFound => ErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ErrorCodes.MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => ErrorCodes.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ErrorCodes.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => ErrorCodes.TooManyRequests,
        StatusCodes.Status503ServiceUnavailable => ErrorCodes.Unavailable,
        >= 400 and < 500 => ErrorCodes.ClientError,
        _ => ErrorCodes.Unexpected,
    };

    internal static string TitleFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is invalid.",
        StatusCodes.Status401Unauthorized => "Authentication is required.",
        StatusCodes.Status403Forbidden => "The caller may not do this.",
        StatusCodes.Status404NotFound => "Not found.",
        StatusCodes.Status405MethodNotAllowed => "Method not allowed.",
        StatusCodes.Status409Conflict => "Conflict.",
        StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported content type.",
        StatusCodes.Status422UnprocessableEntity => "The request cannot be processed.",
        StatusCodes.Status429TooManyRequests => "Too many requests.",
        StatusCodes.Status503ServiceUnavailable => "Service unavailable.",
        >= 500 => "An unexpected error occurred.",
        _ => "The request failed.",
    };
}
