namespace Mnemo.Core.Errors;

internal static partial class MnemoErrors
{
    /// <summary>A tokenizer was named that no token counter has.</summary>
    public static MnemoException UnknownTokenizer(string name, IEnumerable<string> known) =>
        Fail(MnemoErrorCode.InvalidInput,
            $"unknown tokenizer {UserValue.Quote(name)}: name one of {string.Join(", ", known)} (case does not matter)");
}
