using System.CommandLine;
using SharingHub.Policies.Linting;
using SharingHub.Policies.Loading;

namespace SharingHub.HubCtl.Commands;

/// <summary><c>hubctl convenant lint FILE...</c>: exit 0 when every file is valid and lint-clean (warnings allowed), 1 otherwise, 2 for usage.</summary>
internal static class ConvenantLintCommand
{
    public static Command Create(CommandContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "Convenant JSON files", Arity = ArgumentArity.OneOrMore };
        var command = new Command("lint", "Validate convenants and report clause-level findings") { files };
        command.SetAction(parse => Run(context, parse.GetValue(files) ?? []));
        return command;
    }

    private static int Run(CommandContext context, string[] files)
    {
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                context.Error.WriteLine($"hubctl: {ConvenantCommand.FileNotFound} convenant file not found: {file}");
                return HubCtlApp.UsageError;
            }
        }

        var failed = false;
        var now = context.Time.GetUtcNow();
        foreach (var file in files)
        {
            var load = ConvenantLoader.LoadFile(file);
            var findings = load.Convenant is null ? load.Errors : ConvenantLinter.Lint(load.Convenant, now);
            var errors = findings.Count(f => f.Severity == FindingSeverity.Error);
            var warnings = findings.Count - errors;
            foreach (var finding in findings)
            {
                context.Output.WriteLine($"{file}: {finding}");
            }

            var label = load.Convenant is null ? "invalid" : errors > 0 ? "lint errors" : "ok";
            context.Output.WriteLine($"{file}: {label} ({errors} errors, {warnings} warnings)");
            failed |= errors > 0;
        }

        return failed ? HubCtlApp.CheckFailed : HubCtlApp.Success;
    }
}
