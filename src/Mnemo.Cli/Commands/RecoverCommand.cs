using System.CommandLine;
using System.Globalization;
using Mnemo.Cli.Output;
using Mnemo.Core.Learning.Recovery;
using Mnemo.Core.Results;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo recover "ERROR TEXT"</c>: the fixes that worked for the nearest recorded error, with how often.</summary>
internal static class RecoverCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("ERROR-TEXT") { Description = "The error as it was shown" };
        var top = new Option<int>("--top") { Description = $"How many fixes at most, 1..{RecoveryDefaults.MaxTop}", DefaultValueFactory = _ => RecoveryDefaults.Top };
        var command = new Command("recover",
            "Show the fixes recorded for the nearest error (same signature, else similar in words and meaning), with how often each worked")
        {
            text, top,
        };
        command.SetBody(async context =>
        {
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var advice = await engine.RecoverAsync(context.Value(text)!, context.Value(top), context.CancellationToken).ConfigureAwait(false);
                if (context.Json)
                {
                    context.WriteJson(writer => RecoveryJson.WriteAdvice(writer, advice));
                }
                else
                {
                    Write(context.Output, advice);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(TextWriter output, RecoveryAdvice advice)
    {
        output.WriteLine(advice.Note);
        if (advice.Cluster is null)
        {
            return;
        }

        output.WriteLine($"cluster {advice.Cluster}: {advice.ClusterSignature}");
        foreach (var example in advice.Examples)
        {
            output.WriteLine($"  e.g. {HumanText.Snippet(example, 100)}");
        }

        if (advice.Fixes.Count == 0)
        {
            return;
        }

        var table = new TextTable("RATE", "90% INTERVAL", "WORKED", "LAST USED", "FIX");
        foreach (var fix in advice.Fixes)
        {
            table.Add(Format(fix.SuccessRate), $"{Format(fix.Low)}..{Format(fix.High)}", $"{fix.Worked}/{fix.Tried}", HumanText.Time(fix.LastUsed),
                HumanText.Snippet(fix.Fix, 70));
        }

        table.WriteTo(output);
    }

    private static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
