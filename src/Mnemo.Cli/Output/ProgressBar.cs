namespace Mnemo.Cli.Output;

/// <summary>A one-line progress bar redrawn in place on a terminal's standard error.</summary>
internal sealed class ProgressBar(TextWriter error, string label)
{
    private const int Width = 30;
    private int _lastPermille = -1;

    /// <summary>True when standard error is a terminal this command writes to, so redrawing in place makes sense.</summary>
    public static bool Fits(CommandContext context) => !Console.IsErrorRedirected && context.Error == Console.Error;

    /// <summary>A progress sink that draws this bar from reports of type <typeparamref name="T"/>, on the reporting thread.</summary>
    public IProgress<T> For<T>(Func<T, (long Done, long Total)> measure) => new Sink<T>(this, measure);

    public void Report(long done, long total)
    {
        var fraction = total <= 0 ? 1 : Math.Clamp((double)done / total, 0, 1);
        var permille = (int)(fraction * 1000);
        if (permille == _lastPermille)
        {
            return;
        }

        _lastPermille = permille;
        var filled = (int)(fraction * Width);
        error.Write($"\r{label} [{new string('#', filled)}{new string('.', Width - filled)}] {done}/{total}");
    }

    /// <summary>Ends the bar's line.</summary>
    public void Finish() => error.WriteLine();

    private sealed class Sink<T>(ProgressBar bar, Func<T, (long Done, long Total)> measure) : IProgress<T>
    {
        public void Report(T value)
        {
            var (done, total) = measure(value);
            bar.Report(done, total);
        }
    }
}
