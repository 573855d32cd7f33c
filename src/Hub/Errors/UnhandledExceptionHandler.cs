using Microsoft.AspNetCore.Diagnostics;

namespace SharingHub.Hub.Errors;

/// <summary>
/// Logs an unhandled exception by type and stack only (never its message: messages may carry request values)
/// and answers with a coded ProblemDetails without detail.
/// </summary>
internal sealed partial class UnhandledExceptionHandler(ILogger<UnhandledExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException bad)
        {
            var code = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? ErrorCodes.PayloadTooLarge : HubProblems.CodeFor(bad.StatusCode);
            await HubProblems.WriteAsync(httpContext, bad.StatusCode, code).ConfigureAwait(false);
            return true;
        }

        LogUnhandled(logger, exception.GetType().FullName ?? "unknown", exception.StackTrace ?? string.Empty);
        await HubProblems.WriteAsync(httpContext, StatusCodes.Status500InternalServerError, ErrorCodes.Unexpected).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Error, Message = "Unhandled exception {ExceptionType} at {StackTrace}")]
    private static partial void LogUnhandled(ILogger logger, string exceptionType, string stackTrace);
}
