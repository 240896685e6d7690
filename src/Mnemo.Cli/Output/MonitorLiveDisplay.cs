using Spectre.Console;
using Spectre.Console.Rendering;

namespace Mnemo.Cli.Output;

/// <summary>
/// The live terminal view of <c>mnemo monitor</c> (Spectre.Console): the <see cref="MonitorView"/> of each refresh drawn
/// in place as tables. Only for a terminal; <see cref="MonitorView.WriteTo"/> serves pipes and <c>--once</c>.
/// </summary>
internal static class MonitorLiveDisplay
{
    /// <summary>
    /// Draws <paramref name="next"/>'s views in place on the console until it throws (cancellation ends the display; the
    /// caller decides what a cancellation means).
    /// </summary>
    public static Task RunAsync(Func<Task<MonitorView>> next, TimeSpan interval, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        return console.Live(new Text("measuring...")).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).StartAsync(async context =>
        {
            while (true)
            {
                context.UpdateTarget(Render(await next().ConfigureAwait(false)));
                context.Refresh();
                await Task.Delay(interval, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
        });
    }

    private static IRenderable Render(MonitorView view)
    {
        var parts = new List<IRenderable> { new Text(view.Title, new Style(decoration: Decoration.Bold)) };
        foreach (var section in view.Sections)
        {
            var table = new Table().Border(TableBorder.Rounded).Title(new TableTitle(section.Title, new Style(Color.Aqua)));
            foreach (var header in section.Headers)
            {
                table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
            }

            if (section.Rows.Count == 0)
            {
                table.AddRow([new Text(section.Empty, new Style(Color.Grey)), .. section.Headers.Skip(1).Select(_ => new Text(""))]);
            }

            foreach (var row in section.Rows)
            {
                table.AddRow(row.Select(cell => (IRenderable)new Text(cell, StyleOf(cell))));
            }

            parts.Add(table);
        }

        parts.AddRange(view.Notes.Select(note => new Text(note, new Style(Color.Grey))));
        parts.Add(new Text("Ctrl+C to quit", new Style(Color.Grey, decoration: Decoration.Italic)));
        return new Rows(parts);
    }

    // A leak stands out; everything else is plain.
    private static Style StyleOf(string cell) =>
        cell.StartsWith("LEAK", StringComparison.Ordinal) ? new Style(Color.Red, decoration: Decoration.Bold)
        : cell.StartsWith("slow rise", StringComparison.Ordinal) ? new Style(Color.Yellow)
        : Style.Plain;
}
