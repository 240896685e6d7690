namespace Mnemo.Benchmarks.Recall;

/// <summary>
/// The small talk around the facts of the people set: greetings, chit-chat, answers to it, goodbyes. It states no fact,
/// but shares everyday words (work, family, weekend, food) with the questions, as the rest of a real chat log does.
/// </summary>
internal static class ChatFiller
{
    private static readonly string[] s_greetings =
    [
        "Hey {other}! How's your week been?", "Hi {other}, long time no chat!", "Morning {other}! Got a minute?",
        "Hey! How are things with you, {other}?", "{other}! I've been meaning to message you all week.", "Hi hi, how's life, {other}?",
    ];

    private static readonly string[] s_greetingAnswers =
    [
        "Hey {other}! Busy but good, you?", "Hi! Good to hear from you, {other}.", "All good here, {other}, just tired.",
        "Hey you! Not bad at all.", "Oh hi {other}! I was just thinking about you.",
    ];

    private static readonly string[] s_smallTalk =
    [
        "Work has been absolutely mad this week.", "The weather has been so grey lately.", "I slept terribly last night.",
        "What are you up to this weekend?", "I need a holiday so badly.", "My phone battery dies by lunchtime now.",
        "Traffic on the way home was awful today.", "I spent all Sunday cleaning the flat.", "Did you watch anything good lately?",
        "My mum called for an hour today, as usual.", "I'm trying to drink more water, it's harder than it sounds.",
        "Our team at work is so short-staffed right now.", "It's been raining for five days straight.", "I ordered takeaway again, oops.",
        "My neighbours are having another loud party.", "I can't believe it's already the middle of the year.",
        "How's your family doing, {other}?", "Did you see the news this morning?", "I'm so behind on emails.",
        "We had friends over for dinner on Saturday.", "My back is sore from sitting all day.", "I finally cleared out my wardrobe.",
        "The supermarket was out of everything today.", "I've had the same song stuck in my head all day.",
        "Any plans for the evening, {other}?", "My landlord still hasn't fixed the leak.", "I took a long walk at lunch, felt good.",
        "It was so sunny today, everyone was outside.", "The bus was late again this morning.", "I'm thinking of getting an early night.",
        "Remember that cafe we went to ages ago? It closed.", "My sister called, she says hi.", "I keep forgetting to water my plants.",
        "Honestly this month has flown by.", "I made way too much soup, I'll be eating it all week.", "Our internet was down all evening.",
        "The kids next door are learning the recorder, send help.", "I had the weirdest dream last night.",
        "My manager wants everything done by Friday.", "I've been trying to read more before bed.", "It's so hot, I can't think.",
        "Do you ever just need a quiet weekend at home?", "I'm so glad it's Friday.", "My friend's dog came to stay for the weekend.",
    ];

    private static readonly string[] s_answers =
    [
        "Ha, I know the feeling.", "Oh no, that sounds rough.", "Same here, honestly.", "That's lovely to hear.", "Ugh, I hope it gets better.",
        "Tell me about it!", "Haha, classic.", "Nothing much, just taking it easy.", "I hear you, {other}.", "Fingers crossed things calm down.",
        "That made me laugh.", "Sounds like a lot, {other}. Take care of yourself.", "Oh nice!", "Wow, really?", "Totally get that.",
        "Same, it's been a long week.", "Honestly, same.", "Sending good vibes your way.",
    ];

    private static readonly string[] s_goodbyes =
    [
        "Anyway, I'd better go. Talk soon, {other}!", "Gotta run, catch up later!", "Right, dinner time. Bye {other}!",
        "Talk to you next week!", "Speak soon, take care!", "Okay, I'm off to bed. Night {other}!",
    ];

    /// <summary>The first turn of a session, to <paramref name="other"/>.</summary>
    public static string Greeting(Random random, Person speaker, Person other) => Fill(random, s_greetings, speaker, other);

    /// <summary>The answer to a greeting.</summary>
    public static string GreetingAnswer(Random random, Person speaker, Person other) => Fill(random, s_greetingAnswers, speaker, other);

    /// <summary>A turn of chit-chat.</summary>
    public static string SmallTalk(Random random, Person speaker, Person other) => Fill(random, s_smallTalk, speaker, other);

    /// <summary>An answer that fits any chit-chat.</summary>
    public static string Answer(Random random, Person speaker, Person other) => Fill(random, s_answers, speaker, other);

    /// <summary>The last turn of a session.</summary>
    public static string Goodbye(Random random, Person speaker, Person other) => Fill(random, s_goodbyes, speaker, other);

    private static string Fill(Random random, string[] options, Person speaker, Person other) =>
        ChatTemplate.Fill(ChatTemplate.Pick(random, options), speaker, other);
}
