namespace Mnemo.Benchmarks.Context;

/// <summary>
/// The filler of the context set: chit-chat between a user and an assistant, and tool calls that hold no planted fact.
/// It shares everyday and work words with the questions (team, project, office, gym, flat, budget) but never a fact's
/// value, so that the evidence markers are found only where they were planted.
/// </summary>
internal static class ContextChat
{
    // The most padding sentences after an assistant reply's first one.
    private const int MaxElaborations = 4;

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

    /// <summary>A user turn of chit-chat.</summary>
    public static string User(Random random) => Fill(random, s_user);

    /// <summary>An assistant reply that fits any chit-chat.</summary>
    public static string Assistant(Random random)
    {
        var reply = Fill(random, s_assistant);
        for (var extra = random.Next(MaxElaborations + 1); extra > 0; extra--)
        {
            reply += " " + Pick(random, s_elaborations);
        }

        return reply;
    }

    /// <summary>
    /// The assistant's reply to chatter on a fact's topic: it takes up what the user said and goes on at length, as
    /// assistants do, so that long messages on the question's topic compete with the short one that answers it.
    /// </summary>
    public static string TopicReply(Random random, string chatter)
    {
        var reply = $"You said: \"{chatter}\" {Pick(random, s_topicOpeners)}";
        for (var extra = random.Next(1, MaxElaborations + 1); extra > 0; extra--)
        {
            reply += " " + Pick(random, s_elaborations);
        }

        return reply;
    }

    /// <summary>The assistant's reply to a planted fact: it never repeats the value, so the user's message alone holds it.</summary>
    public static string Acknowledgement(Random random) => Pick(random, s_acknowledgements);

    /// <summary>What the assistant says as it calls a tool.</summary>
    public static string ToolIntro(Random random) => Pick(random, s_toolIntros);

    /// <summary>What the assistant says after a tool result: never the result's value.</summary>
    public static string ToolWrapUp(Random random) => Pick(random, s_toolWrapUps);

    /// <summary>A tool call with no planted fact: the user's request, the tool, and its result.</summary>
    public static (string Request, string Tool, string Result) ToolChore(Random random)
    {
        var chore = s_toolChores[random.Next(s_toolChores.Length)];
        return (chore.Request, chore.Tool, Pick(random, chore.Results));
    }

    /// <summary>A short text for a filler entry of the latency phase (many of them, all different by <paramref name="number"/>).</summary>
    public static string Note(Random random, int number) => $"Note {number}: {User(random)} {Assistant(random)}";

    private static string Fill(Random random, string[] templates) => Pick(random, templates)
        .Replace("{s}", Pick(random, s_subjects), StringComparison.Ordinal)
        .Replace("{f}", Pick(random, s_feelings), StringComparison.Ordinal);

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];
}
