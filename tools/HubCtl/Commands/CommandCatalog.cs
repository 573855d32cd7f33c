using System.CommandLine;

namespace SharingHub.HubCtl.Commands;

/// <summary>One line per top-level command; each command lives in its own file.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        yield return SynthCommand.Create(context);
        yield return PseudonymiseCommand.Create(context);
        yield return ConvenantCommand.Create(context);
        yield return ScrubCommand.Create(context);
        yield return BenchCommand.Create(context);
        yield return LinkCommand.Create(context);
        yield return EvalCommand.Create(context);
        yield return LoadCommand.Create(context);
        yield return AuditCommand.Create(context);
    }
}
