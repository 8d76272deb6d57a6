//! Easy-to-say passphrases for protecting a shared summary: five words
//! from a list of 256 short, common, concrete words (40 bits), which a
//! client can read out to their link worker in a session or over the phone.

/// The words: distinct, lower case, plain English, in alphabetical order.
pub const WORDS: [&str; 256] = [
    "acorn",
    "anchor",
    "apple",
    "arrow",
    "autumn",
    "badger",
    "bakery",
    "balloon",
    "banana",
    "barley",
    "basket",
    "beach",
    "beetle",
    "bell",
    "berry",
    "bicycle",
    "biscuit",
    "blanket",
    "blossom",
    "bluebell",
    "boat",
    "bonnet",
    "book",
    "bottle",
    "bramble",
    "bread",
    "breeze",
    "brick",
    "bridge",
    "brook",
    "brush",
    "bucket",
    "butter",
    "button",
    "cabbage",
    "cabin",
    "cake",
    "camel",
    "canal",
    "candle",
    "canoe",
    "carpet",
    "carrot",
    "castle",
    "cattle",
    "cherry",
    "chestnut",
    "chimney",
    "circle",
    "cliff",
    "clock",
    "cloud",
    "clover",
    "coast",
    "cocoa",
    "coffee",
    "comet",
    "compass",
    "cottage",
    "cotton",
    "cousin",
    "crayon",
    "cricket",
    "crocus",
    "crown",
    "crumpet",
    "cup",
    "daisy",
    "dandelion",
    "desk",
    "diamond",
    "dinner",
    "dolphin",
    "donkey",
    "door",
    "dove",
    "dragon",
    "drum",
    "duck",
    "eagle",
    "easel",
    "elbow",
    "engine",
    "falcon",
    "feather",
    "fence",
    "fern",
    "ferry",
    "fiddle",
    "field",
    "finch",
    "flag",
    "flower",
    "forest",
    "fox",
    "frost",
    "garden",
    "garnet",
    "gate",
    "ginger",
    "glove",
    "goldfish",
    "goose",
    "grape",
    "gravel",
    "gravy",
    "guitar",
    "hammer",
    "hamster",
    "harbour",
    "hazel",
    "hedge",
    "hedgehog",
    "helmet",
    "heron",
    "hill",
    "holly",
    "honey",
    "horse",
    "igloo",
    "island",
    "ivy",
    "jacket",
    "jam",
    "jelly",
    "jigsaw",
    "kettle",
    "kitten",
    "kiwi",
    "ladder",
    "lake",
    "lantern",
    "lark",
    "lemon",
    "lettuce",
    "lily",
    "lion",
    "llama",
    "lobby",
    "lobster",
    "magnet",
    "mango",
    "maple",
    "marble",
    "marmalade",
    "meadow",
    "melon",
    "mirror",
    "mitten",
    "monkey",
    "moon",
    "mountain",
    "muffin",
    "mushroom",
    "needle",
    "nest",
    "noodle",
    "oak",
    "ocean",
    "olive",
    "onion",
    "orange",
    "otter",
    "owl",
    "paddle",
    "panda",
    "parcel",
    "parrot",
    "peach",
    "peanut",
    "pebble",
    "pencil",
    "penguin",
    "pepper",
    "piano",
    "picnic",
    "pillow",
    "pirate",
    "planet",
    "plum",
    "pocket",
    "pond",
    "poppy",
    "potato",
    "puffin",
    "pumpkin",
    "puppy",
    "puzzle",
    "quilt",
    "rabbit",
    "radio",
    "rainbow",
    "raisin",
    "river",
    "robin",
    "rocket",
    "rose",
    "saddle",
    "sailor",
    "salmon",
    "sandal",
    "scarf",
    "seal",
    "shell",
    "shovel",
    "silver",
    "skate",
    "sledge",
    "snail",
    "snow",
    "sock",
    "sofa",
    "spoon",
    "squirrel",
    "stamp",
    "star",
    "station",
    "stone",
    "strawberry",
    "sugar",
    "summer",
    "sunset",
    "swan",
    "sweater",
    "table",
    "teapot",
    "tiger",
    "toast",
    "tomato",
    "towel",
    "tractor",
    "train",
    "tulip",
    "tunnel",
    "turnip",
    "turtle",
    "umbrella",
    "valley",
    "velvet",
    "violin",
    "wagon",
    "walnut",
    "walrus",
    "water",
    "whale",
    "wheel",
    "whistle",
    "willow",
    "window",
    "winter",
    "wizard",
    "wolf",
    "wool",
    "yacht",
    "yoghurt",
    "zebra",
];

/// How many words a generated passphrase has.
pub const COUNT: usize = 5;

/// The fewest characters a passphrase the client writes themselves may
/// have.
pub const MIN_CHARS: usize = 12;

/// A passphrase from `COUNT` random bytes (one word per byte, so every
/// word is equally likely). Extra bytes are ignored; missing ones give a
/// shorter phrase, so callers pass exactly `COUNT`.
pub fn passphrase(random: &[u8]) -> String {
    random
        .iter()
        .take(COUNT)
        .map(|b| WORDS[usize::from(*b)])
        .collect::<Vec<_>>()
        .join(" ")
}

/// The passphrase as used for the key: lower case, with spaces trimmed and
/// runs of spaces made one. Phones capitalise the first letter and people
/// add spaces when typing what they were told, and neither should lock the
/// summary away.
pub fn normalise(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A plain message if a passphrase the client wrote is too short.
pub fn check(text: &str) -> Result<String, String> {
    let p = normalise(text);
    if p.is_empty() {
        Err("Enter a passphrase, or use the one suggested".into())
    } else if p.chars().count() < MIN_CHARS {
        Err(format!("The passphrase must be at least {MIN_CHARS} characters long. Four or five words are easy to remember"))
    } else {
        Ok(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_distinct_and_plain() {
        let mut sorted = WORDS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 256);
        assert!(WORDS
            .iter()
            .all(|w| w.chars().all(|c| c.is_ascii_lowercase()) && w.len() <= 10));
    }

    #[test]
    fn a_passphrase_is_five_words_and_typing_differences_do_not_matter() {
        let p = passphrase(&[0, 1, 2, 3, 255]);
        assert_eq!(p.split(' ').count(), 5);
        assert_eq!(
            normalise(&format!("  {}  ", p.to_uppercase().replace(' ', "   "))),
            p
        );
        assert!(check("short").is_err());
        assert!(check("   ").is_err());
        assert_eq!(
            check("Apple  River candle"),
            Ok("apple river candle".into())
        );
    }
}
