using Microsoft.Extensions.AI;
using Mnemo.Core.Conversations;
using Mnemo.TestSupport;

namespace Mnemo.Core.Tests.Conversations;

[Trait("Issue", "16")]
public sealed class ChatClientCompactorTests : EngineTestBase
{
    [Fact]
    public async Task Slide_WithAChatClient_StoresTheModelsSummaryAndAsksWithinTheBudget()
    {
        var model = new ScriptedChatClient(_ => "The team chose Postgres 15 for analytics.");
        await using var engine = await OpenAsync(options => options.Compactor = new ChatClientCompactor(model));

        await FillPastOneWindowAsync(engine);

        var compaction = Assert.Single(await engine.GetCompactionsAsync("chat-1", Ct));
        Assert.Equal("The team chose Postgres 15 for analytics.", compaction.Text);
        Assert.Equal("chat:scripted", compaction.Compactor);
        Assert.Null(compaction.Fallback);
        var request = Assert.Single(model.Requests);
        Assert.Contains("user: We chose Postgres 15 for the analytics database.", request.Transcript, StringComparison.Ordinal);
        Assert.True(compaction.Tokens <= request.MaxTokens);
        Assert.InRange(request.MaxTokens, 32, 512);
    }

    [Fact]
    public async Task Slide_ModelAnswersTooLong_IsCutToTheBudget()
    {
        var model = new ScriptedChatClient(_ => string.Concat(Enumerable.Repeat("Postgres was chosen for analytics. ", 200)));
        await using var engine = await OpenAsync(options => options.Compactor = new ChatClientCompactor(model));

        await FillPastOneWindowAsync(engine);

        var compaction = Assert.Single(await engine.GetCompactionsAsync("chat-1", Ct));
        Assert.True(compaction.Tokens <= model.Requests[0].MaxTokens, $"{compaction.Tokens} tokens over {model.Requests[0].MaxTokens}");
        Assert.StartsWith("Postgres was chosen for analytics.", compaction.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slide_ModelFails_FallsBackToExtractiveAndStillAddsTheMessage()
    {
        var model = new ScriptedChatClient(_ => throw new HttpRequestException("model unavailable"));
        await using var engine = await OpenAsync(options => options.Compactor = new ChatClientCompactor(model));

        await FillPastOneWindowAsync(engine);

        var compaction = Assert.Single(await engine.GetCompactionsAsync("chat-1", Ct));
        Assert.Equal("extractive", compaction.Compactor);
        Assert.Equal("chat:scripted failed: model unavailable", compaction.Fallback);
        Assert.Equal(4, (await engine.GetSessionAsync("chat-1", Ct))!.Messages);
    }

    // A window of 40 tokens with no overlap: the fourth message of about 15 tokens makes it slide.
    private static async Task FillPastOneWindowAsync(MnemoEngine engine)
    {
        await engine.StartSessionAsync("chat-1", window: new SessionWindow(40, 0), cancellationToken: Ct);
        await engine.AddMessageAsync("chat-1", MessageRole.User, "We chose Postgres 15 for the analytics database.", cancellationToken: Ct);
        await engine.AddMessageAsync("chat-1", MessageRole.Assistant, "Noted: Postgres 15 it is, for analytics.", cancellationToken: Ct);
        await engine.AddMessageAsync("chat-1", MessageRole.User, "The migration is planned for March next year.", cancellationToken: Ct);
        await engine.AddMessageAsync("chat-1", MessageRole.Assistant, "Understood, March next year for the migration then.", cancellationToken: Ct);
    }

    private sealed class ScriptedChatClient(Func<string, string> answer) : IChatClient
    {
        public List<(string Transcript, int MaxTokens)> Requests { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var transcript = messages.Last().Text;
            Requests.Add((transcript, options?.MaxOutputTokens ?? -1));
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer(transcript))));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", defaultModelId: "scripted") : null;

        public void Dispose()
        {
        }
    }
}
