using System.CommandLine;

namespace SharingHub.HubCtl.Commands;

/// <summary>
/// <c>hubctl audit verify|witness|witness-keygen</c>: independent checks of a hub's audit log. hubctl codes of this
/// command: SH9301 verification failed, SH9302 invalid option value, SH9303 file not found, SH9304 authentication failed.
/// </summary>
internal static class AuditCommand
{
    public const string VerificationFailed = "SH9301";
    public const string InvalidOption = "SH9302";
    public const string FileNotFound = "SH9303";
    public const string AuthenticationFailed = "SH9304";

    public static Command Create(CommandContext context) => Create(context, null);

    /// <summary>The command tree; <paramref name="http"/> supplies the HTTP client (tests: an in-memory hub), null for a fresh one.</summary>
    public static Command Create(CommandContext context, HttpClient? http)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Command("audit", "Verify and witness a hub's audit log")
        {
            AuditVerifyCommand.Create(context, http),
            AuditWitnessCommand.Create(context, http),
            AuditWitnessKeygenCommand.Create(context),
        };
    }

    /// <summary>Runs the action with <paramref name="shared"/>, or with a fresh client disposed afterwards.</summary>
    public static async Task<int> WithHttpAsync(HttpClient? shared, Func<HttpClient, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (shared is not null)
        {
            return await action(shared).ConfigureAwait(false);
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        return await action(http).ConfigureAwait(false);
    }

    /// <summary>The hub base URL, always ending in '/'; null when not an absolute http(s) URL.</summary>
    public static Uri? ParseUrl(string? text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
