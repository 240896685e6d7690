using System.Diagnostics;
using Mnemo.TestSupport;

namespace Mnemo.Cli.Tests.Storage;

/// <summary>Runs a program other than dotnet (setpriv, unshare) that in turn runs mnemo, to its end.</summary>
internal static class ProgramRunner
{
    /// <summary>Runs <paramref name="program"/> with the environment of mnemo's real-process tests plus <paramref name="environment"/>.</summary>
    public static async Task<CliResult> RunAsync(string program, IEnumerable<string> args, IDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        MnemoVariables.RemoveFrom(info.Environment);

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>The mnemo assembly copied beside the tests.</summary>
    public static string Mnemo => Path.Combine(AppContext.BaseDirectory, "mnemo.dll");
}
