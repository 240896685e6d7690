using System.Text.Json;
using Mnemo.Core.Retrieval;

namespace Mnemo.Core.Tests.Retrieval;

public sealed class IndexedTextTests
{
    private static MemoryEntry Entry(string text, string? metadata = null, string? agent = null) => new()
    {
        Key = "chat/1",
        Text = text,
        Kind = "turn",
        Agent = agent,
        Metadata = metadata is null ? null : JsonDocument.Parse(metadata).RootElement.Clone(),
    };

    [Fact]
    public void Of_SpeakerAndDateInMetadata_StandBeforeTheText()
    {
        var entry = Entry("I've been researching adoption agencies", """{"speaker":"Caroline","date":"2023-05-08"}""");

        Assert.Equal("Caroline, 8 May 2023: I've been researching adoption agencies", IndexedText.Of(entry, ContextFields.All));
    }

    [Fact]
    public void Of_NoSpeaker_UsesTheAgent_AndTheTitleComesFirst()
    {
        var entry = Entry("Use PostgreSQL in production", """{"title":"Database decision"}""", agent: "architect");

        Assert.Equal("Database decision. architect: Use PostgreSQL in production", IndexedText.Of(entry, ContextFields.All));
    }

    [Fact]
    public void Of_DateThatIsNoDate_IsKeptAsWritten_AndUnixTimesAreDays()
    {
        Assert.Equal("Jon, 1:56 pm on 8 May, 2023: hi",
            IndexedText.Of(Entry("hi", """{"speaker":"Jon","session_date":"1:56 pm on 8 May, 2023"}"""), ContextFields.All));
        Assert.Equal("1 January 2024: hi", IndexedText.Of(Entry("hi", """{"timestamp":1704067200}"""), ContextFields.All));
    }

    [Fact]
    public void Of_NoContextOrNoneAsked_IsTheTextUnchanged()
    {
        Assert.Equal("plain note", IndexedText.Of(Entry("plain note"), ContextFields.All));
        Assert.Equal("hi", IndexedText.Of(Entry("hi", """{"speaker":"Jon"}""", agent: "a"), ContextFields.None));
        Assert.Equal("Jon: hi", IndexedText.Of(Entry("hi", """{"speaker":"Jon","date":"2023-05-08"}"""), ContextFields.Who));
    }

    [Fact]
    public void Of_LongMetadataValues_AreNotContext()
    {
        var longName = new string('x', 200);

        Assert.Equal("hi", IndexedText.Of(Entry("hi", $$"""{"speaker":"{{longName}}"}"""), ContextFields.All));
    }

    [Fact]
    public void Rules_LongestPrefixWins_AndTheDefaultIsEverything()
    {
        var rules = IndexContextRules.Default.With("logs/", ContextFields.None).With("logs/chat/", ContextFields.Who);

        Assert.Equal(ContextFields.All, rules.For("notes/1"));
        Assert.Equal(ContextFields.None, rules.For("logs/build/1"));
        Assert.Equal(ContextFields.Who, rules.For("logs/chat/1"));
        Assert.Equal(ContextFields.Who, IndexContextRules.Parse(rules.Spec).For("logs/chat/1"));
    }

    [Theory]
    [InlineData("who,when", ContextFields.Who | ContextFields.When)]
    [InlineData("title", ContextFields.Title)]
    [InlineData("all", ContextFields.All)]
    [InlineData("none", ContextFields.None)]
    public void ParseFields_ReadsNamesAndFormatsBack(string text, ContextFields expected)
    {
        var fields = IndexContextRules.ParseFields(text);

        Assert.Equal(expected, fields);
        Assert.Equal(fields, IndexContextRules.ParseFields(IndexContextRules.FormatFields(fields)));
    }

    [Fact]
    public void Rules_BadPrefixOrField_AreRefusedWithTheFix()
    {
        Assert.Contains("ending in '/'", Assert.Throws<ArgumentException>(() => IndexContextRules.Default.With("logs", ContextFields.None)).Message,
            StringComparison.Ordinal);
        Assert.Contains("who, when, title", Assert.Throws<FormatException>(() => IndexContextRules.ParseFields("speaker")).Message,
            StringComparison.Ordinal);
    }
}
