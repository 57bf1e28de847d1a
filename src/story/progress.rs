//! What a player has found of the story over every game: the nodes
//! reached, the options taken, the choices whose time ran out, the endings
//! reached, and each scene as it stood when a game first entered it. The
//! flowchart shows the first four; chapter select plays from the last.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::session::{Session, Snapshot};
use crate::content::NodeRef;

/// Everything found so far, in every game.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// Every node entered, as `scene.node`.
    pub nodes: BTreeSet<String>,
    /// Every option taken, as `scene.node.option`.
    pub options: BTreeSet<String>,
    /// Every choice whose time ran out, as `scene.node`.
    #[serde(default)]
    pub timeouts: BTreeSet<String>,
    /// Every ending reached.
    pub endings: BTreeSet<String>,
    /// Each scene as the first game to enter it stood there, without its
    /// history: where chapter select begins.
    #[serde(default)]
    pub chapters: BTreeMap<String, Snapshot>,
}

impl Progress {
    /// Notes what `session` has reached; whether anything was new.
    pub fn note(&mut self, session: &Session) -> bool {
        let story = session.story();
        let mut new = false;
        for node in story.visits.keys() {
            new |= insert(&mut self.nodes, node);
        }
        for choice in &story.choice_log {
            if let Some(option) = &choice.option {
                new |= insert(&mut self.options, &format!("{}.{option}", choice.at));
            }
            if choice.timed_out {
                new |= insert(&mut self.timeouts, &choice.at.to_string());
            }
        }
        if let Some(ending) = session.ending() {
            new |= insert(&mut self.endings, ending);
        }
        new
    }

    /// Notes that `session` has just entered the scene it is in, at the
    /// scene's first beat: the first game to do so gives the chapter its
    /// start. Whether it was new.
    pub fn note_entry(&mut self, session: &Session) -> bool {
        let scene = &session.story().cursor.scene;
        if self.chapters.contains_key(scene) {
            return false;
        }
        let mut start = session.snapshot();
        start.history.clear();
        self.chapters.insert(scene.clone(), start);
        true
    }

    /// Whether some game has reached an ending: chapter select opens then.
    pub fn completed(&self) -> bool {
        !self.endings.is_empty()
    }

    /// Whether the node at `at` was ever reached.
    pub fn reached(&self, at: &NodeRef) -> bool {
        self.nodes.contains(&at.to_string())
    }

    /// Whether `option` of the choice at `at` was ever taken.
    pub fn took(&self, at: &NodeRef, option: &str) -> bool {
        self.options.contains(&format!("{at}.{option}"))
    }

    /// Whether the time of the choice at `at` ever ran out.
    pub fn timed_out(&self, at: &NodeRef) -> bool {
        self.timeouts.contains(&at.to_string())
    }

    /// Where the chapter of `scene` begins, once a game has entered it.
    pub fn chapter(&self, scene: &str) -> Option<&Snapshot> {
        self.chapters.get(scene)
    }
}

/// Inserts `key` unless present; whether it was new.
fn insert(set: &mut BTreeSet<String>, key: &str) -> bool {
    !set.contains(key) && set.insert(key.to_owned())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::content::fixtures::{SCENE, compile_scene};
    use crate::settings::TimerMode;

    fn game() -> Session {
        let library = compile_scene(SCENE).library.expect("fixture compiles");
        Session::new(Arc::new(library), TimerMode::Normal).expect("it starts")
    }

    #[test]
    fn what_a_game_reaches_is_kept_and_only_news_counts_as_new() {
        let mut progress = Progress::default();
        let mut session = game();
        assert!(progress.note_entry(&session));
        assert!(progress.note(&session));
        assert!(!progress.note(&session), "nothing new");
        session.advance().unwrap();
        let at = session.story().cursor.clone();
        session.choose(&at, "greet").unwrap();
        session.advance().unwrap();
        assert!(progress.note(&session));
        assert!(progress.took(&at, "greet"));
        assert!(!progress.took(&at, "mumble"));
        assert!(progress.reached(&NodeRef::new("s1", "good")));
        assert!(!progress.reached(&NodeRef::new("s1", "poor")));
        assert!(progress.completed());
        assert!(progress.endings.contains("good_start"));
        assert!(
            !progress.note_entry(&session),
            "the chapter keeps its first start"
        );
    }

    #[test]
    fn a_chapter_begins_where_the_first_game_entered_it_without_history() {
        let mut progress = Progress::default();
        let session = game();
        progress.note_entry(&session);
        let start = progress.chapter("s1").expect("entered");
        assert_eq!(start.story.cursor, NodeRef::new("s1", "hello"));
        assert!(start.history.is_empty());
        assert!(!progress.completed());
    }

    #[test]
    fn a_timeout_is_noted_with_the_option_it_took() {
        let mut progress = Progress::default();
        let mut session = game();
        session.advance().unwrap();
        let at = session.story().cursor.clone();
        session.let_time_run_out().unwrap();
        progress.note(&session);
        assert!(progress.timed_out(&at));
        assert!(progress.took(&at, "mumble"));
    }
}
