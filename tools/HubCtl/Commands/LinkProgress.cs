namespace SharingHub.HubCtl.Commands;

/// <summary>Progress of `hubctl link` on a terminal: one rewritten line on stderr. Only made when interactive.</summary>
internal sealed class ConsoleProgress(TextWriter error) : IProgress<double>
{
    private string _stage = string.Empty;
    private int _lastPercent = -1;

    public void Stage(string stage)
    {
        _stage = stage;
        _lastPercent = -1;
        Report(0);
    }

    public void Report(double value)
    {
        var percent = (int)Math.Clamp(value * 100, 0, 100);
        if (percent == _lastPercent)
        {
            return;
        }

        _lastPercent = percent;
        lock (error)
        {
            error.Write($"\r{_stage}: {percent,3}%   ");
        }
    }

    public void Done() => error.WriteLine("\rdone.                                        ");
}
