namespace Mnemo.Benchmarks.Recall;

/// <summary>The values facts and small talk are filled with; each persona draws its own from them.</summary>
internal static class Pools
{
    public static readonly string[] UserNames =
    [
        "maya", "omar", "lena", "diego", "aiko", "tom", "priya", "jonas", "fatima", "lucas", "mei", "rosa", "kenji", "olga", "sam", "nadia",
    ];

    public static readonly string[] Breeds = ["beagle", "labrador", "corgi", "border collie", "dachshund", "greyhound", "poodle", "terrier"];

    public static readonly string[] DogNames = ["Biscuit", "Pepper", "Mochi", "Juniper", "Waffles", "Ziggy", "Noodle", "Maple", "Otis", "Pickles", "Bruno"];

    public static readonly string[] CatNames = ["Luna", "Miso", "Tofu", "Smokey", "Cleo", "Figaro", "Nala", "Pumpkin", "Olive", "Jasper"];

    public static readonly string[] Companies =
    [
        "Northwind", "Contoso", "Fabrikam", "Initech", "Globex", "Hooli", "Vandelay", "Acme Robotics", "Tyrell Systems", "Wayne Logistics",
        "Stark Analytics", "Blue Harbor",
    ];

    public static readonly string[] Roles =
    [
        "data analyst", "product manager", "UX designer", "backend engineer", "account manager", "project coordinator", "QA lead",
        "marketing specialist",
    ];

    public static readonly string[] TripCities =
    [
        "Lisbon", "Kyoto", "Reykjavik", "Barcelona", "Vancouver", "Marrakech", "Prague", "Buenos Aires", "Edinburgh", "Hanoi", "Cape Town",
        "Melbourne", "Oslo", "Istanbul", "Lima", "Dubrovnik",
    ];

    public static readonly string[] HomeCities = ["Denver", "Austin", "Portland", "Raleigh", "Minneapolis", "Pittsburgh", "Sacramento", "Boise", "Madison", "Tucson"];

    public static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    public static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    public static readonly (string Cuisine, string Dish)[] Cuisines =
    [
        ("Thai", "green curry"), ("Ethiopian", "injera"), ("Korean", "bibimbap"), ("Mexican", "tacos al pastor"), ("Lebanese", "falafel"),
        ("Japanese", "ramen"), ("Indian", "dal makhani"), ("Peruvian", "ceviche"), ("Vietnamese", "pho"), ("Greek", "moussaka"),
    ];

    public static readonly (string Allergen, string Food)[] Allergens =
    [
        ("peanuts", "peanut butter"), ("shellfish", "shrimp"), ("tree nuts", "almond croissants"), ("sesame", "hummus"), ("kiwi", "kiwi smoothies"),
        ("eggs", "omelettes"),
    ];

    public static readonly string[] Cars = ["Toyota Corolla", "Honda Civic", "Subaru Outback", "Mazda 3", "Ford Focus", "Volkswagen Golf", "Kia Niro"];

    public static readonly string[] Colours = ["red", "silver", "dark blue", "white", "black", "green"];

    public static readonly (string System, string Metric, string Before, string After)[] Optimisations =
    [
        ("checkout page", "load time", "3.4 seconds", "1.2 seconds"), ("search API", "p95 latency", "800 ms", "210 ms"),
        ("nightly report job", "runtime", "4 hours", "35 minutes"), ("image pipeline", "memory usage", "12 GB", "5 GB"),
        ("signup form", "error rate", "7 percent", "2 percent"), ("billing service", "cloud cost", "9,000 a month", "5,500 a month"),
    ];

    public static readonly string[] Hobbies =
    [
        "pottery", "salsa dancing", "watercolour painting", "woodworking", "improv theatre", "life drawing", "Italian cooking", "jazz piano",
    ];

    public static readonly string[] Languages = ["Portuguese", "Japanese", "Italian", "Korean", "German", "Swahili", "Dutch", "Greek", "Mandarin", "Turkish"];

    public static readonly (string Relative, string Pronoun)[] Relatives =
    [
        ("sister", "her"), ("brother", "him"), ("mum", "her"), ("dad", "him"), ("grandmother", "her"), ("cousin", "her"),
    ];

    public static readonly string[] RelativeNames = ["Anna", "Ines", "Tomas", "Ravi", "Hana", "Greta", "Marco", "Leila", "Yusuf", "Clara"];

    public static readonly string[] Gifts =
    [
        "a vintage record player", "noise-cancelling headphones", "a hand-knitted scarf", "a weekend spa voucher", "a telescope",
        "a first-edition novel", "a cast-iron skillet", "a bonsai tree",
    ];

    public static readonly (string Title, string Author)[] Books =
    [
        ("The Overstory", "Richard Powers"), ("Piranesi", "Susanna Clarke"), ("Project Hail Mary", "Andy Weir"),
        ("The Remains of the Day", "Kazuo Ishiguro"), ("Circe", "Madeline Miller"), ("Educated", "Tara Westover"), ("Pachinko", "Min Jin Lee"),
        ("The Left Hand of Darkness", "Ursula Le Guin"),
    ];

    public static readonly string[] PartnerNames = ["Sam", "Alex", "Jordan", "Robin", "Casey", "Morgan", "Jamie", "Taylor"];

    public static readonly (string Role, string Place)[] Promotions =
    [
        ("charge nurse", "hospital"), ("senior architect", "firm"), ("lead pharmacist", "pharmacy"), ("deputy principal", "school"),
        ("engineering manager", "company"), ("head chef", "restaurant"),
    ];

    public static readonly string[] Gyms = ["climbing gym", "swimming pool", "boxing gym", "yoga studio", "spin studio"];

    public static readonly string[] Frequencies = ["twice", "three times", "four times"];
}
