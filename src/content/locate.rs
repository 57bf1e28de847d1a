//! Positions of values in a RON file, so that errors found after parsing
//! (an unknown target, a duplicate id) can still name line and column.
//!
//! serde forgets where a value came from; this module reads the same text
//! again into a light tree of positions that mirrors the parsed structure.
//! It runs only on files that serde has already accepted, so it is lenient.

use super::diagnostic::Pos;

/// One step on the way to a value: a struct field or a list element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seg<'a> {
    /// A named field of a struct or struct-like enum variant.
    Field(&'a str),
    /// The n-th element of a list or tuple, from 0.
    Index(usize),
}

/// A value in the file with its position.
#[derive(Clone, Debug, PartialEq)]
pub struct Located {
    /// Where the value starts.
    pub pos: Pos,
    kind: Kind,
}

#[derive(Clone, Debug, PartialEq)]
enum Kind {
    Atom,
    Seq(Vec<Located>),
    Fields(Vec<(String, Located)>),
    /// A map's entries in file order: each key's text and where it stands.
    Map(Vec<(String, Located)>),
}

impl Located {
    /// The position of the value at `path`, or of the deepest part of the
    /// path that exists.
    pub fn pos_of(&self, path: &[Seg]) -> Pos {
        let mut here = self;
        for seg in path {
            match here.child(*seg) {
                Some(next) => here = next,
                None => break,
            }
        }
        here.pos
    }

    /// Where, in file order, the map at `path` has its entry `key`.
    pub fn entry_index(&self, path: &[Seg], key: &str) -> Option<usize> {
        let mut here = self;
        for seg in path {
            here = here.child(*seg)?;
        }
        match &here.kind {
            Kind::Map(entries) => entries.iter().position(|(k, _)| k == key),
            _ => None,
        }
    }

    fn child(&self, seg: Seg) -> Option<&Located> {
        match (&self.kind, seg) {
            (Kind::Fields(fields), Seg::Field(name)) => fields
                .iter()
                .find(|(field, _)| field == name)
                .map(|(_, value)| value),
            (Kind::Seq(items), Seg::Index(i)) => items.get(i),
            (Kind::Map(entries), Seg::Index(i)) => entries.get(i).map(|(_, key)| key),
            // `Some(x)` written out in full: look through it.
            (Kind::Seq(items), Seg::Field(_)) if items.len() == 1 => items[0].child(seg),
            _ => None,
        }
    }
}

/// Reads `text` into a tree of positions. Returns a single atom at the start
/// when the text is not RON at all.
pub fn locate(text: &str) -> Located {
    let tokens = tokenize(text);
    let mut parser = Parser {
        tokens: &tokens,
        at: 0,
    };
    parser.value().unwrap_or(Located {
        pos: Pos::START,
        kind: Kind::Atom,
    })
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Open(char),
    Close,
    Colon,
    Comma,
    Ident(String),
    /// A quoted string, its text as written between the quotes.
    Str(String),
    Atom,
}

struct Parser<'t> {
    tokens: &'t [(Tok, Pos)],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.at).map(|(tok, _)| tok)
    }

    fn value(&mut self) -> Option<Located> {
        let (tok, pos) = self.tokens.get(self.at)?.clone();
        self.at += 1;
        match tok {
            Tok::Ident(_) if self.peek() == Some(&Tok::Open('(')) => {
                self.at += 1;
                Some(self.group(pos))
            }
            Tok::Open(_) => Some(self.group(pos)),
            _ => Some(Located {
                pos,
                kind: Kind::Atom,
            }),
        }
    }

    /// Reads the inside of a bracketed group up to its closing bracket.
    /// Fields (`name: value`) make a struct; map entries (`"key": value`)
    /// a map of their keys, which is what errors name; anything else a
    /// sequence.
    fn group(&mut self, pos: Pos) -> Located {
        let mut fields = Vec::new();
        let mut items = Vec::new();
        let mut entries = Vec::new();
        loop {
            match self.peek() {
                None => break,
                Some(Tok::Close) => {
                    self.at += 1;
                    break;
                }
                Some(Tok::Comma) => {
                    self.at += 1;
                    continue;
                }
                Some(Tok::Ident(name))
                    if self.tokens.get(self.at + 1).map(|(t, _)| t) == Some(&Tok::Colon) =>
                {
                    let name = name.clone();
                    self.at += 2;
                    if let Some(value) = self.value() {
                        fields.push((name, value));
                    }
                }
                Some(tok) => {
                    let key = match tok {
                        Tok::Str(text) => text.clone(),
                        _ => String::new(),
                    };
                    let Some(value) = self.value() else { break };
                    if self.peek() == Some(&Tok::Colon) {
                        self.at += 1;
                        self.value();
                        entries.push((key, value));
                    } else {
                        items.push(value);
                    }
                }
            }
        }
        let kind = if !fields.is_empty() {
            Kind::Fields(fields)
        } else if !entries.is_empty() && items.is_empty() {
            Kind::Map(entries)
        } else {
            items.extend(entries.into_iter().map(|(_, key)| key));
            Kind::Seq(items)
        };
        Located { pos, kind }
    }
}

fn tokenize(text: &str) -> Vec<(Tok, Pos)> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let (mut i, mut line, mut col) = (0, 1, 1);
    // Advances over `n` characters, keeping line and column right.
    let advance = |i: &mut usize, line: &mut usize, col: &mut usize, n: usize| {
        for _ in 0..n {
            if chars.get(*i) == Some(&'\n') {
                *line += 1;
                *col = 1;
            } else {
                *col += 1;
            }
            *i += 1;
        }
    };
    while i < chars.len() {
        let c = chars[i];
        let pos = Pos { line, col };
        let next = chars.get(i + 1).copied();
        if c.is_whitespace() {
            advance(&mut i, &mut line, &mut col, 1);
        } else if c == '/' && next == Some('/') {
            let len = chars[i..].iter().take_while(|&&c| c != '\n').count();
            advance(&mut i, &mut line, &mut col, len);
        } else if c == '/' && next == Some('*') {
            let mut len = 2;
            while i + len < chars.len()
                && !(chars[i + len] == '*' && chars.get(i + len + 1) == Some(&'/'))
            {
                len += 1;
            }
            let n = (len + 2).min(chars.len() - i);
            advance(&mut i, &mut line, &mut col, n);
        } else if c == '"' || c == '\'' {
            let mut len = 1;
            while i + len < chars.len() && chars[i + len] != c {
                len += if chars[i + len] == '\\' { 2 } else { 1 };
            }
            let text = chars[i + 1..(i + len).min(chars.len())].iter().collect();
            tokens.push((Tok::Str(text), pos));
            let n = (len + 1).min(chars.len() - i);
            advance(&mut i, &mut line, &mut col, n);
        } else if c == 'r' && matches!(next, Some('"') | Some('#')) {
            let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
            let mut len = 2 + hashes;
            let closing: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            while i + len < chars.len() && !chars[i + len..].starts_with(&closing) {
                len += 1;
            }
            tokens.push((Tok::Atom, pos));
            let n = (len + closing.len()).min(chars.len() - i);
            advance(&mut i, &mut line, &mut col, n);
        } else if c == '#' {
            // An attribute such as `#![enable(implicit_some)]`: skip it whole.
            let len = chars[i..].iter().take_while(|&&c| c != ']').count() + 1;
            let n = len.min(chars.len() - i);
            advance(&mut i, &mut line, &mut col, n);
        } else if matches!(c, '(' | '[' | '{') {
            tokens.push((Tok::Open(c), pos));
            advance(&mut i, &mut line, &mut col, 1);
        } else if matches!(c, ')' | ']' | '}') {
            tokens.push((Tok::Close, pos));
            advance(&mut i, &mut line, &mut col, 1);
        } else if c == ':' {
            tokens.push((Tok::Colon, pos));
            advance(&mut i, &mut line, &mut col, 1);
        } else if c == ',' {
            tokens.push((Tok::Comma, pos));
            advance(&mut i, &mut line, &mut col, 1);
        } else if c.is_alphabetic() || c == '_' {
            let word: String = chars[i..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || **c == '_')
                .collect();
            let len = word.chars().count();
            let tok = match word.as_str() {
                "true" | "false" => Tok::Atom,
                _ => Tok::Ident(word),
            };
            tokens.push((tok, pos));
            advance(&mut i, &mut line, &mut col, len);
        } else {
            // Numbers and signs.
            let len = chars[i..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '+' | '_'))
                .count()
                .max(1);
            tokens.push((Tok::Atom, pos));
            advance(&mut i, &mut line, &mut col, len);
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCENE: &str = r#"// a comment with "quotes"
(
    id: "s",
    nodes: [
        Line(id: "a", text: (de: "Grüß Gott", en: "Hello")),
        Choice(
            id: "b",
            options: [
                (id: "x", goto: "a"),
                (id: "y", goto: "nowhere", when: Var("n", ">=", 2)),
            ],
        ),
    ],
    variables: { "n": 0, "flag": true },
)"#;

    #[test]
    fn finds_nested_fields_and_elements() {
        let tree = locate(SCENE);
        let at = |path: &[Seg]| tree.pos_of(path);
        use Seg::*;
        assert_eq!(at(&[Field("id")]), Pos { line: 3, col: 9 });
        assert_eq!(
            at(&[Field("nodes"), Index(0), Field("id")]),
            Pos { line: 5, col: 18 }
        );
        assert_eq!(
            at(&[
                Field("nodes"),
                Index(1),
                Field("options"),
                Index(1),
                Field("goto")
            ]),
            Pos { line: 10, col: 33 }
        );
        assert_eq!(
            at(&[
                Field("nodes"),
                Index(1),
                Field("options"),
                Index(1),
                Field("when"),
                Index(0)
            ]),
            Pos { line: 10, col: 54 }
        );
        assert_eq!(
            at(&[Field("variables"), Index(1)]),
            Pos { line: 14, col: 26 }
        );
    }

    #[test]
    fn falls_back_to_the_deepest_existing_part() {
        let tree = locate(SCENE);
        let pos = tree.pos_of(&[Seg::Field("nodes"), Seg::Index(1), Seg::Field("timer")]);
        assert_eq!(pos, Pos { line: 6, col: 9 });
    }

    #[test]
    fn looks_through_an_explicit_some() {
        let tree = locate(r#"(next: Some("a"), other: 1)"#);
        let next = tree.pos_of(&[Seg::Field("next")]);
        assert_eq!(next, Pos { line: 1, col: 8 });
    }
}
