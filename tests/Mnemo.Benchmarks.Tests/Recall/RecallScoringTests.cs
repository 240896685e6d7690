using System.Text.Json;
using Mnemo.Benchmarks.Recall;
using Mnemo.Core.Transfer;

namespace Mnemo.Benchmarks.Tests.Recall;

public sealed class RecallScoringTests
{
    [Fact]
    public void RanksOf_EvidenceInAndOutOfTheResults_GivesOneBasedRanksOrZero()
    {
        var ranks = RecallModeResult.RanksOf(["a", "b", "c"], ["c", "x", "a"]);

        Assert.Equal([3, 0, 1], ranks);
    }

    [Fact]
    public void Figures_TwoEvidenceTurnsOneFound_CountsHalfAQuestion()
    {
        // Question 0: one of two evidence turns at rank 3; question 1: its only evidence turn at rank 1.
        var result = new RecallModeResult("text", [[3, 0], [1]], LatencySummary.Of([1.0, 2.0]));

        var figures = result.Figures([0, 1]);

        Assert.Equal(2, figures.Questions);
        Assert.Equal(0.5, figures.RecallAt1, 6);
        Assert.Equal(0.75, figures.RecallAt5, 6);
        Assert.Equal(0.75, figures.RecallAt10, 6);
        Assert.Equal((1.0 / 3 + 1) / 2, figures.Mrr, 6);
    }

    [Fact]
    public void Figures_NothingFound_IsZero()
    {
        var result = new RecallModeResult("bm25", [[0, 0]], LatencySummary.Of([1.0]));

        var figures = result.Figures([0]);

        Assert.Equal(0, figures.RecallAt10);
        Assert.Equal(0, figures.Mrr);
    }

    [Fact]
    public void Mean_OfSeeds_CountsEachSeedOnceAndSumsQuestions()
    {
        var mean = RecallFigures.Mean([new RecallFigures(10, 0.1, 0.2, 0.4, 0.3), new RecallFigures(30, 0.3, 0.4, 0.6, 0.5)]);

        Assert.Equal(40, mean.Questions);
        Assert.Equal(0.2, mean.RecallAt1, 9);
        Assert.Equal(0.3, mean.RecallAt5, 9);
        Assert.Equal(0.5, mean.RecallAt10, 9);
        Assert.Equal(0.4, mean.Mrr, 9);
    }

    [Fact]
    public void TurnImportFile_Line_ImportsWithTheSessionDateAndWhoAndWhenInMetadata()
    {
        var turn = new RecallTurn("eval/c01/s03/t007", "c01", 3, 7, "Melanie", new DateOnly(2023, 5, 7), "I finally signed up for pottery classes!");
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            TurnImportFile.WriteLine(writer, turn);
        }

        var record = Assert.IsType<ImportRecord>(ImportLineParser.Parse(System.Text.Encoding.UTF8.GetString(buffer.ToArray())));

        Assert.Equal(turn.Key, record.Write.Key);
        Assert.Equal(turn.Text, record.Write.Text);
        Assert.Equal("turn", record.Write.Kind);
        Assert.Null(record.Write.Agent);
        var metadata = record.Write.Metadata!.Value;
        Assert.Equal("Melanie", metadata.GetProperty("speaker").GetString());
        Assert.Equal("2023-05-07", metadata.GetProperty("date").GetString());
        Assert.Equal(3, metadata.GetProperty("session").GetInt32());
        Assert.Equal(new DateTimeOffset(2023, 5, 7, 12, 7, 0, TimeSpan.Zero), record.Imported.CreatedAt);
        Assert.Equal(record.Imported.CreatedAt, record.Imported.UpdatedAt);
    }
}
