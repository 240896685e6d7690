namespace Mnemo.Benchmarks.Reporting;

/// <summary>A plain-text table with aligned columns, for the benchmark reports people read.</summary>
/// <remarks>The same layout as the CLI's tables; a copy, as this library must not depend on the CLI.</remarks>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly List<string[]> _rows = [];

    public TextTable(params string[] headers)
    {
        _headers = headers;
    }

    public void Add(params string[] cells) => _rows.Add(cells);

    public void WriteTo(TextWriter writer)
    {
        var widths = new int[_headers.Length];
        for (var i = 0; i < widths.Length; i++)
        {
            widths[i] = Math.Max(_headers[i].Length, _rows.Count == 0 ? 0 : _rows.Max(row => row[i].Length));
        }

        WriteRow(writer, _headers, widths);
        WriteRow(writer, widths.Select(width => new string('-', width)).ToArray(), widths);
        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            // The last column is not padded, so long text does not drag trailing spaces.
            writer.Write(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }

        writer.WriteLine();
    }
}
