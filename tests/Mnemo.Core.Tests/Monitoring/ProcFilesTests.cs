using Mnemo.Core.Monitoring;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Monitoring;

/// <summary>The /proc figures are parsed from their real layout, and their absence is reported, not thrown.</summary>
[Trait("Issue", "17")]
public sealed class ProcFilesTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Read_LinuxFiles_ReturnsKibibytesAsBytes()
    {
        var memInfo = Write("meminfo", "MemTotal:       16318412 kB\nMemFree:         1234567 kB\nMemAvailable:    8000000 kB\nBuffers:  10 kB\n");
        var status = Write("status", "Name:\tdotnet\nVmPeak:\t  500000 kB\nVmRSS:\t  123456 kB\nThreads:\t12\n");

        var (total, available, resident, reason) = ProcFiles.Read(isLinux: true, memInfo, status);

        Assert.Equal(16318412L * 1024, total);
        Assert.Equal(8000000L * 1024, available);
        Assert.Equal(123456L * 1024, resident);
        Assert.Null(reason);
    }

    [Fact]
    public void Read_MissingFieldAndMissingFile_GiveNullsWithReasons()
    {
        var memInfo = Write("meminfo", "MemTotal:       1000 kB\n");

        var (total, available, resident, reason) = ProcFiles.Read(isLinux: true, memInfo, _temp.File("no-such-status"));

        Assert.Equal(1000L * 1024, total);
        Assert.Null(available);
        Assert.Null(resident);
        Assert.Contains("no MemAvailable line", reason, StringComparison.Ordinal);
        Assert.Contains("could not be read", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotLinux_GivesNullsAndSaysWhy()
    {
        var (total, available, resident, reason) = ProcFiles.Read(isLinux: false, "/proc/meminfo", "/proc/self/status");

        Assert.Null(total);
        Assert.Null(available);
        Assert.Null(resident);
        Assert.StartsWith("not Linux", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  42 kB", 42L * 1024)]
    [InlineData("42", 42L)]
    [InlineData("7 MB", 7L * 1024 * 1024)]
    [InlineData("x kB", null)]
    [InlineData("42 parsecs", null)]
    [InlineData("-1 kB", null)]
    public void ParseBytes_Values_ReadOrRejected(string text, long? expected) => Assert.Equal(expected, ProcFiles.ParseBytes(text));

    [Fact]
    public void Read_ThisMachine_OnLinuxAgreesWithTheProcessApi()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc exists on Linux only");

        var (total, available, resident, reason) = ProcFiles.Read();

        Assert.Null(reason);
        Assert.True(total > 0 && available > 0 && available <= total);

        // Environment.WorkingSet is the resident set on Linux, read by another path (/proc/self/statm); both move with
        // allocation, so they agree within a margin, not to the byte.
        var workingSet = Environment.WorkingSet;
        Assert.InRange(resident!.Value, workingSet / 2, workingSet * 2);
    }

    private string Write(string name, string text)
    {
        var path = _temp.File(name);
        File.WriteAllText(path, text);
        return path;
    }
}
