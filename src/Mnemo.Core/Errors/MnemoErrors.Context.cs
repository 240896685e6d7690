namespace Mnemo.Core.Errors;

internal static partial class MnemoErrors
{
    /// <summary>A context budget smaller than the entries that must be in it.</summary>
    public static MnemoException BudgetBelowPinned(int budget, int pinnedTokens, IReadOnlyList<(string Key, int Tokens)> pinned)
    {
        var sizes = string.Join(", ", pinned.Select(item => $"{item.Key}: {item.Tokens}"));
        return Fail(MnemoErrorCode.InvalidInput,
            $"the budget of {budget} tokens is below the {pinnedTokens} tokens of the pinned entries ({sizes}): give a budget of at least {pinnedTokens}, or unpin some of them");
    }

    /// <summary>A context budget that is not a positive number of tokens.</summary>
    public static MnemoException BadBudget(int budget) =>
        Fail(MnemoErrorCode.InvalidInput, $"the budget {budget} is not a positive number of tokens: give e.g. 2000");

    /// <summary>A share of the budget for recent turns outside 0..1.</summary>
    public static MnemoException BadRecentShare(double share) =>
        Fail(MnemoErrorCode.InvalidInput, $"the share of recent turns {share} is not between 0 and 1: give e.g. 0.4");

    /// <summary>A pinned entry named by key that does not exist.</summary>
    public static MnemoException MissingPinned(string key) =>
        Fail(MnemoErrorCode.NotFound, $"the pinned entry {UserValue.Quote(key)} does not exist: store it first or leave it out");

    /// <summary>A state named for a context that was never saved.</summary>
    public static MnemoException MissingContextState(string name) =>
        Fail(MnemoErrorCode.NotFound, $"no state {UserValue.Quote(name)} was saved: save it first or leave the state out");

    /// <summary>A session window whose numbers do not make a window.</summary>
    public static MnemoException BadWindow(int maxTokens, int overlap) =>
        maxTokens < 1
            ? Fail(MnemoErrorCode.InvalidInput, $"a window of {maxTokens} tokens holds nothing: give a size of at least 1, e.g. 4096")
            : Fail(MnemoErrorCode.InvalidInput,
                $"the window's overlap of {overlap} tokens is not from 0 to below its size of {maxTokens}: give a smaller overlap, e.g. {maxTokens / 32}");
}
