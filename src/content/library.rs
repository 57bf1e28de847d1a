//! The loaded story: every scene, character and room, indexed for play.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use serde::{Deserialize, Serialize};

use super::format::{
    CharacterDef, EndingDef, LookDef, NodeDef, PhaseDef, RelationshipDef, RoomDef, SceneDef,
    Target, Value,
};
use super::load::ContentSet;
use super::review::ReviewDef;
use super::text::LocalizedText;

/// A node anywhere in the story: scene id and node id. Saves store these.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct NodeRef {
    /// The scene's id.
    pub scene: String,
    /// The node's id within the scene.
    pub node: String,
}

impl NodeRef {
    /// Builds a reference from two ids.
    pub fn new(scene: &str, node: &str) -> Self {
        Self {
            scene: scene.to_owned(),
            node: node.to_owned(),
        }
    }
}

impl NodeRef {
    /// `scene.node`, as the story state's maps key a node: the text
    /// `Display` gives, built without the formatter (the story runner
    /// makes one at every node it enters).
    pub fn key(&self) -> String {
        let mut key = String::with_capacity(self.scene.len() + 1 + self.node.len());
        key.push_str(&self.scene);
        key.push('.');
        key.push_str(&self.node);
        key
    }

    /// Calls `f` with [`NodeRef::key`], built on the stack where it fits,
    /// so that looking a node up in the story state allocates nothing.
    pub fn with_key<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        let (scene, node) = (self.scene.as_bytes(), self.node.as_bytes());
        let mut buffer = [0u8; 96];
        let len = scene.len() + 1 + node.len();
        if len > buffer.len() {
            return f(&self.key());
        }
        buffer[..scene.len()].copy_from_slice(scene);
        buffer[scene.len()] = b'.';
        buffer[scene.len() + 1..len].copy_from_slice(node);
        match std::str::from_utf8(&buffer[..len]) {
            Ok(key) => f(key),
            Err(_) => f(&self.key()),
        }
    }
}

impl fmt::Display for NodeRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.scene, self.node)
    }
}

/// A scene with its nodes indexed by id.
#[derive(Clone, Debug)]
pub struct Scene {
    /// The scene as written.
    pub def: SceneDef,
    index: HashMap<String, usize, BuildHasherDefault<IdHasher>>,
}

/// Hashes ids for the node index: FxHash's rotate, xor and multiply (as
/// rustc's own tables use), eight bytes at a time. The story looks a node
/// up many times a line; ids are short and come from the story's own files,
/// so the standard hasher's guard against chosen keys buys nothing here.
#[derive(Clone, Copy, Debug, Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Scene {
    fn new(def: SceneDef) -> Self {
        let mut index = HashMap::default();
        for (i, node) in def.nodes.iter().enumerate() {
            index.entry(node.id().to_owned()).or_insert(i);
        }
        Self { def, index }
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&NodeDef> {
        self.index.get(id).map(|&i| &self.def.nodes[i])
    }

    /// The position of the node with this id in the file.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }
}

/// Everything the story runner needs, built from validated content.
#[derive(Clone, Debug)]
pub struct Library {
    /// Where a new game begins.
    pub start: NodeRef,
    /// Every story variable with its starting value, relationships included.
    pub variables: BTreeMap<String, Value>,
    /// The relationships by id (their values are variables).
    pub relationships: BTreeMap<String, RelationshipDef>,
    /// The characters by id.
    pub characters: BTreeMap<String, CharacterDef>,
    /// The rooms by id.
    pub rooms: BTreeMap<String, RoomDef>,
    /// The case review's words (empty when the story has none).
    pub review: ReviewDef,
    /// The declared endings, in the manifest's order.
    pub endings: Vec<EndingDef>,
    /// The stories of their own that mods bring, in load order.
    pub stories: Vec<StoryStart>,
    scenes: BTreeMap<String, Scene>,
}

/// A story of its own that a mod brings: a new game that begins elsewhere
/// than the main story.
#[derive(Clone, Debug, PartialEq)]
pub struct StoryStart {
    /// The mod's id, which names the story.
    pub id: String,
    /// What the title screen calls it: the mod's name.
    pub title: LocalizedText,
    /// Where it begins.
    pub start: NodeRef,
}

impl Library {
    /// Builds the library from a content set. A character or room declared
    /// by a later file (a mod's) replaces one of the same id; within one
    /// file, and for scenes, ids are unique (the validator reports repeats
    /// as errors before this is used).
    pub fn build(set: &ContentSet) -> Library {
        let mut scenes = BTreeMap::new();
        for file in &set.scenes {
            scenes
                .entry(file.value.id.clone())
                .or_insert_with(|| Scene::new(file.value.clone()));
        }
        let mut characters = BTreeMap::new();
        for c in set.characters.iter().flat_map(|file| &file.value) {
            characters.insert(c.id.clone(), c.clone());
        }
        let mut rooms = BTreeMap::new();
        for r in set.rooms.iter().flat_map(|file| &file.value) {
            rooms.insert(r.id.clone(), r.clone());
        }
        let manifest = &set.manifest.value;
        let start_scene = manifest.start.scene.clone().unwrap_or_default();
        let declared = || set.declarers().map(|(_, declares)| declares);
        let relationships = || declared().flat_map(|d| d.relationships());
        let mut library = Library {
            start: NodeRef::new(&start_scene, ""),
            variables: declared()
                .flat_map(|d| d.variables().clone())
                .chain(relationships().map(|r| (r.id.clone(), Value::Int(r.start))))
                .collect(),
            relationships: relationships().map(|r| (r.id.clone(), r.clone())).collect(),
            characters,
            rooms,
            review: set
                .review
                .as_ref()
                .map(|file| file.value.clone())
                .unwrap_or_default(),
            endings: declared()
                .flat_map(|d| d.endings().iter().cloned())
                .collect(),
            stories: Vec::new(),
            scenes,
        };
        library.start = library
            .resolve(&start_scene, &manifest.start)
            .unwrap_or_else(|| NodeRef::new(&start_scene, ""));
        library.stories = (set.mods.iter())
            .filter_map(|file| {
                let def = &file.value;
                Some(StoryStart {
                    id: def.id.clone(),
                    title: def.name.clone(),
                    start: library.resolve("", def.start.as_ref()?)?,
                })
            })
            .collect();
        library
    }

    /// Where the story `story` begins: a mod's story of its own by the
    /// mod's id, or the main story (none).
    pub fn start_of(&self, story: Option<&str>) -> Option<NodeRef> {
        match story {
            None => Some(self.start.clone()),
            Some(id) => (self.stories.iter())
                .find(|s| s.id == id)
                .map(|s| s.start.clone()),
        }
    }

    /// Where each story begins: the main story's start, then each mod's
    /// story of its own.
    pub fn starts(&self) -> impl Iterator<Item = &NodeRef> {
        std::iter::once(&self.start).chain(self.stories.iter().map(|s| &s.start))
    }

    /// The scene with this id.
    pub fn scene(&self, id: &str) -> Option<&Scene> {
        self.scenes.get(id)
    }

    /// Every scene, by id.
    pub fn scenes(&self) -> impl Iterator<Item = &Scene> {
        self.scenes.values()
    }

    /// Every ending the story's `End` nodes name.
    pub fn ending_ids(&self) -> BTreeSet<&str> {
        self.scenes()
            .flat_map(|scene| &scene.def.nodes)
            .filter_map(|node| match node {
                NodeDef::End { ending, .. } => Some(ending.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The title of the ending `id`, if the manifest declares it.
    pub fn ending_title(&self, id: &str) -> Option<&LocalizedText> {
        self.endings.iter().find(|e| e.id == id).map(|e| &e.title)
    }

    /// The phase with id `phase` of scene `scene`.
    pub fn phase(&self, scene: &str, phase: &str) -> Option<&PhaseDef> {
        self.scene(scene)?.def.phases.iter().find(|p| p.id == phase)
    }

    /// The node a reference points at.
    pub fn node(&self, at: &NodeRef) -> Option<&NodeDef> {
        self.scene(&at.scene)?.node(&at.node)
    }

    /// Where `target`, written in scene `from`, leads; `None` when it names a
    /// scene or node that does not exist.
    pub fn resolve(&self, from: &str, target: &Target) -> Option<NodeRef> {
        let scene_id = target.scene.as_deref().unwrap_or(from);
        let scene = self.scene(scene_id)?;
        let node = match &target.node {
            Some(node) => scene.node(node)?.id(),
            None => scene.def.nodes.first()?.id(),
        };
        Some(NodeRef::new(scene_id, node))
    }

    /// The node after `at` in its file, where a line without `next` goes.
    pub fn following(&self, at: &NodeRef) -> Option<NodeRef> {
        let scene = self.scene(&at.scene)?;
        let next = scene.def.nodes.get(scene.position(&at.node)? + 1)?;
        Some(NodeRef::new(&at.scene, next.id()))
    }

    /// Where the story may go from `at`, in the order the node lists them;
    /// targets that do not resolve are left out.
    pub fn successors(&self, at: &NodeRef) -> Vec<NodeRef> {
        let Some(node) = self.node(at) else {
            return Vec::new();
        };
        let resolve = |target: &Target| self.resolve(&at.scene, target);
        let or_following = |next: &Option<Target>| match next {
            Some(target) => resolve(target),
            None => self.following(at),
        };
        // While the story waits at a line or a choice, an alarm may send it
        // to one of the scene's interrupts.
        let interrupts = || {
            self.scene(&at.scene)
                .into_iter()
                .flat_map(|s| &s.def.interrupts)
                .filter_map(|i| resolve(&i.goto))
        };
        match node {
            NodeDef::Line { next, .. } | NodeDef::Phase { next, .. } => {
                or_following(next).into_iter().chain(interrupts()).collect()
            }
            NodeDef::Effects { next, .. } => or_following(next).into_iter().collect(),
            NodeDef::Choice { options, timer, .. } => {
                let mut out: Vec<NodeRef> =
                    options.iter().filter_map(|o| resolve(&o.goto)).collect();
                if let Some(super::format::Timeout::Goto { goto, .. }) =
                    timer.as_ref().map(|t| &t.on_timeout)
                {
                    out.extend(resolve(goto));
                }
                out.extend(interrupts());
                out
            }
            NodeDef::Branch {
                cases, otherwise, ..
            } => cases
                .iter()
                .map(|c| &c.goto)
                .chain(std::iter::once(otherwise))
                .filter_map(resolve)
                .collect(),
            // Back to wherever an alarm interrupted: some line, choice or
            // phase of the scene.
            NodeDef::Resume { .. } => self
                .scene(&at.scene)
                .into_iter()
                .flat_map(|s| &s.def.nodes)
                .filter(|n| {
                    matches!(
                        n,
                        NodeDef::Line { .. } | NodeDef::Choice { .. } | NodeDef::Phase { .. }
                    )
                })
                .map(|n| NodeRef::new(&at.scene, n.id()))
                .collect(),
            NodeDef::End { .. } => Vec::new(),
        }
    }

    /// How a character looks in a scene: their look from `characters.ron`
    /// in what the scene's `dress` gives them; none for a voice.
    pub fn look_in(&self, scene: &str, character: &str) -> Option<LookDef> {
        let mut look = self.characters.get(character)?.look.clone()?;
        if let Some(dress) = self.scene(scene).and_then(|s| s.def.dress.get(character)) {
            look.outfit = dress.outfit;
            look.clothes = dress.clothes.clone();
        }
        Some(look)
    }

    /// The display name of a character, or the id when unknown.
    pub fn character_name(&self, id: &str, lang: super::text::Lang) -> String {
        self.characters
            .get(id)
            .map(|c| c.name.get(lang).to_owned())
            .unwrap_or_else(|| id.to_owned())
    }
}
