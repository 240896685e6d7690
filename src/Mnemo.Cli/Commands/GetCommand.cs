using System.CommandLine;
using Mnemo.Cli.Output;
using Mnemo.Core;
using Mnemo.Core.Transfer;

namespace Mnemo.Cli.Commands;

/// <summary><c>mnemo get KEY</c>: reads the current entry, or the one visible at a past time, or a given version.</summary>
internal static class GetCommand
{
    public static Command Create()
    {
        var key = new Argument<string>("KEY") { Description = "The entry's key" };
        var asOf = new Option<string?>("--as-of")
        {
            Description = "Read the version visible at this time: ISO 8601 (2026-11-21T09:30:00Z) or a duration ago (2h)",
        };
        var version = new Option<long?>("--version") { Description = "Read this version from the entry's history" };
        var command = new Command("get", "Show an entry") { key, asOf, version };
        command.SetBody(async context =>
        {
            var name = context.Value(key)!;
            var engine = await context.OpenEngineAsync().ConfigureAwait(false);
            await using (engine.ConfigureAwait(false))
            {
                var entry = (context.Value(asOf), context.Value(version)) switch
                {
                    ({ }, { }) => throw new ArgumentException("give --as-of or --version, not both"),
                    ({ } time, null) => await GetAsOfAsync(engine, name, engine.ParseTimePoint(time), context.CancellationToken)
                        .ConfigureAwait(false),
                    (null, { } number) => await engine.GetVersionAsync(name, number, context.CancellationToken).ConfigureAwait(false),
                    _ => await engine.GetAsync(name, context.CancellationToken).ConfigureAwait(false),
                };
                if (entry is null)
                {
                    MnemoException.ThrowNotFound(name);
                }

                if (context.Json)
                {
                    context.WriteJson(writer => EntryJson.Write(writer, entry));
                }
                else
                {
                    HumanText.WriteEntry(context.Output, entry);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The entry visible at a past time; when there was none, Core's error says why (not created yet, forgotten, ...).</summary>
    private static async Task<MemoryEntry> GetAsOfAsync(MnemoEngine engine, string key, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        await engine.GetAsOfAsync(key, asOf, cancellationToken).ConfigureAwait(false)
        ?? throw await engine.ExplainMissingAsOfAsync(key, asOf, cancellationToken).ConfigureAwait(false);
}
