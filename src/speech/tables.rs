//! The character and word tables that the listening rules and the chunker
//! read. Data only: the rules that use them live in `normalize.rs` and
//! `chunk.rs`.

/// Symbols read as words wherever they stand (GB 3100-1993 量和单位 for the
/// unit symbols; the relation signs as a teacher reads them).
pub(super) const SYMBOLS: &[(char, &str)] = &[
    ('㎡', "平方米"),
    ('㎥', "立方米"),
    ('㎞', "公里"),
    ('㎢', "平方公里"),
    ('㎏', "千克"),
    ('㎎', "毫克"),
    ('㎝', "厘米"),
    ('㎜', "毫米"),
    ('㎖', "毫升"),
    ('℃', "摄氏度"),
    ('℉', "华氏度"),
    ('≥', "大于等于"),
    ('≧', "大于等于"),
    ('⩾', "大于等于"),
    ('≤', "小于等于"),
    ('≦', "小于等于"),
    ('⩽', "小于等于"),
    ('≠', "不等于"),
    ('＞', "大于"),
    ('＜', "小于"),
    ('±', "正负"),
    ('№', "编号"),
    ('√', "对勾"),
    ('✓', "对勾"),
    ('✔', "对勾"),
    // Only where no number precedes (a column header "完成率（%）"); after
    // a number the percent rule reads 百分之.
    ('%', "百分比"),
    ('％', "百分比"),
    ('‰', "千分比"),
];

/// Unit abbreviations in Latin letters, read as words only right after a
/// number ("12km", "5 kg") and only as a whole word, so that "km" inside a
/// word or an index number stays as written. Longest first.
pub(super) const ASCII_UNITS: &[(&str, &str)] = &[
    ("km/h", "公里每小时"),
    ("kW·h", "千瓦时"),
    ("km²", "平方公里"),
    ("km2", "平方公里"),
    ("kWh", "千瓦时"),
    ("m²", "平方米"),
    ("m2", "平方米"),
    ("m³", "立方米"),
    ("m3", "立方米"),
    ("km", "公里"),
    ("KM", "公里"),
    ("kg", "千克"),
    ("KG", "千克"),
    ("mg", "毫克"),
    ("cm", "厘米"),
    ("mm", "毫米"),
    ("ml", "毫升"),
    ("mL", "毫升"),
    ("kW", "千瓦"),
    ("MW", "兆瓦"),
    ("kVA", "千伏安"),
    ("kV", "千伏"),
    ("KV", "千伏"),
    ("min", "分钟"),
    ("m", "米"),
    ("t/h", "吨每小时"),
    ("t", "吨"),
    ("h", "小时"),
];

/// Labels of numbered tables, figures and attachments (表1-1, 附件2-3):
/// the hyphen after them joins the parts of one number, read 杠, not a
/// range.
pub(super) const NUMBERED_LABELS: &[&str] = &["附件", "附录", "表", "图", "公式"];

/// Words that end in a label of [`NUMBERED_LABELS`] but are no label
/// (代表1-2人, 发表3-5篇).
pub(super) const NOT_NUMBERED_LABELS: &[&str] = &["代表", "发表", "意图", "试图", "企图"];

/// Digits as read one by one in a name (7·20 → 七二零): 1 is 一 here.
pub(super) const NAME_DIGITS: [&str; 10] =
    ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/// Numbered symbols (带圈数字 and kin): (first char, how many, value of the first).
pub(super) const NUMBERED_SYMBOLS: &[(char, u32, u32)] = &[
    ('①', 20, 1),   // ① … ⑳
    ('⑴', 20, 1),   // ⑴ … ⒇
    ('⒈', 20, 1),   // ⒈ … ⒛
    ('㉑', 15, 21), // ㉑ … ㉟
    ('㊱', 15, 36), // ㊱ … ㊿
    ('❶', 10, 1),   // ❶ … ❿
    ('➀', 10, 1),   // ➀ … ➉
    ('➊', 10, 1),   // ➊ … ➓
    ('⓫', 10, 11),  // ⓫ … ⓴
    ('Ⅰ', 12, 1),   // Ⅰ … Ⅻ (Roman numerals)
    ('ⅰ', 12, 1),   // ⅰ … ⅻ
];

/// How many of [`NUMBERED_SYMBOLS`] (from the start) are circled or
/// bracketed list numbers; the rest are Roman numerals.
pub(super) const CIRCLED_COUNT: usize = 9;

/// A table of chars asked about for nearly every char of a text, with a
/// 64-bit filter made from it at compile time: a char whose bit (its code
/// modulo 64) is clear is not in the table, so most are turned away without
/// a scan of it.
#[derive(Debug)]
pub(super) struct CharTable {
    /// The chars, in the order the table is written.
    pub chars: &'static [char],
    filter: u64,
}

impl CharTable {
    const fn new(chars: &'static [char]) -> Self {
        let mut filter = 0u64;
        let mut rest = chars;
        while let [c, tail @ ..] = rest {
            filter |= 1 << (*c as u32 % 64);
            rest = tail;
        }
        CharTable { chars, filter }
    }

    /// Whether `c` is in the table.
    pub fn contains(&self, c: char) -> bool {
        self.filter & (1 << (c as u32 % 64)) != 0 && self.chars.contains(&c)
    }
}

/// Punctuation at which no listening rule starts: the scan copies it as
/// it stands without asking each rule (a test keeps this true).
pub(super) const PLAIN_MARKS: CharTable =
    CharTable::new(&['，', '。', '、', '；', '：', '！', '？', '“', '”', '‘', '’']);

/// Chinese numerals as used in outline markers (一、 （十二）).
pub(super) const CHINESE_NUMERALS: CharTable = CharTable::new(&[
    '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '零', '〇', '两',
]);

/// Brackets read as nothing (or a pause around a long aside), with the
/// family each belongs to (an opener pairs only with a closer of its family)
/// and whether the pair is a label (【主持人】, 〖注〗), which is always
/// followed by a pause.
pub(super) const BRACKETS: &[(char, char, u8, bool)] = &[
    ('(', ')', 0, false),
    ('（', '）', 0, false),
    ('[', ']', 1, false),
    ('［', '］', 1, false),
    ('【', '】', 2, true),
    ('〖', '〗', 2, true),
    ('〔', '〕', 3, false),
    ('{', '}', 4, false),
    ('｛', '｝', 4, false),
];

/// An aside in brackets longer than this many characters is read with a
/// pause before and after it ("(以下简称《条例》)", "(省发改委总牵头)"); a
/// shorter one runs on ("31个村(社)" → "31个村社", "(试行)").
pub(super) const LONG_ASIDE: usize = 4;

/// 书名号 and angle brackets: the title inside is read, the marks are noise
/// in some engines.
pub(super) const TITLE_MARKS: &[char] = &['《', '》', '〈', '〉', '<', '>'];

/// Bullets, interpuncts and invisible characters: read as nothing.
pub(super) const BULLETS: &[char] = &[
    '·', '・', '‧', '･', '•', '●', '▪', '■', '□', '◆', '◇', '★', '☆', '▲', '△', '▶', '►', '※', '○',
    '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}',
];

/// Marks among [`BULLETS`] with a name, read where one stands alone (a
/// cell of its own, or in quotes: 标记“▲”的指标).
pub(super) const MARK_NAMES: &[(char, &str)] = &[
    ('▲', "三角"),
    ('△', "空心三角"),
    ('★', "星号"),
    ('☆', "空心星号"),
    ('●', "实心圆"),
    ('○', "圆圈"),
    ('■', "方块"),
    ('□', "方框"),
    ('◆', "菱形"),
    ('◇', "空心菱形"),
    ('※', "注"),
];

/// The longest HTML tag (in characters) that the markup rule drops whole.
pub(super) const MAX_TAG: usize = 300;

/// Where the HTML tag that starts at index `start` ends (the index of its
/// `>`), `at(i)` being the character at index `i`: `<`, an optional `/`, an
/// ASCII letter, then up to [`MAX_TAG`] characters other than `<`, `>` and
/// a line break, then `>`. The markup rule reads such a tag as nothing, and
/// the splitter never cuts inside one (a piece `AAa>` would be read out).
pub(super) fn tag_end(at: impl Fn(usize) -> Option<char>, start: usize) -> Option<usize> {
    if at(start) != Some('<') {
        return None;
    }
    let name = start + 1 + usize::from(at(start + 1) == Some('/'));
    if !at(name).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut end = name;
    while end < name + MAX_TAG && at(end).is_some_and(|c| !matches!(c, '<' | '>' | '\n')) {
        end += 1;
    }
    (at(end) == Some('>')).then_some(end)
}

/// Separators read as a word break (table pipes).
pub(super) const SEPARATORS: &[char] = &['|', '｜', '¦'];

/// Dashes that mean "to" between two numbers (1-12月, 3~5天, 1—12月).
pub(super) const RANGE_DASHES: &[char] = &['-', '－', '~', '～', '〜', '—', '–', '―', '‒'];

/// The hyphens among [`RANGE_DASHES`]: also used inside index numbers and
/// phone numbers, so they count as "to" only under strict guards.
pub(super) const HYPHENS: &[char] = &['-', '－', '‒'];

/// Minus signs: a hyphen, or the mathematical minus (−3.5%).
pub(super) const MINUS_SIGNS: &[char] = &['-', '－', '−'];

/// What a minus before a number follows when it is a sign (增长-3.5%,
/// 气温-5℃, 增速：-2.1, a table cell's start): a verb or noun that takes a
/// value, or punctuation. Elsewhere (附件-1, 浙江-2024) it is left alone.
pub(super) const SIGN_CONTEXT: &[char] = &[
    '长', '幅', '速', '为', '是', '达', '到', '至', '温', '率', '值', '差', '于', '：', ':', '（',
    '(', '，', ',', '、', '；', ';', ' ', '\u{3000}',
];

/// Units and magnitudes a number may carry before the dash of a range
/// (5万-10万元, 2023年-2024年, 3个-5个).
pub(super) const RANGE_UNITS: &[char] = &[
    '万', '亿', '千', '百', '年', '月', '日', '天', '元', '个', '人', '次', '条', '号', '岁', '倍',
    '周', '家', '所', '项', '件', '名', '户', '%', '％', '‰', '℃',
];

/// Words a phone number, postcode or hotline follows (电话：0576-85123456,
/// 邮编317000, 拨打12345): the digits after them are read one by one.
pub(super) const DIGIT_LABELS: &[&str] = &[
    "电话",
    "热线",
    "手机",
    "手机号",
    "联系方式",
    "传真",
    "邮编",
    "邮政编码",
    "QQ",
    "QQ号",
    "qq",
    "号码",
    "拨打",
    "致电",
    "座机",
];

/// Digits read one by one, as Chinese reads phone numbers (1 is 幺).
pub(super) const SPELLED_DIGITS: [&str; 10] =
    ["零", "幺", "二", "三", "四", "五", "六", "七", "八", "九"];

/// Tildes: never part of an identifier.
pub(super) const TILDES: &[char] = &['~', '～', '〜'];

/// Long dashes (破折号): "to" between numbers, a pause elsewhere.
pub(super) const LONG_DASHES: &[char] = &['—', '―', '–'];

/// Words right before a URL that already say it is one (网址：…).
pub(super) const URL_LABELS: &[&str] = &["网址", "网站", "网页", "链接", "地址", "官网"];

/// Characters right before a bare time that mark it as a time of day
/// (日 14:52, 上午9:30, 晚上8:00).
pub(super) const TIME_CONTEXT: &[char] = &['日', '午', '上', '晚', '晨', '间'];

/// Units that a number with a leading zero is a date or time part of
/// (2018年03月27日 → 2018年3月27日).
pub(super) const DATE_UNITS: &[char] = &['月', '日', '时', '分', '秒'];

/// Punctuation after which a number or bracketed numeral starts an
/// enumeration (so "（一）" there reads "一、"), and before which no pause is
/// added.
pub(super) const PAUSES: &[char] = &[
    '，', '。', '、', '；', '：', '！', '？', ',', ';', ':', '!', '?', '…', '.',
];

/// Closing marks: no pause is added right before them.
pub(super) const CLOSING_MARKS: &[char] = &[
    '）', ')', ']', '］', '】', '〕', '〗', '》', '〉', '”', '’', '」', '』', '"', '\'', '}', '｝',
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_char_table_answers_as_a_scan_of_its_chars() {
        for table in [&PLAIN_MARKS, &CHINESE_NUMERALS] {
            let every = (0..0x1_0000)
                .chain(0x2_0000..0x2_0100)
                .filter_map(char::from_u32);
            for c in every {
                assert_eq!(table.contains(c), table.chars.contains(&c), "{c:?}");
            }
        }
    }
}
