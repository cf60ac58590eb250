//! Reads the project's own documents (the methodology, in Hindi and English) from the small
//! subset of Markdown they are written in, into blocks a view lays out as HTML elements.
//!
//! Only documents shipped with the app are read this way, never dataset text, and nothing
//! becomes HTML markup: every piece is text placed in an element. The subset: `#` headings
//! (an `<a id="…"></a>` line before one sets its anchor), paragraphs, `-` and `1.` lists
//! (nested by two spaces or more), fenced code, pipe tables, and inline `**strong**`,
//! `` `code` `` and `[text](url)` links. Anything else is shown as the text it is.

/// A run of text within a block.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text(String),
    Strong(String),
    Code(String),
    /// Link text and address.
    Link(String, String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub text: Vec<Inline>,
    pub children: Vec<Item>,
    pub ordered_children: bool,
    /// Text after the nested list, at the item's own indent.
    pub tail: Vec<Inline>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Level (1–6), anchor, text.
    Heading(u8, String, Vec<Inline>),
    Paragraph(Vec<Inline>),
    List {
        ordered: bool,
        items: Vec<Item>,
    },
    /// The fence's info string and the code.
    Code(String, String),
    Table {
        head: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
}

/// The anchor a heading gets without an explicit one: lower-case ASCII letters and digits,
/// other runs joined by a dash (an all-Hindi heading gets `section-N`).
fn slug(text: &str, n: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        format!("section-{n}")
    } else {
        out
    }
}

/// Splits a line of text into inline runs.
pub fn inline(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        let found = if let Some(after) = rest.strip_prefix("**") {
            after.find("**").map(|end| (Inline::Strong(after[..end].to_string()), 2 + end + 2))
        } else if let Some(after) = rest.strip_prefix('`') {
            after.find('`').map(|end| (Inline::Code(after[..end].to_string()), 1 + end + 1))
        } else if let Some(after) = rest.strip_prefix('[') {
            after.find("](").and_then(|mid| {
                let tail = &after[mid + 2..];
                tail.find(')').map(|end| (Inline::Link(after[..mid].to_string(), tail[..end].to_string()), 1 + mid + 2 + end + 1))
            })
        } else {
            None
        };
        match found {
            Some((run, used)) => {
                if !plain.is_empty() {
                    out.push(Inline::Text(std::mem::take(&mut plain)));
                }
                out.push(run);
                rest = &rest[used..];
            }
            None => {
                let c = rest.chars().next().unwrap_or(' ');
                plain.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    if !plain.is_empty() {
        out.push(Inline::Text(plain));
    }
    out
}

/// A list item's marker, if the line starts one: (indent, ordered, text).
fn list_marker(line: &str) -> Option<(usize, bool, &str)> {
    let indent = line.len() - line.trim_start().len();
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")) {
        return Some((indent, false, rest));
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && t[digits..].starts_with(". ") {
        return Some((indent, true, &t[digits + 2..]));
    }
    None
}

fn cells(line: &str) -> Vec<Vec<Inline>> {
    let t = line.trim().trim_start_matches('|').trim_end_matches('|');
    t.split('|').map(|c| inline(c.trim())).collect()
}

/// Appends a continuation line to the last item: to its nested list's last item when indented
/// deeper than that list's markers, otherwise after the nested list, as the item's own text.
fn continue_item(items: &mut [Item], text: &str, indent: usize, child_indent: usize) {
    let Some(last) = items.last_mut() else { return };
    let target = if last.children.is_empty() {
        &mut last.text
    } else if indent > child_indent {
        match last.children.last_mut() {
            Some(child) => &mut child.text,
            None => &mut last.tail,
        }
    } else {
        &mut last.tail
    };
    if !target.is_empty() {
        target.push(Inline::Text(" ".into()));
    }
    target.extend(inline(text));
}

/// Reads a document. Never fails: what is not understood is kept as text.
pub fn parse(src: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para: Vec<String> = Vec::new();
    let mut list: Option<(bool, Vec<Item>)> = None;
    let mut anchor: Option<String> = None;
    let mut headings = 0usize;
    let mut child_indent = 0usize;
    let mut lines = src.lines().peekable();
    let flush = |blocks: &mut Vec<Block>, para: &mut Vec<String>, list: &mut Option<(bool, Vec<Item>)>| {
        if !para.is_empty() {
            blocks.push(Block::Paragraph(inline(&para.join(" "))));
            para.clear();
        }
        if let Some((ordered, items)) = list.take() {
            blocks.push(Block::List { ordered, items });
        }
    };
    while let Some(line) = lines.next() {
        let t = line.trim();
        if let Some(info) = t.strip_prefix("```") {
            flush(&mut blocks, &mut para, &mut list);
            let mut code = Vec::new();
            for l in lines.by_ref() {
                if l.trim_start().starts_with("```") {
                    break;
                }
                code.push(l);
            }
            blocks.push(Block::Code(info.trim().to_string(), code.join("\n")));
        } else if let Some(id) = t.strip_prefix("<a id=\"").and_then(|r| r.strip_suffix("\"></a>")) {
            flush(&mut blocks, &mut para, &mut list);
            anchor = Some(id.to_string());
        } else if t.starts_with('#') && t.trim_start_matches('#').starts_with(' ') {
            flush(&mut blocks, &mut para, &mut list);
            let level = t.bytes().take_while(|&b| b == b'#').count().min(6) as u8;
            let text = t[level as usize..].trim();
            headings += 1;
            let id = anchor.take().unwrap_or_else(|| slug(text, headings));
            blocks.push(Block::Heading(level, id, inline(text)));
        } else if t.starts_with('|') {
            flush(&mut blocks, &mut para, &mut list);
            let head = cells(t);
            let mut rows = Vec::new();
            while let Some(next) = lines.peek() {
                let n = next.trim();
                if !n.starts_with('|') {
                    break;
                }
                // The line of dashes under the header is not a row.
                if !n.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
                    rows.push(cells(n));
                }
                lines.next();
            }
            blocks.push(Block::Table { head, rows });
        } else if t.is_empty() {
            flush(&mut blocks, &mut para, &mut list);
        } else if let Some((indent, ordered, text)) = list_marker(line) {
            if !para.is_empty() {
                flush(&mut blocks, &mut para, &mut list);
            }
            let item = Item { text: inline(text), children: Vec::new(), ordered_children: false, tail: Vec::new() };
            match (&mut list, indent >= 2) {
                (Some((_, items)), true) if !items.is_empty() => {
                    child_indent = indent;
                    let parent = items.last_mut().expect("not empty");
                    parent.ordered_children = ordered;
                    parent.children.push(item);
                }
                (Some((_, items)), _) => items.push(item),
                (None, _) => list = Some((ordered, vec![item])),
            }
        } else if let Some((_, items)) = &mut list {
            continue_item(items, t, line.len() - line.trim_start().len(), child_indent);
        } else {
            para.push(t.to_string());
        }
    }
    flush(&mut blocks, &mut para, &mut list);
    blocks
}

/// The plain text of a run of inlines.
pub fn plain(runs: &[Inline]) -> String {
    runs.iter()
        .map(|r| match r {
            Inline::Text(s) | Inline::Strong(s) | Inline::Code(s) => s.as_str(),
            Inline::Link(s, _) => s.as_str(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_subset_and_keeps_the_rest_as_text() {
        let src = "# Title\n\nA **bold** claim with `code` and [a link](https://example.org).\ncontinued.\n\n<a id=\"composite\"></a>\n## समग्र सूचकांक\n- one\n  - nested\n    more of nested\n  after nested\n- two\n\n1. first\n2. second\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```json x\n{\"k\": 1}\n```\n<b>not html</b>\n";
        let b = parse(src);
        assert_eq!(b[0], Block::Heading(1, "title".into(), vec![Inline::Text("Title".into())]));
        let Block::Paragraph(p) = &b[1] else { panic!("{:?}", b[1]) };
        assert!(p.contains(&Inline::Strong("bold".into())) && p.contains(&Inline::Code("code".into())));
        assert!(p.contains(&Inline::Link("a link".into(), "https://example.org".into())));
        assert!(plain(p).ends_with("continued."));
        assert!(matches!(&b[2], Block::Heading(2, id, _) if id == "composite"));
        let Block::List { ordered: false, items } = &b[3] else { panic!("{:?}", b[3]) };
        assert_eq!(items.len(), 2);
        assert_eq!(plain(&items[0].children[0].text), "nested more of nested");
        assert_eq!(plain(&items[0].tail), "after nested");
        assert!(matches!(&b[4], Block::List { ordered: true, items } if items.len() == 2));
        let Block::Table { head, rows } = &b[5] else { panic!("{:?}", b[5]) };
        assert_eq!((head.len(), rows.len()), (2, 1));
        assert_eq!(b[6], Block::Code("json x".into(), "{\"k\": 1}".into()));
        assert_eq!(b[7], Block::Paragraph(vec![Inline::Text("<b>not html</b>".into())]));
        // Unclosed markers stay as text.
        assert_eq!(inline("a ** b ` c [d"), vec![Inline::Text("a ** b ` c [d".into())]);
    }
}
