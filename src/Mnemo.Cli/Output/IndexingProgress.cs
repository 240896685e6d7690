using System.Diagnostics;
using System.Globalization;
using Mnemo.Core.Retrieval;

namespace Mnemo.Cli.Output;

/// <summary>
/// Shows a catch-up of the indexes with Core's rate and estimate: in place on a terminal (<see cref="ProgressLine"/>), or
/// as lines on stderr for <c>--progress</c>, at most one a second and always the last, so a long indexing is never silent.
/// </summary>
internal sealed class IndexingProgress : IProgress<ReindexProgress>
{
    private static readonly TimeSpan s_lineInterval = TimeSpan.FromSeconds(1);

    private readonly ProgressLine? _line;
    private readonly TextWriter? _lines;
    private long _lastLine;

    private IndexingProgress(ProgressLine? line, TextWriter? lines) => (_line, _lines) = (line, lines);

    /// <summary>Progress drawn in place on <paramref name="line"/> (which stays silent unless stderr is a terminal).</summary>
    public static IndexingProgress InPlace(ProgressLine line) => new(line, null);

    /// <summary>Progress as lines on <paramref name="error"/>.</summary>
    public static IndexingProgress AsLines(TextWriter error) => new(null, error);

    public void Report(ReindexProgress value)
    {
        var detail = Detail(value);
        _line?.Report("indexing", value.Covered, value.Total, detail);
        if (_lines is null)
        {
            return;
        }

        var last = value.Covered >= value.Total;
        if (!last && _lastLine != 0 && Stopwatch.GetElapsedTime(_lastLine) < s_lineInterval)
        {
            return;
        }

        _lastLine = Stopwatch.GetTimestamp();
        var percent = 100.0 * value.Covered / Math.Max(1, value.Total);
        _lines.WriteLine(string.Create(CultureInfo.InvariantCulture, $"indexed {value.Covered}/{value.Total} ({percent:0}%){(detail is null ? "" : $", {detail}")}"));
        _lines.Flush();
    }

    /// <summary>"1,050/s, about 1 min 24 s left", or null before Core has a rate.</summary>
    public static string? Detail(ReindexProgress value) => value is { PerSecond: { } perSecond, Remaining: { } remaining }
        ? string.Create(CultureInfo.InvariantCulture, $"{perSecond:N0}/s, about {Duration(remaining)} left")
        : null;

    private static string Duration(TimeSpan time) => time.TotalSeconds switch
    {
        < 1 => "0 s",
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalSeconds} s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalMinutes} min {time.Seconds} s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours} h {time.Minutes} min"),
    };
}
