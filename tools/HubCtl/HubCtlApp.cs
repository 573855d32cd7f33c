using System.CommandLine;
using SharingHub.HubCtl.Commands;

namespace SharingHub.HubCtl;

/// <summary>The hubctl command tree. Exit codes: 0 success, 1 a check failed, 2 usage error.</summary>
public static class HubCtlApp
{
    public const int Success = 0;
    public const int CheckFailed = 1;
    public const int UsageError = 2;

    public static RootCommand CreateRoot(CommandContext context)
    {
        var root = new RootCommand("SharingHub command-line tool");
        foreach (var command in CommandCatalog.Create(context))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var context = new CommandContext(output, error, TimeProvider.System);
        var root = CreateRoot(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                await error.WriteLineAsync($"hubctl: {parseError.Message}").ConfigureAwait(false);
            }

            return UsageError;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
    }
}
