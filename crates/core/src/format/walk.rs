//! A JSON walker that records problems with their paths instead of stopping at the first one.
//!
//! Parsing goes bytes → `serde_json::Value` → typed model by hand, because serde's derive stops
//! at the first error and loses the path; publishers need every problem at once.

use crate::format::problem::{Expected, Problem, ProblemKind, Severity};
use crate::format::text::Bilingual;
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
    match serde_json::from_slice::<Value>(bytes) {
        Ok(v) => {
            // serde_json keeps the last of two equal keys without a word; a file that says two
            // things in one place is refused instead, naming each repeated key's place.
            let repeated = duplicate_keys(bytes);
            if repeated.is_empty() {
                return Some(v);
            }
            for (path, key) in repeated {
                problems.push(Problem { severity: Severity::Error, file: file.to_string(), path, kind: ProblemKind::DuplicateKey { key } });
            }
            None
        }
        Err(e) => {
            push(problems, ProblemKind::NotJson { detail: e.to_string() });
            None
        }
    }
}

/// Every key that appears twice in one object, with the JSON path of the second.
fn duplicate_keys(bytes: &[u8]) -> Vec<(String, String)> {
    use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
    use std::cell::RefCell;
    use std::collections::HashSet;

    struct Scan<'a> {
        path: String,
        found: &'a RefCell<Vec<(String, String)>>,
    }
    impl<'de> DeserializeSeed<'de> for Scan<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            d.deserialize_any(self)
        }
    }
    impl<'de> Visitor<'de> for Scan<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_bool<E>(self, _: bool) -> Result<(), E> {
            Ok(())
        }
        fn visit_i64<E>(self, _: i64) -> Result<(), E> {
            Ok(())
        }
        fn visit_u64<E>(self, _: u64) -> Result<(), E> {
            Ok(())
        }
        fn visit_f64<E>(self, _: f64) -> Result<(), E> {
            Ok(())
        }
        fn visit_str<E>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
        fn visit_unit<E>(self) -> Result<(), E> {
            Ok(())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
            let mut i = 0;
            while seq.next_element_seed(Scan { path: idx(&self.path, i), found: self.found })?.is_some() {
                i += 1;
            }
            Ok(())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            let mut seen = HashSet::new();
            while let Some(k) = map.next_key::<String>()? {
                let path = key(&self.path, &k);
                if !seen.insert(k.clone()) {
                    self.found.borrow_mut().push((path.clone(), k));
                }
                map.next_value_seed(Scan { path, found: self.found })?;
            }
            Ok(())
        }
    }
    let found = RefCell::new(Vec::new());
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let _ = Scan { path: "$".into(), found: &found }.deserialize(&mut de);
    found.into_inner()
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
