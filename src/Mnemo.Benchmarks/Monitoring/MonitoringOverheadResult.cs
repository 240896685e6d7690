using System.Globalization;
using System.Text.Json;

namespace Mnemo.Benchmarks.Monitoring;

/// <summary>What <c>mnemo bench monitoring-overhead</c> measured.</summary>
internal sealed record MonitoringOverheadResult(MonitoringOverheadOptions Options, IReadOnlyList<Round> Without, IReadOnlyList<Round> With)
{
    /// <summary>Puts per second over every round without sampling.</summary>
    public double PlainPutsPerSecond => Without.Sum(r => r.Puts) / Without.Sum(r => r.Seconds);

    /// <summary>Puts per second over every round with sampling.</summary>
    public double SampledPutsPerSecond => With.Sum(r => r.Puts) / With.Sum(r => r.Seconds);

    /// <summary>Sampled throughput over plain throughput (1 = no cost; noisy).</summary>
    public double ThroughputRatio => SampledPutsPerSecond / PlainPutsPerSecond;

    /// <summary>The share of the sampled rounds' time spent inside sampling, timed directly.</summary>
    public double SamplingShare => With.Sum(r => r.SamplingSeconds) / With.Sum(r => r.Seconds);

    /// <summary>Samples taken.</summary>
    public int Samples => With.Sum(r => r.Samples);

    /// <summary>The mean time of one sample, milliseconds.</summary>
    public double MeanSampleMillis => Samples == 0 ? 0 : With.Sum(r => r.SamplingSeconds) * 1000 / Samples;

    /// <summary>
    /// The share of time sampling would take at the interval, from the measured cost of one sample: the overhead of a
    /// process that samples every interval, independent of how long the rounds were.
    /// </summary>
    public double ProjectedShare => MeanSampleMillis / Options.Interval.TotalMilliseconds;

    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("benchmark", "monitoring-overhead");
        writer.WriteNumber("puts_per_round", Options.Puts);
        writer.WriteNumber("rounds_each", Options.Rounds);
        writer.WriteNumber("interval_ms", Options.Interval.TotalMilliseconds);
        writer.WriteNumber("value_size", Options.ValueSize);
        writer.WriteNumber("seed", Options.Seed);
        writer.WriteNumber("plain_puts_per_sec", Math.Round(PlainPutsPerSecond, 1));
        writer.WriteNumber("sampled_puts_per_sec", Math.Round(SampledPutsPerSecond, 1));
        writer.WriteNumber("throughput_ratio", Math.Round(ThroughputRatio, 4));
        writer.WriteNumber("samples", Samples);
        writer.WriteNumber("mean_sample_ms", Math.Round(MeanSampleMillis, 3));
        writer.WriteNumber("sampling_share", Math.Round(SamplingShare, 5));
        writer.WriteNumber("projected_share_at_interval", Math.Round(ProjectedShare, 5));
        writer.WriteEndObject();
    }

    public async Task WriteTextAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync(string.Create(CultureInfo.CurrentCulture,
            $"puts/s:         {PlainPutsPerSecond:N0} plain, {SampledPutsPerSecond:N0} sampled (ratio {ThroughputRatio:0.000})")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.CurrentCulture,
            $"sampling:       {Samples} samples, {MeanSampleMillis:0.00} ms each, {SamplingShare:P2} of the sampled rounds' time")).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.CurrentCulture,
            $"at {Options.Interval.TotalSeconds:0.###} s:        {ProjectedShare:P3} of a process's time")).ConfigureAwait(false);
    }
}
