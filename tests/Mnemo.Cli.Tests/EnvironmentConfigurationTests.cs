using Mnemo.TestSupport;

namespace Mnemo.Cli.Tests;

/// <summary>The CLI takes its settings from MnemoOptions.FromEnvironment, and its flags win over the variables.</summary>
[Trait("Issue", "14")]
public sealed class EnvironmentConfigurationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Status_AgentFlagAndVariable_TheFlagWins()
    {
        var database = _temp.File("memory.db");

        var status = await CliHarness.RunProcessAsync("mnemo.dll", ["status", "--json", "--db", database, "--agent", "from-flag"],
            new Dictionary<string, string?> { ["MNEMO_AGENT"] = "from-variable", ["MNEMO_DB"] = _temp.File("other.db") });

        Assert.Equal(0, status.ExitCode);
        Assert.Equal("from-flag", status.Json().GetProperty("agent").GetString());
        Assert.Equal(database, status.Json().GetProperty("database").GetString());
    }

    [Fact]
    public async Task AnyCommand_BadVariable_ExitsOneNamingTheVariableAndAFix()
    {
        var status = await CliHarness.RunProcessAsync("mnemo.dll", ["status", "--db", _temp.File("memory.db")],
            new Dictionary<string, string?> { ["MNEMO_BUSY_TIMEOUT"] = "30" });

        Assert.Equal(1, status.ExitCode);
        Assert.Equal("mnemo: MNEMO_BUSY_TIMEOUT='30' is not a duration: use e.g. 30s", status.Error.Trim());
        Assert.False(File.Exists(_temp.File("memory.db")));
    }

    public void Dispose() => _temp.Dispose();
}
