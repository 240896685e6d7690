namespace Mnemo.Core.Retrieval;

/// <summary>
/// The rate of a long catch-up and the time left at it, measured from its first report (so that loading the index and
/// the model before the first batch does not count as indexing).
/// </summary>
internal sealed class ProgressRate(TimeProvider clock)
{
    private long _firstDone = -1;
    private long _firstAt;

    /// <summary><paramref name="done"/> of <paramref name="total"/> with the rate and estimate, measured now.</summary>
    public ReindexProgress Measure(long done, long total)
    {
        var now = clock.GetTimestamp();
        if (_firstDone < 0)
        {
            (_firstDone, _firstAt) = (done, now);
        }

        var (perSecond, remaining) = Estimate(done - _firstDone, clock.GetElapsedTime(_firstAt, now), total - done);
        return new ReindexProgress(done, total) { PerSecond = perSecond, Remaining = remaining };
    }

    /// <summary>The rate of <paramref name="done"/> in <paramref name="elapsed"/>, and the time <paramref name="left"/> takes at it; null before there is a rate.</summary>
    public static (double? PerSecond, TimeSpan? Remaining) Estimate(long done, TimeSpan elapsed, long left)
    {
        if (done <= 0 || elapsed <= TimeSpan.Zero)
        {
            return (null, null);
        }

        var perSecond = done / elapsed.TotalSeconds;
        return (perSecond, TimeSpan.FromSeconds(Math.Max(0, left) / perSecond));
    }
}
