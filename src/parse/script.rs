//! Simplified or Traditional Chinese: a small table of common characters that
//! differ between the two scripts (简繁对照, 《通用规范汉字表》 附表).

use std::collections::HashMap;
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

/// The BCP 47 tag for `texts`: `zh-TW` when Traditional characters clearly
/// outnumber Simplified ones (at least 5, and three times as many), else
/// `zh-CN`.
pub fn lang<'a>(texts: impl Iterator<Item = &'a str>) -> &'static str {
    static TABLE: OnceLock<HashMap<char, bool>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut map = HashMap::new();
        for &(s, t) in PAIRS {
            map.insert(s, false);
            map.insert(t, true);
        }
        map
    });
    let mut simplified = 0usize;
    let mut traditional = 0usize;
    for text in texts {
        for c in text.chars().filter(|c| *c >= '\u{4e00}') {
            match table.get(&c) {
                Some(true) => traditional += 1,
                Some(false) => simplified += 1,
                None => {}
            }
        }
    }
    if traditional >= 5 && traditional >= simplified * 3 {
        "zh-TW"
    } else {
        "zh-CN"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts() {
        assert_eq!(
            lang(["臺北市政府關於發布實施計劃的通知"].into_iter()),
            "zh-TW"
        );
        assert_eq!(lang(["上盘镇2023年工作总结"].into_iter()), "zh-CN");
        assert_eq!(lang(["國"].into_iter()), "zh-CN", "too little evidence");
    }
}
