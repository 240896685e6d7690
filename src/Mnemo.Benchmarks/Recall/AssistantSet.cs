namespace Mnemo.Benchmarks.Recall;

/// <summary>
/// The first evaluation set of <c>mnemo bench recall</c> (<c>--set assistant</c>): multi-session dialogues between users
/// and an assistant, and questions about them whose answers lie in known turns. Kept to compare with earlier runs; the
/// people set (<see cref="ConversationSet"/>) is the default, as its questions are harder and nearer real use.
/// </summary>
/// <remarks>
/// How it is made, modelled on LoCoMo and LongMemEval: each conversation is one persona. Every kind of fact in
/// <see cref="FactCatalog"/> gets values of its own for that persona and is said in a user turn of a random session;
/// a fact that changes (a job, a move, savings, an appointment) is restated at least three sessions later. Every
/// session also has small talk on the same topics (<see cref="SmallTalk"/>), and every user turn gets an assistant
/// reply. The questions of each fact are asked afterwards; their evidence is the user turn(s) that answer them, and
/// for a changed fact the latest one (or the earlier one, for "before"/"originally" questions). One question in
/// <see cref="TypoShare"/> gets a typo. Each conversation draws from its own random stream, so a smaller
/// <c>--conversations</c> gives the first conversations of the full set, unchanged.
/// </remarks>
internal static class AssistantSet
{
    /// <summary>Personas (conversations) in the full set.</summary>
    public const int DefaultConversations = 12;

    /// <summary>Sessions per conversation.</summary>
    public const int DefaultSessions = 24;

    private const double TypoShare = 0.15;

    // Sessions between a fact and its update, at least: "later" should mean weeks later, with talk in between.
    private const int UpdateGap = 3;

    private const int MinUserTurns = 4;
    private const int MaxUserTurns = 7;

    private static readonly DateOnly s_firstDay = new(2023, 1, 2);

    /// <summary>Builds the set for a seed: the same seed always gives the same turns and questions.</summary>
    public static RecallDataset Generate(int seed, int conversations = DefaultConversations, int sessions = DefaultSessions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(conversations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sessions, RecallDataset.MinSessions);
        var turns = new List<RecallTurn>();
        var questions = new List<RecallQuestion>();
        for (var c = 1; c <= conversations; c++)
        {
            AddConversation(new Random(unchecked((seed * 7919) + c)), $"c{c:D2}", sessions, turns, questions);
        }

        return new RecallDataset(RecallDataset.Assistant, turns, questions, conversations, sessions);
    }

    private static void AddConversation(Random random, string conversation, int sessions, List<RecallTurn> turns, List<RecallQuestion> questions)
    {
        var plans = FactCatalog.Kinds.Select(kind => kind(random)).ToArray();

        // Which session states each statement: updates come at least UpdateGap sessions after what they supersede.
        var scheduled = new List<(int Plan, int Statement)>[sessions + 1];
        for (var s = 0; s <= sessions; s++)
        {
            scheduled[s] = [];
        }

        for (var p = 0; p < plans.Length; p++)
        {
            var count = plans[p].Statements.Count;
            var previous = 1 - UpdateGap;
            for (var i = 0; i < count; i++)
            {
                var session = random.Next(previous + UpdateGap, sessions - (UpdateGap * (count - 1 - i)) + 1);
                scheduled[session].Add((p, i));
                previous = session;
            }
        }

        var evidence = plans.Select(plan => new string[plan.Statements.Count]).ToArray();
        var date = s_firstDay.AddDays(random.Next(0, 60));
        for (var session = 1; session <= sessions; session++)
        {
            date = date.AddDays(random.Next(3, 15));
            var facts = scheduled[session];
            var userTurns = Math.Max(facts.Count + 1, random.Next(MinUserTurns, MaxUserTurns + 1));
            var factAt = Enumerable.Range(0, userTurns).OrderBy(_ => random.Next()).Take(facts.Count).ToArray();
            var turn = 0;
            for (var u = 0; u < userTurns; u++)
            {
                var factIndex = Array.IndexOf(factAt, u);
                string text, reply;
                if (factIndex >= 0)
                {
                    var (plan, statement) = facts[factIndex];
                    (text, reply) = (plans[plan].Statements[statement].Text, plans[plan].Statements[statement].Reply);
                    evidence[plan][statement] = RecallDataset.Key(conversation, session, turn + 1);
                }
                else
                {
                    (text, reply) = (SmallTalk.User(random), SmallTalk.Assistant(random));
                }

                turn++;
                turns.Add(new RecallTurn(RecallDataset.Key(conversation, session, turn), conversation, session, turn, "user", date, text));
                turn++;
                turns.Add(new RecallTurn(RecallDataset.Key(conversation, session, turn), conversation, session, turn, "assistant", date, reply));
            }
        }

        for (var p = 0; p < plans.Length; p++)
        {
            foreach (var question in plans[p].Questions)
            {
                var text = random.NextDouble() < TypoShare ? Typos.Add(question.Text, random) : question.Text;
                questions.Add(new RecallQuestion(conversation, text, question.Evidence.Select(i => evidence[p][i]).ToArray(), question.Category));
            }
        }
    }
}
