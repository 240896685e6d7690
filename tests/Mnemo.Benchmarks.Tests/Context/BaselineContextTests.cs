using Mnemo.Benchmarks.Context;
using Mnemo.Core.Tokens;

namespace Mnemo.Benchmarks.Tests.Context;

/// <summary>The two baselines stay within their budget, counted whole with the same tokenizer.</summary>
[Trait("Issue", "16")]
public sealed class BaselineContextTests
{
    private static readonly ContextUser s_user = ContextDataset.Generate(ContextDataset.DevelopmentSeed, users: 1).Users[0];

    public static TheoryData<string, int> Budgets => new()
    {
        { TokenCounters.Cl100kBase, 0 }, { TokenCounters.Cl100kBase, 7 }, { TokenCounters.Cl100kBase, 100 }, { TokenCounters.Cl100kBase, 1000 },
        { TokenCounters.O200kBase, 333 }, { TokenCounters.O200kBase, 2000 },
    };

    [Theory]
    [MemberData(nameof(Budgets))]
    public void Recent_AnyBudget_NeverExceedsIt(string tokenizer, int budget)
    {
        var counter = TokenCounters.BuiltIn.Get(tokenizer);

        var context = BaselineContext.Recent(NewestFirst(), counter, budget);

        Assert.InRange(context.Tokens, 0, budget);
        Assert.Equal(counter.CountTokens(context.Text), context.Tokens);
    }

    [Theory]
    [MemberData(nameof(Budgets))]
    public void TopK_AnyBudget_NeverExceedsIt(string tokenizer, int budget)
    {
        var counter = TokenCounters.BuiltIn.Get(tokenizer);
        var hits = s_user.Messages.Select(m => m.Text).Take(200).ToList();

        var context = BaselineContext.TopK(hits, counter, budget);

        Assert.InRange(context.Tokens, 0, budget);
        Assert.Equal(counter.CountTokens(context.Text), context.Tokens);
    }

    [Fact]
    public void Recent_LargeBudget_HoldsTheNewestMessagesOldestFirst()
    {
        var counter = TokenCounters.BuiltIn.Default;

        var context = BaselineContext.Recent(NewestFirst(), counter, 1000);

        var current = s_user.Current.Messages;
        Assert.EndsWith($"assistant: {current[^1].Text}", context.Text, StringComparison.Ordinal);
        Assert.Contains($"user: {current[0].Text}\nassistant: {current[1].Text}", context.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TopK_HitThatDoesNotFit_EndsTheContextEvenIfALaterOneWould()
    {
        var counter = TokenCounters.BuiltIn.Default;
        string[] hits = ["first hit", string.Join(' ', Enumerable.Repeat("long", 500)), "short"];

        var context = BaselineContext.TopK(hits, counter, 50);

        Assert.Equal("first hit", context.Text);
    }

    private static List<ContextMessage> NewestFirst() => [.. s_user.Sessions.Reverse().SelectMany(s => s.Messages.Reverse())];
}
