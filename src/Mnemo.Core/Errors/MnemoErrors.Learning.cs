using System.Globalization;

namespace Mnemo.Core.Errors;

internal static partial class MnemoErrors
{
    /// <summary>A task type, strategy or tool name that cannot be used.</summary>
    public static MnemoException BadLearningName(string what, string value, string example) =>
        Fail(MnemoErrorCode.InvalidInput,
            $"{what} {UserValue.Quote(value)} cannot be used: use 1 to 64 letters, digits, '-', '_', '.', ':' or '@', e.g. {example}");

    /// <summary>A reward outside 0..1.</summary>
    public static MnemoException RewardOutOfRange(double reward) =>
        Fail(MnemoErrorCode.InvalidInput,
            $"reward {reward.ToString("G6", CultureInfo.InvariantCulture)} is outside 0..1: give a graded result from 0 (failure) to 1 (full success)");

    /// <summary>A negative or non-finite duration.</summary>
    public static MnemoException BadDuration(double seconds) =>
        Fail(MnemoErrorCode.InvalidInput,
            $"duration {seconds.ToString("G6", CultureInfo.InvariantCulture)} s cannot be used: give the seconds the task took, 0 or more, e.g. 120.5");

    /// <summary>A context that is not a JSON object, or another unusable part of an outcome.</summary>
    public static MnemoException BadOutcome(string reason) =>
        Fail(MnemoErrorCode.InvalidInput, $"the outcome was not recorded: {reason}");

    /// <summary>Learning parameters out of range or unknown; nothing was changed.</summary>
    public static MnemoException BadLearningParameters(string reason) =>
        Fail(MnemoErrorCode.InvalidInput, $"the learning parameters were not changed: {reason}");

    /// <summary>A recommendation request that cannot be answered as asked.</summary>
    public static MnemoException BadRecommendationRequest(string reason) =>
        Fail(MnemoErrorCode.InvalidInput, $"no recommendation: {reason}");
}
