using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Keys;

/// <summary>A listing takes a prefix; a pattern given to it is refused with the prefix to use, not answered with nothing.</summary>
[Trait("Issue", "14")]
public sealed class ListPrefixTests : EngineTestBase
{
    [Theory]
    [InlineData("x/*", "'x/'")]
    [InlineData("x/b?", "'x/b'")]
    [InlineData("**", "''")]
    public async Task List_WithAPattern_IsRefusedNamingThePrefixToList(string pattern, string prefix)
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "x/a", Text = "listed under x/" }, Ct);

        var error = await Assert.ThrowsAsync<MnemoException>(() => Engine.ListAsync(pattern, cancellationToken: Ct));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Contains($"'{pattern}' is a pattern, but a listing takes a key prefix: list {prefix}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WithAPrefix_StillListsItsKeys()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "x/a", Text = "listed under x/" }, Ct);

        var page = await Engine.ListAsync("x/", cancellationToken: Ct);

        Assert.Equal(["x/a"], page.Entries.Select(entry => entry.Key));
    }
}
