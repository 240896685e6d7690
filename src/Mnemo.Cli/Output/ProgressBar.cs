namespace Mnemo.Cli.Output;

/// <summary>A one-line progress bar redrawn in place on a terminal's standard error.</summary>
internal sealed class ProgressBar(TextWriter error, string label) : IProgress<(long Done, long Total)>
{
    private const int Width = 30;
    private int _lastPermille = -1;

    /// <summary>True when standard error is a terminal this command writes to, so redrawing in place makes sense.</summary>
    public static bool Fits(CommandContext context) => !Console.IsErrorRedirected && context.Error == Console.Error;

    public void Report((long Done, long Total) value)
    {
        var fraction = value.Total <= 0 ? 1 : Math.Clamp((double)value.Done / value.Total, 0, 1);
        var permille = (int)(fraction * 1000);
        if (permille == _lastPermille)
        {
            return;
        }

        _lastPermille = permille;
        var filled = (int)(fraction * Width);
        error.Write($"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {value.Done}/{value.Total}");
    }

    /// <summary>Ends the bar's line.</summary>
    public void Finish() => error.WriteLine();
}
