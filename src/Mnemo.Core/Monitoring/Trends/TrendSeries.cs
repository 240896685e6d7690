using System.Globalization;

namespace Mnemo.Core.Monitoring.Trends;

/// <summary>A validated series ready for the statistics: samples sorted by time, times as seconds since the first
/// sample.</summary>
/// <remarks>Samples may arrive in any order (several processes append to one history); they are sorted here, so every
/// statistic sees time order. Two samples at the same instant are rejected: the trend test compares every later sample
/// with every earlier one, and a pair with no order has no slope.</remarks>
internal sealed class TrendSeries
{
    private TrendSeries(DateTimeOffset origin, double[] seconds, double[] values)
    {
        Origin = origin;
        Seconds = seconds;
        Values = values;
    }

    /// <summary>The time of the first sample; <see cref="Seconds"/> count from it.</summary>
    public DateTimeOffset Origin { get; }

    /// <summary>Sample times in seconds since <see cref="Origin"/>, strictly increasing.</summary>
    public double[] Seconds { get; }

    /// <summary>Sample values, in the order of <see cref="Seconds"/>.</summary>
    public double[] Values { get; }

    /// <summary>The number of samples.</summary>
    public int Count => Values.Length;

    /// <summary>The time of sample <paramref name="index"/>.</summary>
    public DateTimeOffset TimeAt(int index) => Origin + TimeSpan.FromSeconds(Seconds[index]);

    /// <summary>Validates and sorts <paramref name="samples"/>.</summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite, or two samples share a time.</exception>
    public static TrendSeries From(IReadOnlyList<TrendSample> samples, string paramName)
    {
        ArgumentNullException.ThrowIfNull(samples, paramName);
        int n = samples.Count;
        var sorted = new TrendSample[n];
        for (int i = 0; i < n; i++)
        {
            TrendSample sample = samples[i];
            if (!double.IsFinite(sample.Value))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Sample {i} (at {sample.Time:O}) has the value {sample.Value}; trend statistics need finite values. Drop the sample or fill the gap before testing."),
                    paramName);
            }

            sorted[i] = sample;
        }

        // A stable sort is not needed: equal times are rejected below.
        Array.Sort(sorted, static (a, b) => a.Time.CompareTo(b.Time));
        var seconds = new double[n];
        var values = new double[n];
        DateTimeOffset origin = n > 0 ? sorted[0].Time : default;
        for (int i = 0; i < n; i++)
        {
            if (i > 0 && sorted[i].Time == sorted[i - 1].Time)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Two samples share the time {sorted[i].Time:O}; a trend needs one value per instant. Keep one of them (or average them) before testing."),
                    paramName);
            }

            seconds[i] = (sorted[i].Time - origin).TotalSeconds;
            values[i] = sorted[i].Value;
        }

        return new TrendSeries(origin, seconds, values);
    }
}
