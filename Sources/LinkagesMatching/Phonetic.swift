/// A sound-alike key for names, tuned for the Spanish and English names California's programs
/// hold: `c`/`k`/`qu` and `s`/`z`/`ce` sound alike, `v` is `b`, `ll` and `y` alike, `h` is silent,
/// `j` and soft `g` alike, and vowels after the first letter do not count. "Vásquez", "Vazquez"
/// and "Basques" share a key; "Hernández" and "Fernández" do not.
public enum Phonetic {
    /// The key of a folded word, packed five bits a letter (at most six letters), with its length.
    public static func key(_ word: [UInt8]) -> UInt64 {
        let sounds = code(word)
        var key: UInt64 = 0
        for sound in sounds.prefix(6) {
            key = key << 5 | UInt64(sound &- 0x60)
        }
        return key | UInt64(min(sounds.count, 6)) << 32
    }

    /// The key as letters, for tests and explanations.
    public static func code(_ word: [UInt8]) -> [UInt8] {
        let a: UInt8 = 0x61, e: UInt8 = 0x65, i: UInt8 = 0x69
        func at(_ index: Int) -> UInt8 { index < word.count ? word[index] : 0 }
        var sounds: [UInt8] = []
        var index = 0
        while index < word.count {
            let c = word[index]
            let next = at(index + 1)
            var sound: UInt8
            var step = 1
            switch c {
            case 0x70 where next == 0x68: sound = 0x66; step = 2                  // ph → f
            case 0x63 where next == 0x68, 0x73 where next == 0x68: sound = 0x78; step = 2  // ch, sh → x
            case 0x6C where next == 0x6C: sound = i; step = 2                     // ll → y, which sounds as i
            case 0x71: sound = 0x6B; step = next == 0x75 ? 2 : 1                   // qu, q → k
            case 0x63: sound = (next == e || next == i || next == 0x79) ? 0x73 : 0x6B  // c → s before e/i/y, else k
            case 0x7A: sound = 0x73                                               // z → s
            case 0x76, 0x77: sound = 0x62                                         // v, w → b
            case 0x6A: sound = 0x68                                               // j → h
            case 0x67 where next == e || next == i: sound = 0x68                  // soft g → h
            case 0x67 where next == 0x75 && (at(index + 2) == e || at(index + 2) == i): sound = 0x67; step = 2  // gue, gui → g
            case 0x78: sound = 0x73                                               // x → s
            case 0x79: sound = i                                                  // y → i
            case 0x6B: sound = 0x6B
            default: sound = c
            }
            index += step
            // Vowels (and h) count only at the start; repeated sounds count once.
            let isVowel = sound == a || sound == e || sound == i || sound == 0x6F || sound == 0x75
            if (isVowel || sound == 0x68 && c == 0x68) && !sounds.isEmpty { continue }
            if sound == 0x68 && c == 0x68 && sounds.isEmpty { continue }  // a leading silent h
            if sounds.last == sound { continue }
            sounds.append(sound)
        }
        return sounds
    }
}
