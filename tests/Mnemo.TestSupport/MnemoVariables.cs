using System.Collections;

namespace Mnemo.TestSupport;

/// <summary>
/// Keeps the developer's or CI's <c>MNEMO_*</c> settings out of tests: every variable with the prefix, not a list of
/// known names, so that a variable added later cannot leak into a test run (a stray MNEMO_DB would point CLI tests at a
/// real store, a stray MNEMO_EMBEDDER change every search).
/// </summary>
public static class MnemoVariables
{
    /// <summary>What every Mnemo variable's name starts with.</summary>
    public const string Prefix = "MNEMO_";

    /// <summary>Removes every <c>MNEMO_*</c> variable from a child process's environment (<c>ProcessStartInfo.Environment</c>).</summary>
    public static void RemoveFrom(IDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var name in environment.Keys.Where(IsMnemoVariable).ToList())
        {
            environment.Remove(name);
        }
    }

    /// <summary>
    /// Unsets every <c>MNEMO_*</c> variable of this process, for commands run in-process (the CLI reads the process
    /// environment, as a user's shell would give it).
    /// </summary>
    public static void ClearProcess()
    {
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<object>().Select(key => (string)key).Where(IsMnemoVariable).ToList())
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    /// <summary>The names of this process's <c>MNEMO_*</c> variables.</summary>
    public static IReadOnlyList<string> InProcess() =>
        [.. Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().Select(entry => (string)entry.Key).Where(IsMnemoVariable)];

    private static bool IsMnemoVariable(string name) => name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
}
