using System.Text.Json;
using Mnemo.Core.Monitoring.Optimization;

namespace Mnemo.Core.Tests.Monitoring.Optimization;

[Trait("Issue", "17")]
public sealed class OptimizationReportJsonTests
{
    [Fact]
    public void Read_WrittenReport_GivesItBack()
    {
        var result = new OptimizationResult("vacuum", OptimizationOutcome.Acted, "database and write-ahead log files", 4096 * 10, 4096 * 4,
            TimeSpan.FromMilliseconds(12.5), "rewrote the database")
        {
            Figures = [new OptimizationFigure("free_pages", 6, 0), new OptimizationFigure("wal_file_bytes", 100, null)],
            Ratios = [new OptimizationRatio("recall_at_10", 0.875)],
        };
        var peer = new OptimizationReport("host-b", 42, new DateTimeOffset(2026, 12, 7, 21, 0, 0, TimeSpan.Zero), false, [result], TimeSpan.FromSeconds(1))
        {
            RequestId = "abc",
        };
        var report = peer with { Host = "host-a", ProcessId = 7, Peers = [peer], PeersWaited = TimeSpan.FromSeconds(2) };

        var read = OptimizationReportJson.Read(OptimizationReportJson.Write(report));

        Assert.Equal(report.Host, read.Host);
        Assert.Equal(report.ProcessId, read.ProcessId);
        Assert.Equal(report.At, read.At);
        Assert.Equal(report.RequestId, read.RequestId);
        Assert.Equal(report.PeersWaited, read.PeersWaited);
        var readResult = Assert.Single(read.Results);
        Assert.Equal(result with { Figures = [], Ratios = [] }, readResult with { Figures = [], Ratios = [] });
        Assert.Equal(result.Figures, readResult.Figures);
        Assert.Equal(result.Ratios, readResult.Ratios);
        Assert.Equal(peer.Host, Assert.Single(read.Peers).Host);
    }

    [Fact]
    public void Write_DryRunResult_HasNullAfterAndFreed()
    {
        var result = new OptimizationResult("checkpoint-wal", OptimizationOutcome.DryRun, "write-ahead log file", 8192, null, TimeSpan.Zero, "would copy");
        var report = new OptimizationReport("h", 1, DateTimeOffset.UnixEpoch, true, [result], TimeSpan.Zero);

        using var json = JsonDocument.Parse(OptimizationReportJson.Write(report));

        var written = json.RootElement.GetProperty("results")[0];
        Assert.Equal("dry_run", written.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, written.GetProperty("bytes_after").ValueKind);
        Assert.Equal(JsonValueKind.Null, written.GetProperty("freed_bytes").ValueKind);
        Assert.Equal(8192, written.GetProperty("bytes_before").GetInt64());
    }
}
