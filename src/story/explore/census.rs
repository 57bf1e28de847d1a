//! What a story holds, counted from its files without playing it: nodes,
//! choices and timed choices, the endings its `End` nodes name, and the
//! words of every text in each language.

use std::collections::BTreeSet;

use super::pace::words_in;
use crate::content::{Lang, Library, LocalizedText, NodeDef, NodeRef};

/// The counts of a library.
#[derive(Clone, Debug, PartialEq)]
pub struct Census {
    /// Scenes.
    pub scenes: usize,
    /// Every node, as `scene.node`, scene by scene in file order.
    pub nodes: Vec<String>,
    /// `Choice` nodes.
    pub choices: usize,
    /// `Choice` nodes with a timer.
    pub timed_choices: usize,
    /// The endings the manifest declares and `End` nodes name.
    pub endings: BTreeSet<String>,
    /// Words of every text, per language, in the order of [`Lang::ALL`].
    pub words: Vec<(Lang, usize)>,
}

impl Census {
    /// Counts `library`.
    pub fn of(library: &Library) -> Census {
        let mut census = Census {
            scenes: 0,
            nodes: Vec::new(),
            choices: 0,
            timed_choices: 0,
            endings: library.endings.iter().map(|e| e.id.clone()).collect(),
            words: Vec::new(),
        };
        for scene in library.scenes() {
            census.scenes += 1;
            for node in &scene.def.nodes {
                census
                    .nodes
                    .push(NodeRef::new(&scene.def.id, node.id()).to_string());
                match node {
                    NodeDef::Choice { timer, .. } => {
                        census.choices += 1;
                        census.timed_choices += usize::from(timer.is_some());
                    }
                    NodeDef::End { ending, .. } => {
                        census.endings.insert(ending.clone());
                    }
                    _ => {}
                }
            }
        }
        let texts = texts(library);
        census.words = Lang::ALL
            .into_iter()
            .map(|lang| (lang, texts.iter().map(|t| words_in(t, lang)).sum()))
            .collect();
        census
    }

    /// The words of every text in `lang`.
    pub fn words_in(&self, lang: Lang) -> usize {
        self.words
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or(0, |(_, n)| *n)
    }
}

/// Every text of the library: the scenes' titles, lines, prompts, options
/// and their hints, phases' names and texts; the characters' names and
/// roles, the rooms' and the relationships' names, the endings' titles.
pub(super) fn texts(library: &Library) -> Vec<&LocalizedText> {
    let mut texts = Vec::new();
    for scene in library.scenes() {
        texts.push(&scene.def.title);
        texts.extend(scene.def.phases.iter().map(|p| &p.name));
        for node in &scene.def.nodes {
            match node {
                NodeDef::Line { text, .. } => texts.push(text),
                NodeDef::Choice {
                    prompt, options, ..
                } => {
                    texts.extend(prompt);
                    for option in options {
                        texts.push(&option.text);
                        texts.extend(&option.hint);
                    }
                }
                NodeDef::Phase { text, .. } => texts.extend(text),
                NodeDef::Branch { .. }
                | NodeDef::Effects { .. }
                | NodeDef::Resume { .. }
                | NodeDef::End { .. } => {}
            }
        }
    }
    for character in library.characters.values() {
        texts.extend([&character.name, &character.role]);
    }
    texts.extend(library.rooms.values().map(|r| &r.name));
    texts.extend(library.relationships.values().map(|r| &r.name));
    texts.extend(library.endings.iter().map(|e| &e.title));
    texts
}
