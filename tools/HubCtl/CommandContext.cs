namespace SharingHub.HubCtl;

/// <summary>What every command writes to and reads time from; tests pass their own.</summary>
public sealed record CommandContext(TextWriter Output, TextWriter Error, TimeProvider Time)
{
    /// <summary>True when output goes to a terminal, so long work may show progress.</summary>
    public bool IsInteractive => ReferenceEquals(Output, Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected;
}
