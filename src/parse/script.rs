//! Simplified or Traditional Chinese: a small table of common characters that
//! differ between the two scripts (简繁对照, 《通用规范汉字表》 附表).

use std::sync::OnceLock;

/// (Simplified, Traditional) pairs of frequent characters in official text.
const PAIRS: &[(char, char)] = &[
    ('们', '們'),
    ('国', '國'),
    ('这', '這'),
    ('个', '個'),
    ('来', '來'),
    ('时', '時'),
    ('会', '會'),
    ('经', '經'),
    ('与', '與'),
    ('对', '對'),
    ('发', '發'),
    ('说', '說'),
    ('为', '為'),
    ('机', '機'),
    ('关', '關'),
    ('开', '開'),
    ('务', '務'),
    ('门', '門'),
    ('区', '區'),
    ('县', '縣'),
    ('镇', '鎮'),
    ('乡', '鄉'),
    ('书', '書'),
    ('记', '記'),
    ('实', '實'),
    ('现', '現'),
    ('议', '議'),
    ('办', '辦'),
    ('员', '員'),
    ('产', '產'),
    ('业', '業'),
    ('报', '報'),
    ('质', '質'),
    ('条', '條'),
    ('规', '規'),
    ('体', '體'),
    ('长', '長'),
    ('设', '設'),
    ('计', '計'),
    ('划', '劃'),
    ('总', '總'),
    ('统', '統'),
    ('级', '級'),
    ('厅', '廳'),
    ('领', '領'),
    ('导', '導'),
    ('资', '資'),
    ('讯', '訊'),
    ('网', '網'),
    ('号', '號'),
    ('项', '項'),
    ('应', '應'),
    ('该', '該'),
    ('请', '請'),
    ('问', '問'),
    ('题', '題'),
    ('进', '進'),
    ('过', '過'),
    ('还', '還'),
    ('样', '樣'),
    ('当', '當'),
    ('从', '從'),
    ('并', '並'),
    ('将', '將'),
    ('动', '動'),
    ('处', '處'),
    ('营', '營'),
    ('环', '環'),
    ('护', '護'),
    ('险', '險'),
    ('卫', '衛'),
    ('医', '醫'),
    ('疗', '療'),
    ('药', '藥'),
    ('税', '稅'),
    ('财', '財'),
    ('预', '預'),
    ('决', '決'),
    ('审', '審'),
    ('监', '監'),
    ('检', '檢'),
    ('众', '眾'),
    ('农', '農'),
    ('际', '際'),
    ('执', '執'),
    ('权', '權'),
];

/// How many characters from U+4E00 to U+FFFF (the ideographs, and the
/// fullwidth punctuation among them) of a page are read: a page is written
/// in one script, and among its first thousand some 150 to 200 are
/// characters of the table (the most frequent of official text), which show
/// which; the rest of a long page is not read for it.
const SAMPLE: usize = 1000;

/// The BCP 47 tag for `texts`: `zh-TW` when Traditional characters clearly
/// outnumber Simplified ones (at least 5, and three times as many) among
/// the texts' first thousand ideographs, else `zh-CN`.
pub fn lang<'a>(texts: impl Iterator<Item = &'a str>) -> &'static str {
    let (simplified, traditional) = counts(texts);
    if traditional >= 5 && traditional >= simplified * 3 {
        "zh-TW"
    } else {
        "zh-CN"
    }
}

/// How many characters of the texts are Simplified and how many Traditional
/// by the table, among their first [`SAMPLE`] chars from U+4E00 to U+FFFF.
fn counts<'a>(texts: impl Iterator<Item = &'a str>) -> (usize, usize) {
    let table = Table::get();
    let mut simplified = 0usize;
    let mut traditional = 0usize;
    let mut read = 0usize;
    for text in texts {
        // Every char of the table is a three-byte one from U+4E00 (lead
        // byte E4 to EF); bytes outside those leads (ASCII, other leads,
        // the continuations of chars not taken whole) are passed over one
        // by one, and a three-byte char is read and stepped over whole.
        let bytes = text.as_bytes();
        let mut at = 0;
        while let Some(&lead) = bytes.get(at) {
            if !(0xe4..0xf0).contains(&lead) {
                at += 1;
                continue;
            }
            let (Some(&b1), Some(&b2)) = (bytes.get(at + 1), bytes.get(at + 2)) else {
                break;
            };
            at += 3;
            if read == SAMPLE {
                return (simplified, traditional);
            }
            read += 1;
            let c =
                (u32::from(lead & 0x0f) << 12) | (u32::from(b1 & 0x3f) << 6) | u32::from(b2 & 0x3f);
            match table.script_of(c) {
                Some(true) => traditional += 1,
                Some(false) => simplified += 1,
                None => {}
            }
        }
    }
    (simplified, traditional)
}

/// [`PAIRS`] compiled to two bit sets over the span of its characters: the
/// language is decided by looking up every ideograph of the page, so the
/// lookup is a shift and a mask, not a hash. Most ideographs are in
/// neither list; one test of `listed` passes them over.
struct Table {
    first: u32,
    listed: Vec<u64>,
    traditional: Vec<u64>,
}

impl Table {
    fn get() -> &'static Table {
        static TABLE: OnceLock<Table> = OnceLock::new();
        TABLE.get_or_init(|| {
            let chars = PAIRS
                .iter()
                .flat_map(|&(s, t)| [u32::from(s), u32::from(t)]);
            let first = chars.clone().min().unwrap_or(0);
            let last = chars.max().unwrap_or(0);
            let words = ((last - first) / 64 + 1) as usize;
            let mut table = Table {
                first,
                listed: vec![0; words],
                traditional: vec![0; words],
            };
            // A character listed twice takes its last role, in table order.
            for &(s, t) in PAIRS {
                table.mark(s, false);
                table.mark(t, true);
            }
            table
        })
    }

    /// The word and bit of code point `c`; `None` outside the table's span
    /// (below its first char the subtraction wraps to far past its end).
    fn slot(&self, c: u32) -> Option<(usize, u64)> {
        let offset = c.wrapping_sub(self.first);
        let word = usize::try_from(offset / 64).ok()?;
        (word < self.listed.len()).then(|| (word, 1u64 << (offset % 64)))
    }

    fn mark(&mut self, c: char, traditional: bool) {
        let Some((word, bit)) = self.slot(u32::from(c)) else {
            return;
        };
        if let (Some(listed), Some(t)) = (self.listed.get_mut(word), self.traditional.get_mut(word))
        {
            *listed |= bit;
            if traditional {
                *t |= bit;
            } else {
                *t &= !bit;
            }
        }
    }

    /// `Some(true)` for a Traditional character of the table, `Some(false)`
    /// for a Simplified one (by code point).
    #[cfg(test)]
    fn script(&self, c: char) -> Option<bool> {
        self.script_of(u32::from(c))
    }

    #[inline(always)]
    fn script_of(&self, c: u32) -> Option<bool> {
        let (word, bit) = self.slot(c)?;
        if self.listed.get(word)? & bit == 0 {
            return None;
        }
        Some(self.traditional.get(word)? & bit != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte walk counts what a walk over every char counts.
    #[test]
    fn counts_match_a_plain_walk() {
        let texts = [
            "臺北市政府關於發布實施計劃的通知 and ascii",
            "上盘镇2023年工作总结：们國这這𠀀\u{3000}é\u{4dff}\u{4e00}\u{9fff}\u{ffff}",
            "",
        ];
        let table = Table::get();
        let plain = texts
            .iter()
            .flat_map(|t| t.chars())
            .filter(|c| *c >= '\u{4e00}')
            .fold((0, 0), |(s, t), c| match table.script(c) {
                Some(true) => (s, t + 1),
                Some(false) => (s + 1, t),
                None => (s, t),
            });
        assert_eq!(counts(texts.into_iter()), plain);
        assert_ne!(plain, (0, 0));
    }

    #[test]
    fn scripts() {
        assert_eq!(
            lang(["臺北市政府關於發布實施計劃的通知"].into_iter()),
            "zh-TW"
        );
        assert_eq!(lang(["上盘镇2023年工作总结"].into_iter()), "zh-CN");
        assert_eq!(lang(["國"].into_iter()), "zh-CN", "too little evidence");
    }

    /// The first thousand ideographs decide, those outside the table
    /// included; the rest of a long page is not read.
    #[test]
    fn a_sample_decides() {
        let simplified = "国".repeat(SAMPLE);
        let traditional = "國".repeat(SAMPLE * 10);
        assert_eq!(
            counts([simplified.as_str(), &traditional].into_iter()),
            (SAMPLE, 0)
        );
        // Ideographs outside the table count towards the thousand.
        let plain = "上".repeat(SAMPLE - 10);
        assert_eq!(
            counts([plain.as_str(), "国", &traditional].into_iter()),
            (1, 9)
        );
        assert_eq!(lang([plain.as_str(), &traditional].into_iter()), "zh-TW");
        let late = "上".repeat(SAMPLE);
        assert_eq!(lang([late.as_str(), &traditional].into_iter()), "zh-CN");
        assert_eq!(
            lang([simplified.as_str(), &traditional].into_iter()),
            "zh-CN"
        );
        assert_eq!(lang([&simplified[3..], &traditional].into_iter()), "zh-CN");
        let mostly = format!("{}{}", "國".repeat(SAMPLE - 200), "国".repeat(250));
        assert_eq!(lang([mostly.as_str()].into_iter()), "zh-TW");
    }

    /// The bit sets give every character of the table its role, and no
    /// other character one.
    #[test]
    fn table_lookup() {
        let table = Table::get();
        for &(s, t) in PAIRS {
            assert_eq!(table.script(s), Some(false), "{s}");
            assert_eq!(table.script(t), Some(true), "{t}");
        }
        for c in ['一', '上', '盘', 'a', '\u{3400}', '\u{9fff}', '\u{10000}'] {
            assert_eq!(table.script(c), None, "{c}");
        }
    }
}
