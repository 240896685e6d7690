using System.Globalization;

namespace Mnemo.Benchmarks.Recall;

internal static partial class ConversationSet
{
    /// <summary>One conversation: what each person tells, when, and what is asked about it.</summary>
    private sealed partial class Chat
    {
        // Kinds of fact each person tells, and how many of them the other tells too (with other values).
        private const int EventFacts = 6;
        private const int TasteFacts = 4;
        private const int SharedEvents = 3;
        private const int SharedTastes = 2;

        // Of a person's facts, how many are asked as "when" and as single-hop; the rest are asked as paraphrases.
        private const int TemporalQuestions = 3;
        private const int SingleHopQuestions = 3;

        // Recurring topics per person (one shared with the other), each told this many times, sessions apart.
        private const int RecurringPerPerson = 2;
        private const int MinMentions = 2;
        private const int MaxMentions = 3;
        private const int MentionGap = 3;

        // Sessions between a changing fact and its update, at least.
        private const int UpdateGap = 4;

        // "What did X do in May 2023?" is asked of a month in which X told this many events at most.
        private const int MaxMonthEvidence = 3;

        // Days between sessions, and the first session's earliest day.
        private const int MinDaysApart = 3;
        private const int MaxDaysApart = 21;
        private static readonly DateOnly s_firstDay = new(2023, 1, 2);

        private readonly Random _random;
        private readonly string _conversation;
        private readonly int _sessions;
        private readonly Person[] _people;
        private readonly DateOnly[] _dates;
        private readonly List<Telling> _tellings = [];
        private readonly List<Draft> _drafts = [];
        private readonly List<string>[] _nearMisses;

        // Values already given to a kind of fact in this conversation, so the other person's differ.
        private readonly Dictionary<(object Kind, int Part), HashSet<string>> _used = [];

        public Chat(Random random, string conversation, int sessions, Person first, Person second)
        {
            (_random, _conversation, _sessions, _people) = (random, conversation, sessions, [first, second]);
            _dates = new DateOnly[sessions + 1];
            var date = s_firstDay.AddDays(random.Next(0, 45));
            for (var s = 1; s <= sessions; s++)
            {
                date = date.AddDays(s == 1 ? 0 : random.Next(MinDaysApart, MaxDaysApart + 1));
                _dates[s] = date;
            }

            _nearMisses = Enumerable.Range(0, sessions + 1).Select(_ => new List<string>()).ToArray();
            Plan();
        }

        /// <summary>Lays the sessions out and adds their turns and the questions.</summary>
        public void Write(List<RecallTurn> turns, List<RecallQuestion> questions)
        {
            for (var s = 1; s <= _sessions; s++)
            {
                LayOut(s, turns);
            }

            questions.AddRange(_drafts.Select(d =>
                new RecallQuestion(_conversation, d.Text, d.Evidence.Select(t => t.Key!).ToArray(), d.Category, d.Person.Name)));
        }

        private void Plan()
        {
            var events = LifeFactCatalog.All.Where(f => f.IsEvent).ToList();
            var tastes = LifeFactCatalog.All.Where(f => !f.IsEvent).ToList();
            var (a, b) = (_people[0], _people[1]);
            var aFacts = ChatTemplate.Sample(_random, events, EventFacts).Concat(ChatTemplate.Sample(_random, tastes, TasteFacts)).ToList();
            var bFacts = ChatTemplate.Sample(_random, aFacts.Where(f => f.IsEvent).ToList(), SharedEvents)
                .Concat(ChatTemplate.Sample(_random, events, EventFacts - SharedEvents, aFacts))
                .Concat(ChatTemplate.Sample(_random, aFacts.Where(f => !f.IsEvent).ToList(), SharedTastes))
                .Concat(ChatTemplate.Sample(_random, tastes, TasteFacts - SharedTastes, aFacts))
                .ToList();
            var aTopics = ChatTemplate.Sample(_random, RecurringTopicCatalog.All, RecurringPerPerson);
            var bTopics = ChatTemplate.Sample(_random, aTopics, 1)
                .Concat(ChatTemplate.Sample(_random, RecurringTopicCatalog.All, RecurringPerPerson - 1, aTopics)).ToList();
            PlanPerson(a, b, aFacts, aTopics, ChatTemplate.Pick(_random, ChangingFactCatalog.All));
            PlanPerson(b, a, bFacts, bTopics, ChatTemplate.Pick(_random, ChangingFactCatalog.All));
        }

        private void PlanPerson(Person person, Person other, List<LifeFact> facts, List<RecurringTopic> topics, ChangingFact changing)
        {
            var told = new List<Told>();
            foreach (var fact in facts)
            {
                var value = Value(fact, 0, fact.Values);
                var second = fact.Seconds.Length > 0 ? Value(fact, 1, fact.Seconds) : null;
                var text = ChatTemplate.Fill(ChatTemplate.Pick(_random, fact.Statements), person, null, value, second);
                var telling = Tell(person, other, text, fact.Replies, isEvent: fact.IsEvent, _random.Next(1, _sessions + 1));
                told.Add(new Told(fact, telling, value, second));
                NearMiss(fact.NearMisses);
            }

            var mentions = topics.Select(topic => PlanMentions(person, other, topic)).ToList();
            AskChain(person, topics[0], mentions[0], told.Where(t => t.Fact.IsEvent).ToList());

            var firstSession = _random.Next(1, _sessions - UpdateGap + 1);
            var (before, after) = (Value(changing, 0, changing.Values), Value(changing, 0, changing.Values));
            var firstText = ChatTemplate.Fill(ChatTemplate.Pick(_random, changing.First), person, null, before);
            var first = Tell(person, other, firstText, [], isEvent: false, firstSession);
            var updateText = ChatTemplate.Fill(ChatTemplate.Pick(_random, changing.Update), person, null, before, after);
            var update = Tell(person, other, updateText, changing.Replies, isEvent: true, _random.Next(firstSession + UpdateGap, _sessions + 1));

            // Questions: some events asked as "when", then single-hop, then paraphrases of the rest; every recurring topic and the
            // changing fact as multi-hop; one month.
            var byWhen = ChatTemplate.Sample(_random, told.Where(t => t.Fact.IsEvent).ToList(), TemporalQuestions);
            foreach (var (fact, telling, value, second) in byWhen)
            {
                Ask(person, Temporal, ChatTemplate.Fill(fact.Temporal!, person, null, value, second), telling);
            }

            var rest = ChatTemplate.Sample(_random, told.Except(byWhen).ToList(), told.Count);
            for (var i = 0; i < rest.Count; i++)
            {
                var (fact, telling, value, second) = rest[i];
                var (category, template) = i < SingleHopQuestions ? (SingleHop, fact.SingleHop) : (Paraphrase, fact.Paraphrase);
                Ask(person, category, ChatTemplate.Fill(template, person, null, value, second), telling);
            }

            for (var t = 0; t < topics.Count; t++)
            {
                Ask(person, MultiHop, ChatTemplate.Fill(topics[t].Aggregate, person), [.. mentions[t]]);
            }

            Ask(person, MultiHop, ChatTemplate.Fill(changing.Question, person), first, update);
            AskMonth(person);
        }

        /// <summary>Tells a recurring topic in sessions at least <see cref="MentionGap"/> apart, a new value each time.</summary>
        private List<Telling> PlanMentions(Person person, Person other, RecurringTopic topic)
        {
            var count = _random.Next(MinMentions, MaxMentions + 1);
            var sessions = Spread(count);
            var mentions = new List<Telling>();
            foreach (var session in sessions)
            {
                var value = Value(topic, 0, topic.Values);
                var text = ChatTemplate.Fill(ChatTemplate.Pick(_random, topic.Statements), person, null, value);
                mentions.Add(Tell(person, other, text, topic.Replies, true, session));
            }

            NearMiss(topic.NearMisses);
            return mentions;
        }

        /// <summary>
        /// "Which city did X visit after she adopted Biscuit?": one of the person's events is moved between the last two
        /// mentions of a recurring topic, so that exactly one mention comes after it; the evidence is both turns.
        /// </summary>
        private void AskChain(Person person, RecurringTopic topic, List<Telling> mentions, List<Told> events)
        {
            var (previous, last) = (mentions[^2], mentions[^1]);
            var (fact, anchor, value, second) = ChatTemplate.Pick(_random, events);
            anchor.Session = _random.Next(previous.Session + 1, last.Session);
            var clause = ChatTemplate.Fill(fact.After!, person, null, value, second, capitalize: false);
            Ask(person, MultiHop, ChatTemplate.Fill(topic.Chain.Replace("{after}", clause, StringComparison.Ordinal), person), anchor, last);
        }

        /// <summary>"What did X do in May 2023?": every event X told in a month with a few of them.</summary>
        private void AskMonth(Person person)
        {
            var months = _tellings.Where(t => t.Owner == person && t.IsEvent)
                .GroupBy(t => (_dates[t.Session].Year, _dates[t.Session].Month))
                .Where(g => g.Count() <= MaxMonthEvidence)
                .OrderBy(g => g.Key)
                .ToList();
            if (months.Count == 0)
            {
                return;
            }

            var month = ChatTemplate.Pick(_random, months);
            var name = DateTimeFormatInfo.InvariantInfo.GetMonthName(month.Key.Month);
            Ask(person, Temporal, string.Create(CultureInfo.InvariantCulture, $"What did {person.Name} do in {name} {month.Key.Year}?"), [.. month]);
        }

        /// <summary>Sorted sessions, at least <see cref="MentionGap"/> apart (evenly spread when chance finds none).</summary>
        private int[] Spread(int count)
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var sessions = Enumerable.Range(0, count).Select(_ => _random.Next(1, _sessions + 1)).Order().ToArray();
                if (sessions.Zip(sessions.Skip(1)).All(p => p.Second - p.First >= MentionGap))
                {
                    return sessions;
                }
            }

            return Enumerable.Range(0, count).Select(i => 1 + (i * (_sessions - 1) / Math.Max(1, count - 1))).ToArray();
        }

        private Telling Tell(Person owner, Person other, string text, string[] replies, bool isEvent, int session)
        {
            var reply = replies.Length > 0 && _random.NextDouble() < TopicalReplyShare
                ? ChatTemplate.Pick(_random, replies)
                : ChatTemplate.Pick(_random, s_genericReplies);
            var telling = new Telling(owner, text, ChatTemplate.Fill(reply, owner, other), isEvent) { Session = session };
            _tellings.Add(telling);
            return telling;
        }

        private void NearMiss(string[] lines)
        {
            if (_random.NextDouble() < NearMissShare)
            {
                _nearMisses[_random.Next(1, _sessions + 1)].Add(ChatTemplate.Pick(_random, lines));
            }
        }

        private void Ask(Person person, string category, string text, params Telling[] evidence) =>
            _drafts.Add(new Draft(person, category, text, evidence));

        /// <summary>A value of a kind of fact not yet given to anyone in this conversation (any, once all are taken).</summary>
        private string Value(object kind, int part, string[] values)
        {
            if (!_used.TryGetValue((kind, part), out var used))
            {
                _used[(kind, part)] = used = [];
            }

            var free = values.Where(v => !used.Contains(v)).ToList();
            var value = free.Count > 0 ? ChatTemplate.Pick(_random, free) : ChatTemplate.Pick(_random, values);
            used.Add(value);
            return value;
        }

        /// <summary>A turn that tells something, the other's reply, and where they were put.</summary>
        private sealed class Telling(Person owner, string text, string reply, bool isEvent)
        {
            public Person Owner { get; } = owner;

            public string Text { get; } = text;

            public string Reply { get; } = reply;

            /// <summary>True for something done on a day (asked "when", and in "what did X do in May?").</summary>
            public bool IsEvent { get; } = isEvent;

            public int Session { get; set; }

            /// <summary>The key of the telling turn, set when the session is laid out.</summary>
            public string? Key { get; set; }
        }

        /// <summary>A question before the layout gives its evidence turns their keys.</summary>
        private sealed record Draft(Person Person, string Category, string Text, Telling[] Evidence);

        /// <summary>A fact a person tells, with the values it was told with.</summary>
        private sealed record Told(LifeFact Fact, Telling Telling, string Value, string? Second);
    }
}
