namespace Mnemo.Mcp.Tests;

/// <summary>memory_retrieve at a time before the memory existed says so, in Core's words (the CLI's).</summary>
[Trait("Issue", "14")]
public sealed class RetrieveAsOfTests : McpTestBase
{
    [Fact]
    public async Task Retrieve_AsOfBeforeTheMemoryExisted_SaysItDidNotExistYet()
    {
        await CallOkAsync("memory_store", """{"key": "a/b", "text": "x"}""");

        var message = await CallErrorAsync("memory_retrieve", """{"key": "a/b", "as_of": "2h"}""");

        Assert.Matches(@"^no entry 'a/b' at \S+Z: the key did not exist yet; it was created at \S+Z, (1 hour 59 minutes|2 hours) later$", message);
    }
}
