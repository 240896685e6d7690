using System.Globalization;

namespace Mnemo.Benchmarks.Recall;

/// <summary>
/// The kinds of fact a user tells the assistant, each with several ways to say it and to ask about it later.
/// </summary>
/// <remarks>
/// The questions were written the way a person asks weeks later, not by copying the statement: other word forms
/// (adopted/adopt, ran/run, optimising/optimization, dentist/dental, colour/color), question words, pronouns, and now and
/// then only a synonym ("studying" for "learning"). They were written before any search was run and not revised after
/// seeing scores, so the set favours no search mode. Statement <c>0</c> is the first mention; higher indexes are later
/// updates that supersede it.
/// </remarks>
internal static class FactCatalog
{
    /// <summary>Every fact kind; each persona gets one fact of each kind, with its own values.</summary>
    public static readonly Func<Random, FactPlan>[] Kinds =
    [
        Dog, Cat, Job, Trip, Move, Cuisine, Vegetarian, Allergy, Car, Optimisation, HalfMarathon, Rent, Savings, Hobby, Language, Birthday,
        Dentist, Book, Promotion, Gym,
    ];

    private static FactPlan Dog(Random r)
    {
        var (breed, name) = (Pick(r, Pools.Breeds), Pick(r, Pools.DogNames));
        return new(
            [S(Pick(r, $"We adopted a {breed} puppy last weekend and named him {name}!",
                    $"Big news: we're adopting a rescue dog, a {breed} called {name}.",
                    $"Finally brought home our new {breed}. The kids picked the name {name}."),
                "Congratulations on the new family member! Puppies are a lot of work but so worth it.")],
            [Q(Pick(r, "What's the name of my dog?", "what did we name the puppy we adopted", "What do we call our new dog?"), "fact", 0),
                Q(Pick(r, "What breed is our dog?", "which breed of puppy did we adopt?"), "fact", 0)]);
    }

    private static FactPlan Cat(Random r)
    {
        var name = Pick(r, Pools.CatNames);
        return new(
            [S(Pick(r, $"Our cat {name} knocked my coffee off the desk again, she is such a menace.",
                    $"{name}, our cat, has decided my keyboard is her new bed."),
                "Cats have a talent for finding the warmest spot in the house.")],
            [Q(Pick(r, "What is my cats name?", "What's our cat called?"), "fact", 0)]);
    }

    private static FactPlan Job(Random r)
    {
        var (first, second) = TwoOf(r, Pools.Companies);
        var (role, role2) = TwoOf(r, Pools.Roles);
        return new(
            [S(Pick(r, $"I got the job! Starting as a {role} at {first} on Monday.", $"Signed the offer from {first} today, I'll be their new {role}."),
                    "Congratulations! Starting somewhere new is exciting."),
                S(Pick(r, $"Big change: I quit {first} and I'm joining {second} as a {role2}.",
                    $"I handed in my notice at {first}; next month I start at {second} as {role2}."),
                    "Wow, that's a big move. I hope the new team is great.")],
            [Q(Pick(r, "Where do I work now?", "Which company am I working for currently?", "who is my current employer"), "update", 1),
                Q(Pick(r, "Where was I working before I switched jobs?", "What company did I work at before my current job?"), "previous", 0),
                Q(Pick(r, "What's my new role?", "what position did I take when I changed jobs?"), "update", 1)]);
    }

    private static FactPlan Trip(Random r)
    {
        var (city, month) = (Pick(r, Pools.TripCities), Pick(r, Pools.Months));
        return new(
            [S(Pick(r, $"We booked flights to {city} for {month}! It's for our anniversary.",
                    $"For our anniversary we're flying to {city} in {month}, can't wait."),
                "How romantic! I hope you have a wonderful time.")],
            [Q(Pick(r, "Where are we travelling for our anniversary?", "Which city did we book a trip to?", "where's the anniversary trip"), "fact", 0),
                Q(Pick(r, "When is our anniversary trip?", "Which month are we going away for the anniversary?"), "temporal", 0)]);
    }

    private static FactPlan Move(Random r)
    {
        var (first, second) = TwoOf(r, Pools.HomeCities);
        var month = Pick(r, Pools.Months);
        return new(
            [S($"We're planning to move to {first} in {month}, closer to my parents.", "Moving is stressful, but being near family helps."),
                S(Pick(r, $"Change of plans: we're relocating to {second} instead, the job market's better there.",
                    $"Scratch {first}, we decided on {second} for the move."),
                    "Good to have it settled. Let me know if you want help planning the move.")],
            [Q(Pick(r, "Which city am I moving to?", "Where are we relocating?"), "update", 1),
                Q(Pick(r, "Where were we originally planning to move?", "What city did we first consider moving to?"), "previous", 0)]);
    }

    private static FactPlan Cuisine(Random r)
    {
        var (cuisine, dish) = Pick(r, Pools.Cuisines);
        return new(
            [S(Pick(r, $"Honestly {cuisine} food is my favourite, I could eat {dish} every day.",
                    $"Nothing beats {cuisine} cooking for me, especially {dish}."),
                "That sounds delicious. Do you cook it at home too?")],
            [Q(Pick(r, "What's my favorite cuisine?", "what type of food do I like most?", "Which dish could I eat every single day?"), "preference", 0)]);
    }

    private static FactPlan Vegetarian(Random r)
    {
        var months = r.Next(2, 13);
        return new(
            [S(Pick(r, $"I've been vegetarian for about {months} months now and honestly don't miss meat.",
                    $"It's been {months} months since I stopped eating meat."),
                "Good for you! Lots of people find it easier than they expected.")],
            [Q(Pick(r, "Do I eat meat?", "How long have I been a vegetarian?", "how many months since I gave up meat"), "preference", 0)]);
    }

    private static FactPlan Allergy(Random r)
    {
        var (allergen, food) = Pick(r, Pools.Allergens);
        return new(
            [S(Pick(r, $"Found out at the clinic that I'm allergic to {allergen}, so no more {food} for me.",
                    $"The allergist says {allergen} are the problem. Goodbye {food}."),
                "That's a tough one. At least you know what caused it now.")],
            [Q(Pick(r, "What am I allergic to?", "Which allergy did the doctor find?", "what food allergies do i have"), "fact", 0)]);
    }

    private static FactPlan Car(Random r)
    {
        var (car, colour) = (Pick(r, Pools.Cars), Pick(r, Pools.Colours));
        return new(
            [S(Pick(r, $"Just bought a {colour} {car}, second-hand but it runs great.", $"Picked up my new car today: a {colour} {car}!"),
                "Nice! Enjoy the new wheels.")],
            [Q(Pick(r, "What car did I buy?", "what kind of car do I drive now?"), "fact", 0),
                Q(Pick(r, "What color is my car?", "What colour is the car I bought?"), "fact", 0)]);
    }

    private static FactPlan Optimisation(Random r)
    {
        var (system, metric, before, after) = Pick(r, Pools.Optimisations);
        return new(
            [S(Pick(r, $"Spent the whole week optimising the {system} at work; the {metric} dropped from {before} to {after}.",
                    $"My {system} optimisation finally shipped: {metric} went from {before} down to {after}."),
                "That's a huge improvement, your team must be thrilled.")],
            [Q(Pick(r, $"What did the {system} optimization achieve?", $"How much did I improve the {metric} of the {system}?",
                $"what were the results of optimizing the {system}"), "number", 0)]);
    }

    private static FactPlan HalfMarathon(Random r)
    {
        var time = $"1:{r.Next(38, 59)}:{r.Next(0, 60):D2}";
        return new(
            [S(Pick(r, $"Ran my first half marathon on Sunday in {time}!", $"Finished the half marathon this morning, {time} on the clock."),
                "Amazing! Crossing that finish line must have felt incredible.")],
            [Q(Pick(r, "What was my half-marathon time?", "how fast did I run the half marathon?", "How long did my first half marathon take?"), "number", 0)]);
    }

    private static FactPlan Rent(Random r)
    {
        var rent = (1100 + (25 * r.Next(0, 60))).ToString("N0", CultureInfo.InvariantCulture);
        return new(
            [S(Pick(r, $"Our landlord raised the rent to {rent} a month, ugh.", $"Rent renewal came through: {rent} per month from now on."),
                "Rents keep climbing everywhere, unfortunately.")],
            [Q(Pick(r, "How much rent do I pay?", "What's our monthly rent?"), "number", 0)]);
    }

    private static FactPlan Savings(Random r)
    {
        var first = 3000 + (500 * r.Next(0, 24));
        var second = first + (500 * r.Next(4, 18));
        return new(
            [S($"I've saved {first.ToString("N0", CultureInfo.InvariantCulture)} dollars so far for the house deposit.",
                    "That's a solid start. Slow and steady wins."),
                S(Pick(r, $"Savings update: the deposit fund is at {second.ToString("N0", CultureInfo.InvariantCulture)} now!",
                    $"We're up to {second.ToString("N0", CultureInfo.InvariantCulture)} saved for the deposit."),
                    "Great progress, you're getting close!")],
            [Q(Pick(r, "How much money have I saved for the deposit?", "what's the latest total in my house savings?"), "update", 1)]);
    }

    private static FactPlan Hobby(Random r)
    {
        var (hobby, day) = (Pick(r, Pools.Hobbies), Pick(r, Pools.Weekdays));
        return new(
            [S(Pick(r, $"Signed up for {hobby} classes on {day} evenings.", $"Started a {hobby} course, every {day} after work."),
                "What a fun way to spend an evening.")],
            [Q(Pick(r, $"What class am I taking on {day}s?", "which hobby class did I sign up for?", "What course did I start after work?"), "fact", 0)]);
    }

    private static FactPlan Language(Random r)
    {
        var language = Pick(r, Pools.Languages);
        return new(
            [S(Pick(r, $"I've been learning {language} with an app every morning before work.", $"Twenty minutes of {language} lessons every morning, day 40 today."),
                "Consistency is the key with languages. Keep going!")],
            [Q(Pick(r, "What language am I studying?", "which language have I been learning?", "What lessons do I do each morning?"), "fact", 0)]);
    }

    private static FactPlan Birthday(Random r)
    {
        var (relative, pronoun) = Pick(r, Pools.Relatives);
        var (name, age, month, day, gift) = (Pick(r, Pools.RelativeNames), r.Next(8, 90), Pick(r, Pools.Months), r.Next(1, 29), Pick(r, Pools.Gifts));
        return new(
            [S($"My {relative} {name} turns {age} on {month} {day}, need to plan something.", "A milestone! Any ideas for celebrating?"),
                S(Pick(r, $"For {name}'s birthday I'm thinking of getting {pronoun} {gift}.", $"Decided on a present for {name}: {gift}."),
                    "That sounds like a thoughtful gift.")],
            [Q(Pick(r, $"When is {name}'s birthday?", $"When's my {relative}'s birthday?"), "temporal", 0),
                Q(Pick(r, $"How old is my {relative} turning?", $"what age will {name} be on the birthday?"), "number", 0),
                Q(Pick(r, $"What gift am I planning for my {relative}?", $"what present did I decide to buy {name}?"), "fact", 1),
                Q($"When is my {relative}'s birthday and what am I giving {pronoun}?", "multi", 0, 1)]);
    }

    private static FactPlan Dentist(Random r)
    {
        var (day1, day2) = TwoOf(r, Pools.Weekdays);
        var (date1, date2) = (r.Next(2, 28), r.Next(2, 28));
        return new(
            [S($"Booked the dentist for {day1} the {Ordinal(date1)}.", "Good to get it done."),
                S(Pick(r, $"The dentist's office called and moved my appointment to {day2} the {Ordinal(date2)}.",
                    $"Dentist rescheduled me, it's now {day2} the {Ordinal(date2)}."),
                    "Annoying, but at least it's still this month.")],
            [Q(Pick(r, "When is my dental appointment?", "what day is my dentist appointment now?"), "update", 1)]);
    }

    private static FactPlan Book(Random r)
    {
        var (title, author) = Pick(r, Pools.Books);
        return new(
            [S(Pick(r, $"Currently reading {title} by {author}, it's hard to put down.", $"Started {title} last night. {author} can really write."),
                "I've heard great things about it.")],
            [Q(Pick(r, "Which book was I reading?", "who wrote the book I'm reading?", "What novel did I start recently?"), "fact", 0)]);
    }

    private static FactPlan Promotion(Random r)
    {
        var partner = Pick(r, Pools.PartnerNames);
        var (role, place) = Pick(r, Pools.Promotions);
        return new(
            [S(Pick(r, $"{partner} just got promoted to {role} at the {place}!", $"Celebrating tonight: {partner} is the new {role} at the {place}."),
                $"Please pass on my congratulations to {partner}!")],
            [Q(Pick(r, $"What did {partner} get promoted to?", $"What's {partner}'s promotion?", "what is my partner's new position?"), "fact", 0)]);
    }

    private static FactPlan Gym(Random r)
    {
        var (gym, frequency) = (Pick(r, Pools.Gyms), Pick(r, Pools.Frequencies));
        return new(
            [S(Pick(r, $"Joined the {gym} near the office, I'm going {frequency} a week now.", $"New routine: {gym} {frequency} a week before work."),
                "That's a great habit to build.")],
            [Q(Pick(r, "How often do I go to the gym?", "how many times a week am I working out?", "Where did I join for exercise?"), "fact", 0)]);
    }

    private static FactPlan.Statement S(string text, string reply) => new(text, reply);

    private static FactPlan.Question Q(string text, string category, params int[] evidence) => new(text, evidence, category);

    private static T Pick<T>(Random r, params T[] options) => options[r.Next(options.Length)];

    private static (T, T) TwoOf<T>(Random r, T[] options)
    {
        var first = r.Next(options.Length);
        var second = (first + 1 + r.Next(options.Length - 1)) % options.Length;
        return (options[first], options[second]);
    }

    private static string Ordinal(int day) => day switch
    {
        1 or 21 => $"{day}st",
        2 or 22 => $"{day}nd",
        3 or 23 => $"{day}rd",
        _ => $"{day}th",
    };
}
