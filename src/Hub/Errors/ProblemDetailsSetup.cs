using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace SharingHub.Hub.Errors;

/// <summary>Registers ProblemDetails so that every error response, including framework ones, carries a code.</summary>
internal static class ProblemDetailsSetup
{
    public static IServiceCollection AddHubProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Customize);
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        return services;
    }

    /// <summary>Exception handler first, then status-code pages (404/405/415/... without a body get one).</summary>
    public static WebApplication UseHubProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = StatusFor,
            // The handler logs by type only; the middleware's own log line would include the exception message.
            SuppressDiagnosticsCallback = _ => true,
        });
        app.UseStatusCodePages();
        return app;
    }

    private static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Status = status;
        if (!problem.Extensions.ContainsKey(HubProblems.CodeExtension))
        {
            // A framework-made problem (404, 405, 415, bad request, ...): our code and title.
            problem.Extensions[HubProblems.CodeExtension] = HubProblems.CodeFor(status);
            problem.Title = HubProblems.TitleFor(status);
        }

        if (status >= 500)
        {
            // Never leak exception text: it may carry values from the request.
            problem.Detail = null;
            problem.Title = "An unexpected error occurred.";
            problem.Extensions.Remove("exception");
        }

        problem.Instance = null;
        problem.Extensions.Remove("requestId");
        problem.Extensions[HubProblems.TraceIdExtension] =
            Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
    }
}
