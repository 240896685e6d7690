using System.Globalization;

namespace Mnemo.Cli.Tests.Coordination;

[Trait("Issue", "6")]
public sealed class LockCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Acquire_Json_PrintsTokenModeAndLeaseEnd()
    {
        var result = await _cli.RunAsync("lock", "acquire", "project/", "--prefix", "--shared", "--lease", "1m", "--json", "--agent", "alice");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        Assert.True(json.GetProperty("token").GetInt64() > 0);
        Assert.Equal("project/", json.GetProperty("resource").GetString());
        Assert.True(json.GetProperty("prefix").GetBoolean());
        Assert.Equal("shared", json.GetProperty("mode").GetString());
        Assert.Equal("alice", json.GetProperty("agent").GetString());
        var acquired = DateTimeOffset.Parse(json.GetProperty("acquired_at").GetString()!, CultureInfo.InvariantCulture);
        var expires = DateTimeOffset.Parse(json.GetProperty("expires_at").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromMinutes(1), expires - acquired);
    }

    [Fact]
    public async Task List_Json_ShowsLiveLocksUnderThePrefix()
    {
        await _cli.RunAsync("lock", "acquire", "project/a", "--agent", "alice");
        await _cli.RunAsync("lock", "acquire", "other/b", "--agent", "bob");

        var all = await _cli.RunAsync("lock", "list", "--json");
        var project = await _cli.RunAsync("lock", "list", "--prefix", "project/", "--json");

        Assert.Equal(2, all.Json().GetProperty("locks").GetArrayLength());
        var only = Assert.Single(project.Json().GetProperty("locks").EnumerateArray());
        Assert.Equal("project/a", only.GetProperty("resource").GetString());
    }

    [Fact]
    public async Task Acquire_HeldByAnotherAgent_ExitsOneNamingHolderButNotItsToken()
    {
        var held = Token(await _cli.RunAsync("lock", "acquire", "project/plan", "--json", "--agent", "alice"));

        var result = await _cli.RunAsync("lock", "acquire", "project/plan", "--timeout", "0", "--agent", "bob");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("agent 'alice'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotMatch($@"(token|lock|fence) {held}\b", result.Error);
    }

    [Fact]
    public async Task RenewAndRelease_InLaterInvocationsBySameAgent_Succeed()
    {
        var token = Token(await _cli.RunAsync("lock", "acquire", "project/plan", "--lease", "10s", "--json", "--agent", "alice"));

        var renewed = await _cli.RunAsync("lock", "renew", token, "--lease", "2m", "--json", "--agent", "alice");
        var released = await _cli.RunAsync("lock", "release", token, "--agent", "alice");
        var list = await _cli.RunAsync("lock", "list", "--json");

        Assert.Equal(0, renewed.ExitCode);
        Assert.True(DateTimeOffset.Parse(renewed.Json().GetProperty("expires_at").GetString()!, CultureInfo.InvariantCulture)
            > DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(0, released.ExitCode);
        Assert.Contains($"released lock {token}", released.Output, StringComparison.Ordinal);
        Assert.Equal(0, list.Json().GetProperty("locks").GetArrayLength());
    }

    [Fact]
    public async Task Release_ByAnotherAgent_ExitsOneAndKeepsTheLock()
    {
        var token = Token(await _cli.RunAsync("lock", "acquire", "project/plan", "--json", "--agent", "alice"));

        var result = await _cli.RunAsync("lock", "release", token, "--agent", "mallory");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("held by agent 'alice', not by agent 'mallory'", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await _cli.RunAsync("lock", "list", "--json")).Json().GetProperty("locks").GetArrayLength());
    }

    [Fact]
    public async Task Store_UnderAnothersLock_NeedsTheFence()
    {
        var token = Token(await _cli.RunAsync("lock", "acquire", "project/", "--prefix", "--json", "--agent", "alice"));

        var refused = await _cli.RunAsync("store", "project/plan", "bob's plan", "--agent", "bob");
        var stolen = await _cli.RunAsync("store", "project/plan", "bob's plan", "--fence", token, "--agent", "bob");
        var fenced = await _cli.RunAsync("store", "project/plan", "alice's plan", "--fence", token, "--agent", "alice");
        var forgotten = await _cli.RunAsync("forget", "project/plan", "--fence", token, "--agent", "alice");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("agent 'alice'", refused.Error, StringComparison.Ordinal);
        Assert.DoesNotMatch($@"(token|lock|fence) {token}\b", refused.Error);
        Assert.Equal(1, stolen.ExitCode);
        Assert.Contains("held by agent 'alice'", stolen.Error, StringComparison.Ordinal);
        Assert.Equal(0, fenced.ExitCode);
        Assert.Equal(0, forgotten.ExitCode);
    }

    [Fact]
    public async Task Store_WithReleasedFence_ExitsOneAsStale()
    {
        var token = Token(await _cli.RunAsync("lock", "acquire", "project/plan", "--json", "--agent", "alice"));
        await _cli.RunAsync("lock", "release", token, "--agent", "alice");

        var result = await _cli.RunAsync("store", "project/plan", "late", "--fence", token, "--agent", "alice");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"fencing token {token}", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--lease", "500ms")]
    [InlineData("--lease", "2d")]
    [InlineData("--timeout", "soon")]
    public async Task Acquire_BadDuration_ExitsOneNamingTheValue(string option, string value)
    {
        var result = await _cli.RunAsync("lock", "acquire", "project/plan", option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("mnemo: ", result.Error, StringComparison.Ordinal);
    }

    private static string Token(CliResult acquired)
    {
        Assert.True(acquired.ExitCode == 0, acquired.ToString());
        return acquired.Json().GetProperty("token").GetInt64().ToString(CultureInfo.InvariantCulture);
    }
}
