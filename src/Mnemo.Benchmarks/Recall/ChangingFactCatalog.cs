namespace Mnemo.Benchmarks.Recall;

/// <summary>The changing facts of the people set (see <see cref="ChangingFact"/>); written with <see cref="LifeFactCatalog"/>.</summary>
internal static class ChangingFactCatalog
{
    /// <summary>Every changing fact.</summary>
    public static readonly IReadOnlyList<ChangingFact> All =
    [
        new()
        {
            Topic = "job",
            Values = ["nurse", "barista", "graphic designer", "accountant", "teacher", "software developer", "paramedic", "chef", "journalist"],
            First = ["I'm working as a {v} at the moment, it pays the bills.", "Long shift today, being a {v} is exhausting."],
            Update = ["Big news: I quit my job and I'm starting as a {w} next week!", "New chapter, I'm a {w} now, can you believe it?"],
            Question = "What jobs has {name} had?",
            Replies = ["Wow, what a change, {name}! Good luck.", "That's brave, I hope the new job is great."],
        },
        new()
        {
            Topic = "home",
            Values = ["the old town", "Riverside", "Northgate", "Elm Park", "Harbourside", "Westfield", "Kingsbury", "Oakridge"],
            First = ["Our flat in {v} is tiny, but I love the area.", "Living in {v} means I can walk everywhere."],
            Update = ["We finally moved, we're in {w} now with so much more space!", "Boxes everywhere: we just moved to {w}."],
            Question = "Where has {name} lived?",
            Replies = ["Housewarming party when, {name}?", "Moving is exhausting, take it easy."],
        },
        new()
        {
            Topic = "workout",
            Values = ["spin", "crossfit", "pilates", "boxing", "climbing", "swimming", "rowing"],
            First = ["I'm doing {v} three times a week, I'm hooked.", "{v} this morning again, I feel unstoppable."],
            Update = ["Switched up my training, I'm all about {w} now.", "New obsession: {w}, my body is in shock."],
            Question = "What workouts has {name} done?",
            Replies = ["Mixing it up is good, {name}.", "I should really get moving too."],
        },
    ];
}
