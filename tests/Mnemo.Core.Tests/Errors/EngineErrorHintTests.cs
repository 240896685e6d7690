using Mnemo.Core.Embeddings;
using Mnemo.Core.Errors;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Errors;

/// <summary>A library caller reads the engine's words in Message and the remedy as data in Hint; no CLI flag or variable.</summary>
[Trait("Issue", "14")]
public sealed class EngineErrorHintTests : EngineTestBase
{
    [Fact]
    public async Task StaleExpectedVersion_SaysTheVersionToExpect_InWordsAndAsData()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "one" }, Ct);
        await Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "two" }, Ct);

        var error = await Assert.ThrowsAsync<MnemoConflictException>(
            () => Engine.StoreAsync(new MemoryWrite { Key = "a/b", Text = "stale", ExpectedVersion = 1 }, Ct));

        Assert.Equal("conflict on 'a/b': expected version 1 but it is at version 2; read it and retry expecting version 2", error.Message);
        Assert.Equal(MnemoHint.RetryWithExpectedVersion(2), error.Hint);
    }

    [Fact]
    public async Task EntryTooLarge_HintsTheLimit_WithoutNamingTheVariable()
    {
        await Engine.DisposeAsync();
        await using var small = await OpenAsync(options => options.MaxEntryBytes = 10);

        var error = await Assert.ThrowsAsync<MnemoException>(() => small.StoreAsync(new MemoryWrite { Key = "a/b", Text = "far more than ten bytes" }, Ct));

        Assert.Equal(MnemoRemedy.RaiseEntryLimit, error.Hint?.Remedy);
        Assert.EndsWith("store less, or raise the limit on entry size (MnemoOptions.MaxEntryBytes)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MNEMO_", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherEmbedder_HintsTheReindex_WithBothEmbedders()
    {
        await Engine.StoreAsync(new MemoryWrite { Key = "n/1", Text = "the roadmap" }, Ct);
        await Engine.SearchAsync("roadmap", cancellationToken: Ct);
        await Engine.DisposeAsync();
        await using var other = await OpenAsync(options => options.EmbedderSettings = EmbedderSettings.Parse("builtin:128", _ => null));

        var error = await Assert.ThrowsAsync<MnemoException>(() => other.SearchAsync("roadmap", cancellationToken: Ct));

        Assert.Equal(MnemoHint.ReindexWithEmbedder("builtin:128", "builtin:384"), error.Hint);
        Assert.DoesNotContain("mnemo", error.Message, StringComparison.Ordinal);
    }
}
