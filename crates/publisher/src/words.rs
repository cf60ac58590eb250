//! Every sentence the publisher page shows, in Hindi and English, and the Hindi reading of the
//! publisher library's messages: the library words its problems in English (the command line's
//! language), so each kind of problem a clerk meets is recognised here and said in Hindi beside
//! the English original, which keeps the file, sheet, row and column exactly.

use crate::form::Role;
use samiksha_core::Lang;

/// A sentence in both languages, picked by the page's language.
pub fn pick(lang: Lang, hi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Hi => hi,
        Lang::En => en,
    }
}

pub fn role_name(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::Districts => pick(lang, "ज़िलों की सूची", "District list"),
        Role::Indicators => pick(lang, "संकेतकों की शीट", "Indicator sheet"),
        Role::Values => pick(lang, "आँकड़े", "Values"),
        Role::Meta => pick(lang, "डेटासेट का विवरण (meta.json)", "About the dataset (meta.json)"),
        Role::Boundaries => pick(lang, "ज़िलों की सीमाएँ (GeoJSON या TopoJSON)", "District boundaries (GeoJSON or TopoJSON)"),
        Role::Aliases => pick(lang, "ज़िलों के दूसरे नाम", "Other spellings of district names"),
        Role::Flags => pick(lang, "चिह्नों का अर्थ", "What flags mean"),
        Role::Targets => pick(lang, "लक्ष्य और समय-सीमाएँ", "Targets and deadlines"),
        Role::Reviews => pick(lang, "समीक्षा बैठकें", "Review meetings"),
        Role::Notes => pick(lang, "आँकड़ों पर टिप्पणियाँ", "Notes on the data"),
        Role::Catalog => pick(lang, "साइट पर डेटासेटों की सूची (data/catalog.json)", "The site's catalogue (data/catalog.json)"),
        Role::Current => pick(lang, "साइट पर अभी प्रकाशित डेटासेट (.zip)", "The dataset as now published (.zip)"),
    }
}

pub fn role_help(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::Districts => pick(lang, "स्तंभ: slug, name_en, name_hi, division …", "Columns: slug, name_en, name_hi, division …"),
        Role::Indicators => pick(
            lang,
            "स्तंभ: id, key, name_en, name_hi, unit, direction …; लक्ष्य भी यहीं (target, target_by)",
            "Columns: id, key, name_en, name_hi, unit, direction …; targets too (target, target_by)",
        ),
        Role::Values => pick(
            lang,
            "स्तंभ: district, indicator, period, value (या हर अवधि का एक स्तंभ, नीचे विकल्प देखें)",
            "Columns: district, indicator, period, value (or one column per period: see the options below)",
        ),
        Role::Meta => pick(lang, "वैकल्पिक: पहले का meta.json; इससे नीचे का फ़ॉर्म अपने-आप भर जाएगा", "Optional: an earlier meta.json; the form below is filled from it"),
        Role::Boundaries => pick(lang, "वैकल्पिक: मानचित्र के लिए", "Optional: for the map"),
        Role::Aliases => pick(lang, "वैकल्पिक: स्तंभ alias, slug", "Optional: columns alias, slug"),
        Role::Flags => pick(lang, "वैकल्पिक: स्तंभ text, id, label_en, label_hi", "Optional: columns text, id, label_en, label_hi"),
        Role::Targets => pick(
            lang,
            "वैकल्पिक: स्तंभ indicator, target, target_by, target_from; हर पंक्ति अपने संकेतक का लक्ष्य और समय-सीमा बदल देती है (संकेतकों की शीट में दिए की जगह)",
            "Optional: columns indicator, target, target_by, target_from; each row replaces its indicator's target and deadlines from the indicator sheet",
        ),
        Role::Reviews => pick(lang, "वैकल्पिक: बैठक में जिन ज़िलों का नाम लिया गया, उनमें से हर एक की एक पंक्ति", "Optional: one row per district named"),
        Role::Notes => pick(lang, "वैकल्पिक: indicator, period, district, text_en, text_hi", "Optional: indicator, period, district, text_en, text_hi"),
        Role::Catalog => {
            pick(lang, "वैकल्पिक: साइट पर पहले से प्रकाशित डेटासेट की सूची, ताकि वे सूची में बने रहें", "Optional: the site's current list of datasets, so they stay listed")
        }
        Role::Current => pick(
            lang,
            "हर महीने: पिछली बार डाउनलोड की गई .zip चुनें और नीचे केवल नए महीने के आँकड़े चुनें; ज़िलों की सूची, संकेतकों की शीट और चिह्नों का अर्थ उसी से लिए जाएँगे, और पहले की अवधियों की फ़ाइलें जैसी हैं वैसी रहेंगी",
            "Each month: choose the .zip you downloaded last time and give only the new month's values below; the district list, indicator sheet and flag sheet are taken from it, and the earlier periods' files stay exactly as they are",
        ),
    }
}

/// A line of the library's message in the page's terms: the command line's flags become the
/// page's controls, so the fix it names is one the officer can make here.
pub fn for_the_page(line: &str) -> String {
    line.replace("pass --allow-unmatched", "tick \"Leave out rows …\" under Options")
        .replace("an --aliases file", "the file of other spellings of district names")
        .replace("--aliases", "the file of other spellings")
        .replace("to --flags", "to the file of what flags mean")
}

/// The Hindi of one line of the library's English message, when it is a kind the page knows;
/// the English line stays beside it with the exact place.
pub fn hindi(line: &str) -> Option<String> {
    let l = line.trim();
    let place = l.split(": ").next().unwrap_or_default();
    let has = |s: &str| l.contains(s);
    let text = if has("cell(s) are not numbers") {
        "इन खानों में संख्या होनी चाहिए (जैसे 12.5 या 1,234; छोटे नमूने के लिए कोष्ठक में संख्या; गोपनीय रखे गए (छिपाए गए) मान के लिए \"*\"; या खाली):".to_string()
    } else if has("no polygon") || has("polygon(s) match no district") {
        format!("{place}: सीमाओं की फ़ाइल और ज़िलों की सूची मेल नहीं खातीं")
    } else if has("is not a non-negative number") {
        format!("{place}: यहाँ संख्या होनी चाहिए (जैसे 12 या 12.5); ऋणात्मक संख्या नहीं चलेगी")
    } else if has("is not a number") {
        format!("{place}: यहाँ संख्या होनी चाहिए; इस खाने में संख्या लिखें (जैसे 12 या 12.5)")
    } else if has("match no district") {
        format!("{place}: कुछ ज़िलों के नाम ज़िलों की सूची से मेल नहीं खाते; नीचे हर नाम दिया है, और जहाँ मिला वहाँ सुझाव भी")
    } else if has("probably ") && has("aliases") {
        "सुझाव: दिखाई गई पंक्ति ज़िलों के दूसरे नामों की फ़ाइल (alias,slug) में जोड़ें".to_string()
    } else if has("no district with a similar name") {
        "यह नाम किसी ज़िले से नहीं मिलता: इसे ज़िलों की सूची में या दूसरे नामों की फ़ाइल में जोड़ें".to_string()
    } else if has("are not in the indicator sheet") {
        format!("{place}: कुछ संकेतक संकेतकों की शीट में नहीं हैं; शीट में हर एक के लिए नई पंक्ति जोड़ें (\"key\" स्तंभ में उसका नाम)")
    } else if has("missing column") {
        format!("{place}: ज़रूरी स्तंभ नहीं हैं; पहली पंक्ति में स्तंभों के नाम जाँचें")
    } else if has("no sheet") {
        format!("{place}: वर्कबुक में यह शीट नहीं है; सही शीट चुनें")
    } else if has("not UTF-8 text") {
        format!("{place}: फ़ाइल यूनिकोड में नहीं है; Excel में \"CSV UTF-8\" के रूप में सहेजें (कृतिदेव जैसे पुराने फ़ॉन्ट यूनिकोड नहीं हैं)")
    } else if has(": empty; expected") {
        format!("{place}: यह खाना खाली है; इसमें मान लिखें")
    } else if has("is not a period") {
        format!("{place}: अवधि YYYY-MM (जैसे 2026-03) या अवधि की पहचान (जैसे nfhs-5) के रूप में लिखें")
    } else if has("allow-unmatched") {
        "जब तक ये समस्याएँ हैं, कुछ भी डाउनलोड के लिए नहीं बनेगा; अगर ये पंक्तियाँ जान-बूझकर छोड़नी हैं तो \"विकल्प\" में \"…उनकी पंक्तियाँ छोड़ दें\" पर सही का निशान लगाएँ".to_string()
    } else if has("nothing was written") || has("nothing is offered") {
        "जब तक ये समस्याएँ हैं, कुछ भी डाउनलोड के लिए नहीं बनेगा".to_string()
    } else if has("is not a date") {
        format!("{place}: तारीख़ YYYY-MM-DD के रूप में लिखें")
    } else if has("is no indicator of the indicator sheet") {
        format!("{place}: यह संकेतक संकेतकों की शीट में नहीं है; उसका key या id लिखें")
    } else if has("a second target for") {
        format!("{place}: इस संकेतक का लक्ष्य दो बार दिया गया है; हर संकेतक की एक ही पंक्ति रखें")
    } else if has("is not a gap") {
        format!("{place}: \"gap\" स्तंभ में ये शब्द ही चलेंगे: {}", samiksha_core::format::values::GapReason::WORDS.join(", "))
    } else if has("expected a value or a gap, not both") {
        format!("{place}: इस पंक्ति में मान भी है और gap भी; दोनों में से एक ही रखें")
    } else if has("is not a count") || has("a count, but the row has no value") {
        format!("{place}: यहाँ गिनती (0 या उससे बड़ी संख्या) होनी चाहिए, और उसी पंक्ति में मान भी; या यह खाना खाली छोड़ें")
    } else if has("already holds the dataset") {
        format!("{place}: साइट की सूची में यह फ़ोल्डर किसी दूसरे डेटासेट का है; डेटासेट की कोई दूसरी पहचान (id) चुनें")
    } else if has("is no period of the values") {
        format!("{place}: यह अवधि आँकड़ों की अवधियों में नहीं है; आँकड़ों की कोई अवधि या (मासिक आँकड़ों में) बाद का कोई महीना YYYY-MM लिखें")
    } else if has("twice") || has("two rows") {
        format!("{place}: यह प्रविष्टि दो बार आई है; दोहराई गई पंक्ति हटाएँ या सुधारें")
    } else {
        return None;
    };
    Some(text)
}

/// A line the page shows: its text in one language and, where the page has it, the same in the
/// other. Each part carries its language, for the `lang` attribute a screen reader follows.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub text: String,
    pub lang: Lang,
    pub other: Option<(String, Lang)>,
}

impl Line {
    /// A line of the library's English with its Hindi beside it, where there is one.
    pub fn english(en: String, hi: Option<String>) -> Line {
        Line { text: en, lang: Lang::En, other: hi.map(|h| (h, Lang::Hi)) }
    }

    /// A line the page words in both languages, in the reader's first.
    pub fn both(lang: Lang, hi: String, en: String) -> Line {
        match lang {
            Lang::Hi => Line { text: hi, lang: Lang::Hi, other: Some((en, Lang::En)) },
            Lang::En => Line { text: en, lang: Lang::En, other: Some((hi, Lang::Hi)) },
        }
    }
}

/// The numbers of a line, in order (`"read 30 rows: 26 values"` → 30, 26).
fn numbers(line: &str) -> Vec<&str> {
    line.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).collect()
}

/// What follows `marker` in a line (a list of names, ids or periods), as written: names may
/// hold ": " themselves, so the list starts at the first marker, not the last colon.
fn tail<'a>(line: &'a str, marker: &str) -> &'a str {
    line.split_once(marker).map_or("", |(_, t)| t)
}

/// The Hindi of one line of a successful build's report (what was read, left out and kept, the
/// boundary file's matching, the catalogue), when it is a kind the page knows. Names, ids and
/// periods stay as written.
pub fn report_hindi(line: &str) -> Option<String> {
    let l = line.trim();
    let n = numbers(l);
    let has = |s: &str| l.contains(s);
    let text = if l.starts_with("read ") && has(" rows: ") && n.len() >= 5 {
        format!("पढ़ी गई पंक्तियाँ: {}; मान: {} (ज़िले: {}, संकेतक: {}, अवधियाँ: {})", n[0], n[1], n[2], n[3], n[4])
    } else if l.starts_with("left out ") && has("match no district") && n.len() >= 2 {
        format!(
            "ज़िलों की सूची से मेल न खाने वाले नाम छोड़े गए (नाम: {}, पंक्तियाँ: {}), क्योंकि \"विकल्प\" में \"…उनकी पंक्तियाँ छोड़ दें\" चुना है: {}",
            n[0],
            n[1],
            tail(l, " allows: ")
        )
    } else if l.starts_with("left out ") && has("not in the indicator sheet") && n.len() >= 2 {
        format!("संकेतकों की शीट में न मिले संकेतक छोड़े गए (संकेतक: {}, पंक्तियाँ: {}), क्योंकि \"विकल्प\" में \"…उनकी पंक्तियाँ छोड़ दें\" चुना है: {}", n[0], n[1], tail(l, " allows: "))
    } else if l.starts_with("kept ") && has("without their flag") && !n.is_empty() {
        format!(
            "बिना चिह्न के रखे गए मान: {}; इनके चिह्न का पाठ \"चिह्नों का अर्थ\" फ़ाइल में नहीं है, और \"विकल्प\" में \"…उनकी पंक्तियाँ छोड़ दें\" चुना है; ये चिह्न: {}",
            n[0],
            tail(l, " allows: ")
        )
    } else if l.starts_with("warning: no former_name_hi for ") {
        let who = l.trim_start_matches("warning: no former_name_hi for ").split(" (").next().unwrap_or_default();
        format!("चेतावनी: इन ज़िलों का पुराना नाम हिंदी में (former_name_hi) नहीं दिया गया, इसलिए हिंदी पेज पर वह रोमन (अंग्रेज़ी) लिपि में दिखेगा: {who}")
    } else if l.starts_with("warning: no label for ") {
        let which = l.trim_start_matches("warning: no label for ").split(" in meta.json").next().unwrap_or_default();
        format!("चेतावनी: meta.json के \"periods\" में इन अवधियों का नाम (label) नहीं है, इसलिए हिंदी पेज पर इनकी पहचान रोमन लिपि में दिखेगी; हर एक के लिए {{\"id\": …, \"label\": {{\"en\": …, \"hi\": …}}}} जोड़ें: {which}")
    } else if l.starts_with("kept from the previous manifest in the folder: ") {
        format!("पहले से प्रकाशित मैनिफ़ेस्ट से रखा गया: {}", tail(l, "in the folder: "))
    } else if l.starts_with("kept ") && has("published period(s) as they are") && !n.is_empty() {
        format!("पहले से प्रकाशित अवधियाँ जैसी थीं वैसी रखी गईं ({}): {}", n[0], tail(l, "as they are: "))
    } else if (l.starts_with("added \"") || l.starts_with("updated \"")) && has("the catalogue lists") {
        let id = l.split('"').nth(1).unwrap_or_default();
        let listed = l.split("the catalogue lists ").nth(1).and_then(|t| t.split(" (").next()).unwrap_or_default();
        let verb = if l.starts_with("added") { "जोड़ा गया" } else { "अद्यतन किया गया" };
        format!("डेटासेटों की सूची (catalog.json) में \"{id}\" {verb}; सूची में अब ये डेटासेट हैं: {listed} (पहला डिफ़ॉल्ट है)")
    } else if has(" districts matched, ") && n.len() >= 3 {
        let place = l.split(": ").next().unwrap_or_default();
        let k = n.len();
        format!("{place}: ज़िलों की सूची से मेल खाए ज़िले: {}; सीमा-रेखाओं के बिंदु: फ़ाइल में {}, सरल करने के बाद {}", n[k - 3], n[k - 2], n[k - 1])
    } else if l.starts_with("renamed: \"") {
        let old = l.split('"').nth(1).unwrap_or_default();
        let slug = l.rsplit(' ').next().unwrap_or_default();
        format!("पुराना नाम: \"{old}\" को {slug} से मिलाया गया")
    } else if l.starts_with("no polygon for district ") {
        let slug = l.trim_start_matches("no polygon for district ").split([' ', ',']).next().unwrap_or_default();
        match l.split("within ").nth(1).and_then(|t| t.split([',', ' ']).next()) {
            Some(parent) => format!("सीमाओं की फ़ाइल में {slug} ज़िले की आकृति नहीं है; मानचित्र उसे {parent} के भीतर दिखाता है, जिससे अलग होकर वह बना"),
            None => format!("सीमाओं की फ़ाइल में न {slug} ज़िले की आकृति है, न उस ज़िले की जिससे वह बना; इसलिए वह मानचित्र पर नहीं दिखेगा"),
        }
    } else {
        return None;
    };
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kinds_of_problem_a_clerk_meets_are_said_in_hindi_with_their_place() {
        let h = hindi("book.xlsx, sheet \"Values\", row 4, column D (\"value\"): \"n/a\" is not a number").unwrap();
        assert!(h.starts_with("book.xlsx, sheet \"Values\", row 4, column D (\"value\")") && h.contains("संख्या"), "{h}");
        assert!(hindi("values.csv: 1 district name(s) match no district in districts.csv:").unwrap().contains("ज़िलों"));
        assert!(hindi("read 12 rows").is_none());
        // The targets sheet's and the gap column's problems, each with its place.
        for (line, says) in [
            ("targets.csv line 2, column \"indicator\": \"x\" is no indicator of the indicator sheet; expected its key or id, e.g. i", "संकेतकों की शीट में नहीं"),
            (
                "targets.csv line 3, column \"indicator\": a second target for \"i\" (the first is at targets.csv line 2); each indicator takes one row",
                "दो बार",
            ),
            ("values.csv line 2, column \"gap\": \"missing\" is not a gap; expected one of not_reported", "\"gap\" स्तंभ"),
            ("values.csv line 2, column \"gap\": \"suppressed\", but the row has a value; expected a value or a gap, not both", "दोनों में से एक"),
            ("targets.csv line 2, column \"target_by\": \"nfhs-5\" is no period of the values; expected one of 2026-01", "अवधियों में नहीं"),
        ] {
            let h = hindi(line).unwrap_or_else(|| panic!("no Hindi for {line}"));
            assert!(h.contains(says) && h.starts_with(line.split(": ").next().unwrap()), "{line} → {h}");
        }
        // A polygon that matches no district is about the boundary file, not the values' names.
        assert!(hindi("1 polygon(s) match no district (Atlantis): add each name …").unwrap().contains("सीमाओं"));
        assert_eq!(
            for_the_page("nothing was written; pass --allow-unmatched if these rows are left out on purpose"),
            "nothing was written; tick \"Leave out rows …\" under Options if these rows are left out on purpose"
        );
    }

    #[test]
    fn a_successful_builds_report_is_said_in_hindi_with_its_numbers_and_names() {
        let h = |l: &str| report_hindi(l).unwrap_or_else(|| panic!("no Hindi for {l}"));
        assert_eq!(h("read 30 rows: 26 values for 7 districts, 2 indicators, 2 periods"), "पढ़ी गई पंक्तियाँ: 30; मान: 26 (ज़िले: 7, संकेतक: 2, अवधियाँ: 2)");
        let left = h("left out 1 district name(s) that match no district (4 rows), as --allow-unmatched allows: \"Roorkee\"");
        assert!(left.starts_with("ज़िलों की सूची से मेल न खाने वाले नाम छोड़े गए (नाम: 1, पंक्तियाँ: 4)") && left.ends_with("\"Roorkee\""), "{left}");
        assert!(h("kept 2 published period(s) as they are: 2023-03, 2024-03").ends_with(": 2023-03, 2024-03"));
        let cat = h("added \"uk\" (uk/) in catalog.json; the catalogue lists sample, uk (the first is the default)");
        assert!(cat.contains("\"uk\" जोड़ा गया") && cat.contains("sample, uk"), "{cat}");
        assert_eq!(
            h("mp.topo.json: 52 districts matched, 9000 points in, 5969 points out"),
            "mp.topo.json: ज़िलों की सूची से मेल खाए ज़िले: 52; सीमा-रेखाओं के बिंदु: फ़ाइल में 9000, सरल करने के बाद 5969"
        );
        assert!(h("  no polygon for district mauganj (the viewer shows it within rewa, the district it was carved from)").contains("rewa के भीतर"));
        assert!(report_hindi("something new the page does not know").is_none());
    }
}
