namespace Mnemo.Core.Learning.Recovery;

/// <summary>The fixed numbers of error recovery and task suggestions; docs/learning-recovery.md says how they were chosen.</summary>
public static class RecoveryDefaults
{
    /// <summary>
    /// The hybrid search score a recorded error needs for its cluster to answer an error whose signature matched none.
    /// Chosen on one set of reworded and unrelated errors and checked on another (docs/learning-recovery.md).
    /// </summary>
    public const double MeaningThreshold = 0.25;

    /// <summary>The hybrid search score a past outcome needs to count as a similar task.</summary>
    public const double SimilarTaskThreshold = 0.2;

    /// <summary>How many similar outcomes a suggestion draws on at most.</summary>
    public const int SimilarTasks = 20;

    /// <summary>How many example messages advice shows.</summary>
    public const int Examples = 3;

    /// <summary>The default number of fixes or suggestions per list.</summary>
    public const int Top = 5;

    /// <summary>The most fixes or suggestions per list a caller may ask for.</summary>
    public const int MaxTop = 100;

    /// <summary>The probability of the credible intervals of fix success rates.</summary>
    public const double CredibleLevel = 0.9;
}
