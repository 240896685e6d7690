using Mnemo.Core.Coordination;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Monitoring;

/// <summary>Self-tests run real operations on a scratch namespace, check them, and leave no live entry behind (issue 17).</summary>
[Trait("Issue", "17")]
public sealed class SelfTestTests : EngineTestBase
{
    [Fact]
    public async Task ValidateOperations_HealthyStore_PassesEveryCheckAndLeavesNoEntry()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "notes/kept", Text = "a user's entry, untouched by the self-test" }, Ct);

        var validation = await Engine.ValidateOperationsAsync(Ct);

        Assert.True(validation.Passed, string.Join("; ", validation.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}")));
        Assert.Equal(9, validation.Checks.Count);
        Assert.StartsWith(MnemoEngine.SelfTestNamespace + "/", validation.Namespace, StringComparison.Ordinal);
        Assert.All(validation.Checks, c => Assert.True(c.Milliseconds >= 0));
        Assert.Empty((await Engine.ListAsync(MnemoEngine.SelfTestNamespace + "/", cancellationToken: Ct)).Entries);
        Assert.Equal(["notes/kept"], (await Engine.ListAsync(cancellationToken: Ct)).Entries.Select(e => e.Key));
    }

    [Fact]
    public async Task ValidateOperations_AgentWithoutWriteAccess_FailsAndSaysWhy()
    {
        await using var admin = await OpenAsync(o => o.Agent = "admin");
        await admin.GrantAsync("admin", "", AccessRight.Admin, Ct);
        await admin.GrantAsync("reader", "", AccessRight.Read, Ct);
        await using var reader = await OpenAsync(o => o.Agent = "reader");

        var validation = await reader.ValidateOperationsAsync(Ct);

        Assert.False(validation.Passed);
        var first = validation.Checks[0];
        Assert.False(first.Passed);
        Assert.Contains("reader", first.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, new[] { "store", "get", "list (100)", "search (full text)" })]
    [InlineData(true, new[] { "store", "embed", "search (vector)" })]
    public async Task BenchmarkOperations_MeasuresEachOperationAndForgetsItsEntries(bool vectors, string[] operations)
    {
        var benchmark = await Engine.BenchmarkOperationsAsync(12, vectors, Ct);

        Assert.Equal(operations, benchmark.Timings.Select(t => t.Operation));
        Assert.All(benchmark.Timings, t =>
        {
            Assert.Equal(12, t.Count);
            Assert.InRange(t.P50Milliseconds, 0, t.P95Milliseconds);
            Assert.InRange(t.P95Milliseconds, t.P50Milliseconds, t.MaxMilliseconds);
            Assert.True(t.PerSecond > 0);
        });
        Assert.Equal(await Engine.GetEmbeddingModelAsync(Ct), benchmark.EmbeddingModel);
        Assert.Empty((await Engine.ListAsync(MnemoEngine.SelfTestNamespace + "/", cancellationToken: Ct)).Entries);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task BenchmarkOperations_CountOutOfRange_Throws(int operations) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Engine.BenchmarkOperationsAsync(operations, false, Ct));

    [Fact]
    public async Task GetSystemInfo_MatchesTheRuntimeAndTheStore()
    {
        var info = await Engine.GetSystemInfoAsync(Ct);

        Assert.Equal(Environment.ProcessorCount, info.ProcessorCount);
        Assert.Equal(Environment.ProcessId, info.Process.ProcessId);
        Assert.Equal(System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription, info.Runtime);
        Assert.Equal((await Engine.GetStatusAsync(Ct)).Store.Location, info.Store.Location);
        Assert.False(string.IsNullOrEmpty(info.MnemoVersion));
    }

    [Fact]
    public void OperationTiming_NearestRankPercentiles()
    {
        var timing = Mnemo.Core.Monitoring.SelfTest.OperationTiming.Of("x", [.. Enumerable.Range(1, 20).Select(i => (double)i)]);

        Assert.Equal((10.0, 19.0, 20.0), (timing.P50Milliseconds, timing.P95Milliseconds, timing.MaxMilliseconds));
        Assert.Equal(20 / (210 / 1000.0), timing.PerSecond, 6);
    }
}
