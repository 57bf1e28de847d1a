//! The story as a graph of nodes, walked from its starts (the manifest's
//! and each mod's story of its own): scenes nobody enters, nodes nothing
//! leads to, and nodes from which no End can be reached.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

use super::Checker;
use super::path::Path;
use crate::content::format::{NodeDef, SceneDef};
use crate::content::library::{Library, NodeRef};
use crate::content::parse::ContentFile;

/// Checks each scene's place in the story: whether it is entered, and
/// whether each of its nodes is reached and can reach an End.
pub(super) fn check(checker: &mut Checker) {
    // With other errors present, stuck nodes are mostly their echo: wait
    // until they are fixed.
    let quiet_about_stuck = checker.has_errors();
    let start = checker.library.start.clone();
    if checker.library.node(&start).is_none() {
        return; // reported with the manifest
    }
    let starts = checker.library.starts().cloned().collect();
    let reach = Reach::walk(&checker.library, starts);
    let set = checker.set;
    let mut checked = HashSet::new();
    for file in &set.scenes {
        if !checked.insert(file.value.id.as_str()) {
            continue; // a repeated scene id, reported already
        }
        scene(checker, file, &reach, quiet_about_stuck);
    }
}

/// The nodes the stories reach from their starts (the main story's and
/// the mods' own), and those of them from which they can reach an End.
struct Reach {
    reached: HashSet<NodeRef>,
    can_end: HashSet<NodeRef>,
}

impl Reach {
    /// Walks forwards from `starts`, then backwards from the Ends reached.
    fn walk(library: &Library, starts: Vec<NodeRef>) -> Reach {
        let mut reached: HashSet<NodeRef> = starts.iter().cloned().collect();
        let mut queue = VecDeque::from(starts);
        let mut incoming: HashMap<NodeRef, Vec<NodeRef>> = HashMap::new();
        while let Some(at) = queue.pop_front() {
            for next in library.successors(&at) {
                incoming.entry(next.clone()).or_default().push(at.clone());
                if reached.insert(next.clone()) {
                    queue.push_back(next);
                }
            }
        }
        let mut can_end: HashSet<NodeRef> = reached
            .iter()
            .filter(|at| matches!(library.node(at), Some(NodeDef::End { .. })))
            .cloned()
            .collect();
        let mut queue: VecDeque<NodeRef> = can_end.iter().cloned().collect();
        while let Some(at) = queue.pop_front() {
            for before in incoming.get(&at).into_iter().flatten() {
                if can_end.insert(before.clone()) {
                    queue.push_back(before.clone());
                }
            }
        }
        Reach { reached, can_end }
    }
}

/// One scene: never entered, or each node reached and able to end.
fn scene(
    checker: &mut Checker,
    file: &ContentFile<SceneDef>,
    reach: &Reach,
    quiet_about_stuck: bool,
) {
    let scene = &file.value;
    let refs: Vec<NodeRef> = scene
        .nodes
        .iter()
        .map(|n| NodeRef::new(&scene.id, n.id()))
        .collect();
    if !refs.is_empty() && refs.iter().all(|r| !reach.reached.contains(r)) {
        checker
            .error(
                file,
                &Path::root().field("id"),
                format!("scene `{}` is never entered", scene.id),
            )
            .hint(format!(
                "no target leads to it; add `\"@{}\"` as a target in another scene, or make it the start in index.ron or a mod's `start`",
                scene.id
            ));
        return;
    }
    let mut stuck: BTreeMap<usize, &str> = BTreeMap::new();
    for (i, (node, at)) in scene.nodes.iter().zip(&refs).enumerate() {
        if !reach.reached.contains(at) {
            checker
                .error(
                    file,
                    &Path::root().field("nodes").index(i).field("id"),
                    format!("node `{}` can never be reached", node.id()),
                )
                .hint("nothing leads here: name it in a `next`, `goto` or `otherwise`, or let the node before it fall through");
        } else if !reach.can_end.contains(at) {
            stuck.insert(i, node.id());
        }
    }
    if !quiet_about_stuck {
        stuck_nodes(checker, file, &stuck);
    }
}

/// Reports nodes that only lead to each other, by index, at the first.
fn stuck_nodes(checker: &mut Checker, file: &ContentFile<SceneDef>, stuck: &BTreeMap<usize, &str>) {
    let Some((&first, _)) = stuck.iter().next() else {
        return;
    };
    let names: BTreeSet<&str> = stuck.values().copied().take(6).collect();
    let names: Vec<_> = names.into_iter().map(|n| format!("`{n}`")).collect();
    checker
        .error(
            file,
            &Path::root().field("nodes").index(first).field("id"),
            "the story can never end from here".to_owned(),
        )
        .hint(format!(
            "these nodes only lead to each other: {}; give one of them a way to an End",
            names.join(", ")
        ));
}

#[cfg(test)]
mod tests {
    use crate::content::fixtures::{SCENE, compile_files, errors};

    #[test]
    fn dead_ends_and_endless_loops_are_found() {
        let scene = SCENE.replace(
            r#"End(id: "sad", ending: "shy_start"),"#,
            r#"Line(id: "sad", text: (de: "…", en: "…"), next: "sad2"),
               Line(id: "sad2", text: (de: "…", en: "…"), next: "sad"),"#,
        );
        let errs = errors(&scene).join("\n");
        assert!(errs.contains("the story can never end from here"), "{errs}");
        let scene = SCENE.replace(
            r#"End(id: "sad", ending: "shy_start"),"#,
            r#"Line(id: "sad", text: (de: "…", en: "…")),"#,
        );
        let errs = errors(&scene).join("\n");
        assert!(errs.contains("node `sad` has no way on"), "{errs}");
    }

    #[test]
    fn a_scene_nobody_enters_is_reported() {
        let manifest =
            crate::content::fixtures::MANIFEST.replace(r#"["s1.ron"]"#, r#"["s1.ron", "s2.ron"]"#);
        let s2 = SCENE.replace(r#"id: "s1""#, r#"id: "s2""#);
        let compiled =
            compile_files(&[("index.ron", &manifest), ("s1.ron", SCENE), ("s2.ron", &s2)]);
        let errs: Vec<_> = compiled.diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(errs.len(), 1, "{errs:#?}");
        assert!(
            errs[0].starts_with("scenes/s2.ron:2:9: error: scene `s2` is never entered"),
            "{}",
            errs[0]
        );
    }
}
