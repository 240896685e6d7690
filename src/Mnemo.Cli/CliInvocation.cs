using System.CommandLine;
using Mnemo.Core;

namespace Mnemo.Cli;

/// <summary>
/// An invocation that reads its <c>MNEMO_*</c> variables from <see cref="Variables"/> and runs its engines on
/// <see cref="Clock"/>, instead of the process environment and the system clock: so that a test can run the CLI in
/// its own process beside the MCP server and the library on one fixed clock, without changing the environment every
/// other test in the process reads.
/// </summary>
internal sealed class CliInvocation : InvocationConfiguration
{
    /// <summary>Where the CLI reads <c>MNEMO_*</c> variables.</summary>
    public required Func<string, string?> Variables { get; init; }

    /// <summary>The clock the engines run on.</summary>
    public required TimeProvider Clock { get; init; }

    /// <summary>
    /// Gives a command its engine for the options it made; null to open one for that command alone. The daemon sets it
    /// to hand out views of its warm engines.
    /// </summary>
    public Func<MnemoOptions, CancellationToken, Task<MnemoEngine>>? OpenEngine { get; init; }

    /// <summary>True once a command of this invocation loaded a local neural model: what a daemon would have kept warm.</summary>
    public bool LoadedLocalModel { get; set; }
}
