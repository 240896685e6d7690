namespace Mnemo.Cli.Tests.Commands;

/// <summary><c>store</c> in a real process with <c>MNEMO_REDACT_NAMESPACES</c> set: the secret is replaced and the output says what kind.</summary>
[Trait("Issue", "16")]
public sealed class StoreRedactionProcessTests : IDisposable
{
    private static readonly Dictionary<string, string?> s_redactNotes = new() { ["MNEMO_REDACT_NAMESPACES"] = "notes" };

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Store_RedactedNamespace_ReplacesTheSecretAndSaysWhatKind()
    {
        var text = await CliHarness.RunProcessAsync("mnemo.dll", ["store", "notes/ada", "Reach Ada at ada@example.com", "--db", _cli.Database], s_redactNotes);
        var json = await CliHarness.RunProcessAsync("mnemo.dll",
            ["store", "notes/bob", "Bob is bob@example.com", "--json", "--db", _cli.Database], s_redactNotes);
        var outside = await CliHarness.RunProcessAsync("mnemo.dll",
            ["store", "notesX/ada", "Reach Ada at ada@example.com", "--json", "--db", _cli.Database], s_redactNotes);
        var got = await CliHarness.RunProcessAsync("mnemo.dll", ["get", "notes/ada", "--json", "--db", _cli.Database], s_redactNotes);

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("redacted 1 email", text.Output, StringComparison.Ordinal);
        Assert.Equal("Bob is [REDACTED:email]", json.Json().GetProperty("text").GetString());
        Assert.Equal(1, json.Json().GetProperty("redacted").GetProperty("email").GetInt32());
        Assert.Empty(outside.Json().GetProperty("redacted").EnumerateObject());
        Assert.Equal("Reach Ada at ada@example.com", outside.Json().GetProperty("text").GetString());
        Assert.Equal("Reach Ada at [REDACTED:email]", got.Json().GetProperty("text").GetString());
    }

    [Fact]
    public async Task Store_BadRedactNamespacesVariable_ExitsOneNamingIt()
    {
        var result = await CliHarness.RunProcessAsync("mnemo.dll", ["store", "notes/ada", "hi", "--db", _cli.Database],
            new Dictionary<string, string?> { ["MNEMO_REDACT_NAMESPACES"] = "notes,a b" });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MNEMO_REDACT_NAMESPACES='notes,a b'", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.Database));
    }
}
