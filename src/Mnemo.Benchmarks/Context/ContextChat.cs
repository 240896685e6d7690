namespace Mnemo.Benchmarks.Context;

/// <summary>
/// The filler of the context set: chit-chat between a user and an assistant, and tool calls that hold no planted fact.
/// It shares everyday and work words with the questions (team, project, office, gym, flat, budget) but never a fact's
/// value, so that the evidence markers are found only where they were planted.
/// </summary>
internal static class ContextChat
{
    /// <summary>The fewest sentences of an assistant's chit-chat reply.</summary>
    public const int MinReplySentences = 3;

    /// <summary>The most sentences of an assistant's chit-chat reply.</summary>
    public const int MaxReplySentences = 12;

    /// <summary>The fewest sentences of a long user message.</summary>
    public const int MinLongUserSentences = 2;

    /// <summary>The most sentences of a long user message.</summary>
    public const int MaxLongUserSentences = 6;

    // The chance that a user's chit-chat turn, or a statement of a fact, runs to several sentences: people mostly write
    // one line, sometimes a paragraph with the point somewhere inside it.
    private const double LongUserChance = 0.35;
    private const double LongStatementChance = 0.5;

    // The most sentences an acknowledgement of a fact goes on with after its first.
    private const int MaxAcknowledgementExtras = 2;

    // A sentence ends at ., ! or ? (maybe inside a closing quote) before a space or the end: values such as "4.2.17" do not.
    private static readonly System.Text.RegularExpressions.Regex s_sentenceEnd = new(@"[.!?]""?(\s|$)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly string[] s_subjects =
    [
        "the quarterly review", "my morning run", "the new coffee machine", "our team offsite", "the office move", "my reading list",
        "the weekend hike", "a podcast about history", "the gym schedule", "my cooking experiments", "the garden", "the project retro",
        "the flat's heating", "our sprint planning", "the onboarding docs", "a documentary about whales", "the train strike",
        "my language lessons", "the budget spreadsheet", "a birthday present for a friend",
    ];

    private static readonly string[] s_feelings =
    [
        "a bit stressful", "surprisingly fun", "more work than expected", "pretty relaxing", "kind of a mess", "going better than planned",
        "hard to get started on", "oddly satisfying", "taking forever", "the highlight of my week",
    ];

    private static readonly string[] s_user =
    [
        "Been thinking about {s} all day, it's {f}.", "Quick one: any tips for {s}?", "Honestly {s} has been {f}.",
        "Can we talk about {s} for a second?", "I spent the evening on {s}, it was {f}.", "Remind me to come back to {s} later.",
        "What would you do about {s}?", "My colleague keeps bringing up {s}, it's {f}.", "Not much new, mostly {s}.",
        "I should plan {s} better next time.", "Do you think {s} is worth the effort?", "Ugh, {s} again. It's {f}.",
        "Small win today with {s}!", "I keep postponing {s}.", "Tell me something encouraging about {s}.",
        "Good morning! Today is all about {s}.", "Any idea how long {s} usually takes?", "I wrote some notes on {s} yesterday.",
    ];

    private static readonly string[] s_assistant =
    [
        "That sounds {f}. Want to break it into smaller steps?", "Happy to help with {s}. What's the main blocker?",
        "Good to hear! Keep me posted on {s}.", "It's normal for {s} to feel {f}.", "One idea: set aside twenty minutes a day for {s}.",
        "Makes sense. Would a checklist for {s} help?", "I can draft a plan for {s} if you like.", "Nice, that's real progress.",
        "Let's come back to {s} whenever you're ready.", "Sounds like {s} deserves a proper slot in your calendar.",
        "Noted. Anything else on your mind?", "I'd start with the part of {s} you enjoy most.",
    ];

    // Sentences an assistant pads a reply with: real replies run to several sentences, so whole messages fill a budget fast.
    private static readonly string[] s_elaborations =
    [
        "A lot of people find that the hardest part is simply starting, and that momentum builds once the first step is done.",
        "It can help to write down what a good outcome would look like before deciding how much time to spend on it.",
        "If it keeps coming back, that usually means it matters to you more than it seems at first.",
        "Try not to judge the whole week by one bad day; the overall trend is what counts.",
        "Sharing the load with someone else, even just by talking it through, often makes it feel lighter.",
        "Setting a small, fixed slot for it, say twenty minutes after lunch, tends to work better than waiting for free time.",
        "You could also ask a colleague how they handle it; they may have a trick that saves you hours.",
        "Whatever you choose, give it a couple of weeks before deciding whether it works.",
        "Keeping notes as you go makes it much easier to pick things up again later.",
        "It's fine to let some things slide for a while if other priorities are more pressing right now.",
        "Breaking it into three or four concrete steps usually makes the next action obvious.",
        "Rest matters too: a tired mind makes everything look harder than it is.",
        "If you want, I can remind you about it later this week and we can see how far you got.",
        "Many people underestimate how long these things take, so a little slack in the plan goes a long way.",
    ];

    // Elaborations that stay on the subject of the user's turn.
    private static readonly string[] s_topicalElaborations =
    [
        "With {s} in particular, the first week is usually the hardest.", "I'd keep {s} small at first and see how it feels.",
        "It might help to decide what 'done' means for {s} before you start.", "You mentioned {s} before, so it clearly matters to you.",
        "If {s} keeps slipping, try pairing it with something you already do every day.",
        "People often say {s} gets easier once there's a routine around it.", "Don't let {s} crowd out everything else this week.",
        "A short note after each go at {s} will show you how far you've come.",
        "If {s} feels {f}, that's a sign to slow down rather than give up.", "We can revisit {s} at the end of the week if you like.",
    ];

    // Single sentences a user pads a message with around its point.
    private static readonly string[] s_userDetails =
    [
        "I've been meaning to sort out {s} for weeks.", "Yesterday was mostly {s}, which was {f}.", "Anyway, that's a long story.",
        "The weather hasn't helped either.", "I only had an hour free in the afternoon.", "My colleague thinks I'm overthinking it.",
        "Sorry, I'm rambling a bit today.", "It reminded me that I still need to deal with {s}.", "On the bright side, {s} is {f}.",
        "I also need to call my parents this weekend.", "Work has been busy, lots of meetings.", "I had too much coffee this morning.",
        "Not sure why, but {s} keeps coming up in conversations.", "Let's see how the rest of the week goes.",
    ];

    private static readonly string[] s_topicOpeners =
    [
        "That happens more often than people think.", "I can see why that's on your mind.", "Let's think that through together.",
        "That sounds worth sorting out soon.", "Fair enough, it's a common situation.",
    ];

    private static readonly string[] s_acknowledgements =
    [
        "Got it, I'll keep that in mind.", "Noted, thanks for telling me.", "Thanks, I'll remember that.", "Okay, good to know.",
        "Understood, I've made a note of it.", "Thanks for the update.",
    ];

    // Tool calls whose results hold nothing the questions ask about.
    private static readonly (string Request, string Tool, string[] Results)[] s_toolChores =
    [
        ("What's the weather looking like this afternoon?", "weather_forecast",
            ["forecast: light rain after three, wind from the west, mild", "forecast: clear skies, cool in the evening, no rain expected"]),
        ("Anything on my calendar tomorrow morning?", "calendar_lookup",
            ["calendar: one focus block, nothing else booked before lunch", "calendar: a one-to-one and a design review before lunch"]),
        ("Can you check whether the nightly tests passed?", "ci_status",
            ["ci: nightly pipeline green, all suites passed", "ci: nightly pipeline flaky, one suite retried and passed"]),
        ("Is the staging environment up?", "health_check", ["health: staging responding, all checks passing", "health: staging up, one slow endpoint"]),
        ("Search my notes for the meeting with design.", "notes_search",
            ["notes: design sync, agreed to simplify the settings page", "notes: design sync, follow up on colour palette"]),
    ];

    private static readonly string[] s_toolIntros =
    [
        "Let me check.", "One moment, looking it up.", "Checking now.", "Sure, let me look.",
    ];

    private static readonly string[] s_toolWrapUps =
    [
        "There you go, that's what the tool returned.", "Done, the result is above.", "That's the latest I could find.",
        "All looked up, let me know if you need more.",
    ];

    /// <summary>
    /// A turn of chit-chat and its reply, on one subject: the user's turn is mostly one line, sometimes a few
    /// sentences; the assistant answers in 3 to 12 sentences, some on that subject.
    /// </summary>
    public static (string User, string Assistant) Pair(Random random)
    {
        var subject = Pick(random, s_subjects);
        var turn = Fill(random, s_user, subject);
        var user = random.NextDouble() < LongUserChance ? Pad(random, turn, subject, Pick(random, [0, int.MaxValue])) : turn;
        return (user, Assistant(random, subject));
    }

    /// <summary>
    /// What a user writes to state a fact: the statement alone, or, as often, the statement at a random place (start,
    /// middle or end) in a message of 2 to 6 sentences whose others hold no value.
    /// </summary>
    public static string Statement(Random random, string statement) =>
        random.NextDouble() < LongStatementChance ? Pad(random, statement, Pick(random, s_subjects), position: null) : statement;

    /// <summary>Padding a user puts around on-topic chatter: the same as for a statement, so chatter reads like one.</summary>
    public static string UserChatter(Random random, string chatter) => Statement(random, chatter);

    // An assistant's chit-chat reply on a subject.
    private static string Assistant(Random random, string subject)
    {
        var reply = Fill(random, s_assistant, subject);
        var pool = s_elaborations.Concat(s_topicalElaborations.Select(e => Fill(e, subject, random))).OrderBy(_ => random.Next()).ToList();
        return Extend(random, reply, pool);
    }

    /// <summary>
    /// The assistant's reply to chatter on a fact's topic: it takes up what the user said and goes on at length (3 to 12
    /// sentences), as assistants do, so that long messages on the question's topic compete with the one that answers it.
    /// </summary>
    public static string TopicReply(Random random, string chatter) =>
        Extend(random, $"You said: \"{chatter}\" {Pick(random, s_topicOpeners)}", [.. s_elaborations.OrderBy(_ => random.Next())]);

    /// <summary>
    /// The assistant's reply to a planted fact, one to three sentences: it never repeats the value, so the user's
    /// message alone holds it.
    /// </summary>
    public static string Acknowledgement(Random random)
    {
        var reply = Pick(random, s_acknowledgements);
        var extras = s_elaborations.OrderBy(_ => random.Next()).Take(random.Next(MaxAcknowledgementExtras + 1));
        return string.Join(' ', extras.Prepend(reply));
    }

    /// <summary>The number of sentences in a text (ends of sentences, so a text with none counts as none).</summary>
    public static int Sentences(string text) => s_sentenceEnd.Count(text);

    /// <summary>What the assistant says as it calls a tool.</summary>
    public static string ToolIntro(Random random) => Pick(random, s_toolIntros);

    /// <summary>What the assistant says after a tool result: never the result's value.</summary>
    public static string ToolWrapUp(Random random) => Pick(random, s_toolWrapUps);

    /// <summary>A tool call with no planted fact: the user's request, the tool, and its long result (10 to 40 lines).</summary>
    public static (string Request, string Tool, string Result) ToolChore(Random random)
    {
        var chore = s_toolChores[random.Next(s_toolChores.Length)];
        return (chore.Request, chore.Tool, ContextToolOutput.Result(random, chore.Tool, Pick(random, chore.Results)));
    }

    /// <summary>
    /// A short text for a filler entry of the latency phase (many of them, all different by <paramref name="number"/>):
    /// kept to a line and a reply's opening so that filling 100,000 entries stays quick.
    /// </summary>
    public static string Note(Random random, int number)
    {
        var subject = Pick(random, s_subjects);
        return $"Note {number}: {Fill(random, s_user, subject)} {Fill(random, s_assistant, subject)}";
    }

    // Goes on from a reply's opening with sentences from the pool, in order, until it holds 3 to 12 sentences.
    private static string Extend(Random random, string reply, List<string> pool)
    {
        var target = random.Next(MinReplySentences, MaxReplySentences + 1);
        var text = new System.Text.StringBuilder(reply);
        var count = Sentences(reply);
        foreach (var sentence in pool)
        {
            if (count >= target)
            {
                break;
            }

            text.Append(' ').Append(sentence);
            count += Sentences(sentence);
        }

        return text.ToString();
    }

    // Pads a user's sentence (or two) with details on one subject into a message of 2 to 6 sentences; it goes at
    // the given index (clamped to the end), or at a random one when null.
    private static string Pad(Random random, string sentence, string subject, int? position)
    {
        var total = random.Next(MinLongUserSentences, MaxLongUserSentences + 1);
        var details = s_userDetails.OrderBy(_ => random.Next()).Take(Math.Max(0, total - Sentences(sentence))).Select(d => Fill(d, subject, random)).ToList();
        details.Insert(Math.Min(position ?? random.Next(total), details.Count), sentence);
        return string.Join(' ', details);
    }

    private static string Fill(Random random, string[] templates, string subject) => Fill(Pick(random, templates), subject, random);

    private static string Fill(string template, string subject, Random random) => template
        .Replace("{s}", subject, StringComparison.Ordinal)
        .Replace("{f}", Pick(random, s_feelings), StringComparison.Ordinal);

    private static T Pick<T>(Random random, T[] options) => options[random.Next(options.Length)];
}
