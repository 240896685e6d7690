namespace Mnemo.Benchmarks.Recall;

internal static partial class LifeFactCatalog
{
    // States, tastes, habits and opinions: true over time, so only "what" is asked, not "when".
    private static LifeFact[] Tastes() =>
    [
        new()
        {
            Topic = "diet",
            Values = ["vegan", "vegetarian", "pescatarian", "keto"],
            Statements = ["I've gone fully {v} this year and I feel amazing.", "Cooking everything {v} now, it's been a fun challenge."],
            SingleHop = "What diet is {name} following?",
            Paraphrase = "What does {name} eat these days?",
            Replies = ["Good for you! I could never give up cheese.", "What made you decide to change your diet, {name}?"],
            NearMisses = ["I eat way too much takeaway these days.", "My doctor told me to watch my diet."],
        },
        new()
        {
            Topic = "movie",
            Values = ["The Matrix", "Casablanca", "Spirited Away", "Jurassic Park", "Mamma Mia", "Titanic", "Inception", "Paddington"],
            Statements = ["I've watched {v} probably fifty times, never gets old.", "Honestly {v} is the best thing ever put on screen."],
            SingleHop = "What is {name}'s favourite movie?",
            Paraphrase = "Which film does {name} love most?",
            Replies = ["Ha, I love a good comfort movie, {name}.", "I should watch it again sometime."],
            NearMisses = ["We went to the cinema but the film was a letdown.", "What movie should I watch tonight?"],
        },
        new()
        {
            Topic = "food",
            Values = ["ramen", "tacos", "lasagne", "dumplings", "paella", "curry", "pho", "pierogi"],
            Statements = ["I could eat {v} every single day, no regrets.", "Made {v} again tonight, third time this week."],
            SingleHop = "What food does {name} love?",
            Paraphrase = "What dish is {name} obsessed with?",
            Replies = ["Now I'm hungry, thanks {name}.", "You have to share the recipe!"],
            NearMisses = ["I'm obsessed with this new cooking show.", "What's a good dish to bring to a potluck?"],
        },
        new()
        {
            Topic = "show",
            Values = ["Breaking Bad", "The Office", "Succession", "Bake Off", "Stranger Things", "Ted Lasso", "The Crown", "Fleabag"],
            Statements = ["I'm hooked on {v}, finished two seasons this week.", "Binged the whole of {v} over the weekend, no shame."],
            SingleHop = "What show is {name} watching?",
            Paraphrase = "Which series has {name} been glued to?",
            Replies = ["No spoilers please, {name}!", "I keep hearing good things about it."],
            NearMisses = ["There's nothing good on TV at the moment.", "I've been glued to my phone all week, it's bad."],
        },
        new()
        {
            Topic = "fear",
            Values = ["spiders", "heights", "flying", "deep water", "clowns", "snakes", "needles", "thunderstorms"],
            Statements = ["Honestly {v} terrify me, always have.", "I had a panic moment today, nothing scares me like {v}."],
            SingleHop = "What is {name} scared of?",
            Paraphrase = "What phobia does {name} have?",
            Replies = ["Same here, honestly, {name}.", "That's so common, you're not alone."],
            NearMisses = ["My little cousin has a phobia of balloons, it's so random.", "Horror films scare me more than anything real."],
        },
        new()
        {
            Topic = "drink",
            Values = ["oat latte", "green tea", "black coffee", "chai", "matcha", "espresso", "hot chocolate", "kombucha"],
            Statements = ["Can't start my morning without a {v}.", "I'm on my third {v} of the day already."],
            SingleHop = "What drink does {name} have every morning?",
            Paraphrase = "What beverage is {name} hooked on?",
            Replies = ["Same, {name}, I'm useless before my first cup.", "Maybe cut back a little?"],
            NearMisses = ["Work got a new drink machine and it's terrible.", "I'm trying to cut back on caffeine this month."],
        },
        new()
        {
            Topic = "baking",
            Values = ["sourdough", "croissants", "bagels", "focaccia", "brownies", "cinnamon rolls", "macarons", "pretzels"],
            Statements = ["My {v} came out of the oven perfect this time!", "Spent the whole afternoon making {v} from scratch."],
            SingleHop = "What has {name} been baking?",
            Paraphrase = "Which homemade treat did {name} produce?",
            Replies = ["Save me some, {name}!", "Your kitchen must smell amazing."],
            NearMisses = ["The bakery near work closed down, so sad.", "I tried a homemade recipe and burnt everything."],
        },
        new()
        {
            Topic = "music",
            Values = ["jazz", "punk", "folk", "techno", "opera", "reggae", "country", "metal"],
            Statements = ["Nothing relaxes me like some {v} on a Sunday afternoon.", "Put on a {v} playlist and cleaned the whole flat."],
            SingleHop = "What music does {name} like?",
            Paraphrase = "Which genre is {name} into?",
            Replies = ["Good taste, {name}!", "I need some new music recommendations."],
            NearMisses = ["I don't really have a favourite genre, I like a bit of everything.", "The music at the gym is way too loud."],
        },
        new()
        {
            Topic = "travel plan",
            Values = ["Iceland", "Peru", "Japan", "Morocco", "New Zealand", "Vietnam", "Norway", "Kenya"],
            Statements = ["We're saving up to go to {v} next summer, can't wait.", "Already looking at flights to {v} for next year."],
            SingleHop = "Where is {name} planning to travel?",
            Paraphrase = "Which country is on {name}'s wish list?",
            Replies = ["That's on my bucket list too, {name}!", "You'll have the best time."],
            NearMisses = ["My wish list for this year is way too long.", "I'm planning nothing this summer, just resting."],
        },
        new()
        {
            Topic = "collection",
            Values = ["vinyl records", "stamps", "vintage postcards", "coins", "comic books", "sneakers", "board games", "houseplants"],
            Statements = ["My {v} collection is getting out of hand, I need more shelves.", "Found three rare {v} at the flea market today!"],
            SingleHop = "What does {name} collect?",
            Paraphrase = "What items is {name} hoarding?",
            Replies = ["You need a bigger flat, {name}!", "That's a fun thing to hunt for."],
            NearMisses = ["My gran is hoarding old newspapers, it's a fire hazard.", "I sold a few items online this week to make space."],
        },
        new()
        {
            Topic = "routine",
            Values = ["meditation", "yoga", "journaling", "cold showers", "stretching", "breathwork"],
            Statements = ["Been doing {v} every morning for a month, I feel calmer.", "Started a little {v} routine before bed."],
            SingleHop = "What new routine does {name} follow?",
            Paraphrase = "How does {name} unwind?",
            Replies = ["I should try that, {name}.", "Consistency is the hardest part."],
            NearMisses = ["I can never unwind after work, my brain won't switch off.", "My gym routine has totally fallen apart."],
        },
        new()
        {
            Topic = "season",
            Values = ["autumn", "winter", "spring", "summer"],
            Statements = ["Nothing beats {v}, it's the best time of the year.", "I'm so happy it's nearly {v} again, I live for it."],
            SingleHop = "What season does {name} like best?",
            Paraphrase = "Which part of the calendar does {name} prefer?",
            Replies = ["I'm the total opposite, {name}!", "Fair enough, it has its charm."],
            NearMisses = ["My calendar is so full this month, I need a break.", "Which do you prefer, mountains or beaches?"],
        },
        new()
        {
            Topic = "opinion",
            Values = ["sushi", "camping", "Christmas", "brunch", "cruises", "theme parks", "festivals", "golf"],
            Statements = ["Unpopular opinion: {v} is totally overrated.", "I honestly don't get the hype about {v}."],
            SingleHop = "What does {name} think is overrated?",
            Paraphrase = "What popular thing does {name} dislike?",
            Replies = ["Bold take, {name}!", "I half agree with you."],
            NearMisses = ["People dislike my taste in films, it's fine.", "That new popular cafe was a bit disappointing."],
        },
        new()
        {
            Topic = "dream",
            Values = ["bakery", "bookshop", "cafe", "bike shop", "flower shop", "brewery", "yoga studio", "dog grooming salon"],
            Statements = ["One day I want to open my own {v}.", "My dream is running a little {v} by the sea."],
            SingleHop = "What is {name}'s dream?",
            Paraphrase = "What venture does {name} hope to launch eventually?",
            Replies = ["You'd be brilliant at that, {name}.", "I'd be your first customer!"],
            NearMisses = ["I hope my company doesn't launch another reorganisation.", "Eventually I'll sort out the spare room, I swear."],
        },
        new()
        {
            Topic = "tradition",
            Values = ["a roast dinner", "a long walk", "pancakes", "a swim", "board games", "brunch"],
            Statements = ["Every Sunday we go for {v} as a family, no exceptions.", "Saturday mornings are for {v} with the kids, always."],
            SingleHop = "What is {name}'s weekend tradition?",
            Paraphrase = "What ritual does {name} keep up at the end of the week?",
            Replies = ["That's such a lovely habit, {name}.", "I wish my family did that."],
            NearMisses = ["At the end of the week I'm too tired to do anything.", "My gym ritual keeps me sane."],
        },
    ];
}
