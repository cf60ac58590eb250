//! The deterministic generator of the sample dataset the app ships with.
//!
//! Values are illustrative, not official statistics: each district gets a level, a trend,
//! seasonality where it is real (MGNREGA work peaks before the monsoon; the Muskan campaign
//! runs drives in January and July) and noise, all from a fixed seed. Then the facts the
//! published reviews state are made to hold by swapping whole district series at the reviewed
//! period, which keeps every series smooth. The generator re-ranks and refuses to write a
//! dataset that contradicts a published fact.

use crate::districts::DistrictRow;
use crate::write::{write_dataset, ValueFileOut};
use samiksha_core::analysis::rank::{rank_readings, round_to};
use samiksha_core::format::manifest::Direction;
use samiksha_core::format::values::{GapReason, Reading};
use samiksha_core::format::written::{
    Band, Cell, Department, Division, Flag, Headline, Indicator, Link, Manifest, NamedDistrict, Note, Period, Review, ReviewPoint, Target, Unit, ValueFile,
};
use samiksha_core::present::numfmt::month_name;
use samiksha_core::{Bilingual, Lang};
use serde_json::Number;
use std::collections::BTreeMap;
use std::path::Path;

/// SplitMix64: tiny, fast and fully determined by its seed, so the sample never drifts.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Standard normal, by Box–Muller.
    fn normal(&mut self) -> f64 {
        let u1 = self.unit().max(1e-12);
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (2.0 * std::f64::consts::PI * u2).cos()
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Season {
    None,
    /// Work demand peaks in April–June and falls in the monsoon.
    Mgnrega,
    /// Special drives in January and July.
    MuskanDrives,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Percent,
    Count,
    Score,
}

struct Spec {
    id: &'static str,
    dept: &'static str,
    name: (&'static str, &'static str),
    short: (&'static str, &'static str),
    kind: Kind,
    decimals: u8,
    dir: Direction,
    /// State mean level at the first period (for counts: per district of average size).
    mean: f64,
    /// Spread between districts.
    spread: f64,
    /// Average change per month.
    trend: f64,
    /// Month-to-month noise.
    noise: f64,
    target: Option<f64>,
    season: Season,
}

const H: Direction = Direction::HigherIsBetter;
const L: Direction = Direction::LowerIsBetter;

#[rustfmt::skip]
const DEPARTMENTS: &[(&str, &str, &str, &str, &str)] = &[
    // id, English, Hindi, source (English), source (Hindi)
    ("revenue", "Revenue", "राजस्व", "Revenue Case Management System (RCMS)", "राजस्व प्रकरण प्रबंधन प्रणाली (आरसीएमएस)"),
    ("cm-helpline", "CM Helpline", "सीएम हेल्पलाइन", "CM Helpline 181 (Samadhan Online)", "सीएम हेल्पलाइन 181 (समाधान ऑनलाइन)"),
    ("public-services", "Public services and e-KYC", "लोक सेवा एवं ई-केवाईसी", "Lok Sewa Guarantee portal and Samagra", "लोक सेवा गारंटी पोर्टल एवं समग्र"),
    ("health", "Health and nutrition", "स्वास्थ्य एवं पोषण", "Health MIS and Poshan Tracker", "स्वास्थ्य एमआईएस एवं पोषण ट्रैकर"),
    ("rural-development", "Rural development", "ग्रामीण विकास", "MGNREGA MIS and AwaasSoft", "मनरेगा एमआईएस एवं आवाससॉफ़्ट"),
    ("jal-jeevan", "Jal Jeevan Mission", "जल जीवन मिशन", "JJM integrated MIS", "जेजेएम एकीकृत एमआईएस"),
    ("women-safety", "Women's safety", "महिला सुरक्षा", "Police HQ crime records", "पुलिस मुख्यालय अपराध अभिलेख"),
    ("agriculture", "Agriculture", "कृषि", "Agriculture and land records MIS", "कृषि एवं भू-अभिलेख एमआईएस"),
    ("awareness", "Public awareness", "जन जागरूकता", "District review returns", "ज़िला समीक्षा प्रतिवेदन"),
];

macro_rules! spec {
    ($id:expr, $dept:expr, $en:expr, $hi:expr, $sen:expr, $shi:expr, $kind:ident, $dec:expr, $dir:expr,
     $mean:expr, $spread:expr, $trend:expr, $noise:expr, $target:expr, $season:ident) => {
        Spec {
            id: $id,
            dept: $dept,
            name: ($en, $hi),
            short: ($sen, $shi),
            kind: Kind::$kind,
            decimals: $dec,
            dir: $dir,
            mean: $mean,
            spread: $spread,
            trend: $trend,
            noise: $noise,
            target: $target,
            season: Season::$season,
        }
    };
}

#[rustfmt::skip]
const SPECS: &[Spec] = &[
    spec!("mutation-pending", "revenue", "Mutation cases pending past the time limit", "समय-सीमा बाह्य लंबित नामांतरण प्रकरण", "Mutation pending", "लंबित नामांतरण", Percent, 1, L, 14.0, 5.0, -0.12, 1.0, Some(5.0), None),
    spec!("partition-pending", "revenue", "Partition cases pending past the time limit", "समय-सीमा बाह्य लंबित बंटवारा प्रकरण", "Partition pending", "लंबित बंटवारा", Percent, 1, L, 16.0, 6.0, -0.10, 1.2, Some(5.0), None),
    spec!("demarcation-pending", "revenue", "Demarcation cases pending past the time limit", "समय-सीमा बाह्य लंबित सीमांकन प्रकरण", "Demarcation pending", "लंबित सीमांकन", Percent, 1, L, 15.0, 5.5, -0.10, 1.1, Some(5.0), None),
    spec!("khasra-update", "revenue", "Khasra records updated", "अद्यतन किए गए खसरा अभिलेख", "Khasra updated", "खसरा अद्यतन", Percent, 1, H, 82.0, 6.0, 0.25, 0.8, Some(100.0), None),
    spec!("encroachment-removal", "revenue", "Encroachment cases disposed", "निराकृत अतिक्रमण प्रकरण", "Encroachment disposed", "अतिक्रमण निराकरण", Percent, 1, H, 68.0, 10.0, 0.2, 2.0, None, None),
    spec!("rcms-disposal", "revenue", "Revenue court cases disposed in time", "समय-सीमा में निराकृत राजस्व न्यायालय प्रकरण", "Revenue cases in time", "राजस्व प्रकरण: समय-सीमा में", Percent, 1, H, 76.0, 7.0, 0.15, 1.5, Some(90.0), None),
    spec!("cmh-unattended", "cm-helpline", "CM Helpline complaints not attended in time", "समय-सीमा में अटेंड न की गई सीएम हेल्पलाइन शिकायतें", "CMH not attended", "हेल्पलाइन: समय-सीमा में अटेंड नहीं", Percent, 1, L, 6.5, 2.5, -0.05, 0.7, Some(2.0), None),
    spec!("cmh-satisfactory", "cm-helpline", "CM Helpline complaints closed with satisfaction", "संतुष्टि के साथ बंद सीएम हेल्पलाइन शिकायतें", "CMH satisfied closure", "संतुष्टिपूर्वक बंद शिकायतें", Percent, 1, H, 66.0, 7.0, 0.2, 1.5, Some(80.0), None),
    spec!("cmh-over-100-days", "cm-helpline", "CM Helpline complaints pending over 100 days", "100 दिन से अधिक लंबित सीएम हेल्पलाइन शिकायतें", "CMH over 100 days", "100+ दिन लंबित शिकायतें", Count, 0, L, 140.0, 50.0, -1.5, 12.0, None, None),
    spec!("cmh-l1-resolution", "cm-helpline", "Complaints resolved at the first level (L1)", "प्रथम स्तर (L1) पर निराकृत शिकायतें", "Resolved at L1", "L1 पर निराकरण", Percent, 1, H, 54.0, 8.0, 0.2, 1.8, None, None),
    spec!("pgs-in-time", "public-services", "Public Services Guarantee applications disposed in time", "समय-सीमा में निराकृत लोक सेवा गारंटी आवेदन", "Services in time", "समय-सीमा में सेवाएँ", Percent, 1, H, 91.0, 3.0, 0.08, 0.6, Some(100.0), None),
    spec!("pgs-pending-overdue", "public-services", "Applications pending past the guaranteed time", "गारंटी समय-सीमा बाह्य लंबित आवेदन", "Overdue applications", "समय-सीमा बाह्य आवेदन", Count, 0, L, 320.0, 120.0, -3.0, 30.0, None, None),
    spec!("samagra-ekyc", "public-services", "Samagra members with e-KYC done", "ई-केवाईसी पूर्ण समग्र सदस्य", "Samagra e-KYC", "समग्र ई-केवाईसी", Percent, 1, H, 62.0, 8.0, 0.9, 0.8, Some(100.0), None),
    spec!("ration-ekyc", "public-services", "Ration card members with e-KYC done", "ई-केवाईसी पूर्ण राशन कार्ड सदस्य", "Ration e-KYC", "राशन ई-केवाईसी", Percent, 1, H, 74.0, 7.0, 0.6, 0.8, Some(100.0), None),
    spec!("anc-four-visits", "health", "Pregnant women with four antenatal check-ups", "चार प्रसव-पूर्व जाँच वाली गर्भवती महिलाएँ", "Four ANC check-ups", "चार एएनसी जाँच", Percent, 1, H, 70.0, 8.0, 0.2, 1.5, Some(90.0), None),
    spec!("institutional-delivery", "health", "Institutional deliveries", "संस्थागत प्रसव", "Institutional delivery", "संस्थागत प्रसव", Percent, 1, H, 90.0, 4.0, 0.05, 0.8, Some(100.0), None),
    spec!("full-immunisation", "health", "Children fully immunised (12–23 months)", "पूर्ण टीकाकृत बच्चे (12–23 माह)", "Full immunisation", "पूर्ण टीकाकरण", Percent, 1, H, 84.0, 5.0, 0.1, 1.0, Some(95.0), None),
    spec!("sam-children-treated", "health", "Severely malnourished children treated after referral", "रेफ़र होने के बाद उपचारित अति गंभीर कुपोषित बच्चे", "SAM children treated", "उपचारित सैम बच्चे", Percent, 1, H, 72.0, 9.0, 0.2, 2.0, Some(90.0), None),
    spec!("ayushman-cards", "health", "Eligible people with an Ayushman card", "आयुष्मान कार्ड वाले पात्र लोग", "Ayushman cards", "आयुष्मान कार्ड", Percent, 1, H, 58.0, 9.0, 0.7, 0.8, Some(100.0), None),
    spec!("mgnrega-persondays", "rural-development", "MGNREGA person-days generated against target", "लक्ष्य के विरुद्ध सृजित मनरेगा मानव दिवस", "MGNREGA person-days", "मनरेगा मानव दिवस", Percent, 1, H, 78.0, 9.0, 0.05, 2.0, Some(100.0), Mgnrega),
    spec!("mgnrega-timely-wages", "rural-development", "MGNREGA wages paid within 15 days", "15 दिन में भुगतान की गई मनरेगा मज़दूरी", "Wages in 15 days", "15 दिन में मज़दूरी", Percent, 1, H, 87.0, 5.0, 0.1, 1.2, Some(100.0), None),
    spec!("pmay-g-completed", "rural-development", "PMAY-G houses completed against sanctioned", "स्वीकृत आवासों के विरुद्ध पूर्ण प्रधानमंत्री आवास (ग्रामीण)", "PMAY-G completed", "पीएम आवास (ग्रामीण) पूर्ण", Percent, 1, H, 64.0, 8.0, 0.6, 0.8, Some(100.0), None),
    spec!("tap-connections", "jal-jeevan", "Rural households with a functional tap connection", "क्रियाशील नल कनेक्शन वाले ग्रामीण परिवार", "Tap connections", "नल कनेक्शन", Percent, 1, H, 66.0, 12.0, 0.5, 0.6, Some(100.0), None),
    spec!("jjm-schemes-handed-over", "jal-jeevan", "Completed water schemes handed over to panchayats", "पंचायतों को सौंपी गई पूर्ण जल योजनाएँ", "Schemes handed over", "सौंपी गई योजनाएँ", Percent, 1, H, 55.0, 12.0, 0.6, 1.2, Some(100.0), None),
    spec!("water-samples-tested", "jal-jeevan", "Water samples tested against target", "लक्ष्य के विरुद्ध जाँचे गए जल नमूने", "Water samples tested", "जाँचे गए जल नमूने", Percent, 1, H, 79.0, 8.0, 0.1, 2.5, Some(100.0), None),
    spec!("muskan-recovered", "women-safety", "Missing girls recovered under the Muskan campaign", "मुस्कान अभियान में दस्तयाब गुमशुदा बालिकाएँ", "Muskan recoveries", "मुस्कान: दस्तयाब बालिकाएँ", Count, 0, H, 13.0, 4.0, 0.0, 2.0, None, MuskanDrives),
    spec!("caw-chargesheet-60d", "women-safety", "Crimes against women charge-sheeted within 60 days", "60 दिन में चालान प्रस्तुत महिला अपराध प्रकरण", "Charge-sheet in 60 days", "60 दिन में चालान", Percent, 1, H, 78.0, 7.0, 0.1, 1.5, Some(100.0), None),
    spec!("girdawari-done", "agriculture", "Crop survey (girdawari) completed", "पूर्ण फसल गिरदावरी", "Girdawari done", "गिरदावरी पूर्ण", Percent, 1, H, 86.0, 6.0, 0.1, 1.5, Some(100.0), None),
    spec!("kcc-coverage", "agriculture", "Eligible farmers with a Kisan Credit Card", "किसान क्रेडिट कार्ड वाले पात्र किसान", "KCC coverage", "केसीसी वाले किसान", Percent, 1, H, 63.0, 9.0, 0.2, 0.7, None, None),
    spec!("insurance-claims-settled", "agriculture", "Crop insurance claims settled", "निराकृत फसल बीमा दावे", "Insurance claims settled", "बीमा दावा निराकरण", Percent, 1, H, 74.0, 8.0, 0.15, 2.0, Some(100.0), None),
    spec!("public-awareness", "awareness", "Public awareness score", "जन जागरूकता स्कोर", "Public awareness", "जन जागरूकता", Score, 1, H, 58.0, 10.0, 0.15, 1.5, None, None),
    spec!("jan-sunwai-disposal", "awareness", "Jan Sunwai applications disposed", "निराकृत जनसुनवाई आवेदन", "Jan Sunwai disposed", "जनसुनवाई निराकरण", Percent, 1, H, 81.0, 6.0, 0.1, 1.5, Some(100.0), None),
];

/// Where a named district must stand at the reviewed period.
#[derive(Clone, Copy)]
pub enum Place {
    /// 1 is the best.
    Best(usize),
    /// 1 is the worst.
    Worst(usize),
}

/// A fact a published review states: (indicator, period, [(district, place)]).
pub type Fact = (&'static str, &'static str, &'static [(&'static str, Place)]);

/// The facts the published reviews state.
#[rustfmt::skip]
pub const PUBLISHED_FACTS: &[Fact] = &[
    ("public-awareness", "2026-01", &[("tikamgarh", Place::Best(1)), ("dhar", Place::Best(2)), ("singrauli", Place::Best(3)),
                                      ("panna", Place::Worst(3)), ("morena", Place::Worst(2)), ("bhind", Place::Worst(1))]),
    ("mutation-pending", "2026-01", &[("morena", Place::Worst(1)), ("bhind", Place::Worst(2))]),
    ("partition-pending", "2026-01", &[("anuppur", Place::Worst(1)), ("rewa", Place::Worst(2))]),
    ("demarcation-pending", "2026-01", &[("vidisha", Place::Worst(1)), ("satna", Place::Worst(2))]),
    ("khasra-update", "2026-01", &[("rewa", Place::Worst(1)), ("indore", Place::Worst(2))]),
    ("encroachment-removal", "2026-01", &[("bhind", Place::Worst(1)), ("vidisha", Place::Worst(2))]),
    ("cmh-unattended", "2026-01", &[("betul", Place::Worst(1)), ("mauganj", Place::Worst(2)), ("shahdol", Place::Worst(3)), ("bhopal", Place::Worst(4))]),
    ("cmh-satisfactory", "2024-11", &[("sehore", Place::Best(1)), ("vidisha", Place::Best(2))]),
    ("anc-four-visits", "2026-01", &[("shivpuri", Place::Worst(1)), ("ashoknagar", Place::Worst(2))]),
    ("mgnrega-persondays", "2026-01", &[("betul", Place::Worst(3))]),
];

/// Targets the reviews set with a deadline: (indicator, due by). The January 2026 conference
/// asked for e-KYC on the Samagra portal at 100% by the end of the year.
pub const DEADLINES: &[(&str, &str)] = &[("samagra-ekyc", "2026-12")];

/// The review meetings the reports describe, with the districts each point named:
/// (id, date, period reviewed, English title, Hindi title, points). Each point is
/// (indicator, [(district, how named)], remark in English and Hindi).
type ReviewSpec = (&'static str, &'static str, &'static str, &'static str, &'static str, &'static [PointSpec]);
type PointSpec = (&'static str, &'static [(&'static str, &'static str)], Option<(&'static str, &'static str)>);

#[rustfmt::skip]
pub const REVIEWS: &[ReviewSpec] = &[
    ("samadhan-2024-11", "2024-11-20", "2024-11", "Samadhan Online (CM Helpline review)", "समाधान ऑनलाइन (सीएम हेल्पलाइन समीक्षा)", &[
        ("cmh-satisfactory", &[("sehore", "honoured"), ("vidisha", "honoured")], Some(("All collectors told to learn from Sehore and Vidisha; high performers to get certificates of appreciation.", "सभी कलेक्टरों को सीहोर और विदिशा के कलेक्टरों से जानकारी लेकर उसी अनुरूप कार्य करने के निर्देश; उच्च प्रदर्शन करने वाले अधिकारियों को प्रशस्ति पत्र देकर सम्मानित करने के निर्देश।"))),
    ]),
    ("conference-2026-01", "2026-01-21", "2026-01", "Collector–Commissioner conference compliance review", "कलेक्टर-कमिश्नर कॉन्फ़्रेंस की पालन प्रतिवेदन समीक्षा", &[
        ("mutation-pending", &[("morena", "bottom"), ("bhind", "bottom")], Some(("Pendency of a hundred days in mutation, partition and demarcation is unsatisfactory.", "नामांतरण, बंटवारा और सीमांकन में सौ-सौ दिन की पेंडेंसी असंतोषजनक।"))),
        ("partition-pending", &[("anuppur", "bottom"), ("rewa", "bottom")], None),
        ("demarcation-pending", &[("vidisha", "bottom"), ("satna", "bottom")], None),
        ("khasra-update", &[("rewa", "bottom"), ("indore", "bottom")], None),
        ("encroachment-removal", &[("bhind", "bottom"), ("vidisha", "bottom")], None),
        ("cmh-unattended", &[("betul", "instructed"), ("mauganj", "instructed"), ("shahdol", "instructed"), ("bhopal", "instructed")], Some(("Told to improve: many CM Helpline complaints not attended.", "सीएम हेल्पलाइन की कई शिकायतें अटेंड न करने पर सुधार की हिदायत।"))),
        ("anc-four-visits", &[("shivpuri", "bottom"), ("ashoknagar", "bottom")], None),
        ("public-awareness", &[("tikamgarh", "top"), ("dhar", "top"), ("singrauli", "top"), ("panna", "bottom"), ("morena", "bottom"), ("bhind", "bottom")], None),
        ("samagra-ekyc", &[], Some(("e-KYC on the Samagra portal to reach 100% by the end of 2026.", "समग्र पोर्टल पर ई-केवाईसी वर्ष 2026 के अंत तक शत-प्रतिशत करने के निर्देश।"))),
    ]),
];

/// A note on the sample's data: (indicator, period, district, English, Hindi).
type NoteSpec = (Option<&'static str>, Option<&'static str>, Option<&'static str>, &'static str, &'static str);

/// Notes on the sample's data.
#[rustfmt::skip]
pub const NOTES: &[NoteSpec] = &[
    (Some("samagra-ekyc"), Some("2026-01"), None,
     "Target set at the Collector–Commissioner conference: 100% by December 2026.",
     "कलेक्टर-कमिश्नर कॉन्फ़्रेंस में लक्ष्य तय: दिसंबर 2026 तक शत-प्रतिशत।"),
    (Some("cmh-unattended"), Some("2026-04"), None,
     "Illustrative note: the complaints portal was down for part of the month, so fewer days are counted.",
     "उदाहरण हेतु टिप्पणी: माह में कुछ दिन शिकायत पोर्टल बंद रहा, इसलिए गणना में कम दिन शामिल हैं।"),
    (None, None, Some("mauganj"),
     "Mauganj became a district in 2023, carved from Rewa; it has no separate boundary in the 2011 map.",
     "मऊगंज 2023 में रीवा से अलग होकर ज़िला बना; 2011 के मानचित्र में इसकी अलग सीमा नहीं है।"),
];

/// Monthly period ids from 2024-04 to 2026-10, oldest first.
pub fn sample_periods() -> Vec<(String, u32)> {
    let mut out = Vec::new();
    let (mut y, mut m) = (2024, 4);
    while (y, m) <= (2026, 10) {
        out.push((format!("{y}-{m:02}"), m));
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    out
}

/// The Hindi of former names, for a district list (like the shared reference list) without a
/// `former_name_hi` column: the sample's own knowledge, filled in before the units are written.
const FORMER_NAMES_HI: &[(&str, &str)] = &[("Hoshangabad", "होशंगाबाद")];

/// series[unit][period]
type Series = Vec<Vec<Cell>>;

fn generate_series(spec: &Spec, units: usize, periods: &[(String, u32)], size: &[f64], rng: &mut Rng) -> Series {
    let last = periods.len() - 1;
    (0..units)
        .map(|u| {
            let level = spec.mean + spec.spread * rng.normal();
            let slope = spec.trend * (0.4 + 1.2 * rng.unit());
            let phase_noise = spec.noise;
            (0..periods.len())
                .map(|t| {
                    let month = periods[t].1;
                    let raw = match spec.kind {
                        Kind::Count => {
                            let drive = match (spec.season, month) {
                                (Season::MuskanDrives, 1) => 3.0,
                                (Season::MuskanDrives, 7) => 2.0,
                                _ => 1.0,
                            };
                            (level.max(1.0) + slope * t as f64 + phase_noise * rng.normal()).max(0.0) * size[u] * drive
                        }
                        _ => {
                            let season = match (spec.season, month) {
                                (Season::Mgnrega, 4..=6) => 12.0,
                                (Season::Mgnrega, 7..=9) => -14.0,
                                (Season::Mgnrega, 1..=3) => 6.0,
                                _ => 0.0,
                            };
                            level + slope * t as f64 + season + phase_noise * rng.normal()
                        }
                    };
                    let hi = if spec.kind == Kind::Count { f64::MAX } else { 100.0 };
                    let v = round_to(raw.clamp(0.0, hi), spec.decimals);
                    // Health figures come with the counts behind them, and small denominators
                    // carry a quality flag as the NFHS fact sheets do.
                    if spec.dept == "health" && spec.kind == Kind::Percent {
                        let den = (size[u] * 700.0 + 40.0).round();
                        let num = (v / 100.0 * den).round();
                        let v = round_to(num / den * 100.0, spec.decimals);
                        let flag = if den < 450.0 {
                            Some("small-sample")
                        } else if t == last {
                            Some("provisional")
                        } else {
                            None
                        };
                        return Cell::number(v, Some(num), Some(den), flag.map(String::from));
                    }
                    let flag = (t == last).then_some("provisional");
                    Cell::number(v, None, None, flag.map(String::from))
                })
                .collect()
        })
        .collect()
}

fn readings_at(series: &Series, t: usize) -> Vec<(usize, Option<Reading>)> {
    series.iter().enumerate().map(|(u, s)| (u, s[t].value().map(Reading::Number))).collect()
}

/// Moves each named district to its published place by swapping whole series, then separates
/// it from its neighbours so no tie blurs the published order.
fn enforce(series: &mut Series, spec: &Spec, t: usize, facts: &[(usize, Place)]) {
    for &(unit, place) in facts {
        let ranking = rank_readings(&readings_at(series, t), spec.dir, spec.decimals);
        let n = ranking.ranked.len();
        let pos = match place {
            Place::Best(k) => k - 1,
            Place::Worst(k) => n - k,
        };
        let other = ranking.ranked[pos].unit;
        series.swap(unit, other);
    }
    // Break ties at the named places: in each tie, the named district with the most extreme
    // place moves one step towards its own end; repeat until no named district is tied.
    let step = 10f64.powi(-(spec.decimals as i32));
    let extremity = |p: Place| match p {
        Place::Best(k) | Place::Worst(k) => k,
    };
    for _ in 0..50 {
        let ranking = rank_readings(&readings_at(series, t), spec.dir, spec.decimals);
        let mut tied: Vec<(usize, Place, usize)> = facts.iter().filter_map(|&(u, p)| ranking.rank_of(u).filter(|r| r.tied).map(|r| (u, p, r.rank))).collect();
        if tied.is_empty() {
            return;
        }
        tied.sort_by_key(|&(_, p, rank)| (rank, extremity(p)));
        tied.dedup_by_key(|&mut (_, _, rank)| rank);
        for (u, place, _) in tied {
            let up = matches!(place, Place::Best(_)) == (spec.dir == Direction::HigherIsBetter);
            if let Some(v) = series[u][t].value_mut() {
                *v = round_to(*v + if up { step } else { -step }, spec.decimals);
            }
        }
    }
}

/// Where the sample's district polygons come from (English, Hindi), named in its manifest.
pub const BOUNDARY_SOURCE: (&str, &str) = (
    "District boundaries: 2011 census districts of Madhya Pradesh with Agar Malwa and Niwari, from a public collection of Indian district maps (mp-districts-2011.topo.json)",
    "ज़िलों की सीमाएँ: 2011 की जनगणना के अनुसार मध्यप्रदेश के ज़िले, आगर मालवा और निवाड़ी सहित, भारत के ज़िलों के मानचित्रों के एक सार्वजनिक संग्रह से (mp-districts-2011.topo.json)",
);

/// Checks that every named district stands, untied, where the review put it.
fn verify(series: &Series, spec: &Spec, t: usize, facts: &[(usize, Place)]) -> Result<(), String> {
    let ranking = rank_readings(&readings_at(series, t), spec.dir, spec.decimals);
    let n = ranking.ranked.len();
    for &(u, place) in facts {
        let want = match place {
            Place::Best(k) => k,
            Place::Worst(k) => n + 1 - k,
        };
        match ranking.rank_of(u) {
            Some(r) if r.rank == want && !r.tied => {}
            other => return Err(format!("{}: district #{u} should rank {want}, got {other:?}", spec.id)),
        }
    }
    Ok(())
}

pub fn generate(rows: &[DistrictRow], out: &Path) -> Result<(), String> {
    let rows: Vec<DistrictRow> = rows
        .iter()
        .cloned()
        .map(|mut r| {
            if r.former_name_hi.is_empty() {
                if let Some((_, hi)) = FORMER_NAMES_HI.iter().find(|(en, _)| *en == r.boundary_name) {
                    r.former_name_hi = hi.to_string();
                }
            }
            r
        })
        .collect();
    let rows = rows.as_slice();
    let periods = sample_periods();
    let slug_pos = |slug: &str| rows.iter().position(|r| r.slug == slug).ok_or_else(|| format!("district list has no \"{slug}\""));
    let mut rng = Rng(0x5A4D_1C5A_2026_0001);
    // A size factor per district, so counts differ as district populations do.
    let size: Vec<f64> = rows.iter().map(|_| 0.5 + 1.3 * rng.unit()).collect();

    let mut all: Vec<Series> = Vec::new();
    for spec in SPECS {
        let mut series = generate_series(spec, rows.len(), &periods, &size, &mut rng);
        let facts: Vec<_> = PUBLISHED_FACTS.iter().filter(|f| f.0 == spec.id).collect();
        // Gaps first (never on a named district at its reviewed period), then the facts.
        let protected: Vec<(usize, usize)> = facts
            .iter()
            .flat_map(|(_, per, list)| {
                let t = periods.iter().position(|p| p.0 == *per);
                list.iter().filter_map(move |(slug, _)| Some((rows.iter().position(|r| r.slug == *slug)?, t?)))
            })
            .collect();
        for (u, s) in series.iter_mut().enumerate() {
            for (t, cell) in s.iter_mut().enumerate() {
                if rng.unit() < 0.012 && !protected.contains(&(u, t)) {
                    *cell = Cell::gap(GapReason::NotReported, None);
                }
            }
        }
        for (_, per, list) in facts {
            let t = periods.iter().position(|p| p.0 == *per).ok_or_else(|| format!("no period {per}"))?;
            let named = list.iter().map(|(slug, place)| Ok((slug_pos(slug)?, *place))).collect::<Result<Vec<_>, String>>()?;
            enforce(&mut series, spec, t, &named);
            verify(&series, spec, t, &named)?;
        }
        all.push(series);
    }

    // The campaign total the review reported for January 2026 must hold.
    let muskan = SPECS.iter().position(|s| s.id == "muskan-recovered").ok_or("no muskan indicator")?;
    let jan = periods.iter().position(|p| p.0 == "2026-01").ok_or("no 2026-01")?;
    let total: f64 = all[muskan].iter().filter_map(|s| s[jan].value()).sum();
    if total <= 1900.0 {
        return Err(format!("muskan-recovered 2026-01 totals {total}, the review reported over 1,900"));
    }

    let manifest = manifest(rows, &periods);
    let files = periods
        .iter()
        .enumerate()
        .map(|(t, (pid, _))| {
            let values: BTreeMap<String, Vec<Cell>> =
                SPECS.iter().zip(&all).map(|(spec, series)| (spec.id.to_string(), series.iter().map(|s| s[t].clone()).collect())).collect();
            ValueFileOut {
                indicators: None,
                body: ValueFile { format: samiksha_core::FORMAT, period: pid.clone(), units: rows.iter().map(|r| r.slug.clone()).collect(), values },
                kept: None,
            }
        })
        .collect();
    write_dataset(out, manifest, files)
}

/// The manifest's `divisions`, in first-seen order of the district list.
pub fn divisions(rows: &[DistrictRow]) -> Vec<Division> {
    let mut divisions: Vec<Division> = Vec::new();
    for r in rows {
        if !divisions.iter().any(|d| d.id == r.division) {
            divisions.push(Division { id: r.division.clone(), name: Bilingual::new(&r.division_en, &r.division_hi) });
        }
    }
    divisions
}

/// The manifest's `units`, with codes, lineage and former names from the district list.
pub fn units(rows: &[DistrictRow]) -> Vec<Unit> {
    rows.iter()
        .map(|r| Unit {
            carved_from: (!r.carved_from.is_empty()).then(|| r.carved_from.clone()),
            codes: if r.boundary_code.is_empty() { BTreeMap::new() } else { BTreeMap::from([("census2011".to_string(), r.boundary_code.clone())]) },
            division: r.division.clone(),
            // A former name without Hindi is written in its English spelling in both; import
            // warns about it, since a Hindi page would show Latin script.
            former_names: r.former_name().map(|(en, hi)| Bilingual::new(&en, hi.as_deref().unwrap_or(&en))).into_iter().collect(),
            lat: r.lat,
            lon: r.lon,
            name: Bilingual::new(&r.name_en, &r.name_hi),
            slug: r.slug.clone(),
            year_created: r.year_created.parse::<u16>().ok(),
        })
        .collect()
}

/// The format's word for a direction.
pub fn direction_word(d: Direction) -> &'static str {
    match d {
        Direction::HigherIsBetter => "higher_is_better",
        Direction::LowerIsBetter => "lower_is_better",
    }
}

fn manifest(rows: &[DistrictRow], periods: &[(String, u32)]) -> Manifest {
    fn b(en: impl Into<String>, hi: impl Into<String>) -> Bilingual {
        Bilingual::new(en, hi)
    }
    // The sample's weights are all equal; written as the integer 1.
    let one = || Some(Number::from(1));
    let departments = DEPARTMENTS.iter().map(|(id, en, hi, _, _)| Department { id: id.to_string(), name: b(*en, *hi), weight: one() }).collect();
    let indicators = SPECS
        .iter()
        .map(|s| {
            let (_, _, _, src_en, src_hi) = DEPARTMENTS.iter().find(|d| d.0 == s.dept).copied().unwrap_or(DEPARTMENTS[0]);
            let unit = match s.kind {
                Kind::Percent => "percent",
                Kind::Count => "count",
                Kind::Score => "score",
            };
            Indicator {
                decimals: Some(s.decimals),
                department: s.dept.into(),
                description: Some(b(
                    format!("{}, by district and month. Illustrative values generated for this demonstration.", s.name.0),
                    format!("{}, ज़िलेवार और माहवार। केवल उदाहरण के लिए बनाए गए मान (डेमो)।", s.name.1),
                )),
                direction: direction_word(s.dir).into(),
                frequency: Some("monthly".into()),
                id: s.id.into(),
                key: None,
                name: b(s.name.0, s.name.1),
                short_name: Some(b(s.short.0, s.short.1)),
                source: Some(b(format!("{src_en} (illustrative)"), format!("{src_hi} (उदाहरणार्थ)"))),
                target: s.target.map(|value| match DEADLINES.iter().find(|d| d.0 == s.id) {
                    Some((_, by)) => Target::Dated { value, by: by.to_string(), from: None },
                    None => Target::Plain(value),
                }),
                unit: unit.into(),
                unit_label: (s.kind == Kind::Score).then(|| b("/ 100", "/ 100")),
                weight: one(),
            }
        })
        .collect();
    let periods = periods
        .iter()
        .map(|(id, m)| {
            let year = &id[..4];
            let label = |lang| format!("{} {year}", month_name(*m, lang));
            Period { id: id.clone(), label: b(label(Lang::En), label(Lang::Hi)) }
        })
        .collect();
    let headline = |id: &str, en: &str, hi: &str, value: u32, note: Option<Bilingual>| Headline { id: id.into(), label: b(en, hi), note, value: value.into() };
    let band = |min_score: u32, en: &str, hi: &str| Band { label: b(en, hi), min_score: min_score.into() };
    let source = |en: &str, hi: &str| Link { name: b(en, hi), url: None };
    Manifest {
        format: samiksha_core::FORMAT.into(),
        title: b("Madhya Pradesh district review (sample)", "मध्यप्रदेश ज़िला समीक्षा (नमूना)"),
        description: Some(b(
            "District-wise review points of the kind the Chief Secretary reviews with collectors and commissioners: revenue cases, CM Helpline, public services, health, rural development, water, women's safety, agriculture and public awareness. The figures are illustrative; they agree with the rankings reported from the reviews but are not official statistics.",
            "कलेक्टर-कमिश्नर कॉन्फ़्रेंस में मुख्य सचिव द्वारा की जाने वाली समीक्षा की तर्ज़ पर ज़िलेवार बिंदु: राजस्व प्रकरण, सीएम हेल्पलाइन, लोक सेवाएँ, स्वास्थ्य, ग्रामीण विकास, पेयजल, महिला सुरक्षा, कृषि और जन जागरूकता। आँकड़े उदाहरण के लिए हैं; वे समीक्षा में बताई गई रैंकिंग से मेल खाते हैं पर आधिकारिक आँकड़े नहीं हैं।",
        )),
        publisher: b("Samiksha project (sample data)", "समीक्षा परियोजना (नमूना डेटा)"),
        licence: Link { name: b("CC BY 4.0 (sample data)", "CC BY 4.0 (नमूना डेटा)"), url: Some("https://creativecommons.org/licenses/by/4.0/".into()) },
        sources: vec![
            source("Rankings as reported from the collector–commissioner conference and Samadhan Online reviews, January 2026", "कलेक्टर-कमिश्नर कॉन्फ़्रेंस एवं समाधान ऑनलाइन समीक्षा में बताई गई रैंकिंग, जनवरी 2026"),
            source("All other values: generated by Samiksha's sample-data tool (samiksha-publish sample), the same on every run", "अन्य सभी मान: समीक्षा के नमूना-डेटा टूल (samiksha-publish sample) द्वारा बनाए गए; हर बार एक जैसे"),
        ],
        updated: "2026-11-20".into(),
        notice: Some(b("Illustrative values, not official statistics.", "ये मान केवल उदाहरण के लिए हैं; आधिकारिक आँकड़े नहीं हैं।")),
        unit_level: Some(b("District", "ज़िला")),
        divisions: divisions(rows),
        units: units(rows),
        departments,
        indicators,
        periods,
        headlines: vec![
            headline("services-notified", "Services notified under the Public Services Guarantee Act", "लोक सेवा गारंटी अधिनियम के अंतर्गत अधिसूचित सेवाएँ", 735, None),
            headline("services-online", "Of these, services online", "इनमें से ऑनलाइन सेवाएँ", 602, None),
            headline("services-to-go-online", "Services still to go online", "ऑनलाइन की जाने हेतु शेष सेवाएँ", 133, None),
            headline("eseva-target", "Services to be on the MP e\u{2011}Seva portal", "एमपी ई-सेवा पोर्टल पर जोड़ी जाने वाली सेवाएँ", 1700, Some(b("Target: by the end of March", "लक्ष्य: मार्च के अंत तक"))),
        ],
        flags: vec![
            Flag { id: "small-sample".into(), label: b("Based on fewer than 450 registered cases; read with care", "450 से कम पंजीकृत मामलों पर आधारित; सावधानी से पढ़ें") },
            Flag { id: "provisional".into(), label: b("Provisional: may be revised", "अनंतिम: संशोधन संभव") },
        ],
        reviews: REVIEWS
            .iter()
            .map(|(id, date, period, en, hi, points)| Review {
                id: id.to_string(),
                date: date.to_string(),
                period: Some(period.to_string()),
                title: b(*en, *hi),
                points: points
                    .iter()
                    .map(|(indicator, named, remark)| ReviewPoint {
                        indicator: indicator.to_string(),
                        named: named.iter().map(|(d, how)| NamedDistrict { district: d.to_string(), named_as: how.to_string() }).collect(),
                        remark: remark.map(|(en, hi)| b(en, hi)),
                    })
                    .collect(),
            })
            .collect(),
        notes: NOTES
            .iter()
            .map(|(i, p, d, en, hi)| Note { indicator: i.map(String::from), period: p.map(String::from), district: d.map(String::from), text: b(*en, *hi) })
            .collect(),
        bands: vec![band(100, "Achiever", "लक्ष्य प्राप्त"), band(65, "Front runner", "अग्रणी"), band(50, "Performer", "प्रदर्शनकर्ता"), band(0, "Aspirant", "आकांक्षी")],
        ..Manifest::default()
    }
}
