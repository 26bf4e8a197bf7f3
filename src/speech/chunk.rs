//! Text as written → pieces of at most one sentence. A sentence that would
//! be spoken longer than the bound is cut again at its clause ends (，、：)
//! into pieces within the bound, and a clause still too long is cut between
//! words. Pieces are byte ranges of the text, never empty, never only space.

use std::ops::Range;

use super::tables::tag_end;

/// Sentence ends (GB/T 15834-2011 标点符号用法 4.1–4.3, 4.6: 句号, 问号,
/// 叹号, and 分号, which closes a clause complete enough to rest on). The
/// ASCII ones count only where they end a sentence in CJK text, not inside
/// a web address (?a=1) or a word.
const SENTENCE_ENDS: &[char] = &['。', '！', '？', '；', '｡', '!', '?', ';'];

/// Closing quotes and brackets: they stay with the sentence or clause they
/// close (“一号工程。” is one piece).
const CLOSERS: &[char] = &[
    '”', '’', '」', '』', '）', ')', '】', '〕', '〗', '》', '〉', ']', '］', '"', '\'',
];

/// Clause ends where a long sentence may be cut, strongest first: 逗号 and
/// 冒号, then 顿号 (only inside a comma clause still too long, so that an
/// enumeration 要素保障、招大引强、项目快进 stays whole where it can). An
/// ASCII comma or colon counts only when not between two digits (16,886
/// and 14:52 stay whole).
const CLAUSE_ENDS: [&[char]; 2] = [&['，', '：', '﹐', '﹕', ',', ':'], &['、', '﹑']];

/// Openers: a cut never falls right after one.
const OPENERS: &[char] = &[
    '“', '‘', '「', '『', '（', '(', '【', '〔', '〖', '《', '〈', '[', '［',
];

/// Splits `text` into pieces; `measure` gives the spoken length of a piece.
pub(super) fn pieces(text: &str, max: usize, measure: &dyn Fn(&str) -> usize) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let in_tag = tag_insides(&chars);
    let mut splitter = Splitter {
        text,
        chars,
        in_tag,
        max: max.max(1),
        measure,
        out: Vec::new(),
    };
    let n = splitter.chars.len();
    let (mut start, mut i) = (0, 0);
    while i < n {
        if matches!(splitter.c(i), '\n' | '\r' | '\u{2028}' | '\u{2029}') {
            splitter.sentence(start, i);
            i += 1;
            start = i;
        } else if splitter.ends_sentence(i) {
            let mut j = i + 1;
            while j < n && (splitter.ends_sentence(j) || CLOSERS.contains(&splitter.c(j))) {
                j += 1;
            }
            splitter.sentence(start, j);
            start = j;
            i = j;
        } else {
            i += 1;
        }
    }
    splitter.sentence(start, n);
    splitter.out
}

/// For each char index, whether a cut before it would fall inside an HTML
/// tag (after its `<`, up to and with its `>`); empty when the text has
/// no `<`.
fn tag_insides(chars: &[(usize, char)]) -> Vec<bool> {
    let mut inside = Vec::new();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut i = 0;
    while i < chars.len() {
        if let Some(end) = tag_end(at, i) {
            if inside.is_empty() {
                inside = vec![false; chars.len()];
            }
            if let Some(span) = inside.get_mut(i + 1..=end) {
                span.fill(true);
            }
            i = end + 1;
        } else {
            i += 1;
        }
    }
    inside
}

struct Splitter<'t> {
    text: &'t str,
    chars: Vec<(usize, char)>,
    /// See [`tag_insides`].
    in_tag: Vec<bool>,
    max: usize,
    measure: &'t dyn Fn(&str) -> usize,
    out: Vec<Range<usize>>,
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '.' | '_' | '-' | '/' | ':' | '@' | '%' | '#' | '&' | '=' | '?' | '+' | '~'
        )
        || ('０'..='９').contains(&c)
}

impl Splitter<'_> {
    /// The character at `i`, or NUL past the end.
    fn c(&self, i: usize) -> char {
        self.chars.get(i).map_or('\0', |&(_, c)| c)
    }

    fn byte(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.text.len(), |&(b, _)| b)
    }

    fn slice(&self, a: usize, b: usize) -> &str {
        self.text.get(self.byte(a)..self.byte(b)).unwrap_or("")
    }

    /// Whether a cut before character `i` would fall inside an HTML tag.
    fn in_tag(&self, i: usize) -> bool {
        self.in_tag.get(i).copied().unwrap_or(false)
    }

    fn ends_sentence(&self, i: usize) -> bool {
        let c = self.c(i);
        // Asked for every char: ideographs (most of them) end nothing.
        if matches!(c, '\u{3400}'..='\u{9fff}') || !SENTENCE_ENDS.contains(&c) || self.in_tag(i + 1)
        {
            return false;
        }
        if !c.is_ascii() {
            return true;
        }
        let next = self.c(i + 1);
        next == '\0'
            || !next.is_ascii_graphic()
            || CLOSERS.contains(&next)
            || SENTENCE_ENDS.contains(&next)
    }

    fn ends_clause(&self, i: usize, level: usize) -> bool {
        let c = self.c(i);
        if !CLAUSE_ENDS.get(level).is_some_and(|ends| ends.contains(&c)) {
            return false;
        }
        let digits = i > 0 && self.c(i - 1).is_ascii_digit() && self.c(i + 1).is_ascii_digit();
        let address = c == ':' && self.c(i + 1) == '/';
        !digits && !address && !self.in_tag(i + 1)
    }

    /// Whether a cut may fall before character `i`: not inside a word or a
    /// number, not before punctuation, not after an opener.
    fn can_cut(&self, i: usize) -> bool {
        let (a, b) = (self.c(i - 1), self.c(i));
        let inside_word = is_word(a) && is_word(b);
        let before_mark = CLOSERS.contains(&b)
            || CLAUSE_ENDS.iter().any(|ends| ends.contains(&b))
            || SENTENCE_ENDS.contains(&b);
        !(inside_word || before_mark || OPENERS.contains(&a) || self.in_tag(i))
    }

    fn trimmed(&self, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
        while a < b && self.c(a).is_whitespace() {
            a += 1;
        }
        while b > a && self.c(b - 1).is_whitespace() {
            b -= 1;
        }
        (a < b).then_some((a, b))
    }

    fn push(&mut self, a: usize, b: usize) {
        if let Some((a, b)) = self.trimmed(a, b) {
            let range = self.byte(a)..self.byte(b);
            self.out.push(range);
        }
    }

    fn measure(&self, a: usize, b: usize) -> usize {
        (self.measure)(self.slice(a, b))
    }

    fn sentence(&mut self, a: usize, b: usize) {
        let Some((a, b)) = self.trimmed(a, b) else {
            return;
        };
        if self.measure(a, b) <= self.max {
            self.push(a, b);
        } else {
            self.clauses(a, b, 0);
        }
    }

    /// Packs the clauses of `a..b` (cut at the clause ends of `level`) into
    /// pieces within the bound; a clause too long on its own is split at
    /// the next level's ends, and past the last level cut between words.
    /// Recursion is at most [`CLAUSE_ENDS`] deep.
    fn clauses(&mut self, a: usize, b: usize, level: usize) {
        let mut current: Option<(usize, usize, usize)> = None;
        let (mut start, mut i) = (a, a);
        while start < b {
            while i < b && !self.ends_clause(i, level) {
                i += 1;
            }
            let mut end = (i + 1).min(b);
            while end < b && CLOSERS.contains(&self.c(end)) {
                end += 1;
            }
            if let Some((ca, cb)) = self.trimmed(start, end) {
                let len = self.measure(ca, cb);
                current = match current {
                    Some((x, _, sum)) if sum + len <= self.max => Some((x, cb, sum + len)),
                    held => {
                        if let Some((x, y, _)) = held {
                            self.push(x, y);
                        }
                        if len <= self.max {
                            Some((ca, cb, len))
                        } else if level + 1 < CLAUSE_ENDS.len() {
                            self.clauses(ca, cb, level + 1);
                            None
                        } else {
                            self.cut(ca, cb, len);
                            None
                        }
                    }
                };
            }
            start = end;
            i = end;
        }
        if let Some((x, y, _)) = current {
            self.push(x, y);
        }
    }

    /// Cuts a clause with no clause end in it into near-equal parts. The
    /// parts aim at seven eighths of the bound; each cut goes to the best
    /// word boundary ([`Self::cut_score`]) within a quarter of a part of
    /// where an even cut would fall, the part still within the bound, and
    /// else to the nearest place a cut may fall. Each cut aims anew at an
    /// even share of what is left, so a cut moved early or late does not
    /// push the last part over.
    fn cut(&mut self, a: usize, b: usize, len: usize) {
        let aim = (self.max - self.max / 8).max(1);
        let parts = len.div_ceil(aim);
        let window = (aim / 4).max(1);
        let mut last = a;
        for left in (2..=parts).rev() {
            let target = (last + (b - last) / left).max(last + 1);
            let p = self
                .best_cut(last, b, target, window)
                .unwrap_or_else(|| self.nearest_cut(last, b, target));
            if p >= b {
                break;
            }
            self.push(last, p);
            last = p;
        }
        self.push(last, b);
    }

    /// The best place for a cut in `target ± window` (within `last..b`):
    /// the highest [`Self::cut_score`], then the nearest to `target` (the
    /// earlier of two as near), that leaves the part from `last` within
    /// the bound.
    fn best_cut(&self, last: usize, b: usize, target: usize, window: usize) -> Option<usize> {
        let lo = target.saturating_sub(window).max(last + 1);
        let hi = (target + window).min(b.saturating_sub(1));
        for score in [3, 2] {
            for d in 0..=window {
                let before = target.checked_sub(d);
                let after = (d > 0).then_some(target + d);
                for p in [before, after].into_iter().flatten() {
                    if (lo..=hi).contains(&p)
                        && self.can_cut(p)
                        && self.cut_score(p) == score
                        && self.measure(last, p) <= self.max
                    {
                        return Some(p);
                    }
                }
            }
        }
        None
    }

    /// The place a cut may fall nearest before `target` (after `last`),
    /// else after it; `b` where there is none.
    fn nearest_cut(&self, last: usize, b: usize, target: usize) -> usize {
        let mut p = target;
        while p > last + 1 && !self.can_cut(p) {
            p -= 1;
        }
        if !self.can_cut(p) {
            p = target;
            while p < b && !self.can_cut(p) {
                p += 1;
            }
        }
        p
    }

    /// How sure it is that a cut before character `i` falls between words,
    /// where no dictionary says: 3 at a space, after a closing or before an
    /// opening bracket or quote, before a number in digits (底数|600家) or
    /// after a number's unit (600家|其他, 九百四十二家|检查); 2 after 的,
    /// or before a conjunction (派出所|和行政执法队) that is not the end of
    /// a word (参与, 涉及, 合并); 0 elsewhere, as between the ideographs of
    /// one word.
    fn cut_score(&self, i: usize) -> u8 {
        let (before, a, b) = (self.c(i.wrapping_sub(2)), self.c(i - 1), self.c(i));
        let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
        if a.is_whitespace()
            || b.is_whitespace()
            || CLOSERS.contains(&a)
            || OPENERS.contains(&b)
            || (digit(b) && !is_word(a))
            || (UNITS.contains(&a) && (digit(before) || CJK_DIGITS.contains(&before)))
        {
            3
        } else if (a == '的' && b != '确')
            || CONJUNCTIONS
                .iter()
                .any(|&(c, ends)| b == c && !ends.contains(&a))
        {
            2
        } else {
            0
        }
    }
}

/// The ideographs of numbers as written out (九百四十二家).
const CJK_DIGITS: &[char] = &[
    '〇', '零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千',
];

/// Units and measure words after a number (2024年, 600家, 50余艘): a cut
/// after one, not between it and its number.
const UNITS: &[char] = &[
    '年', '月', '日', '号', '时', '分', '秒', '元', '万', '亿', '个', '家', '名', '人', '次', '件',
    '项', '条', '处', '余', '多', '吨', '米', '亩', '台', '辆', '艘', '户', '座', '所', '份', '批',
    '期', '届', '天', '岁', '%', '％', '㎡',
];

/// Conjunctions a phrase may start with, each with the ideographs before
/// it that make it the end of a word instead (参与, 以及, 合并).
const CONJUNCTIONS: &[(char, &[char])] = &[
    (
        '和',
        &[
            '平', '温', '总', '调', '缓', '柔', '饱', '谦', '随', '共', '祥', '暖',
        ],
    ),
    ('与', &['参', '给', '赋', '授', '施', '赠']),
    (
        '及',
        &[
            '以', '涉', '普', '危', '波', '顾', '企', '提', '触', '惠', '来', '论', '殃',
        ],
    ),
    ('并', &['合', '兼', '吞', '归']),
    ('或', &['惑']),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// `ends_sentence` turns ideographs away before the table: none may be in it.
    #[test]
    fn no_sentence_end_is_an_ideograph() {
        assert!(SENTENCE_ENDS
            .iter()
            .all(|c| !matches!(c, '\u{3400}'..='\u{9fff}')));
    }
}
