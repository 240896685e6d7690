namespace Mnemo.Benchmarks.Recall;

/// <summary>
/// The people set of <c>mnemo bench recall</c> (the default): chats between two people over months, shaped like the
/// public LoCoMo benchmark, with questions naming a person, a place or a time. Built from a seed; docs/recall-eval.md
/// describes it.
/// </summary>
/// <remarks>
/// Each conversation is between its own two people, over <c>sessions</c> dated days or weeks apart, of 10 to 30 turns
/// that alternate between them. Each person tells facts from <see cref="LifeFactCatalog"/> (events and tastes), the
/// occurrences of two <see cref="RecurringTopicCatalog">recurring topics</see> (several sessions, other details each
/// time) and one <see cref="ChangingFactCatalog">changing fact</see>, in first-person turns that never name them; the
/// other answers, sometimes naming them and the topic. The two share some kinds of fact with different values (both
/// have a pet, both travel), and near-miss turns share the questions' words without answering them. Small talk fills
/// the rest. Each conversation draws from its own random stream, so a smaller <c>--conversations</c> gives the first
/// conversations of the full set, unchanged.
/// </remarks>
internal static partial class ConversationSet
{
    /// <summary>Conversations in the full set.</summary>
    public const int DefaultConversations = 8;

    /// <summary>Sessions per conversation.</summary>
    public const int DefaultSessions = 20;

    /// <summary>A fact asked about by the person's name, in at most the topic's word of the answer's turn.</summary>
    public const string SingleHop = "single-hop";

    /// <summary>A fact asked about in words that share no content word with the answer's turn.</summary>
    public const string Paraphrase = "paraphrase";

    /// <summary>When something happened (the answer is the session's date, in metadata), or what happened in a month.</summary>
    public const string Temporal = "temporal";

    /// <summary>A question whose answer needs two turns or more, often of different sessions.</summary>
    public const string MultiHop = "multi-hop";

    /// <summary>The question types, in the order they are reported.</summary>
    public static readonly IReadOnlyList<string> Categories = [SingleHop, Paraphrase, Temporal, MultiHop];

    // Names of the people; no name is also a word or a value of a fact, so a name in a turn is always a person.
    private static readonly string[] s_women =
    [
        "Melanie", "Caroline", "Priya", "Sofia", "Hannah", "Leila", "Nadia", "Chloe", "Isabel", "Yuki", "Amara", "Freya", "Mina", "Tessa",
        "Zara", "Lucia", "Ingrid", "Elena", "Aisha", "Beatriz", "Harriet", "Noor", "Keiko", "Dalia",
    ];

    private static readonly string[] s_men =
    [
        "Jon", "Marcus", "Diego", "Tom", "Kenji", "Omar", "Lucas", "Felix", "Ravi", "Samuel", "Andre", "Tobias", "Noah", "Ethan", "Hugo",
        "Mateo", "Idris", "Jonas", "Pavel", "Oscar", "Arjun", "Callum", "Declan", "Gareth",
    ];

    /// <summary>Builds the set for a seed: the same seed always gives the same turns and questions.</summary>
    public static RecallDataset Generate(int seed, int conversations = DefaultConversations, int sessions = DefaultSessions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(conversations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sessions, RecallDataset.MinSessions);

        // Names are dealt from one shuffle per seed, two of each to a conversation, so that every conversation has its
        // own pair (up to 12 conversations; beyond, names come round again in other pairs).
        var deal = new Random(seed);
        var women = ChatTemplate.Sample(deal, s_women, s_women.Length);
        var men = ChatTemplate.Sample(deal, s_men, s_men.Length);
        var turns = new List<RecallTurn>();
        var questions = new List<RecallQuestion>();
        for (var c = 1; c <= conversations; c++)
        {
            var random = new Random(unchecked((seed * 7919) + c));
            var (first, second) = (2 * (c - 1), (2 * (c - 1)) + 1);
            var candidates = new[]
            {
                new Person(women[first % women.Count], true), new Person(women[second % women.Count], true),
                new Person(men[first % men.Count], false), new Person(men[second % men.Count], false),
            };
            var pair = ChatTemplate.Sample(random, candidates, 2);
            new Chat(random, $"c{c:D2}", sessions, pair[0], pair[1]).Write(turns, questions);
        }

        return new RecallDataset(RecallDataset.People, turns, questions, conversations, sessions);
    }
}
