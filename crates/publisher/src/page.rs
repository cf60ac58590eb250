//! The publisher page's components: one labelled file input per role (and a drop zone), the
//! meta form, the options, the problems list, the report, the download and, where the browser
//! can, writing into or reading from a folder of the site. They lay out [`Form`] and what
//! [`Form::build`] returns; deciding and wording live in `form` and `words`.

use crate::form::{Chosen, Form, Kind, Need, Role, RowView, Unmatched};
use crate::words::{for_the_page, hindi, pick, report_hindi, role_help, role_name, Line};
use leptos::prelude::*;
use leptos::task::spawn_local;
use samiksha_core::present::numfmt::format_number;
use samiksha_core::Lang;
use std::sync::Arc;

/// What the last build gave: the folder's files and its zip, or the problems that stopped it.
#[derive(Clone)]
enum Outcome {
    Built {
        zip: Arc<Vec<u8>>,
        /// The zip's files by their path under `data/`, for writing straight into a folder.
        data: Arc<Vec<(String, Vec<u8>)>>,
        folder: Arc<Vec<(String, Vec<u8>)>>,
        files: Vec<(String, usize, String)>,
        report: Vec<Line>,
        commands: Vec<String>,
    },
    /// Each problem, and the row of the officer's file it names, if it names one.
    Refused(Vec<(Line, Option<RowView>)>),
}

/// The library's problem lines in the reader's language first where the page has both, each with
/// the row it names.
fn problem_lines(text: &str, lang: Lang, form: &Form) -> Vec<(Line, Option<RowView>)> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let rows = form.rows_named(&lines);
    lines
        .into_iter()
        .zip(rows)
        .map(|(l, row)| {
            let line = match hindi(l) {
                Some(hi) => Line::both(lang, hi, for_the_page(l)),
                None => Line::english(for_the_page(l), None),
            };
            (line, row)
        })
        .collect()
}

/// A problem's row as a one-row table under its header, the named cell marked (a `<mark>` and
/// the caption's words, not colour alone), scrolled sideways when it is wide.
fn row_view(r: RowView, lang: Lang) -> impl IntoView {
    let t = move |hi: &'static str, en: &'static str| pick(lang, hi, en);
    let place = match lang {
        Lang::Hi => r.place_hi.clone(),
        Lang::En => r.place_en.clone(),
    };
    let caption = match r.column.and_then(|i| r.headers.get(i)) {
        Some(h) => format!("{place}: {} \"{h}\" {}", t("स्तंभ", "column"), t("का खाना चिह्नित है", "is marked")),
        None => place,
    };
    let column = r.column;
    // The caption names the table for a screen reader; a wide row scrolls sideways, so the same
    // words are shown above the scrolling box, where they wrap on a phone instead of being cut.
    view! {
        <p class="row-place" aria-hidden="true">{caption.clone()}</p>
        <div class="row-view">
            <table>
                <caption class="visually-hidden">{caption}</caption>
                <thead><tr>{r.headers.into_iter().enumerate().map(|(i, h)| view! { <th scope="col" class:at=column == Some(i)>{h}</th> }).collect_view()}</tr></thead>
                <tbody><tr>{r.fields.into_iter().enumerate().map(|(i, f)| if column == Some(i) {
                    view! { <td class="at"><mark>{f}</mark></td> }.into_any()
                } else {
                    view! { <td>{f}</td> }.into_any()
                }).collect_view()}</tr></tbody>
            </table>
        </div>
    }
}

/// A line and, beside it, the same in the other language, each marked with its language.
fn line_view(l: Line) -> impl IntoView {
    view! {
        <span lang=l.lang.code()>{l.text}</span>
        {l.other.map(|(o, lang)| view! { <span class="other" lang=lang.code()>{o}</span> })}
    }
}

async fn take(form: RwSignal<Form>, role: Role, file: web_sys::File) {
    let Ok((name, bytes)) = crate::io::read(&file).await else { return };
    let chosen = Chosen::read(role, &name, bytes);
    form.update(|f| f.choose(role, chosen));
}

#[component]
pub fn Page() -> impl IntoView {
    let lang = crate::io::lang();
    let t = move |hi: &'static str, en: &'static str| pick(lang, hi, en);
    let form = RwSignal::new(Form::default());
    let outcome: RwSignal<Option<Outcome>> = RwSignal::new(None);
    // Any change to the inputs makes the last build stale: it is cleared, never offered.
    Effect::new(move |_| {
        form.track();
        outcome.set(None);
    });

    // The datasets already on this site (data/catalog.json beside the page), for the monthly
    // routine without a zip: choosing one fetches its manifest and the files it lists.
    // The site's datasets: (id, title, folder), from its catalogue.
    let site: RwSignal<Vec<(String, String, String)>> = RwSignal::new(Vec::new());
    let site_status: RwSignal<Option<String>> = RwSignal::new(None);
    spawn_local(async move {
        if let Ok(bytes) = crate::io::fetch("data/catalog.json").await {
            let (catalog, _) = samiksha_core::format::catalog::parse_catalog("data/catalog.json", &bytes);
            if let Some(c) = catalog {
                site.set(c.datasets.iter().map(|d| (d.id.clone(), d.title.get(lang).to_string(), d.folder_name().to_string())).collect());
            }
        }
    });
    let on_site = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        if id.is_empty() {
            return;
        }
        site_status.set(Some(t("साइट से लाया जा रहा है…", "Fetching from the site…").to_string()));
        spawn_local(async move {
            // Fetched from the folder the catalogue keeps it in, which need not be its id.
            let folder = site.with_untracked(|s| s.iter().find(|(i, _, _)| *i == id).map(|(_, _, f)| f.clone())).unwrap_or_else(|| id.clone());
            let result = async {
                let dir = format!("data/{folder}/");
                let manifest = crate::io::fetch(&format!("{dir}manifest.json")).await?;
                let mut files = Vec::new();
                for p in crate::form::files_to_fetch(&manifest) {
                    files.push((p.clone(), crate::io::fetch(&format!("{dir}{p}")).await?));
                }
                let catalog = crate::io::fetch("data/catalog.json").await.ok();
                crate::form::site_dataset(&folder, manifest, files, catalog)
            }
            .await;
            match result {
                Ok(chosen) => {
                    site_status.set(None);
                    form.update(|f| f.choose(Role::Current, chosen));
                }
                Err(e) => site_status.set(Some(e)),
            }
        });
    };

    // The same from the site's folder on this computer, where the browser can read one.
    let on_folder = move |_| {
        let want = form.with_untracked(|f| f.id.clone());
        site_status.set(None);
        spawn_local(async move {
            use crate::io::WriteFailure;
            match crate::io::read_site_folder(&want, lang).await {
                Ok((folder, manifest, files, catalog)) => match crate::form::site_dataset(&folder, manifest, files, Some(catalog)) {
                    Ok(chosen) => form.update(|f| f.choose(Role::Current, chosen)),
                    Err(e) => site_status.set(Some(e)),
                },
                Err(WriteFailure::Cancelled) => {}
                Err(WriteFailure::Refused(why)) => site_status.set(Some(why)),
            }
        });
    };
    let can_read_folder = crate::io::can_write_folder();

    let inputs = Role::ALL
        .into_iter()
        .map(|role| {
            let id = format!("file-{}", role.id());
            let on_change = move |ev: leptos::ev::Event| {
                let input: web_sys::HtmlInputElement = event_target(&ev);
                if let Some(file) = crate::io::files(input.files()).into_iter().next() {
                    spawn_local(take(form, role, file));
                }
            };
            let status = move || {
                form.with(|f| {
                    f.files.get(&role).map(|c| {
                        let detail = match &c.kind {
                            Kind::Text(enc) => format!("{} · {}", t("पाठ", "text"), enc.name()),
                            Kind::Workbook(_) => t("वर्कबुक", "workbook").to_string(),
                            Kind::Json => "JSON".to_string(),
                            Kind::Dataset(id, _) => format!("{} \"{id}\"", t("डेटासेट", "dataset")),
                            Kind::Unreadable(why) => why.clone(),
                        };
                        format!("{} ({}, {} {})", c.name, detail, format_number(c.bytes.len() as f64, 0), t("बाइट", "bytes"))
                    })
                })
            };
            let sheets = move || {
                form.with(|f| match f.files.get(&role) {
                    Some(Chosen { kind: Kind::Workbook(sheets), sheet, .. }) => Some((sheets.clone(), sheet.clone())),
                    _ => None,
                })
            };
            let on_sheet = move |ev: leptos::ev::Event| {
                let v = event_target_value(&ev);
                form.update(|f| {
                    if let Some(c) = f.files.get_mut(&role) {
                        c.sheet = if v.is_empty() { None } else { Some(v) };
                    }
                });
            };
            // With the site's dataset chosen, the district list and indicator sheet come from it
            // unless the officer chooses new ones: the monthly routine needs only the values.
            let from_published = move || form.with(|f| f.rebuilt_from_published(role));
            let required = move || role.need() == Need::Required && !from_published();
            let accept = match role {
                Role::Meta | Role::Catalog => ".json",
                Role::Boundaries => ".json,.geojson",
                Role::Current => ".zip",
                _ => ".csv,.txt,.tsv,.xlsx,.xls,.xlsm,.ods",
            };
            view! {
                <li class="role">
                    <label for=id.clone()>
                        <span class="role-name">{role_name(role, lang)}</span>
                        {move || required().then(|| view! { <span class="req">{t(" (ज़रूरी)", " (required)")}</span> })}
                        {move || (from_published() && role.need() == Need::Required).then(|| view! {
                            <span class="req" data-rebuilt=role.id()>{t(" (प्रकाशित डेटासेट से; नई फ़ाइल चुनने पर वही ली जाएगी)", " (from the published dataset, unless you choose a new one)")}</span>
                        })}
                    </label>
                    <span class="help">{role_help(role, lang)}</span>
                    <input type="file" id=id data-role=role.id() accept=accept on:change=on_change/>
                    <span class="status" data-status=role.id()>{status}</span>
                    {(role == Role::Current).then(|| view! {
                        <label for="site-dataset" class="sheet">{t("या इस साइट पर प्रकाशित डेटासेट", "or a dataset published on this site")}" "
                            <select id="site-dataset" on:change=on_site>
                                <option value="">{t("— डेटासेट चुनें —", "— choose a dataset —")}</option>
                                {move || site.get().into_iter().map(|(id, title, _)| view! { <option value=id.clone()>{format!("{title} ({id})")}</option> }).collect_view()}
                            </select>
                        </label>
                        {can_read_folder.then(|| view! {
                            " "<button type="button" id="site-folder" on:click=on_folder>{t("या इस कंप्यूटर पर रखा साइट का फ़ोल्डर चुनें…", "or choose the site's folder on this computer…")}</button>
                        })}
                        <span class="status" role="status">{move || site_status.get()}</span>
                    })}
                    {move || sheets().map(|(list, chosen)| {
                        let sid = format!("sheet-{}", role.id());
                        let label_for = sid.clone();
                        view! {
                            <label for=label_for class="sheet">{t("शीट", "Sheet")}" "
                                <select id=sid data-sheet-for=role.id() on:change=on_sheet>
                                    <option value="" selected=chosen.is_none()>{t("— शीट चुनें —", "— choose a sheet —")}</option>
                                    {list.into_iter().map(|s| { let sel = chosen.as_deref() == Some(s.as_str()); view! { <option value=s.clone() selected=sel>{s.clone()}</option> } }).collect_view()}
                                </select>
                            </label>
                        }
                    })}
                </li>
            }
        })
        .collect_view();

    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        let files = crate::io::files(ev.data_transfer().and_then(|d| d.files()));
        for file in files {
            spawn_local(async move {
                let Ok((name, bytes)) = crate::io::read(&file).await else { return };
                // A workbook serves every role it has a sheet for; another file the role its
                // name says.
                let probe = Chosen::read(Role::Values, &name, bytes.clone());
                let roles = Role::for_drop(&name, &probe.kind);
                form.update(|f| {
                    for role in roles {
                        f.choose(role, Chosen::read(role, &name, bytes.clone()));
                    }
                });
            });
        }
    };

    let text_field = move |id: &'static str, hi: &'static str, en: &'static str, get: fn(&Form) -> String, set: fn(&mut Form, String)| {
        view! {
            <p class="field">
                <label for=id>{t(hi, en)}</label>
                <input type="text" id=id name=id prop:value=move || form.with(get) on:change=move |ev| { let v = event_target_value(&ev); form.update(|f| set(f, v)) }/>
            </p>
        }
    };

    let build = move |_| {
        let f = form.get_untracked();
        let missing = f.missing();
        let result = if !missing.is_empty() {
            Outcome::Refused(missing.into_iter().map(|m| (Line::both(lang, m.hi, m.en), None)).collect())
        } else {
            match f.build() {
                Ok((bundle, commands)) => match samiksha_publish::bundle::zip(&bundle.files) {
                    Ok(zip) => Outcome::Built {
                        zip: Arc::new(zip),
                        data: Arc::new(bundle.files.clone()),
                        folder: Arc::new(f.preview_folder(&bundle)),
                        files: bundle.files.iter().map(|(n, b)| (format!("data/{n}"), b.len(), samiksha_core::sha256_hex(b))).collect(),
                        // Each report line in the reader's language first where the page has both.
                        report: bundle
                            .report
                            .into_iter()
                            .map(|r| {
                                let hi = r.hi.or_else(|| report_hindi(&r.en));
                                match hi {
                                    Some(hi) => Line::both(lang, hi, r.en),
                                    None => Line::english(r.en, None),
                                }
                            })
                            .collect(),
                        commands,
                    },
                    Err(e) => Outcome::Refused(problem_lines(&e, lang, &f)),
                },
                Err(e) => Outcome::Refused(problem_lines(&e, lang, &f)),
            }
        };
        outcome.set(Some(result));
        // The outcome's heading takes the focus, so a keyboard or screen-reader user is told at
        // once whether the folder was built.
        request_animation_frame(|| {
            use wasm_bindgen::JsCast;
            if let Some(h) = document().get_element_by_id("outcome").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = h.focus();
            }
        });
    };

    let download_refused = RwSignal::new(false);
    let download = move |_| {
        if let Some(Outcome::Built { zip, .. }) = outcome.get_untracked() {
            let id = form.with_untracked(|f| f.id.clone());
            download_refused.set(!crate::io::download(&format!("samiksha-{id}.zip"), "application/zip", &zip));
        }
    };

    // Where the browser can write into a folder, the built files go straight into the site's.
    let written: RwSignal<Option<String>> = RwSignal::new(None);
    let write_folder = move |_| {
        let Some(Outcome::Built { data, .. }) = outcome.get_untracked() else { return };
        written.set(None);
        spawn_local(async move {
            use crate::io::WriteFailure;
            let said = match crate::io::write_folder(&data).await {
                Ok((name, n)) => Some(match (lang, name == "data") {
                    (Lang::Hi, true) => format!("{n} फ़ाइलें “data” फ़ोल्डर में सहेजी गईं।"),
                    (Lang::Hi, false) => format!("{n} फ़ाइलें “{name}” फ़ोल्डर के data/ में सहेजी गईं।"),
                    (Lang::En, true) => format!("{n} files written into the folder “data”."),
                    (Lang::En, false) => format!("{n} files written under data/ in the folder “{name}”."),
                }),
                Err(WriteFailure::Cancelled) => None,
                Err(WriteFailure::Refused(at)) => Some(match lang {
                    Lang::Hi => format!("ब्राउज़र ने फ़ोल्डर में फ़ाइलें सहेजने नहीं दीं ({at}); इसके बजाय .zip डाउनलोड करके साइट के फ़ोल्डर में अनज़िप करें।"),
                    Lang::En => format!("The browser did not let the page write into the folder ({at}); download the .zip and unzip it instead."),
                }),
            };
            written.set(said);
        });
    };
    let can_write_folder = crate::io::can_write_folder();

    let preview_status: RwSignal<Option<String>> = RwSignal::new(None);
    let preview = move |_| {
        let Some(Outcome::Built { folder, .. }) = outcome.get_untracked() else { return };
        let (en, hi) = form.with_untracked(|f| (f.meta.title_en.clone(), f.meta.title_hi.clone()));
        spawn_local(async move {
            let title_en = format!("Preview: {en}");
            let title_hi = format!("पूर्वावलोकन: {hi}");
            preview_status.set(crate::io::preview(&title_en, &title_hi, &folder, lang).await.err());
        });
    };

    let other = match lang {
        Lang::Hi => view! { <a href="?lang=en" hreflang="en" lang="en">"English"</a> },
        Lang::En => view! { <a href="?lang=hi" hreflang="hi" lang="hi">"हिंदी"</a> },
    };

    view! {
        <header class="bar">
            <h1>{t("अपने आँकड़े प्रकाशित करें", "Publish your own data")}</h1>
            <nav>{other}" · "<a href="./">{t("समीक्षा पर लौटें", "Back to Samiksha")}</a></nav>
        </header>
        <main id="main">
            <p class="lead">{t(
                "अपनी CSV फ़ाइलें या Excel वर्कबुक चुनें। यह पेज उन्हें इसी ब्राउज़र में जाँचता है और साइट पर रखने के लिए data/ फ़ोल्डर की .zip फ़ाइल बनाता है। आपकी फ़ाइलें कहीं नहीं भेजी जातीं।",
                "Choose your CSV files or Excel workbooks. This page checks them in this browser and builds a .zip of the data/ folder to put on the site. Your files are never sent anywhere.",
            )}</p>
            <section aria-labelledby="step-files">
                <h2 id="step-files">{t("1. आपकी फ़ाइलें", "1. Your files")}</h2>
                <div class="drop" on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                    {t("फ़ाइलें यहाँ खींचकर छोड़ें (ड्रैग-ड्रॉप): हर फ़ाइल अपने नाम (जैसे values.csv) या वर्कबुक की शीटों के नाम से अपनी जगह पहुँच जाती है।", "Drop files here: each goes to its place by its name (values.csv) or by a workbook's sheet names.")}
                </div>
                <ul class="roles">{inputs}</ul>
            </section>
            <section aria-labelledby="step-meta">
                <h2 id="step-meta">{t("2. डेटासेट के बारे में", "2. About the dataset")}</h2>
                {text_field("id", "पहचान (साइट पर फ़ोल्डर का नाम, जैसे mp-review)", "Id (the folder's name on the site, e.g. mp-review)", |f| f.id.clone(), |f, v| f.id = v.trim().to_string())}
                {text_field("title_en", "शीर्षक (अंग्रेज़ी)", "Title (English)", |f| f.meta.title_en.clone(), |f, v| f.meta.title_en = v)}
                {text_field("title_hi", "शीर्षक (हिंदी)", "Title (Hindi)", |f| f.meta.title_hi.clone(), |f, v| f.meta.title_hi = v)}
                {text_field("publisher_en", "प्रकाशक (अंग्रेज़ी)", "Publisher (English)", |f| f.meta.publisher_en.clone(), |f, v| f.meta.publisher_en = v)}
                {text_field("publisher_hi", "प्रकाशक (हिंदी)", "Publisher (Hindi)", |f| f.meta.publisher_hi.clone(), |f, v| f.meta.publisher_hi = v)}
                {text_field("licence_en", "लाइसेंस (अंग्रेज़ी)", "Licence (English)", |f| f.meta.licence_en.clone(), |f, v| f.meta.licence_en = v)}
                {text_field("licence_hi", "लाइसेंस (हिंदी)", "Licence (Hindi)", |f| f.meta.licence_hi.clone(), |f, v| f.meta.licence_hi = v)}
                {text_field("licence_url", "लाइसेंस का वेब पता (URL, वैकल्पिक)", "Licence address (optional)", |f| f.meta.licence_url.clone(), |f, v| f.meta.licence_url = v)}
                {text_field("updated", "आँकड़ों की तारीख़ (YYYY-MM-DD)", "Date of the figures (YYYY-MM-DD)", |f| f.meta.updated.clone(), |f, v| f.meta.updated = v)}
            </section>
            <section aria-labelledby="step-options">
                <h2 id="step-options">{t("3. विकल्प", "3. Options")}</h2>
                <p class="field check">
                    <input type="checkbox" id="allow_unmatched" name="allow_unmatched"
                        prop:checked=move || form.with(|f| f.unmatched == Unmatched::LeaveOut)
                        on:change=move |ev| { let on = event_target_checked(&ev); form.update(|f| f.unmatched = if on { Unmatched::LeaveOut } else { Unmatched::Refuse }) }/>
                    <label for="allow_unmatched">{t(
                        "जो ज़िले या संकेतक सूची से मेल नहीं खाते, उनकी पंक्तियाँ छोड़ दें (प्रकाशित नहीं होंगी; रिपोर्ट में हर नाम और पंक्तियों की संख्या दिखेगी)",
                        "Leave out rows whose district or indicator matches nothing in the lists (they are not published; the report names each and how many rows)",
                    )}</label>
                </p>
                <details>
                    <summary>{t("और विकल्प: स्तंभों के नाम, चौड़ी फ़ाइल (हर अवधि का अलग स्तंभ), सीमाओं का स्रोत", "More options: column names, wide files, where the boundaries come from")}</summary>
                    {text_field("district_column", "ज़िले का स्तंभ (डिफ़ॉल्ट district)", "District column (default district)", |f| f.district_column.clone(), |f, v| f.district_column = v)}
                    {text_field("indicator_column", "संकेतक का स्तंभ (डिफ़ॉल्ट indicator)", "Indicator column (default indicator)", |f| f.indicator_column.clone(), |f, v| f.indicator_column = v)}
                    <p class="field">
                        <label for="periods">{t("चौड़ी फ़ाइल की अवधियाँ, हर पंक्ति में एक: id=value_column[:flag_column][@year]", "A wide file's periods, one a line: id=value_column[:flag_column][@year]")}</label>
                        <textarea id="periods" name="periods" rows="3" prop:value=move || form.with(|f| f.periods.clone()) on:change=move |ev| { let v = event_target_value(&ev); form.update(|f| f.periods = v) }></textarea>
                    </p>
                    {text_field("boundary_source_en", "सीमाओं का स्रोत (अंग्रेज़ी)", "Where the boundaries come from (English)", |f| f.boundary_source_en.clone(), |f, v| f.boundary_source_en = v)}
                    {text_field("boundary_source_hi", "सीमाओं का स्रोत (हिंदी)", "Where the boundaries come from (Hindi)", |f| f.boundary_source_hi.clone(), |f, v| f.boundary_source_hi = v)}
                </details>
            </section>
            <section aria-labelledby="step-check">
                <h2 id="step-check">{t("4. जाँचें और बनाएँ", "4. Check and build")}</h2>
                <button type="button" id="build" class="primary" on:click=build>{t("जाँचें और फ़ोल्डर बनाएँ", "Check and build the folder")}</button>
                <div aria-live="polite">
                {move || outcome.get().map(|o| match o {
                    Outcome::Refused(lines) => view! {
                        <div class="problems" role="alert">
                            <h3 id="outcome" tabindex="-1">{t("ठीक करने के लिए समस्याएँ (कुछ भी डाउनलोड के लिए नहीं बना)", "Problems to fix (nothing was built for download)")}</h3>
                            <ol>{lines.into_iter().map(|(l, row)| view! { <li class="problem">{line_view(l)}{row.map(|r| row_view(r, lang))}</li> }).collect_view()}</ol>
                        </div>
                    }.into_any(),
                    Outcome::Built { files, report, commands, .. } => view! {
                        <div class="built">
                            <h3 id="outcome" tabindex="-1">{t("फ़ोल्डर तैयार है: सभी जाँचें सफल रहीं", "The folder is ready: every check passed")}</h3>
                            <button type="button" id="download" class="primary" on:click=download>{t("फ़ोल्डर डाउनलोड करें (.zip)", "Download the folder (.zip)")}</button>" "
                            {can_write_folder.then(|| view! {
                                <button type="button" id="write-folder" on:click=write_folder>{t("फ़ाइलें सीधे साइट के फ़ोल्डर में सहेजें…", "Write into the site's folder…")}</button>" "
                            })}
                            <button type="button" id="preview" on:click=preview>{t("जनता को जैसा दिखेगा, वैसा देखें (नए टैब में)", "See it as the public will (in a new tab)")}</button>
                            <span class="status" role="status" id="written">{move || written.get()}</span>
                            <span class="status" role="status">{move || download_refused.get().then(|| t("ब्राउज़र ने डाउनलोड रोक दिया; ब्राउज़र की डाउनलोड अनुमति जाँचें और फिर से दबाएँ।", "The browser refused the download; check its download permission and press again."))}</span>
                            <span class="status" role="status">{move || preview_status.get().map(|e| format!("{}: {e}", t("पूर्वावलोकन नहीं खुल सका", "The preview could not open")))}</span>
                            <p>{t("zip फ़ाइल को साइट के फ़ोल्डर में एक्सट्रैक्ट (अनज़िप) करें: इससे data/ के अंदर की फ़ाइलें बदल जाएँगी।", "Unzip it into the site's folder: it replaces the files under data/.")}</p>
                            {can_write_folder.then(|| view! {
                                <p>{t("या “फ़ाइलें सीधे साइट के फ़ोल्डर में सहेजें” बटन दबाकर साइट का फ़ोल्डर (या उसका data/ फ़ोल्डर) चुनें: वही फ़ाइलें वहाँ सहेजी जाएँगी; manifest.json और catalog.json सबसे आख़िर में।", "Or choose the site's folder (or its data/ folder) with “Write into the site's folder”: the same files are written there, manifest.json and catalog.json last.")}</p>
                            })}
                            <table class="files">
                                <caption>{t("फ़ोल्डर की फ़ाइलें", "The folder's files")}</caption>
                                <thead><tr><th scope="col">{t("फ़ाइल", "File")}</th><th scope="col">{t("बाइट", "Bytes")}</th><th scope="col">"SHA-256"</th></tr></thead>
                                <tbody>{files.into_iter().map(|(n, b, h)| view! { <tr><td>{n}</td><td class="num">{format_number(b as f64, 0)}</td><td><code title=h.clone()>{h[..12].to_string()}"…"</code></td></tr> }).collect_view()}</tbody>
                            </table>
                            <h3>{t("रिपोर्ट", "Report")}</h3>
                            <ul class="report">{report.into_iter().map(|l| view! { <li>{line_view(l)}</li> }).collect_view()}</ul>
                            <details>
                                <summary>{t("यही काम कमांड लाइन से", "The same from the command line")}</summary>
                                <pre lang="en">{commands.join("\n")}</pre>
                            </details>
                        </div>
                    }.into_any(),
                })}
                </div>
            </section>
        </main>
    }
}
