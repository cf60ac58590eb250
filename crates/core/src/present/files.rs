//! What a view says about the dataset's files themselves: which could not be used at all (not
//! what was published, an error status, not JSON, ambiguous), named in the view rather than
//! only in the collapsed problems panel, and whether the dataset's files carry no hashes.

use super::{Ctx, Subject};
use crate::format::dataset::Dataset;
use crate::format::problem::{Problem, ProblemKind, Severity};
use crate::format::text::Lang;
use crate::present::i18n::Msg;

/// Whether `p` refuses its whole file: the file itself (not what was published, an error
/// status, not JSON), a repeated key, or one of a value file's top-level fields (another format,
/// another period, the districts or the values that are not a list of the right length).
fn refuses_file(p: &Problem) -> bool {
    p.severity == Severity::Error
        && (matches!(p.path.as_str(), "$" | "$.format" | "$.period" | "$.units" | "$.values") || matches!(p.kind, ProblemKind::DuplicateKey { .. }))
}

/// One sentence per data file that was refused as a whole, in the order first reported; the
/// manifest's own problems are the problems panel's, not these.
pub fn refused_files(problems: &[Problem], lang: Lang) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    problems
        .iter()
        .filter(|p| p.file != "manifest.json" && refuses_file(p))
        .filter(|p| seen.insert(p.file.clone()))
        .map(|p| match p.kind {
            ProblemKind::HashMismatch { .. } | ProblemKind::SizeMismatch { .. } => Msg::FileNotAsPublished.fill(lang, &[("file", &p.file)]),
            _ => Msg::FileProblem.fill(lang, &[("file", &p.file), ("problem", &p.kind.text(lang))]),
        })
        .collect()
}

/// Whether any value file is listed without a SHA-256, so what arrives cannot be checked
/// against what was published.
pub fn unverified(ds: &Dataset) -> bool {
    ds.manifest.value_files.iter().any(|f| f.sha256.is_none())
}

/// What a view says when every file of `period` has been read and still nothing of `subject`
/// can be shown: that a file of the period, or this indicator's column in it, was refused (the
/// notes above and the problems panel name it), or, when every file was read cleanly, that
/// nothing of it is published for that period.
pub fn nothing_shown(ctx: &Ctx, subject: Subject, period: usize, problems: &[Problem]) -> String {
    let pid = ctx.ds.periods().get(period).map(|p| p.id.as_str()).unwrap_or_default();
    let files: Vec<&str> = ctx.ds.manifest.files_for_period(pid).map(|f| f.path.as_str()).collect();
    // A column refused whole is reported at `$.values.<id>` (a cell at `$.values.<id>[k]`).
    let column = match subject {
        Subject::Indicator(i) => ctx.ds.indicators().get(i).map(|ind| format!("$.values.{}", ind.id)),
        Subject::Composite => None,
    };
    let refused = problems
        .iter()
        .any(|p| files.contains(&p.file.as_str()) && (refuses_file(p) || (p.severity == Severity::Error && column.as_deref() == Some(p.path.as_str()))));
    if refused {
        ctx.msg(Msg::PeriodNotShown).to_string()
    } else {
        ctx.fill(Msg::NothingPublished, &[("indicator", &ctx.subject_name(subject)), ("period", &ctx.period_label(period))])
    }
}
