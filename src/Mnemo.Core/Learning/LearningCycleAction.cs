namespace Mnemo.Core.Learning;

/// <summary>What a learning cycle did with a derived entry.</summary>
public enum LearningCycleAction
{
    /// <summary>Written: new, or its figures changed.</summary>
    Written,

    /// <summary>Left as it was: it already held what the outcomes give.</summary>
    Unchanged,

    /// <summary>Removed: an insight whose rule no longer holds, or a pattern of a strategy with no outcomes left.</summary>
    Removed,
}
