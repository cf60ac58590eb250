//! Every interface string, in Hindi and English. One table, so a string cannot exist in one
//! language only: the macro makes each entry name both texts, and a test checks neither is empty
//! and the Hindi one is written in Devanagari.
//!
//! A message is a whole sentence or label. Where it carries figures or names, they are named
//! placeholders (`{rank}`, `{n}`, `{district}`) filled by [`Msg::fill`], so each language orders
//! its own words ("rank 38 of 55" / "रैंक 55 में से 38"); no message is glued from fragments of
//! another. A test checks that both languages of a message name the same placeholders.

use crate::format::text::Lang;

macro_rules! strings {
    ($($name:ident => $en:expr, $hi:expr;)*) => {
        /// A message of the interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($name),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];

            /// The message as written, placeholders and all.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$name, Lang::En) => $en, (Msg::$name, Lang::Hi) => $hi,)*
                }
            }
        }
    };
}

/// Characters that change the direction of the text around them: explicit embeddings,
/// overrides and isolates, marks, and letters of right-to-left scripts.
fn affects_direction(c: char) -> bool {
    is_bidi_control(c)
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}')
        || ('\u{0590}'..='\u{08FF}').contains(&c)
        || ('\u{FB1D}'..='\u{FDFF}').contains(&c)
        || ('\u{FE70}'..='\u{FEFF}').contains(&c)
        || ('\u{10800}'..='\u{10FFF}').contains(&c)
        || ('\u{1E800}'..='\u{1EFFF}').contains(&c)
}

/// Embeddings, overrides and isolates: inside a value they could close the isolate around it.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Puts a filled-in value into the sentence. A value that could change the direction of the
/// text around it (dataset text with a right-to-left override, say) is wrapped in a Unicode
/// isolate (U+2068 … U+2069, what `<bdi>` does in HTML), so it cannot reorder the rest of the
/// sentence; ordinary Hindi and English values are put in as they are.
fn push_isolated(out: &mut String, value: &str) {
    if value.chars().any(affects_direction) {
        out.push('\u{2068}');
        out.extend(value.chars().filter(|c| !is_bidi_control(*c)));
        out.push('\u{2069}');
    } else {
        out.push_str(value);
    }
}

impl Msg {
    /// The message with each `{name}` replaced by its value from `args`. A placeholder without
    /// a value is left as written, so a mistake shows on screen instead of panicking.
    pub fn fill(self, lang: Lang, args: &[(&str, &str)]) -> String {
        let template = self.text(lang);
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    let name = &after[..close];
                    match args.iter().find(|(k, _)| *k == name) {
                        Some((_, v)) => push_isolated(&mut out, v),
                        None => out.push_str(&rest[open..open + close + 2]),
                    }
                    rest = &after[close + 1..];
                }
                None => {
                    out.push_str(&rest[open..]);
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The placeholder names a message's text uses, in order of appearance.
    pub fn placeholders(self, lang: Lang) -> Vec<&'static str> {
        let mut names = Vec::new();
        let mut rest = self.text(lang);
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else { break };
            names.push(&after[..close]);
            rest = &after[close + 1..];
        }
        names
    }
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
    NavBrief => "Briefing", "ब्रीफ़िंग";
    BriefTitleSlide => "Title", "शीर्षक";
    BriefSubtitle => "Review briefing · {period}", "समीक्षा ब्रीफ़िंग · {period}";
    BriefScope => "{points} review points · {districts} districts", "{points} समीक्षा बिंदु · {districts} ज़िले";
    DataAsOfDate => "Data as of {date}", "डेटा की तिथि: {date}";
    Slide => "Slide", "स्लाइड";
    SlideCounter => "Slide {n} of {total}", "स्लाइड: {total} में से {n}";
    PreviousSlide => "Previous", "पिछली स्लाइड";
    NextSlide => "Next", "अगली स्लाइड";
    Contents => "Contents", "विषय-सूची";
    FullScreen => "Full screen", "पूर्ण स्क्रीन";
    LeaveBriefing => "Leave briefing", "ब्रीफ़िंग से बाहर जाएँ";
    PrintPack => "Print pack", "ब्रीफ़िंग पैक प्रिंट करें";
    ChangeNote => "Changes are since the previous period.", "बदलाव पिछली अवधि की तुलना में दिखाए गए हैं।";
    BriefingDeck => "Briefing slides", "ब्रीफ़िंग स्लाइडें";
    BriefKeysHelp => "Swipe, or use the arrow keys, Page Up and Page Down, or the space bar, to move between slides.", "स्लाइड बदलने के लिए स्वाइप करें, या तीर कुंजियाँ, पेज अप, पेज डाउन या स्पेस बार दबाएँ।";
    BriefMapLabel => "Map: the top three (▲) and the bottom three (▼) districts", "मानचित्र: शीर्ष तीन (▲) और अंतिम तीन (▼) ज़िले";
    NoEarlierPeriod => "No earlier period to compare with", "तुलना के लिए पिछली अवधि उपलब्ध नहीं";
    NoPreviousValue => "No value in the previous period to compare with", "तुलना के लिए पिछली अवधि का मान उपलब्ध नहीं";
    NotRankedCount => "Not ranked (no value): {count}", "रैंक नहीं दी गई (मान उपलब्ध नहीं): {count}";
    PackTitle => "Briefing pack", "ब्रीफ़िंग पैक";
    FullRanking => "Full ranking", "पूरी रैंकिंग";
    PrintThisPack => "Print", "प्रिंट करें";
    PrintedView => "{view} · {heading}", "{view} · {heading}";
    OpenProfile => "Open the district profile", "ज़िले की प्रोफ़ाइल खोलें";
    AvailableOffline => "Available offline · data as of {date}", "ऑफ़लाइन उपलब्ध · डेटा की तिथि: {date}";
    ServerSlow => "The server did not answer in time. The page will try again by itself.", "सर्वर ने समय पर उत्तर नहीं दिया। पेज अपने-आप फिर से प्रयास करेगा।";
    YouAreOffline => "You are offline. The saved copy is shown.", "आप ऑफ़लाइन हैं। सहेजी गई प्रति दिखाई जा रही है।";
    NoConnection => "No connection. The page will try again by itself when the connection returns.", "इंटरनेट कनेक्शन नहीं है। कनेक्शन बहाल होते ही पेज अपने-आप फिर से प्रयास करेगा।";
    NewerDataset => "A newer dataset has been published (data as of {date}).", "नया डेटासेट प्रकाशित हुआ है (डेटा की तिथि: {date})।";
    SwitchDataset => "Switch to it", "नए डेटासेट पर जाएँ";
    FileNotAsPublished => "{file} does not match what was published (its size or SHA-256 differs), so its figures are not shown.", "{file} प्रकाशित फ़ाइल से मेल नहीं खाती (आकार या SHA-256 अलग है), इसलिए इसके आँकड़े नहीं दिखाए गए।";
    DataUnverified => "This dataset lists no checksums for its files, so they cannot be checked against what was published (a draft).", "इस डेटासेट में फ़ाइलों के चेकसम नहीं दिए गए, इसलिए उन्हें प्रकाशित संस्करण से मिलाकर जाँचा नहीं जा सकता (यह मसौदा संस्करण है)।";
    NothingPublished => "No values of {indicator} are published for {period}.", "{period} के लिए {indicator} का कोई मान प्रकाशित नहीं है।";
    PeriodNotShown => "No figures can be shown for this period; the notes above say why.", "इस अवधि के आँकड़े नहीं दिखाए जा सकते; कारण ऊपर दी गई सूचनाओं में है।";
    NotOnMap => "Not on this map (the boundary file has no shape for them): {names}", "इस मानचित्र पर नहीं दिखाए गए (सीमा फ़ाइल में इनकी आकृति नहीं है): {names}";
    FileProblem => "{file}: {problem}", "{file}: {problem}";
    SwitchFailed => "The new dataset could not be saved whole, so the current one stays. Try again later.", "नया डेटासेट पूरा सहेजा नहीं जा सका, इसलिए वर्तमान डेटासेट ही दिखाया जा रहा है। बाद में फिर प्रयास करें।";
    Switching => "Saving the new dataset…", "नया डेटासेट सहेजा जा रहा है…";
    Indicator => "Indicator", "संकेतक";
    Period => "Period", "अवधि";
    Division => "{div}", "{div}";
    Department => "Department", "विभाग";
    Loading => "Loading data…", "डेटा लोड हो रहा है…";
    LoadFailed => "The data could not be loaded", "डेटा लोड नहीं हो सका";
    LoadFailedHelp => "The files below could not be used. Try reloading the page; if it persists, tell the publisher the file name and location shown.", "नीचे दी गई फ़ाइलों का उपयोग नहीं किया जा सका। पेज दोबारा लोड करें; समस्या बनी रहे तो प्रकाशक को फ़ाइल का नाम और उसमें दिखाया गया त्रुटि-स्थान बताएँ।";
    ProblemsSummary => "Problems found in the data (errors: {errors}, warnings: {warnings})", "डेटा में मिली समस्याएँ (त्रुटियाँ: {errors}, चेतावनियाँ: {warnings})";
    ProblemsHelp => "Everything valid is still shown. Parts with errors are left out.", "जो मान्य है वह दिखाया गया है। त्रुटि वाले भाग छोड़ दिए गए हैं।";
    ErrorLabel => "Error", "त्रुटि";
    WarningLabel => "Warning", "चेतावनी";
    Source => "Source", "स्रोत";
    Licence => "Licence", "लाइसेंस";
    DataAsOf => "Data as of", "डेटा की तिथि";
    Publisher => "Publisher", "प्रकाशक";
    SourceLine => "Source: {sources} · Data as of {date}", "स्रोत: {sources} · डेटा की तिथि: {date}";
    Rank => "Rank", "रैंक";
    Value => "Value", "मान";
    TopThree => "Top three", "शीर्ष तीन";
    BottomThree => "Bottom three", "अंतिम तीन";
    NotRanked => "Not ranked", "रैंक नहीं दी गई";
    Tied => "tied", "बराबरी पर";
    MoreTied => "+{count} more tied at rank {rank}", "+{count} अन्य ज़िले भी रैंक {rank} पर (बराबरी)";
    HigherIsBetter => "Higher is better", "अधिक मान बेहतर";
    LowerIsBetter => "Lower is better", "कम मान बेहतर";
    TargetIs => "Target: {value}", "लक्ष्य: {value}";
    StateAverageIs => "State average: {value}", "राज्य औसत: {value}";
    Target => "Target", "लक्ष्य";
    StateAverage => "State average", "राज्य औसत";
    ChangeSincePrevious => "Change since previous period", "पिछली अवधि से बदलाव";
    RankUp => "▲ up {places}", "▲ {places} स्थान ऊपर";
    RankDown => "▼ down {places}", "▼ {places} स्थान नीचे";
    RankSame => "● same rank", "● रैंक यथावत";
    ValueBetter => "{delta}, better", "{delta}, सुधार";
    ValueWorse => "{delta}, worse", "{delta}, गिरावट";
    ValueSame => "no change", "कोई बदलाव नहीं";
    NoValuesForPeriod => "No values were published for this indicator in this period.", "इस अवधि में इस संकेतक के मान प्रकाशित नहीं हुए।";
    RankingNote => "Districts with values that show the same (at the published precision) share a rank; districts without a value are listed separately and never ranked last.", "जिन ज़िलों के मान (प्रकाशित दशमलव तक) एक समान दिखते हैं, उन्हें एक ही रैंक मिलती है; बिना मान वाले ज़िले अलग सूचीबद्ध हैं, उन्हें अंतिम रैंक नहीं दी जाती।";
    RankOfN => "Rank\u{a0}{rank}\u{a0}of\u{a0}{n}", "रैंक:\u{a0}{n}\u{a0}में\u{a0}से\u{a0}{rank}";
    RankOfNTied => "Rank\u{a0}{rank}\u{a0}of\u{a0}{n} (tied)", "रैंक:\u{a0}{n}\u{a0}में\u{a0}से\u{a0}{rank} (बराबरी पर)";
    DistrictValueRank => "{district}: {value}, rank\u{a0}{rank}\u{a0}of\u{a0}{n}", "{district}: {value}, रैंक:\u{a0}{n}\u{a0}में\u{a0}से\u{a0}{rank}";
    DistrictValueRankTied => "{district}: {value}, rank\u{a0}{rank}\u{a0}of\u{a0}{n} (tied)", "{district}: {value}, रैंक:\u{a0}{n}\u{a0}में\u{a0}से\u{a0}{rank} (बराबरी पर)";
    DistrictGap => "{district}: {reason}", "{district}: {reason}";
    ValueRank => "{value} · rank\u{a0}{rank}\u{a0}of\u{a0}{n}", "{value} · रैंक:\u{a0}{n}\u{a0}में\u{a0}से\u{a0}{rank}";
    // The rank is held together by no-break spaces: a line never ends in "rank" or "55 में से".
    IndicatorValueRank => "{indicator}: {value} — rank\u{a0}{rank}\u{a0}of\u{a0}{n}", "{indicator}: {value} — रैंक:\u{a0}{n}\u{a0}में\u{a0}से\u{a0}{rank}";
    HeadingSubjectPeriod => "{subject} · {period}", "{subject} · {period}";
    MapTitle => "District map", "ज़िला मानचित्र";
    MapAria => "District map: {subject} · {period}", "ज़िला मानचित्र: {subject} · {period}";
    MapTileNote => "Each district is one square of equal size, placed near its real position; the square shows the district's rank where it fits, and pointing at or tapping the square always gives it.", "हर ज़िला समान आकार का एक वर्ग है, जो उसकी वास्तविक स्थिति के पास रखा गया है; जहाँ जगह हो, वर्ग में ज़िले की रैंक लिखी है, और वर्ग पर पॉइंटर ले जाने या टैप करने पर रैंक हमेशा दिखती है।";
    NoData => "No data", "डेटा उपलब्ध नहीं";
    NoDataCount => "No data ({count})", "डेटा उपलब्ध नहीं ({count})";
    Better => "better", "बेहतर";
    Worse => "worse", "कमज़ोर";
    ChooseDistrict => "Choose a district", "ज़िला चुनें";
    CarvedFromIn => "Carved from {parent} in {year}", "वर्ष {year} में {parent} से अलग होकर बना";
    FormerlyCalled => "Formerly called {name}", "पूर्व नाम: {name}";
    DivisionIs => "{div}: {division}", "{div}: {division}";
    Scorecard => "Scorecard", "स्कोरकार्ड";
    ScorecardCaption => "Scorecard — {period}", "स्कोरकार्ड — {period}";
    AboutDataset => "About this dataset", "इस डेटासेट के बारे में";
    HowRanked => "How districts are ranked", "ज़िलों की रैंकिंग कैसे होती है";
    IndicatorsList => "Indicators", "संकेतक";
    Headlines => "State figures", "राज्य के आँकड़े";
    Direction => "Better when", "सुधार की दिशा";
    Description => "Description", "विवरण";
    NoProblems => "No problems were found in the files loaded so far.", "अब तक लोड की गई फ़ाइलों में कोई समस्या नहीं मिली।";
    DataChecks => "Data checks", "डेटा जाँच";
    UnknownDistrict => "This district is not in the dataset.", "यह ज़िला डेटासेट में नहीं है।";
    CompositeIndex => "Composite index (all indicators)", "समग्र सूचकांक (सभी संकेतक)";
    CompositeShort => "Composite index", "समग्र सूचकांक";
    Score => "Score", "अंक";
    Band => "Band", "श्रेणी";
    RankInDivision => "Rank in {div_lc}", "{div_lc} में रैंक";
    SearchDistricts => "Search districts", "ज़िला खोजें";
    AllDivisions => "All {divs_lc}", "सभी {divs_lc}";
    CompareWith => "Improvement since", "इस अवधि के बाद से सुधार";
    NoComparison => "No comparison", "तुलना नहीं";
    MostImproved => "Most improved", "सबसे अधिक सुधार";
    MostImprovedCaption => "Most improved, {from} to {to}", "सबसे अधिक सुधार, {from} से {to} तक";
    Gain => "Improvement", "सुधार";
    ThenIn => "Then ({period})", "तब ({period})";
    Now => "Now", "अब";
    DivisionFigures => "Figures by {div_lc}", "{div_lc}वार आँकड़े";
    DivisionMeanNote => "A {div_lc}'s figure is the unweighted mean of its districts' values.", "किसी {div_lc} का आँकड़ा उसके ज़िलों के मानों का साधारण (अभारित) औसत है।";
    DivisionMean => "Mean of districts", "ज़िलों का औसत";
    DistrictsCount => "Number of districts", "ज़िलों की संख्या";
    HowComputed => "How was this computed?", "इसकी गणना कैसे हुई?";
    ChooseDistrictToExplain => "Choose a district in the table to see its arithmetic.", "गणना देखने के लिए तालिका में कोई ज़िला चुनें।";
    Explain => "Explain", "गणना दिखाएँ";
    ExplainDistrict => "Explain {district}", "{district} की गणना दिखाएँ";
    SensitivityChanged => "If every department had equal weight, {changed} of {n} districts would hold a different rank.", "यदि सभी विभागों का भार बराबर होता, तो {n} ज़िलों में से {changed} की रैंक बदल जाती।";
    DownloadCsv => "Download this table (CSV)", "यह तालिका डाउनलोड करें (CSV)";
    TooFewIndicators => "too few indicators with values (only {share}%)", "बहुत कम संकेतकों के मान उपलब्ध (केवल {share}%)";
    ShowingOf => "Showing {shown} of {total} districts", "दिखाए गए ज़िले: {total} में से {shown}";
    RankedCaption => "{heading} — {n} districts ranked", "{heading} — {n} ज़िलों की रैंकिंग";
    ExplainIndicator => "{district}: {value}. Districts with a better value: {better}; so it ranks\u{a0}{rank}\u{a0}of\u{a0}{n}.", "{district}: {value}। इससे बेहतर मान वाले ज़िले: {better}; इसलिए इसकी रैंक\u{a0}{n}\u{a0}में\u{a0}से\u{a0}{rank} है।";
    ExplainIndicatorTied => "{district}: {value}. Districts with a better value: {better}; others with this value: {others}; so it shares rank\u{a0}{rank}\u{a0}of\u{a0}{n}.", "{district}: {value}। इससे बेहतर मान वाले ज़िले: {better}; यही मान वाले अन्य ज़िले: {others}; इसलिए इसकी रैंक\u{a0}{n}\u{a0}में\u{a0}से\u{a0}{rank} है (बराबरी पर)।";
    ExplainIndicatorBest => "{district}: {value}. No district has a better value, so it ranks\u{a0}1\u{a0}of\u{a0}{n}.", "{district}: {value}। किसी ज़िले का मान इससे बेहतर नहीं है, इसलिए इसकी रैंक\u{a0}{n}\u{a0}में\u{a0}से\u{a0}1 है।";
    ExplainNotRanked => "{district} is not ranked: {reason}.", "{district} को रैंक नहीं दी गई: {reason}।";
    ExplainCoverage => "{district} — values for {share}% of indicators", "{district} — {share}% संकेतकों के मान उपलब्ध";
    ExplainScaleTarget => "{indicator}: {value} → {score} points (0 points at {zero}; 100 at the target, {hundred})", "{indicator}: {value} → {score} अंक (0 अंक: {zero}; 100 अंक: लक्ष्य {hundred})";
    ExplainScaleBest => "{indicator}: {value} → {score} points (0 points at {zero}; 100 at the best district's {hundred})", "{indicator}: {value} → {score} अंक (0 अंक: {zero}; 100 अंक: सबसे अच्छे ज़िले का मान {hundred})";
    ExplainDepartment => "{department}: {score} points — the mean of {used} of {total} indicator scores, weight {weight}", "{department}: {score} अंक — {total} संकेतकों में से {used} के अंकों का औसत, भार {weight}";
    ExplainOverall => "Overall score = ({sum}) ÷ {weights} = {score}; rank\u{a0}{rank}\u{a0}of\u{a0}{n}.", "कुल अंक = ({sum}) ÷ {weights} = {score}; रैंक:\u{a0}{n}\u{a0}में\u{a0}से\u{a0}{rank}।";
    MethodDocument => "The full method, with a worked example, is under About the data → Methods.", "पूरी विधि, हल किए हुए उदाहरण सहित, ‘डेटा के बारे में’ → ‘विधि’ में दी गई है।";
    NavMethods => "Methods", "विधि";
    NavFollowup => "Follow-up", "पालन प्रतिवेदन";
    ListAnd => "{list} and {last}", "{list} और {last}";
    TrackMet => "Target met", "लक्ष्य प्राप्त";
    TrackOnTrack => "On track", "समय पर लक्ष्य की ओर";
    TrackOffTrack => "Off track", "लक्ष्य से पीछे";
    TrackNoTrend => "Too few values to project", "अनुमान के लिए पर्याप्त मान नहीं";
    TrackHeading => "Pace to target", "लक्ष्य की ओर गति";
    TrackDeadline => "Target {target} by {by}", "लक्ष्य: {by} तक {target}";
    TrackLegendTitle => "{subject}: pace to the target of {target} by {by}", "{subject}: {by} तक {target} के लक्ष्य की ओर गति";
    TrackReachMonth => "at this pace reaches {target} in {when}", "इस गति से {when} में {target} तक पहुँचेगा";
    TrackReachRounds => "at this pace, more rounds needed to reach {target}: {n}", "इस गति से {target} तक पहुँचने के लिए {n} और चरण आवश्यक";
    TrackNever => "at this pace does not reach {target}", "इस गति से {target} तक नहीं पहुँचेगा";
    TrackPace => "{pace} a month over the last {n} values", "पिछले {n} मानों के आधार पर प्रति माह {pace}";
    TrackPaceRound => "{pace} a round over the last {n} values", "पिछले {n} मानों के आधार पर प्रति चरण {pace}";
    TrackLine => "{indicator}: {status}; {detail}", "{indicator}: {status}; {detail}";
    TrackSummary => "Target {target} by {by}, at the present pace, of {n} districts: off track {miss}; target met {met}; on track {on}.", "{by} तक {target} का लक्ष्य, वर्तमान गति से, {n} ज़िलों में से: लक्ष्य से पीछे {miss}; लक्ष्य प्राप्त {met}; समय पर लक्ष्य की ओर {on}।";
    TrackSummaryNoTrend => "Districts with too few values to project: {count}.", "जिन ज़िलों में अनुमान के लिए पर्याप्त मान नहीं हैं, उनकी संख्या: {count}।";
    TrackCount => "{status} ({count})", "{status} ({count})";
    WithStatus => "{text} · {status}", "{text} · {status}";
    NamedAsBottom => "Named among the weakest", "सबसे कमज़ोर ज़िलों में नामित";
    NamedAsTop => "Named among the best", "सबसे अच्छे ज़िलों में नामित";
    NamedAsInstructed => "Instructed to improve", "सुधार के निर्देश";
    NamedAsHonoured => "Honoured", "सम्मानित";
    FollowImproved => "Improved", "सुधार हुआ";
    FollowWorsened => "Worsened", "स्थिति बिगड़ी";
    FollowUnchanged => "Unchanged", "कोई बदलाव नहीं";
    FollowNoData => "Figure missing then or now", "तब या अब का आँकड़ा उपलब्ध नहीं";
    FollowFlag => "Named for doing badly and not improved since", "कमज़ोर प्रदर्शन के लिए नामित; तब से सुधार नहीं";
    FollowupHeading => "{review}, {date}: what followed by {period}", "{review}, {date}: {period} तक पालन की स्थिति";
    FollowupIntro => "For each point of the review, the districts it named, with their figures at the review ({then}) and now ({now}).", "समीक्षा के हर बिंदु पर उसमें नामित ज़िले, समीक्षा के समय ({then}) और अब ({now}) के आँकड़ों के साथ।";
    FollowupSummary => "Named for doing badly and no better since on at least one point: {flagged} of {named} districts.", "कमज़ोर प्रदर्शन के लिए नामित {named} ज़िलों में से {flagged} में कम से कम एक बिंदु पर तब से सुधार नहीं हुआ।";
    FollowupChoose => "Review meeting", "समीक्षा बैठक";
    FollowupTooEarly => "This review looked at the figures of {then}; choose that period or a later one to see what followed.", "इस समीक्षा में {then} के आँकड़े देखे गए थे; उसके बाद क्या हुआ, यह देखने के लिए वही या बाद की अवधि चुनें।";
    ReviewChoice => "{title} · {date}", "{title} · {date}";
    ReachWithPace => "{reach} ({pace})", "{reach} ({pace})";
    ListAndMore => "{list} and {more} more", "{list} और {more} अन्य";
    FollowupNone => "This dataset records no review meetings, so there is nothing to follow up.", "इस डेटासेट में कोई समीक्षा बैठक दर्ज नहीं है, इसलिए पालन प्रतिवेदन नहीं बन सकता।";
    FollowupNotLoaded => "The figures of this point are not loaded yet.", "इस बिंदु के आँकड़े अभी लोड नहीं हुए।";
    ColNamedAs => "Named as", "किस रूप में नामित";
    ColAtReview => "At the review ({period})", "समीक्षा के समय ({period})";
    ColNow => "Now ({period})", "अब ({period})";
    ColWhatFollowed => "What followed", "बाद की स्थिति";
    ValueAndRank => "{value} · {rank}", "{value} · {rank}";
    FollowDistrict => "{district} ({status})", "{district} ({status})";
    BriefNamedAt => "Named at the {review} ({date}): {districts}.", "{review} ({date}) में नामित: {districts}।";
    RemarkLine => "Remark: {remark}", "टिप्पणी: {remark}";
    NotesHeading => "Notes on the data", "डेटा पर टिप्पणियाँ";
    NoteAt => "{period}: {text}", "{period}: {text}";
    NoteMark => "Note", "टिप्पणी";
    NoteNumber => "Note {n}", "टिप्पणी {n}";
    NoteNumbered => "Note {n} — {text}", "टिप्पणी {n} — {text}";
    ChangesHeading => "What changed since {then}", "{then} से क्या बदला";
    ChangesNone => "No earlier period to compare with.", "तुलना के लिए पिछली अवधि उपलब्ध नहीं।";
    ChangesEnteredTop => "New in the top three of {subject}: {districts}.", "{subject} के शीर्ष तीन में नया प्रवेश: {districts}।";
    ChangesLeftTop => "No longer in the top three of {subject}: {districts}.", "{subject} के शीर्ष तीन से बाहर: {districts}।";
    ChangesEnteredBottom => "New in the bottom three of {subject}: {districts}.", "{subject} के अंतिम तीन में नया प्रवेश: {districts}।";
    ChangesLeftBottom => "Out of the bottom three of {subject}: {districts}.", "{subject} के अंतिम तीन से बाहर: {districts}।";
    ChangesEndsSame => "The top three and the bottom three of {subject} are the same as in {then}.", "{subject} के शीर्ष तीन और अंतिम तीन ज़िले वही हैं जो {then} में थे।";
    ChangesRoseMost => "Rose most: {district}, up {places} to rank {rank}.", "रैंक में सबसे अधिक सुधार: {district}, {places} स्थान ऊपर, अब रैंक {rank}।";
    ChangesFellMost => "Fell most: {district}, down {places} to rank {rank}.", "रैंक में सबसे अधिक गिरावट: {district}, {places} स्थान नीचे, अब रैंक {rank}।";
    ChangesNewlyMet => "Newly meeting the target of {target}: {districts}.", "इस बार {target} का लक्ष्य प्राप्त करने वाले: {districts}।";
    ChangesAverages => "The state averages that moved most: {moves}.", "सबसे अधिक बदले राज्य औसत: {moves}।";
    AverageBetter => "{indicator} {then} → {now}, better", "{indicator} {then} → {now}, बेहतर";
    AverageWorse => "{indicator} {then} → {now}, worse", "{indicator} {then} → {now}, कमज़ोर";
    ChangesSlide => "What changed", "क्या बदला";
    ChangesEndsMoved => "Top or bottom three changed on {count} of {n} points: {points}.", "{n} में से {count} बिंदुओं पर शीर्ष या अंतिम तीन बदले: {points}।";
    ChangesTargetsAll => "Targets newly met by districts, across all indicators: {count}.", "सभी संकेतकों को मिलाकर इस बार ज़िलों द्वारा प्राप्त लक्ष्यों की संख्या: {count}।";
    LegendAllPeriods => "Classes are drawn from every period's values, so a colour means the same in every period.", "रंगों के दायरे सभी अवधियों के मानों से तय किए गए हैं, इसलिए हर अवधि में किसी रंग का अर्थ एक ही रहता है।";
    TimeControl => "Periods", "अवधियाँ";
    PreviousPeriod => "Previous period", "पिछली अवधि";
    NextPeriod => "Next period", "अगली अवधि";
    PlayPeriods => "Play", "चलाएँ";
    PausePeriods => "Pause", "रोकें";
    PlayPeriodsLabel => "Play through the periods", "सभी अवधियाँ क्रम से दिखाएँ";
    SameColours => "Same colours for every period", "हर अवधि के लिए एक जैसे रंग";
    DatasetNotice => "Notice about this dataset", "इस डेटासेट के बारे में सूचना";
    OtherDatasets => "Other datasets on this site:", "इस साइट के अन्य डेटासेट:";
    DatasetsNav => "Datasets", "डेटासेट";
    SizeMegabytes => "{size} MB", "{size} एमबी";
    SizeKilobytes => "{size} KB", "{size} केबी";
    DownloadAllValues => "Every value of this dataset (CSV, {size})", "इस डेटासेट के सभी मान (CSV, {size})";
    DownloadAllValuesNote => "One row per period, district and indicator, with its flag and, where there is no value, why. Districts and indicators are named by their ids, as in the tables above.", "अवधि, ज़िले और संकेतक के हर संयोजन के लिए एक पंक्ति, उसके चिह्न सहित; जहाँ मान नहीं है, वहाँ उसका कारण। ज़िले और संकेतक अपने पहचान-कोड (id) से दर्ज हैं, जैसा ऊपर की तालिकाओं में है।";
    DownloadMethodology => "The methodology (Markdown text)", "विधि (मार्कडाउन पाठ)";
    DownloadsHeading => "Download the data", "डेटा डाउनलोड करें";
    IdColumn => "Identifier (in links)", "पहचान-कोड (लिंक में)";
    SkipToMap => "Skip to the map", "सीधे मानचित्र पर जाएँ";
    Share => "Share", "साझा करें";
    LinkCopied => "Link copied. Paste it anywhere to share this view.", "लिंक कॉपी हो गया। यह पेज इसी रूप में साझा करने के लिए इसे कहीं भी पेस्ट करें।";
    CopyLinkByHand => "Copy this link", "यह लिंक कॉपी करें";
    Embed => "Embed", "एम्बेड करें";
    EmbedCode => "Code to embed this view in another web page", "यह पेज इसी रूप में किसी दूसरे वेब पेज में लगाने का कोड";
    CopyCode => "Copy code", "कोड कॉपी करें";
    CodeCopied => "Code copied.", "कोड कॉपी हो गया।";
    CopyCodeByHand => "Select the code above and copy it.", "ऊपर का कोड चुनकर कॉपी करें।";
    OpenFullPage => "Open the full page", "पूरा पेज खोलें";
    MethodsAbout => "How districts are ranked and how the composite index is calculated, with a worked example.", "ज़िलों को रैंक कैसे दी जाती है और समग्र सूचकांक की गणना कैसे होती है — हल किए हुए उदाहरण के साथ।";
    HowCompositeWorks => "How the composite index is calculated", "समग्र सूचकांक की गणना कैसे होती है";
    CompositeRankMeaning => "The composite rank orders districts by the weighted mean of their indicator scores, each indicator scaled from 0 (the weakest district) to 100 (the target, or the best district).", "समग्र रैंक में ज़िलों को उनके संकेतक-अंकों के भारित औसत के क्रम में रखा जाता है; हर संकेतक 0 (सबसे कमज़ोर ज़िला) से 100 (लक्ष्य, या सबसे अच्छा ज़िला) के पैमाने पर लाया जाता है।";
    BackToAbout => "Back to About the data", "‘डेटा के बारे में’ पेज पर लौटें";
    MethodsLoading => "Loading the methodology…", "विधि लोड हो रही है…";
    MethodsUnavailable => "The methodology could not be loaded. Check the connection and reload the page.", "विधि लोड नहीं हो सकी। कनेक्शन जाँचें और पेज दोबारा लोड करें।";
    ViewLoading => "Loading this view…", "यह पेज लोड हो रहा है…";
    ViewUnavailable => "This view could not be loaded. Check the connection and try again; the map works without it.", "यह पेज लोड नहीं हो सका। कनेक्शन जाँचें और फिर से कोशिश करें; मानचित्र इसके बिना भी काम करता है।";
    ViewAltered => "This view's files on this server do not match the published build, so they were not run. Please tell this site's administrator; the map works without them.", "इस सर्वर पर इस पेज की फ़ाइलें प्रकाशित संस्करण से मेल नहीं खातीं, इसलिए उन्हें चलाया नहीं गया। इस साइट के व्यवस्थापक को बताएँ; मानचित्र इनके बिना भी काम करता है।";
    TryAgain => "Try again", "फिर से कोशिश करें";
    MapKindLabel => "Map type", "मानचित्र का प्रकार";
    GeographicMap => "Geographic", "भौगोलिक";
    TileMap => "Equal squares", "समान आकार के वर्ग";
    ClassMethod => "Colour classes", "रंग-विभाजन की विधि";
    MethodQuantile => "Quantiles (equal counts)", "क्वांटाइल (हर रंग में लगभग बराबर ज़िले)";
    MethodEqual => "Equal intervals", "बराबर अंतराल";
    MethodNatural => "Natural breaks", "प्राकृतिक विभाजन";
    MethodTarget => "Distance from target", "लक्ष्य से दूरी";
    MethodDiverging => "Above and below target or average", "लक्ष्य या औसत से ऊपर-नीचे";
    Zoom => "Zoom to", "ज़ूम करें";
    WholeState => "Whole state", "पूरा राज्य";
    FindDistrict => "Find a district", "ज़िला खोजें";
    NoBoundaryFile => "No boundary file was published with this dataset, so districts are shown as squares of equal size.", "इस डेटासेट के साथ सीमा फ़ाइल प्रकाशित नहीं हुई, इसलिए ज़िले समान आकार के वर्गों में दिखाए गए हैं।";
    BoundaryFailed => "The boundary file could not be used (see the problems above), so districts are shown as squares of equal size.", "सीमा फ़ाइल का उपयोग नहीं हो सका (ऊपर समस्याएँ देखें), इसलिए ज़िले समान आकार के वर्गों में दिखाए गए हैं।";
    WithinParent => "{district}: no separate boundary in this map; shown within {parent}", "{district}: इस मानचित्र में अलग सीमा नहीं है; {parent} के भीतर दिखाया गया है";
    TableOfValues => "Table of these values", "इन मानों की तालिका";
    Close => "Close", "बंद करें";
    SincePrevious => "Since the previous period: {change}", "पिछली अवधि से: {change}";
    AsOfPeriod => "As of {period}", "स्थिति: {period}";
    LegendTitle => "{subject} (better → worse)", "{subject} (बेहतर → कमज़ोर)";
    LegendCentreTarget => "{subject} (better → worse) · centre: the target, {value}", "{subject} (बेहतर → कमज़ोर) · केंद्र: लक्ष्य, {value}";
    LegendCentreAverage => "{subject} (better → worse) · centre: the average of districts, {value}", "{subject} (बेहतर → कमज़ोर) · केंद्र: ज़िलों का औसत, {value}";
    LegendRange => "{low} – {high} ({count})", "{low} – {high} ({count})";
    LegendSingle => "{value} ({count})", "{value} ({count})";
    ChartKind => "Chart", "चार्ट";
    ChartBars => "Ranked bars", "रैंक के क्रम में पट्टियाँ";
    ChartTrend => "Trend", "रुझान";
    ChartSlope => "Then and now", "तब और अब";
    ChartRanks => "Rank over time", "समय के साथ रैंक";
    SlopeTitle => "{subject}: {from} and {to}", "{subject}: {from} और {to}";
    SlopeSummary => "Between {from} and {to}, of {n} districts: better {better}, worse {worse}, no change {same}.", "{from} और {to} के बीच, {n} ज़िलों में से: बेहतर {better}, कमज़ोर {worse}, कोई बदलाव नहीं {same}।";
    SlopeBetter => "▲ Better", "▲ बेहतर";
    SlopeWorse => "✕ Worse", "✕ कमज़ोर";
    SlopeSame => "● No change", "● कोई बदलाव नहीं";
    RanksTitle => "Rank over time: {subject}", "समय के साथ रैंक: {subject}";
    RanksSummaryOne => "{series}: rank {first} in {from}, rank {last} in {to}", "{series}: {from} में रैंक {first}, {to} में रैंक {last}";
    ColChange => "Change", "बदलाव";
    ChartDistribution => "By {div_lc}", "{div_lc}वार";
    ChartScatter => "Two indicators", "दो संकेतक";
    SecondIndicator => "Compare with indicator", "तुलना के लिए संकेतक";
    SummaryHighLow => "Highest: {high} ({high_value}); lowest: {low} ({low_value}); state average {average}.", "अधिकतम: {high} ({high_value}); न्यूनतम: {low} ({low_value}); राज्य औसत: {average}।";
    SummaryFirstLast => "{series}: {first} → {last}", "{series}: {first} → {last}";
    Correlation => "Correlation across {n} districts: r = {r}", "{n} ज़िलों में सहसंबंध: r = {r}";
    CorrelationNone => "Too few districts have both values to state a correlation.", "सहसंबंध बताने के लिए दोनों मानों वाले ज़िले बहुत कम हैं।";
    TrendTitle => "Trend of {subject}, {from} to {to}", "रुझान: {subject}, {from} से {to} तक";
    DownloadSvg => "Download SVG", "SVG डाउनलोड करें";
    DownloadFailed => "The browser could not make this download. Try the SVG, or another browser.", "ब्राउज़र यह फ़ाइल डाउनलोड के लिए तैयार नहीं कर सका। SVG डाउनलोड करके देखें, या किसी दूसरे ब्राउज़र में प्रयास करें।";
    DownloadPng => "Download PNG", "PNG डाउनलोड करें";
    DataTable => "Data table", "डेटा तालिका";
    SparkTitle => "Trend of {indicator}", "रुझान: {indicator}";
    Strengths => "Strengths (best ranks)", "मज़बूत पक्ष (सर्वश्रेष्ठ रैंक)";
    Concerns => "Concerns (weakest ranks)", "चिंता के बिंदु (सबसे कमज़ोर रैंक)";
    CompositeRankOf => "Composite rank:\u{a0}{rank}\u{a0}of\u{a0}{n}", "समग्र रैंक:\u{a0}{n}\u{a0}में\u{a0}से\u{a0}{rank}";
    CompositeNotRanked => "Composite rank: not ranked", "समग्र रैंक: नहीं दी गई";
    CompositeHistory => "Composite rank over time", "समय के साथ समग्र रैंक";
    AddDistrict => "Add a district to compare", "तुलना के लिए ज़िला जोड़ें";
    RemoveDistrict => "Remove {district}", "{district} हटाएँ";
    DistrictValueColumn => "{district}: value", "{district}: मान";
    TrendColumn => "Trend", "रुझान";
    CompositeNote => "Each indicator is scaled 0–100 (worst district 0; target, or best district, 100); a department scores the mean of its indicators; the overall score is the weighted mean of departments. Districts need values for 75% of indicators to be ranked.", "हर संकेतक को 0–100 के पैमाने पर रखा गया है (सबसे कमज़ोर ज़िला 0; लक्ष्य या सबसे अच्छा ज़िला 100); विभाग का अंक उसके संकेतकों के अंकों का औसत है; कुल अंक विभागों के अंकों का भारित औसत है। रैंक के लिए कम से कम 75% संकेतकों के मान आवश्यक हैं।";
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "rank 1 of 55" / "रैंक: 55 में से 1" is one piece wherever a message builds it: a line
    /// never breaks inside it (a Hindi slide once broke before the rank).
    #[test]
    fn a_rank_of_n_never_breaks_inside() {
        let mut checked = 0;
        for m in Msg::ALL {
            for lang in [Lang::En, Lang::Hi] {
                let text = m.text(lang);
                if !(text.contains("{n}") && (text.to_lowercase().contains("rank") || text.contains("रैंक"))) {
                    continue;
                }
                for phrase in ["{rank} of {n}", "में से {rank}", "{n} में", "रैंक: {n}", "rank: {rank}", "Rank {rank}", "rank {rank} of"]
                {
                    assert!(!text.contains(phrase), "{m:?} ({lang:?}) has \"{phrase}\" with a breaking space: {text}");
                }
                checked += 1;
            }
        }
        assert!(checked >= 20, "only {checked} rank-of-n messages");
    }

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
                let letters = hi.chars().filter(|c| c.is_alphabetic()).count();
                // Messages that are only placeholders and symbols have no words to translate.
                if letters > m.placeholders(Lang::Hi).iter().map(|p| p.len()).sum::<usize>() {
                    assert!(hi.chars().any(|c| ('\u{0900}'..='\u{097F}').contains(&c)), "{m:?} Hindi text is not in Devanagari: {hi}");
                }
            }
        }
    }

    #[test]
    fn both_languages_of_a_message_name_the_same_placeholders() {
        for m in Msg::ALL {
            let mut en = m.placeholders(Lang::En);
            let mut hi = m.placeholders(Lang::Hi);
            en.sort();
            hi.sort();
            assert_eq!(en, hi, "{m:?}");
            for lang in [Lang::En, Lang::Hi] {
                let args: Vec<(&str, &str)> = en.iter().map(|p| (*p, "X")).collect();
                let filled = m.fill(lang, &args);
                assert!(!filled.contains('{') && !filled.contains('}'), "{m:?}: {filled}");
            }
        }
    }

    #[test]
    fn a_value_that_could_reorder_the_sentence_is_isolated() {
        let evil = "Rewa\u{202E} 12.5";
        let s = Msg::DistrictValueRank.fill(Lang::En, &[("district", evil), ("value", "45.2%"), ("rank", "3"), ("n", "55")]);
        assert_eq!(s, "\u{2068}Rewa 12.5\u{2069}: 45.2%, rank\u{a0}3\u{a0}of\u{a0}55");
        // A stray isolate end inside the value cannot close the isolate early.
        let s = Msg::DistrictGap.fill(Lang::En, &[("district", "x\u{2069}\u{202E}y"), ("reason", "no data")]);
        assert_eq!(s, "\u{2068}xy\u{2069}: no data");
        // Ordinary text is left alone.
        assert_eq!(Msg::RankOfN.fill(Lang::Hi, &[("rank", "3"), ("n", "55")]), "रैंक:\u{a0}55\u{a0}में\u{a0}से\u{a0}3");
    }

    #[test]
    fn hindi_orders_its_own_words() {
        assert_eq!(Msg::RankOfN.fill(Lang::Hi, &[("rank", "38"), ("n", "55")]), "रैंक:\u{a0}55\u{a0}में\u{a0}से\u{a0}38");
        assert_eq!(Msg::RankOfN.fill(Lang::En, &[("rank", "38"), ("n", "55")]), "Rank\u{a0}38\u{a0}of\u{a0}55");
        assert_eq!(Msg::CompositeRankOf.fill(Lang::Hi, &[("rank", "14"), ("n", "55")]), "समग्र रैंक:\u{a0}55\u{a0}में\u{a0}से\u{a0}14");
        // A value that is missing stays visible rather than vanishing or panicking.
        assert_eq!(Msg::RankOfN.fill(Lang::En, &[("rank", "3")]), "Rank\u{a0}3\u{a0}of\u{a0}{n}");
    }
}
