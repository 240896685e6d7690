using System.Diagnostics;

namespace Mnemo.TestSupport;

/// <summary>
/// Which <c>mnemo</c> the tests that start it as a process run: <c>dotnet mnemo.dll</c> built beside the tests, or, when
/// <c>TEST_MNEMO_EXECUTABLE</c> names one, that executable (a published Native AOT mnemo: .ci/aot-check runs the process
/// tests against it, so that the build users install is the one tested).
/// </summary>
/// <remarks>The variable's name has no <c>MNEMO_</c> prefix: <see cref="MnemoVariables"/> clears those from every test.</remarks>
public static class MnemoUnderTest
{
    /// <summary>The environment variable that names a mnemo executable to test instead of the built mnemo.dll.</summary>
    public const string Variable = "TEST_MNEMO_EXECUTABLE";

    /// <summary>The executable <see cref="Variable"/> names, or null when unset (the built mnemo.dll is tested).</summary>
    /// <exception cref="InvalidOperationException">The variable names a file that does not exist.</exception>
    public static string? Executable =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path
            ? File.Exists(path) ? Path.GetFullPath(path) : throw new InvalidOperationException($"{Variable} names {path}, which does not exist: publish mnemo there or unset it")
            : null;

    /// <summary>
    /// The command line that runs mnemo: the file to start and the arguments before mnemo's own (the path of
    /// <paramref name="mnemoDll"/> under the dotnet host, or nothing for an executable).
    /// </summary>
    public static (string File, IReadOnlyList<string> Prefix) CommandLine(string mnemoDll) =>
        Executable is { } executable ? (executable, []) : ("dotnet", [mnemoDll]);

    /// <summary>A start info for mnemo with <paramref name="args"/>, as <see cref="CommandLine"/> gives it, streams not redirected.</summary>
    public static ProcessStartInfo StartInfo(string mnemoDll, IEnumerable<string> args)
    {
        var (file, prefix) = CommandLine(mnemoDll);
        var info = new ProcessStartInfo(file);
        foreach (var arg in prefix.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }
}
