//! Problems found in a dataset: where (file and JSON path), how bad, and what was expected.
//!
//! Problems are data, not strings, so the app can show each one in Hindi or English and tests
//! can assert on the kind rather than on wording.

use crate::format::text::Lang;
use std::fmt;

/// Errors make that part of the dataset unusable; warnings leave it usable but doubtful.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// The JSON kind found where another was expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Object,
    Array,
    String,
    Number,
    Integer,
    Bilingual,
    Boolean,
    ValueCell,
    /// A boundary unit's label point.
    LabelPoint,
}

impl Expected {
    fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Expected::Object, Lang::En) => "an object",
            (Expected::Object, Lang::Hi) => "एक ऑब्जेक्ट",
            (Expected::Array, Lang::En) => "a list",
            (Expected::Array, Lang::Hi) => "एक सूची",
            (Expected::String, Lang::En) => "a text",
            (Expected::String, Lang::Hi) => "एक पाठ",
            (Expected::Number, Lang::En) => "a finite number",
            (Expected::Number, Lang::Hi) => "एक मान्य (परिमित) संख्या",
            (Expected::Integer, Lang::En) => "a whole number",
            (Expected::Integer, Lang::Hi) => "एक पूर्ण संख्या",
            (Expected::Bilingual, Lang::En) => "a text in both languages ({\"en\": …, \"hi\": …})",
            (Expected::Bilingual, Lang::Hi) => "दोनों भाषाओं में पाठ ({\"en\": …, \"hi\": …})",
            (Expected::Boolean, Lang::En) => "true or false",
            (Expected::Boolean, Lang::Hi) => "true या false",
            (Expected::ValueCell, Lang::En) => "a number, null, {\"gap\": reason} or {\"v\": number, …}",
            (Expected::ValueCell, Lang::Hi) => "संख्या, null, {\"gap\": कारण} या {\"v\": संख्या, …}",
            (Expected::LabelPoint, Lang::En) => "a point [x, y] in the district's box (the centre is used instead)",
            (Expected::LabelPoint, Lang::Hi) => "ज़िले के आयत के भीतर एक बिंदु [x, y] (इसकी जगह केंद्र लिया गया)",
        }
    }
}

/// What kind of thing an unknown reference points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    Unit,
    Division,
    Department,
    Indicator,
    Period,
    Flag,
    Dataset,
}

impl RefKind {
    fn text(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (RefKind::Unit, Lang::En) => "district",
            (RefKind::Unit, Lang::Hi) => "ज़िला",
            (RefKind::Division, Lang::En) => "division",
            (RefKind::Division, Lang::Hi) => "संभाग",
            (RefKind::Department, Lang::En) => "department",
            (RefKind::Department, Lang::Hi) => "विभाग",
            (RefKind::Indicator, Lang::En) => "indicator",
            (RefKind::Indicator, Lang::Hi) => "संकेतक",
            (RefKind::Period, Lang::En) => "period",
            (RefKind::Period, Lang::Hi) => "अवधि",
            (RefKind::Flag, Lang::En) => "flag",
            (RefKind::Flag, Lang::Hi) => "चिह्न",
            (RefKind::Dataset, Lang::En) => "dataset",
            (RefKind::Dataset, Lang::Hi) => "डेटासेट",
        }
    }
}

/// Why a file could not be read, in words for both languages. The browser's fetch and the
/// publisher's file reads give their own reasons; what they say beyond these kinds (an
/// operating system's message) is kept as given, like ids and JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadFailure {
    NoConnection,
    /// The server did not answer within this many seconds.
    TimedOut {
        seconds: u64,
    },
    /// The server answered with an error status.
    Status {
        code: u16,
        text: String,
    },
    /// An answer arrived but could not be read to its end.
    BadResponse {
        detail: String,
    },
    /// The browser would not send the request at all: the site's Content Security Policy
    /// forbids it, or the address cannot be a URL. Trying again cannot help.
    Refused {
        cause: RefusedBecause,
    },
    /// Any other reason, as its source gave it.
    Other(String),
}

/// Why the browser refused to send a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RefusedBecause {
    /// The site's Content Security Policy does not allow it (a hosting setting).
    SecurityPolicy,
    /// The address is not a valid URL.
    BadAddress,
}

impl ReadFailure {
    pub fn text(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            ReadFailure::NoConnection => if en { "no connection" } else { "इंटरनेट कनेक्शन नहीं है" }.to_string(),
            ReadFailure::TimedOut { seconds } => {
                if en {
                    format!("the server did not answer within {seconds} seconds")
                } else {
                    format!("सर्वर ने {seconds} सेकंड में उत्तर नहीं दिया")
                }
            }
            ReadFailure::Status { code, text } => {
                if en {
                    format!("the server answered HTTP {code} {text}")
                } else {
                    format!("सर्वर का उत्तर: HTTP {code} {text}")
                }
            }
            ReadFailure::BadResponse { detail } => {
                if en {
                    format!("could not read the response: {detail}")
                } else {
                    format!("सर्वर का उत्तर पढ़ा नहीं जा सका: {detail}")
                }
            }
            ReadFailure::Refused { cause: RefusedBecause::SecurityPolicy } => if en {
                "the browser did not request it: the site's Content Security Policy does not allow it (a setting of the web server; see docs/hosting.md)"
            } else {
                "ब्राउज़र ने इसका अनुरोध नहीं किया: साइट की सुरक्षा नीति (Content Security Policy) इसकी अनुमति नहीं देती (यह वेब सर्वर की सेटिंग है; docs/hosting.md देखें)"
            }
            .to_string(),
            ReadFailure::Refused { cause: RefusedBecause::BadAddress } => if en {
                "the browser did not request it: its address is not a valid URL"
            } else {
                "ब्राउज़र ने इसका अनुरोध नहीं किया: इसका पता मान्य URL नहीं है"
            }
            .to_string(),
            ReadFailure::Other(reason) => reason.clone(),
        }
    }
}

impl From<String> for ReadFailure {
    fn from(reason: String) -> Self {
        ReadFailure::Other(reason)
    }
}

/// Every kind of problem the reader reports.
#[derive(Clone, Debug, PartialEq)]
pub enum ProblemKind {
    /// The file could not be fetched or read at all.
    Unreadable {
        reason: ReadFailure,
    },
    EmptyFile,
    NotJson {
        detail: String,
    },
    UnknownFormat {
        found: String,
    },
    MissingField {
        field: &'static str,
    },
    WrongType {
        expected: Expected,
    },
    NotOneOf {
        found: String,
        allowed: &'static [&'static str],
    },
    EmptyText,
    EmptyList,
    BadId {
        id: String,
    },
    DuplicateId {
        id: String,
    },
    /// The same key twice in one JSON object: readers would silently keep one of them.
    DuplicateKey {
        key: String,
    },
    /// Two value files both give the values of one indicator in one period.
    DuplicateColumn {
        indicator: String,
        period: String,
        other_file: String,
    },
    UnknownReference {
        kind: RefKind,
        id: String,
    },
    /// A district of the manifest without a polygon in the boundary file: drawn within the
    /// district it was carved from (`within`), or not on the map at all.
    NoPolygon {
        unit: String,
        within: Option<String>,
    },
    BadDate {
        found: String,
    },
    BadPeriodId {
        found: String,
    },
    /// A target's deadline that is neither a period of the dataset nor a later month.
    BadDeadline {
        found: String,
    },
    NegativeNotAllowed {
        value: f64,
    },
    PercentAbove100 {
        value: f64,
    },
    /// A number no district figure can be (what tools write for "no data").
    Implausible {
        value: f64,
    },
    LengthMismatch {
        expected: usize,
        found: usize,
    },
    SizeMismatch {
        expected: u64,
        found: u64,
    },
    HashMismatch {
        expected: String,
        found: String,
    },
    /// A period listed with no value file: nothing can be shown for it.
    PeriodWithoutFile {
        id: String,
    },
    IndicatorWithoutValues {
        id: String,
    },
    PeriodMismatch {
        expected: String,
        found: String,
    },
    DecimalsOutOfRange {
        found: f64,
    },
}

impl ProblemKind {
    /// The message in the reader's language. Ids, numbers and JSON stay as they are.
    pub fn text(&self, lang: Lang) -> String {
        use ProblemKind::*;
        let en = lang == Lang::En;
        match self {
            Unreadable { reason } => {
                let reason = reason.text(lang);
                if en {
                    format!("could not be read: {reason}")
                } else {
                    format!("फ़ाइल पढ़ी नहीं जा सकी: {reason}")
                }
            }
            EmptyFile => {
                if en {
                    "the file is empty; expected JSON".into()
                } else {
                    "फ़ाइल खाली है; JSON अपेक्षित था".into()
                }
            }
            DuplicateKey { key } => {
                if en {
                    format!("has the key \"{key}\" twice in one object; which one is meant is ambiguous, so the object is refused")
                } else {
                    format!("एक ही ऑब्जेक्ट में कुंजी \"{key}\" दो बार है; कौन-सा मान लिया जाए, यह स्पष्ट नहीं, इसलिए ऑब्जेक्ट अस्वीकार किया गया")
                }
            }
            DuplicateColumn { indicator, period, other_file } => {
                if en {
                    format!("gives values of \"{indicator}\" for {period}, as {other_file} does; neither is used until one is removed")
                } else {
                    format!("{period} के लिए \"{indicator}\" के मान देती है, और {other_file} भी यही मान देती है; जब तक इनमें से एक फ़ाइल हटाई न जाए, किसी का भी उपयोग नहीं किया जाएगा")
                }
            }
            NotJson { detail } => {
                if en {
                    format!("not valid JSON ({detail})")
                } else {
                    format!("मान्य JSON नहीं है ({detail})")
                }
            }
            UnknownFormat { found } => {
                if en {
                    format!("format is \"{found}\"; this viewer reads \"{}\"", crate::format::FORMAT)
                } else {
                    format!("प्रारूप \"{found}\" है; यह व्यूअर \"{}\" पढ़ता है", crate::format::FORMAT)
                }
            }
            MissingField { field } => {
                if en {
                    format!("missing required field \"{field}\"")
                } else {
                    format!("आवश्यक फ़ील्ड \"{field}\" नहीं है")
                }
            }
            WrongType { expected } => {
                if en {
                    format!("expected {}", expected.text(lang))
                } else {
                    format!("{} अपेक्षित था", expected.text(lang))
                }
            }
            NotOneOf { found, allowed } => {
                let list = allowed.join(", ");
                if en {
                    format!("\"{found}\" is not allowed; expected one of: {list}")
                } else {
                    format!("\"{found}\" मान्य नहीं; इनमें से एक अपेक्षित: {list}")
                }
            }
            EmptyText => {
                if en {
                    "text is empty".into()
                } else {
                    "पाठ खाली है".into()
                }
            }
            EmptyList => {
                if en {
                    "list is empty; expected at least one entry".into()
                } else {
                    "सूची खाली है; कम से कम एक प्रविष्टि अपेक्षित".into()
                }
            }
            BadId { id } => {
                if en {
                    format!("\"{id}\" is not a valid id; expected lower-case letters, digits and hyphens")
                } else {
                    format!("\"{id}\" मान्य पहचान नहीं; छोटे अंग्रेज़ी अक्षर, अंक और हाइफ़न अपेक्षित")
                }
            }
            DuplicateId { id } => {
                if en {
                    format!("id \"{id}\" is used twice")
                } else {
                    format!("पहचान \"{id}\" दो बार प्रयुक्त है")
                }
            }
            UnknownReference { kind, id } => {
                if en {
                    format!("unknown {} \"{id}\"", kind.text(lang))
                } else {
                    format!("अज्ञात {} \"{id}\"", kind.text(lang))
                }
            }
            NoPolygon { unit, within: Some(parent) } => {
                if en {
                    format!("district \"{unit}\" has no polygon; the map shows it within \"{parent}\", the district it was carved from")
                } else {
                    format!("ज़िले \"{unit}\" की कोई सीमा नहीं; मानचित्र इसे \"{parent}\" के भीतर दिखाता है, जिससे यह बना है")
                }
            }
            NoPolygon { unit, within: None } => {
                if en {
                    format!("district \"{unit}\" has no polygon and no ancestor with one: it is not on the map (add its polygon, or its lineage)")
                } else {
                    format!("ज़िले \"{unit}\" की कोई सीमा नहीं, न उसके किसी पूर्ववर्ती ज़िले की: यह मानचित्र पर नहीं है (इसकी सीमा या वंशक्रम जोड़ें)")
                }
            }
            BadDate { found } => {
                if en {
                    format!("\"{found}\" is not a date; expected YYYY-MM-DD")
                } else {
                    format!("\"{found}\" मान्य तिथि नहीं; YYYY-MM-DD अपेक्षित")
                }
            }
            BadDeadline { found } => {
                if en {
                    format!("deadline \"{found}\" is not a period of this dataset; expected one of its periods or, for monthly data, a month as YYYY-MM (the target is kept without a date)")
                } else {
                    format!(
                        "समय-सीमा \"{found}\" इस डेटासेट की अवधि नहीं; इसकी कोई अवधि या, माहवार डेटा में, YYYY-MM के रूप में कोई माह अपेक्षित (लक्ष्य बिना तिथि के रखा गया)"
                    )
                }
            }
            BadPeriodId { found } => {
                if en {
                    format!("\"{found}\" is not a period id; expected YYYY-MM or a named round such as nfhs-5")
                } else {
                    format!("\"{found}\" अवधि पहचान नहीं; YYYY-MM या nfhs-5 जैसा नाम अपेक्षित")
                }
            }
            NegativeNotAllowed { value } => {
                if en {
                    format!("{value} is negative; values in this unit of measure cannot be below zero")
                } else {
                    format!("{value} ऋणात्मक है; इस माप-इकाई में मान शून्य से कम नहीं हो सकता")
                }
            }
            Implausible { value } => {
                if en {
                    format!("{value:e} is not a plausible figure (tools write such numbers for \"no data\"); the cell is left out. Write a gap instead, e.g. {{\"gap\": \"not_reported\"}}")
                } else {
                    format!("{value:e} वास्तविक आँकड़ा नहीं हो सकता (कुछ टूल \"डेटा उपलब्ध नहीं\" के लिए ऐसी संख्या लिखते हैं); यह सेल छोड़ दिया गया। इसके स्थान पर रिक्त प्रविष्टि (gap) लिखें, जैसे {{\"gap\": \"not_reported\"}}")
                }
            }
            PercentAbove100 { value } => {
                if en {
                    format!("{value} is above 100 for a percentage")
                } else {
                    format!("{value} प्रतिशत है, जो 100 से अधिक है")
                }
            }
            LengthMismatch { expected, found } => {
                if en {
                    format!("has {found} entries; expected {expected}, one per district listed in \"units\"")
                } else {
                    format!("{found} प्रविष्टियाँ हैं; {expected} अपेक्षित, \"units\" के हर ज़िले के लिए एक")
                }
            }
            SizeMismatch { expected, found } => {
                if en {
                    format!("is {found} bytes; the manifest says {expected}")
                } else {
                    format!("{found} बाइट है; मैनिफ़ेस्ट में {expected} लिखा है")
                }
            }
            HashMismatch { expected, found } => {
                if en {
                    format!("SHA-256 is {found}; the manifest says {expected} (the file changed after publishing)")
                } else {
                    format!("SHA-256 {found} है; मैनिफ़ेस्ट में {expected} है (प्रकाशन के बाद फ़ाइल बदली)")
                }
            }
            PeriodWithoutFile { id } => {
                if en {
                    format!("period \"{id}\" has no value file, so nothing can be shown for it; the viewer opens on the latest period that has one")
                } else {
                    format!("अवधि \"{id}\" की कोई मान-फ़ाइल नहीं है, इसलिए उसके आँकड़े नहीं दिखाए जा सकते; व्यूअर सबसे हाल की उस अवधि पर खुलता है जिसकी मान-फ़ाइल मौजूद है")
                }
            }
            IndicatorWithoutValues { id } => {
                if en {
                    format!("indicator \"{id}\" has no values in any file")
                } else {
                    format!("संकेतक \"{id}\" का किसी फ़ाइल में कोई मान नहीं")
                }
            }
            PeriodMismatch { expected, found } => {
                if en {
                    format!("file holds period \"{found}\"; the manifest lists it for \"{expected}\"")
                } else {
                    format!("फ़ाइल में अवधि \"{found}\" है; मैनिफ़ेस्ट में यह फ़ाइल \"{expected}\" के लिए दर्ज है")
                }
            }
            DecimalsOutOfRange { found } => {
                if en {
                    format!("decimals is {found}; expected a whole number from 0 to 6")
                } else {
                    format!("दशमलव {found} है; 0 से 6 तक पूर्ण संख्या अपेक्षित")
                }
            }
        }
    }
}

/// One problem: the file, the JSON path inside it, how bad, and what was expected.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub severity: Severity,
    pub file: String,
    /// A JSONPath-like location, `$` for the whole file, e.g. `$.indicators[3].direction`.
    pub path: String,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        format!("{} {}: {}", self.file, self.path, self.kind.text(lang))
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{sev}: {}", self.message(Lang::En))
    }
}

/// Counts errors in a list of problems.
pub fn error_count(problems: &[Problem]) -> usize {
    problems.iter().filter(|p| p.severity == Severity::Error).count()
}
