using System.CommandLine;

namespace Mnemo.Cli.Commands;

/// <summary>The <c>--fence TOKEN</c> option of the commands that change entries.</summary>
internal static class FenceOption
{
    /// <summary>A new instance (an option belongs to one command).</summary>
    public static Option<long?> Create() => new("--fence")
    {
        Description = "Fencing token of your exclusive lock on the key (printed by 'mnemo lock acquire'); the write fails if that lease "
            + "has ended. Required for keys under your exclusive lock",
        HelpName = "TOKEN",
    };
}
