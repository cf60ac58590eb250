//! About the data: what the dataset is, who publishes it, its sources and licence, the state
//! headline figures, how ranks are computed, every indicator's definition, the downloads (every
//! value as one CSV, the methodology), and the data checks.

use crate::nav::link_click;
use crate::state::AppState;
use leptos::prelude::*;
use samiksha_core::present::i18n::Msg;

#[component]
pub fn AboutView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let body = move || {
        let lang = state.lang.get();
        let problem_count = state.problems.with(|p| p.len());
        let about = state.read_ctx(lang, samiksha_core::present::about::model)?;
        let headlines = about
            .headlines
            .iter()
            .map(|h| {
                view! {
                    <div class="headline">
                        <dt>{h.label.clone()}</dt>
                        <dd>
                            <span class="headline-value">{h.value.clone()}</span>
                            {h.note.clone().map(|n| view! { <span class="headline-note">{n}</span> })}
                        </dd>
                    </div>
                }
            })
            .collect_view();
        let indicators = about
            .indicators
            .into_iter()
            .map(|i| {
                view! {
                    <tr data-indicator=i.id.clone()>
                        <th scope="row">{i.name}<br/><code>{i.id.clone()}</code></th>
                        <td data-label=Msg::Department.text(lang)>{i.department}</td>
                        <td data-label=Msg::Direction.text(lang)>{i.direction}</td>
                        <td data-label=Msg::Description.text(lang)>{i.description}" "<em>{i.source}</em></td>
                    </tr>
                }
            })
            .collect_view();
        let methods = state.route.with(|r| samiksha_core::route::Route { view: samiksha_core::route::View::Methods, ..r.clone() });
        let sources = about.sources.into_iter().map(|s| view! { <li>{s}</li> }).collect_view();
        let has_headlines = !about.headlines.is_empty();
        Some(view! {
            <h2 id="about-h">{Msg::AboutDataset.text(lang)}</h2>
            <p>{about.description}</p>
            <dl class="facts">
                <div><dt>{Msg::Publisher.text(lang)}</dt><dd>{about.publisher}</dd></div>
                <div><dt>{Msg::DataAsOf.text(lang)}</dt><dd>{about.updated}</dd></div>
                <div><dt>{Msg::Licence.text(lang)}</dt><dd>{about.licence}</dd></div>
            </dl>
            <h3>{Msg::Source.text(lang)}</h3>
            <ul>{sources}</ul>
            {has_headlines.then(|| view! { <h3>{Msg::Headlines.text(lang)}</h3><dl class="headlines">{headlines}</dl> })}
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
                {about.download.map(|f| view! {
                    <li>
                        <a href=format!("{}{}", state.dir(), f.path) download="" data-download="values">{f.text}</a>
                        <p class="method-note">{Msg::DownloadAllValuesNote.text(lang)}</p>
                    </li>
                })}
                <li><a href=about.methodology_file download="" data-download="methodology">{Msg::DownloadMethodology.text(lang)}</a></li>
            </ul>
            <h3>{Msg::DataChecks.text(lang)}</h3>
            {(problem_count == 0).then(|| view! { <p>{Msg::NoProblems.text(lang)}</p> })}
        }
        .into_any())
    };
    view! {
        <section class="view about-view" aria-labelledby="about-h">{body}</section>
    }
}
