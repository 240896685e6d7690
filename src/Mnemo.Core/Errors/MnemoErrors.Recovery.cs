using System.Globalization;

namespace Mnemo.Core.Errors;

internal static partial class MnemoErrors
{
    /// <summary>An error record that cannot be kept as given; nothing was written.</summary>
    public static MnemoException BadErrorRecord(string reason) =>
        Fail(MnemoErrorCode.InvalidInput, $"the error was not recorded: {reason}");

    /// <summary>An empty error message, fix, or error text to recover from, or task description.</summary>
    public static MnemoException EmptyErrorText(string what, string example) =>
        Fail(MnemoErrorCode.InvalidInput, $"the {what} is empty: give it in words, e.g. {UserValue.Quote(example)}");

    /// <summary>A message, fix or description longer than is kept.</summary>
    public static MnemoException ErrorTextTooLong(string what, int length, int limit) =>
        Fail(MnemoErrorCode.InvalidInput,
            $"the {what} is {length.ToString("N0", CultureInfo.InvariantCulture)} characters; at most {limit.ToString("N0", CultureInfo.InvariantCulture)} are kept: shorten it to the part that names the problem");

    /// <summary>A number of results outside its range.</summary>
    public static MnemoException BadTop(int top, int max) =>
        Fail(MnemoErrorCode.InvalidInput,
            $"top {top.ToString(CultureInfo.InvariantCulture)} is out of range: ask for 1 to {max.ToString(CultureInfo.InvariantCulture)} results, e.g. 5");
}
