using Microsoft.AspNetCore.Http.Features;
using SharingHub.Hub.Errors;

namespace SharingHub.Hub.Operations.RequestLimits;

/// <summary>
/// Applies the endpoint's body limit (or the default): a declared Content-Length above it is refused at once with
/// 413 SH3004; a chunked body is cut off while it is read (the read throws a 413 BadHttpRequestException, which the
/// exception handler turns into the same ProblemDetails).
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, RequestLimitOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>()?.MaxBytes ?? options.DefaultMaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await HubProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge,
                "The request body is larger than this endpoint accepts.").ConfigureAwait(false);
            return;
        }

        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength is null)
        {
            context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
        }

        await next(context).ConfigureAwait(false);
    }
}
