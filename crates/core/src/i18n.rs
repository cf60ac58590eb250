//! Every interface string, in Hindi and English. One table, so a string cannot exist in one
//! language only: the macro makes each entry name both texts, and a test checks neither is empty
//! and the Hindi one is written in Devanagari.

use crate::text::Lang;

macro_rules! strings {
    ($($name:ident => $en:expr, $hi:expr;)*) => {
        /// A message of the interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($name),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];

            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$name, Lang::En) => $en, (Msg::$name, Lang::Hi) => $hi,)*
                }
            }
        }
    };
}

strings! {
    AppName => "Samiksha", "समीक्षा";
    AppTagline => "District review dashboard", "ज़िला समीक्षा डैशबोर्ड";
    SkipToContent => "Skip to content", "मुख्य सामग्री पर जाएँ";
    SwitchLanguage => "हिन्दी में देखें", "View in English";
    MainNavigation => "Main navigation", "मुख्य नेविगेशन";
    NavMap => "Map", "मानचित्र";
    NavRankings => "Rankings", "रैंकिंग";
    NavCharts => "Charts", "चार्ट";
    NavDistrict => "Districts", "ज़िले";
    NavAbout => "About the data", "डेटा के बारे में";
    Indicator => "Indicator", "संकेतक";
    Period => "Period", "अवधि";
    District => "District", "ज़िला";
    Division => "Division", "संभाग";
    Department => "Department", "विभाग";
    Loading => "Loading data…", "डेटा लोड हो रहा है…";
    LoadFailed => "The data could not be loaded", "डेटा लोड नहीं हो सका";
    LoadFailedHelp => "The files below could not be used. Try reloading the page; if it persists, tell the publisher the file name and place shown.", "नीचे दी गई फ़ाइलें उपयोग नहीं हो सकीं। पेज दोबारा लोड करें; समस्या बनी रहे तो प्रकाशक को फ़ाइल का नाम और स्थान बताएँ।";
    ProblemsInData => "Problems found in the data", "डेटा में मिली समस्याएँ";
    ProblemsHelp => "Everything valid is still shown. Parts with errors are left out.", "जो मान्य है वह दिखाया गया है। त्रुटि वाले भाग छोड़ दिए गए हैं।";
    Errors => "errors", "त्रुटियाँ";
    Warnings => "warnings", "चेतावनियाँ";
    Source => "Source", "स्रोत";
    Licence => "Licence", "लाइसेंस";
    DataAsOf => "Data as of", "डेटा की तिथि";
    Publisher => "Publisher", "प्रकाशक";
    Rank => "Rank", "रैंक";
    Value => "Value", "मान";
    TopThree => "Top three", "शीर्ष तीन";
    BottomThree => "Bottom three", "निचले तीन";
    NotRanked => "Not ranked", "रैंक नहीं";
    Tied => "tied", "बराबर";
    HigherIsBetter => "Higher is better", "अधिक होना बेहतर";
    LowerIsBetter => "Lower is better", "कम होना बेहतर";
    Target => "Target", "लक्ष्य";
    StateAverage => "State average", "राज्य औसत";
    ChangeSincePrevious => "Change since previous period", "पिछली अवधि से बदलाव";
    NoValuesForPeriod => "No values were published for this indicator in this period.", "इस अवधि में इस संकेतक के मान प्रकाशित नहीं हुए।";
    RankingNote => "Districts with equal values (at the published precision) share a rank; districts without a value are listed separately and never ranked last.", "समान मान (प्रकाशित दशमलव तक) वाले ज़िलों को एक ही रैंक मिलती है; बिना मान वाले ज़िले अलग सूचीबद्ध हैं, उन्हें अंतिम रैंक नहीं दी जाती।";
    RankOf => "of", "में से";
    MapTitle => "District map", "ज़िला मानचित्र";
    MapTileNote => "Each district is one equal tile, placed near its real position; the tile shows the district's rank.", "हर ज़िला एक समान खाना है, अपनी वास्तविक जगह के पास; खाने में ज़िले की रैंक है।";
    NoData => "No data", "डेटा नहीं";
    Better => "better", "बेहतर";
    Worse => "worse", "कमज़ोर";
    ChooseDistrict => "Choose a district", "ज़िला चुनें";
    CarvedFrom => "Carved from", "से अलग होकर बना";
    InYear => "in", "वर्ष";
    FormerlyCalled => "Formerly", "पूर्व नाम";
    Scorecard => "Scorecard", "स्कोरकार्ड";
    AboutDataset => "About this dataset", "इस डेटासेट के बारे में";
    HowRanked => "How districts are ranked", "ज़िलों की रैंकिंग कैसे होती है";
    IndicatorsList => "Indicators", "संकेतक";
    Headlines => "State figures", "राज्य के आँकड़े";
    Direction => "Direction", "दिशा";
    Description => "Description", "विवरण";
    NoProblems => "No problems were found in the files loaded so far.", "अब तक लोड की गई फ़ाइलों में कोई समस्या नहीं मिली।";
    DataChecks => "Data checks", "डेटा जाँच";
    UnknownDistrict => "This district is not in the dataset.", "यह ज़िला डेटासेट में नहीं है।";
    CompositeIndex => "Composite index (all indicators)", "समग्र सूचकांक (सभी संकेतक)";
    Score => "Score", "अंक";
    Band => "Band", "श्रेणी";
    RankInDivision => "Rank in division", "संभाग में रैंक";
    SearchDistricts => "Search districts", "ज़िला खोजें";
    AllDivisions => "All divisions", "सभी संभाग";
    CompareWith => "Improvement since", "सुधार, इस अवधि से";
    NoComparison => "No comparison", "तुलना नहीं";
    MostImproved => "Most improved", "सबसे अधिक सुधार";
    Gain => "Improvement", "सुधार";
    Then => "Then", "तब";
    Now => "Now", "अब";
    DivisionFigures => "Divisions", "संभागवार";
    DivisionMeanNote => "A division's figure is the unweighted mean of its districts' values.", "संभाग का आँकड़ा उसके ज़िलों के मानों का साधारण औसत है।";
    DistrictsCount => "Districts", "ज़िले";
    HowComputed => "How was this computed?", "यह कैसे निकाला गया?";
    ChooseDistrictToExplain => "Choose a district in the table to see its arithmetic.", "गणना देखने के लिए तालिका में कोई ज़िला चुनें।";
    Explain => "Explain", "समझाएँ";
    SensitivityBefore => "If every department weighed the same,", "यदि सभी विभागों का भार बराबर होता, तो";
    SensitivityAfter => "districts would hold a different rank.", "ज़िलों की रैंक बदल जाती।";
    DownloadCsv => "Download this table (CSV)", "यह तालिका डाउनलोड करें (CSV)";
    Coverage => "Indicators with values", "मान वाले संकेतक";
    TooFewIndicators => "too few indicators with values", "बहुत कम संकेतकों के मान";
    Showing => "Showing", "दिखाए जा रहे";
    BestDistrict => "best district", "सबसे अच्छा ज़िला";
    ScoreZeroAt => "0 at", "0 अंक:";
    ScoreHundredAt => "100 at", "100 अंक:";
    DepartmentScoreMean => "department score (mean of its indicators)", "विभाग अंक (संकेतकों का औसत)";
    Weight => "weight", "भार";
    OverallIs => "Overall score = weighted mean of department scores", "कुल अंक = विभाग अंकों का भारित औसत";
    BetterValueCount => "districts have a better value, so the rank is", "ज़िलों का मान बेहतर है, इसलिए रैंक है";
    MethodDocument => "The full method, with a worked example, is published with the app.", "पूरी विधि, उदाहरण सहित, ऐप के साथ प्रकाशित है।";
    MapKindLabel => "Map type", "मानचित्र प्रकार";
    GeographicMap => "Geographic", "भौगोलिक";
    TileMap => "Equal tiles", "समान खाने";
    ClassMethod => "Colour classes", "रंग वर्ग";
    MethodQuantile => "Quantiles (equal counts)", "क्वांटाइल (बराबर संख्या)";
    MethodEqual => "Equal intervals", "बराबर अंतराल";
    MethodNatural => "Natural breaks", "प्राकृतिक विभाजन";
    MethodTarget => "Distance from target", "लक्ष्य से दूरी";
    MethodDiverging => "Above and below target or average", "लक्ष्य या औसत से ऊपर-नीचे";
    Zoom => "Zoom to", "ज़ूम करें";
    WholeState => "Whole state", "पूरा राज्य";
    FindDistrict => "Find a district", "ज़िला खोजें";
    NoBoundaryFile => "No boundary file was published with this dataset, so districts are shown as equal tiles.", "इस डेटासेट के साथ सीमा फ़ाइल प्रकाशित नहीं हुई, इसलिए ज़िले समान खानों में दिखाए गए हैं।";
    BoundaryFailed => "The boundary file could not be used (see the problems above), so districts are shown as equal tiles.", "सीमा फ़ाइल उपयोग नहीं हो सकी (ऊपर समस्याएँ देखें), इसलिए ज़िले समान खानों में दिखाए गए हैं।";
    NoSeparateBoundary => "no separate boundary in this map; shown within", "इस मानचित्र में अलग सीमा नहीं; दिखाया गया है इसके भीतर:";
    TableOfValues => "Table of these values", "इन मानों की तालिका";
    Close => "Close", "बंद करें";
    PreviousPeriodShort => "since previous period", "पिछली अवधि से";
    AsOf => "As of", "स्थिति";
    CentreTarget => "centre: target", "केंद्र: लक्ष्य";
    CentreAverage => "centre: average of districts", "केंद्र: ज़िलों का औसत";
    ChartKind => "Chart", "चार्ट";
    ChartBars => "Ranked bars", "क्रमवार पट्टियाँ";
    ChartTrend => "Trend", "रुझान";
    ChartDistribution => "By division", "संभागवार";
    ChartScatter => "Two indicators", "दो संकेतक";
    SecondIndicator => "Compare with indicator", "तुलना हेतु संकेतक";
    Highest => "Highest", "सर्वाधिक";
    Lowest => "Lowest", "न्यूनतम";
    Correlation => "Correlation", "सहसंबंध";
    CorrelationNone => "too few districts with both values to state a correlation", "सहसंबंध बताने के लिए दोनों मान वाले ज़िले बहुत कम हैं";
    DownloadSvg => "Download SVG", "SVG डाउनलोड करें";
    DownloadPng => "Download PNG", "PNG डाउनलोड करें";
    DataTable => "Data table", "डेटा तालिका";
    TrendOf => "Trend of", "रुझान:";
    Strengths => "Strengths (best ranks)", "मज़बूत पक्ष (सर्वश्रेष्ठ रैंक)";
    Concerns => "Concerns (weakest ranks)", "चिंता के बिंदु (सबसे कमज़ोर रैंक)";
    CompositeRank => "Composite rank", "समग्र रैंक";
    CompositeHistory => "Composite rank over time", "समय के साथ समग्र रैंक";
    AddDistrict => "Add a district to compare", "तुलना के लिए ज़िला जोड़ें";
    RemoveDistrict => "Remove", "हटाएँ";
    TrendColumn => "Trend", "रुझान";
    CompositeNote => "Each indicator is scaled 0–100 (worst district 0; target, or best district, 100); a department scores the mean of its indicators; the overall score is the weighted mean of departments. Districts need values for 75% of indicators to be ranked.", "हर संकेतक 0–100 पर (सबसे कमज़ोर ज़िला 0; लक्ष्य या सबसे अच्छा ज़िला 100); विभाग का अंक उसके संकेतकों का औसत; कुल अंक विभागों का भारित औसत। रैंक के लिए 75% संकेतकों के मान आवश्यक।";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages() {
        for m in Msg::ALL {
            let en = m.text(Lang::En);
            let hi = m.text(Lang::Hi);
            assert!(!en.trim().is_empty(), "{m:?} has no English text");
            assert!(!hi.trim().is_empty(), "{m:?} has no Hindi text");
            // The language switch is written in the language it switches to, so its texts are
            // swapped on purpose.
            if *m != Msg::SwitchLanguage {
                assert!(hi.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)), "{m:?} Hindi text is not in Devanagari: {hi}");
            }
        }
    }
}
