using System.CommandLine;

namespace SharingHub.HubCtl.Commands;

/// <summary>
/// <c>hubctl convenant lint|explain</c>. hubctl codes of this command: SH9201 file not found, SH9202 invalid option
/// value. Convenant problems themselves carry the Policies codes (SH20xx load errors, SH24xx lint findings).
/// </summary>
internal static class ConvenantCommand
{
    public const string FileNotFound = "SH9201";
    public const string InvalidOption = "SH9202";

    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new Command("convenant", "Check convenants and explain decisions")
        {
            ConvenantLintCommand.Create(context),
            ConvenantExplainCommand.Create(context),
        };
    }
}
