namespace Mnemo.Benchmarks.Recall;

internal static partial class ConversationSet
{
    private sealed partial class Chat
    {
        // Turns in a session (more when it has a lot to tell).
        private const int MinTurns = 10;
        private const int MaxTurns = 30;

        // Share of tellings answered with the fact's own replies (naming the topic), the rest with a generic one.
        private const double TopicalReplyShare = 0.6;

        // Share of facts and topics with a near-miss turn somewhere in the conversation.
        private const double NearMissShare = 0.7;

        private static readonly string[] s_genericReplies =
        [
            "No way, {name}! That's big news.", "Oh wow, tell me everything!", "That's amazing, {name}!", "Ha, I love that.",
            "Good for you, honestly.", "Wait, really? Since when?", "That's so cool.", "Oh, how exciting!",
        ];

        /// <summary>
        /// Writes one session: a greeting and its answer, each telling at a turn of its teller followed by the other's
        /// reply, the near misses, small talk in every other turn (chit-chat, then an answer to it), and a goodbye.
        /// </summary>
        private void LayOut(int session, List<RecallTurn> turns)
        {
            var tellings = ChatTemplate.Sample(_random, _tellings.Where(t => t.Session == session).ToList(), int.MaxValue);
            var misses = _nearMisses[session];
            var count = Math.Max(_random.Next(MinTurns, MaxTurns + 1), (2 * tellings.Count) + misses.Count + 4);
            var starter = _random.Next(2);
            string?[]? texts;
            while ((texts = TryLayOut(session, count, starter, tellings, misses)) is null)
            {
                // The tellings did not fit between the alternating turns: a longer session has more room.
                count += 2;
            }

            for (var t = 0; t < count; t++)
            {
                turns.Add(new RecallTurn(RecallDataset.Key(_conversation, session, t + 1), _conversation, session, t + 1,
                    Speaker(starter, t).Name, _dates[session], texts[t]!));
            }
        }

        /// <summary>The texts of a session's turns, or null when the tellings do not fit in <paramref name="count"/> turns.</summary>
        private string?[]? TryLayOut(int session, int count, int starter, List<Telling> tellings, List<string> misses)
        {
            var texts = new string?[count];
            var chat = new bool[count];
            texts[0] = ChatFiller.Greeting(_random, Speaker(starter, 0), Speaker(starter, 1));
            texts[1] = ChatFiller.GreetingAnswer(_random, Speaker(starter, 1), Speaker(starter, 0));
            texts[count - 1] = ChatFiller.Goodbye(_random, Speaker(starter, count - 1), Speaker(starter, count - 2));
            foreach (var telling in tellings)
            {
                var free = Enumerable.Range(2, count - 4)
                    .Where(t => Speaker(starter, t) == telling.Owner && texts[t] is null && texts[t + 1] is null)
                    .ToList();
                if (free.Count == 0)
                {
                    return null;
                }

                var at = ChatTemplate.Pick(_random, free);
                (texts[at], texts[at + 1]) = (telling.Text, telling.Reply);
                telling.Key = RecallDataset.Key(_conversation, session, at + 1);
            }

            foreach (var miss in misses)
            {
                var free = Enumerable.Range(2, count - 3).Where(t => texts[t] is null).ToList();
                if (free.Count == 0)
                {
                    return null;
                }

                texts[ChatTemplate.Pick(_random, free)] = miss;
            }

            for (var t = 2; t < count - 1; t++)
            {
                if (texts[t] is null)
                {
                    var (speaker, other) = (Speaker(starter, t), Speaker(starter, t + 1));
                    chat[t] = !chat[t - 1];
                    texts[t] = chat[t] ? ChatFiller.SmallTalk(_random, speaker, other) : ChatFiller.Answer(_random, speaker, other);
                }
            }

            return texts;
        }

        private Person Speaker(int starter, int turn) => _people[(starter + turn) % 2];
    }
}
