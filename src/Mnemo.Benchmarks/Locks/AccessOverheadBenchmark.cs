using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mnemo.Core;
using Mnemo.Core.Coordination;

namespace Mnemo.Benchmarks.Locks;

/// <summary>
/// The cost of access rules on writes: the same single-entry puts into a store with no rules and into one where a swarm's
/// rules are in force (every agent writes its own prefix and reads the swarm), measured in alternating rounds so that the
/// machine's load falls on both sides alike.
/// </summary>
internal static class AccessOverheadBenchmark
{
    private const int Rounds = 10;
    private const int SwarmAgents = 32;
    private const string Agent = "agent-01";

    public static async Task<AccessOverheadResult> RunAsync(string directory, int puts, CancellationToken cancellationToken)
    {
        var open = await OpenAsync(Path.Combine(directory, "acl-open.db"), cancellationToken).ConfigureAwait(false);
        await using var openScope = open.ConfigureAwait(false);
        var ruled = await OpenAsync(Path.Combine(directory, "acl-ruled.db"), cancellationToken).ConfigureAwait(false);
        await using var ruledScope = ruled.ConfigureAwait(false);
        var rules = await GrantSwarmRulesAsync(Path.Combine(directory, "acl-ruled.db"), cancellationToken).ConfigureAwait(false);

        var perRound = Math.Max(1, puts / Rounds);
        var openMs = new List<double>(perRound * Rounds);
        var ruledMs = new List<double>(perRound * Rounds);
        await PutAsync(open, 0, perRound, null, cancellationToken).ConfigureAwait(false); // warm-up, not counted
        await PutAsync(ruled, 0, perRound, null, cancellationToken).ConfigureAwait(false);
        for (var round = 0; round < Rounds; round++)
        {
            await PutAsync(open, round * perRound, perRound, openMs, cancellationToken).ConfigureAwait(false);
            await PutAsync(ruled, round * perRound, perRound, ruledMs, cancellationToken).ConfigureAwait(false);
        }

        return new AccessOverheadResult(rules, LatencySummary.Of(openMs), LatencySummary.Of(ruledMs));
    }

    private static Task<MnemoEngine> OpenAsync(string path, CancellationToken cancellationToken) =>
        MnemoEngine.OpenAsync(new MnemoOptions { Agent = Agent }.UseSqlite(path), cancellationToken);

    /// <summary>An admin plus, for each agent of the swarm, write on its own prefix and read on the swarm's.</summary>
    private static async Task<int> GrantSwarmRulesAsync(string path, CancellationToken cancellationToken)
    {
        var admin = await MnemoEngine.OpenAsync(new MnemoOptions { Agent = "coordinator" }.UseSqlite(path), cancellationToken).ConfigureAwait(false);
        await using (admin.ConfigureAwait(false))
        {
            await admin.GrantAsync("coordinator", "", AccessRight.Admin, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < SwarmAgents; i++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"agent-{i:D2}");
                await admin.GrantAsync(name, "swarm/", AccessRight.Read, cancellationToken).ConfigureAwait(false);
                await admin.GrantAsync(name, $"swarm/{name}/", AccessRight.Write, cancellationToken).ConfigureAwait(false);
            }

            return (await admin.ListAccessRulesAsync(cancellationToken).ConfigureAwait(false)).Rules.Count;
        }
    }

    private static async Task PutAsync(MnemoEngine engine, int first, int count, List<double>? latencies, CancellationToken cancellationToken)
    {
        for (var i = first; i < first + count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await engine.StoreAsync(new MemoryWrite { Key = $"swarm/{Agent}/note-{i % 1000}", Text = "a note of about sixty bytes, as agents write them" },
                cancellationToken).ConfigureAwait(false);
            latencies?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}

/// <summary>Put latency with no access rules and with a swarm's rules in force.</summary>
/// <param name="Rules">How many rules the ruled store holds.</param>
/// <param name="Open">Puts into the store with no rules.</param>
/// <param name="Ruled">Puts into the store with the rules.</param>
internal sealed record AccessOverheadResult(int Rules, LatencySummary Open, LatencySummary Ruled)
{
    /// <summary>Median put latency with rules over without.</summary>
    public double MedianRatio => Open.P50 > 0 ? Ruled.P50 / Open.P50 : 0;

    /// <summary>Mean put latency with rules over without.</summary>
    public double MeanRatio => Open.Mean > 0 ? Ruled.Mean / Open.Mean : 0;

    public void WriteFields(Utf8JsonWriter writer)
    {
        writer.WriteNumber("rules", Rules);
        writer.WriteNumber("puts_each", Open.Count);
        writer.WriteStartObject("no_rules");
        Open.WriteFields(writer);
        writer.WriteEndObject();
        writer.WriteStartObject("with_rules");
        Ruled.WriteFields(writer);
        writer.WriteEndObject();
        writer.WriteNumber("p50_ratio", Math.Round(MedianRatio, 3));
        writer.WriteNumber("mean_ratio", Math.Round(MeanRatio, 3));
    }
}
