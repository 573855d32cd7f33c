namespace SharingHub.Hub.Signals;

/// <summary>Writes exactly the bytes that were (or will be) stored as the idempotent response.</summary>
internal sealed class StoredJsonResult(int status, string contentType, byte[] body, string? location = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = contentType;
        if (location is not null)
        {
            httpContext.Response.Headers.Location = location;
        }

        await httpContext.Response.Body.WriteAsync(body).ConfigureAwait(false);
    }
}
