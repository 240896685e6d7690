using System.CommandLine;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo bench ...</c>: end-to-end benchmarks that print measured figures as JSON.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Run a benchmark and print what was measured");
        command.Subcommands.Add(BenchKvCommand.Create());
        command.Subcommands.Add(BenchAnnCommand.Create());
        command.Subcommands.Add(BenchRecallCommand.Create());
        command.Subcommands.Add(BenchContextCommand.Create());
        command.Subcommands.Add(BenchSearchCommand.Create());
        command.Subcommands.Add(BenchEmbedCommand.Create());
        command.Subcommands.Add(BenchMcpCommand.Create());
        command.Subcommands.Add(BenchLocksCommand.Create());
        command.Subcommands.Add(BenchMonitoringOverheadCommand.Create());
        command.Subcommands.Add(BenchLearnCommand.Create());
        command.Subcommands.Add(BenchCompareCommand.Create());
        command.Subcommands.Add(BenchPredictCommand.Create());
        return command;
    }
}
