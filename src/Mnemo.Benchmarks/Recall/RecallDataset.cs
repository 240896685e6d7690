using System.Globalization;

namespace Mnemo.Benchmarks.Recall;

/// <summary>
/// An evaluation set of <c>mnemo bench recall</c>: dialogues, one entry per turn, and questions whose answers lie in
/// known turns. Built in code from a seed, so every run can rebuild it exactly; docs/recall-eval.md describes the sets.
/// </summary>
/// <param name="Set">Which generator made it: <see cref="People"/> or <see cref="Assistant"/>.</param>
/// <param name="Turns">Every turn of every conversation, in order.</param>
/// <param name="Questions">The questions, grouped by conversation.</param>
/// <param name="Conversations">How many conversations.</param>
/// <param name="Sessions">Sessions per conversation.</param>
internal sealed record RecallDataset(string Set, IReadOnlyList<RecallTurn> Turns, IReadOnlyList<RecallQuestion> Questions, int Conversations, int Sessions)
{
    /// <summary>The default set: chats between two people (<see cref="ConversationSet"/>).</summary>
    public const string People = "people";

    /// <summary>The first set: a user telling an assistant about their life (<see cref="AssistantSet"/>).</summary>
    public const string Assistant = "assistant";

    /// <summary>The fewest sessions either generator accepts: room for a fact and two later mentions, weeks apart.</summary>
    public const int MinSessions = 8;

    /// <summary>Builds a set; <c>null</c> sizes take the set's defaults.</summary>
    public static RecallDataset Generate(string set, int seed, int? conversations = null, int? sessions = null) => set switch
    {
        People => ConversationSet.Generate(seed, conversations ?? ConversationSet.DefaultConversations, sessions ?? ConversationSet.DefaultSessions),
        Assistant => AssistantSet.Generate(seed, conversations ?? AssistantSet.DefaultConversations, sessions ?? AssistantSet.DefaultSessions),
        _ => throw new ArgumentException($"--set '{set}' is not a set: use {People} or {Assistant}", nameof(set)),
    };

    /// <summary>The key of a turn: <c>eval/c01/s03/t007</c>.</summary>
    public static string Key(string conversation, int session, int turn) =>
        string.Create(CultureInfo.InvariantCulture, $"eval/{conversation}/s{session:D2}/t{turn:D3}");

    /// <summary>The namespace a conversation's turns are stored under, and searched within.</summary>
    public static string Namespace(string conversation) => $"eval/{conversation}/";
}
