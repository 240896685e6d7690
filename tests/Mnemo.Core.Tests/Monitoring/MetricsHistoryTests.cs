using Mnemo.Core.Monitoring;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Monitoring;

/// <summary>Samples go to a bounded history in the store, where every process's samples are read back together.</summary>
[Trait("Issue", "17")]
[Collection(MeterCollection.Name)]
public sealed class MetricsHistoryTests : EngineTestBase
{
    private static readonly DateTimeOffset s_always = DateTimeOffset.UnixEpoch;

    [Fact]
    public async Task Sample_BeyondTheLimit_KeepsTheNewestOnly()
    {
        await using var engine = await OpenAsync(o => o.MetricsHistoryLimit = 3);
        var written = new List<MetricSample>();
        for (var i = 0; i < 5; i++)
        {
            written.Add(await engine.SampleAsync(Ct));
            Clock.Advance(TimeSpan.FromSeconds(10));
        }

        var kept = await engine.GetMetricSamplesAsync(s_always, cancellationToken: Ct);

        Assert.Equal(written.Skip(2).Select(s => s.Id), kept.Select(s => s.Id));
        Assert.Equal(3, (await engine.GetMetricsAsync(cancellationToken: Ct)).Store.MetricSamples);
    }

    [Fact]
    public async Task Sample_OlderThanRetention_IsTrimmed()
    {
        await using var engine = await OpenAsync(o => o.MetricsRetention = TimeSpan.FromHours(1));
        var old = await engine.SampleAsync(Ct);
        Clock.Advance(TimeSpan.FromMinutes(30));
        var middle = await engine.SampleAsync(Ct);
        Clock.Advance(TimeSpan.FromMinutes(45));

        var latest = await engine.SampleAsync(Ct);

        var kept = await engine.GetMetricSamplesAsync(s_always, cancellationToken: Ct);
        Assert.Equal([middle.Id, latest.Id], kept.Select(s => s.Id));
        Assert.True(old.Id < middle.Id);
    }

    [Fact]
    public async Task Sample_ReadBack_HoldsTheSnapshotTaken()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "n/1", Text = "x" }, Ct);

        var sample = await Engine.SampleAsync(Ct);

        var read = Assert.Single(await Engine.GetMetricSamplesAsync(s_always, cancellationToken: Ct));
        Assert.Equal(sample, read);
        Assert.Equal(Environment.ProcessId, read.ProcessId);
        Assert.Equal(Environment.MachineName, read.Host);
        Assert.Equal(Clock.GetUtcNow(), read.At);
        var snapshot = read.ReadSnapshot();
        Assert.Equal("n", Assert.Single(snapshot.Store.Namespaces).Prefix);
        Assert.Equal(read.At, snapshot.Process.At);
    }

    [Fact]
    public async Task Samples_OfTwoEngines_MeetInOneHistory()
    {
        await using var ann = await OpenAsync(o => o.Agent = "ann");
        await using var bob = await OpenAsync(o => o.Agent = "bob");

        await ann.SampleAsync(Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await bob.SampleAsync(Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await ann.SampleAsync(Ct);

        var fromBob = await bob.GetMetricSamplesAsync(s_always, cancellationToken: Ct);
        var fromAnn = await ann.GetMetricSamplesAsync(s_always, Environment.ProcessId, Ct);
        Assert.Equal(["ann", "bob", "ann"], fromBob.Select(s => s.Agent));
        Assert.Equal(fromBob, fromAnn);
        Assert.Empty(await ann.GetMetricSamplesAsync(s_always, Environment.ProcessId + 1, Ct));
        Assert.Single(await ann.GetMetricSamplesAsync(Clock.GetUtcNow(), cancellationToken: Ct));
    }
}
