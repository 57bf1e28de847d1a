//! The scene file format, version 1: what a modder writes under `scenes/`.
//!
//! These are plain serde types read from RON. `docs/modding.md` documents
//! them for writers; the validator (`validate/`) checks what serde cannot.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use super::text::LocalizedText;
use crate::patient::{Alarm, Intervention};

/// The version of the scene format this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// `scenes/index.ron`: the list of scene files and the story's starting point.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The format version the files are written in; must be [`FORMAT_VERSION`].
    pub format: u32,
    /// Where a new game begins, as a target such as `"@ch1_morning"`.
    pub start: Target,
    /// The scene files, relative to the folder that holds the manifest.
    pub scenes: Vec<String>,
    /// Every story variable with its starting value.
    #[serde(default)]
    pub variables: BTreeMap<String, Value>,
    /// The relationships between characters: number variables with a name,
    /// a range and the characters they are about, shown to the player when
    /// they change.
    #[serde(default)]
    pub relationships: Vec<RelationshipDef>,
    /// The file with the case review's words (`review.ron`), if any.
    #[serde(default)]
    pub review: Option<String>,
    /// The story's endings with their titles, for the case review and the
    /// flowchart. Once any are declared, every `End` names one of them.
    #[serde(default)]
    pub endings: Vec<EndingDef>,
}

/// What a file declares for the whole story: the manifest's variables,
/// relationships and endings, or a mod's (its `mod.ron` declares them in
/// fields of the same names).
pub trait Declares {
    /// Variables with their starting values.
    fn variables(&self) -> &BTreeMap<String, Value>;
    /// Relationships.
    fn relationships(&self) -> &[RelationshipDef];
    /// Endings.
    fn endings(&self) -> &[EndingDef];
}

/// Implements [`Declares`] for a file type with fields of the same names.
macro_rules! declares_by_fields {
    ($($file:ty),*) => {$(
        impl $crate::content::format::Declares for $file {
            fn variables(&self) -> &BTreeMap<String, $crate::content::format::Value> {
                &self.variables
            }

            fn relationships(&self) -> &[$crate::content::format::RelationshipDef] {
                &self.relationships
            }

            fn endings(&self) -> &[$crate::content::format::EndingDef] {
                &self.endings
            }
        }
    )*};
}
pub(crate) use declares_by_fields;

declares_by_fields!(Manifest);

/// One ending of `index.ron`: `(id: "recovered", title: (de: …, en: …))`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndingDef {
    /// The id `End` nodes name.
    pub id: String,
    /// What the player is told the ending is called.
    pub title: LocalizedText,
}

/// One relationship of `index.ron`: `(id: "roland_trust", name: (de: …,
/// en: …), between: ["roland", "vladi"])`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationshipDef {
    /// The variable's name, which conditions and effects use.
    pub id: String,
    /// What the player is told it is, as "Roland's trust".
    pub name: LocalizedText,
    /// The characters it is about (one or two ids), or none for the team.
    #[serde(default)]
    pub between: Vec<String>,
    /// Its value at the start of a game.
    #[serde(default)]
    pub start: i64,
    /// The lowest value it takes; −5 unless said.
    #[serde(default = "relationship_min")]
    pub min: i64,
    /// The highest value it takes; 5 unless said.
    #[serde(default = "relationship_max")]
    pub max: i64,
    /// Whether a rise is bad news (friction), so that the game shows it so.
    #[serde(default)]
    pub rising_is_worse: bool,
}

fn relationship_min() -> i64 {
    -5
}

fn relationship_max() -> i64 {
    5
}

/// One entry of `scenes/characters.ron`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CharacterDef {
    /// The stable id scenes use, such as `roland`.
    pub id: String,
    /// The name the dialogue box shows.
    pub name: LocalizedText,
    /// What the character does in the hospital.
    pub role: LocalizedText,
    /// The colour of the name in the dialogue box, as `#rrggbb`.
    pub color: String,
    /// How the character is drawn; without it (a voice on the phone) the
    /// character is only heard.
    #[serde(default)]
    pub look: Option<LookDef>,
}

/// How a character is drawn.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LookDef {
    /// What they wear: `"coat"` (white coat over `clothes`), `"scrubs"`,
    /// `"gown"` (a patient's) or `"casual"`.
    pub outfit: Outfit,
    /// The colour of the clothes under a coat, of the scrubs, the gown or
    /// the casual clothes, as `#rrggbb`.
    pub clothes: String,
    /// Skin colour, `#rrggbb`.
    pub skin: String,
    /// Hair colour, `#rrggbb`.
    pub hair: String,
    /// `"short"`, `"long"`, `"bun"`, `"bald"` or `"cap"` (a theatre cap in
    /// the clothes' colour).
    pub hair_style: HairStyle,
    /// Height against an average adult, 0.8 to 1.2 (default 1).
    #[serde(default = "one")]
    pub height: f32,
    /// Width of the build against an average adult, 0.8 to 1.3 (default 1).
    #[serde(default = "one")]
    pub build: f32,
}

fn one() -> f32 {
    1.0
}

/// What a character wears.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outfit {
    /// A white coat over other clothes.
    Coat,
    /// Theatre or ward scrubs.
    Scrubs,
    /// A patient's gown.
    Gown,
    /// Everyday clothes.
    Casual,
}

/// How a character's hair is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HairStyle {
    /// Short.
    Short,
    /// Long, to the shoulders.
    Long,
    /// Tied up in a bun.
    Bun,
    /// None.
    Bald,
    /// Under a theatre cap.
    Cap,
}

/// How a character feels, shown in face and posture; scenes set it with
/// `Mood("bram", "worried")`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mood {
    /// At ease.
    #[default]
    Neutral,
    /// Anxious.
    Worried,
    /// Cross.
    Angry,
    /// Relieved.
    Relieved,
    /// Worn out.
    Tired,
}

/// One entry of `scenes/rooms.ron`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoomDef {
    /// The stable id scenes use, such as `staff_room`.
    pub id: String,
    /// The room's name as a sign on its door would give it.
    pub name: LocalizedText,
    /// The room's dominant wall colour, as `#rrggbb`.
    pub color: String,
    /// Where the cast stands, in the order of a scene's `cast` (unless the
    /// scene's `positions` name a place's role).
    #[serde(default)]
    pub places: Vec<PlaceDef>,
    /// An operating room: its equipment and team places make the theatre
    /// where surgical phases run.
    #[serde(default)]
    pub operating: bool,
    /// The room's quiet background sound.
    #[serde(default)]
    pub ambience: AmbienceDef,
    /// What the room is drawn with: walls, floor, furniture and light, back
    /// to front by `layer`, on a canvas 1280 wide and 720 high with (0, 0)
    /// in the middle and y upwards.
    #[serde(default)]
    pub props: Vec<PropDef>,
    /// The id of the mod whose folder holds this room's pictures; none for
    /// the game's own rooms, whose pictures are in the assets folder. Set
    /// when a mod is laid on, never written in a file.
    #[serde(skip)]
    pub from_mod: Option<String>,
}

/// A room's background sound: ventilation hiss over an electrical hum.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AmbienceDef {
    /// How loud, 0 (silent) to 1; 0.3 unless said.
    pub level: f32,
    /// The hum's pitch in hertz, 20 to 400; 50 (the mains) unless said.
    pub hum: f32,
}

impl Default for AmbienceDef {
    fn default() -> Self {
        Self {
            level: 0.3,
            hum: 50.0,
        }
    }
}

/// A place for a character in a room.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceDef {
    /// Where the feet are (for someone lying: the middle of the body).
    pub at: (f32, f32),
    /// The place's role, such as `"surgeon"`, for scenes' `positions`.
    #[serde(default)]
    pub role: Option<String>,
    /// Lying down (on a bed or a table) rather than standing.
    #[serde(default)]
    pub lying: bool,
    /// Which props are in front of the character: those on higher layers
    /// (default 10; a patient under a blanket lies between mattress and
    /// blanket).
    #[serde(default = "standing_layer")]
    pub layer: f32,
}

fn standing_layer() -> f32 {
    10.0
}

/// One shape of a room's picture.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PropDef {
    /// A name for the modder (and error messages), such as `"window"`.
    #[serde(default)]
    pub name: Option<String>,
    /// The outline.
    pub shape: PropShape,
    /// Where its centre is (for a polygon: its origin).
    pub at: (f32, f32),
    /// Its colour as `#rrggbb`, or `#rrggbbaa` with opacity; white unless
    /// said.
    #[serde(default = "white")]
    pub color: String,
    /// A second colour for its bottom edge: the colour runs from `color` at
    /// the top to this one at the bottom.
    #[serde(default)]
    pub bottom: Option<String>,
    /// Which is drawn over which: higher layers in front. Characters stand
    /// on layer 10.
    #[serde(default)]
    pub layer: f32,
    /// Turned by this many degrees, anticlockwise.
    #[serde(default)]
    pub rotate: f32,
}

fn white() -> String {
    "#ffffff".to_owned()
}

/// The outline of a prop.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub enum PropShape {
    /// A rectangle this wide and high: `Rect(300, 120)`.
    Rect(f32, f32),
    /// An ellipse this wide and high: `Ellipse(80, 80)` is a circle.
    Ellipse(f32, f32),
    /// A convex polygon through these points, relative to `at`:
    /// `Polygon([(0, 0), (100, 0), (50, 80)])`.
    Polygon(Vec<(f32, f32)>),
    /// An SVG picture from the scenes folder, stretched to this width and
    /// height: `Image("art/or_lamp.svg", 440, 240)`. `color` tints it
    /// (white, the default, leaves it as drawn).
    Image(String, f32, f32),
}

/// One scene file: a stretch of story in one room.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SceneDef {
    /// The stable id other scenes and saves use.
    pub id: String,
    /// The scene's title.
    pub title: LocalizedText,
    /// The room it plays in (an id from `rooms.ron`).
    pub room: String,
    /// The characters present (ids from `characters.ron`), in the order of
    /// the room's places.
    pub cast: Vec<String>,
    /// Those of the cast who are not seen at first: heard on the phone, or
    /// called in later with `Enter`.
    #[serde(default)]
    pub offstage: Vec<String>,
    /// Which place of the room a cast member takes, by the place's role:
    /// `{"roland": "surgeon"}`. The others take the free places in order.
    #[serde(default)]
    pub positions: BTreeMap<String, String>,
    /// What cast members wear in this scene instead of their usual look:
    /// `{"roland": (outfit: "scrubs", clothes: "#4f7fa8")}`.
    #[serde(default)]
    pub dress: BTreeMap<String, DressDef>,
    /// The time of day when the scene begins, as `"07:30"`.
    #[serde(default)]
    pub time: Option<String>,
    /// What the patient monitor shows during the scene: `"bedside"` (the
    /// full monitor, at the bed), `"compact"` (the numbers, away from the
    /// bed) or `"none"` (the default).
    #[serde(default)]
    pub monitor: MonitorView,
    /// What happens when a monitor alarm goes off while the story waits in
    /// this scene: the first handler for that alarm whose condition holds
    /// sends the story to its target.
    #[serde(default)]
    pub interrupts: Vec<InterruptDef>,
    /// The stages of an operation, in order, for `Phase` nodes to run and
    /// the theatre's checklist to show.
    #[serde(default)]
    pub phases: Vec<PhaseDef>,
    /// The nodes; the first one is where the scene begins.
    pub nodes: Vec<NodeDef>,
}

/// What a character wears in one scene.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DressDef {
    /// The outfit, as in a look.
    pub outfit: Outfit,
    /// Its colour, `#rrggbb`.
    pub clothes: String,
}

/// A stage of an operation: `(id: "induction", name: (de: …, en: …),
/// minutes: 10, start: [Order(Induction)])`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseDef {
    /// The id `Phase` nodes use, unique in its scene.
    pub id: String,
    /// Its name on the theatre's checklist; phases with the same name are
    /// one step there (alternatives such as a limited or a radical
    /// debridement).
    pub name: LocalizedText,
    /// How many simulated minutes it takes.
    pub minutes: u32,
    /// How many real seconds it takes on screen; half a second per minute
    /// (at least two seconds) unless said.
    #[serde(default)]
    pub seconds: Option<f32>,
    /// What happens as it begins.
    #[serde(default)]
    pub start: Vec<Effect>,
    /// What happens when its minutes are over.
    #[serde(default)]
    pub done: Vec<Effect>,
    /// Shown on the checklist only once it runs (an alternative).
    #[serde(default)]
    pub optional: bool,
}

impl PhaseDef {
    /// Its length on screen in real seconds.
    pub fn real_seconds(&self) -> f32 {
        self.seconds
            .unwrap_or_else(|| (self.minutes as f32 * 0.5).max(2.0))
    }
}

/// How much of the patient monitor a scene shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MonitorView {
    /// None: the patient is not here, or not yet monitored.
    #[default]
    None,
    /// The numbers and alarms in a small panel, away from the bed.
    Compact,
    /// The full bedside monitor with its traces.
    Bedside,
}

/// A scene's reaction to a monitor alarm: `(alarm: "map_low", goto:
/// "brandt_warns")`, optionally with `when`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterruptDef {
    /// Which alarm.
    pub alarm: Alarm,
    /// The handler applies only while this holds.
    #[serde(default)]
    pub when: Option<Condition>,
    /// Where the story goes.
    pub goto: Target,
}

/// A step of the story.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum NodeDef {
    /// A character says something, or the narrator does when `speaker` is
    /// absent. The story goes on to `next`, or to the following node.
    Line {
        /// The node's id, unique in its scene.
        id: String,
        /// Who speaks (a character id); none for narration.
        #[serde(default)]
        speaker: Option<String>,
        /// What is said.
        text: LocalizedText,
        /// Where the story goes on; the following node when absent.
        #[serde(default)]
        next: Option<Target>,
    },
    /// The player decides. At most nine options, each with its own target.
    Choice {
        /// The node's id, unique in its scene.
        id: String,
        /// Who asks the question, if anybody.
        #[serde(default)]
        speaker: Option<String>,
        /// The question shown above the options, if any.
        #[serde(default)]
        prompt: Option<LocalizedText>,
        /// The options, in the order they are offered.
        options: Vec<OptionDef>,
        /// A countdown; when it runs out, `on_timeout` happens.
        #[serde(default)]
        timer: Option<TimerDef>,
    },
    /// The story goes to the first case whose condition holds.
    Branch {
        /// The node's id, unique in its scene.
        id: String,
        /// The cases, tried in order.
        cases: Vec<BranchCase>,
        /// Where the story goes when no case holds.
        otherwise: Target,
    },
    /// Changes story state without showing anything.
    Effects {
        /// The node's id, unique in its scene.
        id: String,
        /// The changes, applied in order.
        effects: Vec<Effect>,
        /// Where the story goes on; the following node when absent.
        #[serde(default)]
        next: Option<Target>,
    },
    /// A phase of the scene's operation runs: its minutes pass for the
    /// patient in real time while `text` is shown, then the story goes on
    /// to `next`, or to the following node.
    Phase {
        /// The node's id, unique in its scene.
        id: String,
        /// Which of the scene's `phases`.
        phase: String,
        /// Who speaks the text, if anybody.
        #[serde(default)]
        speaker: Option<String>,
        /// What is shown while it runs.
        #[serde(default)]
        text: Option<LocalizedText>,
        /// Where the story goes on; the following node when absent.
        #[serde(default)]
        next: Option<Target>,
    },
    /// Ends an interrupt: the story goes back to the line, choice or phase
    /// the alarm interrupted, which is shown again.
    Resume {
        /// The node's id, unique in its scene.
        id: String,
    },
    /// The story ends here with an ending id.
    End {
        /// The node's id, unique in its scene.
        id: String,
        /// Which ending this is.
        ending: String,
    },
}

impl NodeDef {
    /// The node's id.
    pub fn id(&self) -> &str {
        match self {
            NodeDef::Line { id, .. }
            | NodeDef::Choice { id, .. }
            | NodeDef::Branch { id, .. }
            | NodeDef::Effects { id, .. }
            | NodeDef::Phase { id, .. }
            | NodeDef::Resume { id }
            | NodeDef::End { id, .. } => id,
        }
    }

    /// The node kind's name as written in scene files.
    pub fn kind(&self) -> &'static str {
        match self {
            NodeDef::Line { .. } => "Line",
            NodeDef::Choice { .. } => "Choice",
            NodeDef::Branch { .. } => "Branch",
            NodeDef::Effects { .. } => "Effects",
            NodeDef::Phase { .. } => "Phase",
            NodeDef::Resume { .. } => "Resume",
            NodeDef::End { .. } => "End",
        }
    }
}

/// One option of a [`NodeDef::Choice`].
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionDef {
    /// The option's id, unique in its choice; saves and timers refer to it.
    pub id: String,
    /// The option's text on its button.
    pub text: LocalizedText,
    /// What the option means medically, shown when the player asks; it
    /// should not give the outcome away.
    #[serde(default)]
    pub hint: Option<LocalizedText>,
    /// The option is offered only while this holds.
    #[serde(default)]
    pub when: Option<Condition>,
    /// What choosing it changes.
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// Where the story goes when it is chosen.
    pub goto: Target,
}

/// A countdown on a choice.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimerDef {
    /// How long the player has, in seconds.
    pub seconds: f32,
    /// What happens when the time is up.
    pub on_timeout: Timeout,
}

/// What happens when a timed choice runs out.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Timeout {
    /// The option with this id is taken, effects and all.
    Take(String),
    /// These effects apply and the story goes to `goto`.
    Goto {
        /// What hesitating changes.
        #[serde(default)]
        effects: Vec<Effect>,
        /// Where the story goes.
        goto: Target,
    },
}

/// One case of a [`NodeDef::Branch`].
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BranchCase {
    /// The condition.
    pub when: Condition,
    /// Where the story goes when it holds.
    pub goto: Target,
}

/// A question about the story's state.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub enum Condition {
    /// A true/false variable is true.
    Is(String),
    /// A number variable compares to a number: `Var("courage", ">=", 2)`.
    Var(String, CmpOp, i64),
    /// A node (or a scene's first node) was visited at least once.
    Visited(Target),
    /// How often a node was visited compares to a number.
    Visits(Target, CmpOp, i64),
    /// The inner condition does not hold.
    Not(Box<Condition>),
    /// Every inner condition holds.
    All(Vec<Condition>),
    /// At least one inner condition holds.
    Any(Vec<Condition>),
    /// A vital sign or score of the patient compares to a number:
    /// `Vital("map", "<", 65)`.
    Vital(Vital, CmpOp, f64),
    /// A result is back: `Known("lactate")`, `Known("labs")`.
    Known(Lab),
    /// The patient is alive: `Alive`, or `Not(Alive)` once she has died.
    Alive,
}

/// A vital sign or score a condition can read, written as a lowercase
/// string: `"map"`, `"news2"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vital {
    /// Mean arterial pressure, mmHg.
    Map,
    /// Systolic pressure, mmHg.
    Sbp,
    /// Diastolic pressure, mmHg.
    Dbp,
    /// Heart rate, /min.
    Hr,
    /// Respiratory rate, /min.
    Rr,
    /// Oxygen saturation, %.
    Spo2,
    /// Temperature, °C.
    Temp,
    /// Lactate, mmol/L: the latest result that is back (0 before any).
    Lactate,
    /// Urine output, mL/kg/h.
    Urine,
    /// The NEWS2 total.
    News2,
    /// The qSOFA score.
    Qsofa,
    /// Minutes since the patient arrived.
    Minute,
    /// The estimated probability of death, 0–1, for the case as it stands.
    Outcome,
}

/// A result a condition can ask about, written as a lowercase string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lab {
    /// A lactate measurement.
    Lactate,
    /// The blood panel (CRP, blood count, sodium, creatinine, glucose).
    Labs,
}

/// Deserializes a unit-like enum from one of its names written as a string.
macro_rules! named {
    ($ty:ident { $($name:literal => $variant:ident),* $(,)? }) => {
        impl $ty {
            /// Every name, as scene files write it.
            pub const NAMES: &[&str] = &[$($name),*];

            /// The name scene files write.
            pub fn name(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)*
                }
            }
        }
        impl Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.name())
            }
        }
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let name = String::deserialize(deserializer)?;
                match name.as_str() {
                    $($name => Ok($ty::$variant),)*
                    other => Err(de::Error::custom(format!(
                        "unknown {} `{other}`; use one of: {}",
                        stringify!($ty).to_lowercase(),
                        $ty::NAMES.join(", ")
                    ))),
                }
            }
        }
    };
}

named!(Vital {
    "map" => Map, "sbp" => Sbp, "dbp" => Dbp, "hr" => Hr, "rr" => Rr, "spo2" => Spo2,
    "temp" => Temp, "lactate" => Lactate, "urine" => Urine, "news2" => News2,
    "qsofa" => Qsofa, "minute" => Minute, "outcome" => Outcome,
});
named!(Lab { "lactate" => Lactate, "labs" => Labs });
named!(MonitorView { "none" => None, "compact" => Compact, "bedside" => Bedside });
named!(Outfit { "coat" => Coat, "scrubs" => Scrubs, "gown" => Gown, "casual" => Casual });
named!(HairStyle { "short" => Short, "long" => Long, "bun" => Bun, "bald" => Bald, "cap" => Cap });
named!(Mood {
    "neutral" => Neutral, "worried" => Worried, "angry" => Angry, "relieved" => Relieved,
    "tired" => Tired,
});
named!(Alarm {
    "map_low" => MapLow, "spo2_low" => Spo2Low, "hr_high" => HrHigh, "rr_high" => RrHigh,
    "temp_high" => TempHigh, "asystole" => Asystole,
});

/// A change to the story's state.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub enum Effect {
    /// Sets a variable: `Set("met_team", true)`.
    Set(String, Value),
    /// Adds to a number variable (negative to subtract): `Add("courage", 1)`.
    Add(String, i64),
    /// Gives the patient a medical order: `Order(Antibiotics(adequate: true))`.
    Order(Intervention),
    /// Lets this many simulated minutes pass for the patient: `Wait(30)`.
    Wait(u32),
    /// Sets how a character feels: `Mood("bram", "worried")`.
    Mood(String, Mood),
    /// Lets the patient's time run on its own at this many simulated minutes
    /// per real second, from 0 (stopped, the default) to 60: `Pace(1.0)`.
    Pace(f32),
    /// Brings a cast member who was offstage into the room: `Enter("senior")`.
    Enter(String),
    /// Sends a cast member out of the room: `Leave("senior")`.
    Leave(String),
}

/// The value of a story variable: a whole number or true/false.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// A whole number.
    Int(i64),
    /// True or false.
    Bool(bool),
}

impl Value {
    /// The kind of value, as error messages name it.
    pub fn kind(self) -> &'static str {
        match self {
            Value::Int(_) => "a number",
            Value::Bool(_) => "true/false",
        }
    }

    /// Whether two values are of the same kind.
    pub fn same_kind(self, other: Value) -> bool {
        matches!(
            (self, other),
            (Value::Int(_), Value::Int(_)) | (Value::Bool(_), Value::Bool(_))
        )
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Int(n) => write!(f, "{n}"),
            Value::Bool(b) => write!(f, "{b}"),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl Visitor<'_> for ValueVisitor {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("true, false or a whole number")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
                Ok(Value::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
                Ok(Value::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
                i64::try_from(v)
                    .map(Value::Int)
                    .map_err(|_| E::custom("number too large"))
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
}

/// A comparison in a condition, written as a string: `"=="`, `"!="`, `"<"`,
/// `"<="`, `">"` or `">="`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl CmpOp {
    /// Compares `left` with `right`.
    pub fn holds<T: PartialOrd>(self, left: T, right: T) -> bool {
        match self {
            CmpOp::Eq => left == right,
            CmpOp::Ne => left != right,
            CmpOp::Lt => left < right,
            CmpOp::Le => left <= right,
            CmpOp::Gt => left > right,
            CmpOp::Ge => left >= right,
        }
    }
}

impl<'de> Deserialize<'de> for CmpOp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let op = String::deserialize(deserializer)?;
        Ok(match op.as_str() {
            "==" => CmpOp::Eq,
            "!=" => CmpOp::Ne,
            "<" => CmpOp::Lt,
            "<=" => CmpOp::Le,
            ">" => CmpOp::Gt,
            ">=" => CmpOp::Ge,
            other => {
                return Err(de::Error::custom(format!(
                    "unknown comparison `{other}`; use one of == != < <= > >="
                )));
            }
        })
    }
}

/// Where the story goes: a node in the same scene (`"node_id"`), the first
/// node of another scene (`"@scene_id"`), or a node in another scene
/// (`"@scene_id.node_id"`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Target {
    /// The scene, when the target leaves the current one.
    pub scene: Option<String>,
    /// The node, when not the scene's first.
    pub node: Option<String>,
}

impl Target {
    /// The first node of the scene it is read in.
    pub fn scene_start() -> Target {
        Target {
            scene: None,
            node: None,
        }
    }

    /// Parses the written form; the error says what is wrong.
    pub fn parse(text: &str) -> Result<Target, String> {
        let target = if let Some(rest) = text.strip_prefix('@') {
            match rest.split_once('.') {
                Some((scene, node)) => Target {
                    scene: Some(scene.to_owned()),
                    node: Some(node.to_owned()),
                },
                None => Target {
                    scene: Some(rest.to_owned()),
                    node: None,
                },
            }
        } else {
            Target {
                scene: None,
                node: Some(text.to_owned()),
            }
        };
        for part in [&target.scene, &target.node].into_iter().flatten() {
            if !is_valid_id(part) {
                return Err(format!(
                    "`{text}` is not a target; write `node_id`, `@scene_id` or `@scene_id.node_id` \
                     with ids of lowercase letters, digits and `_`"
                ));
            }
        }
        Ok(target)
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.scene, &self.node) {
            (Some(scene), Some(node)) => write!(f, "@{scene}.{node}"),
            (Some(scene), None) => write!(f, "@{scene}"),
            (None, Some(node)) => write!(f, "{node}"),
            (None, None) => Ok(()),
        }
    }
}

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Target::parse(&text).map_err(de::Error::custom)
    }
}

/// Whether `id` is a valid id: lowercase ASCII letters, digits and `_`,
/// starting with a letter.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_parse_in_all_three_forms() {
        assert_eq!(
            Target::parse("greet").unwrap(),
            Target {
                scene: None,
                node: Some("greet".into())
            }
        );
        assert_eq!(Target::parse("@ch2").unwrap().to_string(), "@ch2");
        assert_eq!(
            Target::parse("@ch2.arrival").unwrap().to_string(),
            "@ch2.arrival"
        );
        assert!(Target::parse("Greet").is_err());
        assert!(Target::parse("@").is_err());
        assert!(Target::parse("@ch2.").is_err());
    }

    #[test]
    fn comparisons_hold_as_written() {
        assert!(CmpOp::Ge.holds(2, 2));
        assert!(!CmpOp::Gt.holds(2, 2));
        assert!(CmpOp::Ne.holds(1, 2));
        assert!(CmpOp::Lt.holds(-1, 0));
    }

    #[test]
    fn ids_are_lowercase_words() {
        assert!(is_valid_id("ch1_morning2"));
        assert!(!is_valid_id("1ch"));
        assert!(!is_valid_id("Roland"));
        assert!(!is_valid_id(""));
    }
}
