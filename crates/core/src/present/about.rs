//! The About view's model: what the dataset is, who publishes it, its sources and licence, its
//! headline figures, every indicator's definition and the downloads, worded in the reader's
//! language; and the same facts for every page's footer and description. The views lay these
//! out.

use super::Ctx;
use crate::format::text::Lang;
use crate::present::i18n::Msg;
use crate::present::numfmt::{format_date, format_number};

/// One indicator's definition row.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorRow {
    pub id: String,
    pub name: String,
    pub department: String,
    /// "Higher is better" or "Lower is better".
    pub direction: String,
    pub description: String,
    pub source: String,
}

/// A headline figure of the dataset: label, value as shown, note.
#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    pub label: String,
    pub value: String,
    pub note: Option<String>,
}

/// The whole-dataset download: its path in the dataset folder and the link's words with size.
#[derive(Clone, Debug, PartialEq)]
pub struct Download {
    pub path: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct About {
    pub description: String,
    pub publisher: String,
    /// "20 November 2026".
    pub updated: String,
    pub licence: String,
    pub sources: Vec<String>,
    pub headlines: Vec<Headline>,
    pub indicators: Vec<IndicatorRow>,
    pub download: Option<Download>,
    /// The methodology document in the reader's language, beside the app.
    pub methodology_file: &'static str,
}

/// The dataset's headline figures, as the About view and the deck's title slide show them.
pub fn headlines(ctx: &Ctx) -> Vec<Headline> {
    let lang = ctx.lang;
    ctx.ds
        .manifest
        .headlines
        .iter()
        .map(|h| Headline { label: h.label.get(lang).to_string(), value: format_number(h.value, 0), note: h.note.as_ref().map(|n| n.get(lang).to_string()) })
        .collect()
}

/// A file's size as a reader reads it: "2.2 MB", "48 KB" ("2.2 एमबी" in Hindi); never "0 KB".
pub fn file_size(ctx: &Ctx, bytes: u64) -> String {
    if bytes >= 1_000_000 {
        ctx.fill(Msg::SizeMegabytes, &[("size", &format_number(bytes as f64 / 1e6, 1))])
    } else {
        ctx.fill(Msg::SizeKilobytes, &[("size", &format_number((bytes as f64 / 1e3).max(1.0), 0))])
    }
}

pub fn model(ctx: &Ctx) -> About {
    let (m, lang) = (&ctx.ds.manifest, ctx.lang);
    About {
        description: m.description.get(lang).to_string(),
        publisher: m.publisher.get(lang).to_string(),
        updated: format_date(&m.updated, lang),
        licence: m.licence.name.get(lang).to_string(),
        sources: m.sources.iter().map(|s| s.name.get(lang).to_string()).collect(),
        headlines: headlines(ctx),
        indicators: m
            .indicators
            .iter()
            .map(|i| IndicatorRow {
                id: i.id.clone(),
                name: i.name.get(lang).to_string(),
                department: m.department(&i.department).map(|x| x.name.get(lang).to_string()).unwrap_or_default(),
                direction: ctx.direction(i.direction).to_string(),
                description: i.description.get(lang).to_string(),
                source: i.source.get(lang).to_string(),
            })
            .collect(),
        download: m.download.as_ref().map(|f| {
            let size = f.bytes.map(|b| file_size(ctx, b)).unwrap_or_default();
            Download { path: f.path.clone(), text: ctx.fill(Msg::DownloadAllValues, &[("size", &size)]) }
        }),
        methodology_file: match lang {
            Lang::Hi => "methodology.hi.md",
            Lang::En => "methodology.md",
        },
    }
}

/// What every page's footer says of the dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct Colophon {
    /// The sources, "; "-separated as the source line under each chart has them.
    pub sources: String,
    pub licence: String,
    /// The licence's address, only when it is an http(s) URL; anything else stays text.
    pub licence_url: Option<String>,
    /// The date as written in the manifest (for `<time datetime>`) and as a reader reads it.
    pub updated_iso: String,
    pub updated: String,
    pub publisher: String,
}

pub fn colophon(ctx: &Ctx) -> Colophon {
    let (m, lang) = (&ctx.ds.manifest, ctx.lang);
    Colophon {
        sources: ctx.sources(),
        licence: m.licence.name.get(lang).to_string(),
        licence_url: m.licence.url.as_deref().and_then(crate::format::text::web_link).map(str::to_string),
        updated_iso: m.updated.clone(),
        updated: format_date(&m.updated, lang),
        publisher: m.publisher.get(lang).to_string(),
    }
}

/// The page's description for search engines and link previews: the dataset's own
/// description, or its title when it has none.
pub fn page_description(ctx: &Ctx) -> String {
    let m = &ctx.ds.manifest;
    let d = m.description.get(ctx.lang);
    if d.trim().is_empty() { m.title.get(ctx.lang) } else { d }.to_string()
}

/// The licence as the printed pack states it: its name, and its address in brackets when it
/// has one (on paper a link cannot be followed, so the address is written out).
pub fn licence_in_print(ctx: &Ctx) -> String {
    let lic = &ctx.ds.manifest.licence;
    match &lic.url {
        Some(u) => format!("{} ({u})", lic.name.get(ctx.lang)),
        None => lic.name.get(ctx.lang).to_string(),
    }
}
