using System.Diagnostics;
using Mnemo.Benchmarks.Reporting;

namespace Mnemo.Cli.Output;

/// <summary>
/// Progress of a long phase (an import, a reindex, a benchmark) on stderr, rewritten in place at most a few times a second; silent unless
/// stderr is a terminal, so that logs and tests see only the results.
/// </summary>
internal sealed class ProgressLine : IBenchmarkProgress
{
    private static readonly long s_interval = Stopwatch.Frequency / 4;

    private readonly TextWriter? _error;
    private long _last;
    private bool _open;

    /// <summary>Shows progress on <paramref name="error"/> when it is the process's stderr and that is a terminal.</summary>
    public ProgressLine(TextWriter error) =>
        _error = !Console.IsErrorRedirected && ReferenceEquals(error, Console.Error) ? error : null;

    /// <summary>Shows <paramref name="done"/> of <paramref name="total"/> for a phase.</summary>
    public void Report(string phase, long done, long total) => Report(phase, done, total, null);

    /// <summary>Shows <paramref name="done"/> of <paramref name="total"/> for a phase, then <paramref name="detail"/> when given.</summary>
    public void Report(string phase, long done, long total, string? detail)
    {
        if (_error is null || (Stopwatch.GetTimestamp() - _last < s_interval && done < total))
        {
            return;
        }

        _last = Stopwatch.GetTimestamp();
        _error.Write($"\r{phase}: {done:N0}/{total:N0} ({100.0 * done / Math.Max(1, total):0}%){(detail is null ? "" : $", {detail}")}   ");
        _open = true;
    }

    /// <summary>A sink that shows reports of type <typeparamref name="T"/> as a phase's progress, on the reporting thread.</summary>
    public IProgress<T> For<T>(string phase, Func<T, (long Done, long Total)> measure) => new Sink<T>(this, phase, measure);

    /// <summary>Ends the progress line, if any, and shows a line of text.</summary>
    public void Line(string text)
    {
        End();
        _error?.WriteLine(text);
    }

    /// <summary>Ends the progress line, if any.</summary>
    public void End()
    {
        if (_error is not null && _open)
        {
            _error.WriteLine();
            _open = false;
        }
    }

    private sealed class Sink<T>(ProgressLine line, string phase, Func<T, (long Done, long Total)> measure) : IProgress<T>
    {
        public void Report(T value)
        {
            var (done, total) = measure(value);
            line.Report(phase, done, total);
        }
    }
}
