//! About the data: what the dataset is, who publishes it, its sources and licence, the state
//! headline figures, how ranks are computed, every indicator's definition, the downloads (every
//! value as one CSV, the methodology), and the data checks.

use crate::nav::link_click;
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::present::i18n::Msg;
use samiksha_core::present::numfmt::{format_date, format_number};

/// A file's size as a reader reads it: "2.2 MB", "48 KB".
fn file_size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{} MB", format_number(bytes as f64 / 1e6, 1))
    } else {
        format!("{} KB", format_number((bytes as f64 / 1e3).max(1.0), 0))
    }
}

#[component]
pub fn AboutView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let body = move || {
        let lang = state.lang.get();
        let problem_count = state.problems.with(|p| p.len());
        state.dataset.with(|d| {
            let d = d.as_ref()?;
            let m = &d.manifest;
            let headlines = m
                .headlines
                .iter()
                .map(|h| {
                    view! {
                        <div class="headline">
                            <dt>{h.label.get(lang).to_string()}</dt>
                            <dd>
                                <span class="headline-value">{format_number(h.value, 0)}</span>
                                {h.note.as_ref().map(|n| view! { <span class="headline-note">{n.get(lang).to_string()}</span> })}
                            </dd>
                        </div>
                    }
                })
                .collect_view();
            let indicators = m
                .indicators
                .iter()
                .map(|i| {
                    let dep = m.department(&i.department).map(|x| x.name.get(lang).to_string()).unwrap_or_default();
                    view! {
                        <tr data-indicator=i.id.clone()>
                            <th scope="row">{i.name.get(lang).to_string()}<br/><code>{i.id.clone()}</code></th>
                            <td data-label=Msg::Department.text(lang)>{dep}</td>
                            <td data-label=Msg::Direction.text(lang)>{samiksha_core::present::Ctx::new(d, lang).direction(i.direction)}</td>
                            <td data-label=Msg::Description.text(lang)>{i.description.get(lang).to_string()}" "<em>{i.source.get(lang).to_string()}</em></td>
                        </tr>
                    }
                })
                .collect_view();
            let methods = state.route.with(|r| samiksha_core::route::Route { view: samiksha_core::route::View::Methods, ..r.clone() });
            let sources = m.sources.iter().map(|s| view! { <li>{s.name.get(lang).to_string()}</li> }).collect_view();
            Some(
                view! {
                    <h2 id="about-h">{Msg::AboutDataset.text(lang)}</h2>
                    <p>{m.description.get(lang).to_string()}</p>
                    <dl class="facts">
                        <div><dt>{Msg::Publisher.text(lang)}</dt><dd>{m.publisher.get(lang).to_string()}</dd></div>
                        <div><dt>{Msg::DataAsOf.text(lang)}</dt><dd>{format_date(&m.updated, lang)}</dd></div>
                        <div><dt>{Msg::Licence.text(lang)}</dt><dd>{m.licence.name.get(lang).to_string()}</dd></div>
                    </dl>
                    <h3>{Msg::Source.text(lang)}</h3>
                    <ul>{sources}</ul>
                    {(!m.headlines.is_empty()).then(|| view! { <h3>{Msg::Headlines.text(lang)}</h3><dl class="headlines">{headlines}</dl> })}
                    <h3>{Msg::HowRanked.text(lang)}</h3>
                    <p>{Msg::RankingNote.text(lang)}</p>
                    <p>{Msg::MethodsAbout.text(lang)}" "<a href=methods.to_query() on:click=link_click(state.route, methods.clone())>{Msg::NavMethods.text(lang)}</a></p>
                    <h3>{Msg::IndicatorsList.text(lang)}</h3>
                    <div class="table-wrap">
                        <table class="indicator-table cards">
                            <thead><tr>
                                <th scope="col">{Msg::Indicator.text(lang)}</th>
                                <th scope="col">{Msg::Department.text(lang)}</th>
                                <th scope="col">{Msg::Direction.text(lang)}</th>
                                <th scope="col">{Msg::Description.text(lang)}</th>
                            </tr></thead>
                            <tbody>{indicators}</tbody>
                        </table>
                    </div>
                    {super::csv_button(move || state.with_ctx(lang, samiksha_core::present::indicators_csv))}
                    <h3 id="downloads">{Msg::DownloadsHeading.text(lang)}</h3>
                    <ul class="downloads">
                        // The whole dataset as the publisher's CLI wrote it, checked by validate
                        // against the size and SHA-256 the manifest lists.
                        {m.download.as_ref().map(|f| {
                            let size = f.bytes.map(file_size).unwrap_or_default();
                            view! {
                                <li>
                                    <a href=format!("{}{}", state.dir(), f.path) download="" data-download="values">{Msg::DownloadAllValues.fill(lang, &[("size", &size)])}</a>
                                    <p class="method-note">{Msg::DownloadAllValuesNote.text(lang)}</p>
                                </li>
                            }
                        })}
                        <li><a href=if lang == samiksha_core::Lang::Hi { "methodology.hi.md" } else { "methodology.md" } download="" data-download="methodology">{Msg::DownloadMethodology.text(lang)}</a></li>
                    </ul>
                    <h3>{Msg::DataChecks.text(lang)}</h3>
                    {(problem_count == 0).then(|| view! { <p>{Msg::NoProblems.text(lang)}</p> })}
                }
                .into_any(),
            )
        })
    };
    view! {
        <section class="view about-view" aria-labelledby="about-h">{body}</section>
    }
}
