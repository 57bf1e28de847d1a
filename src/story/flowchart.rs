//! The flowchart: the story's scenes and endings laid out in rows from the
//! start, the ways between them, and each scene's choices with the options
//! a player took in any game. What no game reached stays locked.

use std::collections::{BTreeMap, HashMap};

use super::progress::Progress;
use crate::content::{Library, NodeDef, NodeRef};

/// The story as a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Flowchart {
    /// The scenes, in the order the story first comes to them.
    pub scenes: Vec<SceneBox>,
    /// The endings, on the last row.
    pub endings: Vec<EndingBox>,
    /// The ways from a scene to another scene or to an ending.
    pub links: Vec<Link>,
    /// How many rows the chart has, endings included.
    pub rows: usize,
}

/// A scene on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct SceneBox {
    /// The scene's id.
    pub id: String,
    /// Its row: the longest way from the start, in scenes.
    pub row: usize,
    /// Its place in the row, from the left.
    pub column: usize,
    /// Whether any game entered it.
    pub reached: bool,
    /// Its choices, in file order.
    pub choices: Vec<ChoiceRow>,
}

/// A choice of a scene.
#[derive(Clone, Debug, PartialEq)]
pub struct ChoiceRow {
    /// The choice node.
    pub at: NodeRef,
    /// Whether any game came to it.
    pub reached: bool,
    /// Whether it has a countdown.
    pub timed: bool,
    /// Whether its time ever ran out.
    pub timed_out: bool,
    /// Its options, each with whether any game took it.
    pub options: Vec<(String, bool)>,
}

/// An ending on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct EndingBox {
    /// The ending's id.
    pub id: String,
    /// Its place in the last row.
    pub column: usize,
    /// Whether any game reached it.
    pub reached: bool,
}

/// Where a link leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// The scene at this index of [`Flowchart::scenes`].
    Scene(usize),
    /// The ending at this index of [`Flowchart::endings`].
    Ending(usize),
}

/// A way from one scene to a scene or an ending.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    /// The scene it leaves, an index of [`Flowchart::scenes`].
    pub from: usize,
    /// Where it leads.
    pub to: Place,
    /// Whether a game went this way.
    pub taken: bool,
}

impl Flowchart {
    /// The chart of `library` as far as `progress` found it.
    pub fn of(library: &Library, progress: &Progress) -> Flowchart {
        let order = scene_order(library);
        let index: HashMap<&str, usize> = order
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i))
            .collect();
        let ending_ids = ending_order(library, &order);
        let links = links(library, progress, &order, &index, &ending_ids);
        let scene_rows = rows(order.len(), &links);
        let last_row = scene_rows.iter().max().map_or(0, |row| row + 1);
        let scenes = order
            .iter()
            .enumerate()
            .map(|(i, id)| SceneBox {
                id: id.clone(),
                row: scene_rows[i],
                column: scene_rows[..i]
                    .iter()
                    .filter(|r| **r == scene_rows[i])
                    .count(),
                reached: progress.chapter(id).is_some()
                    || library.scene(id).is_some_and(|s| {
                        s.def
                            .nodes
                            .iter()
                            .any(|n| progress.reached(&NodeRef::new(id, n.id())))
                    }),
                choices: choices(library, progress, id),
            })
            .collect();
        let endings = ending_ids
            .into_iter()
            .enumerate()
            .map(|(column, id)| EndingBox {
                reached: progress.endings.contains(&id),
                id,
                column,
            })
            .collect();
        Flowchart {
            scenes,
            endings,
            links,
            rows: last_row + 1,
        }
    }

    /// The scene with this id.
    pub fn scene(&self, id: &str) -> Option<&SceneBox> {
        self.scenes.iter().find(|s| s.id == id)
    }
}

/// The scenes in the order the story first comes to them from its start
/// and then from the start of each mod's story of its own (breadth first,
/// each scene's ways out in file order), then any no start leads to.
fn scene_order(library: &Library) -> Vec<String> {
    let mut order: Vec<String> = Vec::new();
    let mut next = 0;
    for start in library.starts() {
        if !order.contains(&start.scene) {
            order.push(start.scene.clone());
        }
        while next < order.len() {
            let scene = order[next].clone();
            next += 1;
            for to in scene_exits(library, &scene) {
                if !order.contains(&to.scene) {
                    order.push(to.scene);
                }
            }
        }
    }
    for scene in library.scenes() {
        if !order.contains(&scene.def.id) {
            order.push(scene.def.id.clone());
        }
    }
    order
}

/// Every way out of `scene`: `(node, the node in another scene it leads to)`.
fn exits_with_sources(library: &Library, scene: &str) -> Vec<(NodeRef, NodeRef)> {
    let Some(def) = library.scene(scene) else {
        return Vec::new();
    };
    def.def
        .nodes
        .iter()
        .map(|node| NodeRef::new(scene, node.id()))
        .flat_map(|from| {
            library
                .successors(&from)
                .into_iter()
                .filter(|to| to.scene != scene)
                .map(move |to| (from.clone(), to))
        })
        .collect()
}

fn scene_exits(library: &Library, scene: &str) -> Vec<NodeRef> {
    exits_with_sources(library, scene)
        .into_iter()
        .map(|(_, to)| to)
        .collect()
}

/// The endings: those the manifest declares, in its order, then any other
/// an `End` names, in the order of the scenes.
fn ending_order(library: &Library, order: &[String]) -> Vec<String> {
    let mut endings: Vec<String> = library.endings.iter().map(|e| e.id.clone()).collect();
    for scene in order.iter().filter_map(|id| library.scene(id)) {
        for node in &scene.def.nodes {
            if let NodeDef::End { ending, .. } = node
                && !endings.contains(ending)
            {
                endings.push(ending.clone());
            }
        }
    }
    endings
}

/// The ways between scenes and to endings, once each, taken when a game
/// went along any of them.
fn links(
    library: &Library,
    progress: &Progress,
    order: &[String],
    index: &HashMap<&str, usize>,
    endings: &[String],
) -> Vec<Link> {
    let mut found: BTreeMap<(usize, Place), bool> = BTreeMap::new();
    for (from, scene) in order.iter().enumerate() {
        for (source, to) in exits_with_sources(library, scene) {
            if let Some(&target) = index.get(to.scene.as_str()) {
                let taken = progress.reached(&source) && progress.reached(&to);
                *found.entry((from, Place::Scene(target))).or_default() |= taken;
            }
        }
        for node in library.scene(scene).into_iter().flat_map(|s| &s.def.nodes) {
            if let NodeDef::End { id, ending } = node
                && let Some(e) = endings.iter().position(|x| x == ending)
            {
                let taken = progress.reached(&NodeRef::new(scene, id));
                *found.entry((from, Place::Ending(e))).or_default() |= taken;
            }
        }
    }
    found
        .into_iter()
        .map(|((from, to), taken)| Link { from, to, taken })
        .collect()
}

/// Each scene's row: the longest way to it from the start (scene 0) over
/// the links between scenes, ways back up the story left out.
fn rows(scenes: usize, links: &[Link]) -> Vec<usize> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); scenes];
    for link in links {
        if let Place::Scene(to) = link.to {
            out[link.from].push(to);
        }
    }
    // Depth first from the start: a link to a scene still on the way down
    // leads back up, and is left out of the rows.
    let mut finished = Vec::new();
    let mut state = vec![0u8; scenes]; // 0 new, 1 on the way, 2 done
    let mut forward: Vec<Vec<usize>> = vec![Vec::new(); scenes];
    for root in 0..scenes {
        if state[root] == 0 {
            visit(root, &out, &mut state, &mut forward, &mut finished);
        }
    }
    let mut row = vec![0; scenes];
    for &scene in finished.iter().rev() {
        for &to in &forward[scene] {
            row[to] = row[to].max(row[scene] + 1);
        }
    }
    row
}

/// Depth-first visit of `scene`, keeping the links that lead down.
fn visit(
    scene: usize,
    out: &[Vec<usize>],
    state: &mut [u8],
    forward: &mut [Vec<usize>],
    finished: &mut Vec<usize>,
) {
    state[scene] = 1;
    for &to in &out[scene] {
        match state[to] {
            0 => {
                forward[scene].push(to);
                visit(to, out, state, forward, finished);
            }
            2 => forward[scene].push(to),
            _ => {}
        }
    }
    state[scene] = 2;
    finished.push(scene);
}

/// The choices of `scene`, each with what games did there.
fn choices(library: &Library, progress: &Progress, scene: &str) -> Vec<ChoiceRow> {
    let nodes = library.scene(scene).into_iter().flat_map(|s| &s.def.nodes);
    nodes
        .filter_map(|node| match node {
            NodeDef::Choice {
                id, options, timer, ..
            } => {
                let at = NodeRef::new(scene, id);
                Some(ChoiceRow {
                    reached: progress.reached(&at),
                    timed: timer.is_some(),
                    timed_out: progress.timed_out(&at),
                    options: options
                        .iter()
                        .map(|o| (o.id.clone(), progress.took(&at, &o.id)))
                        .collect(),
                    at,
                })
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::content::fixtures::{MANIFEST, SCENE, compile_files};
    use crate::settings::TimerMode;
    use crate::story::Session;

    /// Two scenes: `s1` goes on to `s2` when brave, else ends shy; `s2`
    /// can go back to `s1`'s branch or end well.
    fn library() -> Arc<Library> {
        let manifest = MANIFEST.replace(r#"["s1.ron"]"#, r#"["s1.ron", "s2.ron"]"#);
        let s1 = SCENE.replace(
            r#"Line(id: "good", speaker: "vladi", text: (de: "Mutig.", en: "Brave."), next: "done"),"#,
            r#"Line(id: "good", speaker: "vladi", text: (de: "Mutig.", en: "Brave."), next: "@s2"),"#,
        );
        let s1 = s1.replace(
            r#"        End(id: "done", ending: "good_start"),
"#,
            "",
        );
        let s2 = r#"(
            id: "s2", title: (de: "Später", en: "Later"), room: "office", cast: ["vladi"],
            nodes: [
                Choice(id: "again", options: [
                    (id: "back", text: (de: "Zurück", en: "Back"), goto: "@s1.check"),
                    (id: "on", text: (de: "Weiter", en: "On"), goto: "end"),
                ]),
                End(id: "end", ending: "good_start"),
            ],
        )"#;
        let compiled = compile_files(&[("index.ron", &manifest), ("s1.ron", &s1), ("s2.ron", s2)]);
        assert!(
            compiled.diagnostics.is_empty(),
            "{:#?}",
            compiled.diagnostics
        );
        Arc::new(compiled.library.expect("compiles"))
    }

    #[test]
    fn scenes_fall_into_rows_from_the_start_and_a_way_back_does_not_lift_them() {
        let chart = Flowchart::of(&library(), &Progress::default());
        let ids: Vec<_> = chart
            .scenes
            .iter()
            .map(|s| (s.id.as_str(), s.row))
            .collect();
        assert_eq!(ids, [("s1", 0), ("s2", 1)]);
        assert_eq!(chart.rows, 3, "two rows of scenes and the endings");
        let endings: Vec<_> = chart.endings.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(endings, ["shy_start", "good_start"]);
        assert!(chart.scenes.iter().all(|s| !s.reached));
        assert!(chart.links.iter().all(|l| !l.taken));
        assert!(chart.links.contains(&Link {
            from: 1,
            to: Place::Scene(0),
            taken: false
        }));
    }

    #[test]
    fn what_a_game_took_is_lit_and_the_rest_stays_locked() {
        let library = library();
        let mut session = Session::new(library.clone(), TimerMode::Normal).unwrap();
        let mut progress = Progress::default();
        session.advance().unwrap();
        let at = session.story().cursor.clone();
        session.choose(&at, "greet").unwrap();
        session.advance().unwrap();
        progress.note(&session);
        let chart = Flowchart::of(&library, &progress);
        let s1 = chart.scene("s1").unwrap();
        assert!(s1.reached && chart.scene("s2").unwrap().reached);
        assert_eq!(
            s1.choices[0].options,
            [
                ("greet".into(), true),
                ("mumble".into(), false),
                ("secret".into(), false)
            ]
        );
        assert!(s1.choices[0].reached && s1.choices[0].timed && !s1.choices[0].timed_out);
        let s2 = chart.scene("s2").unwrap();
        assert!(s2.choices[0].reached, "the story waits there now");
        assert!(chart.links.contains(&Link {
            from: 0,
            to: Place::Scene(1),
            taken: true
        }));
        assert!(chart.links.contains(&Link {
            from: 0,
            to: Place::Ending(0),
            taken: false
        }));
        assert!(chart.endings.iter().all(|e| !e.reached));
    }
}
