using System.Diagnostics;
using Mnemo.TestSupport;

namespace Mnemo.Cli.Tests;

/// <summary>Runs mnemo commands in-process (fast) or as real processes, always against a temp database.</summary>
/// <remarks>
/// No <c>MNEMO_*</c> variable of the machine reaches a command: each in-process run first clears them all from this
/// process (which the CLI run in-process reads), and real processes start without them; a test gives the variables it
/// means to test to a real process.
/// </remarks>
public sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        Database = Temp.File("memory.db");
    }

    public TempDirectory Temp { get; } = new();

    public string Database { get; }

    /// <summary>Runs a command in this process with <c>--db</c> pointing at the temp database.</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunRawAsync([.. args, "--db", Database]);

    /// <summary>Runs a command without adding <c>--db</c>.</summary>
    public static async Task<CliResult> RunRawAsync(params string[] args)
    {
        MnemoVariables.ClearProcess();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await MnemoCli.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Starts a real process of an assembly copied beside the tests (mnemo.dll, Mnemo.TestWorker.dll); mnemo.dll is the
    /// executable <see cref="MnemoUnderTest"/> names instead when set (a published Native AOT mnemo).
    /// </summary>
    public static Process Start(string assembly, IEnumerable<string> args, IDictionary<string, string?>? environment = null) =>
        Process.Start(StartInfo(assembly, args, environment))!;

    /// <summary>
    /// How <see cref="Start"/> starts a process: the process's environment less every <c>MNEMO_*</c> variable, with the
    /// daemon off (a test of something else must not start one, nor be answered by one), plus <paramref name="environment"/>.
    /// </summary>
    public static ProcessStartInfo StartInfo(string assembly, IEnumerable<string> args, IDictionary<string, string?>? environment = null)
    {
        var path = Path.Combine(AppContext.BaseDirectory, assembly);
        var info = assembly == "mnemo.dll" ? MnemoUnderTest.StartInfo(path, args) : new ProcessStartInfo("dotnet", [path, .. args]);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = true;
        info.UseShellExecute = false;

        MnemoVariables.RemoveFrom(info.Environment);
        info.Environment["MNEMO_DAEMON"] = "off";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>Runs a real process to its end.</summary>
    public static async Task<CliResult> RunProcessAsync(string assembly, IEnumerable<string> args, IDictionary<string, string?>? environment = null)
    {
        using var process = Start(assembly, args, environment);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new CliResult(process.ExitCode, await output, await error);
    }

    public void Dispose() => Temp.Dispose();
}
