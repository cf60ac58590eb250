//! The core's layers look only down: `format` → `analysis` → `route` → `present`, and the
//! modules import one another without a cycle. Read from the source files' `crate::` and
//! `super::` paths, so a new import that breaks either rule fails here with the file named.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers from the bottom up; a module may use its own layer and those before it.
const LAYERS: [&str; 4] = ["format", "analysis", "route", "present"];

/// A module: its path from the crate root, e.g. `["present", "map"]` (a `mod.rs` is its folder).
type Module = Vec<String>;

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            source_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn module_of(root: &Path, file: &Path) -> Module {
    let rel = file.strip_prefix(root).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|l| l == "mod" || l == "lib") {
        parts.pop();
    }
    parts
}

/// The code of a file without its comments and without its `#[cfg(test)]` modules (tests sit
/// beside what they test and may use anything): each such module is cut to its matching brace.
fn code(text: &str) -> String {
    let text: String = text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        // The item the attribute marks runs to the brace that closes its first `{`.
        let Some(open) = after.find('{') else { break };
        let mut depth = 0;
        let mut end = after.len();
        for (k, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + k + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Every path after `crate::` or `super::` in `code`, as its identifiers up to a `{` or `*`.
fn paths(code: &str, of: &Module) -> Vec<Module> {
    let mut out = Vec::new();
    for (prefix, base) in [("crate::", Vec::new()), ("super::", of[..of.len().saturating_sub(1)].to_vec())] {
        let mut rest = code;
        while let Some(i) = rest.find(prefix) {
            let before = rest[..i].chars().next_back();
            rest = &rest[i + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let mut path = base.clone();
            let mut tail = rest;
            loop {
                let end = tail.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(tail.len());
                if end == 0 {
                    break;
                }
                path.push(tail[..end].to_string());
                tail = &tail[end..];
                match tail.strip_prefix("::") {
                    Some(t) => tail = t,
                    None => break,
                }
            }
            assert!(path.len() > base.len() || prefix == "super::", "a `{prefix}` path this checker cannot read (a grouped import?) in {}", of.join("::"));
            out.push(path);
        }
    }
    out
}

/// The longest known module a path starts with; the crate's own re-exports (`crate::Dataset`,
/// `crate::Lang`, `crate::FORMAT`) are the format layer's.
fn resolve(path: &Module, modules: &BTreeSet<Module>) -> Option<Module> {
    (1..=path.len()).rev().map(|n| path[..n].to_vec()).find(|m| modules.contains(m)).or_else(|| {
        let reexported = ["Dataset", "Problem", "ProblemKind", "ReadFailure", "Severity", "Bilingual", "Lang", "FORMAT", "sha256_hex"];
        (path.len() == 1 && reexported.contains(&path[0].as_str())).then(|| vec!["format".to_string()])
    })
}

fn layer(m: &Module) -> Option<usize> {
    LAYERS.iter().position(|l| m.first().is_some_and(|f| f == l))
}

struct Graph {
    edges: BTreeMap<Module, BTreeSet<Module>>,
}

fn graph() -> Graph {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&root, &mut files);
    let modules: BTreeSet<Module> = files.iter().map(|f| module_of(&root, f)).collect();
    let mut edges = BTreeMap::new();
    for f in &files {
        let m = module_of(&root, f);
        let text = std::fs::read_to_string(f).unwrap();
        let used: BTreeSet<Module> = paths(&code(&text), &m).iter().filter_map(|p| resolve(p, &modules)).filter(|u| *u != m).collect();
        edges.insert(m, used);
    }
    Graph { edges }
}

fn name(m: &Module) -> String {
    if m.is_empty() {
        "lib".into()
    } else {
        m.join("::")
    }
}

#[test]
fn no_module_imports_from_a_layer_above_its_own() {
    let g = graph();
    assert!(g.edges.len() > 30, "the source tree was not found: {} modules", g.edges.len());
    let mut wrong = Vec::new();
    for (m, used) in &g.edges {
        let Some(own) = layer(m) else { continue };
        for u in used {
            match layer(u) {
                Some(l) if l <= own => {}
                Some(l) => wrong.push(format!("{} ({}) uses {} ({})", name(m), LAYERS[own], name(u), LAYERS[l])),
                None => wrong.push(format!("{} ({}) uses {}, which is in no layer", name(m), LAYERS[own], name(u))),
            }
        }
    }
    assert!(wrong.is_empty(), "imports that look up a layer:\n{}", wrong.join("\n"));
}

/// A layer's `mod.rs` may name its children and they may use what it defines (that is how a
/// Rust module tree is built), so a parent–child pair is not counted as a cycle; any other
/// loop is.
#[test]
fn modules_import_one_another_without_a_cycle() {
    let g = graph();
    let is_parent = |a: &Module, b: &Module| b.len() == a.len() + 1 && b.starts_with(a);
    let next = |m: &Module| -> Vec<Module> {
        g.edges.get(m).map(|s| s.iter().filter(|u| !is_parent(u, m) && !is_parent(m, u)).cloned().collect()).unwrap_or_default()
    };
    // Depth-first search with colours; a grey node met again closes a cycle.
    #[derive(Clone, Copy, PartialEq)]
    enum Seen {
        Open,
        Done,
    }
    let mut seen: BTreeMap<Module, Seen> = BTreeMap::new();
    let mut cycles = Vec::new();
    fn visit(m: &Module, next: &dyn Fn(&Module) -> Vec<Module>, seen: &mut BTreeMap<Module, Seen>, stack: &mut Vec<Module>, cycles: &mut Vec<String>) {
        seen.insert(m.clone(), Seen::Open);
        stack.push(m.clone());
        for u in next(m) {
            match seen.get(&u) {
                Some(Seen::Open) => {
                    let from = stack.iter().position(|s| *s == u).unwrap_or(0);
                    let mut names: Vec<String> = stack[from..].iter().map(name).collect();
                    names.push(name(&u));
                    cycles.push(names.join(" → "));
                }
                Some(Seen::Done) => {}
                None => visit(&u, next, seen, stack, cycles),
            }
        }
        stack.pop();
        seen.insert(m.clone(), Seen::Done);
    }
    for m in g.edges.keys() {
        if !seen.contains_key(m) {
            visit(m, &next, &mut seen, &mut Vec::new(), &mut cycles);
        }
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

/// The checker itself: a made-up upward import and a made-up cycle are both found.
#[test]
fn the_checker_sees_an_upward_import_and_a_cycle() {
    let m: Module = vec!["format".into(), "manifest".into()];
    let found = paths(
        &code(
            "use crate::route::SubjectId; // crate::present::x\nfn f() { super::values::g() }\n#[cfg(test)]\nmod tests { use crate::present::y; }\nfn h() {}",
        ),
        &m,
    );
    assert_eq!(found, vec![vec!["route".to_string(), "SubjectId".into()], vec!["format".into(), "values".into(), "g".into()]]);
    let modules: BTreeSet<Module> = [vec!["route".to_string()], vec!["format".into(), "values".into()]].into_iter().collect();
    assert_eq!(resolve(&found[0], &modules), Some(vec!["route".to_string()]));
    assert!(layer(&vec!["route".into()]) > layer(&m));
    // Code after a test module is still read.
    let after = paths(&code("#[cfg(test)]\nmod tests { fn a() { if x { } } }\nuse crate::present::z;"), &m);
    assert_eq!(after, vec![vec!["present".to_string(), "z".into()]]);
    assert_eq!(resolve(&vec!["Lang".into()], &modules), Some(vec!["format".to_string()]));
}
