using System.Diagnostics;
using System.Globalization;
using Mnemo.TestSupport;

namespace Mnemo.Cli.Tests.Coordination;

/// <summary>Locks between real processes on one database file.</summary>
[Trait("Issue", "6")]
public sealed class LockProcessTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task BenchLocks_FourProcessesIncrementingUnderOneLock_LoseNoUpdate()
    {
        const int agents = 4;
        const int iterations = 30;

        var result = await CliHarness.RunProcessAsync("mnemo.dll",
            ["bench", "locks", "--agents", agents.ToString(CultureInfo.InvariantCulture), "--iterations",
             iterations.ToString(CultureInfo.InvariantCulture), "--dir", _temp.Path, "--acl-puts", "200", "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        Assert.Equal(agents * iterations, json.GetProperty("acquires").GetInt64());
        Assert.Equal(agents * iterations, json.GetProperty("correctness").GetProperty("final_counter").GetInt64());
        Assert.True(json.GetProperty("correctness").GetProperty("mutual_exclusion_held").GetBoolean());
        Assert.True(json.GetProperty("acquire_latency").GetProperty("p50_ms").GetDouble() > 0);
        Assert.Equal(agents, json.GetProperty("per_agent").GetArrayLength());
        var access = json.GetProperty("acl_overhead");
        Assert.Equal(65, access.GetProperty("rules").GetInt32());
        Assert.Equal(200, access.GetProperty("puts_each").GetInt32());
        Assert.True(access.GetProperty("p50_ratio").GetDouble() > 0);
    }

    [Fact]
    public async Task HolderKilledMidLease_AnotherProcessAcquiresAfterTheLeaseEnds()
    {
        var database = _temp.File("killed.db");
        long killedToken;
        using (var holder = CliHarness.Start("Mnemo.TestWorker.dll", ["hold-lock", database, "jobs/nightly", "2", "crashy"]))
        {
            killedToken = long.Parse((await holder.StandardOutput.ReadLineAsync(Ct))!, CultureInfo.InvariantCulture);
            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync(Ct);
        }

        var waited = Stopwatch.StartNew();
        var next = await CliHarness.RunProcessAsync("mnemo.dll",
            ["lock", "acquire", "jobs/nightly", "--timeout", "20s", "--json", "--agent", "successor", "--db", database]);
        var stale = await CliHarness.RunProcessAsync("mnemo.dll",
            ["store", "jobs/nightly", "late write", "--fence", killedToken.ToString(CultureInfo.InvariantCulture), "--agent", "crashy", "--db", database]);

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.True(next.Json().GetProperty("token").GetInt64() > killedToken);
        Assert.Equal("successor", next.Json().GetProperty("agent").GetString());
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(15), $"took {waited.Elapsed} to take over a 2 s lease");
        Assert.Equal(1, stale.ExitCode);
        Assert.Contains($"fencing token {killedToken}", stale.Error, StringComparison.Ordinal);
    }
}
