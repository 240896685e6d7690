using Mnemo.Core.Monitoring.Trends;

namespace Mnemo.Core.Tests.Monitoring.Trends;

/// <summary>A synthetic heap size sampled every 15 s under a noisy workload: a garbage collector's sawtooth with a
/// jittered period, Gaussian measurement noise, occasional allocation spikes, and optionally a leak that retains
/// memory at a steady rate from a given sample on.</summary>
internal sealed class SimulatedHeap
{
    public const double MiB = 1024 * 1024;
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    public const double Baseline = 200 * MiB;
    public const double SawtoothAmplitude = 24 * MiB; // allocated between two collections, then freed
    public const int ShortestCycle = 6;               // samples between collections: 6 to 10 (90 s to 150 s)
    public const int LongestCycle = 10;
    public const double NoiseDeviation = 2 * MiB;
    public const double SpikeProbability = 0.02;      // one sample in 50 catches a burst of 40 MiB
    public const double SpikeSize = 40 * MiB;

    private static readonly DateTimeOffset s_origin = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);

    private readonly Random _random;

    public SimulatedHeap(int seed) => _random = new Random(seed);

    /// <summary>Generates <paramref name="count"/> samples; from sample <paramref name="leakStart"/> on, the heap
    /// also grows by <paramref name="leakPerMinute"/> bytes per minute.</summary>
    public List<TrendSample> Generate(int count, double leakPerMinute = 0, int leakStart = 0)
    {
        var samples = new List<TrendSample>(count);
        int cycle = NextCycle();
        double phase = _random.NextDouble() * cycle;
        for (int i = 0; i < count; i++)
        {
            double sawtooth = SawtoothAmplitude * phase / cycle;
            double leak = i >= leakStart ? leakPerMinute * (i - leakStart) * Interval.TotalMinutes : 0;
            double spike = _random.NextDouble() < SpikeProbability ? SpikeSize : 0;
            double value = Baseline + sawtooth + leak + spike + NoiseDeviation * Gaussian(_random);
            samples.Add(new TrendSample(s_origin + i * Interval, value));

            phase += 1;
            if (phase >= cycle)
            {
                phase -= cycle;
                cycle = NextCycle();
            }
        }

        return samples;
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    public static double Gaussian(Random random)
    {
        double u1 = 1 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private int NextCycle() => _random.Next(ShortestCycle, LongestCycle + 1);
}
