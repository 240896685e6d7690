using System.Globalization;
using Microsoft.Extensions.AI;
using Mnemo.Core.Tokens;

namespace Mnemo.Core.Conversations;

/// <summary>
/// Compacts dropped turns by asking a language model (any <see cref="IChatClient"/>) to summarise them: a plug-in for
/// <see cref="MnemoOptions.Compactor"/> when a model is at hand.
/// </summary>
/// <remarks>
/// The model is asked for at most the compaction's budget; an answer that is longer anyway is cut at sentence
/// boundaries, and a call that fails leaves the compaction to <see cref="ExtractiveCompactor"/> (recorded as the
/// compaction's <see cref="SessionCompaction.Fallback"/>), so that a model's outage never loses a message.
/// </remarks>
/// <param name="client">The model to ask.</param>
/// <param name="instructions">The system prompt, or null for one that asks for the facts, decisions and open questions.</param>
public sealed class ChatClientCompactor(IChatClient client, string? instructions = null) : ISessionCompactor
{
    private readonly IChatClient _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary><c>chat</c>, or <c>chat:MODEL</c> when the client names its model.</summary>
    public string Name => _client.GetService<ChatClientMetadata>()?.DefaultModelId is { Length: > 0 } model ? $"chat:{model}" : "chat";

    /// <inheritdoc/>
    public async ValueTask<string> CompactAsync(IReadOnlyList<SessionMessage> dropped, ITokenCounter counter, int maxTokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dropped);
        ArgumentNullException.ThrowIfNull(counter);
        var system = instructions ?? string.Create(CultureInfo.InvariantCulture,
            $"Summarise the conversation below in at most {maxTokens} tokens. Keep every fact, name, number, decision and open question; leave out greetings and chit-chat. Write plain sentences, no preamble.");
        var transcript = string.Join("\n", dropped.Select(message => $"{MessageRoles.Name(message.Role)}: {message.Text}"));
        var response = await _client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, transcript)],
            new ChatOptions { MaxOutputTokens = maxTokens, Temperature = 0 },
            cancellationToken).ConfigureAwait(false);
        return response.Text.Trim();
    }
}
