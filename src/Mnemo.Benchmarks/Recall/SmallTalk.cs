namespace Mnemo.Benchmarks.Recall;

/// <summary>
/// Filler turns: chit-chat on the same topics as the facts (dogs, work, trips, food, money, family, health) but
/// stating none of them, so that a question's words also match turns that do not answer it, as in a real chat log.
/// </summary>
internal static class SmallTalk
{
    private static readonly Func<Random, string>[] s_user =
    [
        _ => "My neighbour's dog barked all night again, I barely slept.",
        r => $"Saw the cutest {Pick(r, Pools.Breeds)} puppy at the park today.",
        _ => "Do dogs really need two walks a day? Asking for a friend.",
        _ => "The cat next door keeps sitting on our car.",
        _ => "Work has been so busy, I'm behind on everything.",
        _ => "Sometimes I think about changing jobs, but not yet.",
        r => $"A colleague just came back from a trip to {Pick(r, Pools.TripCities)}, she loved it.",
        _ => "I need a holiday so badly. Anywhere with a beach.",
        r => $"My friend is moving to {Pick(r, Pools.HomeCities)} and wants me to help pack.",
        _ => "Rent prices in this city are getting ridiculous.",
        _ => "I should really start saving money more seriously.",
        r => $"Do you know any good {Pick(r, Pools.Cuisines).Cuisine} recipes for a weeknight?",
        _ => "Cooking dinner for friends on Saturday, any ideas for a main?",
        _ => "My allergies are acting up with all this pollen.",
        _ => "Tried running this morning but gave up after two kilometres.",
        _ => "The traffic on the way to work was awful today.",
        _ => "Our car needs new tyres before winter.",
        _ => "Any book recommendations? I just finished my last one.",
        _ => "I'd love to learn a new language one day.",
        r => $"Had a long call with my {Pick(r, Pools.Relatives).Relative} today, we talked for hours.",
        _ => "Going to the dentist always makes me nervous.",
        _ => "We watched a movie last night, it was only okay.",
        r => $"The weather has been {Pick(r, "grey", "freezing", "gorgeous", "so humid", "rainy")} all week.",
        _ => "Our team is trying to make the app faster, lots of meetings about it.",
        _ => "The gym was packed this evening, I left early.",
        r => $"My manager wants the {Pick(r, Pools.Optimisations).System} numbers by Friday.",
        _ => "I can't decide what to get people for birthdays this year.",
        _ => "I keep buying books and never reading them.",
        _ => "Do you think it's worth taking evening classes?",
        _ => "I slept badly, too much coffee probably.",
        r => $"There's a new {Pick(r, Pools.Cuisines).Cuisine} place near the office, the queue was huge.",
        _ => "My phone battery dies by lunchtime now.",
        _ => "Spent the afternoon cleaning the flat. So satisfying.",
        _ => "How do people stay motivated to exercise?",
        r => $"A friend of mine got promoted at the {Pick(r, Pools.Promotions).Place} and is throwing a party.",
        _ => "I'm trying to drink more water, it's harder than it sounds.",
        _ => "Planning a weekend trip somewhere nearby, nothing fancy.",
        _ => "My parents keep asking when we'll visit.",
    ];

    private static readonly string[] s_assistant =
    [
        "That sounds frustrating. Is there anything I can help with?",
        "Oh nice, tell me more!",
        "I hope it gets better soon.",
        "That's a good question. It depends a lot on what you enjoy.",
        "Sounds like a busy week. Remember to take breaks.",
        "Ha, I know the feeling.",
        "That's lovely to hear.",
        "Want me to suggest a few options?",
        "Good luck with it!",
        "It's normal to feel that way sometimes.",
        "Small steps add up over time.",
        "Let me know how it goes.",
    ];

    /// <summary>A user turn of small talk.</summary>
    public static string User(Random random) => s_user[random.Next(s_user.Length)](random);

    /// <summary>An assistant reply that fits any small talk.</summary>
    public static string Assistant(Random random) => s_assistant[random.Next(s_assistant.Length)];

    private static T Pick<T>(Random r, params T[] options) => options[r.Next(options.Length)];
}
