namespace Mnemo.Core.Errors;

internal static partial class MnemoErrors
{
    /// <summary>An action name that cannot be recorded or used as context.</summary>
    public static MnemoException BadActionName(string value) =>
        Fail(MnemoErrorCode.InvalidInput,
            $"action {UserValue.Quote(value)} cannot be used: use 1 to 64 letters, digits, spaces (not first or last), '-', '_', '.', ':', '@' or '/', e.g. run-tests or git:commit");

    /// <summary>A prediction or pattern request that cannot be answered as asked.</summary>
    public static MnemoException BadPredictionRequest(string reason) =>
        Fail(MnemoErrorCode.InvalidInput, $"no prediction: {reason}");
}
