//! A JSON walker that records problems with their paths instead of stopping at the first one.
//!
//! Parsing goes bytes → `serde_json::Value` (read in one pass that also notes repeated keys)
//! → typed model by hand, because serde's derive stops at the first error and loses the path;
//! publishers need every problem at once.

use crate::format::problem::{Expected, Problem, ProblemKind, Severity};
use crate::format::text::Bilingual;
use serde::de::DeserializeSeed;
use serde_json::{Map, Value};

pub(crate) struct Walk<'p> {
    pub file: String,
    pub problems: &'p mut Vec<Problem>,
}

/// Parses bytes as JSON, recording an error instead of failing loudly. serde_json refuses
/// NaN/Infinity literals and nesting deeper than 128 levels with an error, never a panic.
pub(crate) fn parse_json(file: &str, bytes: &[u8], problems: &mut Vec<Problem>) -> Option<Value> {
    let trimmed = bytes.iter().all(|b| b.is_ascii_whitespace());
    let push = |problems: &mut Vec<Problem>, kind| problems.push(Problem { severity: Severity::Error, file: file.to_string(), path: "$".into(), kind });
    if trimmed {
        push(problems, ProblemKind::EmptyFile);
        return None;
    }
    // A UTF-8 byte-order mark is common in files exported from spreadsheets; accept it.
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let mut repeated = Vec::new();
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let read = Read { at: &At::Root, repeated: &mut repeated }.deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    match read {
        // serde_json keeps the last of two equal keys without a word; a file that says two
        // things in one place is refused instead, naming each repeated key's place.
        Ok(_) if !repeated.is_empty() => {
            for (path, key) in repeated {
                problems.push(Problem { severity: Severity::Error, file: file.to_string(), path, kind: ProblemKind::DuplicateKey { key } });
            }
            None
        }
        Ok(v) => Some(v),
        Err(e) => {
            push(problems, ProblemKind::NotJson { detail: e.to_string() });
            None
        }
    }
}

/// Where the reader is in the document: a chain from the root, turned into a JSON path only
/// when a repeated key is found. (Formatting every element's path up front was a fifth of
/// reading an all-India value file.)
enum At<'a> {
    Root,
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    fn path(&self) -> String {
        match self {
            At::Root => "$".into(),
            At::Key(parent, k) => key(&parent.path(), k),
            At::Index(parent, i) => idx(&parent.path(), *i),
        }
    }
}

/// Reads one JSON value into a `serde_json::Value` in a single pass, noting every key that
/// appears twice in one object, with the path of the second (its value is still read, so
/// repeats inside it are found too).
struct Read<'a, 'r> {
    at: &'a At<'a>,
    repeated: &'r mut Vec<(String, String)>,
}

impl<'de> serde::de::DeserializeSeed<'de> for Read<'_, '_> {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Read<'_, '_> {
    type Value = Value;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::from(n))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::from(n))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        // serde_json's reader yields finite numbers only; `Null` would stand for any other.
        Ok(serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_string()))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        loop {
            let here = At::Index(self.at, out.len());
            match seq.next_element_seed(Read { at: &here, repeated: &mut *self.repeated })? {
                Some(v) => out.push(v),
                None => return Ok(Value::Array(out)),
            }
        }
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(k) = map.next_key::<String>()? {
            let here = At::Key(self.at, &k);
            if out.contains_key(&k) {
                self.repeated.push((here.path(), k.clone()));
            }
            let v = map.next_value_seed(Read { at: &here, repeated: &mut *self.repeated })?;
            out.insert(k, v);
        }
        Ok(Value::Object(out))
    }
}

pub(crate) fn key(path: &str, k: &str) -> String {
    format!("{path}.{k}")
}

pub(crate) fn idx(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

impl<'p> Walk<'p> {
    pub fn new(file: &str, problems: &'p mut Vec<Problem>) -> Self {
        Walk { file: file.to_string(), problems }
    }

    pub fn error(&mut self, path: &str, kind: ProblemKind) {
        self.problems.push(Problem { severity: Severity::Error, file: self.file.clone(), path: path.to_string(), kind });
    }

    pub fn warn(&mut self, path: &str, kind: ProblemKind) {
        self.problems.push(Problem { severity: Severity::Warning, file: self.file.clone(), path: path.to_string(), kind });
    }

    pub fn object<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        match v.as_object() {
            Some(m) => Some(m),
            None => {
                self.error(path, ProblemKind::WrongType { expected: Expected::Object });
                None
            }
        }
    }

    pub fn array<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v Vec<Value>> {
        match v.as_array() {
            Some(a) => Some(a),
            None => {
                self.error(path, ProblemKind::WrongType { expected: Expected::Array });
                None
            }
        }
    }

    /// A required field; its absence is an error.
    pub fn field<'v>(&mut self, obj: &'v Map<String, Value>, path: &str, name: &'static str) -> Option<&'v Value> {
        match obj.get(name) {
            Some(Value::Null) | None => {
                self.error(path, ProblemKind::MissingField { field: name });
                None
            }
            Some(v) => Some(v),
        }
    }

    pub fn string(&mut self, v: &Value, path: &str) -> Option<String> {
        match v.as_str() {
            Some(s) if s.trim().is_empty() => {
                self.error(path, ProblemKind::EmptyText);
                None
            }
            Some(s) => Some(s.to_string()),
            None => {
                self.error(path, ProblemKind::WrongType { expected: Expected::String });
                None
            }
        }
    }

    pub fn req_string(&mut self, obj: &Map<String, Value>, path: &str, name: &'static str) -> Option<String> {
        let v = self.field(obj, path, name)?;
        self.string(v, &key(path, name))
    }

    pub fn opt_string(&mut self, obj: &Map<String, Value>, path: &str, name: &str) -> Option<String> {
        match obj.get(name) {
            None | Some(Value::Null) => None,
            Some(v) => self.string(v, &key(path, name)),
        }
    }

    /// A finite number. JSON cannot hold NaN or Infinity, but a publisher may write them as
    /// strings ("NaN", "1e999" overflows to infinity in some parsers); both are refused here.
    pub fn number(&mut self, v: &Value, path: &str) -> Option<f64> {
        match v.as_f64() {
            Some(x) if x.is_finite() => Some(x),
            _ => {
                self.error(path, ProblemKind::WrongType { expected: Expected::Number });
                None
            }
        }
    }

    pub fn opt_number(&mut self, obj: &Map<String, Value>, path: &str, name: &str) -> Option<f64> {
        match obj.get(name) {
            None | Some(Value::Null) => None,
            Some(v) => self.number(v, &key(path, name)),
        }
    }

    pub fn bilingual(&mut self, v: &Value, path: &str) -> Option<Bilingual> {
        let Some(obj) = v.as_object() else {
            self.error(path, ProblemKind::WrongType { expected: Expected::Bilingual });
            return None;
        };
        let en = self.req_string(obj, path, "en");
        let hi = self.req_string(obj, path, "hi");
        Some(Bilingual { en: en?, hi: hi? })
    }

    pub fn req_bilingual(&mut self, obj: &Map<String, Value>, path: &str, name: &'static str) -> Option<Bilingual> {
        let v = self.field(obj, path, name)?;
        self.bilingual(v, &key(path, name))
    }

    pub fn opt_bilingual(&mut self, obj: &Map<String, Value>, path: &str, name: &str) -> Option<Bilingual> {
        match obj.get(name) {
            None | Some(Value::Null) => None,
            Some(v) => self.bilingual(v, &key(path, name)),
        }
    }

    /// One of a fixed set of words.
    pub fn one_of(&mut self, v: &Value, path: &str, allowed: &'static [&'static str]) -> Option<&'static str> {
        let s = self.string(v, path)?;
        match allowed.iter().find(|a| **a == s) {
            Some(a) => Some(a),
            None => {
                self.error(path, ProblemKind::NotOneOf { found: s, allowed });
                None
            }
        }
    }

    /// An id: lower-case ASCII letters, digits and hyphens, so it is safe in URLs and file names.
    pub fn id(&mut self, v: &Value, path: &str) -> Option<String> {
        let s = self.string(v, path)?;
        if is_valid_id(&s) {
            Some(s)
        } else {
            self.error(path, ProblemKind::BadId { id: s });
            None
        }
    }
}

pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_') && !s.starts_with('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Option<Value>, Vec<Problem>) {
        let mut problems = Vec::new();
        (parse_json("f.json", text.as_bytes(), &mut problems), problems)
    }

    #[test]
    fn reads_what_serde_json_reads() {
        for text in [
            r#"{"a":[1,-2,3.5,1e3,18446744073709551615,-9223372036854775808],"b":{"c":null,"d":true,"e":"हिंदी \" \u00e9"}}"#,
            "[]",
            "{}",
            r#"[[{"x":[{}]}], "s", false]"#,
            "\u{feff}{\"bom\":1}",
        ] {
            let expected: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap();
            let (found, problems) = read(text);
            assert!(problems.is_empty(), "{text}: {problems:?}");
            assert_eq!(found, Some(expected), "{text}");
        }
    }

    #[test]
    fn names_each_repeated_key_at_its_second_place() {
        let (found, problems) = read(r#"{"units":[{"slug":"a"},{"slug":"b","slug":"c","x":{"k":1,"k":2}}],"units":[]}"#);
        assert_eq!(found, None);
        let places: Vec<(&str, &str)> = problems
            .iter()
            .map(|p| match &p.kind {
                ProblemKind::DuplicateKey { key } => (p.path.as_str(), key.as_str()),
                other => panic!("unexpected {other:?}"),
            })
            .collect();
        assert_eq!(places, [("$.units[1].slug", "slug"), ("$.units[1].x.k", "k"), ("$.units", "units")]);
    }

    #[test]
    fn refuses_broken_and_too_deep_documents_without_panicking() {
        for text in [r#"{"a":1"#, r#"{"a":1} x"#, "[1,]", &"[".repeat(10_000), "NaN"] {
            let (found, problems) = read(text);
            assert_eq!(found, None);
            assert!(matches!(problems[..], [Problem { kind: ProblemKind::NotJson { .. }, .. }]), "{text:.20}: {problems:?}");
        }
    }
}
