namespace Mnemo.Benchmarks.Recall;

/// <summary>The recurring topics of the people set (see <see cref="RecurringTopic"/>); written with <see cref="LifeFactCatalog"/>.</summary>
internal static class RecurringTopicCatalog
{
    /// <summary>Every recurring topic.</summary>
    public static readonly IReadOnlyList<RecurringTopic> All =
    [
        new()
        {
            Topic = "trip",
            Values = ["Lisbon", "Prague", "Kyoto", "Montreal", "Edinburgh", "Seville", "Budapest", "Copenhagen", "Istanbul", "Vienna"],
            Statements = ["Just got back from {v}, the food was incredible!", "Spent a long weekend in {v}, we walked everywhere.",
                "Back from a few days in {v}, already missing it."],
            Aggregate = "Which cities has {name} visited?",
            Chain = "Which city did {name} visit after {after}?",
            Replies = ["Jealous! I need a holiday, {name}.", "Did you take lots of photos?"],
            NearMisses = ["A colleague keeps telling me which cities I should visit.", "I haven't had a proper trip in ages."],
        },
        new()
        {
            Topic = "book",
            Values = ["Circe", "Dune", "Beloved", "Rebecca", "Atonement", "Middlemarch", "Persuasion", "Frankenstein", "Dracula", "The Hobbit"],
            Statements = ["Just finished {v}, couldn't put it down.", "Reading {v} at the moment, it's so good.",
                "Stayed up way too late with {v} last night."],
            Aggregate = "What books has {name} read?",
            Chain = "What book did {name} read after {after}?",
            Replies = ["Ooh, I've heard of that one, {name}.", "Lend it to me when you're done?"],
            NearMisses = ["I've read the same page five times, I'm so tired.", "My book club picks are always so depressing."],
        },
        new()
        {
            Topic = "concert",
            Values = ["The Velvet Foxes", "Neon Harbour", "Paper Lanterns", "Midnight Orchard", "The Static Hearts", "Glass Rivers",
                "Copper Moons", "Silver Tides"],
            Statements = ["Saw {v} live last night, what a show!", "{v} played the arena on Friday and I was right at the front.",
                "Finally caught {v} on tour, my ears are still ringing."],
            Aggregate = "Which bands has {name} seen live?",
            Chain = "Which band did {name} see after {after}?",
            Replies = ["I'm so jealous, {name}!", "Live music is the best."],
            NearMisses = ["There's a band playing at the pub on Friday, want to come?", "I haven't seen anything live since before the pandemic."],
        },
        new()
        {
            Topic = "hike",
            Values = ["Ben Nevis", "Snowdon", "Scafell Pike", "Table Mountain", "Half Dome", "Mount Fuji", "Arthur's Seat", "Pen y Fan"],
            Statements = ["Hiked up {v} on Sunday, the view was unreal.", "Made it to the top of {v} this weekend, my legs are dead.",
                "Did {v} with some friends, we got soaked but it was worth it."],
            Aggregate = "Which mountains has {name} climbed?",
            Chain = "Which mountain did {name} climb after {after}?",
            Replies = ["You're so outdoorsy, {name}!", "I get out of breath on the stairs."],
            NearMisses = ["I've climbed exactly zero mountains this year.", "Our office is on the top floor and the lift is broken again."],
        },
        new()
        {
            Topic = "restaurant",
            Values = ["Ethiopian", "Peruvian", "Georgian", "Sichuan", "Lebanese", "Filipino", "Basque", "Malaysian"],
            Statements = ["Tried a new {v} place downtown, so good.", "We went for {v} food last night, I'm still full.",
                "Finally booked that {v} restaurant everyone talks about, it lived up to the hype."],
            Aggregate = "Which cuisines has {name} tried at restaurants?",
            Chain = "What cuisine did {name} try after {after}?",
            Replies = ["Now I'm hungry, {name}.", "Send me the name of the place!"],
            NearMisses = ["I never know which restaurants to pick for a date.", "Trying to eat out less and cook more."],
        },
        new()
        {
            Topic = "camping",
            Values = ["Loch Lomond", "the Lake District", "Yosemite", "the Dolomites", "Big Sur", "the Highlands", "Dartmoor", "Banff"],
            Statements = ["Went camping at {v} with friends, froze all night.", "Pitched the tent by the water at {v}, woke up to mist everywhere.",
                "Back from three nights under canvas in {v}."],
            Aggregate = "Where has {name} gone camping?",
            Chain = "Where did {name} camp after {after}?",
            Replies = ["Brave, {name}! I need a proper bed.", "That sounds so peaceful."],
            NearMisses = ["Our camping gear has been in the attic for years.", "My idea of roughing it is a hotel without a spa."],
        },
        new()
        {
            Topic = "exhibition",
            Values = ["Monet", "Frida Kahlo", "dinosaur", "Egyptian", "photography", "Van Gogh", "space", "fashion"],
            Statements = ["Went to the {v} exhibition at the museum, loved it.", "The {v} exhibit was packed but so worth it.",
                "Spent the afternoon at the {v} show in the gallery."],
            Aggregate = "Which exhibitions has {name} been to?",
            Chain = "Which exhibition did {name} see after {after}?",
            Replies = ["I love a good museum day, {name}.", "Was it busy?"],
            NearMisses = ["The museum near us is closed for repairs.", "I keep meaning to see an exhibition but never do."],
        },
    ];
}
