using Mnemo.Core.Tokens;

namespace Mnemo.Core.Tests.Tokens;

/// <summary>Choosing a counter by name, and adding one.</summary>
[Trait("Issue", "16")]
public sealed class TokenCountersTests
{
    [Theory]
    [InlineData("cl100k_base", TokenCounters.Cl100kBase)]
    [InlineData("CL100K_BASE", TokenCounters.Cl100kBase)]
    [InlineData("O200k_Base", TokenCounters.O200kBase)]
    [InlineData(" o200k_base ", TokenCounters.O200kBase)]
    public void Get_BuiltInNameInAnyCase_ReturnsThatCounter(string name, string expected) =>
        Assert.Equal(expected, TokenCounters.BuiltIn.Get(name).Name);

    [Fact]
    public void Default_IsCl100kBase()
    {
        Assert.Equal("cl100k_base", TokenCounters.DefaultName);
        Assert.Same(TokenCounters.BuiltIn.Get("cl100k_base"), TokenCounters.BuiltIn.Default);
    }

    [Fact]
    public void Get_SameNameTwice_ReturnsTheSameCounter()
    {
        // The ranks load once per process: every registry shares the built-in counters.
        Assert.Same(TokenCounters.BuiltIn.Get("o200k_base"), new TokenCounters().Get("O200K_BASE"));
    }

    [Fact]
    public void Get_UnknownName_ThrowsInvalidInputNamingItAndTheKnownNames()
    {
        var error = Assert.Throws<MnemoException>(() => TokenCounters.BuiltIn.Get("p50k_base"));

        Assert.Equal(MnemoErrorCode.InvalidInput, error.ErrorCode);
        Assert.Equal("unknown tokenizer 'p50k_base': name one of cl100k_base, o200k_base (case does not matter)", error.Message);
    }

    [Fact]
    public void Get_UnknownNameWithCustomCounter_ListsItToo()
    {
        var counters = new TokenCounters(new FixedCounter("chars"));

        var error = Assert.Throws<MnemoException>(() => counters.Get("bytes"));

        Assert.Contains("cl100k_base, o200k_base, chars", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_Null_Throws() => Assert.Throws<ArgumentNullException>(() => TokenCounters.BuiltIn.Get(null!));

    [Fact]
    public void Constructor_CustomCounter_IsFoundByNameInAnyCase()
    {
        var custom = new FixedCounter("Llama3");

        var counters = new TokenCounters(custom);

        Assert.Same(custom, counters.Get("llama3"));
        Assert.Equal(["cl100k_base", "o200k_base", "Llama3"], counters.Names);
        Assert.Equal(["cl100k_base", "o200k_base"], TokenCounters.BuiltIn.Names);
    }

    [Fact]
    public void With_CustomCounter_AddsItAndLeavesTheOriginalUnchanged()
    {
        var custom = new FixedCounter("chars");

        var counters = TokenCounters.BuiltIn.With(custom);

        Assert.Same(custom, counters.Get("chars"));
        Assert.True(counters.TryGet("CHARS", out var found));
        Assert.Same(custom, found);
        Assert.False(TokenCounters.BuiltIn.TryGet("chars", out _));
    }

    [Theory]
    [InlineData("cl100k_base")]
    [InlineData("O200K_BASE")]
    public void With_BuiltInName_IsRefused(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => TokenCounters.BuiltIn.With(new FixedCounter(name)));

        Assert.Contains($"'{name}' is already taken by a built-in counter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TwoCountersOfOneName_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new TokenCounters(new FixedCounter("mine"), new FixedCounter("MINE")));

        Assert.Contains("'MINE' is already taken by a counter added before", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" padded")]
    public void With_BlankOrPaddedName_IsRefused(string name) =>
        Assert.Throws<ArgumentException>(() => TokenCounters.BuiltIn.With(new FixedCounter(name)));

    /// <summary>A pluggable counter: one token per character.</summary>
    private sealed class FixedCounter(string name) : ITokenCounter
    {
        public string Name => name;

        public int CountTokens(string text) => text.Length;
    }
}
