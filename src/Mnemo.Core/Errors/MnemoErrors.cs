namespace Mnemo.Core.Errors;

/// <summary>
/// Every <see cref="MnemoException"/> the engine throws, one factory per failure and one place per message, split by
/// area (MnemoErrors.*.cs). Messages speak the engine's language: the problem, then the fix with its remedies as
/// <see cref="MnemoHint"/>s that each face renders as its own flag, argument or command.
/// </summary>
internal static partial class MnemoErrors
{
    private static MnemoException Fail(MnemoErrorCode code, MnemoMessageHandler message, Exception? inner = null) =>
        new(code, MnemoMessage.Of(message), inner);

    private static MnemoHint Hint(MnemoRemedy remedy) => new(remedy);
}
