using System.CommandLine;
using SharingHub.HubCtl.Commands;

namespace SharingHub.HubCtl.Audit;

/// <summary>
/// Runs <c>hubctl audit ...</c> with the real argument parsing but a given <see cref="HttpClient"/>, so an in-process
/// hub (tests) can be verified exactly as the command line does. <paramref name="args"/> start after <c>audit</c>.
/// </summary>
public static class AuditCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, HttpClient http, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        var root = new RootCommand("hubctl") { AuditCommand.Create(new CommandContext(output, error, time), http) };
        var parse = root.Parse(["audit", .. args]);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync($"hubctl: {parseError.Message}").ConfigureAwait(false);
            }

            return HubCtlApp.UsageError;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
    }
}
