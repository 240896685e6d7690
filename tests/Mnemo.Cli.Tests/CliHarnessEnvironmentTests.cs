using Mnemo.TestSupport;

namespace Mnemo.Cli.Tests;

/// <summary>No MNEMO_* variable of the machine running the tests reaches a command the harness runs.</summary>
[Trait("Issue", "14")]
[Collection(nameof(ProcessEnvironment))]
public sealed class CliHarnessEnvironmentTests
{
    // Names no product code knows: the harness must clear by prefix, not from a list.
    private const string Stray = "MNEMO_HARNESS_PROBE";

    [Fact]
    public void StartInfo_ProcessHasMnemoVariables_ChildStartsWithoutAnyButThoseGivenAndTheDaemonOff()
    {
        Environment.SetEnvironmentVariable(Stray, "leaked");
        try
        {
            var info = CliHarness.StartInfo("mnemo.dll", ["status"], new Dictionary<string, string?> { ["MNEMO_AGENT"] = "given" });

            var mnemo = info.Environment.Where(pair => pair.Key.StartsWith(MnemoVariables.Prefix, StringComparison.OrdinalIgnoreCase))
                .OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}");
            Assert.Equal(["MNEMO_AGENT=given", "MNEMO_DAEMON=off"], mnemo);
            Assert.True(info.Environment.ContainsKey("PATH"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(Stray, null);
        }
    }

    [Fact]
    public void StartInfo_TestExecutableNamed_RunsItInsteadOfMnemoDll()
    {
        using var temp = new TempDirectory();
        var executable = temp.File("mnemo");
        File.WriteAllText(executable, "");
        var before = Environment.GetEnvironmentVariable(MnemoUnderTest.Variable);
        Environment.SetEnvironmentVariable(MnemoUnderTest.Variable, executable);
        try
        {
            var mnemo = CliHarness.StartInfo("mnemo.dll", ["get", "a/b"]);
            var worker = CliHarness.StartInfo("Mnemo.TestWorker.dll", ["read-twice"]);

            Assert.Equal(executable, mnemo.FileName);
            Assert.Equal(["get", "a/b"], mnemo.ArgumentList);
            Assert.Equal("dotnet", worker.FileName);
            Assert.Equal([Path.Combine(AppContext.BaseDirectory, "Mnemo.TestWorker.dll"), "read-twice"], worker.ArgumentList);
        }
        finally
        {
            Environment.SetEnvironmentVariable(MnemoUnderTest.Variable, before);
        }
    }

    [Fact]
    public async Task RunAsync_ProcessHasMnemoVariables_CommandSeesNone()
    {
        using var harness = new CliHarness();
        Environment.SetEnvironmentVariable("MNEMO_AGENT", "leaked");
        Environment.SetEnvironmentVariable(Stray, "leaked");

        var status = await harness.RunAsync("status", "--json");

        Assert.Equal(0, status.ExitCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, status.Json().GetProperty("agent").ValueKind);
        Assert.Empty(MnemoVariables.InProcess());
    }
}

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;
