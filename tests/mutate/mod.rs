//! A small mutation engine for RON text: damage as a slip of the hand or a
//! broken disk does it (characters flipped, cut, doubled; RON's own tokens
//! and absurd numbers put anywhere) and as a modder does it (lines swapped
//! or lost, a node copied, an id replaced by another the story knows, a
//! piece of another file pasted in, a file cut short), plus whole values
//! generated from the field and variant names the files use. Every input
//! comes from one seed, so any of them can be made again.

#![allow(dead_code)] // the fuzz test uses what it needs

use std::collections::BTreeSet;

use rand::rngs::SmallRng;
use rand::seq::IndexedRandom;
use rand::{RngExt, SeedableRng};

/// RON's punctuation and words, and values that are legal but absurd.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'",
    ":",
    ",",
    "..",
    "-1",
    "0",
    "-0.0",
    "1.5",
    "4294967295",
    "4294967296",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775809",
    "1e999",
    "-1e999",
    "1e-999",
    "NaN",
    "inf",
    "-inf",
    "0x",
    "0b2",
    "1_000",
    "true",
    "false",
    "None",
    "Some(",
    "()",
    "[]",
    "{}",
    "\"\"",
    "r#\"",
    "\"#",
    "b\"",
    "//",
    "/*",
    "*/",
    "\\",
    "\\u{",
    "\\u{110000}",
    "\n",
    "\t",
    "@",
    "@.",
    ".",
    "ü",
    "„",
    "“",
    "😀",
    "\u{0}",
    "\u{feff}",
    "\u{202e}",
    "#![enable(implicit_some)]",
    "#![enable(unwrap_newtypes)]",
    "#",
    "Line(",
    "Choice(",
    "End(",
    "id:",
    "next:",
    "goto:",
];

/// Numbers to put where a number was.
const NUMBERS: &[&str] = &[
    "0",
    "-1",
    "1",
    "2",
    "255",
    "256",
    "65535",
    "65536",
    "2147483647",
    "-2147483648",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999999999999999",
    "-0",
    "-0.0",
    "0.0",
    "1e38",
    "3.5e38",
    "1e308",
    "1e309",
    "-1e309",
    "1e-45",
    "NaN",
    "inf",
    "-inf",
    "1.",
    ".5",
    "0.000001",
    "60.1",
    "86400",
    "1000000",
];

/// Strings to put where a string was.
const STRINGS: &[&str] = &[
    "",
    " ",
    "@",
    "@.",
    "@x",
    "@x.y",
    "@ch1_call.",
    "@.cl_report",
    "a.b.c",
    "..",
    "ü",
    "😀",
    "\\\"",
    "\\n",
    "\\u{0}",
    "x y",
    "-",
    "_",
    "#123456",
    "#ffffffff",
    "#12",
    "#gg0000",
    "art/",
    "art/../index.ron",
    "../index.ron",
    "/etc/passwd",
    "index.ron",
    "art/plant.svg",
    "scenes",
    "ch1_morning.ron",
];

/// What the files a mutator draws on have in them.
pub struct Pool {
    /// The seed files' texts.
    pub files: Vec<String>,
    /// Every quoted string in them that looks like an id or a reference.
    pub ids: Vec<String>,
    /// Every other quoted string.
    pub texts: Vec<String>,
    /// Names written before a colon: the fields.
    pub fields: Vec<String>,
    /// Names written before an opening bracket: kinds and variants.
    pub variants: Vec<String>,
}

impl Pool {
    /// The pool of `files`.
    pub fn of(files: Vec<String>) -> Pool {
        let (mut ids, mut texts) = (BTreeSet::new(), BTreeSet::new());
        let (mut fields, mut variants) = (BTreeSet::new(), BTreeSet::new());
        for file in &files {
            for quoted in strings(file) {
                let id_like = !quoted.is_empty()
                    && quoted.len() < 48
                    && quoted
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '@' | '.' | '/'));
                if id_like { &mut ids } else { &mut texts }.insert(quoted.to_owned());
            }
            for (word, after) in words(file) {
                match after {
                    Some(':') => fields.insert(word.to_owned()),
                    Some('(') => variants.insert(word.to_owned()),
                    _ => false,
                };
            }
        }
        Pool {
            files,
            ids: ids.into_iter().collect(),
            texts: texts.into_iter().collect(),
            fields: fields.into_iter().collect(),
            variants: variants.into_iter().collect(),
        }
    }
}

/// The quoted strings of `text`, without their quotes.
fn strings(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('"') {
        let after = &rest[open + 1..];
        let Some(len) = string_len(after) else { break };
        found.push(&after[..len]);
        rest = &after[(len + 1).min(after.len())..];
    }
    found
}

/// The length of the string that begins `text` (just after its opening
/// quote), up to its closing quote; none when it is not closed.
fn string_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// The bare words of `text` with the character that follows each (spaces
/// skipped).
fn words(text: &str) -> Vec<(&str, Option<char>)> {
    let mut found = Vec::new();
    let mut at = 0;
    let bytes = text.as_bytes();
    while at < bytes.len() {
        if bytes[at].is_ascii_alphabetic() || bytes[at] == b'_' {
            let start = at;
            while at < bytes.len() && (bytes[at].is_ascii_alphanumeric() || bytes[at] == b'_') {
                at += 1;
            }
            let after = text[at..].trim_start().chars().next();
            found.push((&text[start..at], after));
        } else {
            at += 1;
        }
    }
    found
}

/// One kind of change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mutation {
    /// A character replaced by another.
    Flip,
    /// A few characters cut out.
    Delete,
    /// A few characters written twice.
    Duplicate,
    /// A RON token or an absurd value put in.
    Insert,
    /// A number replaced by an absurd one.
    Number,
    /// Two lines swapped.
    SwapLines,
    /// A line cut out.
    DeleteLine,
    /// An element of a list (a node, an option, an entry) written twice.
    DuplicateNode,
    /// An element of a list cut out.
    DeleteNode,
    /// Any bracketed value cut out, the name before it too.
    DeleteValue,
    /// A quoted string replaced by an id from the files, or an odd one.
    ReplaceId,
    /// Lines from another file pasted in.
    Splice,
    /// The file cut short.
    Truncate,
}

impl Mutation {
    /// Every mutation: character-level and structure-aware alike.
    pub const ALL: [Mutation; 13] = [
        Mutation::Flip,
        Mutation::Delete,
        Mutation::Duplicate,
        Mutation::Insert,
        Mutation::Number,
        Mutation::SwapLines,
        Mutation::DeleteLine,
        Mutation::DuplicateNode,
        Mutation::DeleteNode,
        Mutation::DeleteValue,
        Mutation::ReplaceId,
        Mutation::Splice,
        Mutation::Truncate,
    ];

    /// The ones that mostly keep a file parseable, so that the validator
    /// and the story get to see it.
    pub const GENTLE: [Mutation; 6] = [
        Mutation::Number,
        Mutation::Number,
        Mutation::ReplaceId,
        Mutation::ReplaceId,
        Mutation::DuplicateNode,
        Mutation::DeleteNode,
    ];
}

/// A random number generator for input `index` of the stream `stream`
/// under `seed`: the same three numbers, the same input.
pub fn rng_for(seed: u64, stream: u64, index: u64) -> SmallRng {
    let mut x = seed ^ stream.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ index;
    // splitmix64, so that neighbouring indices give unrelated streams.
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    SmallRng::seed_from_u64(x ^ (x >> 31))
}

/// `text` with one to four mutations from `kinds`, drawing on `pool`.
pub fn mutate(rng: &mut SmallRng, text: &str, pool: &Pool, kinds: &[Mutation]) -> String {
    let mut text = text.to_owned();
    for _ in 0..rng.random_range(1..=4) {
        let kind = *kinds.choose(rng).expect("some mutations");
        apply(rng, &mut text, pool, kind);
    }
    text
}

/// Makes one change of `kind` to `text`.
pub fn apply(rng: &mut SmallRng, text: &mut String, pool: &Pool, kind: Mutation) {
    if text.is_empty() {
        text.push_str(TOKENS.choose(rng).unwrap());
        return;
    }
    let at = position(rng, text);
    match kind {
        Mutation::Flip => {
            let end = next_boundary(text, at + 1);
            let by = random_char(rng);
            text.replace_range(at..end, by.encode_utf8(&mut [0; 4]));
        }
        Mutation::Delete => {
            let end = next_boundary(text, at + rng.random_range(1..=16));
            text.replace_range(at..end, "");
        }
        Mutation::Duplicate => {
            let end = next_boundary(text, at + rng.random_range(1..=64));
            let copy = text[at..end].to_owned();
            text.insert_str(end, &copy);
        }
        Mutation::Insert => text.insert_str(at, TOKENS.choose(rng).unwrap()),
        Mutation::Number => {
            if let Some((start, end)) = number_after(text, at) {
                let by = match rng.random_range(0..3) {
                    0 => rng.random_range(0..2000).to_string(),
                    1 => format!("{:.2}", rng.random_range(-5.0..500.0)),
                    _ => NUMBERS.choose(rng).unwrap().to_string(),
                };
                text.replace_range(start..end, &by);
            }
        }
        Mutation::SwapLines => {
            let (a, b) = (line_at(text, at), line_at(text, position(rng, text)));
            let (first, second) = if a.0 <= b.0 { (a, b) } else { (b, a) };
            if first.1 <= second.0 {
                let (one, two) = (
                    text[first.0..first.1].to_owned(),
                    text[second.0..second.1].to_owned(),
                );
                text.replace_range(second.0..second.1, &one);
                text.replace_range(first.0..first.1, &two);
            }
        }
        Mutation::DeleteLine => {
            let (start, end) = line_at(text, at);
            let end = next_boundary(text, end + 1);
            text.replace_range(start..end, "");
        }
        Mutation::DuplicateNode => {
            if let Some((start, end)) = element_at(text, at) {
                let copy = format!("{}, ", &text[start..end]);
                text.insert_str(start, &copy);
            }
        }
        Mutation::DeleteNode => {
            if let Some((start, end)) = element_at(text, at) {
                let rest = &text[end..];
                let comma = rest.len() - rest.trim_start().len();
                let end = match rest.trim_start().starts_with(',') {
                    true => end + comma + 1,
                    false => end,
                };
                text.replace_range(start..end, "");
            }
        }
        Mutation::DeleteValue => {
            if let Some((start, end)) = bracketed_at(text, at) {
                text.replace_range(start..end, "");
            }
        }
        Mutation::ReplaceId => {
            if let Some((start, end)) = string_after(text, at) {
                let by = match rng.random_range(0..10) {
                    0 => STRINGS.choose(rng).unwrap().to_string(),
                    1 => pool.texts.choose(rng).cloned().unwrap_or_default(),
                    2 => "x".repeat(rng.random_range(90..300)),
                    _ => pool.ids.choose(rng).cloned().unwrap_or_default(),
                };
                text.replace_range(start..end, &by);
            }
        }
        Mutation::Splice => {
            let other = pool.files.choose(rng).unwrap();
            if !other.is_empty() {
                let from = line_at(other, position(rng, other)).0;
                let mut to = from;
                for _ in 0..rng.random_range(1..=30) {
                    to = next_boundary(other, line_end(other, to) + 1);
                }
                let (start, _) = line_at(text, at);
                text.insert_str(start, &other[from..to]);
            }
        }
        Mutation::Truncate => text.truncate(at),
    }
}

/// A new input made from nothing but the files' names: a value of random
/// shape, as deep as `depth`, of structs with the files' field names,
/// variants, lists, maps, strings and numbers.
pub fn generate(rng: &mut SmallRng, pool: &Pool, depth: u32) -> String {
    let mut out = String::new();
    value(rng, pool, depth, &mut out);
    out
}

fn value(rng: &mut SmallRng, pool: &Pool, depth: u32, out: &mut String) {
    let leaf = depth == 0 || rng.random_bool(0.35);
    match rng.random_range(0..if leaf { 4 } else { 8 }) {
        0 => {
            out.push('"');
            out.push_str(pool.ids.choose(rng).map_or("", String::as_str));
            out.push('"');
        }
        1 => out.push_str(NUMBERS.choose(rng).unwrap()),
        2 => out.push_str(["true", "false", "None", "()"].choose(rng).unwrap()),
        3 => out.push_str(TOKENS.choose(rng).unwrap()),
        4 | 5 => {
            if rng.random_bool(0.5) {
                out.push_str(pool.variants.choose(rng).map_or("", String::as_str));
            }
            out.push('(');
            for _ in 0..rng.random_range(0..6) {
                out.push_str(pool.fields.choose(rng).map_or("x", String::as_str));
                out.push_str(": ");
                value(rng, pool, depth - 1, out);
                out.push_str(", ");
            }
            out.push(')');
        }
        6 => {
            out.push('[');
            for _ in 0..rng.random_range(0..6) {
                value(rng, pool, depth - 1, out);
                out.push_str(", ");
            }
            out.push(']');
        }
        _ => {
            out.push('{');
            for _ in 0..rng.random_range(0..4) {
                value(rng, pool, 0, out);
                out.push_str(": ");
                value(rng, pool, depth - 1, out);
                out.push_str(", ");
            }
            out.push('}');
        }
    }
}

/// A character: mostly printable ASCII, sometimes one RON gives meaning
/// to, sometimes anything at all.
fn random_char(rng: &mut SmallRng) -> char {
    match rng.random_range(0..4) {
        0 => *[
            '(', ')', '[', ']', '{', '}', '"', ':', ',', '\\', '\n', '@', '.',
        ]
        .choose(rng)
        .unwrap(),
        1 => char::from_u32(rng.random_range(0..0x11_0000)).unwrap_or('\u{fffd}'),
        _ => char::from(rng.random_range(0x20u8..0x7f)),
    }
}

/// A random character boundary of `text`.
fn position(rng: &mut SmallRng, text: &str) -> usize {
    next_boundary(text, rng.random_range(0..=text.len()))
}

/// The first character boundary at or after `at`, at most the end.
fn next_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The line holding `at`: its start and its end (before the newline).
fn line_at(text: &str, at: usize) -> (usize, usize) {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (start, line_end(text, at))
}

fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i)
}

/// The first number at or after `at`, with its sign and fraction.
fn number_after(text: &str, at: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let digit = at + bytes[at..].iter().position(u8::is_ascii_digit)?;
    let mut start = digit;
    while start > 0 && matches!(bytes[start - 1], b'-' | b'+' | b'.' | b'0'..=b'9') {
        start -= 1;
    }
    let mut end = digit;
    while end < bytes.len() && matches!(bytes[end], b'.' | b'_' | b'e' | b'0'..=b'9') {
        end += 1;
    }
    Some((start, end))
}

/// The inside of the first quoted string at or after `at`.
fn string_after(text: &str, at: usize) -> Option<(usize, usize)> {
    let open = at + text[at..].find('"')? + 1;
    let len = string_len(&text[open..])?;
    Some((open, open + len))
}

/// The first element of a list at or after `at`: a bracketed value (with
/// its name, as in `Line(…)`), a string, or a map's entry (`"key": value`)
/// that follows `[`, `{` or `,`.
fn element_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut from = at;
    loop {
        let found = from
            + bytes[from..]
                .iter()
                .position(|b| matches!(b, b'[' | b'{' | b','))?;
        let start = found
            + 1
            + (bytes[found + 1..]
                .iter()
                .position(|b| !b.is_ascii_whitespace())?);
        let end = match bytes[start] {
            b'"' => value_end(text, start).map(|end| {
                let rest = &text[end..];
                match rest.trim_start().strip_prefix(':') {
                    Some(value) => {
                        let value = text.len() - value.trim_start().len();
                        value_end(text, value).unwrap_or(end)
                    }
                    None => end,
                }
            }),
            // A name before a colon is a field's, not an element.
            _ => value_end(text, start).filter(|&end| !text[end..].trim_start().starts_with(':')),
        };
        match end {
            Some(end) => return Some((start, end)),
            None => from = found + 1,
        }
    }
}

/// The end of the value that begins at `start`: a string, a bracketed
/// value with its name, or a bare word or number; none for punctuation.
fn value_end(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    match rest.as_bytes().first()? {
        b'"' => string_len(&rest[1..]).map(|len| start + len + 2),
        b'(' | b'[' | b'{' => bracketed_at(text, start).map(|(_, end)| end),
        b if b.is_ascii_alphabetic() && is_variant(rest) => {
            bracketed_at(text, start).map(|(_, end)| end)
        }
        b if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.') => {
            let len = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '+')))
                .unwrap_or(rest.len());
            Some(start + len)
        }
        _ => None,
    }
}

/// Whether `text` begins with a name and an opening bracket.
fn is_variant(text: &str) -> bool {
    text.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_')
        .starts_with('(')
}

/// The bracketed value that the first opening bracket at or after `at`
/// begins (with the name before it, as in `Line(…)`), up to its closing
/// bracket; brackets in strings are counted too, as a careless reader would.
fn bracketed_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let open = at
        + bytes[at..]
            .iter()
            .position(|b| matches!(b, b'(' | b'[' | b'{'))?;
    let mut start = open;
    while start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
        start -= 1;
    }
    let mut depth = 0usize;
    for (i, b) in bytes[open..].iter().enumerate() {
        match b {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some((start, open + i + 1));
                }
            }
            _ => {}
        }
    }
    None
}
